import { z } from 'zod';
import { isoDate, optionalEmail, optionalPhone, pageOf, pageQuery, personReference, sortQuery, timestamp } from './common.js';
import { hprNumber, kommunenummer } from './identifiers.js';

export const doctorSchemes = ['new', 'old'] as const;

export const doctor = z
  .object({
    id: z.uuid(),
    hprNumber: z.string().max(9),
    name: z.string().max(200),
    email: z.string().max(254).nullable(),
    phone: z.string().max(40).nullable(),
    lis1CompletedOn: isoDate.nullable(),
    scheme: z.enum(doctorSchemes).describe('Specialist training scheme: `new` (2019 rules) or `old`.'),
    specialistApprovedOn: isoDate.nullable(),
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Doctor' });
export type Doctor = z.infer<typeof doctor>;

const doctorFields = {
  hprNumber,
  name: z.string().trim().min(1).max(200),
  email: optionalEmail.optional(),
  phone: optionalPhone.optional(),
  lis1CompletedOn: isoDate.nullable().optional(),
  scheme: z.enum(doctorSchemes).default('new'),
  specialistApprovedOn: isoDate.nullable().optional(),
};

export const createDoctorRequest = z.object(doctorFields).strict().meta({
  id: 'CreateDoctorRequest',
  examples: [{ hprNumber: '9144321', name: 'Ingrid Hætta', email: 'ingrid.haetta@karasjok.kommune.no', lis1CompletedOn: '2023-08-31', scheme: 'new' }],
});
export type CreateDoctorRequest = z.input<typeof createDoctorRequest>;

export const updateDoctorRequest = z
  .object({
    hprNumber,
    name: z.string().trim().min(1).max(200),
    email: optionalEmail,
    phone: optionalPhone,
    lis1CompletedOn: isoDate.nullable(),
    scheme: z.enum(doctorSchemes),
    specialistApprovedOn: isoDate.nullable(),
  })
  .partial()
  .strict()
  .meta({ id: 'UpdateDoctorRequest' });
export type UpdateDoctorRequest = z.input<typeof updateDoctorRequest>;

/** A page of doctors: in-scope doctors in full, one found by exact HPR number outside the scope as a reference. */
export const doctorPage = pageOf(z.union([doctor, personReference]));

export const listDoctorsQuery = z
  .object({
    hprNumber: hprNumber
      .optional()
      .describe('Exact HPR number: finds the doctor even outside your scope (then only as a reference: id and number), to avoid duplicates.'),
    q: z.string().trim().min(1).max(100).optional().describe('Part of the name or HPR number.'),
    kommunenummer: kommunenummer.optional().describe('Doctors with an agreement in this municipality.'),
    sort: sortQuery(['name'], 'name'),
    ...pageQuery,
  })
  .strict();

