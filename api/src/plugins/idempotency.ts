import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { idempotencyKeys } from '../db/schema.js';
import { AppError } from '../lib/app-error.js';
import { callerKey } from '../lib/principal.js';
import { problems } from '../lib/route-helpers.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { callerKey: string; key: string } | null;
  }
}

export const IDEMPOTENCY_TTL_HOURS = 24;
/** An in-flight record older than this belongs to a request that died; a retry may take it over. */
const ABANDONED_AFTER_SECONDS = 120;
const REPLAYED_HEADERS = ['content-type', 'location', 'etag', 'cache-control'] as const;

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function requestHash(request: FastifyRequest): string {
  const route = request.url.split('?')[0];
  return createHash('sha256').update(`${request.method} ${route}\n${canonicalJson(request.body ?? null)}`).digest('hex');
}

/**
 * `Idempotency-Key` on POST: the first request runs and its response is kept for 24 hours; a retry
 * with the same key and body gets that response again, with another body 422, and while the first
 * is still running 409. Keys belong to the caller, so two callers cannot collide.
 * Hooks go on the encapsulated `/api/v1` instance, after authentication.
 */
/**
 * Stored responses can hold a secret shown once (a new API client's secret), so they are kept
 * encrypted (AES-256-GCM, key derived from the JWT secret) rather than in plain text.
 */
function responseCipher(secret: string) {
  const key = Buffer.from(hkdfSync('sha256', secret, 'alis-idempotency', 'response-body', 32));
  return {
    seal(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
    },
    open(stored: string): string {
      const raw = Buffer.from(stored, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

export function registerIdempotency(app: FastifyInstance, db: Db, secret: string) {
  const cipher = responseCipher(secret);
  app.decorateRequest('idempotency', null);

  // Any authenticated POST can answer 409 (key in flight) and 422 (key reused): say so in its contract.
  const claimKey = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || key === undefined || !request.principal) return;
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new AppError('bad_request', 'Idempotency-Key must be 1–255 visible ASCII characters.');
    }
    const owner = callerKey(request.principal);
    const hash = requestHash(request);
    const expiresAt = new Date(Date.now() + IDEMPOTENCY_TTL_HOURS * 3_600_000);

    await db
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.callerKey, owner), eq(idempotencyKeys.key, key), lt(idempotencyKeys.expiresAt, sql`now()`)));
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ callerKey: owner, key, requestHash: hash, state: 'in_flight', expiresAt })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) {
      request.idempotency = { callerKey: owner, key };
      return;
    }

    const [existing] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.callerKey, owner), eq(idempotencyKeys.key, key)));
    if (!existing) throw new AppError('idempotency_in_flight', 'A request with this Idempotency-Key is in progress; retry shortly.', { headers: { 'retry-after': '1' } });
    if (existing.requestHash !== hash) {
      throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for a different request. Use a new key for a new request.');
    }
    if (existing.state === 'in_flight') {
      const takenOver = await db
        .update(idempotencyKeys)
        .set({ createdAt: sql`now()` })
        .where(
          and(
            eq(idempotencyKeys.callerKey, owner),
            eq(idempotencyKeys.key, key),
            eq(idempotencyKeys.state, 'in_flight'),
            lt(idempotencyKeys.createdAt, sql`now() - make_interval(secs => ${ABANDONED_AFTER_SECONDS})`),
          ),
        )
        .returning({ key: idempotencyKeys.key });
      if (takenOver.length > 0) {
        request.idempotency = { callerKey: owner, key };
        return;
      }
      throw new AppError('idempotency_in_flight', 'A request with this Idempotency-Key is in progress; retry shortly.', {
        headers: { 'retry-after': '1' },
      });
    }
    reply.headers(existing.responseHeaders ?? {});
    reply.header('idempotent-replayed', 'true');
    return reply.code(existing.responseStatus ?? 200).send(existing.responseBody ? cipher.open(existing.responseBody) : '');
  };

  const storeResponse = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = null;
    const where = and(eq(idempotencyKeys.callerKey, claim.callerKey), eq(idempotencyKeys.key, claim.key));
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      // Nothing durable happened (or the body cannot be kept): let the client retry with the key.
      await db.delete(idempotencyKeys).where(where);
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    await db
      .update(idempotencyKeys)
      .set({ state: 'completed', responseStatus: reply.statusCode, responseHeaders: headers, responseBody: cipher.seal(payload) })
      .where(where);
    return payload;
  };

  // Only POST routes pay for these hooks.
  app.addHook('onRoute', (route) => {
    const methods: string[] = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('POST') || route.config?.public) return;
    route.schema = { ...route.schema, response: { ...problems(409, 422), ...(route.schema?.response as object | undefined) } };
    route.preValidation = [...asArray(route.preValidation), claimKey];
    route.onSend = [...asArray(route.onSend), storeResponse];
  });
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export async function purgeExpiredIdempotencyKeys(db: Db) {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, sql`now()`));
}
