import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/app-error.js';
import { callerKey } from '../lib/principal.js';
import { problems } from '../lib/route-helpers.js';
import { type IdempotencyKey, idempotencyRepo } from '../modules/idempotency/idempotency.repo.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: IdempotencyKey | null;
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
  return JSON.stringify(value === undefined ? null : value);
}

function requestHash(request: FastifyRequest): string {
  const route = request.url.split('?')[0];
  return createHash('sha256').update(`${request.method} ${route}\n${canonicalJson(request.body ?? null)}`).digest('hex');
}

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

export interface IdempotencyOptions {
  /** Key of the cipher that seals stored responses. */
  secret: string;
}

/**
 * `Idempotency-Key` on POST: the first request runs and its response is kept for 24 hours; a retry
 * with the same key and body gets that response again, with another body 422, and while the first
 * is still running 409. Keys belong to the caller, so two callers cannot collide. Register it in the
 * authenticated scope: its hooks run after authentication.
 */
export const idempotencyPlugin = fp<IdempotencyOptions>(
  (app: FastifyInstance, options, done) => {
    const { db } = app.database;
    const cipher = responseCipher(options.secret);
    app.decorateRequest('idempotency', null);

    const claimKey = async (request: FastifyRequest, reply: FastifyReply) => {
      const key = request.headers['idempotency-key'];
      if (request.method !== 'POST' || key === undefined || !request.principal) return;
      if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) {
        throw new AppError('bad_request', 'Idempotency-Key must be 1–255 visible ASCII characters.');
      }
      const id = { callerKey: callerKey(request.principal), key };
      const hash = requestHash(request);
      if (await idempotencyRepo.claim(db, id, hash, new Date(Date.now() + IDEMPOTENCY_TTL_HOURS * 3_600_000))) {
        request.idempotency = id;
        return;
      }
      const existing = await idempotencyRepo.find(db, id);
      if (!existing) throw inFlight();
      if (existing.requestHash !== hash) {
        throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for a different request. Use a new key for a new request.');
      }
      if (existing.state === 'in_flight') {
        if (await idempotencyRepo.takeOverAbandoned(db, id, ABANDONED_AFTER_SECONDS)) {
          request.idempotency = id;
          return;
        }
        throw inFlight();
      }
      reply.headers(existing.responseHeaders ?? {});
      reply.header('idempotent-replayed', 'true');
      return reply.code(existing.responseStatus ?? 200).send(existing.responseBody ? cipher.open(existing.responseBody) : '');
    };

    const storeResponse = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const id = request.idempotency;
      if (!id) return payload;
      request.idempotency = null;
      if (reply.statusCode >= 500 || typeof payload !== 'string') {
        // Nothing durable happened (or the body cannot be kept): let the client retry with the key.
        await idempotencyRepo.release(db, id);
        return payload;
      }
      const headers: Record<string, string> = {};
      for (const name of REPLAYED_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      await idempotencyRepo.complete(db, id, { status: reply.statusCode, headers, body: cipher.seal(payload) });
      return payload;
    };

    // Only POST routes pay for these hooks. Any authenticated POST can answer 409 (key in flight)
    // and 422 (key reused): say so in its contract.
    app.addHook('onRoute', (route) => {
      const methods: string[] = Array.isArray(route.method) ? route.method : [route.method];
      if (!methods.includes('POST') || route.config?.public) return;
      route.schema = { ...route.schema, response: { ...problems(409, 422), ...(route.schema?.response as object | undefined) } };
      route.preValidation = [...asArray(route.preValidation), claimKey];
      route.onSend = [...asArray(route.onSend), storeResponse];
    });
    done();
  },
  { name: 'idempotency', dependencies: ['core', 'auth'] },
);

const inFlight = () =>
  new AppError('idempotency_in_flight', 'A request with this Idempotency-Key is in progress; retry shortly.', { headers: { 'retry-after': '1' } });

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
