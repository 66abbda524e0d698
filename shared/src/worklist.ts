import { z } from 'zod';
import { isoDate, timestamp } from './common.js';
import { officeCode } from './identifiers.js';

/**
 * What an office has to act on, one line per case; each type says which rule put it there. The
 * compliance report's cases come first (the same query: `GET /reports/compliance`), then the
 * office's own work.
 */
export const worklistItemTypes = [
  'agreement_without_veileder',
  'veileder_not_qualified',
  'veileder_over_capacity',
  'auditor_certificate',
  'agreement_ending',
  'grant_deadline',
  'follow_up_due',
  'education_plan',
  'course_open_seats',
  'special_attention',
] as const;
export type WorklistItemType = (typeof worklistItemTypes)[number];

/** Each type's heading in Norwegian, in the order the admin app and the weekly e-mail group them. */
export const worklistItemHeadings: Record<WorklistItemType, string> = {
  special_attention: 'Kommuner som trenger særlig oppfølging',
  agreement_without_veileder: 'ALIS uten veileder i mer enn 30 dager',
  veileder_not_qualified: 'Veiledere som ikke er kvalifisert',
  veileder_over_capacity: 'Veiledere med flere ALIS enn kapasiteten',
  follow_up_due: 'Oppfølging som forfaller',
  education_plan: 'Utdanningsplaner som skal godkjennes eller revideres',
  grant_deadline: 'Søknadsfrist for tilskudd nærmer seg (søknaden er et utkast)',
  auditor_certificate: 'Revisorattest forfaller eller er forfalt',
  course_open_seats: 'Kurs med ledige plasser før påmeldingsfristen',
  agreement_ending: 'ALIS-avtaler som slutter innen seks måneder',
};
export const worklistGroupOrder = Object.keys(worklistItemHeadings) as WorklistItemType[];

/** How far ahead the worklist looks for drafts before an application deadline and for certificates due (days from today in Norway). */
export const WORKLIST_GRANT_DEADLINE_DAYS = 30;
export const WORKLIST_CERTIFICATE_DAYS = 30;
/** Follow-ups, education plans and course registration deadlines due within this many days. */
export const WORKLIST_SOON_DAYS = 30;
/** An office's cases in a year are a few hundred; the list is never cut, this only bounds the document. */
export const WORKLIST_MAX_ITEMS = 100_000;

export const worklistSubjectTypes = ['grant_application', 'agreement', 'supervisor', 'municipality', 'course'] as const;
export type WorklistSubjectType = (typeof worklistSubjectTypes)[number];
/** Where each kind of case is in the admin app (`{path}/{id}`): the app's links and the weekly e-mail's. */
export const worklistSubjectAppPaths: Record<WorklistSubjectType, string> = {
  agreement: '/avtaler',
  grant_application: '/tilskudd',
  supervisor: '/veiledere',
  municipality: '/kommuner',
  course: '/kurs',
};

export const worklistItem = z
  .object({
    type: z.enum(worklistItemTypes),
    dueDate: isoDate.describe(
      'When it is due: 30 days after the ALIS lost (or never had) a veileder; today for a veileder not qualified or over capacity and for special attention; the certificate due date, the planned end date, the application deadline, the next follow-up, the education plan\'s approval or review, the course\'s registration deadline.',
    ),
    overdue: z.boolean().describe('The due date has passed.'),
    kommunenummer: z.string().max(4).nullable().describe('Null for a course (an office\'s own).'),
    municipalityName: z.string().max(200).nullable(),
    subject: z
      .object({ type: z.enum(worklistSubjectTypes), id: z.string().max(36) })
      .describe(
        'The case: `/api/v1/grant-applications/{id}`, `/api/v1/agreements/{id}`, `/api/v1/supervisors/{id}`, `/api/v1/municipalities/{kommunenummer}` or `/api/v1/courses/{id}`.',
      ),
    label: z
      .string()
      .max(8000)
      .describe('Who or what it concerns: the doctor (and the veileder not qualified), the veileder over capacity, the scheme, the follow-up\'s summary, the course, the municipality.'),
  })
  .meta({ id: 'WorklistItem' });
export type WorklistItem = z.infer<typeof worklistItem>;

export const worklist = z
  .object({
    officeCode: z.string().max(16),
    today: isoDate,
    items: z.array(worklistItem).max(WORKLIST_MAX_ITEMS).describe('By due date, then municipality, type and case.'),
  })
  .meta({ id: 'Worklist' });
export type Worklist = z.infer<typeof worklist>;

export const worklistQuery = z
  .object({ officeCode: officeCode.optional().describe("An office user's is their own; an admin names one.") })
  .strict()
  .meta({ examples: [{ officeCode: 'nord' }] });

export const digestSubscription = z
  .object({
    weeklyDigest: z.boolean().describe('Whether the worklist comes by e-mail every Monday morning.'),
    email: z.string().max(254).describe('Where it goes: the account\'s e-mail address.'),
  })
  .meta({ id: 'DigestSubscription' });
export type DigestSubscription = z.infer<typeof digestSubscription>;

export const digestSubscriptionRequest = z
  .object({ weeklyDigest: z.boolean() })
  .strict()
  .meta({ id: 'DigestSubscriptionRequest', examples: [{ weeklyDigest: true }] });

export const digestStatuses = ['pending', 'sent', 'failed'] as const;

export const digestDelivery = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    email: z.string().max(254),
    week: z.string().max(8).describe('ISO week in Norway, `2026-W49`: one digest per user and week.'),
    messageId: z.string().max(200).describe('The Message-ID: the same on a resend, so mail clients drop the copy.'),
    status: z.enum(digestStatuses).describe('`failed`: given up after the last retry.'),
    attempts: z.int().nonnegative(),
    items: z.int().nonnegative().nullable().describe('Worklist lines in the digest, once sent.'),
    lastError: z.string().max(500).nullable(),
    nextAttemptAt: timestamp.nullable(),
    sentAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'DigestDelivery' });
export type DigestDelivery = z.infer<typeof digestDelivery>;
