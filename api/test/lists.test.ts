import * as contract from '@alis/shared';
import { EXACT_TOTAL_UP_TO, agreementWarningCodes, todayInNorway } from '@alis/shared';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { seedDemoData } from '../src/db/demo-data.js';
import { admin, heroyClient, nordOffice, osloOffice, t, useCast } from './support/cast.js';
import { bodyOf } from './support/expect.js';
import { type Caller, expectProblem, http } from './support/factories.js';
import { freshHprNumber, insertDoctor } from './support/rows.js';
import { queryRows } from './support/sql.js';

/**
 * What every list gives beyond its page (issue 9): totals, sorting, and filters that must agree
 * with what a read shows (an agreement's warnings are computed by the shared rule on every read, and
 * filtered on in SQL: the two are held together here, on demo data and cases made to order).
 */
useCast();

const today = todayInNorway();

type PageSchema = z.ZodType<{ items: unknown[]; nextCursor: string | null; total: contract.Total }>;

/** Every page of a list, following the cursors, and the total the first page gave. */
async function everyPage<S extends PageSchema>(path: string, query: Record<string, string>, schema: S, caller: Caller = admin) {
  const items: z.output<S>['items'] = [];
  let cursor: string | null = null;
  const totals: contract.Total[] = [];
  do {
    const response = await http(t)
      .get(path)
      .query({ ...query, limit: '200', ...(cursor ? { cursor } : {}) })
      .set(caller.auth)
      .expect(200);
    const page: z.output<S> = bodyOf(response, schema);
    items.push(...page.items);
    totals.push(page.total);
    cursor = page.nextCursor;
  } while (cursor);
  // Every page tells the same total.
  expect(new Set(totals.map((total) => JSON.stringify(total))).size).toBe(1);
  return { items, total: totals[0] ?? { count: 0, exact: true } };
}

const post = (path: string, body: Record<string, unknown>) => http(t).post(path).set(admin.auth).send(body);

/** Cases the demo data may not hold, one per warning that needs more than a column. */
async function casesToOrder() {
  const agreement = async (body: Record<string, unknown>) =>
    bodyOf(
      await post('/api/v1/agreements', { kommunenummer: '1804', employmentForm: 'salaried', position: 'gp', positionPercent: 100, startDate: '2024-01-01', ...body }).expect(201),
      contract.agreement,
    );
  // LIS1 after the start, and a specialist before it.
  const late = await http(t).post('/api/v1/doctors').set(admin.auth).send({ hprNumber: freshHprNumber(), name: 'Lise Sen', lis1CompletedOn: '2024-06-30' }).expect(201);
  await agreement({ doctorId: bodyOf(late, contract.doctor).id });
  const specialist = await http(t)
    .post('/api/v1/doctors')
    .set(admin.auth)
    .send({ hprNumber: freshHprNumber(), name: 'Spes Ialist', lis1CompletedOn: '2015-06-30', specialistApprovedOn: '2020-01-01' })
    .expect(201);
  await agreement({ doctorId: bodyOf(specialist, contract.doctor).id });
  // Still active years after its planned end.
  const overdue = await agreement({ doctorId: (await insertDoctor(t)).id, startDate: '2019-03-01', signedOn: '2019-02-01' });
  await post(`/api/v1/agreements/${overdue.id}/transitions`, { to: 'active' }).expect(200);
  // Part time in two municipalities adding up to more than a full position.
  const both = (await insertDoctor(t)).id;
  await agreement({ doctorId: both, positionPercent: 60 });
  await agreement({ doctorId: both, kommunenummer: '1833', positionPercent: 60 });
  // A veileder not qualified today (an exemption that has ended), and one over capacity.
  const exempted = await http(t)
    .post('/api/v1/supervisors')
    .set(admin.auth)
    .send({ hprNumber: freshHprNumber(), name: 'Ex Emption', specialistInGeneralPractice: false, exemptionFrom: '2023-01-01', exemptionUntil: '2025-01-01' })
    .expect(201);
  const withExempted = await agreement({ doctorId: (await insertDoctor(t)).id, signedOn: '2023-12-01' });
  await post(`/api/v1/agreements/${withExempted.id}/supervisions`, { role: 'veileder', supervisorId: bodyOf(exempted, contract.supervisorDetail).id, from: '2024-01-01' }).expect(201);
  const busy = bodyOf(
    await http(t).post('/api/v1/supervisors').set(admin.auth).send({ hprNumber: freshHprNumber(), name: 'Bu Sy', specialistInGeneralPractice: true, capacity: 1 }).expect(201),
    contract.supervisorDetail,
  );
  for (const kommunenummer of ['1804', '1820']) {
    const supervised = await agreement({ doctorId: (await insertDoctor(t)).id, kommunenummer });
    await post(`/api/v1/agreements/${supervised.id}/supervisions`, { role: 'veileder', supervisorId: busy.id, from: '2024-01-01' }).expect(201);
  }
  // Education plans: approved long ago and never reviewed, approved and reviewed lately, and only drafted.
  const plans = [
    { status: 'approved', approvedOn: '2024-03-01' },
    { status: 'approved', approvedOn: '2024-03-01', reviewedOn: today },
    { status: 'draft', link: 'Sak 2024/12' },
  ];
  for (const educationPlan of plans) {
    const planned = await agreement({ doctorId: (await insertDoctor(t)).id, signedOn: '2023-12-01' });
    await post(`/api/v1/agreements/${planned.id}/transitions`, { to: 'active' }).expect(200);
    await http(t).patch(`/api/v1/agreements/${planned.id}`).set(admin.auth).send({ educationPlan }).expect(200);
  }
}

