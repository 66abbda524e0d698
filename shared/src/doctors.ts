import { z } from 'zod';
import { kommunenummer } from './auth.js';
import { isoDate, pageQuery, timestamp } from './common.js';
import { canonicalHprNumber } from './identifiers.js';

/** HPR number in, canonical form out ("0012345678" → "12345678"). */
export const hprNumber = z
  .union([z.string(), z.number().int().nonnegative().transform(String)])
  .transform((value, ctx) => {
    const canonical = canonicalHprNumber(value);
    if (canonical === null) {
      ctx.addIssue({ code: 'custom', message: 'must be an HPR number: 7–9 digits' });
      return z.NEVER;
    }
    return canonical;
  });

export const optionalEmail = z
  .union([z.literal(''), z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an e-mail address' }).max(254))])
  .transform((value) => (value === '' ? null : value))
  .nullable();
export const optionalPhone = z
  .union([z.literal(''), z.string().trim().regex(/^\+?[0-9 ()-]{5,20}$/, 'must be a phone number such as "+47 22 00 00 00"')])
  .transform((value) => (value === '' ? null : value))
  .nullable();

export const doctorSchemes = ['new', 'old'] as const;

export const doctor = z
  .object({
    id: z.uuid(),
    hprNumber: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
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

export const listDoctorsQuery = z
  .object({
    hprNumber: hprNumber.optional().describe('Exact HPR number: finds the doctor even outside your scope, to avoid duplicates.'),
    q: z.string().trim().min(1).max(100).optional().describe('Part of the name or HPR number.'),
    kommunenummer: kommunenummer.optional().describe('Doctors with an agreement in this municipality.'),
    ...pageQuery,
  })
  .strict();

