import { z } from 'zod';
import { timestamp } from './common.js';

/** What changed, `<resource>.<what happened>`: one line here for each kind of change. */
export const eventTypes = [
  'municipality.updated',
  'registration.updated',
  'registration.transitioned',
  'doctor.created',
  'doctor.updated',
  'supervisor.created',
  'supervisor.updated',
  'agreement.created',
  'agreement.updated',
  'agreement.transitioned',
  'absence.created',
  'absence.deleted',
  'supervision.created',
  'supervision.ended',
  'grant_application.created',
  'grant_application.updated',
  'grant_application.transitioned',
] as const;
export type EventType = (typeof eventTypes)[number];
export const subjectTypes = ['municipality', 'registration', 'doctor', 'supervisor', 'agreement', 'absence', 'supervision', 'grant_application'] as const;
export type SubjectType = (typeof subjectTypes)[number];

/** The event types the directorate reads: municipalities and their registrations, not people. */
export const DIRECTORATE_EVENT_TYPES: readonly EventType[] = eventTypes.filter(
  (type) => type.startsWith('municipality.') || type.startsWith('registration.'),
);

export const EVENTS_LIMIT_DEFAULT = 100;
export const EVENTS_LIMIT_MAX = 1000;
/** More than Norway has municipalities (357): every municipality an event can concern. */
export const MAX_EVENT_MUNICIPALITIES = 1000;
/** How long events are kept; a cursor older than that is 410. */
export const EVENT_RETENTION_DAYS = 90;

/**
 * One change, in CloudEvents 1.0's JSON shape (`specversion`, `id`, `source`, `type`, `time`,
 * `datacontenttype`, `data`) with the registry's own members: `sequence` (commit order), `occurredAt`,
 * the municipalities it concerns and the resource it is about.
 */
export const event = z
  .object({
    specversion: z.literal('1.0'),
    id: z.uuid().describe('Unique per event; the same event delivered twice (a webhook retry) has the same id.'),
    source: z.string().max(2000).describe('Always `/api/v1`: the registry.'),
    type: z.enum(eventTypes),
    time: timestamp,
    datacontenttype: z.literal('application/json'),
    sequence: z.int().positive().describe('Increases in the order the changes were committed (and became visible).'),
    occurredAt: timestamp,
    kommunenumre: z.array(z.string().max(4)).max(MAX_EVENT_MUNICIPALITIES).describe('Every municipality the change concerns (a doctor: each municipality with an agreement of theirs).'),
    subject: z.object({ type: z.enum(subjectTypes), id: z.string().max(128) }),
    data: z.unknown().describe('The resource as the API returns it after the change (before it, for a deletion).'),
  })
  .meta({ id: 'Event' });
export type Event = z.infer<typeof event>;

export const eventFeed = z
  .object({
    items: z.array(event).max(EVENTS_LIMIT_MAX),
    nextCursor: z.string().max(512).describe('Where to resume: pass as `after`. Always set, also when there was nothing new.'),
    hasMore: z.boolean().describe('More events follow at once; otherwise poll again later from `nextCursor`.'),
  })
  .meta({ id: 'EventFeed' });
export type EventFeed = z.infer<typeof eventFeed>;

const typeList = z
  .string()
  .max(2000)
  .transform((value, ctx) => {
    const types = value.split(',').map((type) => type.trim()).filter((type) => type !== '');
    for (const type of types) {
      if (!(eventTypes as readonly string[]).includes(type)) {
        ctx.addIssue({ code: 'custom', message: `unknown event type ${type}`, params: { code: 'invalid_value', allowed: [...eventTypes] } });
        return z.NEVER;
      }
    }
    return types as EventType[];
  });

export const eventFeedQuery = z
  .object({
    after: z.string().min(1).max(512).optional().describe('The `nextCursor` of the last page read; from the oldest kept event when absent.'),
    types: typeList.optional().describe('Comma-separated event types; every type when absent.'),
    limit: z.coerce.number().int().min(1).max(EVENTS_LIMIT_MAX).default(EVENTS_LIMIT_DEFAULT),
  })
  .strict();
