import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  GRANT_DECISIONS,
  GRANT_TRANSITIONS,
  type GrantApplication,
  type GrantApplicationStatus,
  SAMPLE_RATE_TABLE,
  grantApplicationStatuses,
  lineAmount,
  listGrantApplicationsQuery,
  rateFor,
  todayInNorway,
  type RegistrationStatus,
  type ShareChange,
  canTransition,
  isValidOrganisationNumber,
  missingApplicationElements,
  plannedEndDate,
  qualifiedAsVeileder,
  registeredFromDate,
} from '@alis/shared';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { seedDemoData } from '../src/db/demo-data.js';
import { type DemoData, generateDemoData } from '../src/db/demo-generate.js';
import { EmbeddedDatabaseInUse, lockEmbeddedDatabase } from '../src/db/embedded-lock.js';
import { agreements, doctors, municipalities, registrations, supervisions, supervisors } from '../src/db/schema.js';
import { at } from '../src/lib/collections.js';
import type { Principal } from '../src/lib/principal.js';
import { buildTestApp, type TestApp } from './support/build-app.js';
import { expectDefined, first } from './support/expect.js';
import { queryRows } from './support/sql.js';

const TODAY = '2026-11-23';
const ADMIN: Principal = { kind: 'user', id: '00000000-0000-4000-8000-000000000001', role: 'admin', officeCode: null, kommunenummer: null, scopes: ['read', 'write', 'decide'] };
const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let t: TestApp;
let places: { kommunenummer: string; countyNumber: string }[];
beforeAll(async () => {
  t = await buildTestApp();
  places = await t.database.db
    .select({ kommunenummer: municipalities.kommunenummer, countyNumber: municipalities.countyNumber })
    .from(municipalities)
    .orderBy(asc(municipalities.kommunenummer));
});
afterAll(() => t.close());

