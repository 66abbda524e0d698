/**
 * The compliance list is read from dated periods (`compliance_periods`, rebuilt when the data version
 * moves). This test holds them to the definition: for random histories of agreements, veileder
 * supervisions, veiledere's qualifications and capacities, and overlapping registration periods, the
 * list on every day of the window equals what the rules give when judged on that day alone
 * (`DEFINITION` below, the per-day statement the report ran before the periods existed).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { agreements, compliancePeriodsVersion, doctors, registrationPeriods, registrations, supervisions, supervisors } from '../src/db/schema.js';
import { reportsRepo } from '../src/modules/reports/reports.repo.js';
import { createTestDatabase } from './support/build-app.js';
import { TEST_DATABASE_URL } from './support/test-env.js';

/** The cases on day $1 in office $2 (null: all), judged on that day alone. */
const DEFINITION = `
  with m as (
    select mu.kommunenummer, mu.short_name, mu.office_code, coalesce((select rp.status from registration_periods rp
      where rp.kommunenummer = mu.kommunenummer and rp.specialty = 'ALM' and rp.from_date <= $1::date and (rp.to_date is null or rp.to_date >= $1::date)
      order by rp.from_date desc limit 1), 'not_registered') as status
    from municipalities mu where mu.valid_to is null and ($2::text is null or mu.office_code = $2::text)
  ),
  act as (
    select a.id, a.kommunenummer, a.doctor_id, a.start_date, a.planned_end_date, m.short_name, m.office_code, m.status
    from agreements a join m on m.kommunenummer = a.kommunenummer
    where a.status in ('active', 'completed', 'terminated') and a.start_date <= $1::date and (a.end_date is null or a.end_date >= $1::date)
  ),
  vrun as (
    select s.supervisor_id, s.from_date, a.doctor_id from supervisions s join agreements a on a.id = s.agreement_id
    where s.role = 'veileder' and s.from_date <= $1::date and (s.to_date is null or s.to_date >= $1::date)
      and a.doctor_id in (select doctor_id from act)
  ),
  vplace as (
    select distinct on (vrun.supervisor_id) vrun.supervisor_id, act.kommunenummer, act.short_name, act.office_code
    from vrun join act on act.doctor_id = vrun.doctor_id order by vrun.supervisor_id, act.kommunenummer
  ),
  items as (
    select 'agreement_in_unregistered_municipality' as kind, 1 as ord, kommunenummer, short_name, office_code, 'agreement' as subject_type,
      id::text as subject_id, doctor_id, null::text as supervisor_name, null::text as scheme_name, start_date as date, null::int as count, null::int as capacity
    from act where status not in ('applied', 'registered')
    union all
    select 'agreement_without_veileder', 2, kommunenummer, short_name, office_code, 'agreement', id::text, doctor_id, null, null, since, null, null
    from (
      select act.*, greatest(act.start_date, coalesce((select max(s.to_date) + 1 from supervisions s join agreements a2 on a2.id = s.agreement_id
        where a2.doctor_id = act.doctor_id and s.role = 'veileder' and s.to_date < $1::date), act.start_date)) as since
      from act where not exists (select 1 from vrun where vrun.doctor_id = act.doctor_id)
    ) w where since <= $1::date - 30
    union all
    (select distinct on (act.id) 'veileder_not_qualified', 3, act.kommunenummer, act.short_name, act.office_code, 'agreement', act.id::text,
      act.doctor_id, sv.name, null, vrun.from_date, null, null
    from act join vrun on vrun.doctor_id = act.doctor_id join supervisors sv on sv.id = vrun.supervisor_id
    where not ((sv.specialist_in_general_practice and coalesce(sv.specialist_approved_on <= $1::date, true))
      or (coalesce(sv.exemption_until >= $1::date, false) and coalesce(sv.exemption_from <= $1::date, true)))
    order by act.id, vrun.from_date, sv.id)
    union all
    select 'veileder_over_capacity', 4, vplace.kommunenummer, vplace.short_name, vplace.office_code, 'supervisor', sv.id::text, null, sv.name,
      null, null, l.load, sv.capacity
    from vplace join supervisors sv on sv.id = vplace.supervisor_id
    join (
      select s.supervisor_id, count(*)::int as load from supervisions s
      where s.role = 'veileder' and s.from_date <= $1::date and (s.to_date is null or s.to_date >= $1::date) group by s.supervisor_id
    ) l on l.supervisor_id = sv.id
    where l.load > sv.capacity
    union all
    select 'agreement_ending_soon', 6, kommunenummer, short_name, office_code, 'agreement', id::text, doctor_id, null, null, planned_end_date, null, null
    from act where planned_end_date >= $1::date and planned_end_date <= ($1::date + interval '6 months')::date
  )
  select coalesce(json_agg(cases order by cases.ord, cases.kommunenummer, cases.date, cases.subject_id), '[]') as cases from (
    select kind, ord, kommunenummer, short_name as municipality_name, office_code, subject_type, subject_id,
      (select d.name from doctors d where d.id = items.doctor_id) as doctor_name, supervisor_name, scheme_name,
      to_char(date, 'YYYY-MM-DD') as date, count, capacity
    from items
  ) cases`;

