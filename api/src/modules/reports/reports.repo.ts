import type { ReportGrouping } from '@alis/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { type Bind, placeholders, prepared } from '../../db/prepared.js';
import { lockForTransaction } from '../../lib/sql.js';

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
 * Every compliance case of the agreements and veiledere, over all time, as dated periods (see
 * `compliancePeriods` in schema.ts): what holds on a day is then the periods that contain it. Each
 * case is a function of the day that changes only on known days (a registration period's, a
 * supervision's or a qualification's first day or the day after its last), so each is computed on the
 * segments between those days, with the same rules the other reports judge one day by (`statusOn`,
 * `qualifiedOn`). Runs as one statement, and only while the periods are older than the data version.
 */
const REBUILD_COMPLIANCE_PERIODS = sql`
  with stale as (
    select d.version from report_data_version d join compliance_periods_version b on b.id = d.id where d.id = 1 and b.version <> d.version
  ),
  ran as (
    select a.id, a.kommunenummer, a.doctor_id, a.start_date, coalesce(a.end_date, 'infinity') as end_date from agreements a where ${RAN}
  ),
  vs as (
    select s.supervisor_id, a.doctor_id, s.from_date, coalesce(s.to_date, 'infinity') as to_date
    from supervisions s join agreements a on a.id = s.agreement_id where s.role = 'veileder'
  ),
  -- A municipality's registration status between the days it can change, where it is neither applied nor registered.
  status_changes as (
    select kommunenummer, '-infinity'::date as b from ran
    union select kommunenummer, from_date from registration_periods where specialty = 'ALM'
    union select kommunenummer, to_date + 1 from registration_periods where specialty = 'ALM' and to_date is not null
  ),
  unregistered as (
    select * from (
      select x.kommunenummer, x.b as from_date, coalesce(lead(x.b) over (partition by x.kommunenummer order by x.b) - 1, 'infinity') as to_date,
        ${statusOn(sql`x.kommunenummer`, sql`x.b`)} as status
      from status_changes x
    ) y where status not in ('applied', 'registered')
  ),
  -- An ALIS's days without a veileder: the gaps between the islands their veileder supervisions cover.
  islands as (
    select doctor_id, min(from_date) as from_date, max(to_date) as to_date from (
      select doctor_id, from_date, to_date, count(*) filter (where starts) over (partition by doctor_id order by from_date, to_date) as island
      from (
        select doctor_id, from_date, to_date, coalesce(from_date > max(to_date) over (partition by doctor_id order by from_date, to_date
          rows between unbounded preceding and 1 preceding) + 1, true) as starts
        from vs
      ) v
    ) w group by doctor_id, island
  ),
  gaps as (
    select doctor_id, coalesce(lag(to_date) over (partition by doctor_id order by from_date) + 1, '-infinity') as from_date, from_date - 1 as to_date
    from islands
    union all
    select doctor_id, max(to_date) + 1, 'infinity' from islands group by doctor_id having max(to_date) < 'infinity'
    union all
    select distinct r.doctor_id, '-infinity'::date, 'infinity'::date from ran r where not exists (select 1 from vs where vs.doctor_id = r.doctor_id)
  ),
  -- A veileder's days not qualified, between the days their qualification can change.
  qualification_changes as (
    select distinct sv.id, sv.specialist_in_general_practice, sv.specialist_approved_on, sv.exemption_from, sv.exemption_until, v.b
    from supervisors sv
    cross join lateral (values ('-infinity'::date), (sv.specialist_approved_on), (sv.exemption_from), (sv.exemption_until + 1)) as v(b)
    where v.b is not null and sv.id in (select supervisor_id from vs)
  ),
  not_qualified as (
    select id as supervisor_id, from_date, to_date from (
      select sv.id, sv.b as from_date, coalesce(lead(sv.b) over (partition by sv.id order by sv.b) - 1, 'infinity') as to_date,
        ${qualifiedOn(sql`sv.b`)} as qualified
      from qualification_changes sv
    ) q where not qualified
  ),
  -- A veileder's load (running veileder supervisions) between the days it changes, where it is over their capacity.
  load_changes as (
    select supervisor_id, b, sum(delta) as delta from (
      select supervisor_id, from_date as b, 1 as delta from vs
      union all select supervisor_id, to_date + 1, -1 from vs where to_date < 'infinity'
    ) e group by supervisor_id, b
  ),
  overloaded as (
    select l.* from (
      select supervisor_id, b as from_date, coalesce(lead(b) over w - 1, 'infinity') as to_date, (sum(delta) over w)::int as load
      from load_changes window w as (partition by supervisor_id order by b)
    ) l join supervisors sv on sv.id = l.supervisor_id where l.load > sv.capacity
  ),
  periods as (
    select 1 as ord, a.kommunenummer, a.id as agreement_id, a.doctor_id, null::uuid as supervisor_id,
      greatest(a.start_date, u.from_date) as from_date, least(a.end_date, u.to_date) as to_date, a.start_date as date, null::int as count
    from ran a join unregistered u on u.kommunenummer = a.kommunenummer
    union all
    -- Without a veileder since the later of the agreement's start and the gap's, for more than 30 days.
    select 2, a.kommunenummer, a.id, a.doctor_id, null, greatest(a.start_date, g.from_date) + 30, least(a.end_date, g.to_date),
      greatest(a.start_date, g.from_date), null
    from ran a join gaps g on g.doctor_id = a.doctor_id
    union all
    -- Each unqualified veileder of the agreement's ALIS (the list names the one whose supervision started first: compliance()).
    select 3, a.kommunenummer, a.id, a.doctor_id, s.supervisor_id,
      greatest(a.start_date, s.from_date, q.from_date), least(a.end_date, s.to_date, q.to_date), s.from_date, null
    from ran a join vs s on s.doctor_id = a.doctor_id join not_qualified q on q.supervisor_id = s.supervisor_id
    union all
    -- An overloaded veileder in each municipality where an ALIS of theirs has an agreement (placed in the first in scope: compliance()).
    select 4, a.kommunenummer, a.id, null, s.supervisor_id,
      greatest(a.start_date, s.from_date, o.from_date), least(a.end_date, s.to_date, o.to_date), null, o.load
    from ran a join vs s on s.doctor_id = a.doctor_id join overloaded o on o.supervisor_id = s.supervisor_id
  ),
  cleared as (delete from compliance_periods where exists (select 1 from stale)),
  built as (
    insert into compliance_periods (ord, kommunenummer, agreement_id, doctor_id, supervisor_id, from_date, to_date, date, count)
    select * from periods where from_date <= to_date and exists (select 1 from stale)
  )
  update compliance_periods_version b set version = stale.version from stale where b.id = 1`;

