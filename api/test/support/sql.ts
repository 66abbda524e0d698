import type { SQL } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';

/** Runs raw SQL and returns its rows; both drivers (pg and the embedded engine) answer `{ rows }`. */
export async function queryRows<T>(database: Database, query: SQL): Promise<T[]> {
  const result: unknown = await database.db.execute(query);
  return (result as { rows: T[] }).rows;
}

/**
 * Counts what `action` sends to the database: its statements, and its round trips (on PostgreSQL,
 * statements sent together are the runs of one LeanExecution; the embedded engine runs one at a time).
 * Both drivers send every statement through their client's `query`. Requests also refresh the
 * revocation list now and then; that is not counted.
 */
export async function countSent(database: Database, action: () => Promise<unknown>): Promise<{ statements: number; roundTrips: number }> {
  const client = (database.db as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } }).$client;
  const send = client.query.bind(client);
  let statements = 0;
  let roundTrips = 0;
  client.query = (...args: unknown[]) => {
    const [config] = args;
    const runs = (config as { runs?: { statement: { text: string } }[] }).runs;
    const texts = runs ? runs.map((run) => run.statement.text) : [typeof config === 'string' ? config : String((config as { text?: unknown }).text)];
    const counted = texts.filter((text) => !/revoked_at|token_version/.test(text));
    statements += counted.length;
    if (counted.length > 0) roundTrips++;
    return send(...args);
  };
  try {
    await action();
    return { statements, roundTrips };
  } finally {
    client.query = send;
  }
}
