import * as contract from '@alis/shared';
import { type Page, type RegistrationHistoryEntry, todayInNorway } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { admin, directorate, directorateClient, heroyClient, nordOffice, osloOffice, t, useCast } from './support/cast.js';
import { bodyOf, etagOf, expectDefined, keysOf } from './support/expect.js';
import { type Caller, auditTrail, createClient, expectProblem, http } from './support/factories.js';
import { openApiDocument } from './support/openapi.js';

const url = (kommunenummer: string, rest = '') => `/api/v1/municipalities/${kommunenummer}/registration${rest}`;

const complete = {
  responsibleName: 'Kari Nordmann',
  responsibleEmail: 'Kari@Kommune.no',
  educationPlanUrl: 'https://kommune.no/utdanningsplan',
  supervisionArrangement: 'Veileder fra eget legekontor, gruppeveiledning via ALIS Nord',
  learningArenas: [
    { name: 'Legekontoret', kind: 'own', agreementInPlace: false },
    { name: 'Legevakt', kind: 'external', partner: 'Interkommunal legevakt', agreementInPlace: true },
  ],
};

useCast();

async function read(kommunenummer: string, who: Caller = admin) {
  const response = await http(t).get(url(kommunenummer)).set(who.auth).expect(200);
  return { body: bodyOf(response, contract.registration), etag: etagOf(response) };
}

/** A transition request; tests may add fields the API must refuse. */
type TransitionBody = { to: string; date?: string; note?: string; decisionReference?: string } & Record<string, unknown>;

async function move(kommunenummer: string, body: TransitionBody, who: Caller = admin) {
  return http(t).post(url(kommunenummer, '/transitions')).set(who.auth).send(body);
}

