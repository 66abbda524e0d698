import { z } from 'zod';
import { httpUrl, timestamp } from './common.js';
import { eventTypes } from './events.js';
import { kommunenummer } from './identifiers.js';

export const webhookStatuses = ['active', 'disabled'] as const;

export const webhook = z
  .object({
    id: z.uuid(),
    kommunenummer: z.string().max(4).nullable().describe('The municipality whose events it receives; null: every municipality (admin only).'),
    url: z.string().max(2000),
    eventTypes: z.array(z.enum(eventTypes)).max(eventTypes.length),
    status: z.enum(webhookStatuses),
    disabledReason: z.string().max(4000).nullable().describe('Why delivery stopped, when it did (failing for 24 hours).'),
    failingSince: timestamp.nullable().describe('When the current run of failed attempts began; null while deliveries succeed.'),
    nextAttemptAt: timestamp.nullable().describe('When a failed delivery is tried again.'),
    lastDeliveredSequence: z.int().nonnegative().describe('The feed sequence of the last event delivered.'),
    createdAt: timestamp,
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof webhook>;

/** What creating one answers: the subscription and its signing secret, shown this once. */
export const createdWebhook = webhook
  .extend({ secret: z.string().max(256).describe('The Standard Webhooks signing secret (`whsec_…`). Shown only now: store it.') })
  .meta({ id: 'CreatedWebhook' });

export const createWebhookRequest = z
  .object({
    url: httpUrl.describe('HTTPS (plain HTTP only to loopback, when the server allows it for development).'),
    eventTypes: z.array(z.enum(eventTypes)).min(1).max(eventTypes.length).describe('The event types to receive.'),
    kommunenummer: kommunenummer.optional().describe("Admin only: the municipality whose events to receive (a municipality's client always gets its own); absent: all."),
  })
  .strict()
  .meta({
    id: 'CreateWebhookRequest',
    examples: [{ url: 'https://hr.heroy.kommune.no/alis/hooks', eventTypes: ['agreement.created', 'agreement.updated', 'agreement.transitioned'] }],
  });

export const webhookDelivery = z
  .object({
    id: z.string().max(128),
    eventId: z.uuid(),
    eventSequence: z.int().positive(),
    eventType: z.enum(eventTypes),
    attempt: z.int().positive().describe('1 for the first try of this event, then counting retries.'),
    attemptedAt: timestamp,
    outcome: z.enum(['delivered', 'failed']),
    statusCode: z.int().nullable().describe("The receiver's HTTP status; null when it could not be reached."),
    error: z.string().max(4000).nullable(),
    durationMs: z.int().nonnegative(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof webhookDelivery>;
