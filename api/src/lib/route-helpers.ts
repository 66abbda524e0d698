import type { FastifyRequest } from 'fastify';
import { problemDetails } from '@alis/shared';
import type { RequestContext } from './principal.js';

export const contextOf = (request: FastifyRequest): RequestContext => ({
  principal: request.principal,
  requestId: request.id,
});

/** Problem responses a route can give, for its OpenAPI entry. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, problemDetails])) as Record<number, typeof problemDetails>;
}

/** Statuses every authenticated route can answer with. */
export const AUTHENTICATED = [400, 401, 403, 429] as const;