describe('agreement warnings as a filter', () => {
  beforeAll(async () => {
    await seedDemoData(t.database.db, { scale: 1, today });
    await casesToOrder();
  }, 120_000);

  it('gives, for every warning code, exactly the agreements whose warnings show it', async () => {
    const { items: all, total } = await everyPage('/api/v1/agreements', {}, contract.agreementPage);
    expect(total).toEqual({ count: all.length, exact: true });
    for (const code of agreementWarningCodes) {
      const shown = all.filter((agreement) => agreement.warnings.some((warning) => warning.code === code)).map((agreement) => agreement.id);
      const filtered = await everyPage('/api/v1/agreements', { warning: code }, contract.agreementPage);
      // Each code occurs, so that the comparison means something.
      expect(shown.length, code).toBeGreaterThan(0);
      expect(filtered.items.map((agreement) => agreement.id).sort(), code).toEqual(shown.sort());
      expect(filtered.total, code).toEqual({ count: shown.length, exact: true });
    }
  }, 120_000);

  it('combines the filter with the scope and other filters', async () => {
    const { items } = await everyPage('/api/v1/agreements', { warning: 'no_active_veileder', status: 'active' }, contract.agreementPage, nordOffice);
    expect(items.length).toBeGreaterThan(0);
    for (const agreement of items) {
      expect(agreement.officeCode).toBe('nord');
      expect(agreement.warnings.map((warning) => warning.code)).toContain('no_active_veileder');
    }
    expectProblem(await http(t).get('/api/v1/agreements').query({ warning: 'no_such_warning' }).set(admin.auth), 400, 'validation_failed');
  });
});

describe('municipalities', () => {
  it('show and filter on the status of their registration in general practice', async () => {
    const { items } = await everyPage('/api/v1/municipalities', {}, contract.pageOf(contract.municipality));
    expect(items).toHaveLength(357);
    const rows = await queryRows<{ kommunenummer: string; status: string }>(
      t.database,
      sql`select kommunenummer, status from registrations where specialty = 'ALM'`,
    );
    const statusOf = new Map(rows.map((row) => [row.kommunenummer, row.status]));
    for (const municipality of items) expect(municipality.registrationStatus).toBe(statusOf.get(municipality.kommunenummer) ?? 'not_registered');
    for (const status of contract.registrationStatuses) {
      const filtered = await everyPage('/api/v1/municipalities', { registrationStatus: status }, contract.pageOf(contract.municipality));
      expect(filtered.items.map((municipality) => municipality.kommunenummer), status).toEqual(
        items.filter((municipality) => municipality.registrationStatus === status).map((municipality) => municipality.kommunenummer),
      );
      expect(filtered.total.count, status).toBe(filtered.items.length);
    }
  });

  it('sort by number or name, either way', async () => {
    const byName = await everyPage('/api/v1/municipalities', { sort: 'name' }, contract.pageOf(contract.municipality));
    const names = byName.items.map((municipality) => [municipality.shortName, municipality.kommunenummer] as const);
    expect(names).toEqual([...names].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1)));
    const descending = await everyPage('/api/v1/municipalities', { sort: '-kommunenummer' }, contract.pageOf(contract.municipality));
    expect(descending.items.map((municipality) => municipality.kommunenummer)).toEqual(byName.items.map((m) => m.kommunenummer).sort().reverse());
  });
});

