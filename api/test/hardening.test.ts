import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { admin, heroyClient, t, useCast } from './support/cast.js';
import { expectProblem, http } from './support/factories.js';
import { freshHprNumber, insertDoctor } from './support/rows.js';

useCast();

const cursorOf = (position: unknown) => Buffer.from(JSON.stringify(position)).toString('base64url');

/** Sends raw JSON (which supertest would re-encode) and returns the response. */
const postRaw = (url: string, json: string, headers: Record<string, string> = {}) =>
  http(t)
    .post(url)
    .set({ ...admin.auth, 'content-type': 'application/json', ...headers })
    .send(json);

describe('bad input is 400, never 500', () => {
  it('refuses dates outside what a registry of this kind can hold, in bodies, filters and cursors', async () => {
    const doctor = await insertDoctor(t);
    for (const startDate of ['0000-01-01', '9999-12-31', '1066-10-14']) {
      const response = await http(t)
        .post('/api/v1/agreements')
        .set(admin.auth)
        .send({ kommunenummer: '1818', doctorId: doctor.id, employmentForm: 'salaried', position: 'gp', positionPercent: 100, startDate });
      expect(expectProblem(response, 400, 'validation_failed').errors).toEqual([
        expect.objectContaining({ path: 'startDate', code: 'invalid_format', params: { format: 'date' } }),
      ]);
    }
    expectProblem(await http(t).get('/api/v1/agreements').query({ endsBefore: '0000-01-01' }).set(admin.auth), 400, 'validation_failed');
    const forged = cursorOf({ s: '0000-01-01', i: doctor.id });
    expectProblem(await http(t).get('/api/v1/agreements').query({ cursor: forged }).set(admin.auth), 400, 'invalid_cursor');
  });

  it('refuses text with a lone UTF-16 surrogate, which cannot be stored', async () => {
    const response = await postRaw('/api/v1/doctors', `{"hprNumber":"${freshHprNumber()}","name":"Ola \\ud800 Nordmann"}`);
    expect(expectProblem(response, 400, 'bad_request').detail).toMatch(/surrogate|Unicode/i);
  });

  it('refuses deeply nested JSON, with or without an Idempotency-Key', async () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    for (const headers of [{}, { 'idempotency-key': 'deep-1' }] as Record<string, string>[]) {
      const response = await postRaw('/api/v1/doctors', `{"hprNumber":"${freshHprNumber()}","name":${deep}}`, headers);
      expect(expectProblem(response, 400, 'bad_request').detail).toMatch(/nested/);
    }
    // The app is still there.
    await http(t).get('/api/v1/offices').set(admin.auth).expect(200);
  });

  it('answers a path parameter that is too long, and cursors beyond the 64-bit range, with 400', async () => {
    expectProblem(await http(t).get(`/api/v1/doctors/${'a'.repeat(150)}`).set(admin.auth), 400, 'validation_failed');
    expectProblem(await http(t).get(`/api/v1/municipalities/${'1'.repeat(150)}`).set(admin.auth), 400, 'validation_failed');
    for (const id of ['99999999999999999999', '9223372036854775808', '-1']) {
      expectProblem(
        await http(t).get('/api/v1/municipalities/1818/registration/history').query({ cursor: cursorOf({ id }) }).set(admin.auth),
        400,
        'invalid_cursor',
      );
      expectProblem(await http(t).get('/api/v1/audit').query({ cursor: cursorOf({ id }) }).set(admin.auth), 400, 'invalid_cursor');
    }
  });

  it('refuses query parameters an operation does not know, and a body where it takes none', async () => {
    const doctor = await insertDoctor(t);
    const patched = await http(t).patch(`/api/v1/doctors/${doctor.id}`).query({ version: 1 }).set(admin.auth).send({ name: 'Nytt Navn' });
    expect(expectProblem(patched, 400, 'validation_failed').errors).toEqual([expect.objectContaining({ path: 'version', code: 'unknown_field' })]);
    expectProblem(await http(t).get(`/api/v1/doctors/${doctor.id}`).query({ expand: 'all' }).set(admin.auth), 400, 'validation_failed');
    expectProblem(await http(t).get('/api/v1/offices').query({ limit: 5 }).set(admin.auth), 400, 'validation_failed');
    const client = await http(t).post('/api/v1/api-clients').set(admin.auth).send({ name: 'Body på revoke', role: 'directorate' }).expect(201);
    const { id } = client.body as { id: string };
    expectProblem(await http(t).post(`/api/v1/api-clients/${id}/revoke`).set(admin.auth).send({ reason: 'because' }), 400, 'validation_failed');
    // Without a body it still works, also with a JSON content type and an empty body.
    await http(t).post(`/api/v1/api-clients/${id}/revoke`).set({ ...admin.auth, 'content-type': 'application/json' }).expect(200);
  });

  it('refuses a Content-Encoding it does not decode with 415', async () => {
    const response = await postRaw('/api/v1/doctors', `{"hprNumber":"${freshHprNumber()}","name":"Komprimert"}`, { 'content-encoding': 'gzip' });
    expectProblem(response, 415, 'unsupported_media_type');
    await postRaw('/api/v1/doctors', `{"hprNumber":"${freshHprNumber()}","name":"Identitet"}`, { 'content-encoding': 'identity' }).expect(201);
  });
});

