import type { ReportGrouping } from '@alis/shared';
import { type SQL, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { type Bind, placeholders, prepared } from '../../db/prepared.js';
import { reportDataVersion } from '../../db/schema.js';

/**
 * The reports' aggregates, each one statement grouped in PostgreSQL (GROUPING SETS gives the groups
 * and the total row in one pass; a row with `is_total` is the total). Everything is judged on `asOf`
 * from dated history: agreements by their start and end dates, registrations by their status
 * periods, supervisions by their from/to dates, qualification by approval and exemption dates.
 * Groups use each municipality's current office, county and population.
 */

export interface ReportScope {
  asOf: string;
  /** Only this office's municipalities (null: all). */
  officeCode: string | null;
  groupBy: ReportGrouping;
}

/** A group's key and label from a municipality row `mu` (with its office `o` and county `c`). */
const GROUP: Record<ReportGrouping, { key: SQL; label: SQL }> = {
  office: { key: sql`mu.office_code`, label: sql`o.name` },
  county: { key: sql`mu.county_number`, label: sql`c.name` },
  municipality: { key: sql`mu.kommunenummer`, label: sql`mu.short_name` },
  size_band: {
    key: sql`case when mu.population is null then 'ukjent' when mu.population < 2000 then 'lt_2k' when mu.population < 5000 then '2k_5k'
      when mu.population < 10000 then '5k_10k' when mu.population < 20000 then '10k_20k' when mu.population < 50000 then '20k_50k'
      when mu.population < 100000 then '50k_100k' else 'ge_100k' end`,
    label: sql`''`,
  },
};

/** The municipalities in scope (an office's, or all: `scoped`), each with its group. */
const municipalitiesInScope = (groupBy: ReportGrouping, scoped: boolean, bind: Bind) => sql`
  select mu.kommunenummer, mu.short_name, mu.office_code, ${GROUP[groupBy].key} as g, ${GROUP[groupBy].label} as label
  from municipalities mu
  join offices o on o.code = mu.office_code
  join counties c on c.county_number = mu.county_number
  where mu.valid_to is null and ${scoped ? sql`mu.office_code = ${bind('officeCode')}::text` : sql`true`}`;

/**
 * A grouped report query as a named prepared statement (one per query, grouping and whether it is
 * one office's), answering one JSON array: planned once per connection, whatever the date asked,
 * and read with one JSON.parse rather than field by field. `build` gets the municipalities in scope
 * (`m`'s query) and binds the day as `asOf`, the rest from `values`.
 */
async function groupedRows<T>(
  db: Executor,
  query: string,
  scope: ReportScope,
  build: (bind: Bind, inScope: SQL) => SQL,
  values: Record<string, unknown> = {},
): Promise<T[]> {
  const scoped = scope.officeCode !== null;
  const statement = prepared(db, `report_${query}_${scope.groupBy}_${scoped ? 'office' : 'all'}`, (name) =>
    db
      .select({ rows: sql<T[] | null>`json_agg(x)` })
      .from(sql`(${build(placeholders, municipalitiesInScope(scope.groupBy, scoped, placeholders))}) as x`)
      .prepare(name),
  );
  const [result] = await statement.execute({ asOf: scope.asOf, ...(scoped ? { officeCode: scope.officeCode } : {}), ...values });
  return result?.rows ?? [];
}

/** Agreements that ran (draft and cancelled ones never did). */
const RAN = sql`a.status in ('active', 'completed', 'terminated')`;
const runningOn = (day: SQL) => sql`a.start_date <= ${day} and (a.end_date is null or a.end_date >= ${day})`;
/** A veileder supervision `s` running on `day`. */
const veilederOn = (day: SQL) => sql`s.role = 'veileder' and s.from_date <= ${day} and (s.to_date is null or s.to_date >= ${day})`;
/** Supervisor `sv` qualified as veileder on `day` (the shared rule `qualifiedAsVeileder`). */
const qualifiedOn = (day: SQL) => sql`((sv.specialist_in_general_practice and coalesce(sv.specialist_approved_on <= ${day}, true))
  or (coalesce(sv.exemption_until >= ${day}, false) and coalesce(sv.exemption_from <= ${day}, true)))`;
/** The status of `k`'s registration in general practice on `day` (not registered without one). */
const statusOn = (kommunenummer: SQL, day: SQL) => sql`coalesce((select rp.status from registration_periods rp
  where rp.kommunenummer = ${kommunenummer} and rp.specialty = 'ALM' and rp.from_date <= ${day} and (rp.to_date is null or rp.to_date >= ${day})
  order by rp.from_date desc limit 1), 'not_registered')`;

export interface MunicipalityFigures {
  g: string | null;
  /** Null on the total row. */
  label: string;
  is_total: number;
  municipalities: number;
  not_registered: number;
  preparing: number;
  applied: number;
  registered: number;
  rejected: number;
  deregistered: number;
}

export interface AgreementFigures {
  g: string | null;
  is_total: number;
  active: number;
  salaried: number;
  self_employed: number;
  gp: number;
  gp_locum: number;
  introduction: number;
  other: number;
  started: number;
  ended: number;
  with_veileder: number;
  municipalities_with_alis: number;
}

/** Agreement figures with the veileder figures of the same group. */
export interface PeopleFigures extends AgreementFigures {
  veiledere: number;
  qualified: number;
}

export interface GrantFiguresRow {
  g: string | null;
  status: string | null;
  is_total: number;
  all_statuses: number;
  applications: number;
  lines: number;
  applied: number;
  granted: number;
  paid: number;
  overdue: number;
}

export interface ComplianceRow {
  kind: string;
  kommunenummer: string;
  municipality_name: string;
  office_code: string;
  subject_type: 'agreement' | 'supervisor' | 'grant_application';
  subject_id: string;
  doctor_name: string | null;
  supervisor_name: string | null;
  /** The grant scheme of a certificate (for the worklist's label). */
  scheme_name: string | null;
  date: string | null;
  count: number | null;
  capacity: number | null;
}

export interface ComplianceWindow {
  asOf: string;
  /** Only this office's municipalities (null: all). */
  officeCode: string | null;
  /** Auditor's certificates due before this day and not received by `asOf` (`asOf` itself: overdue ones). */
  certificatesDueBefore: string;
}

/**
 * The compliance cases as one prepared statement (an office's, or the whole country's), run with
 * `asOf`, `officeCode` and `certificatesDueBefore`: planned once per connection, not per request.
 */
function complianceStatement(db: Executor, name: string, scoped: boolean) {
  const day = sql`${sql.placeholder('asOf')}::date`;
  const inOffice = scoped ? sql`mu.office_code = ${sql.placeholder('officeCode')}::text` : sql`true`;
  const certificatesDueBefore = sql`${sql.placeholder('certificatesDueBefore')}::date`;
  const cases = sql`
        with m as (
          select mu.kommunenummer, mu.short_name, mu.office_code, ${statusOn(sql`mu.kommunenummer`, day)} as status from municipalities mu
          where mu.valid_to is null and ${inOffice}
        ),
        act as materialized (
          select a.id, a.kommunenummer, a.doctor_id, a.start_date, a.planned_end_date, m.short_name, m.office_code, m.status
          from agreements a join m on m.kommunenummer = a.kommunenummer
          where ${RAN} and ${runningOn(day)}
        ),
        vrun as materialized (
          select s.id, s.supervisor_id, s.from_date, a.doctor_id from supervisions s join agreements a on a.id = s.agreement_id
          where ${veilederOn(day)} and a.doctor_id in (select act.doctor_id from act)
        ),
        unsupervised as materialized (select act.* from act where not exists (select 1 from vrun where vrun.doctor_id = act.doctor_id)),
        -- Each veileder of the scope's ALIS once, placed in the first of their municipalities.
        vplace as materialized (
          select distinct on (vrun.supervisor_id) vrun.supervisor_id, act.kommunenummer, act.short_name, act.office_code
          from vrun join act on act.doctor_id = vrun.doctor_id order by vrun.supervisor_id, act.kommunenummer
        ),
        items as (
          select 'agreement_in_unregistered_municipality' as kind, 1 as ord, act.kommunenummer, act.short_name, act.office_code,
            'agreement' as subject_type, act.id::text as subject_id, act.doctor_id, null::text as supervisor_name,
            null::text as scheme_name, act.start_date as date, null::int as count, null::int as capacity
          from act where act.status not in ('applied', 'registered')
          union all
          select 'agreement_without_veileder', 2, w.kommunenummer, w.short_name, w.office_code, 'agreement', w.id::text, w.doctor_id, null, null,
            w.since, null, null
          from (
            select u.*, greatest(u.start_date, coalesce((
              select max(s.to_date) + 1 from supervisions s join agreements a2 on a2.id = s.agreement_id
              where a2.doctor_id = u.doctor_id and s.role = 'veileder' and s.to_date < ${day}), u.start_date)) as since
            from unsupervised u
          ) w where w.since <= ${day} - 30
          union all
          select distinct on (act.id) 'veileder_not_qualified', 3, act.kommunenummer, act.short_name, act.office_code, 'agreement', act.id::text,
            act.doctor_id, sv.name, null, vrun.from_date, null, null
          from act join vrun on vrun.doctor_id = act.doctor_id join supervisors sv on sv.id = vrun.supervisor_id
          where not ${qualifiedOn(day)}
          union all
          select 'veileder_over_capacity', 4, vplace.kommunenummer, vplace.short_name, vplace.office_code, 'supervisor', sv.id::text, null, sv.name,
            null, null, l.load, sv.capacity
          from vplace join supervisors sv on sv.id = vplace.supervisor_id
          join (
            select s.supervisor_id, count(*)::int as load from supervisions s
            where ${veilederOn(day)} and s.supervisor_id in (select vplace.supervisor_id from vplace) group by s.supervisor_id
          ) l on l.supervisor_id = sv.id
          where l.load > sv.capacity
          union all
          select 'certificate_overdue', 5, ga.kommunenummer, m.short_name, m.office_code, 'grant_application', ga.id::text, null, null,
            gs.name, gs.auditor_certificate_due_date, null, null
          from grant_applications ga join m on m.kommunenummer = ga.kommunenummer join grant_schemes gs on gs.code = ga.scheme_code
          where ga.status in ('granted', 'partially_granted', 'paid') and gs.auditor_certificate_due_date < ${certificatesDueBefore}
            and (ga.auditor_certificate_received_on is null or ga.auditor_certificate_received_on > ${day})
          union all
          select 'agreement_ending_soon', 6, act.kommunenummer, act.short_name, act.office_code, 'agreement', act.id::text, act.doctor_id, null,
            null, act.planned_end_date, null, null
          from act where act.planned_end_date >= ${day} and act.planned_end_date <= (${day} + interval '6 months')::date
        )
        select kind, ord, kommunenummer, short_name as municipality_name, office_code, subject_type, subject_id,
          (select d.name from doctors d where d.id = items.doctor_id) as doctor_name, supervisor_name, scheme_name,
          to_char(date, 'YYYY-MM-DD') as date, count, capacity
        from items`;
  // One JSON value rather than a row per case: PostgreSQL writes it and JSON.parse reads it, far
  // cheaper than decoding hundreds of rows field by field.
  const ordered = sql`json_agg(cases order by cases.ord, cases.kommunenummer, cases.date, cases.subject_id)`;
  return db
    .select({ cases: sql<ComplianceRow[] | null>`${ordered}` })
    .from(sql`(${cases}) as cases`)
    .prepare(name);
}

export const reportsRepo = {
  /** The data version (bumped at the commit of every change reports read). */
  async dataVersion(db: Executor): Promise<number> {
    const [row] = await prepared(db, 'report_data_version', (name) =>
      db.select({ version: reportDataVersion.version }).from(reportDataVersion).where(eq(reportDataVersion.id, 1)).prepare(name),
    ).execute();
    return row?.version ?? 0;
  },

  /** Municipalities per group and in total, by their registration status on the day. */
  async municipalityFigures(db: Executor, scope: ReportScope): Promise<MunicipalityFigures[]> {
    return groupedRows(db, 'municipalities', scope, (bind, inScope) => {
      const day = sql`${bind('asOf')}::date`;
      return sql`
        with m as (${inScope}),
        x as (select m.g, m.label, ${statusOn(sql`m.kommunenummer`, day)} as status from m)
        select g, label, grouping(g)::int as is_total, count(*)::int as municipalities,
          count(*) filter (where status = 'not_registered')::int as not_registered,
          count(*) filter (where status = 'preparing')::int as preparing,
          count(*) filter (where status = 'applied')::int as applied,
          count(*) filter (where status = 'registered')::int as registered,
          count(*) filter (where status = 'rejected')::int as rejected,
          count(*) filter (where status = 'deregistered')::int as deregistered
        from x group by grouping sets ((g, label), ())`;
    });
  },

  /**
   * Agreements and veiledere per group and in total, in one pass: agreements active on the day (by
   * form and position), started and ended in the year to the day, with a veileder; the distinct
   * veiledere of the ALIS active on the day, and how many of them were qualified then. The running
   * veileder supervisions are found once, for the doctors active in scope only, and serve both.
   */
  async peopleFigures(db: Executor, scope: ReportScope, yearFrom: string): Promise<PeopleFigures[]> {
    const query = (bind: Bind, inScope: SQL) => {
      const day = sql`${bind('asOf')}::date`;
      const from = sql`${bind('yearFrom')}::date`;
      return sql`
        with m as (${inScope}),
        x as materialized (
          select m.g, a.kommunenummer, a.doctor_id, a.employment_form, a.position, a.start_date, a.end_date, (${runningOn(day)}) as act
          from agreements a join m on m.kommunenummer = a.kommunenummer
          where ${RAN} and a.start_date <= ${day} and (a.end_date is null or a.end_date >= ${from})
        ),
        v as materialized (
          select distinct d.g, d.doctor_id, s.supervisor_id
          from (select distinct g, doctor_id from x where act) d
          join agreements a2 on a2.doctor_id = d.doctor_id
          join supervisions s on s.agreement_id = a2.id and ${veilederOn(day)}
        ),
        af as (
          select g, grouping(g)::int as is_total,
            count(*) filter (where act)::int as active,
            count(*) filter (where act and employment_form = 'salaried')::int as salaried,
            count(*) filter (where act and employment_form = 'self_employed')::int as self_employed,
            count(*) filter (where act and position = 'gp')::int as gp,
            count(*) filter (where act and position = 'gp_locum')::int as gp_locum,
            count(*) filter (where act and position = 'introduction')::int as introduction,
            count(*) filter (where act and position = 'other')::int as other,
            count(*) filter (where start_date >= ${from})::int as started,
            count(*) filter (where end_date >= ${from} and end_date <= ${day})::int as ended,
            count(*) filter (where act and doctor_id in (select v.doctor_id from v))::int as with_veileder,
            count(distinct kommunenummer) filter (where act)::int as municipalities_with_alis
          from x group by grouping sets ((g), ())
        ),
        vf as (
          select v.g, grouping(v.g)::int as is_total, count(distinct v.supervisor_id)::int as veiledere,
            count(distinct v.supervisor_id) filter (where ${qualifiedOn(day)})::int as qualified
          from v join supervisors sv on sv.id = v.supervisor_id
          group by grouping sets ((v.g), ())
        )
        select af.*, coalesce(vf.veiledere, 0)::int as veiledere, coalesce(vf.qualified, 0)::int as qualified
        from af left join vf on vf.is_total = af.is_total and vf.g is not distinct from af.g`;
    };
    return groupedRows(db, 'people', scope, query, { yearFrom });
  },

  /** The groups in scope with their labels (for reports whose figures leave groups out). */
  async groups(db: Executor, scope: ReportScope): Promise<{ g: string; label: string }[]> {
    return groupedRows(db, 'groups', scope, (_bind, inScope) => sql`with m as (${inScope}) select distinct g, label from m`);
  },

  /** A scheme's submitted applications per group and status, their lines and amounts, and overdue certificates on the day. */
  async grantFigures(db: Executor, scope: ReportScope, schemeCode: string): Promise<GrantFiguresRow[]> {
    const query = (bind: Bind, inScope: SQL) => {
      const day = sql`${bind('asOf')}::date`;
      return sql`
        with m as (${inScope}),
        x as (
          select m.g, ga.status, ga.total_nok, ga.granted_nok, ga.paid_nok,
            (select count(*) from grant_application_lines l where l.application_id = ga.id) as lines,
            (ga.status in ('granted', 'partially_granted', 'paid') and gs.auditor_certificate_due_date < ${day}
              and (ga.auditor_certificate_received_on is null or ga.auditor_certificate_received_on > ${day})) as overdue
          from grant_applications ga
          join m on m.kommunenummer = ga.kommunenummer
          join grant_schemes gs on gs.code = ga.scheme_code
          where ga.scheme_code = ${bind('schemeCode')}::text and ga.submitted_on is not null
        )
        select g, status, grouping(g)::int as is_total, grouping(status)::int as all_statuses, count(*)::int as applications,
          coalesce(sum(lines), 0)::int as lines, coalesce(sum(total_nok), 0)::float8 as applied,
          coalesce(sum(granted_nok), 0)::float8 as granted, coalesce(sum(paid_nok), 0)::float8 as paid,
          count(*) filter (where overdue)::int as overdue
        from x group by grouping sets ((g, status), (g), (status), ())`;
    };
    return groupedRows(db, 'grants', scope, query, { schemeCode });
  },

  /**
   * What the offices act on, as of the day, in scope: the compliance report's list, and the
   * worklist's cases (which looks further ahead for certificates: `certificatesDueBefore`, the
   * day itself for the report, so only overdue ones). Everything is bounded by the office's own
   * agreements: the registration status once per municipality, supervisions only of its doctors,
   * a veileder's load only for veiledere of its doctors (`supervisions_veileder_load_idx`).
   */
  async compliance(db: Executor, window: ComplianceWindow): Promise<ComplianceRow[]> {
    const scoped = window.officeCode !== null;
    const statement = prepared(db, scoped ? 'compliance_office' : 'compliance_national', (name) => complianceStatement(db, name, scoped));
    const [result] = await statement.execute({ ...window });
    return result?.cases ?? [];
  },
};
