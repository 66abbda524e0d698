import { z } from 'zod';
import { fieldErrorList } from './problem.js';
import { isoDate, optionalEmail, optionalHttpUrl, optionalText, pageOf, pageQuery, timestamp } from './common.js';
import { registrationStatuses } from './registration-rules.js';

export const specialties = ['ALM', 'SAM'] as const;
export type Specialty = (typeof specialties)[number];

/** Which registration of the municipality: general practice (`ALM`, the default) or community medicine (`SAM`). */
export const registrationQuery = z
  .object({
    specialty: z
      .enum(specialties)
      .default('ALM')
      .describe('`ALM` (general practice, the default) or `SAM` (community medicine). Only ALM drives agreement warnings and ALIS figures.'),
  })
  .strict();
export const registrationStatus = z.enum(registrationStatuses);

export const learningArena = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: z.enum(['own', 'external']),
    partner: z.string().trim().max(200).nullable().optional().describe('Hospital, out-of-hours service, nursing home …'),
    agreementInPlace: z.boolean().describe('For an external arena: an agreement with the partner exists.'),
  })
  .strict()
  .meta({ id: 'LearningArena' });

export const registration = z
  .object({
    kommunenummer: z.string().max(4),
    specialty: z.enum(specialties),
    status: registrationStatus,
    responsibleName: z.string().max(200).nullable().describe('Utdanningsansvarlig.'),
    responsibleEmail: z.string().max(254).nullable(),
    educationPlanUrl: z.string().max(2000).nullable().describe('Link to the public general education plan.'),
    supervisionArrangement: z.string().max(4000).nullable(),
    learningArenas: z.array(learningArena).max(50),
    applicationDate: isoDate.nullable(),
    decisionDate: isoDate.nullable(),
    registeredFrom: isoDate.nullable().describe('Application date; 2019-03-01 for applications before 2019-06-01.'),
    decisionReference: z.string().max(200).nullable(),
    notes: z.string().max(4000).nullable(),
    missingForApplication: fieldErrorList.describe('What the application lacks before it can be sent; empty when complete.'),
    allowedTransitions: z.array(registrationStatus).max(registrationStatuses.length).describe('Statuses the caller may move the registration to now.'),
    version: z.number().int().describe('0 until the registration is first saved.'),
    updatedAt: timestamp.nullable(),
  })
  .meta({ id: 'Registration' });
export type Registration = z.infer<typeof registration>;

export const updateRegistrationRequest = z
  .object({
    responsibleName: optionalText(200),
    responsibleEmail: optionalEmail,
    educationPlanUrl: optionalHttpUrl,
    supervisionArrangement: optionalText(4000),
    learningArenas: z.array(learningArena).max(50),
    decisionReference: optionalText(200),
    notes: optionalText(4000),
  })
  .partial()
  .strict()
  .meta({
    id: 'UpdateRegistrationRequest',
    examples: [
      {
        responsibleName: 'Kari Nordmann',
        responsibleEmail: 'kari.nordmann@heroy.kommune.no',
        educationPlanUrl: 'https://www.heroy.kommune.no/alis/utdanningsplan',
        supervisionArrangement: 'Individuell veileder på legekontoret; veiledningsgruppe via ALIS Nord.',
        learningArenas: [
          { name: 'Herøy legekontor', kind: 'own', agreementInPlace: false },
          { name: 'Legevakt', kind: 'external', partner: 'Helgeland legevakt', agreementInPlace: true },
        ],
      },
    ],
  });
export type UpdateRegistrationRequest = z.input<typeof updateRegistrationRequest>;

export const registrationTransitionRequest = z
  .object({
    to: registrationStatus,
    date: isoDate.optional().describe('When it happened (application or decision date); today when absent.'),
    note: z.string().trim().max(2000).optional(),
    decisionReference: z.string().trim().min(1).max(200).optional().describe("Helsedirektoratet's case reference; decisions only."),
  })
  .strict()
  .meta({
    id: 'RegistrationTransitionRequest',
    examples: [{ to: 'applied', date: '2026-10-01' }, { to: 'registered', date: '2026-11-15', decisionReference: '26/4711' }],
  });
export type RegistrationTransitionRequest = z.infer<typeof registrationTransitionRequest>;

export const registrationHistoryEntry = z
  .object({
    id: z.string().max(128),
    from: registrationStatus,
    to: registrationStatus,
    date: isoDate,
    note: z.string().max(4000).nullable(),
    actorType: z.enum(['user', 'client', 'system']),
    actorId: z.string().max(128).nullable(),
    actorName: z.string().max(200).nullable(),
    occurredAt: timestamp,
  })
  .meta({ id: 'RegistrationHistoryEntry' });
export type RegistrationHistoryEntry = z.infer<typeof registrationHistoryEntry>;
export const registrationHistory = pageOf(registrationHistoryEntry);
export const registrationHistoryQuery = registrationQuery.extend({ ...pageQuery }).strict();