/** Every rule the database checks, and those the API enforces, over generated demo data: the broken ones, described. */
function violations(data: DemoData, today: string): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, what: () => string) => {
    if (!ok && broken.length < 50) broken.push(what());
  };
  const kommunenumre = new Set(places.map((p) => p.kommunenummer));

  // Identifiers: HPR numbers in canonical form and unique across doctors and supervisors.
  const hprNumbers = [...data.doctors.map((d) => d.hprNumber), ...data.supervisors.map((s) => s.hprNumber)];
  check(new Set(hprNumbers).size === hprNumbers.length, () => 'HPR numbers are not unique');
  for (const hpr of hprNumbers) check(/^[1-9][0-9]{6,8}$/.test(hpr), () => `HPR number ${hpr} is not canonical`);
  const organisationNumbers = data.municipalities.map((m) => m.organisationNumber);
  check(new Set(organisationNumbers).size === organisationNumbers.length, () => 'organisation numbers are not unique');
  for (const m of data.municipalities) {
    check(isValidOrganisationNumber(m.organisationNumber), () => `${m.kommunenummer}: organisation number ${m.organisationNumber} fails MOD11`);
    check(Number.isInteger(m.population) && m.population > 0, () => `${m.kommunenummer}: population ${m.population}`);
    check(Number.isInteger(m.centralityClass) && m.centralityClass >= 1 && m.centralityClass <= 6, () => `${m.kommunenummer}: centrality ${m.centralityClass}`);
  }

  // Registrations: one per municipality, a lifecycle the API allows, dates in order and not ahead of today.
  check(new Set(data.registrations.map((r) => r.kommunenummer)).size === data.registrations.length, () => 'two registrations for one municipality');
  for (const r of data.registrations) {
    let status: RegistrationStatus = 'not_registered';
    let previous = '1900-01-01';
    for (const step of r.transitions) {
      check(step.from === status && canTransition(status, step.to as RegistrationStatus), () => `${r.kommunenummer}: ${step.from} → ${step.to} after ${status}`);
      check(step.date >= previous && step.date <= today, () => `${r.kommunenummer}: transition on ${step.date} after ${previous} or after today`);
      status = step.to as RegistrationStatus;
      previous = step.date;
    }
    check(status === r.status, () => `${r.kommunenummer}: history ends in ${status}, status is ${r.status}`);
    if (r.status !== 'preparing') check(missingApplicationElements(r).length === 0, () => `${r.kommunenummer}: applied without a complete application`);
    if (r.applicationDate && r.decisionDate) check(r.applicationDate <= r.decisionDate, () => `${r.kommunenummer}: decided before applying`);
    if (r.status === 'registered' || r.status === 'deregistered') {
      check(r.registeredFrom === registeredFromDate(expectDefined(r.applicationDate)), () => `${r.kommunenummer}: registeredFrom ${String(r.registeredFrom)}`);
    }
  }

  // Agreements, their absences and supervision.
  const supervisorByHpr = new Map(data.supervisors.map((s) => [s.hprNumber, s]));
  for (const s of data.supervisors) check(kommunenumre.has(s.workplaceKommunenummer), () => `supervisor ${s.hprNumber} works in unknown ${s.workplaceKommunenummer}`);
  for (const doctor of data.doctors) {
    const open = doctor.agreements.filter((a) => a.status === 'draft' || a.status === 'active').map((a) => a.kommunenummer);
    check(new Set(open).size === open.length, () => `doctor ${doctor.hprNumber} has two open agreements in one municipality`);
    for (let i = 1; i < doctor.agreements.length; i += 1) {
      const before = at(doctor.agreements, i - 1);
      check(before.endDate !== null && before.endDate < at(doctor.agreements, i).startDate, () => `doctor ${doctor.hprNumber}: agreements overlap`);
    }
    check(doctor.lis1CompletedOn < at(doctor.agreements, 0).startDate, () => `doctor ${doctor.hprNumber}: LIS1 after the ALIS start`);
    for (const a of doctor.agreements) {
      const id = `doctor ${doctor.hprNumber} in ${a.kommunenummer} (${a.status}, ${a.startDate})`;
      const closed = a.status === 'completed' || a.status === 'terminated';
      check(kommunenumre.has(a.kommunenummer), () => `${id}: unknown municipality`);
      check(a.positionPercent >= 1 && a.positionPercent <= 100, () => `${id}: ${a.positionPercent} %`);
      check(closed === (a.endDate !== null && a.endReason !== null), () => `${id}: end date and reason do not match the status`);
      check(a.startDate >= '2019-03-01', () => `${id}: starts before 2019-03-01`);
      if (a.status !== 'draft') check(a.startDate <= today, () => `${id}: starts in the future`);
      if (a.status !== 'draft') check(a.signedOn !== null, () => `${id}: not signed`);
      if (a.signedOn !== null) check(a.signedOn <= today && a.signedOn <= a.startDate, () => `${id}: signed ${a.signedOn ?? ''}`);
      const end = a.endDate;
      if (end !== null) {
        check(end >= a.startDate && end < today, () => `${id}: ends ${end}`);
        check(end <= a.plannedEndDate, () => `${id}: ends ${end} after its planned end ${a.plannedEndDate}`);
      }
      if (a.status === 'active') check(a.plannedEndDate >= today, () => `${id}: active past its planned end`);
      check(at(a.shares, 0).from === a.startDate && a.shares.at(-1)?.percent === a.positionPercent, () => `${id}: share history ${JSON.stringify(a.shares)}`);
      check(
        a.plannedEndDate === plannedEndDate(a.startDate, a.shares, a.absences.map((x) => ({ from: x.fromDate, to: x.toDate }))),
        () => `${id}: planned end ${a.plannedEndDate} does not follow the shared rule`,
      );
      const sortedAbsences = [...a.absences].sort((x, y) => x.fromDate.localeCompare(y.fromDate));
      sortedAbsences.forEach((x, i) => {
        check(x.fromDate <= x.toDate && x.fromDate >= a.startDate, () => `${id}: absence ${x.fromDate} – ${x.toDate}`);
        if (end !== null) check(x.toDate <= end, () => `${id}: absence after the end`);
        if (i > 0) check(at(sortedAbsences, i - 1).toDate < x.fromDate, () => `${id}: absences overlap`);
      });
      if (a.status === 'draft') check(a.supervisions.length === 0, () => `${id}: supervision on a draft`);
      const veileders = a.supervisions.filter((s) => s.role === 'veileder').sort((x, y) => x.fromDate.localeCompare(y.fromDate));
      check(veileders.filter((s) => s.toDate === null).length <= 1, () => `${id}: two open veileder supervisions`);
      veileders.forEach((s, i) => {
        const previous = i > 0 ? at(veileders, i - 1) : undefined;
        check(!previous || (previous.toDate !== null && previous.toDate < s.fromDate), () => `${id}: veileder supervisions overlap`);
        const supervisor = supervisorByHpr.get(s.supervisorHprNumber);
        // exemptionFrom: the field the shared rule is gaining; demo exemptions run from before any supervision.
        const facts = supervisor && { ...supervisor, exemptionFrom: null };
        check(facts !== undefined && qualifiedAsVeileder(facts, s.fromDate), () => `${id}: veileder ${s.supervisorHprNumber} not qualified on ${s.fromDate}`);
        // A specialist counts from the approval date (the shared rule is moving to that reading).
        if (supervisor?.specialistInGeneralPractice && supervisor.specialistApprovedOn !== null && supervisor.exemptionUntil === null) {
          check(supervisor.specialistApprovedOn <= s.fromDate, () => `${id}: veileder ${s.supervisorHprNumber} approved after ${s.fromDate}`);
        }
      });
      for (const s of a.supervisions) {
        check(supervisorByHpr.has(s.supervisorHprNumber), () => `${id}: unknown supervisor ${s.supervisorHprNumber}`);
        check(s.fromDate >= a.startDate && (s.toDate === null || s.fromDate <= s.toDate), () => `${id}: supervision ${s.fromDate} – ${String(s.toDate)}`);
        if (end !== null) check(s.toDate !== null && s.toDate <= end, () => `${id}: supervision runs past the end ${end}`);
      }
    }
  }
  return broken;
}

