import * as contract from '@alis/shared';
import { type CreateGrantSchemeRequest, SAMPLE_RATE_TABLE } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { admin, directorate, heroyClient, nordOffice, t, useCast } from './support/cast.js';
import { bodyOf, etagOf } from './support/expect.js';
import { auditTrail, expectProblem, http } from './support/factories.js';

const BASE = '/api/v1/grant-schemes';

useCast();

let nextYear = 2030;
function schemeBody(overrides: Partial<CreateGrantSchemeRequest> = {}): CreateGrantSchemeRequest {
  const year = nextYear++;
  return {
    code: `test-${year}`,
    name: `Testordning ${year}`,
    periodFrom: `${year}-01-01`,
    periodTo: `${year}-12-31`,
    applicationDeadline: `${year + 1}-03-01`,
    expectedDecisionDate: `${year + 1}-06-01`,
    annualRatesNok: SAMPLE_RATE_TABLE,
    ...overrides,
  };
}

const get = async (code: string) => {
  const response = await http(t).get(`${BASE}/${code}`).set(admin.auth).expect(200);
  return { scheme: bodyOf(response, contract.grantScheme), etag: etagOf(response) };
};

describe('the national scheme', () => {
  it('is seeded with the sample rate table, marked as such', async () => {
    const list = bodyOf(await http(t).get(BASE).set(heroyClient.auth).expect(200), contract.grantSchemePage);
    const national = list.items.find((scheme) => scheme.code === 'nasjonal-alis-2026');
    expect(national).toMatchObject({
      name: 'Nasjonal ALIS og veiledning 2026',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      periodMonths: 12,
      applicationDeadline: '2027-03-01',
      auditorCertificateDueDate: '2028-04-01',
      rateVersion: 1,
      annualRatesNok: SAMPLE_RATE_TABLE,
    });
    expect(national?.description).toMatch(/EKSEMPELSATSER/);
    expect(national?.rateVersions).toEqual([expect.objectContaining({ version: 1, inUse: false, annualRatesNok: SAMPLE_RATE_TABLE })]);
  });

  it('is read by every role', async () => {
    for (const caller of [admin, nordOffice, heroyClient, directorate]) {
      await http(t).get(`${BASE}/nasjonal-alis-2026`).set(caller.auth).expect(200);
    }
  });
});

describe('POST /api/v1/grant-schemes', () => {
  it('creates a scheme with its first rate version, due date by default, audited', async () => {
    const body = schemeBody({ description: 'Til test' });
    const response = await http(t).post(BASE).set(admin.auth).send(body).expect(201);
    const scheme = bodyOf(response, contract.grantScheme);
    expect(response.headers.location).toBe(`${BASE}/${body.code}`);
    expect(response.headers.etag).toBe('"v1"');
    expect(scheme).toMatchObject({ code: body.code, description: 'Til test', rateVersion: 1, annualRatesNok: SAMPLE_RATE_TABLE });
    // 1 April of the year after the expected decision.
    expect(scheme.auditorCertificateDueDate).toBe(`${Number(body.expectedDecisionDate.slice(0, 4)) + 1}-04-01`);
    const [created] = await auditTrail(t, admin, { entityType: 'grant_scheme', entityId: body.code });
    expect(created).toMatchObject({ action: 'grant_scheme.created', actorId: admin.id, after: { code: body.code, rateVersion: 1 } });
  });

  it('is for admins only', async () => {
    for (const caller of [nordOffice, heroyClient, directorate]) {
      expectProblem(await http(t).post(BASE).set(caller.auth).send(schemeBody()), 403, 'forbidden');
    }
  });

  it('needs every cell of the rate table', async () => {
    const { '3': _three, ...gp } = SAMPLE_RATE_TABLE.gp;
    const problem = expectProblem(
      await http(t).post(BASE).set(admin.auth).send({ ...schemeBody(), annualRatesNok: { ...SAMPLE_RATE_TABLE, gp } }),
      400,
      'validation_failed',
    );
    expect(problem.errors.map((e) => [e.path, e.code])).toEqual([['annualRatesNok.gp.3', 'required']]);
    const fraction = expectProblem(
      await http(t).post(BASE).set(admin.auth).send({ ...schemeBody(), annualRatesNok: { ...SAMPLE_RATE_TABLE, other: { ...SAMPLE_RATE_TABLE.other, '1': 1.5 } } }),
      400,
      'validation_failed',
    );
    expect(fraction.errors.map((e) => e.path)).toEqual(['annualRatesNok.other.1']);
  });

  it('keeps the dates in order', async () => {
    const body = schemeBody();
    const problem = expectProblem(
      await http(t).post(BASE).set(admin.auth).send({ ...body, applicationDeadline: '2000-01-01', auditorCertificateDueDate: body.periodFrom }),
      400,
      'validation_failed',
    );
    expect(problem.errors.map((e) => [e.path, e.code, e.params])).toEqual([
      ['applicationDeadline', 'too_early', { earliest: body.periodFrom, reference: 'periodFrom' }],
      ['auditorCertificateDueDate', 'too_early', { earliest: body.periodTo, reference: 'periodTo' }],
    ]);
  });

  it('answers 409 for a code in use', async () => {
    const body = schemeBody();
    await http(t).post(BASE).set(admin.auth).send(body).expect(201);
    const problem = expectProblem(await http(t).post(BASE).set(admin.auth).send({ ...body, name: 'Annen' }), 409, 'already_exists');
    expect(problem.existingId).toBe(body.code);
  });
});