/**
 * The compliance cases on a day as one prepared statement (an office's, or the whole country's), run
 * with `asOf`, `officeCode` and `certificatesDueBefore`: the periods containing the day, and the
 * certificates and planned ends, which are read as they are.
 */
function complianceStatement(db: Executor, name: string, scoped: boolean) {
  const day = sql`${sql.placeholder('asOf')}::date`;
  const certificatesDueBefore = sql`${sql.placeholder('certificatesDueBefore')}::date`;
  const cases = sql`
        with m as (${municipalitiesInScope('office', scoped, placeholders)}),
        p as materialized (
          select cp.*, m.short_name, m.office_code from compliance_periods cp join m on m.kommunenummer = cp.kommunenummer
          where cp.from_date <= ${day} and cp.to_date >= ${day}
        ),
        items as (
          select 'agreement_in_unregistered_municipality' as kind, 1 as ord, p.kommunenummer, p.short_name, p.office_code,
            'agreement' as subject_type, p.agreement_id::text as subject_id, p.doctor_id, null::text as supervisor_name,
            null::text as scheme_name, p.date, null::int as count, null::int as capacity
          from p where p.ord = 1
          union all
          select 'agreement_without_veileder', 2, p.kommunenummer, p.short_name, p.office_code, 'agreement', p.agreement_id::text, p.doctor_id,
            null, null, p.date, null, null
          from p where p.ord = 2
          union all
          (select distinct on (p.agreement_id) 'veileder_not_qualified', 3, p.kommunenummer, p.short_name, p.office_code, 'agreement',
            p.agreement_id::text, p.doctor_id, sv.name, null, p.date, null, null
          from p join supervisors sv on sv.id = p.supervisor_id where p.ord = 3 order by p.agreement_id, p.date, sv.id)
          union all
          (select distinct on (p.supervisor_id) 'veileder_over_capacity', 4, p.kommunenummer, p.short_name, p.office_code, 'supervisor',
            sv.id::text, null, sv.name, null, null, p.count, sv.capacity::int
          from p join supervisors sv on sv.id = p.supervisor_id where p.ord = 4 order by p.supervisor_id, p.kommunenummer)
          union all
          select 'certificate_overdue', 5, ga.kommunenummer, m.short_name, m.office_code, 'grant_application', ga.id::text, null, null,
            gs.name, gs.auditor_certificate_due_date, null, null
          from grant_applications ga join m on m.kommunenummer = ga.kommunenummer join grant_schemes gs on gs.code = ga.scheme_code
          where ga.status in ('granted', 'partially_granted', 'paid') and gs.auditor_certificate_due_date < ${certificatesDueBefore}
            and (ga.auditor_certificate_received_on is null or ga.auditor_certificate_received_on > ${day})
          union all
          select 'agreement_ending_soon', 6, a.kommunenummer, m.short_name, m.office_code, 'agreement', a.id::text, a.doctor_id, null,
            null, a.planned_end_date, null, null
          from agreements a join m on m.kommunenummer = a.kommunenummer
          where ${RAN} and ${runningOn(day)} and a.planned_end_date >= ${day} and a.planned_end_date <= (${day} + interval '6 months')::date
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
   * Brings `compliance_periods` up to the data version when it is older: one indexed read while it is
   * current; otherwise one rebuild (the first reader after a change pays it, about 90 ms at ten times
   * national size), under a lock so that concurrent readers, on any instance, wait for one build.
   */
  async compliancePeriodsCurrent(db: Executor): Promise<void> {
    const [state] = await prepared(db, 'compliance_periods_stale', (name) =>
      db
        .select({ stale: sql<boolean>`b.version <> d.version` })
        .from(sql`report_data_version d join compliance_periods_version b on b.id = d.id`)
        .where(sql`d.id = 1`)
        .prepare(name),
    ).execute();
    if (!state?.stale) return;
    await db.transaction(async (tx) => {
      await lockForTransaction(tx, 'compliance_periods', 'rebuild');
      // Checks again (a new snapshot after the lock): another reader may have built it meanwhile.
      await tx.execute(REBUILD_COMPLIANCE_PERIODS);
    });
  },

  /**
   * What the offices act on, as of the day, in scope: the compliance report's list, and the
   * worklist's cases (which looks further ahead for certificates: `certificatesDueBefore`, the
   * day itself for the report, so only overdue ones). Of several unqualified veiledere of one ALIS the
   * list names the one who started first; an overloaded veileder is placed in the first municipality
   * (by number) in scope where an ALIS of theirs has an agreement.
   */
  async compliance(db: Executor, window: ComplianceWindow): Promise<ComplianceRow[]> {
    await reportsRepo.compliancePeriodsCurrent(db);
    const scoped = window.officeCode !== null;
    const statement = prepared(db, scoped ? 'compliance_office' : 'compliance_national', (name) => complianceStatement(db, name, scoped));
    const [result] = await statement.execute({ ...window });
    return result?.cases ?? [];
  },
};
