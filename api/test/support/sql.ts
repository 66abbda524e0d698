import type { SQL } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';

/** Runs raw SQL and returns its rows; both drivers (pg and the embedded engine) answer `{ rows }`. */
export async function queryRows<T>(database: Database, query: SQL): Promise<T[]> {
  const result: unknown = await database.db.execute(query);
  return (result as { rows: T[] }).rows;
}
