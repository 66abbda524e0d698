import type { FastifyReply } from 'fastify';
import { problemDetails } from '@alis/shared';
import { etagOf } from './etag.js';
import type { Versioned } from './versioned.js';

/** Problem responses a route can give, for its OpenAPI entry. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, problemDetails])) as Record<number, typeof problemDetails>;
}

/** Statuses every authenticated route can answer with. */
export const AUTHENTICATED = [400, 401, 403, 429] as const;


/** Sends a versioned resource with its ETag; `created` adds 201 and the Location of the new resource. */
export function sendVersioned<T>(reply: FastifyReply, { resource, version }: Versioned<T>, created?: { location: string }) {
  reply.header('etag', etagOf(version));
  if (created) reply.code(201).header('location', created.location);
  return reply.send(resource);
}
