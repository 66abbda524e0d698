import * as contract from '@alis/shared';
import { addDays, addMonths, todayInNorway } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { admin, bodoClient, directorate, nordOffice, osloOffice, t, useCast } from './support/cast.js';
import { bodyOf, etagOf } from './support/expect.js';
import { type Caller, auditTrail, expectProblem, http } from './support/factories.js';
import { insertAgreement, insertDoctor, insertRegistration } from './support/rows.js';

/** The offices' follow-up log of a municipality, and the special-attention list (issue 14). */
useCast();

const today = todayInNorway();
const path = (kommunenummer: string) => `/api/v1/municipalities/${kommunenummer}/follow-ups`;
const log = (kommunenummer: string, body: Record<string, unknown>, caller: Caller = nordOffice) =>
  http(t).post(path(kommunenummer)).set(caller.auth).send({ date: today, kind: 'meeting', summary: 'Møte om registrering', ...body });
const list = async (kommunenummer: string, caller: Caller = nordOffice, query: Record<string, string> = {}) =>
  bodyOf(await http(t).get(path(kommunenummer)).query(query).set(caller.auth).expect(200), contract.followUpPage);
const attention = async (caller: Caller, query: Record<string, string> = {}) =>
  bodyOf(await http(t).get('/api/v1/follow-ups/special-attention').query(query).set(caller.auth).expect(200), contract.specialAttentionList).items;

describe('the follow-up log', () => {
  it('is written by the office of the municipality, with who took part and what was agreed, and read newest first', async () => {
    const created = await log('1804', {
      date: addDays(today, -30),
      kind: 'visit',
      participants: 'Kommuneoverlege, rådgiver',
      agreedActions: 'Kommunen sender utkast',
      nextFollowUpOn: addDays(today, 10),
    }).expect(201);
    const entry = bodyOf(created, contract.followUp);
    expect(created.headers.location).toBe(`/api/v1/municipalities/1804/follow-ups/${entry.id}`);
    expect(entry).toMatchObject({ kommunenummer: '1804', kind: 'visit', done: false, createdBy: { id: nordOffice.id } });
    const newer = bodyOf(await log('1804', { kind: 'phone', summary: 'Telefon' }).expect(201), contract.followUp);
    const sameDay = bodyOf(await log('1804', { kind: 'email', summary: 'E-post' }).expect(201), contract.followUp);
    const older = bodyOf(await log('1804', { date: addDays(today, -90), summary: 'Første møte' }).expect(201), contract.followUp);
    const page = await list('1804');
    expect(page.items.map((item) => item.id)).toEqual([sameDay.id, newer.id, entry.id, older.id]);
    expect(page.total).toEqual({ count: 4, exact: true });
    // Pages follow the same order.
    const first = await list('1804', nordOffice, { limit: '3' });
    const second = await list('1804', nordOffice, { limit: '3', cursor: first.nextCursor ?? '' });
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(page.items.map((item) => item.id));
    expect((await list('1804', admin)).items).toHaveLength(4);
    const forged = Buffer.from(JSON.stringify({ s: '-date', v: ['not a day', 'x', 'y'] })).toString('base64url');
    expectProblem(await http(t).get(path('1804')).query({ cursor: forged }).set(nordOffice.auth), 400, 'invalid_cursor');
    const audit = await auditTrail(t, admin, { entityType: 'follow_up', entityId: entry.id });
    expect(audit[0]).toMatchObject({ action: 'follow_up.created', after: { kommunenummer: '1804', kind: 'visit' } });
  });

  it('is changed with If-Match: marked done, a new next date', async () => {
    const entry = await log('1818', { nextFollowUpOn: addDays(today, 5) }).expect(201);
    const id = bodyOf(entry, contract.followUp).id;
    const done = await http(t).patch(`${path('1818')}/${id}`).set(nordOffice.auth).set('if-match', etagOf(entry)).send({ done: true }).expect(200);
    expect(bodyOf(done, contract.followUp)).toMatchObject({ done: true, version: 2 });
    expectProblem(await http(t).patch(`${path('1818')}/${id}`).set(nordOffice.auth).set('if-match', etagOf(entry)).send({ done: false }), 412, 'precondition_failed');
    const read = bodyOf(await http(t).get(`${path('1818')}/${id}`).set(nordOffice.auth).expect(200), contract.followUp);
    expect(read.done).toBe(true);
    const audit = await auditTrail(t, admin, { entityType: 'follow_up', entityId: id });
    expect(audit[0]).toMatchObject({ action: 'follow_up.updated', before: { done: false }, after: { done: true } });
    // The entry belongs to its municipality's path.
    expectProblem(await http(t).get(`${path('1804')}/${id}`).set(nordOffice.auth), 404, 'not_found');
  });

  it('refuses a date in the future and a next follow-up before the date', async () => {
    const future = expectProblem(await log('1804', { date: addDays(today, 1) }), 400, 'validation_failed');
    expect(future.errors[0]).toMatchObject({ path: 'date', code: 'in_future' });
    const before = expectProblem(await log('1804', { date: addDays(today, -2), nextFollowUpOn: addDays(today, -3) }), 400, 'validation_failed');
    expect(before.errors[0]).toMatchObject({ path: 'nextFollowUpOn', code: 'too_early', params: { earliest: addDays(today, -2) } });
    expectProblem(await log('1804', { kind: 'letter' }), 400, 'validation_failed');
    expectProblem(await log('1804', { summary: '' }), 400, 'validation_failed');
  });

  it('is the offices\' own: another office gets 404, municipality clients and the directorate 403', async () => {
    const id = bodyOf(await log('1804', {}).expect(201), contract.followUp).id;
    expectProblem(await http(t).get(path('1804')).set(osloOffice.auth), 404, 'not_found');
    expectProblem(await log('1804', {}, osloOffice), 404, 'not_found');
    expectProblem(await http(t).get(`${path('1804')}/${id}`).set(osloOffice.auth), 404, 'not_found');
    expectProblem(await http(t).patch(`${path('1804')}/${id}`).set(osloOffice.auth).send({ done: true }), 404, 'not_found');
    expectProblem(await http(t).get(path('1804')).set(bodoClient.auth), 403, 'forbidden');
    expectProblem(await http(t).get(path('1804')).set(directorate.auth), 403, 'forbidden');
    expectProblem(await http(t).get(path('9999')).set(admin.auth), 404, 'not_found');
    expect((await list('0301', osloOffice)).items).toEqual([]);
  });
});