describe('generateDemoData (no database)', () => {
  it('builds scale 10 with every rule the database and the API check holding', () => {
    const data = generateDemoData({ municipalities: places, scale: 10, today: TODAY });
    expect(violations(data, TODAY)).toEqual([]);

    const agreementList = data.doctors.flatMap((d) => d.agreements);
    expect(data.doctors).toHaveLength(6000);
    expect(data.supervisors).toHaveLength(3800);
    expect(agreementList.length).toBeGreaterThan(6000);
    expect(new Set(agreementList.map((a) => a.status))).toEqual(new Set(['draft', 'active', 'completed', 'terminated']));
    expect(new Set(agreementList.map((a) => a.kommunenummer)).size).toBeGreaterThan(250);
    expect(agreementList.filter((a) => a.absences.length > 0).length).toBeGreaterThan(500);
    // Some change veileder on the way, and some veileders' exemptions have run out since.
    expect(agreementList.filter((a) => a.supervisions.filter((s) => s.role === 'veileder').length === 2).length).toBeGreaterThan(100);
    expect(data.supervisors.some((s) => !s.specialistInGeneralPractice && s.exemptionUntil !== null && s.exemptionUntil < TODAY)).toBe(true);
  });

  it('gives plausible master data for every municipality: larger places more central', () => {
    const { municipalities: facts } = generateDemoData({ municipalities: places, scale: 1, today: TODAY });
    expect(facts.map((m) => m.kommunenummer)).toEqual(places.map((p) => p.kommunenummer));
    const byNumber = new Map(facts.map((m) => [m.kommunenummer, m]));
    const oslo = expectDefined(byNumber.get('0301'));
    expect(oslo.centralityClass).toBe(1);
    expect(Math.max(...facts.map((m) => m.population))).toBe(oslo.population);
    for (const big of ['4601', '5001', '1103']) expect(expectDefined(byNumber.get(big)).population).toBeGreaterThan(100_000);
    expect(expectDefined(byNumber.get('1151')).population).toBeLessThan(1000); // Utsira
    const total = facts.reduce((sum, m) => sum + m.population, 0);
    expect(total).toBeGreaterThan(4_500_000);
    expect(total).toBeLessThan(7_000_000);
    const median = at([...facts].sort((a, b) => a.population - b.population), Math.floor(facts.length / 2)).population;
    expect(median).toBeGreaterThan(2_500);
    expect(median).toBeLessThan(9_000);
    const meanClass = (list: typeof facts) => list.reduce((sum, m) => sum + m.centralityClass, 0) / list.length;
    expect(meanClass(facts.filter((m) => m.population >= 20_000))).toBeLessThan(meanClass(facts.filter((m) => m.population < 5_000)) - 1.5);
  });

  it('is deterministic, and each person is the same at every scale', () => {
    const once = generateDemoData({ municipalities: places, scale: 2, today: TODAY });
    expect(generateDemoData({ municipalities: places, scale: 2, today: TODAY })).toEqual(once);
    const larger = generateDemoData({ municipalities: places, scale: 3, today: TODAY });
    expect(larger.municipalities).toEqual(once.municipalities);
    expect(larger.registrations).toEqual(once.registrations);
    expect(larger.supervisors.slice(0, once.supervisors.length)).toEqual(once.supervisors);
    // The same doctors, with the same agreements; only the veileders chosen may differ (more to choose from).
    const withoutSupervision = (list: DemoData['doctors']) => list.map((d) => ({ ...d, agreements: d.agreements.map((a) => ({ ...a, supervisions: [] })) }));
    expect(withoutSupervision(larger.doctors.slice(0, once.doctors.length))).toEqual(withoutSupervision(once.doctors));
    expect(generateDemoData({ municipalities: places, scale: 2, today: TODAY, seed: 7 }).doctors[0]).not.toEqual(once.doctors[0]);
    expect(() => generateDemoData({ municipalities: places, scale: 0, today: TODAY })).toThrow(RangeError);
  });
});

