import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { counties, municipalities, offices } from '../../db/schema.js';

/** Offices, counties and the existence of municipalities: the reference data other resources point at. */
export const referenceRepo = {
  listOffices: (db: Executor) => db.select().from(offices).orderBy(asc(offices.code)),

  listCounties: (db: Executor) => db.select().from(counties).orderBy(asc(counties.countyNumber)),

  async officeExists(db: Executor, code: string): Promise<boolean> {
    const [row] = await db.select({ code: offices.code }).from(offices).where(eq(offices.code, code));
    return row !== undefined;
  },

  async municipalityExists(db: Executor, kommunenummer: string): Promise<boolean> {
    const [row] = await db.select({ k: municipalities.kommunenummer }).from(municipalities).where(eq(municipalities.kommunenummer, kommunenummer));
    return row !== undefined;
  },
};
