import type { FastifyReply, FastifyRequest } from 'fastify';
import { todayInNorway } from '@alis/shared';
import type { ServiceDeps } from '../services.js';
import { type ComputedCache, dataVersionCache, sendBytes } from './computed.js';
import type { Principal } from './principal.js';
import { municipalityScope } from './scope.js';
import { Service } from './service.js';

/** Pages kept at most, whatever their size (the MB bound is what usually holds). */
const MAX_PAGES = 10_000;

/**
 * What a page of a list that reads only tables bumping the data version (migrations 0013 and 0015)
 * depends on besides that version: the caller's role and municipality scope, the query as parsed (its
 * defaults applied, so `?limit=50` and no limit share an entry) and the day in Norway (warnings and
 * "running today" are judged on it). Nothing of the individual caller goes in: two users of one office
 * see the same page.
 */
export const scopedPageKey = (principal: Principal, query: unknown): unknown[] => {
  const scope = municipalityScope(principal);
  return [principal.role, scope.officeCode, scope.kommunenummer, query, todayInNorway()];
};

/**
 * The pages of the agreements, doctors, supervisors, municipalities and grant applications lists, kept
 * as the bytes of the JSON their route's serializer wrote while the data version holds (`PAGE_CACHE_MB`,
 * 0 turns it off). A page asked again costs one read of the version instead of its statements and
 * serialization, and is answered with an ETag (304 to `If-None-Match`): an HR system polling a list gets
 * 304 until something changes.
 */
export class PageCache extends Service {
  private readonly cache: ComputedCache | null;
  constructor(deps: ServiceDeps) {
    super(deps);
    const mb = deps.config.PAGE_CACHE_MB;
    this.cache = mb > 0 ? dataVersionCache(MAX_PAGES, mb, 'bytes') : null;
  }

  /** Sends the page at `key` (its route's path and `scopedPageKey`), `load`ing it when it is not kept; the route's serializer writes it. */
  async send(request: FastifyRequest, reply: FastifyReply, key: unknown[], load: () => Promise<unknown>) {
    if (!this.cache) return reply.send(await load());
    const computed = await this.cache.bytes(this.db, key, async () => {
      const json = reply.serialize(await load());
      // The app's serializer compiler (response-serializer.ts) writes strings.
      if (typeof json !== 'string') throw new TypeError('a page is serialized as a string');
      return json;
    });
    return sendBytes(request, reply, computed);
  }
}