const BASE = Date.UTC(2024, 0, 1);
const dayAt = (offset: number) => new Date(BASE + offset * 86_400_000).toISOString().slice(0, 10);
const MUNICIPALITIES = ['1804', '1818', '0301'] as const;
const DOCTORS = 4;
const SUPERVISORS = 3;

const offset = fc.integer({ min: 0, max: 60 });
const history = fc.record({
  agreements: fc.array(
    fc.record({
      doctor: fc.nat(DOCTORS - 1),
      kommunenummer: fc.constantFrom(...MUNICIPALITIES),
      status: fc.constantFrom('draft', 'active', 'active', 'completed', 'terminated', 'cancelled'),
      start: offset,
      length: fc.nat(50),
      planned: fc.nat(250),
    }),
    { maxLength: 6 },
  ),
  supervisors: fc.array(
    fc.record({
      specialist: fc.boolean(),
      approvedOn: fc.option(offset, { nil: null }),
      exemption: fc.option(fc.tuple(fc.option(offset, { nil: null }), offset), { nil: null }),
      capacity: fc.integer({ min: 1, max: 2 }),
    }),
    { minLength: SUPERVISORS, maxLength: SUPERVISORS },
  ),
  supervisions: fc.array(
    fc.record({
      agreement: fc.nat(5),
      supervisor: fc.nat(SUPERVISORS - 1),
      role: fc.constantFrom('veileder', 'veileder', 'veileder', 'supervisor'),
      from: offset,
      length: fc.option(fc.nat(40), { nil: null }),
    }),
    { maxLength: 8 },
  ),
  registrationPeriods: fc.array(
    fc.record({
      kommunenummer: fc.constantFrom(...MUNICIPALITIES),
      status: fc.constantFrom('preparing', 'applied', 'registered', 'rejected', 'deregistered'),
      from: offset,
      length: fc.option(fc.nat(40), { nil: null }),
    }),
    { maxLength: 5 },
  ),
});
type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

let database: Database;
const registrationIds = new Map<string, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  for (const kommunenummer of MUNICIPALITIES) {
    const [row] = await database.db.insert(registrations).values({ kommunenummer, status: 'registered' }).returning({ id: registrations.id });
    registrationIds.set(kommunenummer, row?.id ?? '');
  }
});
afterAll(() => database.close());

/** Replaces every agreement, supervision, supervisor and registration period with `h`'s. */
async function write(h: History) {
  await database.db.transaction(async (tx) => {
    for (const table of [supervisions, agreements, doctors, supervisors, registrationPeriods]) await tx.delete(table);
    const doctorIds = (
      await tx
        .insert(doctors)
        .values(Array.from({ length: DOCTORS }, (_, i) => ({ hprNumber: String(3_100_000 + i), name: `Lege ${i}` })))
        .returning({ id: doctors.id })
    ).map((row) => row.id);
    const supervisorIds = (
      await tx
        .insert(supervisors)
        .values(
          h.supervisors.map((s, i) => ({
            hprNumber: String(3_200_000 + i),
            name: `Veileder ${i}`,
            specialistInGeneralPractice: s.specialist,
            specialistApprovedOn: s.approvedOn === null ? null : dayAt(s.approvedOn),
            exemptionFrom: s.exemption?.[0] == null ? null : dayAt(Math.min(s.exemption[0], s.exemption[1])),
            exemptionUntil: s.exemption === null ? null : dayAt(Math.max(s.exemption[0] ?? 0, s.exemption[1])),
            capacity: s.capacity,
          })),
        )
        .returning({ id: supervisors.id })
    ).map((row) => row.id);
    // At most one open agreement per doctor and municipality, one open veileder per agreement.
    const open = new Set<string>();
    const agreementRows = h.agreements.flatMap((a) => {
      const doctorId = doctorIds[a.doctor] ?? '';
      const key = `${doctorId}/${a.kommunenummer}`;
      if (['draft', 'active'].includes(a.status) && open.has(key)) return [];
      if (['draft', 'active'].includes(a.status)) open.add(key);
      const ended = a.status === 'completed' || a.status === 'terminated';
      return [
        {
          doctorId,
          kommunenummer: a.kommunenummer,
          status: a.status,
          employmentForm: 'salaried' as const,
          position: 'gp' as const,
          positionPercent: 100,
          startDate: dayAt(a.start),
          endDate: ended ? dayAt(a.start + a.length) : null,
          endReason: a.status === 'completed' ? ('completed_training' as const) : a.status === 'terminated' ? ('left_position' as const) : null,
          cancellationReason: a.status === 'cancelled' ? 'Prøve' : null,
          plannedEndDate: dayAt(a.start + a.planned),
        },
      ];
    });
    const agreementIds = agreementRows.length === 0 ? [] : (await tx.insert(agreements).values(agreementRows).returning({ id: agreements.id })).map((row) => row.id);
    const openVeileder = new Set<string>();
    const supervisionRows = h.supervisions.flatMap((s) => {
      const agreementId = agreementIds[s.agreement % Math.max(1, agreementIds.length)];
      if (agreementId === undefined) return [];
      if (s.role === 'veileder' && s.length === null) {
        if (openVeileder.has(agreementId)) return [];
        openVeileder.add(agreementId);
      }
      return [
        {
          agreementId,
          supervisorId: supervisorIds[s.supervisor] ?? '',
          role: s.role,
          fromDate: dayAt(s.from),
          toDate: s.length === null ? null : dayAt(s.from + s.length),
        },
      ];
    });
    if (supervisionRows.length > 0) await tx.insert(supervisions).values(supervisionRows);
    const periodStarts = new Set<string>();
    const periodRows = h.registrationPeriods.flatMap((p) => {
      const key = `${p.kommunenummer}/${p.from}`;
      if (periodStarts.has(key)) return [];
      periodStarts.add(key);
      return [
        {
          registrationId: registrationIds.get(p.kommunenummer) ?? '',
          kommunenummer: p.kommunenummer,
          specialty: 'ALM',
          status: p.status,
          fromDate: dayAt(p.from),
          toDate: p.length === null ? null : dayAt(p.from + p.length),
        },
      ];
    });
    if (periodRows.length > 0) await tx.insert(registrationPeriods).values(periodRows);
  });
}

