import { z } from 'zod';
import { clientRole } from './auth.js';
import { kommunenummer } from './identifiers.js';
import { pageQuery, queryBoolean, timestamp } from './common.js';

export const apiClient = z
  .object({
    id: z.uuid(),
    clientId: z.string().max(128),
    name: z.string().max(200),
    role: clientRole,
    kommunenummer: z.string().max(4).nullable(),
    scopes: z.array(z.string().max(16)).max(3),
    createdAt: timestamp,
    revokedAt: timestamp.nullable(),
  })
  .meta({ id: 'ApiClient' });
export type ApiClient = z.infer<typeof apiClient>;

export const createApiClientRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: clientRole,
    kommunenummer: kommunenummer.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.role === 'municipality' && !value.kommunenummer) {
      ctx.addIssue({ code: 'custom', path: ['kommunenummer'], message: 'a municipality client needs a kommunenummer', params: { code: 'required' } });
    }
    if (value.role !== 'municipality' && value.kommunenummer) {
      ctx.addIssue({
        code: 'custom',
        path: ['kommunenummer'],
        message: 'only municipality clients are bound to a municipality',
        params: { code: 'not_allowed', reason: 'municipality_client_only' },
      });
    }
  })
  .meta({ id: 'CreateApiClientRequest' });
export type CreateApiClientRequest = z.infer<typeof createApiClientRequest>;

export const createdApiClient = apiClient
  .extend({
    clientSecret: z.string().max(256).describe('Shown once; only a hash is stored.'),
  })
  .meta({ id: 'CreatedApiClient' });
export type CreatedApiClient = z.infer<typeof createdApiClient>;

export const listApiClientsQuery = z
  .object({
    role: clientRole.optional(),
    kommunenummer: kommunenummer.optional(),
    revoked: queryBoolean.optional(),
    ...pageQuery,
  })
  .strict();
