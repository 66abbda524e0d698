// What SQL the API sends for a request: its own services, called in this process on a pg pool that
// records every statement (name, text, values) before sending it. The harness compares this with
// what each bare handler sends, so the comparison stays about the framework and never drifts into
// comparing different SQL when a repo changes.
import type { Principal } from '../src/lib/principal.js';
import { parseConfig } from '../src/config.js';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../src/db/client.js';
import { LeanExecution } from '../src/db/lean-execution.js';
import * as schema from '../src/db/schema.js';
import { sealer } from '../src/lib/sealed.js';
import { SharedRateLimiter } from '../src/plugins/rate-limit.js';
import { type Services, createServices } from '../src/services.js';

export interface Statement {
  /** Set when the statement is a named prepared statement (parsed once per connection). */
  name: string | undefined;
  text: string;
  values: unknown[];
}

export interface ApiStatements {
  /** Runs `call` on the API's services as `principal`, returning the statements it sent, in order. */
  capture(call: (services: Services) => Promise<unknown>): Promise<Statement[]>;
  close(): Promise<void>;
}

/** An office user of `officeCode`, as the API's auth plugin makes it from an access token. */
export const officePrincipal = (officeCode: string): Principal => ({
  kind: 'user',
  id: '00000000-0000-4000-8000-000000000000',
  role: 'office',
  officeCode,
  kommunenummer: null,
  scopes: ['read', 'write'],
});

/** The API's services on `db`, with what the bench never uses (signing, revocation) refusing or doing nothing. */
export function benchServices(db: Db, databaseUrl?: string): Services {
  const config = parseConfig({ DATABASE_URL: databaseUrl, JWT_SECRET: 'bench-only-secret-that-signs-nothing-at-all', LOG_LEVEL: 'silent' });
  return createServices({
    db,
    config,
    accessTokens: { sign: () => Promise.reject(new Error('the bench signs no tokens here')), ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS },
    revocations: { userChanged: () => undefined, sessionEnded: () => undefined, clientRevoked: () => undefined },
    limiter: new SharedRateLimiter(db),
    webhookSecrets: sealer('bench-only-secret-that-seals-nothing', 'webhook-secret'),
  });
}

export function apiStatements(databaseUrl: string): ApiStatements {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  let recording: Statement[] | null = null;
  const send = pool.query.bind(pool) as (config: unknown, values?: unknown) => Promise<unknown>;
  // Every statement of a non-transactional read goes through pool.query: drizzle's as (config, values),
  // the prepared ones as a LeanExecution of one or more runs, each with its values (src/db/lean-execution.ts).
  (pool as unknown as { query: typeof send }).query = (config: unknown, values?: unknown) => {
    if (recording && config instanceof LeanExecution) {
      for (const run of config.runs) recording.push({ name: run.statement.name, text: run.statement.text, values: [...run.values] });
    } else if (recording && typeof config === 'object' && config !== null && 'text' in config) {
      const { name, text, values: own } = config as { name?: string; text: string; values?: unknown };
      const sent = Array.isArray(own) ? own : Array.isArray(values) ? values : [];
      recording.push({ name, text, values: [...(sent as unknown[])] });
    }
    return send(config, values);
  };
  const db = drizzle(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  const services = benchServices(db, databaseUrl);
  return {
    async capture(call) {
      recording = [];
      try {
        await call(services);
        return recording;
      } finally {
        recording = null;
      }
    },
    close: () => pool.end(),
  };
}
