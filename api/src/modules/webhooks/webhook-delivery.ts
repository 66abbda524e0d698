import { performance } from 'node:perf_hooks';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { type Agent, request } from 'undici';
import type { Db, Executor } from '../../db/client.js';
import { type OutboundPolicy, refusedTarget } from '../../lib/outbound.js';
import { eventsRepo } from '../events/events.repo.js';
import { toEvent } from '../events/events.service.js';
import { type WebhookRow, webhooksRepo } from './webhooks.repo.js';

export interface DeliverySettings {
  /** A subscription failing this long (ms) is disabled. */
  retryForMs: number;
  /** The first retry's wait (ms); each next one twice as long, up to an hour. */
  retryBaseMs: number;
  /** Opens a webhook's sealed signing secret. */
  openSecret: (sealed: string) => string;
  /** Where the API may connect (outbound.ts), checked before every delivery ... */
  policy: OutboundPolicy;
  /** ... and by the guarded HTTP agent on every connection (a name resolved again in between). */
  agent: Agent;
}

/** When a failed delivery is tried again: the base (5 s), then twice as long each time, up to an hour. */
export const retryDelayMs = (failedAttempts: number, baseMs: number) => Math.min(baseMs * 2 ** Math.max(failedAttempts - 1, 0), 3_600_000);

type Step = { kind: 'delivered' } | { kind: 'idle' } | { kind: 'retry'; at: Date };

/**
 * Delivers a webhook's events in feed order, one at a time, each in a transaction that holds the
 * webhook's row: the attempt is recorded and the cursor moves on only when the receiver answered
 * 2xx, so every event arrives at least once and in order, and another instance (which skips the
 * locked row) never sends the same attempt. A failure schedules the next try with backoff; failing
 * for `retryForMs` disables the webhook. Returns when caught up, or with when to try again.
 */
export async function deliverPending(db: Db, webhookId: string, settings: DeliverySettings): Promise<{ retryAt: Date | null }> {
  for (;;) {
    const step = await db.transaction((tx): Promise<Step> => deliverNext(tx, webhookId, settings));
    if (step.kind === 'idle') return { retryAt: null };
    if (step.kind === 'retry') return { retryAt: step.at };
  }
}

async function deliverNext(tx: Executor, webhookId: string, settings: DeliverySettings): Promise<Step> {
  const hook = await webhooksRepo.lockForDelivery(tx, webhookId);
  if (!hook) return { kind: 'idle' };
  const now = new Date();
  if (hook.nextAttemptAt && hook.nextAttemptAt > now) return { kind: 'retry', at: hook.nextAttemptAt };
  const scope = hook.kommunenummer === null ? { kind: 'all' as const } : { kind: 'municipality' as const, kommunenummer: hook.kommunenummer };
  const [next] = await eventsRepo.after(tx, scope, hook.cursor, hook.eventTypes, 1);
  if (!next) return { kind: 'idle' };
  const event = toEvent(next);
  const attempt = hook.failedAttempts + 1;
  const outcome = await send(hook, event, settings);
  await webhooksRepo.recordAttempt(tx, {
    webhookId: hook.id,
    eventId: event.id,
    eventSequence: event.sequence,
    eventType: event.type,
    attempt,
    outcome: outcome.ok ? 'delivered' : 'failed',
    statusCode: outcome.statusCode,
    error: outcome.error,
    durationMs: outcome.durationMs,
  });
  if (outcome.ok) {
    await webhooksRepo.delivered(tx, hook.id, event.sequence);
    return { kind: 'delivered' };
  }
  const failingSince = hook.failingSince ?? now;
  if (now.getTime() - failingSince.getTime() >= settings.retryForMs) {
    await webhooksRepo.disable(
      tx,
      hook.id,
      `Deliveries have failed since ${failingSince.toISOString()} (last: ${outcome.error ?? `HTTP ${String(outcome.statusCode)}`}); re-create the webhook once the receiver works.`,
    );
    return { kind: 'idle' };
  }
  const at = new Date(now.getTime() + retryDelayMs(attempt, settings.retryBaseMs));
  await webhooksRepo.failed(tx, hook.id, { failingSince, failedAttempts: attempt, nextAttemptAt: at });
  return { kind: 'retry', at };
}

interface Outcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** One POST of the event, signed as Standard Webhooks says (webhook-id, webhook-timestamp, webhook-signature). */
async function send(hook: WebhookRow, event: ReturnType<typeof toEvent>, settings: DeliverySettings): Promise<Outcome> {
  const started = performance.now();
  const refused = await refusedTarget(hook.url, settings.policy);
  if (refused) return { ok: false, statusCode: null, error: `refused target: the URL ${refused}`, durationMs: Math.round(performance.now() - started) };
  const body = JSON.stringify(event);
  const timestamp = new Date();
  const signature = new StandardWebhook(settings.openSecret(hook.secretSealed)).sign(event.id, timestamp, body);
  try {
    const response = await request(hook.url, {
      method: 'POST',
      dispatcher: settings.agent,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'alis-registry-webhooks',
        'webhook-id': event.id,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
    });
    // The body is not read, only drained, so a receiver cannot make the API buffer much.
    await response.body.dump({ limit: 64 * 1024 });
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    return { ok, statusCode: response.statusCode, error: ok ? null : `HTTP ${response.statusCode}`, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const message = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return { ok: false, statusCode: null, error: message.slice(0, 500), durationMs: Math.round(performance.now() - started) };
  }
}
