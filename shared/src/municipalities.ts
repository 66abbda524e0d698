import { z } from 'zod';
import { isoDate, optionalEmail, optionalPhone, optionalText, pageQuery, queryBoolean, sortQuery, timestamp } from './common.js';
import { countyNumber, officeCode, organisationNumber } from './identifiers.js';
import { registrationStatuses } from './registration-rules.js';

export const municipality = z
  .object({
    kommunenummer: z.string().max(4),
    name: z.string().max(200).describe('Official name, with Sami/Kven parallel forms and disambiguator.'),
    shortName: z.string().max(200).describe('Display name: the Norwegian form.'),
    countyNumber: z.string().max(2),
    countyName: z.string().max(200),
    officeCode: z.string().max(16),
    organisationNumber: z.string().max(9).nullable(),
    centralityClass: z.number().int().min(1).max(6).nullable(),
    population: z.number().int().nullable(),
    recruitmentChallenged: z.boolean(),
    registrationStatus: z
      .enum(registrationStatuses)
      .describe('The status of its § 19 registration in general practice (ALM) today; `not_registered` when it has none.'),
    contactName: z.string().max(200).nullable(),
    contactEmail: z.string().max(254).nullable(),
    contactPhone: z.string().max(40).nullable(),
    notes: z.string().max(4000).nullable(),
    validFrom: isoDate,
    validTo: isoDate.nullable(),
    version: z.number().int(),
    updatedAt: timestamp,
  })
  .meta({ id: 'Municipality' });
export type Municipality = z.infer<typeof municipality>;

/** PATCH body: every field optional; null or "" clears an optional field. */
export const updateMunicipalityRequest = z
  .object({
    organisationNumber: organisationNumber.nullable(),
    centralityClass: z.number().int().min(1, 'must be 1–6').max(6, 'must be 1–6').nullable(),
    population: z.number().int().min(0).max(10_000_000).nullable(),
    recruitmentChallenged: z.boolean(),
    contactName: optionalText(200),
    contactEmail: optionalEmail,
    contactPhone: optionalPhone,
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
    countyNumber: countyNumber.optional(),
    recruitmentChallenged: queryBoolean.optional(),
    q: z.string().trim().min(1).max(100).optional().describe('Matches name or number, ignoring case and accents.'),
    registrationStatus: z.enum(registrationStatuses).optional().describe('The status of its § 19 registration in general practice (ALM).'),
    sort: sortQuery(['kommunenummer', 'name'], 'kommunenummer'),
    ...pageQuery,
  })
  .strict();
export type ListMunicipalitiesQuery = z.input<typeof listMunicipalitiesQuery>;