describe('the special-attention list', () => {
  it('holds recruitment-challenged municipalities without a follow-up in six months, and active agreements without registration', async () => {
    for (const kommunenummer of ['1820', '1822', '1824']) {
      await http(t).patch(`/api/v1/municipalities/${kommunenummer}`).set(admin.auth).send({ recruitmentChallenged: true }).expect(200);
    }
    // 1822: followed up seven months ago; 1824: within six months.
    await log('1822', { date: addMonths(today, -7) }).expect(201);
    await log('1824', { date: addMonths(today, -5) }).expect(201);
    // Active agreements in 1826 (not registered) and 1827 (registered), a draft in 1828.
    await insertAgreement(t, { doctorId: (await insertDoctor(t)).id, kommunenummer: '1826' });
    await insertAgreement(t, { doctorId: (await insertDoctor(t)).id, kommunenummer: '1827' });
    await insertRegistration(t, '1827', { status: 'registered', applicationDate: '2020-01-01', registeredFrom: '2020-01-01' });
    await insertAgreement(t, { doctorId: (await insertDoctor(t)).id, kommunenummer: '1828', status: 'draft' });

    const items = await attention(nordOffice);
    const byNumber = new Map(items.map((item) => [item.kommunenummer, item]));
    expect(byNumber.get('1820')).toMatchObject({ reasons: ['no_recent_follow_up'], lastFollowUpOn: null, recruitmentChallenged: true });
    expect(byNumber.get('1822')).toMatchObject({ reasons: ['no_recent_follow_up'], lastFollowUpOn: addMonths(today, -7) });
    expect(byNumber.has('1824')).toBe(false);
    expect(byNumber.get('1826')).toMatchObject({ reasons: ['agreements_without_registration'], activeAgreements: 1, registrationStatus: 'not_registered' });
    expect(byNumber.has('1827')).toBe(false);
    expect(byNumber.has('1828')).toBe(false);
    expect(items.every((item) => item.officeCode === 'nord')).toBe(true);

    // A follow-up takes the municipality off the list.
    await log('1820', { kind: 'phone' }).expect(201);
    expect((await attention(nordOffice)).map((item) => item.kommunenummer)).not.toContain('1820');
  });

  it('is per office: an office its own (another is 404), an admin one or all', async () => {
    await http(t).patch('/api/v1/municipalities/0301').set(admin.auth).send({ recruitmentChallenged: true }).expect(200);
    expect((await attention(osloOffice)).map((item) => item.kommunenummer)).toContain('0301');
    expect((await attention(nordOffice)).map((item) => item.kommunenummer)).not.toContain('0301');
    expectProblem(await http(t).get('/api/v1/follow-ups/special-attention').query({ officeCode: 'oslo' }).set(nordOffice.auth), 404, 'not_found');
    const oslo = await attention(admin, { officeCode: 'oslo' });
    expect(oslo.every((item) => item.officeCode === 'oslo')).toBe(true);
    const all = await attention(admin);
    expect(new Set(all.map((item) => item.officeCode)).size).toBeGreaterThan(1);
    expectProblem(await http(t).get('/api/v1/follow-ups/special-attention').set(bodoClient.auth), 403, 'forbidden');
  });
});
