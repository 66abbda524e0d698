import { z } from 'zod';
import {
  absenceKinds,
  agreementStatuses,
  agreementWarningCodes,
  educationPlanStatuses,
  employmentForms,
  endReasons,
  positions,
  supervisionRoles,
} from './agreement-rules.js';
import { kommunenummer, officeCode } from './identifiers.js';
import { isoDate, optionalText, pageOf, pageQuery, queryBoolean, sortQuery, timestamp } from './common.js';

export const agreementStatus = z.enum(agreementStatuses);
export const positionPercent = z.number().int('must be a whole percentage').min(1, 'must be 1–100').max(100, 'must be 1–100');

export const agreementWarning = z
  .object({
    code: z.enum(agreementWarningCodes),
    message: z.string().max(2000).describe('English explanation; clients show their own text built from `code` and `params`.'),
    params: z.record(z.string().max(100), z.union([z.string().max(2000), z.number()])).describe('The facts the text needs (dates, names, numbers).'),
  })
  .meta({ id: 'AgreementWarning' });

export const datePeriod = z
  .object({ from: isoDate, to: isoDate.nullable().describe('Null while the period has no end.') })
  .meta({ id: 'DatePeriod' });

export const shareChange = z.object({ from: isoDate, percent: z.number().int() }).meta({ id: 'ShareChange' });

export const educationPlan = z
  .object({
    status: z.enum(educationPlanStatuses),
    approvedOn: isoDate.nullable(),
    reviewedOn: isoDate.nullable().describe('Last review; the approval counts as the first.'),
    link: z.string().max(2000).nullable().describe("Where the document is: a link or the municipality's archive reference (the file is not stored here)."),
    dueOn: isoDate.describe('By when the plan should be approved: the configured months after the start.'),
    reviewDueOn: isoDate.nullable().describe('When an approved plan is next due for review.'),
  })
  .meta({ id: 'EducationPlan' });
export type EducationPlan = z.infer<typeof educationPlan>;

export const educationPlanChange = z
  .object({
    status: z.enum(educationPlanStatuses),
    approvedOn: isoDate.nullable().describe('Required with `approved`; only with it. Not in the future.'),
    reviewedOn: isoDate.nullable().describe('Not before `approvedOn`, not in the future.'),
    link: optionalText(2000),
  })
  .partial()
  .strict()
  .meta({ id: 'EducationPlanChange' });

export const supervision = z
  .object({
    id: z.uuid(),
    agreementId: z.uuid(),
    supervisorId: z.uuid(),
    supervisorName: z.string().max(200),
    role: z.enum(supervisionRoles),
    from: isoDate,
    to: isoDate.nullable(),
    active: z.boolean().describe('Started and not ended as of today.'),
    version: z.number().int(),
    createdAt: timestamp,
  })
  .meta({ id: 'Supervision' });
export type Supervision = z.infer<typeof supervision>;