describe('compliance periods', () => {
  // Each run compares every day of the window for the country and for Nord.
  it('give, on every day, the cases the rules give when judged on that day alone', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        await write(h);
        for (let day = -1; day <= 112; day++) {
          for (const officeCode of [null, 'nord']) {
            const asOf = dayAt(day);
            const [expected] = (await database.executeSql(DEFINITION, [asOf, officeCode])).rows as [{ cases: unknown[] }];
            const actual = await reportsRepo.compliance(database.db, { asOf, officeCode, certificatesDueBefore: asOf });
            expect({ asOf, officeCode, cases: actual }).toEqual({ asOf, officeCode, cases: expected.cases });
          }
        }
      }),
      { numRuns: TEST_DATABASE_URL ? 25 : 10 },
    );
  }, 240_000);

  it('are rebuilt only when the data version has moved', async () => {
    await reportsRepo.compliancePeriodsCurrent(database.db);
    const built = async () => (await database.executeSql('select version from compliance_periods_version')).rows[0];
    const before = await built();
    await reportsRepo.compliancePeriodsCurrent(database.db);
    expect(await built()).toEqual(before);
    await database.db.insert(supervisors).values({ hprNumber: '3300000', name: 'Ny veileder', capacity: 2 });
    await reportsRepo.compliancePeriodsCurrent(database.db);
    expect(await built()).not.toEqual(before);
    expect(await built()).toEqual((await database.executeSql('select version from report_data_version')).rows[0]);
  });

  it('are built once when readers arrive together after a change', async () => {
    const veileder = { specialist: true, approvedOn: null, exemption: null, capacity: 1 };
    // An ALIS without a veileder in an unregistered municipality: two periods.
    await write({
      agreements: [{ doctor: 0, kommunenummer: '1804', status: 'active', start: 0, length: 0, planned: 100 }],
      supervisors: [veileder, veileder, veileder],
      supervisions: [],
      registrationPeriods: [],
    });
    const rows = async () => (await database.executeSql('select count(*)::int as n from compliance_periods')).rows[0];
    await reportsRepo.compliancePeriodsCurrent(database.db);
    const once = await rows();
    expect(once).toEqual({ n: 2 });
    await database.executeSql('update report_data_version set version = version + 1 where id = 1');
    // Four readers find the periods stale together. The first to build is held at its last step (the
    // version row, locked here) long enough for the others to start theirs: on PostgreSQL each runs on a
    // connection of its own, and without the build lock each would add the periods again.
    let readers: Promise<unknown> | undefined;
    await database.db.transaction(async (tx) => {
      await tx.select().from(compliancePeriodsVersion).for('update');
      readers = Promise.all(Array.from({ length: 4 }, () => reportsRepo.compliancePeriodsCurrent(database.db)));
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await readers;
    expect(await rows()).toEqual(once);
  });
});