async function moveOk(kommunenummer: string, body: TransitionBody, who: Caller = admin) {
  const response = await move(kommunenummer, body, who);
  if (response.status !== 200) throw new Error(`transition to ${body.to} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return bodyOf(response, contract.registration);
}

const historyOf = async (kommunenummer: string, who: Caller = admin) =>
  bodyOf(await http(t).get(url(kommunenummer, '/history')).set(who.auth).expect(200), contract.registrationHistory);

/** A registration with a complete application, prepared and in `applied` since `date`. */
async function applied(kommunenummer: string, date: string) {
  await http(t).patch(url(kommunenummer)).set(admin.auth).send(complete).expect(200);
  await moveOk(kommunenummer, { to: 'preparing', date });
  return moveOk(kommunenummer, { to: 'applied', date });
}

describe('GET .../registration', () => {
  it('returns the default for a municipality with no registration saved', async () => {
    const response = await http(t).get(url('1804')).set(admin.auth).expect(200);
    expect(response.headers.etag).toBe('"v0"');
    expect(bodyOf(response, contract.registration)).toEqual({
      kommunenummer: '1804',
      specialty: 'ALM',
      status: 'not_registered',
      responsibleName: null,
      responsibleEmail: null,
      educationPlanUrl: null,
      supervisionArrangement: null,
      learningArenas: [],
      applicationDate: null,
      decisionDate: null,
      registeredFrom: null,
      decisionReference: null,
      notes: null,
      missingForApplication: [
        { path: 'responsibleName', code: 'missing', message: expect.any(String), params: {} },
        { path: 'educationPlanUrl', code: 'missing', message: expect.any(String), params: {} },
        { path: 'supervisionArrangement', code: 'missing', message: expect.any(String), params: {} },
        { path: 'learningArenas', code: 'missing', message: expect.any(String), params: {} },
      ],
      allowedTransitions: ['preparing'],
      version: 0,
      updatedAt: null,
    });
  });

  it('names only the transitions the caller may make', async () => {
    expect((await read('1804', directorate)).body.allowedTransitions).toEqual([]);
    expect((await read('1804', nordOffice)).body.allowedTransitions).toEqual(['preparing']);
    await applied('1806', '2024-03-01');
    expect((await read('1806', admin)).body.allowedTransitions).toEqual(['registered', 'rejected']);
    expect((await read('1806', directorate)).body.allowedTransitions).toEqual(['registered', 'rejected']);
    expect((await read('1806', directorateClient)).body.allowedTransitions).toEqual(['registered', 'rejected']);
    expect((await read('1806', nordOffice)).body.allowedTransitions).toEqual([]);
  });

  it('answers 404 for an unknown municipality and 400 for a malformed number', async () => {
    expectProblem(await http(t).get(url('9999')).set(admin.auth), 404, 'not_found');
    expectProblem(await http(t).get(url('18x4')).set(admin.auth), 400, 'validation_failed');
  });

  it('requires a token', async () => {
    expectProblem(await http(t).get(url('1804')), 401, 'unauthorized');
  });
});

describe('PATCH .../registration', () => {
  it('creates the registration on the first save, then updates it, with ETags and audit rows', async () => {
    const first = await http(t).patch(url('1811')).set(nordOffice.auth).set('if-match', '"v0"').send(complete).expect(200);
    expect(first.headers.etag).toBe('"v1"');
    const saved = bodyOf(first, contract.registration);
    expect(saved).toMatchObject({
      status: 'not_registered',
      responsibleName: 'Kari Nordmann',
      responsibleEmail: 'kari@kommune.no',
      educationPlanUrl: 'https://kommune.no/utdanningsplan',
      learningArenas: complete.learningArenas,
      missingForApplication: [],
      version: 1,
    });
    expect(saved.updatedAt).toEqual(expect.any(String));

    const second = await http(t).patch(url('1811')).set(nordOffice.auth).set('if-match', '"v1"').send({ notes: 'Møte 12. mai', responsibleName: '' }).expect(200);
    expect(second.headers.etag).toBe('"v2"');
    const secondSaved = bodyOf(second, contract.registration);
    expect(secondSaved).toMatchObject({ notes: 'Møte 12. mai', responsibleName: null, version: 2 });
    expect(secondSaved.missingForApplication.map((m) => m.path)).toEqual(['responsibleName']);
    expect((await read('1811')).etag).toBe('"v2"');

    const [updated, created] = await auditTrail(t, admin, { entityType: 'registration', entityId: '1811' });
    expect(updated).toMatchObject({
      action: 'registration.updated',
      actorId: nordOffice.id,
      before: { notes: null, responsibleName: 'Kari Nordmann' },
      after: { notes: 'Møte 12. mai', responsibleName: null },
    });
    expect(keysOf(expectDefined(updated).after).sort()).toEqual(['notes', 'responsibleName', 'specialty']);
    expect(created).toMatchObject({
      action: 'registration.created',
      before: { responsibleName: null, learningArenas: [] },
      after: { responsibleName: 'Kari Nordmann', learningArenas: complete.learningArenas },
    });
  });

  it('answers 412 to a stale If-Match, including "v0" once the registration exists', async () => {
    await http(t).patch(url('1812')).set(admin.auth).set('if-match', '"v0"').send({ notes: 'a' }).expect(200);
    expectProblem(await http(t).patch(url('1812')).set(admin.auth).set('if-match', '"v0"').send({ notes: 'b' }), 412, 'precondition_failed');
    expectProblem(await http(t).patch(url('1812')).set(admin.auth).set('if-match', 'garbage').send({ notes: 'b' }), 412, 'precondition_failed');
    expect((await read('1812')).body.notes).toBe('a');
  });

  it('does not save or bump the version when nothing changes', async () => {
    const unsaved = await http(t).patch(url('1813')).set(admin.auth).send({ notes: null }).expect(200);
    expect(unsaved.headers.etag).toBe('"v0"');
    await http(t).patch(url('1813')).set(admin.auth).send({ notes: 'x' }).expect(200);
    const same = await http(t).patch(url('1813')).set(admin.auth).send({ notes: 'x' }).expect(200);
    expect(same.headers.etag).toBe('"v1"');
  });

  it('rejects unknown fields, the status, and invalid links and e-mail addresses', async () => {
    const problem = expectProblem(
      await http(t)
        .patch(url('1815'))
        .set(admin.auth)
        .send({ educationPlanUrl: 'ftp://kommune.no/plan', responsibleEmail: 'not-an-address', status: 'registered', applicationDate: '2020-01-01' }),
      400,
      'validation_failed',
    );
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['applicationDate', 'educationPlanUrl', 'responsibleEmail', 'status']);
    const arena = expectProblem(
      await http(t).patch(url('1815')).set(admin.auth).send({ learningArenas: [{ name: 'X', kind: 'abroad', agreementInPlace: true }] }),
      400,
      'validation_failed',
    );
    expect(arena.errors.map((e) => e.path)).toEqual(['learningArenas.0.kind']);
    expectProblem(await http(t).patch(url('1815')).set(admin.auth).send({ educationPlanUrl: 'kommune.no' }), 400, 'validation_failed');
    expect((await read('1815')).body.version).toBe(0);
  });

  it('clears links and e-mail addresses sent as empty strings', async () => {
    await http(t).patch(url('1816')).set(admin.auth).send(complete).expect(200);
    const cleared = await http(t).patch(url('1816')).set(admin.auth).send({ educationPlanUrl: '', responsibleEmail: '' }).expect(200);
    expect(bodyOf(cleared, contract.registration)).toMatchObject({ educationPlanUrl: null, responsibleEmail: null });
  });

  it('lets an applied or registered registration still be edited', async () => {
    await applied('1820', '2024-01-10');
    await http(t).patch(url('1820')).set(nordOffice.auth).send({ responsibleName: 'Ola Nordmann' }).expect(200);
    await moveOk('1820', { to: 'registered', date: '2024-02-01' }, directorate);
    const edited = await http(t).patch(url('1820')).set(admin.auth).send({ decisionReference: '24/1234' }).expect(200);
    expect(bodyOf(edited, contract.registration)).toMatchObject({ status: 'registered', responsibleName: 'Ola Nordmann', decisionReference: '24/1234' });
  });

  it('lets the municipality\'s own client edit, but not the directorate', async () => {
    await http(t).patch(url('1818')).set(heroyClient.auth).send({ supervisionArrangement: 'Gruppeveiledning' }).expect(200);
    expectProblem(await http(t).patch(url('1818')).set(directorate.auth).send({ notes: 'x' }), 403, 'forbidden');
    expectProblem(await http(t).patch(url('1818')).set(directorateClient.auth).send({ notes: 'x' }), 403, 'forbidden');
  });
});

describe('POST .../registration/transitions', () => {
  it('runs the whole lifecycle: not_registered → preparing → applied → registered → deregistered → preparing', async () => {
    await http(t).patch(url('1822')).set(nordOffice.auth).send(complete).expect(200);
    const before = await read('1822');

    const preparing = await http(t).post(url('1822', '/transitions')).set(nordOffice.auth).set('if-match', before.etag).send({ to: 'preparing', date: '2023-01-05' }).expect(200);
    expect(preparing.headers.etag).toBe('"v2"');
    expect(bodyOf(preparing, contract.registration)).toMatchObject({ status: 'preparing', applicationDate: null, allowedTransitions: ['applied'] });

    const sent = await moveOk('1822', { to: 'applied', date: '2023-02-01', note: 'Sendt Helsedirektoratet' }, nordOffice);
    expect(sent).toMatchObject({ status: 'applied', applicationDate: '2023-02-01', decisionDate: null, registeredFrom: null });

    const registered = await moveOk('1822', { to: 'registered', date: '2023-04-15' }, directorate);
    expect(registered).toMatchObject({ status: 'registered', applicationDate: '2023-02-01', decisionDate: '2023-04-15', registeredFrom: '2023-02-01', version: 4 });

    const deregistered = await moveOk('1822', { to: 'deregistered', date: '2024-06-30' }, directorateClient);
    expect(deregistered).toMatchObject({ status: 'deregistered', applicationDate: '2023-02-01', decisionDate: '2023-04-15', registeredFrom: '2023-02-01' });

    const again = await moveOk('1822', { to: 'preparing' }, nordOffice);
    expect(again).toMatchObject({
      status: 'preparing',
      applicationDate: null,
      decisionDate: null,
      registeredFrom: null,
      responsibleName: 'Kari Nordmann',
      learningArenas: complete.learningArenas,
      version: 6,
    });

    const { items } = await historyOf('1822');
    expect(items.map((e) => [e.from, e.to])).toEqual([
      ['deregistered', 'preparing'],
      ['registered', 'deregistered'],
      ['applied', 'registered'],
      ['preparing', 'applied'],
      ['not_registered', 'preparing'],
    ]);
    expect(items[0]).toMatchObject({ date: todayInNorway(), actorType: 'user', actorId: nordOffice.id, actorName: 'Test office' });
    expect(items[1]).toMatchObject({ date: '2024-06-30', actorType: 'client', actorId: directorateClient.clientId, actorName: 'Test directorate client' });
    expect(items[2]).toMatchObject({ date: '2023-04-15', actorId: directorate.id, actorName: 'Test directorate' });
    expect(items[3]).toMatchObject({ date: '2023-02-01', note: 'Sendt Helsedirektoratet' });
    expect(items[4]).toMatchObject({ date: '2023-01-05', note: null });
  });

  it('lets a rejected registration prepare again, clearing the old round\'s dates', async () => {
    await applied('1824', '2023-03-01');
    const rejected = await moveOk('1824', { to: 'rejected', date: '2023-05-01', note: 'Mangler læringsarena' }, directorate);
    expect(rejected).toMatchObject({ status: 'rejected', applicationDate: '2023-03-01', decisionDate: '2023-05-01', registeredFrom: null, allowedTransitions: [] });
    await http(t).patch(url('1824')).set(admin.auth).send({ decisionReference: '23/555' }).expect(200);
    const again = await moveOk('1824', { to: 'preparing', date: '2023-06-01' }, nordOffice);
    expect(again).toMatchObject({ status: 'preparing', applicationDate: null, decisionDate: null, registeredFrom: null, decisionReference: null });
    const resent = await moveOk('1824', { to: 'applied', date: '2023-08-01' }, nordOffice);
    expect(resent).toMatchObject({ status: 'applied', applicationDate: '2023-08-01' });
  });

  it('counts applications before 1 June 2019 from 1 March 2019, later ones from the application date', async () => {
    await applied('1825', '2019-04-01');
    expect(await moveOk('1825', { to: 'registered', date: '2019-09-01' }, directorate)).toMatchObject({
      applicationDate: '2019-04-01',
      decisionDate: '2019-09-01',
      registeredFrom: '2019-03-01',
    });
    await applied('1826', '2023-02-01');
    expect(await moveOk('1826', { to: 'registered', date: '2023-03-01' }, directorate)).toMatchObject({
      applicationDate: '2023-02-01',
      registeredFrom: '2023-02-01',
    });
  });

  it('answers 422 listing every missing element before an application can be sent', async () => {
    await moveOk('1827', { to: 'preparing' });
    const empty = expectProblem(await move('1827', { to: 'applied' }), 422, 'unprocessable');
    expect(empty.errors.map((e) => e.path)).toEqual(['responsibleName', 'educationPlanUrl', 'supervisionArrangement', 'learningArenas']);

    await http(t)
      .patch(url('1827'))
      .set(admin.auth)
      .send({
        ...complete,
        learningArenas: [
          { name: 'Legekontoret', kind: 'own', agreementInPlace: false },
          { name: 'Sykehjem', kind: 'external', partner: 'Sykehjemmet', agreementInPlace: false },
        ],
      })
      .expect(200);
    const noAgreement = expectProblem(await move('1827', { to: 'applied' }), 422, 'unprocessable');
    expect(noAgreement.errors).toEqual([
      { path: 'learningArenas.1.agreementInPlace', code: 'missing', message: expect.stringContaining('Sykehjem'), params: { item: 'Sykehjem' } },
    ]);
    expect((await read('1827')).body).toMatchObject({ status: 'preparing', version: 2 });
  });

  it('answers 409 to an illegal transition and names the allowed ones', async () => {
    const problem = expectProblem(await move('1828', { to: 'applied' }), 409, 'illegal_transition');
    expect(problem.allowed).toEqual(['preparing']);
    await moveOk('1828', { to: 'preparing' });
    const again = expectProblem(await move('1828', { to: 'preparing' }), 409, 'illegal_transition');
    expect(again.allowed).toEqual(['applied']);
    const backwards = expectProblem(await move('1828', { to: 'not_registered' }), 409, 'illegal_transition');
    expect(backwards.allowed).toEqual(['applied']);
    const decision = expectProblem(await move('1828', { to: 'registered', date: '2024-01-01' }, directorate), 409, 'illegal_transition');
    expect(decision.allowed).toEqual(['applied']);
  });

  it('leaves decisions to the directorate and admins: 403 for an office user or a municipality client', async () => {
    await applied('1818', '2024-01-15');
    for (const who of [nordOffice, heroyClient]) {
      for (const to of ['registered', 'rejected']) {
        expectProblem(await move('1818', { to, date: '2024-02-01' }, who), 403, 'forbidden');
      }
    }
    expect((await read('1818')).body.status).toBe('applied');
    await moveOk('1818', { to: 'registered', date: '2024-02-01' }, directorateClient);
    expectProblem(await move('1818', { to: 'deregistered' }, nordOffice), 403, 'forbidden');
    expectProblem(await move('1818', { to: 'deregistered' }, heroyClient), 403, 'forbidden');
    expect(await moveOk('1818', { to: 'deregistered' }, admin)).toMatchObject({ status: 'deregistered' });
  });

  it('lets an admin decide, and the directorate only decide', async () => {
    await applied('1832', '2024-01-15');
    expect(await moveOk('1832', { to: 'rejected', date: '2024-02-01' }, admin)).toMatchObject({ status: 'rejected', decisionDate: '2024-02-01' });
    expectProblem(await move('1832', { to: 'preparing' }, directorate), 403, 'forbidden');
    expectProblem(await move('1832', { to: 'preparing' }, directorateClient), 403, 'forbidden');
    expect((await read('1832')).body.status).toBe('rejected');
  });

  it('lets the directorate record its case reference with a decision, and only with a decision', async () => {
    await applied('1836', '2024-03-01');
    const wrong = expectProblem(await move('1836', { to: 'preparing', decisionReference: '24/123' }, admin), 400, 'validation_failed');
    expect(wrong.errors.map((e) => e.path)).toEqual(['decisionReference']);
    const decided = await moveOk('1836', { to: 'registered', date: '2024-04-02', decisionReference: '24/4711' }, directorate);
    expect(decided).toMatchObject({ status: 'registered', decisionReference: '24/4711', registeredFrom: '2024-03-01' });
  });

  it('lets the municipality\'s own client prepare and apply, but not with a read-only token', async () => {
    const readOnly = await createClient(t, admin, { kommunenummer: '1833', scope: 'read' });
    expectProblem(await move('1833', { to: 'preparing' }, readOnly), 403, 'forbidden');
    const own = await createClient(t, admin, { kommunenummer: '1833' });
    await http(t).patch(url('1833')).set(own.auth).send(complete).expect(200);
    await moveOk('1833', { to: 'preparing', date: '2024-04-15' }, own);
    expect(await moveOk('1833', { to: 'applied', date: '2024-05-02' }, own)).toMatchObject({ status: 'applied', applicationDate: '2024-05-02' });
    const restricted = await createClient(t, admin, { role: 'directorate', scope: 'read' });
    expectProblem(await move('1833', { to: 'registered', date: '2024-06-01' }, restricted), 403, 'forbidden');
  });

  it('refuses a date in the future (400) and a decision before the application (422)', async () => {
    await moveOk('1834', { to: 'preparing' });
    await http(t).patch(url('1834')).set(admin.auth).send(complete).expect(200);
    const future = expectProblem(await move('1834', { to: 'applied', date: '2999-01-01' }), 400, 'validation_failed');
    expect(future.errors.map((e) => e.path)).toEqual(['date']);
    expectProblem(await move('1834', { to: 'applied', date: '2024-02-30' }), 400, 'validation_failed');

    const sent = await moveOk('1834', { to: 'applied' });
    expect(sent.applicationDate).toBe(todayInNorway());
    await http(t).patch(url('1834')).set(admin.auth).send({ notes: 'x' }).expect(200);
    const early = expectProblem(await move('1834', { to: 'registered', date: '2020-01-01' }, directorate), 422, 'unprocessable');
    expect(early.errors.map((e) => e.path)).toEqual(['date']);
    expectProblem(await move('1834', { to: 'rejected', date: '2020-01-01' }, directorate), 422, 'unprocessable');
    const registered = await moveOk('1834', { to: 'registered' }, directorate);
    expect(registered).toMatchObject({ decisionDate: todayInNorway(), registeredFrom: todayInNorway() });
  });

  it('refuses a deregistration dated before the registration decision', async () => {
    await applied('1835', '2022-01-01');
    await moveOk('1835', { to: 'registered', date: '2022-03-01' }, directorate);
    const problem = expectProblem(await move('1835', { to: 'deregistered', date: '2022-02-01' }, directorate), 422, 'unprocessable');
    expect(problem.errors.map((e) => e.path)).toEqual(['date']);
  });

  it('rejects unknown fields and unknown statuses', async () => {
    const problem = expectProblem(await move('1836', { to: 'preparing', actor: 'me' }), 400, 'validation_failed');
    expect(problem.errors.map((e) => e.path)).toEqual(['actor']);
    expectProblem(await move('1836', { to: 'approved' }), 400, 'validation_failed');
  });

  it('honours If-Match, and lets one of two concurrent transitions with the same ETag win', async () => {
    expectProblem(await http(t).post(url('1837', '/transitions')).set(admin.auth).set('if-match', '"v3"').send({ to: 'preparing' }), 412, 'precondition_failed');
    const [a, b] = await Promise.all([
      http(t).post(url('1837', '/transitions')).set(admin.auth).set('if-match', '"v0"').send({ to: 'preparing', date: '2023-12-01' }),
      http(t).post(url('1837', '/transitions')).set(nordOffice.auth).set('if-match', '"v0"').send({ to: 'preparing', date: '2023-12-01' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);

    await http(t).patch(url('1837')).set(admin.auth).send(complete).expect(200);
    const current = await read('1837');
    const [c, d] = await Promise.all([
      http(t).post(url('1837', '/transitions')).set(admin.auth).set('if-match', current.etag).send({ to: 'applied', date: '2024-01-01' }),
      http(t).post(url('1837', '/transitions')).set(nordOffice.auth).set('if-match', current.etag).send({ to: 'applied', date: '2024-01-02' }),
    ]);
    expect([c.status, d.status].sort()).toEqual([200, 412]);
    expectProblem(c.status === 412 ? c : d, 412, 'precondition_failed');
    const after = await read('1837');
    expect(after.body).toMatchObject({ status: 'applied', version: current.body.version + 1 });
    expect((await historyOf('1837')).items.map((e) => e.to)).toEqual(['applied', 'preparing']);
  });

  it('writes an audit row with each transition', async () => {
    await http(t).patch(url('1838')).set(admin.auth).send(complete).expect(200);
    await moveOk('1838', { to: 'preparing', date: '2024-01-15' }, nordOffice);
    await moveOk('1838', { to: 'applied', date: '2024-02-01' }, nordOffice);
    const items = await auditTrail(t, admin, { entityType: 'registration', entityId: '1838' });
    expect(items.map((e) => e.action)).toEqual(['registration.transitioned', 'registration.transitioned', 'registration.created']);
    expect(items[0]).toMatchObject({
      actorId: nordOffice.id,
      before: { status: 'preparing', applicationDate: null },
      after: { status: 'applied', applicationDate: '2024-02-01' },
    });
    expect(items[1]).toMatchObject({ before: { status: 'not_registered' }, after: { status: 'preparing' } });
  });
});

describe('GET .../registration/history', () => {
  it('pages through the transitions, newest first', async () => {
    await http(t).patch(url('1839')).set(admin.auth).send(complete).expect(200);
    const steps = [
      { to: 'preparing', date: '2020-01-01' },
      { to: 'applied', date: '2020-02-01' },
      { to: 'rejected', date: '2020-03-01' },
      { to: 'preparing', date: '2020-04-01' },
      { to: 'applied', date: '2020-05-01' },
    ];
    for (const step of steps) await moveOk('1839', step);
    const seen: RegistrationHistoryEntry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await http(t)
        .get(url('1839', '/history'))
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(nordOffice.auth)
        .expect(200);
      const page: Page<RegistrationHistoryEntry> = bodyOf(response, contract.registrationHistory);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((e) => e.date)).toEqual(['2020-05-01', '2020-04-01', '2020-03-01', '2020-02-01', '2020-01-01']);
    expect(seen.every((e) => e.actorName === 'Test admin' && e.actorId === admin.id)).toBe(true);
  });

  it('is empty for a registration never saved, and refuses a cursor it did not issue', async () => {
    expect(await historyOf('1840', directorate)).toEqual({ items: [], nextCursor: null, total: { count: 0, exact: true } });
    expectProblem(await http(t).get(url('1840', '/history')).query({ cursor: 'bm9wZQ' }).set(admin.auth), 400, 'invalid_cursor');
  });
});

describe('scope', () => {
  it('answers 404 to an office user for a municipality of another office, on every path', async () => {
    await applied('1841', '2024-01-01');
    const { etag } = await read('1841');
    expectProblem(await http(t).get(url('1841')).set(osloOffice.auth), 404, 'not_found');
    expectProblem(await http(t).patch(url('1841')).set(osloOffice.auth).send({ notes: 'x' }), 404, 'not_found');
    expectProblem(await move('1841', { to: 'registered', date: '2024-02-01' }, osloOffice), 404, 'not_found');
    expectProblem(await move('1841', { to: 'preparing' }, osloOffice), 404, 'not_found');
    expectProblem(await http(t).get(url('1841', '/history')).set(osloOffice.auth), 404, 'not_found');
    expect((await read('1841')).etag).toBe(etag);
    await http(t).get(url('0301')).set(osloOffice.auth).expect(200);
    expectProblem(await http(t).get(url('0301')).set(nordOffice.auth), 404, 'not_found');
  });

  it('answers 404 to a municipality client for any other municipality, on every path', async () => {
    await http(t).get(url('1818')).set(heroyClient.auth).expect(200);
    await http(t).get(url('1818', '/history')).set(heroyClient.auth).expect(200);
    expectProblem(await http(t).get(url('1804')).set(heroyClient.auth), 404, 'not_found');
    expectProblem(await http(t).patch(url('1804')).set(heroyClient.auth).send({ notes: 'x' }), 404, 'not_found');
    expectProblem(await move('1804', { to: 'preparing' }, heroyClient), 404, 'not_found');
    expectProblem(await http(t).get(url('1804', '/history')).set(heroyClient.auth), 404, 'not_found');
    expect((await read('1804')).body.version).toBe(0);
  });

  it('lets the directorate read every municipality\'s registration and history', async () => {
    await http(t).get(url('0301')).set(directorate.auth).expect(200);
    await http(t).get(url('5001', '/history')).set(directorateClient.auth).expect(200);
  });
});

describe('OpenAPI', () => {
  it('documents the registration routes with their problem responses', async () => {
    const response = await http(t).get('/api/openapi.json').expect(200);
    const spec = bodyOf(response, openApiDocument);
    const transitions = spec.paths['/api/v1/municipalities/{kommunenummer}/registration/transitions']?.post;
    expect(transitions?.tags).toEqual(['registrations']);
    expect(Object.keys(transitions?.responses ?? {})).toEqual(expect.arrayContaining(['200', '403', '404', '409', '412', '422']));
    const patch = spec.paths['/api/v1/municipalities/{kommunenummer}/registration']?.patch;
    expect(Object.keys(patch?.responses ?? {})).toEqual(expect.arrayContaining(['200', '404', '412']));
    expect(spec.paths['/api/v1/municipalities/{kommunenummer}/registration/history']?.get?.tags).toEqual(['registrations']);
  });
});
