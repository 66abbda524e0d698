import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { foldForSearch, municipalityShortName } from '@alis/shared';
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { counties, municipalities, offices } from './schema.js';

/** The 2024 structure took effect on 1 January 2024. */
const STRUCTURE_VALID_FROM = '2024-01-01';

async function readCsv(file: string): Promise<Record<string, string>[]> {
  const text = await readFile(file, 'utf8');
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (!header) return [];
  const columns = header.split(',');
  // The reference files have no quoted fields; a comma inside a value would be a data error.
  return lines.map((line) => {
    const values = line.split(',');
    if (values.length !== columns.length) throw new Error(`${path.basename(file)}: malformed line "${line}"`);
    return Object.fromEntries(columns.map((column, i) => [column, values[i]!.trim()]));
  });
}

/**
 * Loads offices, counties and municipalities. Idempotent: names and counties follow the files,
 * but a municipality's office and master data are the offices' data and are never overwritten.
 */
export async function seedReferenceData(db: Db, seedDir: string): Promise<void> {
  const [officeRows, countyRows, municipalityRows] = await Promise.all([
    readCsv(path.join(seedDir, 'alis-offices.csv')),
    readCsv(path.join(seedDir, 'counties-2024.csv')),
    readCsv(path.join(seedDir, 'municipalities-2024.csv')),
  ]);
  const countyOffice = new Map(countyRows.map((row) => [row.county_number!, row.alis_office_code!]));

  await db.transaction(async (tx) => {
    await tx
      .insert(offices)
      .values(officeRows.map((row) => ({ code: row.code!, name: row.name!, city: row.city!, healthRegion: row.health_region! })))
      .onConflictDoUpdate({
        target: offices.code,
        set: { name: sql`excluded.name`, city: sql`excluded.city`, healthRegion: sql`excluded.health_region` },
      });
    await tx
      .insert(counties)
      .values(
        countyRows.map((row) => ({
          countyNumber: row.county_number!,
          name: row.county_name!,
          healthRegion: row.health_region!,
          defaultOfficeCode: row.alis_office_code!,
        })),
      )
      .onConflictDoUpdate({
        target: counties.countyNumber,
        set: {
          name: sql`excluded.name`,
          healthRegion: sql`excluded.health_region`,
          defaultOfficeCode: sql`excluded.default_office_code`,
        },
      });
    await tx
      .insert(municipalities)
      .values(
        municipalityRows.map((row) => {
          const kommunenummer = row.kommunenummer!;
          const shortName = municipalityShortName(kommunenummer, row.name!);
          const officeCode = countyOffice.get(row.county_number!);
          if (!officeCode) throw new Error(`municipality ${kommunenummer}: unknown county ${row.county_number}`);
          return {
            kommunenummer,
            name: row.name!,
            shortName,
            countyNumber: row.county_number!,
            officeCode,
            validFrom: STRUCTURE_VALID_FROM,
            searchText: foldForSearch(`${kommunenummer} ${row.name} ${shortName}`),
          };
        }),
      )
      .onConflictDoUpdate({
        target: municipalities.kommunenummer,
        set: {
          name: sql`excluded.name`,
          shortName: sql`excluded.short_name`,
          countyNumber: sql`excluded.county_number`,
          searchText: sql`excluded.search_text`,
        },
      });
  });
}
