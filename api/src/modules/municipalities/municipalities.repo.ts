import type { RegistrationStatus, Total } from '@alis/shared';
import { and, eq, like, sql } from 'drizzle-orm';
import type { Db, Executor, RowOf } from '../../db/client.js';
import { counties, municipalities, registrations } from '../../db/schema.js';
import { type ListPage, ONE, type SortColumns, statementName, totalOf } from '../../lib/list.js';
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

const selection = { ...columns, registrationStatus: sql<RegistrationStatus>`coalesce(${registrations.status}, 'not_registered')` };

export type MunicipalityRow = RowOf<typeof columns> & { registrationStatus: RegistrationStatus };
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
  registrationStatus?: RegistrationStatus | undefined;
  /** Already folded with foldForSearch. */
  search?: string | undefined;
}

export type MunicipalitySort = 'kommunenummer' | 'name';
export const MUNICIPALITY_SORTS: SortColumns<MunicipalitySort> = {
  kommunenummer: [municipalities.kommunenummer],
  name: [municipalities.shortName, municipalities.kommunenummer],
};
export const municipalityPosition = {
  kommunenummer: (row: MunicipalityRow) => [row.kommunenummer],
  name: (row: MunicipalityRow) => [row.shortName, row.kommunenummer],
};

const inScope = (scope: MunicipalityScope) =>
  and(
    scope.officeCode === null ? undefined : eq(municipalities.officeCode, scope.officeCode),
    scope.kommunenummer === null ? undefined : eq(municipalities.kommunenummer, scope.kommunenummer),
  );

/** Its § 19 registration in general practice: the status the lists show and filter on. */
const generalPractice = and(eq(registrations.kommunenummer, municipalities.kommunenummer), eq(registrations.specialty, 'ALM'));

/** Municipalities with their county's name and registration status: what every read selects from. */
const selectMunicipalities = (db: Executor) =>
  db
    .select(selection)
    .from(municipalities)
    .innerJoin(counties, eq(counties.countyNumber, municipalities.countyNumber))
    .leftJoin(registrations, generalPractice);

const matching = (scope: MunicipalityScope, filter: MunicipalityFilter) =>
  and(
    inScope(scope),
    filter.officeCode ? eq(municipalities.officeCode, filter.officeCode) : undefined,
    filter.countyNumber ? eq(municipalities.countyNumber, filter.countyNumber) : undefined,
    filter.recruitmentChallenged === undefined ? undefined : eq(municipalities.recruitmentChallenged, filter.recruitmentChallenged),
    filter.registrationStatus ? sql`coalesce(${registrations.status}, 'not_registered') = ${filter.registrationStatus}` : undefined,
    filter.search ? like(municipalities.searchText, `%${escapeLike(filter.search)}%`) : undefined,
  );

/** Which filters are in use: one prepared statement per shape. */
const shapeOf = (scope: MunicipalityScope, filter: MunicipalityFilter) => [
  scope.officeCode !== null,
  scope.kommunenummer !== null,
  filter.officeCode !== undefined,
  filter.countyNumber !== undefined,
  filter.recruitmentChallenged !== undefined,
  filter.registrationStatus !== undefined,
  filter.search !== undefined,
];

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

  async list(
    db: Executor,
    scope: MunicipalityScope,
    filter: MunicipalityFilter,
    page: ListPage<MunicipalitySort>,
  ): Promise<MunicipalityRow[]> {
    return selectMunicipalities(db)
      .where(and(matching(scope, filter), page.after))
      .orderBy(...page.orderBy)
      .limit(page.limit)
      .prepare(statementName('municipalities_list', [...shapeOf(scope, filter), page.sort, page.after !== undefined]))
      .execute();
  },

  total(db: Executor, scope: MunicipalityScope, filter: MunicipalityFilter): Promise<Total> {
    return totalOf(
      db,
      () =>
        db
          .select({ one: ONE })
          .from(municipalities)
          .leftJoin(registrations, generalPractice)
          .where(matching(scope, filter))
          .$dynamic(),
      statementName('municipalities_total', shapeOf(scope, filter)),
    );
  },

  async update(tx: Executor, kommunenummer: string, changes: MunicipalityChanges): Promise<void> {
    await tx
      .update(municipalities)
      .set({ ...changes, version: sql`${municipalities.version} + 1`, updatedAt: sql`now()` })
      .where(eq(municipalities.kommunenummer, kommunenummer));
  },
};
