import { and, asc, eq, gt, like, sql } from 'drizzle-orm';
import type { Db, Executor, RowOf } from '../../db/client.js';
import { counties, municipalities } from '../../db/schema.js';
import type { MunicipalityScope } from '../../lib/scope.js';
import { escapeLike } from '../../lib/sql.js';

const columns = {
  kommunenummer: municipalities.kommunenummer,
  name: municipalities.name,
  shortName: municipalities.shortName,
  countyNumber: municipalities.countyNumber,
  countyName: counties.name,
  officeCode: municipalities.officeCode,
  organisationNumber: municipalities.organisationNumber,
  centralityClass: municipalities.centralityClass,
  population: municipalities.population,
  recruitmentChallenged: municipalities.recruitmentChallenged,
  contactName: municipalities.contactName,
  contactEmail: municipalities.contactEmail,
  contactPhone: municipalities.contactPhone,
  notes: municipalities.notes,
  validFrom: municipalities.validFrom,
  validTo: municipalities.validTo,
  version: municipalities.version,
  updatedAt: municipalities.updatedAt,
};

export type MunicipalityRow = RowOf<typeof columns>;
export type MunicipalityChanges = Partial<
  Pick<
    typeof municipalities.$inferInsert,
    | 'organisationNumber'
    | 'centralityClass'
    | 'population'
    | 'recruitmentChallenged'
    | 'contactName'
    | 'contactEmail'
    | 'contactPhone'
    | 'notes'
    | 'officeCode'
  >
>;

export interface MunicipalityFilter {
  officeCode?: string | undefined;
  countyNumber?: string | undefined;
  recruitmentChallenged?: boolean | undefined;
  /** Already folded with foldForSearch. */
  search?: string | undefined;
  after?: string | undefined;
}

const inScope = (scope: MunicipalityScope) =>
  and(
    scope.officeCode === null ? undefined : eq(municipalities.officeCode, scope.officeCode),
    scope.kommunenummer === null ? undefined : eq(municipalities.kommunenummer, scope.kommunenummer),
  );

/** Municipalities with their county's name: what every read selects from. */
const selectMunicipalities = (db: Executor) =>
  db.select(columns).from(municipalities).innerJoin(counties, eq(counties.countyNumber, municipalities.countyNumber));

function prepareGet(db: Db) {
  // The hot path of integrations: one prepared statement, scope check included in the key lookup.
  return selectMunicipalities(db)
    .where(
      and(
        eq(municipalities.kommunenummer, sql.placeholder('kommunenummer')),
        sql`(${sql.placeholder('officeCode')}::text is null or ${municipalities.officeCode} = ${sql.placeholder('officeCode')})`,
        sql`(${sql.placeholder('scopeKommunenummer')}::text is null or ${municipalities.kommunenummer} = ${sql.placeholder('scopeKommunenummer')})`,
      ),
    )
    .prepare('municipality_by_number');
}
const preparedGets = new WeakMap<Db, ReturnType<typeof prepareGet>>();

export const municipalitiesRepo = {
  async get(db: Db, kommunenummer: string, scope: MunicipalityScope): Promise<MunicipalityRow | undefined> {
    let prepared = preparedGets.get(db);
    if (!prepared) {
      prepared = prepareGet(db);
      preparedGets.set(db, prepared);
    }
    const [row] = await prepared.execute({
      kommunenummer,
      officeCode: scope.officeCode,
      scopeKommunenummer: scope.kommunenummer,
    });
    return row;
  },

  async getForUpdate(tx: Executor, kommunenummer: string, scope: MunicipalityScope): Promise<MunicipalityRow | undefined> {
    const [row] = await selectMunicipalities(tx)
      .where(and(eq(municipalities.kommunenummer, kommunenummer), inScope(scope)))
      .for('update', { of: municipalities });
    return row;
  },

  async list(db: Executor, scope: MunicipalityScope, filter: MunicipalityFilter, limit: number): Promise<MunicipalityRow[]> {
    return selectMunicipalities(db)
      .where(
        and(
          inScope(scope),
          filter.officeCode ? eq(municipalities.officeCode, filter.officeCode) : undefined,
          filter.countyNumber ? eq(municipalities.countyNumber, filter.countyNumber) : undefined,
          filter.recruitmentChallenged === undefined ? undefined : eq(municipalities.recruitmentChallenged, filter.recruitmentChallenged),
          filter.search ? like(municipalities.searchText, `%${escapeLike(filter.search)}%`) : undefined,
          filter.after ? gt(municipalities.kommunenummer, filter.after) : undefined,
        ),
      )
      .orderBy(asc(municipalities.kommunenummer))
      .limit(limit);
  },

  async update(tx: Executor, kommunenummer: string, changes: MunicipalityChanges): Promise<void> {
    await tx
      .update(municipalities)
      .set({ ...changes, version: sql`${municipalities.version} + 1`, updatedAt: sql`now()` })
      .where(eq(municipalities.kommunenummer, kommunenummer));
  },
};
