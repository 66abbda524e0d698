import type { EventType, SubjectType } from '@alis/shared';
import { type SQL, and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { placeholders, prepared } from '../../db/prepared.js';
import { events, feedState, municipalities } from '../../db/schema.js';
import { statementName } from '../../lib/list.js';
import { insertJsonRows } from '../../db/bulk.js';

/** Taken by every transaction that appends to the feed, and held until it ends. */
export const FEED_LOCK_ID = 4_219_002;

export interface NewEvent {
  type: EventType;
  subject: { type: SubjectType; id: string };
  kommunenumre: readonly string[];
  data: unknown;
}

export type EventRow = typeof events.$inferSelect;

/** Whose events a reader sees: all, an office's municipalities', one municipality's, or only some types. */
export type FeedScope = { kind: 'all' } | { kind: 'office'; officeCode: string } | { kind: 'municipality'; kommunenummer: string };

export const eventsRepo = {
  /**
   * Appends an event in `tx`. The lock serialises appenders from here until their commit, so the
   * sequence each takes follows commit order: visibility order and sequence order are the same.
   */
  async append(tx: Executor, event: NewEvent): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(${FEED_LOCK_ID})`);
    await tx.insert(events).values({
      type: event.type,
      subjectType: event.subject.type,
      subjectId: event.subject.id,
      kommunenumre: [...new Set(event.kommunenumre)].sort(),
      data: event.data,
    });
  },

  /** Appends many events in `tx` (an import) under the same lock, in one statement, in the order given. */
  async appendMany(tx: Executor, list: readonly NewEvent[]): Promise<void> {
    if (list.length === 0) return;
    await tx.execute(sql`select pg_advisory_xact_lock(${FEED_LOCK_ID})`);
    const rows = list.map((event) => ({
      type: event.type,
      subjectType: event.subject.type,
      subjectId: event.subject.id,
      kommunenumre: [...new Set(event.kommunenumre)].sort(),
      data: event.data,
    }));
    // json_to_recordset yields the rows in the document's order, so sequences follow it.
    await insertJsonRows(tx, events, rows, { columns: ['type', 'subjectType', 'subjectId', 'kommunenumre', 'data'] });
  },

  /** Events after `after` in sequence order that the scope may see, of these types (all when null). */
  async after(db: Executor, scope: FeedScope, after: number, types: readonly string[] | null, limit: number): Promise<EventRow[]> {
    const name = statementName('events_after', [scope.kind, types !== null]);
    return prepared(db, name, (statement) => {
      const conditions: (SQL | undefined)[] = [gt(events.sequence, placeholders('after'))];
      if (types !== null) conditions.push(sql`${events.type} = any(${placeholders('types')}::text[])`);
      if (scope.kind === 'office') {
        conditions.push(
          sql`${events.kommunenumre} && array(${db
            .select({ k: municipalities.kommunenummer })
            .from(municipalities)
            .where(eq(municipalities.officeCode, placeholders('officeCode')))})`,
        );
      }
      if (scope.kind === 'municipality') conditions.push(sql`${events.kommunenumre} @> array[${placeholders('kommunenummer')}::text]`);
      return db
        .select()
        .from(events)
        .where(and(...conditions))
        .orderBy(asc(events.sequence))
        .limit(sql.placeholder('limit'))
        .prepare(statement);
    }).execute({
      after,
      types: types === null ? null : [...types],
      officeCode: scope.kind === 'office' ? scope.officeCode : null,
      kommunenummer: scope.kind === 'municipality' ? scope.kommunenummer : null,
      limit,
    });
  },

  /** The last sequence removed by the retention (0 when none was). */
  async purgedThrough(db: Executor): Promise<number> {
    const [row] = await prepared(db, 'feed_purged_through', (name) =>
      db.select({ purgedThrough: feedState.purgedThrough }).from(feedState).where(eq(feedState.id, 1)).prepare(name),
    ).execute();
    return row?.purgedThrough ?? 0;
  },

  /** Removes events older than `days`, remembering how far the feed was cut. */
  async purgeOlderThan(db: Executor, days: number): Promise<void> {
    await db.transaction(async (tx) => {
      const removed = await tx
        .delete(events)
        .where(lt(events.occurredAt, sql`now() - make_interval(days => ${days})`))
        .returning({ sequence: events.sequence });
      const last = removed.reduce((max, row) => Math.max(max, row.sequence), 0);
      if (last > 0) await tx.update(feedState).set({ purgedThrough: sql`greatest(${feedState.purgedThrough}, ${last})` }).where(eq(feedState.id, 1));
    });
  },
};