const TABLES = [
  'municipalities', 'registrations', 'registration_transitions', 'doctors', 'supervisors', 'agreements', 'agreement_shares', 'absences', 'supervisions', 'audit_log',
  'grant_schemes', 'grant_rate_versions', 'grant_applications', 'grant_application_lines', 'grant_application_transitions',
  'courses', 'course_participants', 'follow_ups',
];

/** Each table's row count and a digest of all its rows: equal snapshots mean nothing changed. */
async function snapshot(app: TestApp): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const row = first(await queryRows<{ n: number; digest: string | null }>(app.database, sql.raw(`select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as digest from ${table} t`)));
    out[table] = `${row.n} ${row.digest ?? ''}`;
  }
  return out;
}

describe('seedDemoData', () => {
  it('writes scale 3 on a fresh database, changes nothing when run again, and grows to scale 10', async () => {
    const summary = expectDefined(await seedDemoData(t.database.db, { scale: 3, today: TODAY }), 'a summary');
    expect(summary).toMatchObject({ municipalities: 357, doctors: 1800, supervisors: 1140, kept: { registrations: 0, doctors: 0, supervisors: 0 } });
    expect(summary.agreements).toBeGreaterThanOrEqual(1800);
    expect(summary.registrations).toBeGreaterThan(250);
    // Vacuumed once seeded: every page of the new rows is marked all-visible, so counts read the index alone.
    const agreementPages = first(await queryRows<{ pages: number; visible: number }>(t.database, sql`select relpages as pages, relallvisible as visible from pg_class where relname = 'agreements'`));
    expect(agreementPages.pages).toBeGreaterThan(0);
    expect(agreementPages.visible).toBe(agreementPages.pages);

    const before = await snapshot(t);
    expect(await seedDemoData(t.database.db, { scale: 3, today: TODAY })).toBeNull();
    expect(await seedDemoData(t.database.db, { scale: 3 })).toBeNull(); // another day: still nothing
    expect(await snapshot(t)).toEqual(before);

    const grown = expectDefined(await seedDemoData(t.database.db, { scale: 10, today: TODAY }), 'a summary of the growth');
    expect(grown).toMatchObject({ municipalities: 0, registrations: 0, doctors: 4200, supervisors: 2660, kept: { doctors: 1800, supervisors: 1140 } });
    const atTen = await snapshot(t);
    expect(await seedDemoData(t.database.db, { scale: 10, today: TODAY })).toBeNull();
    expect(await snapshot(t)).toEqual(atTen);
  }, 120_000);

  it('adds the offices\' work: courses with attendance that gave their veileders the course date, education plans and follow-ups', async () => {
    const courseRows = await queryRows<{ office_code: string; status: string; n: number }>(
      t.database,
      sql`select office_code, status, count(*)::int as n from courses group by office_code, status`,
    );
    expect(new Set(courseRows.map((row) => row.office_code)).size).toBe(6);
    expect(new Set(courseRows.map((row) => row.status))).toContain('held');
    // Everyone who attended every day of a held veilederkurs has a course date no earlier than its last day.
    const behind = await queryRows<{ id: string }>(
      t.database,
      sql`select s.id from course_participants p join courses c on c.id = p.course_id join supervisors s on s.id = p.supervisor_id
          where c.kind = 'veilederkurs' and c.status = 'held' and p.attended @> c.days
            and (s.course_completed_on is null or s.course_completed_on < c.last_day)`,
    );
    expect(behind).toEqual([]);
    const plans = await queryRows<{ status: string; n: number }>(
      t.database,
      sql`select education_plan_status as status, count(*)::int as n from agreements where status = 'active' group by education_plan_status`,
    );
    expect(new Set(plans.map((row) => row.status))).toEqual(new Set(['missing', 'draft', 'approved']));
    const followUpRows = first(await queryRows<{ n: number; later: number }>(t.database, sql`select count(*)::int as n, count(*) filter (where next_follow_up_on < date)::int as later from follow_ups`));
    expect(followUpRows.n).toBeGreaterThan(100);
    expect(followUpRows.later).toBe(0);
  });

  it('fills every municipality\'s master data, marked as demo data, with valid and unique organisation numbers', async () => {
    const rows = await t.database.db.select().from(municipalities);
    expect(rows).toHaveLength(357);
    for (const row of rows) {
      expect(row.population, row.kommunenummer).toBeGreaterThan(0);
      expect(row.centralityClass, row.kommunenummer).toBeGreaterThanOrEqual(1);
      expect(isValidOrganisationNumber(row.organisationNumber ?? ''), row.kommunenummer).toBe(true);
      expect(row.notes, row.kommunenummer).toMatch(/^Demodata: innbyggertall, sentralitetsklasse og organisasjonsnummer er oppdiktet/);
      expect(row.version).toBe(2);
    }
    expect(new Set(rows.map((r) => r.organisationNumber)).size).toBe(rows.length);
  });

  it('keeps stored planned end dates on the shared rule and a veileder at a time', async () => {
    const rows = await queryRows<{ start_date: string; planned_end_date: string; shares: ShareChange[]; absences: { from: string; to: string }[] | null }>(
      t.database,
      sql`select a.start_date::text, a.planned_end_date::text,
                 (select json_agg(json_build_object('from', s.from_date::text, 'percent', s.percent) order by s.from_date) from agreement_shares s where s.agreement_id = a.id) as shares,
                 (select json_agg(json_build_object('from', b.from_date::text, 'to', b.to_date::text)) from absences b where b.agreement_id = a.id) as absences
          from agreements a
          where exists (select 1 from absences b where b.agreement_id = a.id)
             or (select count(*) from agreement_shares s where s.agreement_id = a.id) > 1
          limit 200`,
    );
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((row) => row.shares.length > 1).length).toBeGreaterThan(5);
    for (const row of rows) expect(row.planned_end_date).toBe(plannedEndDate(row.start_date, row.shares, row.absences ?? []));
    const overlapping = first(
      await queryRows<{ n: number }>(
        t.database,
        sql`select count(*)::int as n from supervisions a join supervisions b on a.agreement_id = b.agreement_id and a.id < b.id
            where a.role = 'veileder' and b.role = 'veileder'
              and a.from_date <= coalesce(b.to_date, 'infinity'::date) and b.from_date <= coalesce(a.to_date, 'infinity'::date)`,
      ),
    );
    expect(overlapping.n).toBe(0);
  });

  it('merges with what users entered: their registrations, doctors, supervisors and master data stay as they are', async () => {
    const used = await buildTestApp();
    try {
      const db = used.database.db;
      const data = generateDemoData({ municipalities: places, scale: 1, today: TODAY });
      const demoRegistered = first(data.registrations, 'a demo registration').kommunenummer;
      const firstDoctor = first(data.doctors, 'a demo doctor');
      const firstSupervisor = first(data.supervisors, 'a demo supervisor');
      const osloOrganisationNumber = expectDefined(data.municipalities.find((m) => m.kommunenummer === '0301')).organisationNumber;

      // What offices entered before anyone ran the demo seeding.
      await db.insert(registrations).values({ kommunenummer: demoRegistered, status: 'preparing', responsibleName: 'Kontorets egen ansvarlige' });
      const [userDoctor] = await db
        .insert(doctors)
        .values({ hprNumber: firstDoctor.hprNumber, name: 'Ekte Lege', createdByOfficeCode: 'oslo' })
        .returning();
      const [userSupervisor] = await db
        .insert(supervisors)
        .values({ hprNumber: firstSupervisor.hprNumber, name: 'Ekte Veileder', specialistInGeneralPractice: true, capacity: 2 })
        .returning();
      await db.update(municipalities).set({ population: 290_000, notes: 'Kontorets notat' }).where(eq(municipalities.kommunenummer, '4601'));
      // An office typed in, for Trondheim, the number the demo would give Oslo.
      await db.update(municipalities).set({ organisationNumber: osloOrganisationNumber, centralityClass: 3 }).where(eq(municipalities.kommunenummer, '5001'));
      const mine = async () => ({
        registration: await db.select().from(registrations).where(eq(registrations.kommunenummer, demoRegistered)),
        doctor: await db.select().from(doctors).where(eq(doctors.id, expectDefined(userDoctor).id)),
        supervisor: await db.select().from(supervisors).where(eq(supervisors.id, expectDefined(userSupervisor).id)),
      });
      const before = await mine();

      const summary = expectDefined(await seedDemoData(db, { scale: 1, today: TODAY }), 'a summary');
      expect(summary.kept).toEqual({ registrations: 1, doctors: 1, supervisors: 1 });
      expect(summary.doctors).toBe(599);
      expect(await mine()).toEqual(before);
      // The demo gives the office's doctor no agreements, and the office's supervisor no supervision.
      expect(await db.select().from(agreements).where(eq(agreements.doctorId, expectDefined(userDoctor).id))).toEqual([]);
      expect(await db.select().from(supervisions).where(eq(supervisions.supervisorId, expectDefined(userSupervisor).id))).toEqual([]);

      const [bergen, trondheim, oslo] = await Promise.all(
        ['4601', '5001', '0301'].map(async (k) => first(await db.select().from(municipalities).where(eq(municipalities.kommunenummer, k)))),
      );
      expect(bergen).toMatchObject({ population: 290_000, notes: 'Kontorets notat', centralityClass: 2 });
      expect(isValidOrganisationNumber(bergen?.organisationNumber ?? '')).toBe(true);
      expect(trondheim).toMatchObject({ organisationNumber: osloOrganisationNumber, centralityClass: 3, population: 214_600 });
      expect(trondheim?.notes).toBe('Demodata: innbyggertall er oppdiktet (pnpm seed:demo), ikke offisielle tall.');
      expect(oslo?.organisationNumber).not.toBe(osloOrganisationNumber);
      expect(isValidOrganisationNumber(oslo?.organisationNumber ?? '')).toBe(true);
      const numbers = (await db.select({ n: municipalities.organisationNumber }).from(municipalities)).map((r) => r.n);
      expect(new Set(numbers).size).toBe(numbers.length);

      const seeded = await snapshot(used);
      expect(await seedDemoData(db, { scale: 1, today: TODAY })).toBeNull();
      expect(await snapshot(used)).toEqual(seeded);
      // Demo supervision goes to the demo supervisors.
      const supervised = first(
        await queryRows<{ n: number }>(used.database, sql`select count(*)::int as n from supervisions s join supervisors v on v.id = s.supervisor_id where v.name <> 'Ekte Veileder'`),
      );
      expect(supervised.n).toBeGreaterThan(500);
    } finally {
      await used.close();
    }
  }, 60_000);
});

