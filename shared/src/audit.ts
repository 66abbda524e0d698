import { z } from 'zod';
import { pageQuery, timeBound, timestamp } from './common.js';

export const auditEntry = z
  .object({
    id: z.string().max(128),
    occurredAt: timestamp,
    actorType: z.enum(['user', 'client', 'system']),
    actorId: z.string().max(128).nullable(),
    actorRole: z.string().max(200).nullable(),
    requestId: z.string().max(128).nullable(),
    action: z.string().max(64),
    entityType: z.string().max(64),
    entityId: z.string().max(128),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    supplier: z
      .string()
      .max(200)
      .nullable()
      .describe('The vendor that acted on the municipality\'s behalf (Maskinporten `supplier.ID`, "0192:<organisation number>"); null otherwise.'),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntry>;

export const listAuditQuery = z
  .object({
    entityType: z.string().max(64).optional(),
    entityId: z.string().max(128).optional(),
    actorId: z.string().max(128).optional(),
    from: timeBound.optional().describe('Inclusive lower bound.'),
    to: timeBound.optional().describe('Exclusive upper bound.'),
    ...pageQuery,
  })
  .strict();
