/**
 * The reports on a small data set whose every figure is worked out by hand below. Nord (Bodø 1804,
 * Herøy 1818) and Oslo (0301); every other municipality has nothing.
 *
 *   agreement  municipality  ran                      form           position      veileder (supervision)
 *   A1         Bodø          2024-01-01 –             salaried       gp            V1 2024-01-01 –
 *   A2         Bodø          2023-05-01 – 2025-04-30  self_employed  gp_locum      V3 2023-05-01 – 2025-04-30
 *   A3         Bodø          2025-03-01 –             salaried       introduction  V2 2025-03-01 –
 *   A4         Herøy         2025-02-01 –             self_employed  gp            none
 *   A5         Oslo          2020-01-01 – 2025-12-31  salaried       gp            V1 2020-01-01 – 2025-12-31
 *   A6         Oslo          draft (never ran);  A7 Oslo cancelled (never ran)
 *
 *   V1 specialist (approved 2010-01-01), capacity 1; V2 exemption 2025-01-01 – 2025-12-31, not a
 *   specialist; V3 specialist approved 2024-06-01.
 *   Registrations (general practice): Bodø preparing 2020-01-10, applied 2020-03-01, registered
 *   2020-09-01; Herøy preparing 2025-01-15, applied 2025-06-01; Oslo applied 2021-02-01, registered
 *   2021-05-01, deregistered 2025-10-01.
 */
