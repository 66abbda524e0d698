import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/app-error.js';
import { callerKey } from '../lib/principal.js';
import { sealer } from '../lib/sealed.js';
import { problems } from '../lib/route-helpers.js';
import type { Db } from '../db/client.js';
import type { Transact } from '../lib/request-context.js';
import { type IdempotencyKey, type StoredResponse, idempotencyRepo } from '../modules/idempotency/idempotency.repo.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: Claim | null;
  }
}

/** A request's hold on its key, and the transaction of its change waiting for the answer to keep. */
interface Claim {
  id: IdempotencyKey;
  /** Hands the response (or null: keep nothing) to the waiting transaction; settles when it has ended. */
  commit: ((response: StoredResponse | null) => Promise<void>) | null;
}

export const IDEMPOTENCY_TTL_HOURS = 24;

/** How long a change's transaction waits for its response before it gives up and rolls back. */
const RESPONSE_WAIT_MS = 30_000;

/** Thrown inside the change's transaction to roll it back when the request failed after the change. */
class Rollback extends Error {}
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
  // The query is part of the request where there is one (`/imports?dryRun=true` is not the import itself).
  const query = request.query && typeof request.query === 'object' && Object.keys(request.query).length > 0 ? ` ${canonicalJson(request.query)}` : '';
  return createHash('sha256').update(`${request.method} ${route}${query}\n${canonicalJson(request.body ?? null)}`).digest('hex');
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
    // Stored responses can hold a secret shown once (a new API client's secret): kept sealed.
    const cipher = sealer(options.secret, 'response-body');
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
        hold(request, id);
        return;
      }
      const existing = await idempotencyRepo.find(db, id);
      if (!existing) throw inFlight();
      if (existing.requestHash !== hash) {
        throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for a different request. Use a new key for a new request.');
      }
      if (existing.state === 'in_flight') {
        if (await idempotencyRepo.takeOverAbandoned(db, id, app.config.IDEMPOTENCY_CLAIM_GRACE_SECONDS)) {
          hold(request, id);
          return;
        }
        throw inFlight();
      }
      reply.headers(existing.responseHeaders ?? {});
      reply.header('idempotent-replayed', 'true');
      return reply.code(existing.responseStatus ?? 200).send(existing.responseBody ? cipher.open(existing.responseBody) : '');
    };

    const hold = (request: FastifyRequest, id: IdempotencyKey) => {
      const claim: Claim = { id, commit: null };
      request.idempotency = claim;
      request.transact = unitOfWork(db, claim);
    };

    /**
     * Keeps the answer before it leaves: with the change's transaction when the request made one
     * (both commit, or neither), else on its own. A 5xx keeps nothing, so the client may retry.
     */
    const storeResponse = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const claim = request.idempotency;
      if (!claim) return payload;
      request.idempotency = null;
      const keep = reply.statusCode < 500 && typeof payload === 'string';
      const response = keep ? { status: reply.statusCode, headers: replayedHeaders(reply), body: cipher.seal(payload) } : null;
      if (claim.commit) {
        try {
          await claim.commit(response);
        } catch (error) {
          if (!(error instanceof Rollback)) {
            // The change did not commit, or nobody knows whether it did: never answer success.
            await idempotencyRepo.release(db, claim.id).catch(() => undefined);
            throw error;
          }
        }
        if (response) return payload;
      }
      if (response) await idempotencyRepo.complete(db, claim.id, response);
      else await idempotencyRepo.release(db, claim.id);
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

function replayedHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}

/**
 * The unit of work of a request with an Idempotency-Key. The service's transaction takes the
 * claim's lock first, and when the service's work is done it stays open until the response is
 * known, then stores the response in it and commits: after a crash the key either holds the answer
 * to a committed change, or the change never happened and a retry runs it again.
 */
function unitOfWork(db: Db, claim: Claim): Transact {
  return <T>(work: (tx: Parameters<Parameters<Transact>[0]>[0]) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      if (claim.commit) {
        reject(new Error('a request with an Idempotency-Key runs one transaction'));
        return;
      }
      let done = false;
      let deliver: (response: StoredResponse | null) => void = () => undefined;
      const response = new Promise<StoredResponse | null>((settle) => (deliver = settle));
      const committed = db.transaction(async (tx) => {
        await idempotencyRepo.lock(tx, claim.id);
        const result = await work(tx);
        done = true;
        resolve(result);
        // A response always follows; should none come, the connection is not held for ever.
        const timer = setTimeout(() => deliver(null), RESPONSE_WAIT_MS);
        const stored = await response;
        clearTimeout(timer);
        if (!stored) throw new Rollback('the request failed after its change');
        await idempotencyRepo.complete(tx, claim.id, stored);
      });
      claim.commit = async (stored) => {
        deliver(stored);
        await committed;
      };
      committed.catch((error: unknown) => {
        if (done) return;
        // The work failed: its transaction rolled back, and the answer (a problem) is kept on its own.
        claim.commit = null;
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
}

const inFlight = () =>
  new AppError('idempotency_in_flight', 'A request with this Idempotency-Key is in progress; retry shortly.', { headers: { 'retry-after': '1' } });

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