describe('GET and PATCH /api/v1/grant-schemes/{code}', () => {
  it('answers 404 for an unknown code and 400 for one that cannot be a code', async () => {
    expectProblem(await http(t).get(`${BASE}/finnes-ikke`).set(admin.auth), 404, 'not_found');
    expectProblem(await http(t).get(`${BASE}/Ikke%20kode`).set(admin.auth), 400, 'validation_failed');
  });

  it('changes fields and rates in place while no submitted application keeps the version', async () => {
    const body = schemeBody();
    await http(t).post(BASE).set(admin.auth).send(body).expect(201);
    const { etag } = await get(body.code);
    const rates = { ...SAMPLE_RATE_TABLE, gp: { ...SAMPLE_RATE_TABLE.gp, '6': 460_000 } };
    const response = await http(t)
      .patch(`${BASE}/${body.code}`)
      .set(admin.auth)
      .set('if-match', etag)
      .send({ name: 'Nytt navn', annualRatesNok: rates })
      .expect(200);
    const scheme = bodyOf(response, contract.grantScheme);
    expect(response.headers.etag).toBe('"v2"');
    expect(scheme).toMatchObject({ name: 'Nytt navn', rateVersion: 1, annualRatesNok: rates });
    expect(scheme.rateVersions).toHaveLength(1);
    const [changed] = await auditTrail(t, admin, { entityType: 'grant_scheme', entityId: body.code });
    expect(changed).toMatchObject({
      action: 'grant_scheme.updated',
      before: { name: body.name, rateVersion: 1 },
      after: { name: 'Nytt navn', rateVersion: 1, newRateVersion: false },
    });
    // The same table again is no change.
    const again = await http(t).patch(`${BASE}/${body.code}`).set(admin.auth).send({ annualRatesNok: rates }).expect(200);
    expect(again.headers.etag).toBe('"v2"');
  });

  it('answers 412 to a stale If-Match, 403 to anyone but an admin, and keeps dates in order', async () => {
    const body = schemeBody();
    await http(t).post(BASE).set(admin.auth).send(body).expect(201);
    await http(t).patch(`${BASE}/${body.code}`).set(admin.auth).send({ name: 'Først' }).expect(200);
    const stale = expectProblem(await http(t).patch(`${BASE}/${body.code}`).set(admin.auth).set('if-match', '"v1"').send({ name: 'Sist' }), 412, 'precondition_failed');
    expect(stale.currentETag).toBe('"v2"');
    expectProblem(await http(t).patch(`${BASE}/${body.code}`).set(nordOffice.auth).send({ name: 'Kontoret' }), 403, 'forbidden');
    const dates = expectProblem(await http(t).patch(`${BASE}/${body.code}`).set(admin.auth).send({ periodTo: '2000-01-01' }), 400, 'validation_failed');
    expect(dates.errors.map((e) => e.path)).toEqual(['periodTo']);
    expect((await get(body.code)).scheme.name).toBe('Først');
  });
});
