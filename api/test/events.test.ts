import * as contract from '@alis/shared';
import { type Event, EVENT_RETENTION_DAYS, eventTypes } from '@alis/shared';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { FEED_LOCK_ID, eventsRepo } from '../src/modules/events/events.repo.js';
import { admin, directorate, heroyClient, nordOffice, osloOffice, t, useCast } from './support/cast.js';
import { bodyOf } from './support/expect.js';
import { type Caller, expectProblem, http } from './support/factories.js';
import { APPLICATIONS, createAgreement, createApplication, grantReadyMunicipality, lineFor } from './support/grants.js';
import { insertDoctor } from './support/rows.js';
import { NEEDS_POSTGRES, needsPostgres } from './support/server-process.js';
import { queryRows } from './support/sql.js';
import { TEST_DATABASE_URL } from './support/test-env.js';

/**
 * The change feed (issue 12): every change appends an event in its own transaction, readers follow
 * it by cursor in commit order, each caller sees its own part.
 */
useCast();

if (needsPostgres) console.info(`events.test.ts: the concurrent-commit tests skipped: ${NEEDS_POSTGRES}`);

const feed = async (caller: Caller, query: Record<string, string> = {}) =>
  bodyOf(await http(t).get('/api/v1/events').query(query).set(caller.auth).expect(200), contract.eventFeed);

/** Every event the caller may read after `after`, following the cursors; and where to resume. */
async function readAll(caller: Caller, after?: string, query: Record<string, string> = {}) {
  const events: Event[] = [];
  let cursor = after;
  for (;;) {
    const page = await feed(caller, { ...query, limit: '50', ...(cursor ? { after: cursor } : {}) });
    events.push(...page.items);
    cursor = page.nextCursor;
    if (!page.hasMore) return { events, cursor };
  }
}

const tail = async (caller: Caller) => (await readAll(caller)).cursor;

