import { DIRECTORATE_EVENT_TYPES, EVENT_RETENTION_DAYS, type Event, type EventFeed, type EventType, type eventFeedQuery } from '@alis/shared';
import { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import type { Principal } from '../../lib/principal.js';
import { Service } from '../../lib/service.js';
import { type EventRow, type FeedScope, type NewEvent, eventsRepo } from './events.repo.js';

const cursorSchema = z.object({ q: z.int().nonnegative().max(Number.MAX_SAFE_INTEGER) });

export const toEvent = (row: EventRow): Event => ({
  specversion: '1.0',
  id: row.id,
  source: '/api/v1',
  type: row.type as EventType,
  time: row.occurredAt.toISOString(),
  datacontenttype: 'application/json',
  sequence: row.sequence,
  occurredAt: row.occurredAt.toISOString(),
  kommunenumre: row.kommunenumre,
  subject: { type: row.subjectType as Event['subject']['type'], id: row.subjectId },
  data: row.data,
});

/** Whose events a caller reads, and which types (null: every type). */
function feedOf(principal: Principal, requested: readonly EventType[] | undefined): { scope: FeedScope; types: readonly EventType[] | null } {
  const types = requested && requested.length > 0 ? requested : null;
  switch (principal.role) {
    case 'office':
      return { scope: { kind: 'office', officeCode: principal.officeCode ?? '' }, types };
    case 'municipality':
      return { scope: { kind: 'municipality', kommunenummer: principal.kommunenummer ?? '' }, types };
    case 'directorate':
      // Municipalities and their registrations; never events about people.
      return { scope: { kind: 'all' }, types: (types ?? DIRECTORATE_EVENT_TYPES).filter((type) => DIRECTORATE_EVENT_TYPES.includes(type)) };
    default:
      return { scope: { kind: 'all' }, types };
  }
}

/**
 * Appends a change to the feed, in the transaction of the change (call it last in the
 * transaction: from here until the commit, appenders take turns, so the feed's order is the commit
 * order).
 */
export const emitEvent = (tx: Executor, event: NewEvent) => eventsRepo.append(tx, event);

/** Appends many changes to the feed at once (an import), in the given order; call it last in the transaction, as `emitEvent`. */
export const emitEvents = (tx: Executor, list: readonly NewEvent[]) => eventsRepo.appendMany(tx, list);

export class EventsService extends Service {
  async feed(principal: Principal, query: z.output<typeof eventFeedQuery>): Promise<EventFeed> {
    const { scope, types } = feedOf(principal, query.types);
    const purgedThrough = await eventsRepo.purgedThrough(this.db);
    const position = decodeCursor(query.after, cursorSchema);
    if (position && position.q < purgedThrough) {
      throw new AppError(
        'gone',
        `The cursor points to events removed after ${EVENT_RETENTION_DAYS} days. Read the resources again, then follow the feed from its start (without \`after\`).`,
      );
    }
    const after = position?.q ?? purgedThrough;
    if (types !== null && types.length === 0) return { items: [], nextCursor: encodeCursor({ q: after }), hasMore: false };
    const rows = await eventsRepo.after(this.db, scope, after, types, query.limit + 1);
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toEvent),
      nextCursor: encodeCursor({ q: page.at(-1)?.sequence ?? after }),
      hasMore: rows.length > query.limit,
    };
  }
}
