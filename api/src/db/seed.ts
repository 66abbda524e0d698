import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { countyNumber, foldForSearch, kommunenummer, municipalityShortName, officeCode } from '@alis/shared';
import { parse } from 'csv-parse/sync';
import { type SQL, getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from './client.js';
import { counties, municipalities, offices } from './schema.js';

/** The 2024 structure took effect on 1 January 2024. */
const STRUCTURE_VALID_FROM = '2024-01-01';

const text = z.string().trim().min(1);
const officeRow = z.object({ code: officeCode, name: text, city: text, health_region: text });
const countyRow = z.object({ county_number: countyNumber, county_name: text, health_region: text, alis_office_code: officeCode });
const municipalityRow = z.object({ kommunenummer, name: text, county_number: countyNumber });

/** A reference file as rows checked against `schema`: a malformed file stops the start-up with its line. */
async function readCsv<T extends z.ZodType>(file: string, schema: T): Promise<z.output<T>[]> {
  const records: unknown[] = parse(await readFile(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
  return records.map((record, index) => {
    const row = schema.safeParse(record);
    if (!row.success) throw new Error(`${path.basename(file)} line ${index + 2}: ${z.prettifyError(row.error)}`);
    return row.data;
  });
}

/** An upsert's `set`: each named column takes the value the insert proposed (`excluded`). */
function fromExcluded<T extends PgTable, K extends keyof T['_']['columns'] & string>(table: T, keys: readonly K[]) {
  const columns = getTableColumns(table);
  const excluded = (key: K) => {
    const column = columns[key];
    if (!column) throw new Error(`${key} is not a column`);
    return sql`excluded.${sql.identifier(column.name)}`;
  };
  return Object.fromEntries(keys.map((key) => [key, excluded(key)])) as Record<K, SQL>;
}

/**
 * Loads offices, counties and municipalities. Idempotent: names and counties follow the files,
 * but a municipality's office and master data are the offices' data and are never overwritten.
 */
export async function seedReferenceData(db: Db, seedDir: string): Promise<void> {
  const [officeRows, countyRows, municipalityRows] = await Promise.all([
    readCsv(path.join(seedDir, 'alis-offices.csv'), officeRow),
    readCsv(path.join(seedDir, 'counties-2024.csv'), countyRow),
    readCsv(path.join(seedDir, 'municipalities-2024.csv'), municipalityRow),
  ]);
  const countyOffice = new Map(countyRows.map((row) => [row.county_number, row.alis_office_code]));

  await db.transaction(async (tx) => {
    await tx
      .insert(offices)
      .values(officeRows.map((row) => ({ code: row.code, name: row.name, city: row.city, healthRegion: row.health_region })))
      .onConflictDoUpdate({
        target: offices.code,
        set: fromExcluded(offices, ['name', 'city', 'healthRegion']),
      });
    await tx
      .insert(counties)
      .values(
        countyRows.map((row) => ({
          countyNumber: row.county_number,
          name: row.county_name,
          healthRegion: row.health_region,
          defaultOfficeCode: row.alis_office_code,
        })),
      )
      .onConflictDoUpdate({
        target: counties.countyNumber,
        set: fromExcluded(counties, ['name', 'healthRegion', 'defaultOfficeCode']),
      });
    await tx
      .insert(municipalities)
      .values(
        municipalityRows.map((row) => {
          const shortName = municipalityShortName(row.kommunenummer, row.name);
          const office = countyOffice.get(row.county_number);
          if (!office) throw new Error(`municipality ${row.kommunenummer}: unknown county ${row.county_number}`);
          return {
            kommunenummer: row.kommunenummer,
            name: row.name,
            shortName,
            countyNumber: row.county_number,
            officeCode: office,
            validFrom: STRUCTURE_VALID_FROM,
            searchText: foldForSearch(`${row.kommunenummer} ${row.name} ${shortName}`),
          };
        }),
      )
      .onConflictDoUpdate({
        target: municipalities.kommunenummer,
        set: fromExcluded(municipalities, ['name', 'shortName', 'countyNumber', 'searchText']),
      });
  });
}