/** The grant rules the API checks, over generated demo grants: the broken ones, described. */
function grantViolations(data: DemoData, today: string): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, what: () => string) => {
    if (!ok && broken.length < 50) broken.push(what());
  };
  const schemes = new Map(data.grantSchemes.map((scheme) => [scheme.code, scheme]));
  const classOf = new Map(data.municipalities.map((m) => [m.kommunenummer, m.centralityClass]));
  const pairs = data.grantApplications.map((a) => `${a.kommunenummer}|${a.schemeCode}`);
  check(new Set(pairs).size === pairs.length, () => 'two demo applications of one municipality in one scheme');
  for (const a of data.grantApplications) {
    const id = `${a.kommunenummer} in ${a.schemeCode} (${a.status})`;
    const scheme = expectDefined(schemes.get(a.schemeCode));
    let status: GrantApplicationStatus = 'draft';
    let previous = '1900-01-01';
    for (const step of a.transitions) {
      check(step.from === status && GRANT_TRANSITIONS[status].includes(step.to), () => `${id}: ${step.from} → ${step.to} after ${status}`);
      check(step.date >= previous && step.date <= today, () => `${id}: a move on ${step.date} after ${previous} or after today`);
      status = step.to;
      previous = step.date;
    }
    check(status === a.status, () => `${id}: the history ends in ${status}`);
    if (a.submittedOn === null) {
      check(a.totalNok === null && a.centralityClass === null && a.lines.every((l) => l.amountNok === null), () => `${id}: a draft with kept amounts`);
      continue;
    }
    check(a.submittedOn > scheme.periodTo && a.submittedOn <= scheme.applicationDeadline, () => `${id}: sent ${a.submittedOn ?? ''}`);
    check(a.lines.length > 0 && a.lines.every((l) => l.months >= 1 && l.months <= 12 && l.positionPercent >= 1 && l.positionPercent <= 100), () => `${id}: a line out of range`);
    const rate = (type: Parameters<typeof rateFor>[1]) => rateFor(SAMPLE_RATE_TABLE, type, expectDefined(classOf.get(a.kommunenummer)));
    for (const l of a.lines) check(l.annualRateNok === rate(l.lineType) && l.amountNok === lineAmount(rate(l.lineType), l.positionPercent, l.months), () => `${id}: a line's amount`);
    check(a.totalNok === a.lines.reduce((sum, l) => sum + (l.amountNok ?? 0), 0), () => `${id}: total ${a.totalNok ?? ''}`);
    const total = a.totalNok ?? 0;
    if (a.decisionDate !== null) check(a.decisionDate >= a.submittedOn && a.decisionReference !== null, () => `${id}: decided ${a.decisionDate ?? ''}`);
    if (a.status === 'granted') check(a.grantedNok === total, () => `${id}: granted ${a.grantedNok ?? ''} of ${total}`);
    if (a.status === 'partially_granted') check(a.grantedNok !== null && a.grantedNok >= 1 && a.grantedNok < total, () => `${id}: partially ${a.grantedNok ?? ''} of ${total}`);
    if (a.status === 'paid') {
      check(a.paidNok !== null && a.grantedNok !== null && a.paidNok <= a.grantedNok && a.grantedNok <= total, () => `${id}: paid ${a.paidNok ?? ''}`);
      check(a.paidOn !== null && a.decisionDate !== null && a.paidOn >= a.decisionDate, () => `${id}: paid on ${a.paidOn ?? ''}`);
    }
    check(GRANT_DECISIONS.includes(a.status) || a.status === 'paid' ? a.decisionDate !== null : a.decisionDate === null, () => `${id}: decision date`);
    if (a.auditorCertificateReceivedOn !== null) check(a.grantedNok !== null && a.auditorCertificateReceivedOn >= (a.decisionDate ?? ''), () => `${id}: certificate`);
  }
  return broken;
}