describe('headers that are too large', () => {
  /** Two requests on one keep-alive connection: the answer to an oversized header, then a normal one. */
  async function twoRequestsOnOneConnection(bigHeaderBytes: number): Promise<string> {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    const big = `GET /api/v1/offices HTTP/1.1\r\nHost: x\r\nAuthorization: ${admin.auth.authorization}\r\nX-Filler: ${'a'.repeat(bigHeaderBytes)}\r\n\r\n`;
    const normal = `GET /api/v1/offices HTTP/1.1\r\nHost: x\r\nAuthorization: ${admin.auth.authorization}\r\nConnection: close\r\n\r\n`;
    await new Promise<void>((resolve) => socket.on('connect', resolve));
    socket.write(big + normal);
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    return received;
  }

  it('answers 431 as a problem and keeps the connection usable', async () => {
    const received = await twoRequestsOnOneConnection(20_000);
    const responses = received.split(/(?=HTTP\/1\.1 )/);
    expect(responses[0]).toMatch(/^HTTP\/1\.1 431 /);
    expect(responses[0]).toMatch(/content-type: application\/problem\+json/i);
    expect(responses[0]).toContain('"code":"headers_too_large"');
    expect(responses[1]).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('the OpenAPI document', () => {
  it('lists 413 and 415 wherever a body is taken, and 431 everywhere', async () => {
    const spec = (await http(t).get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    };
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const statuses = Object.keys(operation.responses);
        expect(statuses, `${method} ${path}`).toContain('431');
        if (operation.requestBody) expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(['413', '415']));
      }
    }
  });
});

describe('look-ups by HPR number', () => {
  it('are rate-limited per caller', async () => {
    const { buildTestApp } = await import('./support/build-app.js');
    const { createCast } = await import('./support/factories.js');
    const limited = await buildTestApp({ LOOKUP_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const cast = await createCast(limited);
      const look = (caller: { auth: { authorization: string } }) =>
        http(limited).get('/api/v1/doctors').query({ hprNumber: freshHprNumber() }).set(caller.auth);
      // The limit counts per minute: a minute turning between the look-ups (a slow machine) lets a
      // second batch through, never more.
      let answered = 0;
      let refused: Awaited<ReturnType<typeof look>> | undefined;
      while (!refused && answered <= 6) {
        const response = await look(cast.heroyClient);
        if (response.status === 200) answered += 1;
        else refused = response;
      }
      expect(answered).toBeGreaterThanOrEqual(3);
      expect(answered).toBeLessThanOrEqual(6);
      if (!refused) throw new Error('never refused');
      expectProblem(refused, 429, 'rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Another caller has a count of its own; a search by name is no look-up.
      await look(cast.bodoClient).expect(200);
      await http(limited).get('/api/v1/doctors').query({ q: 'Ola' }).set(cast.heroyClient.auth).expect(200);
    } finally {
      await limited.close();
    }
  });

  it('are open to every caller of the doctors and supervisors', async () => {
    await http(t).get('/api/v1/supervisors').query({ hprNumber: freshHprNumber() }).set(heroyClient.auth).expect(200);
  });
});
