import { eq } from 'drizzle-orm';
import type { Executor } from './client.js';
import { prepared } from './prepared.js';
import { reportDataVersion } from './schema.js';

/**
 * The data version: bumped at the commit of every change to what reports, worklists and the cached
 * list pages read (the triggers of migrations 0013 and 0015). What was computed at a version holds
 * while it is current.
 */
export async function dataVersion(db: Executor): Promise<number> {
  const [row] = await prepared(db, 'report_data_version', (name) =>
    db.select({ version: reportDataVersion.version }).from(reportDataVersion).where(eq(reportDataVersion.id, 1)).prepare(name),
  ).execute();
  return row?.version ?? 0;
}