describe('demo grants', () => {
  it('are generated in every status, by the shared rules, at scale 10', () => {
    const data = generateDemoData({ municipalities: places, scale: 10, today: TODAY });
    expect(data.grantSchemes.map((s) => s.code)).toEqual(['nasjonal-alis-2024', 'nasjonal-alis-2025', 'nasjonal-alis-2026']);
    expect(grantViolations(data, TODAY)).toEqual([]);
    expect(new Set(data.grantApplications.map((a) => a.status))).toEqual(new Set(grantApplicationStatuses));
    expect(data.grantApplications.length).toBeGreaterThan(500);
  });

  it('are written so that the API reads every sent one without a problem', async () => {
    const fresh = await buildTestApp();
    try {
      // Today, as the API reads it: a draft's months are the ones that have run by the day it is read.
      const today = todayInNorway();
      const summary = expectDefined(await seedDemoData(fresh.database.db, { scale: 1, today }));
      // The current year's scheme came with the migration (2026), with the same sample rates.
      const year = Number(today.slice(0, 4));
      expect(summary.grantSchemes).toBe([year - 2, year - 1, year].includes(2026) ? 2 : 3);
      expect(summary.grantApplications).toBeGreaterThan(200);
      expect(summary.grantApplicationsKept).toBe(0);

      const all: GrantApplication[] = [];
      let cursor: string | undefined;
      do {
        const page = await fresh.app.services.grantApplications.list(ADMIN, listGrantApplicationsQuery.parse({ limit: 200, ...(cursor ? { cursor } : {}) }));
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(all).toHaveLength(summary.grantApplications);
      expect(new Set(all.map((a) => a.status))).toEqual(new Set(grantApplicationStatuses));
      const sent = all.filter((a) => a.submittedOn !== null);
      expect(sent.length).toBeGreaterThan(100);
      for (const a of sent) {
        expect(a.problems, `${a.kommunenummer} ${a.scheme.code}`).toEqual([]);
        expect(a.amountsFixed).toBe(true);
        expect(a.totalNok).toBe(a.lines.reduce((sum, line) => sum + (line.amountNok ?? 0), 0));
      }
      // Drafts are what draft-from-agreements makes: their problems are the agreements that cannot be claimed.
      const drafts = all.filter((a) => a.status === 'draft');
      expect(drafts.length).toBeGreaterThan(50);
      const draftProblems = drafts.flatMap((a) => a.problems.map((p) => p.code));
      expect(draftProblems.length).toBeGreaterThan(0);
      expect(draftProblems.filter((code) => code !== 'staffing_agency' && code !== 'no_claimable_months')).toEqual([]);
      expect(all.some((a) => a.certificateOverdue)).toBe(true);
      expect(all.some((a) => a.auditorCertificateReceivedOn !== null)).toBe(true);

      expect(await seedDemoData(fresh.database.db, { scale: 1, today })).toBeNull();
    } finally {
      await fresh.close();
    }
  }, 120_000);
});

describe('the embedded database is opened by one process at a time', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'alis-lock-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second holder, naming the first, until the first lets go', () => {
    const folder = path.join(dir, 'plain');
    const lock = lockEmbeddedDatabase(folder);
    const holder: unknown = JSON.parse(readFileSync(`${folder}.lock`, 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    expect(() => lockEmbeddedDatabase(folder)).toThrow(EmbeddedDatabaseInUse);
    expect(() => lockEmbeddedDatabase(folder)).toThrow(new RegExp(`in use by another process \\(pid ${process.pid}\\b`));
    lock.release();
    lock.release();
    expect(existsSync(`${folder}.lock`)).toBe(false);
    lockEmbeddedDatabase(folder).release();
  });

  it('takes over a lock whose process is gone, but not one whose process runs', async () => {
    const folder = path.join(dir, 'stale');
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = expectDefined(child.pid);
    await new Promise((resolve) => child.once('exit', resolve));
    const lockFile = `${folder}.lock`;
    writeFileSync(lockFile, JSON.stringify({ pid: deadPid, hostname: os.hostname(), since: '2026-01-01T00:00:00Z', command: 'crashed', processStart: null, token: 'gone' }));
    const lock = lockEmbeddedDatabase(folder);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();

    // A live process (this one's parent) holds it: refused, and the file is left as it was.
    const live = JSON.stringify({ pid: process.ppid, hostname: os.hostname(), since: '2026-01-01T00:00:00Z', command: 'pnpm start', processStart: null, token: 'live' });
    writeFileSync(lockFile, live);
    expect(() => lockEmbeddedDatabase(folder)).toThrow(/pnpm start/);
    expect(readFileSync(lockFile, 'utf8')).toBe(live);
    rmSync(lockFile);
    // Garbage in the file (say, from an older version) does not block for ever.
    writeFileSync(lockFile, 'not json');
    lockEmbeddedDatabase(folder).release();
  });

  it('keeps `pnpm seed:demo` away from a database a running process has open, changing nothing', async () => {
    const dataDir = path.join(dir, 'data');
    const database = await openDatabase({ embeddedDataDir: path.join(dataDir, 'pglite') });
    try {
      await expect(openDatabase({ embeddedDataDir: path.join(dataDir, 'pglite') })).rejects.toThrow(EmbeddedDatabaseInUse);
      const run = await new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve, reject) => {
        const cli = spawn(process.execPath, ['--import', 'tsx', 'src/db/seed-demo-cli.ts', '--scale', '1'], {
          cwd: apiDir,
          env: { PATH: process.env.PATH, DATA_DIR: dataDir, DATABASE_URL: '' },
        });
        let stderr = '';
        let stdout = '';
        cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        cli.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        cli.once('error', reject);
        cli.once('exit', (code) => resolve({ code, stderr, stdout }));
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^seed:demo: nothing changed\. The embedded database .* is in use by another process \(pid \d+/);
      expect(run.stdout).toBe('');
      // The holder's database still works, and has no tables the seeding would have made.
      expect(await queryRows(database, sql`select count(*)::int as n from information_schema.tables where table_name = 'doctors'`)).toEqual([{ n: 0 }]);
    } finally {
      await database.close();
    }
    expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
    // Once closed, the next process may open it.
    const again = await openDatabase({ embeddedDataDir: path.join(dataDir, 'pglite') });
    await again.close();
  }, 60_000);
});