describe('doctors and supervisors', () => {
  it('sort by name either way, with the total of what each caller may see', async () => {
    // Registered by a municipality's client and by an office, with no agreement yet: visible by who registered them.
    await http(t).post('/api/v1/doctors').set(heroyClient.auth).send({ hprNumber: freshHprNumber(), name: 'Registrert av Herøy' }).expect(201);
    await http(t).post('/api/v1/doctors').set(nordOffice.auth).send({ hprNumber: freshHprNumber(), name: 'Registrert av Nord' }).expect(201);
    for (const [who, caller] of Object.entries({ admin, nordOffice, heroyClient })) {
      for (const [path, schema] of [
        ['/api/v1/doctors', contract.doctorPage],
        ['/api/v1/supervisors', contract.supervisorPage],
      ] as const) {
        const ascending = await everyPage(path, { sort: 'name' }, schema, caller);
        const descending = await everyPage(path, { sort: '-name' }, schema, caller);
        expect(descending.items.map((person) => person.id)).toEqual(ascending.items.map((person) => person.id).reverse());
        // The total counts the scope's ids from their own indexes; the page tests each row: the same people.
        expect(ascending.total, `${path} as ${who}`).toEqual({ count: ascending.items.length, exact: true });
      }
    }
  });
});

/** Who each office sees, computed from scratch by the rules (the oracle for the tables the triggers keep). */
const VISIBLE_BY_RULE = {
  doctors: sql`select m.office_code, a.doctor_id as id from agreements a join municipalities m on m.kommunenummer = a.kommunenummer
    union select d.created_by_office_code, d.id from doctors d where d.created_by_office_code is not null
    union select m.office_code, d.id from doctors d join municipalities m on m.kommunenummer = d.created_by_kommunenummer`,
  supervisors: sql`select m.office_code, sn.supervisor_id as id from supervisions sn join agreements a on a.id = sn.agreement_id
      join municipalities m on m.kommunenummer = a.kommunenummer
    union select s.created_by_office_code, s.id from supervisors s where s.created_by_office_code is not null
    union select m.office_code, s.id from supervisors s join municipalities m on m.kommunenummer = s.workplace_kommunenummer`,
};
/** The differences between the kept tables and the rules, both ways, names included: none when they agree. */
async function visibilityDrift() {
  const kept = {
    doctors: sql`select o.office_code, o.doctor_id as id, o.name from doctor_offices o`,
    supervisors: sql`select o.office_code, o.supervisor_id as id, o.name from supervisor_offices o`,
  };
  const named = { doctors: sql`doctors`, supervisors: sql`supervisors` };
  const drift: Record<string, unknown[]> = {};
  for (const kind of ['doctors', 'supervisors'] as const) {
    const rule = sql`select r.office_code, r.id, p.name from (${VISIBLE_BY_RULE[kind]}) r join ${named[kind]} p on p.id = r.id`;
    drift[kind] = await queryRows(t.database, sql`(${kept[kind]} except ${rule}) union all (${rule} except ${kept[kind]})`);
  }
  return drift;
}

