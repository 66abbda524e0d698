import { type SQL, getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

/**
 * Writes many rows with one statement and one parameter: the rows go as one JSON document that
 * PostgreSQL unpacks (`json_to_recordset`: plain JSON, parsed faster than jsonb), so neither the SQL
 * text nor the parameter list grows with the number of rows (a multi-row VALUES list of 10 000 rows would need 100 000 parameters,
 * more than a statement may have, and costs far more to build and bind). Columns not named take
 * their defaults. `returning` names columns whose values come back, by their property names.
 */
export async function insertJsonRows<T extends PgTable, K extends keyof T['$inferInsert'] & string, R extends keyof T['$inferSelect'] & string = never>(
  tx: Executor,
  table: T,
  rows: readonly Pick<T['$inferInsert'], K>[],
  options: { columns: readonly K[]; onConflictDoNothing?: SQL | true; returning?: readonly R[] },
): Promise<Pick<T['$inferSelect'], R>[]> {
  if (rows.length === 0) return [];
  const all = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const column = (key: string) => {
    const found = all[key];
    if (!found) throw new RangeError(`no column ${key}`);
    return found;
  };
  const names = options.columns.map((key) => sql.identifier(column(key).name));
  const definitions = options.columns.map((key) => sql`${sql.identifier(column(key).name)} ${sql.raw(column(key).getSQLType())}`);
  const document = JSON.stringify(rows.map((row) => Object.fromEntries(options.columns.map((key) => [column(key).name, row[key] ?? null]))));
  const conflict =
    options.onConflictDoNothing === undefined ? sql`` : options.onConflictDoNothing === true ? sql` on conflict do nothing` : sql` on conflict ${options.onConflictDoNothing} do nothing`;
  const returning = options.returning?.length
    ? sql` returning ${sql.join(
        options.returning.map((key) => sql`${sql.identifier(column(key).name)} as ${sql.identifier(key)}`),
        sql`, `,
      )}`
    : sql``;
  const result = await tx.execute(
    sql`insert into ${table} (${sql.join(names, sql`, `)}) select ${sql.join(names, sql`, `)} from json_to_recordset(${document}::json) as r(${sql.join(definitions, sql`, `)})${conflict}${returning}`,
  );
  // Both drivers answer `execute` with the rows under `rows`.
  return (result as { rows: Pick<T['$inferSelect'], R>[] }).rows;
}
