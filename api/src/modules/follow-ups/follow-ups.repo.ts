import type { Total } from '@alis/shared';
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { agreements, followUps, municipalities, registrations, users } from '../../db/schema.js';
import { type Bind, placeholders, prepared } from '../../db/prepared.js';
import { type ListPage, ONE, type SortColumns, statementName, totalOf } from '../../lib/list.js';

export type FollowUpRecord = typeof followUps.$inferSelect;
export type NewFollowUpRow = typeof followUps.$inferInsert;
export type FollowUpRow = FollowUpRecord & { createdByName: string | null };
export type FollowUpChanges = Partial<Pick<NewFollowUpRow, 'date' | 'kind' | 'participants' | 'summary' | 'agreedActions' | 'nextFollowUpOn' | 'done'>>;

/** Newest first: by date, then by when it was written. */
export const FOLLOW_UP_SORTS: SortColumns<'date'> = { date: [followUps.date, followUps.createdAt, followUps.id] };
export const followUpPosition = { date: (row: FollowUpRow) => [row.date, row.createdAt.toISOString(), row.id] };

const columns = { ...getTableColumns(followUps), createdByName: users.name };

const ofMunicipality = (bind: Bind) => eq(followUps.kommunenummer, bind('kommunenummer'));

export interface SpecialAttentionRow {
  kommunenummer: string;
  name: string;
  officeCode: string;
  recruitmentChallenged: boolean;
  registrationStatus: string;
  activeAgreements: number;
  lastFollowUpOn: string | null;
}

export const followUpsRepo = {
  async list(db: Executor, kommunenummer: string, page: ListPage<'date'>): Promise<FollowUpRow[]> {
    return prepared(db, statementName('follow_ups_list', [page.sort, page.after !== undefined]), (name) =>
      db
        .select(columns)
        .from(followUps)
        .leftJoin(users, eq(users.id, followUps.createdById))
        .where(and(ofMunicipality(placeholders), page.after))
        .orderBy(...page.orderBy)
        .limit(sql.placeholder('limit'))
        .prepare(name),
    ).execute({ kommunenummer, ...page.values });
  },

  total(db: Executor, kommunenummer: string): Promise<Total> {
    return totalOf(db, 'follow_ups_total', (bind) => db.select({ one: ONE }).from(followUps).where(ofMunicipality(bind)).$dynamic(), { kommunenummer });
  },

  async get(db: Executor, kommunenummer: string, id: string, options: { forUpdate?: boolean } = {}): Promise<FollowUpRow | undefined> {
    const query = db
      .select(columns)
      .from(followUps)
      .leftJoin(users, eq(users.id, followUps.createdById))
      .where(and(eq(followUps.kommunenummer, kommunenummer), eq(followUps.id, id)));
    const [row] = options.forUpdate ? await query.for('update', { of: followUps }) : await query;
    return row;
  },

  async insert(tx: Executor, row: NewFollowUpRow): Promise<string> {
    const [inserted] = await tx.insert(followUps).values(row).returning({ id: followUps.id });
    if (!inserted) throw new Error('the follow-up was not inserted');
    return inserted.id;
  },

  async update(tx: Executor, id: string, changes: FollowUpChanges): Promise<void> {
    await tx
      .update(followUps)
      .set({ ...changes, version: sql`${followUps.version} + 1`, updatedAt: sql`now()` })
      .where(eq(followUps.id, id));
  },

  /**
   * Municipalities (valid today, of one office or all) that need special attention: recruitment-
   * challenged with no follow-up dated from `since` to `today`, or with active agreements while
   * their registration in general practice has neither been applied for nor granted. One statement.
   */
  async specialAttention(db: Executor, officeCode: string | null, today: string, since: string): Promise<SpecialAttentionRow[]> {
    const p = placeholders;
    const build = (name: string) => {
      const status = sql<string>`coalesce(${registrations.status}, 'not_registered')`;
      const active = sql<number>`(select count(*)::int from ${agreements} where ${agreements.kommunenummer} = ${municipalities.kommunenummer} and ${agreements.status} = 'active')`.mapWith(Number);
      const last = sql<string | null>`(select max(${followUps.date})::text from ${followUps} where ${followUps.kommunenummer} = ${municipalities.kommunenummer} and ${followUps.date} <= ${p('today')}::date)`;
      const recent = sql`exists (select 1 from ${followUps} where ${followUps.kommunenummer} = ${municipalities.kommunenummer} and ${followUps.date} between ${p('since')}::date and ${p('today')}::date)`;
      const withAgreements = sql`exists (select 1 from ${agreements} where ${agreements.kommunenummer} = ${municipalities.kommunenummer} and ${agreements.status} = 'active')`;
      return db
        .select({
          kommunenummer: municipalities.kommunenummer,
          name: municipalities.shortName,
          officeCode: municipalities.officeCode,
          recruitmentChallenged: municipalities.recruitmentChallenged,
          registrationStatus: status,
          activeAgreements: active,
          lastFollowUpOn: last,
        })
        .from(municipalities)
        .leftJoin(registrations, and(eq(registrations.kommunenummer, municipalities.kommunenummer), eq(registrations.specialty, 'ALM')))
        .where(
          and(
            officeCode === null ? undefined : eq(municipalities.officeCode, p('officeCode')),
            sql`(${municipalities.validTo} is null or ${municipalities.validTo} >= ${p('today')}::date)`,
            sql`((${municipalities.recruitmentChallenged} and not ${recent}) or (${status} not in ('applied', 'registered') and ${withAgreements}))`,
          ),
        )
        .orderBy(asc(municipalities.officeCode), asc(municipalities.shortName), asc(municipalities.kommunenummer))
        .prepare(name);
    };
    // One prepared statement per shape (one office, or all): the worklist reads it on every request.
    return prepared(db, statementName('special_attention', [officeCode === null]), build).execute({ officeCode, today, since });
  },
};