describe('GET /api/v1/events', () => {
  it('appends each change with the resource as the API returned it, in CloudEvents shape, in order', async () => {
    const from = await tail(admin);
    const doctor = await insertDoctor(t);
    const created = await http(t)
      .post('/api/v1/agreements')
      .set(admin.auth)
      .send({ kommunenummer: '1818', doctorId: doctor.id, employmentForm: 'salaried', position: 'gp', positionPercent: 100, startDate: '2024-01-01', signedOn: '2023-12-01' })
      .expect(201);
    const agreement = bodyOf(created, contract.agreement);
    const activated = bodyOf(await http(t).post(`/api/v1/agreements/${agreement.id}/transitions`).set(admin.auth).send({ to: 'active' }).expect(200), contract.agreement);
    const absence = bodyOf(
      await http(t).post(`/api/v1/agreements/${agreement.id}/absences`).set(admin.auth).send({ kind: 'leave', from: '2025-01-01', to: '2025-01-31' }).expect(201),
      contract.absence,
    );
    const municipality = bodyOf(await http(t).patch('/api/v1/municipalities/1818').set(admin.auth).send({ notes: 'Fra feeden' }).expect(200), contract.municipality);

    const { events } = await readAll(admin, from);
    expect(events.map((event) => event.type)).toEqual(['agreement.created', 'agreement.transitioned', 'absence.created', 'agreement.updated', 'municipality.updated']);
    const [first] = events;
    expect(first).toMatchObject({
      specversion: '1.0',
      source: '/api/v1',
      datacontenttype: 'application/json',
      kommunenumre: ['1818'],
      subject: { type: 'agreement', id: agreement.id },
      data: agreement,
    });
    expect(first?.time).toBe(first?.occurredAt);
    expect(events[1]?.data).toEqual(activated);
    expect(events[2]).toMatchObject({ subject: { type: 'absence', id: absence.id }, data: absence });
    expect(events[4]?.data).toEqual(municipality);
    const sequences = events.map((event) => event.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  it("appends a grant application's creation, edits and transitions, offering no transitions to the feed's readers", async () => {
    await grantReadyMunicipality(t, '1818');
    const agreement = await createAgreement(t, admin, { kommunenummer: '1818', startDate: '2025-06-01' });
    const cursors = { heroy: await tail(heroyClient), oslo: await tail(osloOffice), directorate: await tail(directorate) };
    const { application } = await createApplication(t, heroyClient, { kommunenummer: '1818', schemeCode: 'nasjonal-alis-2026', lines: [lineFor(agreement, { months: 6 })] });
    const edited = bodyOf(await http(t).patch(`${APPLICATIONS}/${application.id}`).set(heroyClient.auth).send({ notes: 'Til feeden' }).expect(200), contract.grantApplication);
    await http(t).post(`${APPLICATIONS}/${application.id}/transitions`).set(heroyClient.auth).send({ to: 'withdrawn' }).expect(200);

    const { events } = await readAll(heroyClient, cursors.heroy);
    expect(events.map((event) => event.type)).toEqual(['grant_application.created', 'grant_application.updated', 'grant_application.transitioned']);
    expect(events[0]).toMatchObject({ kommunenumre: ['1818'], subject: { type: 'grant_application', id: application.id } });
    expect(events[1]?.data).toEqual({ ...edited, allowedTransitions: [] });
    expect(events[2]?.data).toMatchObject({ status: 'withdrawn', allowedTransitions: [] });
    expect((await readAll(osloOffice, cursors.oslo)).events).toEqual([]);
    expect((await readAll(directorate, cursors.directorate)).events).toEqual([]);
  });

  it('appends nothing for a change that failed', async () => {
    const from = await tail(admin);
    const doctor = await insertDoctor(t);
    const draft = bodyOf(
      await http(t)
        .post('/api/v1/agreements')
        .set(admin.auth)
        .send({ kommunenummer: '1818', doctorId: doctor.id, employmentForm: 'salaried', position: 'gp', positionPercent: 100, startDate: '2024-01-01' })
        .expect(201),
      contract.agreement,
    );
    // Not signed: 422, and nothing of it in the feed.
    expectProblem(await http(t).post(`/api/v1/agreements/${draft.id}/transitions`).set(admin.auth).send({ to: 'active' }), 422, 'unprocessable');
    expect((await readAll(admin, from)).events.map((event) => event.type)).toEqual(['agreement.created']);
  });

  it("shows each caller its part: a municipality's client its municipality, an office its municipalities, the directorate no people", async () => {
    const from = await readAll(admin);
    const cursors = { heroy: await tail(heroyClient), nord: await tail(nordOffice), oslo: await tail(osloOffice), directorate: await tail(directorate) };
    await http(t).patch('/api/v1/municipalities/1818').set(admin.auth).send({ notes: 'Herøy' }).expect(200);
    await http(t).patch('/api/v1/municipalities/1804').set(admin.auth).send({ notes: 'Bodø' }).expect(200);
    await http(t).patch('/api/v1/municipalities/0301').set(admin.auth).send({ notes: 'Oslo' }).expect(200);
    const doctor = await http(t).post('/api/v1/doctors').set(heroyClient.auth).send({ hprNumber: '9912345', name: 'Feed Doktor' }).expect(201);
    const subjects = async (caller: Caller, after: string) => (await readAll(caller, after)).events.map((event) => `${event.type} ${event.kommunenumre.join(',')}`);

    expect(await subjects(heroyClient, cursors.heroy)).toEqual(['municipality.updated 1818', 'doctor.created 1818']);
    expect(await subjects(nordOffice, cursors.nord)).toEqual(['municipality.updated 1818', 'municipality.updated 1804', 'doctor.created 1818']);
    expect(await subjects(osloOffice, cursors.oslo)).toEqual(['municipality.updated 0301']);
    expect(await subjects(directorate, cursors.directorate)).toEqual(['municipality.updated 1818', 'municipality.updated 1804', 'municipality.updated 0301']);
    expect(bodyOf(doctor, contract.doctor).name).toBe('Feed Doktor');
    expect((await readAll(admin, from.cursor)).events).toHaveLength(4);
  });

  it('filters by type, resumes where it left off, and says when there is nothing new', async () => {
    const from = await tail(admin);
    await http(t).patch('/api/v1/municipalities/1818').set(admin.auth).send({ notes: 'En' }).expect(200);
    await http(t).post('/api/v1/doctors').set(admin.auth).send({ hprNumber: '9912346', name: 'Type Filter' }).expect(201);
    await http(t).patch('/api/v1/municipalities/1818').set(admin.auth).send({ notes: 'To' }).expect(200);

    const municipal = await readAll(admin, from, { types: 'municipality.updated' });
    expect(municipal.events.map((event) => event.data)).toMatchObject([{ notes: 'En' }, { notes: 'To' }]);
    const firstOnly = await feed(admin, { after: from, limit: '1' });
    expect(firstOnly).toMatchObject({ hasMore: true, items: [{ type: 'municipality.updated' }] });
    const rest = await readAll(admin, firstOnly.nextCursor);
    expect(rest.events.map((event) => event.type)).toEqual(['doctor.created', 'municipality.updated']);
    // Nothing new: the same cursor back, to poll with again.
    expect(await feed(admin, { after: rest.cursor })).toEqual({ items: [], nextCursor: rest.cursor, hasMore: false });

    expectProblem(await http(t).get('/api/v1/events').query({ types: 'agreement.exploded' }).set(admin.auth), 400, 'validation_failed');
    expectProblem(await http(t).get('/api/v1/events').query({ after: 'not-a-cursor' }).set(admin.auth), 400, 'invalid_cursor');
    expect(eventTypes).toContain('supervision.ended');
  });

  it(`keeps events ${EVENT_RETENTION_DAYS} days, and answers 410 to a cursor older than that`, async () => {
    const old = await tail(admin);
    await http(t).patch('/api/v1/municipalities/1818').set(admin.auth).send({ notes: 'Gammel' }).expect(200);
    // Everything so far happened long ago.
    await t.database.db.execute(sql`update events set occurred_at = now() - interval '100 days'`);
    await eventsRepo.purgeOlderThan(t.database.db, EVENT_RETENTION_DAYS);
    expectProblem(await http(t).get('/api/v1/events').query({ after: old }).set(admin.auth), 410, 'gone');
    await http(t).patch('/api/v1/municipalities/1818').set(admin.auth).send({ notes: 'Ny' }).expect(200);
    // From the start, the feed begins after what was removed.
    expect((await readAll(admin)).events.map((event) => event.data)).toMatchObject([{ notes: 'Ny' }]);
  });
});

describe.skipIf(needsPostgres)('commit order, with concurrent writers', () => {
  it('gives an event that commits later a later sequence, so a reader resuming from its cursor misses nothing', async () => {
    const url = new URL(TEST_DATABASE_URL ?? '');
    const [database] = await queryRows<{ name: string }>(t.database, sql`select current_database() as name`);
    url.pathname = `/${database?.name ?? ''}`;
    const first = new pg.Client({ connectionString: url.toString() });
    const second = new pg.Client({ connectionString: url.toString() });
    await first.connect();
    await second.connect();
    try {
      const from = await tail(admin);
      // What eventsRepo.append does, on a session of its own whose commit the test decides.
      const append = async (client: pg.Client, notes: string) => {
        await client.query('select pg_advisory_xact_lock($1)', [FEED_LOCK_ID]);
        await client.query(
          "insert into events (type, subject_type, subject_id, kommunenumre, data) values ('municipality.updated', 'municipality', '1818', '{1818}', $1)",
          [JSON.stringify({ notes })],
        );
      };
      // The first writer appends and stays open; the second starts after it and must wait.
      await first.query('begin');
      await append(first, 'first');
      await second.query('begin');
      const secondAppend = append(second, 'second');
      await new Promise((resolve) => setTimeout(resolve, 200));
      // A reader now sees neither: the first has not committed, the second has not appended.
      expect((await readAll(admin, from)).events).toEqual([]);
      await first.query('commit');
      await secondAppend;
      const afterFirst = await readAll(admin, from);
      expect(afterFirst.events.map((event) => (event.data as { notes: string }).notes)).toEqual(['first']);
      await second.query('commit');
      // Resuming from where it stopped, the reader gets the second: nothing was skipped.
      expect((await readAll(admin, afterFirst.cursor)).events.map((event) => (event.data as { notes: string }).notes)).toEqual(['second']);
    } finally {
      await first.end();
      await second.end();
    }
  });

  it('lets a reader polling during many concurrent changes see every event exactly once, in order', async () => {
    const from = await tail(admin);
    const seen: Event[] = [];
    let cursor = from;
    const writers = { done: false };
    const reader = (async () => {
      while (!writers.done) {
        const page = await feed(admin, { after: cursor, limit: '1000' });
        seen.push(...page.items);
        cursor = page.nextCursor;
      }
    })();
    const places = ['1818', '1804', '1820', '1833', '1834', '1835', '1836', '1837'];
    await Promise.all(
      places.flatMap((kommunenummer) =>
        Array.from({ length: 5 }, (_, round) =>
          http(t).patch(`/api/v1/municipalities/${kommunenummer}`).set(admin.auth).send({ notes: `runde ${round}` }).expect(200),
        ),
      ),
    );
    writers.done = true;
    await reader;
    seen.push(...(await readAll(admin, cursor)).events);
    const everything = (await readAll(admin, from)).events;
    expect(everything).toHaveLength(40);
    expect(seen.map((event) => event.sequence)).toEqual(everything.map((event) => event.sequence));
  });
});