describe("the offices' visibility tables", () => {
  const seen = async (caller: Caller, path: string, id: string) => (await http(t).get(`${path}/${id}`).set(caller.auth)).status;

  it('follow every change the rules depend on, whoever writes it', async () => {
    expect(await visibilityDrift()).toEqual({ doctors: [], supervisors: [] });
    // A doctor registered by admin: nobody's until an agreement places them.
    const doctor = bodyOf(await post('/api/v1/doctors', { hprNumber: freshHprNumber(), name: 'Synlig Lege' }).expect(201), contract.doctor);
    expect(await seen(nordOffice, '/api/v1/doctors', doctor.id)).toBe(404);
    const agreement = bodyOf(
      await post('/api/v1/agreements', { kommunenummer: '1804', doctorId: doctor.id, employmentForm: 'salaried', position: 'gp', positionPercent: 100, startDate: '2025-01-01' }).expect(201),
      contract.agreement,
    );
    expect(await seen(nordOffice, '/api/v1/doctors', doctor.id)).toBe(200);
    expect(await seen(osloOffice, '/api/v1/doctors', doctor.id)).toBe(404);
    // Renamed: the office's name order follows at once.
    await http(t).patch(`/api/v1/doctors/${doctor.id}`).set(admin.auth).set('if-match', '*').send({ name: 'Aaa Først' });
    const first = bodyOf(await http(t).get('/api/v1/doctors').query({ sort: 'name', limit: '1' }).set(nordOffice.auth).expect(200), contract.doctorPage);
    expect(first.items.map((item) => ('name' in item ? item.name : null))).toEqual(['Aaa Først']);
    // A supervisor working in Oslo supervises the ALIS in Bodø: both offices see them.
    const supervisor = bodyOf(
      await post('/api/v1/supervisors', { hprNumber: freshHprNumber(), name: 'Synlig Veileder', specialistInGeneralPractice: true, workplaceKommunenummer: '0301' }).expect(201),
      contract.supervisorDetail,
    );
    expect(await seen(nordOffice, '/api/v1/supervisors', supervisor.id)).toBe(404);
    await post(`/api/v1/agreements/${agreement.id}/supervisions`, { role: 'veileder', supervisorId: supervisor.id, from: '2025-01-01' }).expect(201);
    expect(await seen(nordOffice, '/api/v1/supervisors', supervisor.id)).toBe(200);
    expect(await seen(osloOffice, '/api/v1/supervisors', supervisor.id)).toBe(200);
    // Bodø moves to the Oslo office (reference data, written straight to the database): so do its people.
    await t.database.db.execute(sql`update municipalities set office_code = 'oslo' where kommunenummer = '1804'`);
    expect(await seen(osloOffice, '/api/v1/doctors', doctor.id)).toBe(200);
    expect(await seen(nordOffice, '/api/v1/doctors', doctor.id)).toBe(404);
    expect(await visibilityDrift()).toEqual({ doctors: [], supervisors: [] });
    await t.database.db.execute(sql`update municipalities set office_code = 'nord' where kommunenummer = '1804'`);
    // The agreement deleted (its supervisions with it): the doctor and the supervisor leave the office.
    await t.database.db.execute(sql`delete from agreement_shares where agreement_id = ${agreement.id}`);
    await t.database.db.execute(sql`delete from agreements where id = ${agreement.id}`);
    expect(await seen(nordOffice, '/api/v1/doctors', doctor.id)).toBe(404);
    expect(await seen(nordOffice, '/api/v1/supervisors', supervisor.id)).toBe(404);
    expect(await seen(osloOffice, '/api/v1/supervisors', supervisor.id)).toBe(200);
    expect(await visibilityDrift()).toEqual({ doctors: [], supervisors: [] });
  });
});

describe('totals', () => {
  it('are exact up to the bound, and above it an estimate marked as such, never below the bound', async () => {
    // The audit log is the list that grows largest; entries written straight to it, as history.
    await t.database.db.execute(sql`insert into audit_log (actor_type, action, entity_type, entity_id)
      select 'system', 'test.bulk', 'bulk', g::text from generate_series(1, ${EXACT_TOTAL_UP_TO + 50}) g`);
    await t.database.db.execute(sql`analyze audit_log`);
    const page = bodyOf(await http(t).get('/api/v1/audit').query({ entityType: 'bulk', limit: '1' }).set(admin.auth).expect(200), contract.pageOf(contract.auditEntry));
    expect(page.total.exact).toBe(false);
    expect(page.total.count).toBeGreaterThan(EXACT_TOTAL_UP_TO);
    const small = bodyOf(await http(t).get('/api/v1/audit').query({ entityType: 'bulk', entityId: '17' }).set(admin.auth).expect(200), contract.pageOf(contract.auditEntry));
    expect(small.total).toEqual({ count: 1, exact: true });
  }, 60_000);
});
