import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Transact } from '../lib/request-context.js';
import { type Sealer, sealer } from '../lib/sealed.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Readonly<Config>;
    database: Database;
    /** The unit of work of a request that has no other: one database transaction. */
    transact: Transact;
    /** Seals secrets the API must read back, with a key of their own per purpose. */
    sealer: (purpose: string) => Sealer;
  }
  interface FastifyRequest {
    /** Set by a plugin that must commit with the request's change (idempotency); null otherwise. */
    transact: Transact | null;
  }
}

export interface CoreOptions {
  config: Readonly<Config>;
  database: Database;
  jwtSecret: string;
}

/** What every other plugin builds on: the configuration and the database. */
export default fp<CoreOptions>(
  (app: FastifyInstance, { config, database, jwtSecret }, done) => {
    app.decorate('config', config);
    app.decorate('sealer', (purpose: string) => sealer(jwtSecret, purpose));
    app.decorate('database', database);
    app.decorate('transact', ((work) => database.db.transaction(work)) as Transact);
    app.decorateRequest('transact', null);
    done();
  },
  { name: 'core' },
);
