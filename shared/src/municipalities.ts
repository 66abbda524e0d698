import { z } from 'zod';
import { kommunenummer, officeCode } from './auth.js';
import { isoDate, optionalText, pageQuery, queryBoolean, timestamp } from './common.js';
import { isValidOrganisationNumber, normaliseOrganisationNumber } from './identifiers.js';

export const CENTRALITY_CLASSES = [1, 2, 3, 4, 5, 6] as const;

export const organisationNumber = z
  .string()
  .transform(normaliseOrganisationNumber)
  .refine(isValidOrganisationNumber, 'must be a valid organisation number (9 digits, MOD11 check digit)');

export const municipality = z
  .object({
    kommunenummer: z.string(),
    name: z.string().describe('Official name, with Sami/Kven parallel forms and disambiguator.'),
    shortName: z.string().describe('Display name: the Norwegian form.'),
    countyNumber: z.string(),
    countyName: z.string(),
    officeCode: z.string(),
    organisationNumber: z.string().nullable(),
    centralityClass: z.number().int().min(1).max(6).nullable(),
    population: z.number().int().nullable(),
    recruitmentChallenged: z.boolean(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    notes: z.string().nullable(),
    validFrom: isoDate,
    validTo: isoDate.nullable(),
    version: z.number().int(),
    updatedAt: timestamp,
  })
  .meta({ id: 'Municipality' });
export type Municipality = z.infer<typeof municipality>;

export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{5,20}$/, 'must be a phone number such as "+47 22 00 00 00"');

/** PATCH body: every field optional; null or "" clears an optional field. */
export const updateMunicipalityRequest = z
  .object({
    organisationNumber: organisationNumber.nullable(),
    centralityClass: z.number().int().min(1, 'must be 1–6').max(6, 'must be 1–6').nullable(),
    population: z.number().int().min(0).max(10_000_000).nullable(),
    recruitmentChallenged: z.boolean(),
    contactName: optionalText(200),
    contactEmail: z
      .union([z.literal(''), z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an e-mail address' }).max(254))])
      .transform((value) => (value === '' ? null : value))
      .nullable(),
    contactPhone: z.union([z.literal(''), phone]).transform((value) => (value === '' ? null : value)).nullable(),
    notes: optionalText(4000),
    officeCode,
  })
  .partial()
  .strict()
  .meta({
    id: 'UpdateMunicipalityRequest',
    examples: [{ organisationNumber: '974760673', centralityClass: 6, population: 1750, contactName: 'Per Hansen', contactEmail: 'per.hansen@heroy.kommune.no' }],
  });
export type UpdateMunicipalityRequest = z.input<typeof updateMunicipalityRequest>;

/** Fields a municipality's own API client may change: its contact person. */
export const MUNICIPALITY_CLIENT_EDITABLE = ['contactName', 'contactEmail', 'contactPhone'] as const;

export const listMunicipalitiesQuery = z
  .object({
    officeCode: officeCode.optional(),
    countyNumber: z.string().regex(/^\d{2}$/, 'must be a two-digit county number').optional(),
    recruitmentChallenged: queryBoolean.optional(),
    q: z.string().trim().min(1).max(100).optional().describe('Matches name or number, ignoring case and accents.'),
    ...pageQuery,
  })
  .strict();
export type ListMunicipalitiesQuery = z.input<typeof listMunicipalitiesQuery>;

export const municipalityParams = z.object({ kommunenummer }).strict();
