import { z } from 'zod';
import { supervisionRoles } from './agreement-rules.js';
import { isoDate, optionalEmail, optionalPhone, pageOf, pageQuery, personReference, queryBoolean, sortQuery, timestamp } from './common.js';
import { hprNumber, kommunenummer } from './identifiers.js';

export const supervisor = z
  .object({
    id: z.uuid(),
    hprNumber: z.string().max(9),
    name: z.string().max(200),
    email: z.string().max(254).nullable(),
    phone: z.string().max(40).nullable(),
    workplaceKommunenummer: z.string().max(4).nullable(),
    specialistInGeneralPractice: z.boolean(),
    specialistApprovedOn: isoDate.nullable().describe('When approved as specialist; unknown (null) for a specialist counts as qualified, but should be filled in.'),
    exemptionFrom: isoDate.nullable().describe("First day of Helsedirektoratet's time-limited exemption (§ 25)."),
    exemptionUntil: isoDate.nullable().describe('Last day of the exemption.'),
    courseCompletedOn: isoDate.nullable().describe('Veilederkurs.'),
    capacity: z.number().int().describe('How many ALIS this veileder may follow before a warning.'),
    qualifiedToday: z.boolean().describe('Approved as specialist by today, or holding an exemption whose period covers today.'),
    currentLoad: z.number().int().describe('Active veileder supervisions today.'),
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Supervisor' });
export type Supervisor = z.infer<typeof supervisor>;

export const supervisorDetail = supervisor
  .extend({
    supervisions: z.array(
      z.object({
        supervisionId: z.uuid(),
        agreementId: z.uuid(),
        role: z.enum(supervisionRoles),
        from: isoDate,
        to: isoDate.nullable(),
        active: z.boolean(),
        doctorName: z.string().max(200),
        kommunenummer: z.string().max(4),
      }),
    ),
  })
  .meta({ id: 'SupervisorDetail' });
export type SupervisorDetail = z.infer<typeof supervisorDetail>;

export const createSupervisorRequest = z
  .object({
    hprNumber,
    name: z.string().trim().min(1).max(200),
    email: optionalEmail.optional(),
    phone: optionalPhone.optional(),
    workplaceKommunenummer: kommunenummer.nullable().optional(),
    specialistInGeneralPractice: z.boolean(),
    specialistApprovedOn: isoDate.nullable().optional(),
    exemptionFrom: isoDate.nullable().optional(),
    exemptionUntil: isoDate.nullable().optional(),
    courseCompletedOn: isoDate.nullable().optional(),
    capacity: z.number().int().min(1).max(50).optional().describe('Defaults to the configured capacity.'),
  })
  .strict()
  .meta({
  id: 'CreateSupervisorRequest',
  examples: [{ hprNumber: '4412345', name: 'Per Olsen', workplaceKommunenummer: '1804', specialistInGeneralPractice: true, specialistApprovedOn: '2012-05-01', courseCompletedOn: '2021-10-14' }],
});
export type CreateSupervisorRequest = z.input<typeof createSupervisorRequest>;

export const updateSupervisorRequest = z
  .object({
    hprNumber,
    name: z.string().trim().min(1).max(200),
    email: optionalEmail,
    phone: optionalPhone,
    workplaceKommunenummer: kommunenummer.nullable(),
    specialistInGeneralPractice: z.boolean(),
    specialistApprovedOn: isoDate.nullable(),
    exemptionFrom: isoDate.nullable(),
    exemptionUntil: isoDate.nullable(),
    courseCompletedOn: isoDate.nullable(),
    capacity: z.number().int().min(1).max(50),
  })
  .partial()
  .strict()
  .meta({ id: 'UpdateSupervisorRequest' });
export type UpdateSupervisorRequest = z.input<typeof updateSupervisorRequest>;

/** A page of supervisors: in-scope ones in full, one found by exact HPR number outside the scope as a reference. */
export const supervisorPage = pageOf(z.union([supervisor, personReference]));

export const listSupervisorsQuery = z
  .object({
    hprNumber: hprNumber.optional(),
    q: z.string().trim().min(1).max(100).optional(),
    kommunenummer: kommunenummer.optional().describe('Working in, or supervising an agreement in, this municipality.'),
    qualified: queryBoolean.optional(),
    overCapacity: queryBoolean.optional(),
    sort: sortQuery(['name'], 'name'),
    ...pageQuery,
  })
  .strict();
