import type { RegistrationStatus, Total } from '@alis/shared';
import { and, eq, like, sql } from 'drizzle-orm';
import type { ChangesOf, Executor, RowOf } from '../../db/client.js';
import { type Bind, inline, placeholders, prepared } from '../../db/prepared.js';
import { counties, municipalities, registrations } from '../../db/schema.js';
import { type ListPage, ONE, type SortColumns, statementName, totalOf } from '../../lib/list.js';
import { type MunicipalityScope, scopeShape, scopeValues } from '../../lib/scope.js';
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
export type MunicipalityChanges = ChangesOf<
  typeof municipalities,
  'organisationNumber' | 'centralityClass' | 'population' | 'recruitmentChallenged' | 'contactName' | 'contactEmail' |
  'contactPhone' | 'notes' | 'officeCode'
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

/** The scope's restrictions, bound to `scopeOffice` and `scopeKommune` (scopeValues). */
const inScope = (scope: MunicipalityScope, bind: Bind) =>
  and(
    scope.officeCode === null ? undefined : eq(municipalities.officeCode, bind('scopeOffice')),
    scope.kommunenummer === null ? undefined : eq(municipalities.kommunenummer, bind('scopeKommune')),
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

/** The filters in use as conditions, their values bound by the filter's own names (`pattern`: the search, as a LIKE pattern). */
const matching = (scope: MunicipalityScope, filter: MunicipalityFilter, bind: Bind) =>
  and(
    inScope(scope, bind),
    filter.officeCode ? eq(municipalities.officeCode, bind('officeCode')) : undefined,
    filter.countyNumber ? eq(municipalities.countyNumber, bind('countyNumber')) : undefined,
    filter.recruitmentChallenged === undefined ? undefined : eq(municipalities.recruitmentChallenged, bind('recruitmentChallenged')),
    filter.registrationStatus ? sql`coalesce(${registrations.status}, 'not_registered') = ${bind('registrationStatus')}` : undefined,
    filter.search ? like(municipalities.searchText, bind('pattern')) : undefined,
  );

const valuesOf = (scope: MunicipalityScope, filter: MunicipalityFilter) => ({
  ...filter,
  ...scopeValues(scope),
  pattern: filter.search ? `%${escapeLike(filter.search)}%` : null,
});

/** Which filters are in use: one prepared statement per shape. */
const shapeOf = (scope: MunicipalityScope, filter: MunicipalityFilter) => [
  scopeShape(scope),
  filter.officeCode !== undefined,
  filter.countyNumber !== undefined,
  filter.recruitmentChallenged !== undefined,
  filter.registrationStatus !== undefined,
  filter.search !== undefined,
];

export const municipalitiesRepo = {
  /** The hot path of integrations: one prepared statement for every scope, the scope checked in the key lookup. */
  async get(db: Executor, kommunenummer: string, scope: MunicipalityScope): Promise<MunicipalityRow | undefined> {
    const [row] = await prepared(db, 'municipality_by_number', (name) =>
      selectMunicipalities(db)
        .where(
          and(
            eq(municipalities.kommunenummer, placeholders('kommunenummer')),
            sql`(${placeholders('scopeOffice')}::text is null or ${municipalities.officeCode} = ${placeholders('scopeOffice')})`,
            sql`(${placeholders('scopeKommune')}::text is null or ${municipalities.kommunenummer} = ${placeholders('scopeKommune')})`,
          ),
        )
        .prepare(name),
    ).execute({ kommunenummer, ...scopeValues(scope) });
    return row;
  },

  async getForUpdate(tx: Executor, kommunenummer: string, scope: MunicipalityScope): Promise<MunicipalityRow | undefined> {
    const [row] = await selectMunicipalities(tx)
      .where(and(eq(municipalities.kommunenummer, kommunenummer), inScope(scope, inline(scopeValues(scope)))))
      .for('update', { of: municipalities });
    return row;
  },

  async list(
    db: Executor,
    scope: MunicipalityScope,
    filter: MunicipalityFilter,
    page: ListPage<MunicipalitySort>,
  ): Promise<MunicipalityRow[]> {
    return prepared(db, statementName('municipalities_list', [...shapeOf(scope, filter), page.sort, page.after !== undefined]), (name) =>
      selectMunicipalities(db)
        .where(and(matching(scope, filter, placeholders), page.after))
        .orderBy(...page.orderBy)
        .limit(sql.placeholder('limit'))
        .prepare(name),
    ).execute({ ...valuesOf(scope, filter), ...page.values });
  },

  total(db: Executor, scope: MunicipalityScope, filter: MunicipalityFilter): Promise<Total> {
    return totalOf(
      db,
      statementName('municipalities_total', shapeOf(scope, filter)),
      (bind) =>
        db
          .select({ one: ONE })
          .from(municipalities)
          .leftJoin(registrations, generalPractice)
          .where(matching(scope, filter, bind))
          .$dynamic(),
      valuesOf(scope, filter),
    );
  },

  /** The municipality holding an organisation number (unique), in any scope: how an external token names its municipality. */
  async findByOrganisationNumber(db: Executor, organisationNumber: string): Promise<{ kommunenummer: string } | undefined> {
    const [row] = await prepared(db, 'municipality_by_organisation_number', (name) =>
      db
        .select({ kommunenummer: municipalities.kommunenummer })
        .from(municipalities)
        .where(eq(municipalities.organisationNumber, placeholders('organisationNumber')))
        .prepare(name),
    ).execute({ organisationNumber });
    return row;
  },

  async update(tx: Executor, kommunenummer: string, changes: MunicipalityChanges): Promise<void> {
    await tx
      .update(municipalities)
      .set({ ...changes, version: sql`${municipalities.version} + 1`, updatedAt: sql`now()` })
      .where(eq(municipalities.kommunenummer, kommunenummer));
  },
};