import * as contract from '@alis/shared';
import { parse } from 'csv-parse/sync';
import { type SQL, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { agreementShares, agreements, doctors, grantApplicationLines, grantApplications, municipalities, supervisions, supervisors } from '../src/db/schema.js';
import { admin, directorate, directorateClient, heroyClient, nordOffice, osloOffice, t, useCast } from './support/cast.js';
import { bodyOf, first } from './support/expect.js';
import { type Caller, expectProblem, http } from './support/factories.js';
import { createScheme } from './support/grants.js';
import { freshHprNumber, insertRegistration } from './support/rows.js';
import { TEST_DATABASE_URL } from './support/test-env.js';

useCast();

const OVERVIEW = '/api/v1/reports/overview';
const GRANTS = '/api/v1/reports/grants';
const COMPLIANCE = '/api/v1/reports/compliance';

const BEFORE = '2024-03-01';
const BETWEEN = '2025-03-15';
const AFTER = '2026-02-01';

const ids: Record<string, string> = {};
let schemeCode = '';

async function doctor(name: string) {
  const [row] = await t.database.db.insert(doctors).values({ hprNumber: freshHprNumber(), name }).returning();
  return first([row]).id;
}

async function agreement(
  name: string,
  values: {
    kommunenummer: string;
    status: 'draft' | 'active' | 'completed' | 'terminated' | 'cancelled';
    startDate: string;
    endDate?: string;
    employmentForm: 'salaried' | 'self_employed';
    position: 'gp' | 'gp_locum' | 'introduction' | 'other';
    plannedEndDate?: string;
  },
) {
  const doctorId = await doctor(`Lege ${name}`);
  const closed = values.status === 'completed' || values.status === 'terminated';
  const [row] = await t.database.db
    .insert(agreements)
    .values({
      doctorId,
      kommunenummer: values.kommunenummer,
      employmentForm: values.employmentForm,
      position: values.position,
      positionPercent: 100,
      startDate: values.startDate,
      plannedEndDate: values.plannedEndDate ?? '2030-01-01',
      status: values.status,
      endDate: values.endDate ?? null,
      endReason: closed ? (values.status === 'completed' ? 'completed_training' : 'left_position') : null,
      cancellationReason: values.status === 'cancelled' ? 'ikke signert' : null,
    })
    .returning();
  const created = first([row]);
  await t.database.db.insert(agreementShares).values({ agreementId: created.id, fromDate: created.startDate, percent: 100 });
  ids[name] = created.id;
  ids[`doctor ${name}`] = doctorId;
  return created;
}

async function supervisor(name: string, values: Partial<typeof supervisors.$inferInsert>) {
  const [row] = await t.database.db
    .insert(supervisors)
    .values({ hprNumber: freshHprNumber(), name, capacity: 3, ...values })
    .returning();
  ids[name] = first([row]).id;
  return first([row]).id;
}

async function veileder(agreementName: string, supervisorName: string, fromDate: string, toDate: string | null = null) {
  await t.database.db
    .insert(supervisions)
    .values({ agreementId: ids[agreementName] ?? '', supervisorId: ids[supervisorName] ?? '', role: 'veileder', fromDate, toDate });
}

beforeAll(async () => {
  await t.database.db.update(municipalities).set({ population: 53_000 }).where(eq(municipalities.kommunenummer, '1804'));
  await t.database.db.update(municipalities).set({ population: 1_700 }).where(eq(municipalities.kommunenummer, '1818'));
  await t.database.db.update(municipalities).set({ population: 717_000 }).where(eq(municipalities.kommunenummer, '0301'));
  await insertRegistration(t, '1804', { status: 'registered', applicationDate: '2020-03-01', registeredFrom: '2020-03-01' }, [
    { from: 'not_registered', to: 'preparing', date: '2020-01-10' },
    { from: 'preparing', to: 'applied', date: '2020-03-01' },
    { from: 'applied', to: 'registered', date: '2020-09-01' },
  ]);
  await insertRegistration(t, '1818', { status: 'applied', applicationDate: '2025-06-01', registeredFrom: '2025-06-01' }, [
    { from: 'not_registered', to: 'preparing', date: '2025-01-15' },
    { from: 'preparing', to: 'applied', date: '2025-06-01' },
  ]);
  await insertRegistration(t, '0301', { status: 'deregistered' }, [
    { from: 'not_registered', to: 'applied', date: '2021-02-01' },
    { from: 'applied', to: 'registered', date: '2021-05-01' },
    { from: 'registered', to: 'deregistered', date: '2025-10-01' },
  ]);
  await agreement('A1', { kommunenummer: '1804', status: 'active', startDate: '2024-01-01', employmentForm: 'salaried', position: 'gp', plannedEndDate: '2025-09-01' });
  await agreement('A2', { kommunenummer: '1804', status: 'terminated', startDate: '2023-05-01', endDate: '2025-04-30', employmentForm: 'self_employed', position: 'gp_locum' });
  await agreement('A3', { kommunenummer: '1804', status: 'active', startDate: '2025-03-01', employmentForm: 'salaried', position: 'introduction' });
  await agreement('A4', { kommunenummer: '1818', status: 'active', startDate: '2025-02-01', employmentForm: 'self_employed', position: 'gp' });
  await agreement('A5', { kommunenummer: '0301', status: 'completed', startDate: '2020-01-01', endDate: '2025-12-31', employmentForm: 'salaried', position: 'gp' });
  await agreement('A6', { kommunenummer: '0301', status: 'draft', startDate: '2025-01-01', employmentForm: 'salaried', position: 'gp' });
  await agreement('A7', { kommunenummer: '0301', status: 'cancelled', startDate: '2025-01-01', employmentForm: 'salaried', position: 'other' });
  await supervisor('V1', { specialistInGeneralPractice: true, specialistApprovedOn: '2010-01-01', capacity: 1 });
  await supervisor('V2', { specialistInGeneralPractice: false, exemptionFrom: '2025-01-01', exemptionUntil: '2025-12-31' });
  await supervisor('V3', { specialistInGeneralPractice: true, specialistApprovedOn: '2024-06-01' });
  await veileder('A1', 'V1', '2024-01-01');
  await veileder('A2', 'V3', '2023-05-01', '2025-04-30');
  await veileder('A3', 'V2', '2025-03-01');
  await veileder('A5', 'V1', '2020-01-01', '2025-12-31');

  // A scheme of 2024 whose certificates were due 2026-04-01, and applications in Nord (one draft in Oslo).
  const scheme = await createScheme(t, admin, {
    code: 'rapport-2024',
    name: 'Testordning 2024',
    periodFrom: '2024-01-01',
    periodTo: '2024-12-31',
    applicationDeadline: '2025-03-01',
    expectedDecisionDate: '2025-06-01',
    auditorCertificateDueDate: '2026-04-01',
  });
  schemeCode = scheme.code;
  const fixed = { schemeCode, rateVersion: 1, centralityClass: 5, organisationNumber: '974760673' };
  const application = async (name: string, values: Partial<typeof grantApplications.$inferInsert> & { kommunenummer: string }, lines: string[]) => {
    const [row] = await t.database.db.insert(grantApplications).values({ schemeCode, ...values }).returning();
    const created = first([row]);
    ids[name] = created.id;
    let position = 0;
    for (const agreementName of lines) {
      await t.database.db.insert(grantApplicationLines).values({
        applicationId: created.id,
        position: position++,
        agreementId: ids[agreementName] ?? null,
        doctorId: ids[`doctor ${agreementName}`] ?? '',
        lineType: 'gp',
        positionPercent: 100,
        months: 12,
        annualRateNok: values.submittedOn ? 412_000 : null,
        amountNok: values.submittedOn ? 100_000 : null,
      });
    }
  };
  await application(
    'G1',
    { kommunenummer: '1804', ...fixed, status: 'paid', totalNok: 300_000, submittedOn: '2025-02-01', decisionDate: '2025-05-01', grantedNok: 280_000, paidOn: '2025-06-01', paidNok: 280_000 },
    ['A1', 'A2'],
  );
  await application('G2', { kommunenummer: '1818', ...fixed, status: 'submitted', totalNok: 100_000, submittedOn: '2025-02-20' }, ['A4']);
  await application('G4', { kommunenummer: '1804', ...fixed, status: 'withdrawn', totalNok: 50_000, submittedOn: '2025-02-10', withdrawnOn: '2025-02-15' }, ['A3']);
  await application('G3', { kommunenummer: '0301', schemeCode, status: 'draft' }, ['A5']);
});

const count = (value: number) => ({ value, suppressed: false });

/** A CSV answer's records: UTF-8 with a BOM, `;`-separated, every record as long as the header. */
function csvRecords(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const records: unknown = parse(text.slice(1), { delimiter: ';' });
  return z.array(z.array(z.string())).min(1).parse(records);
}

/** The rows of a query run straight on the database (at least one). */
async function rowsOf<R>(query: SQL): Promise<[R, ...R[]]> {
  const result: unknown = await t.database.db.execute(query);
  const rows = (result as { rows: R[] }).rows;
  expect(rows.length).toBeGreaterThan(0);
  return rows as [R, ...R[]];
}

async function overview(caller: Caller, query: Record<string, string>) {
  return bodyOf(await http(t).get(OVERVIEW).query(query).set(caller.auth).expect(200), contract.overviewReport);
}

const rowOf = <R extends { key: string }>(rows: readonly R[], key: string): R => {
  const row = rows.find((candidate) => candidate.key === key);
  if (!row) throw new Error(`no row ${key}`);
  return row;
};

const NOTHING = { not_registered: 0, preparing: 0, applied: 0, registered: 0, rejected: 0, deregistered: 0 };

describe('GET /api/v1/reports/overview', () => {
  it('counts, per municipality, what ran between the changes (2025-03-15)', async () => {
    const report = await overview(admin, { asOf: BETWEEN, groupBy: 'municipality', officeCode: 'nord' });
    expect(report).toMatchObject({ asOf: BETWEEN, yearFrom: '2025-01-01', groupBy: 'municipality', officeCode: 'nord', disclosure: { applied: false, threshold: 5 } });
    expect(rowOf(report.rows, '1804')).toEqual({
      key: '1804',
      label: 'Bodø',
      municipalities: 1,
      municipalitiesByStatus: { ...NOTHING, registered: 1 },
      municipalitiesWithActiveAlis: 1,
      activeAgreements: count(3),
      activeAgreementsByEmploymentForm: { salaried: count(2), self_employed: count(1) },
      activeAgreementsByPosition: { gp: count(1), gp_locum: count(1), introduction: count(1), other: count(0) },
      agreementsStarted: count(1),
      agreementsEnded: count(0),
      alisWithVeileder: count(3),
      veiledere: count(3),
      qualifiedVeiledere: count(3),
      alisPerVeileder: 1,
    });
    expect(rowOf(report.rows, '1818')).toMatchObject({
      label: 'Herøy (Nordland)',
      municipalitiesByStatus: { ...NOTHING, preparing: 1 },
      municipalitiesWithActiveAlis: 1,
      activeAgreements: count(1),
      activeAgreementsByEmploymentForm: { salaried: count(0), self_employed: count(1) },
      agreementsStarted: count(1),
      alisWithVeileder: count(0),
      veiledere: count(0),
      alisPerVeileder: null,
    });
    // Every other municipality of Nord: nothing; the total is Nord's.
    const nordCount = report.rows.length;
    expect(report.total).toMatchObject({
      key: 'total',
      label: 'Totalt',
      municipalities: nordCount,
      municipalitiesByStatus: { ...NOTHING, not_registered: nordCount - 2, registered: 1, preparing: 1 },
      municipalitiesWithActiveAlis: 2,
      activeAgreements: count(4),
      activeAgreementsByEmploymentForm: { salaried: count(2), self_employed: count(2) },
      activeAgreementsByPosition: { gp: count(2), gp_locum: count(1), introduction: count(1), other: count(0) },
      agreementsStarted: count(2),
      agreementsEnded: count(0),
      alisWithVeileder: count(3),
      veiledere: count(3),
      qualifiedVeiledere: count(3),
      alisPerVeileder: 1,
    });
  });

  it('counts per office, with a national total where a veileder in two offices counts once', async () => {
    const report = await overview(admin, { asOf: BETWEEN });
    expect(report.rows.map((row) => row.key).sort()).toEqual(['midt', 'nord', 'oslo', 'sor', 'vest', 'ost'].sort());
    expect(rowOf(report.rows, 'oslo')).toMatchObject({
      municipalities: 1,
      municipalitiesByStatus: { ...NOTHING, registered: 1 },
      activeAgreements: count(1),
      alisWithVeileder: count(1),
      veiledere: count(1),
      qualifiedVeiledere: count(1),
      alisPerVeileder: 1,
    });
    expect(rowOf(report.rows, 'vest')).toMatchObject({ activeAgreements: count(0), municipalitiesWithActiveAlis: 0 });
    const [{ n }] = await rowsOf<{ n: number }>(sql`select count(*)::int as n from municipalities where valid_to is null`);
    expect(report.total).toMatchObject({
      municipalities: n,
      municipalitiesByStatus: { ...NOTHING, not_registered: n - 3, registered: 2, preparing: 1 },
      municipalitiesWithActiveAlis: 3,
      activeAgreements: count(5),
      activeAgreementsByEmploymentForm: { salaried: count(3), self_employed: count(2) },
      alisWithVeileder: count(4),
      // V1 supervises in Nord and in Oslo: once in the total.
      veiledere: count(3),
      qualifiedVeiledere: count(3),
      alisPerVeileder: 1.33,
    });
  });

  it('counts what had happened by an earlier day (2024-03-01)', async () => {
    const report = await overview(admin, { asOf: BEFORE, groupBy: 'office' });
    expect(rowOf(report.rows, 'nord')).toMatchObject({
      municipalitiesByStatus: { registered: 1, preparing: 0 },
      municipalitiesWithActiveAlis: 1,
      activeAgreements: count(2),
      activeAgreementsByEmploymentForm: { salaried: count(1), self_employed: count(1) },
      activeAgreementsByPosition: { gp: count(1), gp_locum: count(1), introduction: count(0), other: count(0) },
      agreementsStarted: count(1),
      agreementsEnded: count(0),
      alisWithVeileder: count(2),
      veiledere: count(2),
      // V3 was approved as specialist on 2024-06-01.
      qualifiedVeiledere: count(1),
    });
    expect(report.total).toMatchObject({ activeAgreements: count(3), veiledere: count(2), qualifiedVeiledere: count(1) });
  });

  it('counts what had happened by a later day (2026-02-01)', async () => {
    const report = await overview(admin, { asOf: AFTER, groupBy: 'office' });
    expect(rowOf(report.rows, 'nord')).toMatchObject({
      municipalitiesByStatus: { registered: 1, applied: 1, preparing: 0 },
      activeAgreements: count(3),
      activeAgreementsByEmploymentForm: { salaried: count(2), self_employed: count(1) },
      activeAgreementsByPosition: { gp: count(2), gp_locum: count(0), introduction: count(1), other: count(0) },
      agreementsStarted: count(0),
      agreementsEnded: count(0),
      alisWithVeileder: count(2),
      veiledere: count(2),
      // V2's exemption ended 2025-12-31.
      qualifiedVeiledere: count(1),
    });
    expect(rowOf(report.rows, 'oslo')).toMatchObject({ municipalitiesByStatus: { deregistered: 1 }, activeAgreements: count(0), veiledere: count(0) });
  });

  it('counts the agreements ended in the year up to the day', async () => {
    const report = await overview(admin, { asOf: '2025-12-31', groupBy: 'office' });
    expect(rowOf(report.rows, 'nord').agreementsEnded).toEqual(count(1));
    expect(rowOf(report.rows, 'oslo')).toMatchObject({ agreementsEnded: count(1), activeAgreements: count(1) });
    expect(report.total.agreementsStarted).toEqual(count(2));
  });

  it('groups by size band, with municipalities without a population as "ukjent"', async () => {
    const report = await overview(admin, { asOf: BETWEEN, groupBy: 'size_band' });
    expect(report.rows.map((row) => row.key)).toEqual(contract.sizeBands.map((band) => band.key));
    expect(rowOf(report.rows, 'lt_2k')).toMatchObject({ label: 'Under 2 000', municipalities: 1, activeAgreements: count(1) });
    expect(rowOf(report.rows, '50k_100k')).toMatchObject({ municipalities: 1, activeAgreements: count(3) });
    expect(rowOf(report.rows, 'ge_100k')).toMatchObject({ label: '100 000 og over', municipalities: 1, activeAgreements: count(1) });
    expect(rowOf(report.rows, '2k_5k')).toMatchObject({ municipalities: 0, activeAgreements: count(0) });
    expect(rowOf(report.rows, 'ukjent').municipalities).toBe(report.total.municipalities - 3);
  });

  it('groups by county', async () => {
    const report = await overview(admin, { asOf: BETWEEN, groupBy: 'county' });
    expect(rowOf(report.rows, '18')).toMatchObject({ label: 'Nordland', activeAgreements: count(4) });
    expect(rowOf(report.rows, '03')).toMatchObject({ label: 'Oslo', activeAgreements: count(1) });
  });

  it('gives the same figures for an earlier day after changes dated later', async () => {
    const before = await overview(admin, { asOf: BEFORE, groupBy: 'office' });
    await agreement('A8', { kommunenummer: '1818', status: 'active', startDate: '2025-06-01', employmentForm: 'salaried', position: 'other' });
    await t.database.db.update(supervisions).set({ toDate: '2025-12-01' }).where(eq(supervisions.agreementId, ids.A1 ?? ''));
    const again = await overview(admin, { asOf: BEFORE, groupBy: 'office' });
    expect(again).toEqual(before);
    const later = await overview(admin, { asOf: AFTER, groupBy: 'office' });
    expect(rowOf(later.rows, 'nord')).toMatchObject({ activeAgreements: count(4), alisWithVeileder: count(1) });
    // Put back what the other tests count on.
    await t.database.db.delete(agreementShares).where(eq(agreementShares.agreementId, ids.A8 ?? ''));
    await t.database.db.delete(agreements).where(eq(agreements.id, ids.A8 ?? ''));
    await t.database.db.update(supervisions).set({ toDate: null }).where(eq(supervisions.agreementId, ids.A1 ?? ''));
  });

  it('suppresses small counts about people for the directorate, and hides enough others', async () => {
    const open = await overview(admin, { asOf: BETWEEN, groupBy: 'office' });
    for (const caller of [directorate, directorateClient]) {
      const strict = await overview(caller, { asOf: BETWEEN, groupBy: 'office' });
      expect(strict.disclosure).toEqual({ applied: true, threshold: 5 });
      const cells = (report: contract.OverviewReport) =>
        [...report.rows, report.total].flatMap((row) => [
          row.activeAgreements,
          ...Object.values(row.activeAgreementsByEmploymentForm),
          ...Object.values(row.activeAgreementsByPosition),
          row.agreementsStarted,
          row.agreementsEnded,
          row.alisWithVeileder,
          row.veiledere,
          row.qualifiedVeiledere,
        ]);
      const pairs = cells(open).map((cell, index) => [cell, cells(strict)[index]] as const);
      for (const [plain, hidden] of pairs) {
        if (plain.value !== null && plain.value > 0 && plain.value < 5) expect(hidden).toEqual({ value: null, suppressed: true });
        if (hidden?.suppressed) expect(hidden.value).toBeNull();
        else expect(hidden).toEqual(plain);
      }
      // Nord's 4 and Oslo's 1 are hidden; with a total of 5 neither can be derived: the total may show.
      expect(rowOf(strict.rows, 'nord').activeAgreements.suppressed).toBe(true);
      expect(rowOf(strict.rows, 'vest').activeAgreements).toEqual(count(0));
      // Municipalities are not people.
      expect(strict.total.municipalities).toBe(open.total.municipalities);
      expect(rowOf(strict.rows, 'nord').alisPerVeileder).toBeNull();
    }
  });

  it('suppresses for anyone who asks for strict disclosure', async () => {
    const report = await overview(admin, { asOf: BETWEEN, disclosure: 'strict' });
    expect(report.disclosure.applied).toBe(true);
    expect(rowOf(report.rows, 'oslo').activeAgreements).toEqual({ value: null, suppressed: true });
  });

  it('gives an office user its own office, and 404 for another', async () => {
    const report = await overview(nordOffice, { asOf: BETWEEN });
    expect(report.officeCode).toBe('nord');
    expect(report.rows.map((row) => row.key)).toEqual(['nord']);
    expect(report.disclosure.applied).toBe(false);
    expectProblem(await http(t).get(OVERVIEW).query({ officeCode: 'oslo' }).set(nordOffice.auth), 404, 'not_found');
    const oslo = await overview(osloOffice, { asOf: BETWEEN, officeCode: 'oslo' });
    expect(oslo.total.activeAgreements).toEqual(count(1));
  });

  it('is not for municipality clients', async () => {
    for (const url of [OVERVIEW, `${GRANTS}?schemeCode=rapport-2024`, COMPLIANCE]) {
      expectProblem(await http(t).get(url).set(heroyClient.auth), 403, 'forbidden');
    }
  });

  it('refuses unknown parameters and values', async () => {
    expectProblem(await http(t).get(OVERVIEW).query({ groupBy: 'region' }).set(admin.auth), 400, 'validation_failed');
    expectProblem(await http(t).get(OVERVIEW).query({ asOf: '2025-02-30' }).set(admin.auth), 400, 'validation_failed');
    expectProblem(await http(t).get(OVERVIEW).query({ color: 'red' }).set(admin.auth), 400, 'validation_failed');
    expectProblem(await http(t).get(OVERVIEW).query({ format: 'xlsx' }).set(admin.auth), 400, 'validation_failed');
    const unknown = expectProblem(await http(t).get(OVERVIEW).query({ officeCode: 'nowhere' }).set(admin.auth), 400, 'validation_failed');
    expect(unknown.errors).toEqual([expect.objectContaining({ path: 'officeCode', code: 'unknown_reference' })]);
  });

  it('answers 406 for an Accept it cannot give', async () => {
    expectProblem(await http(t).get(OVERVIEW).set(admin.auth).set('accept', 'application/xml'), 406, 'not_acceptable');
    await http(t).get(OVERVIEW).set(admin.auth).set('accept', 'application/xml, */*;q=0.1').expect(200);
  });
});

describe('CSV and JSON-stat', () => {
  it('writes the overview as CSV for Norwegian Excel, with suppressed counts as ":"', async () => {
    const response = await http(t).get(OVERVIEW).query({ asOf: BETWEEN }).set(directorate.auth).set('accept', 'text/csv').buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    }).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="alis-oversikt-${BETWEEN}.csv"`);
    const text = response.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const records = csvRecords(text);
    const header = first(records);
    expect(header.slice(0, 4)).toEqual(['Kode', 'ALIS-kontor', 'Kommuner', 'Kommuner ikke registrert']);
    expect(records).toHaveLength(1 + 6 + 1);
    const nord = records.find((record) => record[0] === 'nord') ?? [];
    expect(nord[header.indexOf('Aktive ALIS-avtaler')]).toBe(':');
    const total = records.at(-1) ?? [];
    expect(total[0]).toBe('total');
    expect(total[header.indexOf('Kommuner med minst én aktiv ALIS')]).toBe('3');
  });

  it('takes ?format=csv and writes ALIS per veileder with a decimal comma', async () => {
    const response = await http(t).get(OVERVIEW).query({ asOf: BETWEEN, format: 'csv' }).set(admin.auth).expect(200);
    const records = csvRecords(response.text);
    const header = first(records);
    expect((records.at(-1) ?? [])[header.indexOf('ALIS per veileder')]).toBe('1,33');
  });

  it('writes the overview as JSON-stat 2.0 with Norwegian labels and ":" status for suppressed values', async () => {
    const response = await http(t).get(OVERVIEW).query({ asOf: BETWEEN, format: 'json-stat' }).set(directorate.auth).expect(200);
    const dataset = response.body as {
      version: string;
      class: string;
      id: string[];
      size: number[];
      dimension: Record<string, { label: string; category: { index: Record<string, number>; label: Record<string, string> } }>;
      value: (number | null)[];
      status: Record<string, string>;
    };
    expect(dataset).toMatchObject({ version: '2.0', class: 'dataset', id: ['Tid', 'Gruppe', 'ContentsCode'] });
    expect(dataset.size).toEqual(dataset.id.map((id) => Object.keys(dataset.dimension[id]?.category.index ?? {}).length));
    expect(dataset.value).toHaveLength(dataset.size.reduce((a, b) => a * b, 1));
    expect(dataset.dimension.Gruppe?.category.label.total).toBe('Totalt');
    expect(dataset.dimension.ContentsCode?.category.label.AktiveAvtaler).toBe('Aktive ALIS-avtaler');
    const figures = Object.keys(dataset.dimension.ContentsCode?.category.index ?? {}).length;
    const at = (group: string, figure: string) =>
      (dataset.dimension.Gruppe?.category.index[group] ?? -1) * figures + (dataset.dimension.ContentsCode?.category.index[figure] ?? -1);
    expect(dataset.value[at('nord', 'AktiveAvtaler')]).toBeNull();
    expect(dataset.status[String(at('nord', 'AktiveAvtaler'))]).toBe(':');
    expect(dataset.value[at('total', 'KommunerMedALIS')]).toBe(3);
    for (const [index, mark] of Object.entries(dataset.status)) {
      expect(mark).toBe(':');
      expect(dataset.value[Number(index)]).toBeNull();
    }
  });
});

describe('ETag and the cache', () => {
  // PostgreSQL's JIT compiled the national compliance query for about 200 ms, ten times its run.
  it.skipIf(!TEST_DATABASE_URL)('runs the reports on PostgreSQL connections without JIT', async () => {
    expect((await t.database.executeSql("select current_setting('jit') as jit")).rows).toEqual([{ jit: 'off' }]);
  });

  it('answers 304 while nothing changed, and new figures after a change', async () => {
    const first = await http(t).get(OVERVIEW).query({ asOf: AFTER }).set(admin.auth).expect(200);
    const etag = first.headers.etag ?? '';
    expect(etag).toMatch(/^"r\d+-/);
    await http(t).get(OVERVIEW).query({ asOf: AFTER }).set(admin.auth).set('if-none-match', etag).expect(304);
    // Another format, another representation.
    const csv = await http(t).get(OVERVIEW).query({ asOf: AFTER, format: 'csv' }).set(admin.auth).expect(200);
    expect(csv.headers.etag).not.toBe(etag);
    // A change of master data through the API (no feed event needed): the version moves.
    await http(t).patch('/api/v1/municipalities/1818').set(admin.auth).send({ population: 2_500 }).expect(200);
    const changed = await http(t).get(OVERVIEW).query({ asOf: AFTER, groupBy: 'size_band' }).set(admin.auth).set('if-none-match', etag).expect(200);
    expect(rowOf(bodyOf(changed, contract.overviewReport).rows, '2k_5k').municipalities).toBe(1);
    await http(t).get(OVERVIEW).query({ asOf: AFTER }).set(admin.auth).set('if-none-match', etag).expect(200);
    await t.database.db.update(municipalities).set({ population: 1_700 }).where(eq(municipalities.kommunenummer, '1818'));
  });

  it('sees a change made by another instance on the same database', async () => {
    const query = { asOf: AFTER, groupBy: 'office' };
    const before = await overview(admin, query);
    const [{ version }] = await rowsOf<{ version: string }>(sql`select version from report_data_version`);
    // Written straight to the database, as another instance's transaction would.
    await t.database.db.update(agreements).set({ employmentForm: 'self_employed' }).where(eq(agreements.id, ids.A1 ?? ''));
    const [{ version: after }] = await rowsOf<{ version: string }>(sql`select version from report_data_version`);
    expect(Number(after)).toBeGreaterThan(Number(version));
    const changed = await overview(admin, query);
    expect(rowOf(changed.rows, 'nord').activeAgreementsByEmploymentForm).toEqual({ salaried: count(1), self_employed: count(2) });
    expect(rowOf(before.rows, 'nord').activeAgreementsByEmploymentForm).toEqual({ salaried: count(2), self_employed: count(1) });
    await t.database.db.update(agreements).set({ employmentForm: 'salaried' }).where(eq(agreements.id, ids.A1 ?? ''));
  });
});

describe('GET /api/v1/reports/grants', () => {
  it('counts submitted applications, their lines and amounts by status and group; drafts left out', async () => {
    const report = bodyOf(await http(t).get(GRANTS).query({ schemeCode, asOf: '2026-05-01' }).set(admin.auth).expect(200), contract.grantsReport);
    expect(report.scheme).toEqual({ code: schemeCode, name: 'Testordning 2024', periodFrom: '2024-01-01', periodTo: '2024-12-31', auditorCertificateDueDate: '2026-04-01' });
    const nord = rowOf(report.rows, 'nord');
    expect(nord).toMatchObject({
      applications: 3,
      lines: count(4),
      appliedNok: count(450_000),
      grantedNok: count(280_000),
      paidNok: count(280_000),
      certificatesOverdue: 1,
    });
    expect(nord.byStatus.paid).toEqual({ applications: 1, lines: count(2), appliedNok: count(300_000), grantedNok: count(280_000), paidNok: count(280_000) });
    expect(nord.byStatus.submitted).toEqual({ applications: 1, lines: count(1), appliedNok: count(100_000), grantedNok: count(0), paidNok: count(0) });
    expect(nord.byStatus.withdrawn).toMatchObject({ applications: 1, lines: count(1), appliedNok: count(50_000) });
    expect(rowOf(report.rows, 'oslo')).toMatchObject({ applications: 0, lines: count(0) });
    expect(report.total).toMatchObject({ applications: 3, lines: count(4), appliedNok: count(450_000), certificatesOverdue: 1 });
  });

  it('judges certificates overdue on the day', async () => {
    const report = bodyOf(await http(t).get(GRANTS).query({ schemeCode, asOf: '2026-04-01' }).set(admin.auth).expect(200), contract.grantsReport);
    expect(report.total.certificatesOverdue).toBe(0);
  });

  it('suppresses small line counts for the directorate, with their amounts', async () => {
    const report = bodyOf(await http(t).get(GRANTS).query({ schemeCode, asOf: '2026-05-01' }).set(directorate.auth).expect(200), contract.grantsReport);
    const nord = rowOf(report.rows, 'nord');
    expect(nord.lines).toEqual({ value: null, suppressed: true });
    expect(nord.appliedNok).toEqual({ value: null, suppressed: true });
    expect(nord.byStatus.paid.grantedNok).toEqual({ value: null, suppressed: true });
    // Applications are municipalities' and stay.
    expect(nord.applications).toBe(3);
    expect(rowOf(report.rows, 'oslo').lines).toEqual(count(0));
  });

  it('writes CSV (one row per group and status) and JSON-stat', async () => {
    const csv = await http(t).get(GRANTS).query({ schemeCode, asOf: '2026-05-01', format: 'csv' }).set(admin.auth).expect(200);
    const records = csvRecords(csv.text);
    const header = first(records);
    expect(header).toEqual(['Kode', 'ALIS-kontor', 'Status', 'Søknader', 'ALIS-linjer', 'Søkt beløp (kr)', 'Innvilget beløp (kr)', 'Utbetalt beløp (kr)', 'Revisorattester forfalt']);
    expect(records.find((record) => record[0] === 'nord' && record[2] === 'Alle')).toEqual(['nord', expect.any(String), 'Alle', '3', '4', '450000', '280000', '280000', '1']);
    const stat = await http(t).get(GRANTS).query({ schemeCode, format: 'json-stat' }).set(admin.auth).expect(200);
    const body = stat.body as { id: string[]; size: number[]; value: unknown[] };
    expect(body.id).toEqual(['Tid', 'Gruppe', 'Status', 'ContentsCode']);
    expect(body.value).toHaveLength(body.size.reduce((a, b) => a * b, 1));
  });

  it('answers 404 for an unknown scheme and 400 without one', async () => {
    expectProblem(await http(t).get(GRANTS).query({ schemeCode: 'finnes-ikke' }).set(admin.auth), 404, 'not_found');
    expectProblem(await http(t).get(GRANTS).set(admin.auth), 400, 'validation_failed');
  });

  it('gives an office its own municipalities', async () => {
    const report = bodyOf(await http(t).get(GRANTS).query({ schemeCode }).set(osloOffice.auth).expect(200), contract.grantsReport);
    expect(report.rows.map((row) => row.key)).toEqual(['oslo']);
    expect(report.total.applications).toBe(0);
  });
});

describe('GET /api/v1/reports/compliance', () => {
  const compliance = async (caller: Caller, query: Record<string, string>) =>
    bodyOf(await http(t).get(COMPLIANCE).query(query).set(caller.auth).expect(200), contract.complianceReport);

  it('lists what Nord acts on between the changes, each linking to its case', async () => {
    const report = await compliance(nordOffice, { asOf: BETWEEN });
    expect(report.officeCode).toBe('nord');
    expect(report.items.map((item) => [item.kind, item.subject.id, item.date])).toEqual([
      ['agreement_in_unregistered_municipality', ids.A4, '2025-02-01'],
      ['agreement_without_veileder', ids.A4, '2025-02-01'],
      ['veileder_over_capacity', ids.V1, null],
      ['agreement_ending_soon', ids.A1, '2025-09-01'],
    ]);
    const [unregistered, , capacity] = report.items;
    expect(unregistered).toMatchObject({ kommunenummer: '1818', municipalityName: 'Herøy (Nordland)', officeCode: 'nord', doctorName: 'Lege A4', href: `/api/v1/agreements/${ids.A4}` });
    expect(capacity).toMatchObject({ supervisorName: 'V1', count: 2, capacity: 1, kommunenummer: '1804', href: `/api/v1/supervisors/${ids.V1}` });
    expect(report.counts).toEqual({
      agreement_in_unregistered_municipality: 1,
      agreement_without_veileder: 1,
      veileder_not_qualified: 0,
      veileder_over_capacity: 1,
      certificate_overdue: 0,
      agreement_ending_soon: 1,
    });
  });

  it('lists veiledere no longer qualified and overdue certificates later on', async () => {
    const report = await compliance(admin, { asOf: '2026-05-01', officeCode: 'nord' });
    expect(report.items.map((item) => [item.kind, item.subject.id])).toEqual([
      ['agreement_without_veileder', ids.A4],
      ['veileder_not_qualified', ids.A3],
      ['certificate_overdue', ids.G1],
    ]);
    expect(report.items[2]).toMatchObject({ date: '2026-04-01', href: `/api/v1/grant-applications/${ids.G1}` });
  });

  it('does not flag a veileder gap of 30 days or less', async () => {
    const report = await compliance(admin, { asOf: '2025-03-02', officeCode: 'nord' });
    expect(report.items.filter((item) => item.kind === 'agreement_without_veileder')).toEqual([]);
    const later = await compliance(admin, { asOf: '2025-03-04', officeCode: 'nord' });
    expect(later.items.filter((item) => item.kind === 'agreement_without_veileder')).toHaveLength(1);
  });

  it('shows an office only its own municipalities; the directorate gets 403', async () => {
    const oslo = await compliance(osloOffice, { asOf: BETWEEN });
    expect(oslo.items.map((item) => [item.kind, item.kommunenummer])).toEqual([['veileder_over_capacity', '0301']]);
    expectProblem(await http(t).get(COMPLIANCE).query({ officeCode: 'nord' }).set(osloOffice.auth), 404, 'not_found');
    expectProblem(await http(t).get(COMPLIANCE).set(directorate.auth), 403, 'forbidden');
    expectProblem(await http(t).get(COMPLIANCE).set(directorateClient.auth), 403, 'forbidden');
  });

  it('writes CSV, and has no JSON-stat', async () => {
    const response = await http(t).get(COMPLIANCE).query({ asOf: BETWEEN }).set(nordOffice.auth).set('accept', 'text/csv').expect(200);
    const records = csvRecords(response.text);
    expect(first(records)).toEqual(['Type', 'Kommunenummer', 'Kommune', 'ALIS-kontor', 'Lege', 'Veileder', 'Dato', 'Antall', 'Kapasitet', 'Sak']);
    expect(records).toHaveLength(5);
    expect(records[1]?.[9]).toBe(`/api/v1/agreements/${ids.A4}`);
    expectProblem(await http(t).get(COMPLIANCE).query({ format: 'json-stat' }).set(nordOffice.auth), 400, 'validation_failed');
  });
});
