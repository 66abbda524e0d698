import type { FastifyRequest } from 'fastify';
import type { Tx } from '../db/client.js';
import { AppError } from './app-error.js';
import type { Principal } from './principal.js';

/**
 * How a service runs its one write transaction. Services never open transactions on the database
 * directly in a request: they ask the request's unit of work, so that something else belonging to
 * the same request (the stored answer to an Idempotency-Key) can commit or roll back with the change.
 */
export type Transact = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

/** What every service call that changes something gets: the caller, the request id, the unit of work. */
export interface RequestContext {
  principal: Principal;
  requestId: string;
  transact: Transact;
}

export const unauthorized = (detail: string) => new AppError('unauthorized', detail, { headers: { 'www-authenticate': 'Bearer realm="alis"' } });

/** The caller of an authenticated route; only public routes (login, token) have none. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized('Send an access token as "Authorization: Bearer <token>".');
  return request.principal;
}

export const contextOf = (request: FastifyRequest): RequestContext => ({
  principal: requirePrincipal(request),
  requestId: request.id,
  transact: request.transact ?? request.server.transact,
});