export const agreement = z
  .object({
    id: z.uuid(),
    kommunenummer: z.string().max(4),
    municipalityName: z.string().max(200),
    officeCode: z.string().max(16),
    doctor: z.object({ id: z.uuid(), hprNumber: z.string().max(9), name: z.string().max(200) }),
    employmentForm: z.enum(employmentForms),
    position: z.enum(positions),
    positionPercent: z.number().int().describe('The share today (for an agreement not yet started: at its start).'),
    positionHistory: z.array(shareChange).describe('Every share with the date it took effect, oldest first.'),
    signedOn: isoDate.nullable(),
    startDate: isoDate,
    viaStaffingAgency: z.boolean(),
    notes: z.string().max(4000).nullable(),
    status: agreementStatus,
    endDate: isoDate.nullable(),
    endReason: z.enum(endReasons).nullable(),
    cancellationReason: z.string().max(2000).nullable().describe('Why a draft was cancelled.'),
    plannedEndDate: isoDate.describe('Five years at full time, extended pro rata for part time and by absences.'),
    nonCountingPeriods: z
      .array(datePeriod)
      .describe('When the service did not count: the municipality had neither applied for nor held § 19 registration (general practice).'),
    warnings: z.array(agreementWarning).max(agreementWarningCodes.length),
    educationPlan,
    currentVeileder: z.object({ supervisionId: z.uuid(), supervisorId: z.uuid(), name: z.string().max(200) }).nullable(),
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Agreement' });
export type Agreement = z.infer<typeof agreement>;

export const createAgreementRequest = z
  .object({
    kommunenummer,
    doctorId: z.uuid(),
    employmentForm: z.enum(employmentForms),
    position: z.enum(positions),
    positionPercent,
    signedOn: isoDate.nullable().optional(),
    startDate: isoDate,
    viaStaffingAgency: z.boolean().default(false),
    notes: optionalText(4000).optional(),
  })
  .strict()
  .meta({
  id: 'CreateAgreementRequest',
  examples: [{ kommunenummer: '1818', doctorId: '6f1c2a4e-3b8d-4f7a-9c2e-1d5b7a9e0c31', employmentForm: 'self_employed', position: 'gp', positionPercent: 100, signedOn: '2026-08-15', startDate: '2026-09-01', viaStaffingAgency: false }],
});
export type CreateAgreementRequest = z.input<typeof createAgreementRequest>;

export const updateAgreementRequest = z
  .object({
    employmentForm: z.enum(employmentForms),
    position: z.enum(positions),
    positionPercent,
    positionPercentFrom: isoDate.describe('When a new `positionPercent` takes effect; today when absent, never before the start.'),
    signedOn: isoDate.nullable(),
    startDate: isoDate,
    viaStaffingAgency: z.boolean(),
    notes: optionalText(4000),
    educationPlan: educationPlanChange.describe('The individual education plan: the fields sent change, the others stay.'),
  })
  .partial()
  .strict()
  .meta({ id: 'UpdateAgreementRequest', examples: [{ educationPlan: { status: 'approved', approvedOn: '2026-11-20', link: 'Sak 2026/1432' } }] });
export type UpdateAgreementRequest = z.input<typeof updateAgreementRequest>;

export const agreementTransitionRequest = z
  .object({
    to: agreementStatus,
    endDate: isoDate.optional().describe('Required for completed and terminated.'),
    endReason: z.enum(endReasons).optional().describe('Required for completed (`completed_training`) and terminated (any other).'),
    reason: z.string().trim().min(1).max(2000).optional().describe('Required for cancelled: why the draft is dropped.'),
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .meta({
  id: 'AgreementTransitionRequest',
  examples: [
    { to: 'active' },
    { to: 'terminated', endDate: '2026-06-30', endReason: 'left_position', note: 'Flyttet til annen kommune' },
    { to: 'cancelled', reason: 'Legen takket nei før avtalen ble signert' },
  ],
});
export type AgreementTransitionRequest = z.infer<typeof agreementTransitionRequest>;

export const listAgreementsQuery = z
  .object({
    kommunenummer: kommunenummer.optional(),
    officeCode: officeCode.optional(),
    status: agreementStatus.optional(),
    doctorId: z.uuid().optional(),
    supervisorId: z.uuid().optional(),
    employmentForm: z.enum(employmentForms).optional(),
    endsBefore: isoDate.optional().describe('End date (or planned end date while open) before this date.'),
    hasVeileder: queryBoolean.optional().describe('Has (true) or lacks (false) an active veileder today.'),
    warning: z.enum(agreementWarningCodes).optional().describe('Only agreements that have this warning today (as `warnings` shows it).'),
    sort: sortQuery(['startDate', 'plannedEndDate', 'municipality', 'doctor'], '-startDate'),
    ...pageQuery,
  })
  .strict();

/** A period's `to` is on or after its `from` (an open period has no `to`). */
function periodInOrder(ctx: z.core.ParsePayload<{ from: string; to?: string | null | undefined }>) {
  const { from, to } = ctx.value;
  if (to && to < from) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      path: ['to'],
      message: 'must be on or after from',
      params: { code: 'too_early', earliest: from, reference: 'from' },
    });
  }
}

export const absence = z
  .object({
    id: z.uuid(),
    agreementId: z.uuid(),
    kind: z.enum(absenceKinds),
    from: isoDate,
    to: isoDate,
    createdAt: timestamp,
  })
  .meta({ id: 'Absence' });
export type Absence = z.infer<typeof absence>;

export const createAbsenceRequest = z
  .object({ kind: z.enum(absenceKinds), from: isoDate, to: isoDate })
  .strict()
  .check(periodInOrder)
  .meta({ id: 'CreateAbsenceRequest', examples: [{ kind: 'leave', from: '2027-03-01', to: '2027-12-31' }] });
export type CreateAbsenceRequest = z.infer<typeof createAbsenceRequest>;
export const absenceList = z.object({ items: z.array(absence) });

export const createSupervisionRequest = z
  .object({ supervisorId: z.uuid(), role: z.enum(supervisionRoles), from: isoDate, to: isoDate.nullable().optional() })
  .strict()
  .check(periodInOrder)
  .meta({
  id: 'CreateSupervisionRequest',
  examples: [{ supervisorId: '0b9e4d2c-7a61-4e3f-8d15-2c4a6b8e0f17', role: 'veileder', from: '2026-09-01' }],
});
export type CreateSupervisionRequest = z.infer<typeof createSupervisionRequest>;

export const endSupervisionRequest = z
  .object({ to: isoDate.describe('Last day of the supervision.') })
  .strict()
  .meta({ id: 'EndSupervisionRequest', examples: [{ to: '2027-08-31' }] });
export const supervisionList = z.object({ items: z.array(supervision) });

export const agreementPage = pageOf(agreement);
