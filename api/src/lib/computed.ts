import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../db/client.js';
import { dataVersion } from '../db/data-version.js';

/** A computed answer (a report, a worklist, a list's page), the data version it was computed at and its cache key (the ETag is made from both). */
export interface Computed<T> {
  report: T;
  version: number;
  key: string;
}

/**
 * Values by key, each valid while the data version it was made at is current. Bounded by count and
 * by size (each value's size is given with it): the least recently used go first.
 */
class VersionedEntries {
  private readonly entries = new Map<string, { version: number; value: unknown; size: number }>();
  private size = 0;
  constructor(
    private readonly maxEntries: number,
    private readonly maxSize: number,
  ) {}

  get(key: string, version: number): unknown {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, version: number, value: unknown, size: number): void {
    this.remove(key);
    this.entries.set(key, { version, value, size });
    this.size += size;
    while (this.entries.size > this.maxEntries || (this.size > this.maxSize && this.entries.size > 1)) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.size -= entry.size;
    this.entries.delete(key);
  }
}

/** Where an answer written out in a format is kept. */
const writtenKey = (key: string, format: string) => `${key}|${format}`;

/**
 * Computed answers by key (what was asked, the caller's scope and disclosure), and each written out
 * per format, valid while the data version they were computed at is current. The version is read
 * from PostgreSQL on every request (`report_data_version`, bumped at the commit of every change the
 * answers read), so an instance never serves what another instance's change made stale.
 */
export class ComputedCache {
  private readonly computed: VersionedEntries;
  private readonly writtenOut: VersionedEntries;
  /** Computations under way by key and version: requests that arrive meanwhile wait for the same one. */
  private readonly pending = new Map<string, Promise<unknown>>();
  /**
   * `maxEntries` answers at most, and about `maxBytes` of them: an answer counts as long as its JSON,
   * once as computed and once per format written out (a report asked for every day of a year must
   * not fill the memory). A cache that `holds` only `bytes` (pages kept as written) writes nothing out
   * again, so they have the whole of `maxBytes`; the others split it between answers and formats.
   */
  constructor(
    maxEntries: number,
    private readonly dataVersion: (db: Executor) => Promise<number>,
    maxBytes = Number.POSITIVE_INFINITY,
    holds: 'answers' | 'bytes' = 'answers',
  ) {
    const writtenOutBytes = holds === 'bytes' ? 0 : maxBytes / 2;
    this.computed = new VersionedEntries(maxEntries, maxBytes - writtenOutBytes);
    this.writtenOut = new VersionedEntries(maxEntries, writtenOutBytes);
  }

  async get<T>(db: Executor, key: unknown[], compute: () => Promise<T>): Promise<Computed<T>> {
    return this.kept(db, key, this.computed, async (cacheKey, version) => {
      const report = await compute();
      // Written out as JSON at once: that measures it, and is what most requests want.
      const json = JSON.stringify(report);
      this.writtenOut.set(writtenKey(cacheKey, 'json'), version, json, json.length);
      return { value: report, size: json.length };
    });
  }

  /**
   * An answer written as JSON from the start (a list's page, by its route's serializer): kept once,
   * as its UTF-8 bytes, so that a repeated request sends them without encoding the text again. Send
   * it with `sendBytes`, not `sendComputed` (which would write it out again).
   */
  async bytes(db: Executor, key: unknown[], write: () => Promise<string>): Promise<Computed<Buffer>> {
    return this.kept(db, key, this.computed, async () => {
      const bytes = Buffer.from(await write());
      return { value: bytes, size: bytes.length };
    });
  }

  /** The value kept at `key` for the current data version, or `compute`d once for it however many ask meanwhile. */
  private async kept<T>(
    db: Executor,
    key: unknown[],
    entries: VersionedEntries,
    compute: (cacheKey: string, version: number) => Promise<{ value: T; size: number }>,
  ): Promise<Computed<T>> {
    const version = await this.dataVersion(db);
    const cacheKey = JSON.stringify(key);
    const known = entries.get(cacheKey, version);
    if (known !== undefined) return { report: known as T, version, key: cacheKey };
    const pendingKey = `${version}|${cacheKey}`;
    let computation = this.pending.get(pendingKey) as Promise<T> | undefined;
    if (!computation) {
      computation = compute(cacheKey, version)
        .then(({ value, size }) => {
          entries.set(cacheKey, version, value, size);
          return value;
        })
        .finally(() => this.pending.delete(pendingKey));
      this.pending.set(pendingKey, computation);
    }
    const report = await computation;
    return { report, version, key: cacheKey };
  }

  /** A computed answer written out in a format, kept like the answer: repeated requests send the same text. */
  written<T>(computed: Computed<T>, format: string, write: (report: T) => string): string {
    const key = writtenKey(computed.key, format);
    const known = this.writtenOut.get(key, computed.version);
    if (typeof known === 'string') return known;
    const text = write(computed.report);
    this.writtenOut.set(key, computed.version, text, text.length);
    return text;
  }
}

/** How a computed answer is written out besides JSON, and the name of its download. */
export interface ComputedRendering<T> {
  name?: string;
  csv?: (report: T) => string;
  jsonStat?: (report: T) => unknown;
}

/**
 * Gives a computed answer's ETag (its data version and a hash of its key and format) and cache headers;
 * answers 304 when the client has it. True when it did.
 */
function notModified<T>(request: FastifyRequest, reply: FastifyReply, computed: Computed<T>, format: string): boolean {
  const etag = `"r${computed.version}-${createHash('sha256').update(writtenKey(computed.key, format)).digest('base64url').slice(0, 22)}"`;
  reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'Accept, Authorization');
  const match = request.headers['if-none-match'];
  if (match === undefined || !match.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)) return false;
  void reply.code(304).send();
  return true;
}

/**
 * Sends a computed answer in a format with its ETag, or 304 when the client has it. JSON is written
 * as it is: the answer holds exactly the contract's fields (built field by field in its service).
 */
export function sendComputed<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: ComputedCache,
  computed: Computed<T>,
  format: string,
  render: ComputedRendering<T> = {},
) {
  if (notModified(request, reply, computed, format)) return reply;
  const { csv, jsonStat } = render;
  if (format === 'csv' && csv) {
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${render.name ?? 'alis'}.csv"`)
      .send(cache.written(computed, 'csv', csv));
  }
  if (format === 'json-stat' && jsonStat) {
    return reply.type('application/json; charset=utf-8').send(cache.written(computed, 'json-stat', (report) => JSON.stringify(jsonStat(report))));
  }
  return reply.type('application/json; charset=utf-8').send(cache.written(computed, 'json', (report) => JSON.stringify(report)));
}

/** Sends an answer kept as the bytes of its JSON (`ComputedCache.bytes`) with its ETag, or 304 when the client has it. */
export function sendBytes(request: FastifyRequest, reply: FastifyReply, computed: Computed<Buffer>) {
  if (notModified(request, reply, computed, 'json')) return reply;
  return reply.type('application/json; charset=utf-8').send(computed.report);
}

/**
 * A cache of computed answers kept while the data version holds: `entries` answers at most and
 * about `mb` MB of them (`bytes`: answers kept only as the bytes of their JSON, `ComputedCache.bytes`).
 */
export const dataVersionCache = (entries: number, mb: number, holds: 'answers' | 'bytes' = 'answers') =>
  new ComputedCache(entries, dataVersion, mb * 1_000_000, holds);
