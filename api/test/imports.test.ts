import * as contract from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { admin, directorate, heroyClient, nordOffice, osloOffice, t, useCast } from './support/cast.js';
import { bodyOf } from './support/expect.js';
import { auditTrail, expectProblem, http } from './support/factories.js';
import { IMPORT_HEADER, agreementsIn, importOk, postImport } from './support/imports.js';

useCast();


describe('POST /api/v1/imports', () => {
  it('imports a Norwegian file (BOM, semicolons, Norwegian headers and values, DD.MM.YYYY dates)', async () => {
    const csv =
      '\uFEFFHPR-nummer;Navn;Ansettelsesform;Stilling;Stillingsprosent;Startdato;Signert;Status;Vikarbyrå;Merknad\r\n' +
      '9300001;Ingrid Hætta;fastlønnet;fastlege;100 %;01.09.2026;15.08.2026;aktiv;nei;"Kontor; 2. etg"\r\n' +
      '9300002;Åse Øvrebø;næringsdrivende;fastlegevikar;60;2026-10-01;;utkast;ja;\r\n';
    const report = await importOk(csv, { kommunenummer: '1818' });
    expect(report).toMatchObject({
      kommunenummer: '1818',
      mode: 'all',
      dryRun: false,
      imported: true,
      rows: 2,
      validRows: 2,
      doctors: { created: 2, linked: 0 },
      agreements: { created: 2, skipped: 0 },
      errors: [],
    });
    const imported = (await agreementsIn('1818')).items.filter((agreement) => agreement.doctor.hprNumber.startsWith('93000'));
    const ingrid = imported.find((agreement) => agreement.doctor.hprNumber === '9300001');
    expect(ingrid).toMatchObject({
      doctor: { name: 'Ingrid Hætta' },
      status: 'active',
      employmentForm: 'salaried',
      position: 'gp',
      positionPercent: 100,
      startDate: '2026-09-01',
      signedOn: '2026-08-15',
      plannedEndDate: '2031-08-31',
      notes: 'Kontor; 2. etg',
      positionHistory: [{ from: '2026-09-01', percent: 100 }],
    });
    expect(imported.find((agreement) => agreement.doctor.hprNumber === '9300002')).toMatchObject({
      status: 'draft',
      employmentForm: 'self_employed',
      position: 'gp_locum',
      viaStaffingAgency: true,
    });
    // Audited and in the change feed, as any created doctor and agreement.
    const [audited] = await auditTrail(t, admin, { entityType: 'agreement', entityId: ingrid?.id ?? '', limit: 1 });
    expect(audited).toMatchObject({ action: 'agreement.created', after: { kommunenummer: '1818', status: 'active' } });
    const [summary] = await auditTrail(t, admin, { entityType: 'municipality', entityId: '1818', limit: 1 });
    expect(summary).toMatchObject({ action: 'import.completed', after: { doctorsCreated: 2, agreementsCreated: 2 } });
    const feed = bodyOf(await http(t).get('/api/v1/events').set(heroyClient.auth).query({ limit: 200 }).expect(200), contract.eventFeed);
    const subjects = feed.items.map((event) => `${event.type} ${event.subject.id}`);
    expect(subjects).toContain(`agreement.created ${ingrid?.id ?? ''}`);
    expect(subjects).toContain(`doctor.created ${ingrid?.doctor.id ?? ''}`);
  });

  it('creates nothing new from the same file twice, and links a registered doctor without changing it', async () => {
    const csv = `${IMPORT_HEADER}\n9300101,Per Hansen,salaried,gp,80,2026-01-01,2025-12-01,active\n9300102,Kari Nordmann,salaried,introduction,100,2026-02-01,,draft\n`;
    await importOk(csv, { kommunenummer: '1804' });
    const before = (await agreementsIn('1804')).total.count;
    const again = await importOk(csv.replace('Per Hansen', 'Per Endret'), { kommunenummer: '1804' });
    expect(again).toMatchObject({ imported: true, doctors: { created: 0, linked: 2 }, agreements: { created: 0, skipped: 2 }, errors: [] });
    expect((await agreementsIn('1804')).total.count).toBe(before);
    const doctors = bodyOf(await http(t).get('/api/v1/doctors').query({ hprNumber: '9300101' }).set(admin.auth).expect(200), contract.doctorPage);
    expect(doctors.items[0]).toMatchObject({ name: 'Per Hansen' });

    // The same doctor with another municipality: linked, with a new agreement there.
    const elsewhere = await importOk(`${IMPORT_HEADER}\n9300101,Per Hansen,salaried,gp,20,2026-03-01,2026-02-01,active\n`, { kommunenummer: '1818' });
    expect(elsewhere).toMatchObject({ doctors: { created: 0, linked: 1 }, agreements: { created: 1, skipped: 0 } });
  });

  it('refuses the whole file when a row is invalid, reporting every bad row by line and column', async () => {
    const csv =
      `${IMPORT_HEADER}\n` +
      '9300201,Gyldig Lege,salaried,gp,100,2026-01-01,,draft\n' +
      '12,Kort Nummer,salaried,gp,100,2026-01-01,,draft\n' +
      '"9300203","Flere\nLinjer",freelance,gp,150,2026-13-01,,draft\n' +
      '9300204,Aktiv Usignert,salaried,gp,100,2026-01-01,,active\n' +
      '9300201,Gyldig Lege,salaried,gp,50,2026-06-01,,draft\n';
    const before = (await agreementsIn('0301')).total.count;
    const problem = expectProblem(await postImport(csv, { kommunenummer: '0301' }), 422, 'import_rejected');
    const { report } = problem;
    expect(report).toMatchObject({ imported: false, rows: 5, validRows: 1, doctors: { created: 1 }, agreements: { created: 1 } });
    expect(report.errors.map((error) => [error.line, error.column, error.code])).toEqual([
      [3, 'hprNumber', 'invalid_format'],
      [4, 'employmentForm', 'invalid_value'],
      [4, 'positionPercent', 'too_big'],
      [4, 'startDate', 'invalid_format'],
      [6, 'signedOn', 'required'],
      [7, 'hprNumber', 'not_allowed'],
    ]);
    expect(report.errors.at(-1)?.params).toEqual({ reason: 'duplicate_row' });
    expect((await agreementsIn('0301')).total.count).toBe(before);
  });

  it('imports the valid rows and reports the rest with mode=valid-only; a dry run writes nothing', async () => {
    const csv = `${IMPORT_HEADER}\n9300301,Først Gyldig,salaried,gp,100,2026-01-01,,draft\n9300302,Feil Prosent,salaried,gp,0,2026-01-01,,draft\n`;
    const dry = await importOk(csv, { kommunenummer: '5001', mode: 'valid-only', dryRun: 'true' });
    expect(dry).toMatchObject({ dryRun: true, imported: false, validRows: 1, agreements: { created: 1 } });
    expect(dry.errors).toMatchObject([{ line: 3, column: 'positionPercent', code: 'too_small' }]);
    expect((await agreementsIn('5001')).total.count).toBe(0);

    // A dry run of mode all says the same without refusing: it is how a file is checked first.
    expect(await importOk(csv, { kommunenummer: '5001', dryRun: 'true' })).toMatchObject({ imported: false, errors: [{ line: 3 }] });

    const done = await importOk(csv, { kommunenummer: '5001', mode: 'valid-only' });
    expect(done).toMatchObject({ imported: true, rows: 2, validRows: 1, doctors: { created: 1 }, agreements: { created: 1 }, errors: [{ line: 3 }] });
    expect((await agreementsIn('5001')).items.map((agreement) => agreement.doctor.hprNumber)).toEqual(['9300301']);
  });

  it('reports a second open agreement with the municipality as the row\'s error', async () => {
    await importOk(`${IMPORT_HEADER}\n9300401,Åpen Avtale,salaried,gp,100,2026-01-01,,draft\n`, { kommunenummer: '1804' });
    const report = await importOk(`${IMPORT_HEADER}\n9300401,Åpen Avtale,salaried,gp,100,2026-05-01,,draft\n`, { kommunenummer: '1804', dryRun: 'true' });
    expect(report.errors).toMatchObject([{ line: 2, column: 'startDate', code: 'not_allowed', params: { reason: 'open_agreement_exists' } }]);
  });

  it('imports for the caller\'s own municipality, and answers 404 outside the caller\'s scope', async () => {
    const csv = `${IMPORT_HEADER}\n9300501,Egen Kommune,salaried,gp,100,2026-01-01,,draft\n`;
    expect(await importOk(csv, { dryRun: 'true' }, heroyClient)).toMatchObject({ kommunenummer: '1818' });
    expectProblem(await postImport(csv, { kommunenummer: '1804' }, heroyClient), 404, 'not_found');
    expectProblem(await postImport(csv, { kommunenummer: '0301' }, nordOffice), 404, 'not_found');
    expect(await importOk(csv, { kommunenummer: '0301', dryRun: 'true' }, osloOffice)).toMatchObject({ kommunenummer: '0301' });
    expectProblem(await postImport(csv, { dryRun: 'true' }), 400, 'validation_failed');
    expectProblem(await postImport(csv, { kommunenummer: '0301' }, directorate), 403, 'forbidden');
  });

  it('refuses a file it cannot read with a problem naming why', async () => {
    const missing = expectProblem(await postImport('hprNumber;name\n9300601;Uten Kolonner\n', { kommunenummer: '1818' }), 400, 'validation_failed');
    expect(missing.errors.map((error) => [error.path, error.code])).toEqual(expect.arrayContaining([['startDate', 'required'], ['position', 'required']]));
    const unknown = expectProblem(await postImport(`${IMPORT_HEADER},fødselsnummer\n`, { kommunenummer: '1818' }), 400, 'validation_failed');
    expect(unknown.errors).toMatchObject([{ path: 'fødselsnummer', code: 'unknown_field' }]);
    // A header cell of 10 000 characters is named by its first hundred (the problem's message holds at most 4000).
    const long = expectProblem(await postImport(`${'['.repeat(5_000)}${']'.repeat(5_000)}`, { kommunenummer: '1818' }), 400, 'validation_failed');
    expect(long.errors[0]).toMatchObject({ path: `${'['.repeat(100)}…`, code: 'unknown_field' });
    // A stray quote in a field of 200 000 characters: the parser's message would quote the field; the problem does not.
    const quoted = expectProblem(await postImport(`${IMPORT_HEADER}\n${'x'.repeat(200_000)}"y\n`, { kommunenummer: '1818' }), 400, 'bad_request');
    expect(quoted.detail).toMatch(/^The file cannot be read as CSV \(line 2\): a quote is found on field 0 at line 2$/);
    expectProblem(await postImport('', { kommunenummer: '1818' }), 400, 'validation_failed');
    expectProblem(await postImport(`${IMPORT_HEADER}\n"9300602,Uavsluttet\n`, { kommunenummer: '1818' }), 400, 'bad_request');
    expectProblem(await postImport(`${IMPORT_HEADER}\n9300603,For,mange,felt,i,denne,raden,her,og,mer\n`, { kommunenummer: '1818' }), 400, 'bad_request');
    const latin1 = Buffer.from(`${IMPORT_HEADER}\n9300604,Bjørn,salaried,gp,100,2026-01-01,,draft\n`, 'latin1');
    expect(expectProblem(await postImport(latin1, { kommunenummer: '1818' }), 400, 'bad_request').detail).toContain('UTF-8');
    const json = await http(t).post('/api/v1/imports').query({ kommunenummer: '1818' }).set(admin.auth).send({ rows: [] });
    expectProblem(json, 415, 'unsupported_media_type');
    const huge = Buffer.alloc(contract.IMPORT_MAX_BYTES + 1, 'a');
    expectProblem(await postImport(huge, { kommunenummer: '1818' }), 413, 'payload_too_large');
  });

  it('takes an Idempotency-Key: a retry replays the answer, and a dry run is another request than the import', async () => {
    const csv = `${IMPORT_HEADER}\n9300701,Nøkkel Lege,salaried,gp,100,2026-01-01,,draft\n`;
    const send = (query: Record<string, string>) =>
      http(t).post('/api/v1/imports').query({ kommunenummer: '1804', ...query }).set(admin.auth).set('idempotency-key', 'import-1').set('content-type', 'text/csv').send(csv);
    await send({ dryRun: 'true' }).expect(200);
    expectProblem(await send({}), 422, 'idempotency_key_reused');
    await http(t).post('/api/v1/imports').query({ kommunenummer: '1804' }).set(admin.auth).set('idempotency-key', 'import-2').set('content-type', 'text/csv').send(csv).expect(200);
    const retry = await http(t).post('/api/v1/imports').query({ kommunenummer: '1804' }).set(admin.auth).set('idempotency-key', 'import-2').set('content-type', 'text/csv').send(csv).expect(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(bodyOf(retry, contract.importReport).agreements.created).toBe(1);
  });
});
