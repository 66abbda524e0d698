// The row mapper `prepared` gives a plain select must map rows exactly as drizzle's own does, and on
// PostgreSQL the lean execution (src/db/lean-execution.ts) must answer and fail as drizzle's does.
import { DrizzleQueryError, eq, inArray, sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../src/db/client.js';
import { type LeanStatement, inOneRoundTrip, runLean } from '../src/db/lean-execution.js';
import { placeholders, prepared } from '../src/db/prepared.js';
import { municipalities } from '../src/db/schema.js';
import { createTestDatabase } from './support/build-app.js';
import { TEST_DATABASE_URL } from './support/test-env.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  // Nulls, numbers, booleans and timestamps in the rows read below.
  await database.db.update(municipalities).set({ population: null, recruitmentChallenged: true }).where(eq(municipalities.kommunenummer, '0301'));
  await database.db.update(municipalities).set({ population: 1234 }).where(eq(municipalities.kommunenummer, '1103'));
});
afterAll(() => database.close());

/** A select of every kind of field: columns of several types, SQL with and without a decoder, an alias. */
const everyKind = () => ({
  kommunenummer: municipalities.kommunenummer,
  population: municipalities.population,
  recruitmentChallenged: municipalities.recruitmentChallenged,
  updatedAt: municipalities.updatedAt,
  version: municipalities.version,
  nameLength: sql<number>`length(${municipalities.name})`.mapWith(Number),
  upperName: sql<string>`upper(${municipalities.name})`,
  nothing: sql<null>`null`,
  validFrom: municipalities.validFrom,
  asJson: sql<{ k: string; n: number[] }>`json_build_object('k', ${municipalities.kommunenummer}, 'n', array[1, 2])`,
  anArray: sql<string[]>`array[${municipalities.countyNumber}, null]`,
  aNumeric: sql<string>`12.50::numeric`,
  aliased: sql<string>`'x' || ${municipalities.kommunenummer}`.as('aliased'),
  'odd "key"\\': municipalities.countyNumber,
});

describe('prepared', () => {
  it("maps a plain select's rows as drizzle does, with its own compiled mapper", async () => {
    const { db } = database;
    const statement = prepared(db, 'test_prepared_every_kind', (name) =>
      db.select(everyKind()).from(municipalities).where(sql`${municipalities.kommunenummer} = any(${placeholders('numbers')})`).orderBy(municipalities.kommunenummer).prepare(name),
    );
    expect((statement as unknown as { customResultMapper?: unknown }).customResultMapper).toBeTypeOf('function');
    const numbers = ['0301', '1103', '4601'];
    const fromDrizzle = await db.select(everyKind()).from(municipalities).where(inArray(municipalities.kommunenummer, numbers)).orderBy(municipalities.kommunenummer);
    const compiled = await statement.execute({ numbers });
    expect(compiled).toHaveLength(3);
    expect(compiled).toEqual(fromDrizzle);
    expect(compiled[0]?.updatedAt).toBeInstanceOf(Date);
    expect(compiled[0]?.population).toBeNull();
    expect(compiled[1]?.nameLength).toBeTypeOf('number');
    expect(compiled[0]?.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(compiled[0]?.asJson).toEqual({ k: '0301', n: [1, 2] });
    expect(compiled[0]?.anArray).toEqual(['03', null]);
  });

  it('prices random reads near sequential ones on either engine (client.ts: RANDOM_PAGE_COST)', async () => {
    const { rows } = await database.executeSql('show random_page_cost');
    expect(rows).toEqual([{ random_page_cost: '1.1' }]);
  });

  it("leaves a select of nested objects to drizzle's mapper (a left join's nulls)", () => {
    const { db } = database;
    const statement = prepared(db, 'test_prepared_nested', (name) =>
      db.select({ municipality: { kommunenummer: municipalities.kommunenummer } }).from(municipalities).limit(1).prepare(name),
    );
    expect((statement as unknown as { customResultMapper?: unknown }).customResultMapper).toBeUndefined();
  });
});

describe.skipIf(!TEST_DATABASE_URL)('prepared, run lean on PostgreSQL', () => {
  /** drizzle's node-postgres database keeps its pool as `$client` (not in the shared `Db` type). */
  const poolOf = (db: Database['db']) => (db as unknown as { $client: pg.Pool }).$client;
  const byNumber = (db: Database['db'], name: string) =>
    prepared(db, name, (statementName) =>
      db.select(everyKind()).from(municipalities).where(eq(municipalities.kommunenummer, placeholders('number'))).prepare(statementName),
    );

  it("replaces drizzle's execute, and answers alike on every connection of the pool", async () => {
    const { db } = database;
    const statement = byNumber(db, 'test_lean_every_connection');
    expect(Object.hasOwn(statement, 'execute')).toBe(true);
    const numbers = ['0301', '1103', '4601', '5001', '1804', '3401'];
    const expected = await Promise.all(numbers.map((number) => db.select(everyKind()).from(municipalities).where(eq(municipalities.kommunenummer, number))));
    // The first run describes the columns; the runs after it, on connections that have to parse the
    // statement first, only bind and execute.
    await statement.execute({ number: '0301' });
    const rounds = await Promise.all(Array.from({ length: 5 }, () => Promise.all(numbers.map((number) => statement.execute({ number })))));
    for (const round of rounds) expect(round).toEqual(expected);
  });

  it("keeps a page's statement on its generic plan, however many pages its rows hold", async () => {
    // Without plan_cache_mode=force_generic_plan PostgreSQL plans the first five calls with their values, and
    // every later one too while it expects that to be cheaper: for `limit $n` once the rows hold more than ten
    // pages (its generic plan reckons with a tenth of them). Here 357 municipalities, pages of 2.
    const client = await poolOf(database.db).connect();
    try {
      const page = { name: 'test_generic_page', text: 'select kommunenummer from municipalities order by kommunenummer limit $1', values: [2] };
      for (let call = 0; call < 8; call++) expect((await client.query(page)).rows).toHaveLength(2);
      const [plans] = (await client.query<{ generic: string; custom: string }>("select generic_plans as generic, custom_plans as custom from pg_prepared_statements where name = 'test_generic_page'")).rows;
      expect(plans).toEqual({ generic: '8', custom: '0' });
    } finally {
      client.release();
    }
  });

  it("looks a page's ids up in the index, not by reading the whole table, however small the table", async () => {
    // At PostgreSQL's default random_page_cost (4) the generic plan of `= any($1)` over a table of a few
    // pages (here as agreement_shares at national size: 700 rows, 5 pages) is a sequential scan that
    // compares each row with every id of the page, so that the page costs what the table holds.
    const client = await poolOf(database.db).connect();
    try {
      await client.query(
        'create temp table test_shares (agreement_id uuid, from_date date, percent int, primary key (agreement_id, from_date));' +
          "insert into test_shares select gen_random_uuid(), date '2026-01-01' + n % 365, 50 + n % 50 from generate_series(1, 700) n;" +
          'analyze test_shares',
      );
      const ids = (await client.query<{ id: string }>('select agreement_id as id from test_shares limit 50')).rows.map((row) => row.id);
      const page = { name: 'test_page_ids', text: 'select agreement_id, from_date, percent from test_shares where agreement_id = any($1::uuid[])', values: [ids] };
      for (let call = 0; call < 6; call++) expect((await client.query(page)).rows).toHaveLength(50);
      const explained = await client.query<[string]>({ text: `explain (costs off) execute test_page_ids(${client.escapeLiteral(`{${ids.join(',')}}`)})`, rowMode: 'array' });
      const plan = explained.rows.map((row) => row[0]).join('\n');
      expect(plan).toMatch(/Index Scan (on|using) test_shares_pkey/);
      expect(plan).not.toMatch(/Seq Scan/);
    } finally {
      await client.query('discard temp');
      client.release();
    }
  });

  it('fails as drizzle does, with the database error as the cause, and the statement still runs after', async () => {
    const { db } = database;
    const statement = prepared(db, 'test_lean_failure', (name) =>
      db.select({ n: sql<number>`(${placeholders('text')})::int` }).from(municipalities).limit(1).prepare(name),
    );
    const failure = await statement.execute({ text: 'not a number' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DrizzleQueryError);
    expect((failure as DrizzleQueryError).cause).toMatchObject({ code: '22P02' });
    await expect(statement.execute({ text: '42' })).resolves.toEqual([{ n: 42 }]);
    // A value pg cannot serialise fails before it is sent, and leaves the connection usable.
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(statement.execute({ text: circular })).rejects.toBeInstanceOf(DrizzleQueryError);
    await expect(statement.execute({ text: '7' })).resolves.toEqual([{ n: 7 }]);
  });

  it("runs inside a transaction on the transaction's connection", async () => {
    const { db } = database;
    await db
      .transaction(async (tx) => {
        await tx.update(municipalities).set({ population: 4242 }).where(eq(municipalities.kommunenummer, '4601'));
        const statement = byNumber(tx, 'test_lean_in_transaction');
        expect(Object.hasOwn(statement, 'execute')).toBe(true);
        const [row] = await statement.execute({ number: '4601' });
        expect(row?.population).toBe(4242);
        tx.rollback();
      })
      .catch(() => undefined);
    const [after] = await db.select({ population: municipalities.population }).from(municipalities).where(eq(municipalities.kommunenummer, '4601'));
    expect(after?.population).not.toBe(4242);
  });

  it('sends the runs begun together in one round trip, each answering its own rows', async () => {
    const { db } = database;
    const byNumber1 = byNumber(db, 'test_lean_together_1');
    const byNumber2 = byNumber(db, 'test_lean_together_2');
    const sent = vi.spyOn(poolOf(db), 'query');
    try {
      // Twice: the first time each connection parses and describes the statements on the way.
      for (const numbers of [['0301', '1103', '0301'], ['4601', '5001', '1804']]) {
        sent.mockClear();
        const together = await inOneRoundTrip(() =>
          Promise.all([byNumber1.execute({ number: numbers[0] }), byNumber2.execute({ number: numbers[1] }), byNumber1.execute({ number: numbers[2] })]),
        );
        expect(sent).toHaveBeenCalledTimes(1);
        const alone = await Promise.all(numbers.map((number) => db.select(everyKind()).from(municipalities).where(eq(municipalities.kommunenummer, number))));
        expect(together).toEqual(alone);
      }
    } finally {
      sent.mockRestore();
    }
  });

  it('answers the runs before a failed one, fails the rest, and the connection runs them all after', async () => {
    const pool = poolOf(database.db);
    const client = await pool.connect();
    // Each answers one int column.
    const statement = (name: string, text: string): LeanStatement => ({ name, text, typeParser: () => (value) => Number(value) });
    const double = statement('test_lean_double', 'select ($1::int * 2) as n');
    const asNumber = statement('test_lean_as_number', 'select $1::int as n');
    const negate = statement('test_lean_negate', 'select -($1::int) as n');
    const misspelt = statement('test_lean_misspelt', 'selec $1::int as n');
    const outcomes = (runs: Promise<unknown[][]>[]) => Promise.all(runs.map((run) => run.then((rows) => rows, (error: unknown) => error)));
    try {
      // PostgreSQL fails the second and skips the third, which it has neither parsed nor run.
      const [first, failed, after] = await outcomes(
        inOneRoundTrip(() => [runLean(client, double, [21]), runLean(client, asNumber, ['x']), runLean(client, negate, [5])]),
      );
      expect(first).toEqual([[42]]);
      expect(failed).toBeInstanceOf(DrizzleQueryError);
      expect((failed as DrizzleQueryError).cause).toMatchObject({ code: '22P02' });
      expect(after).toBeInstanceOf(DrizzleQueryError);
      expect((after as DrizzleQueryError).cause).toMatchObject({ message: expect.stringMatching(/^Not run/) as unknown });
      // A statement that does not parse fails the same way.
      const [beforeTypo, typo] = await outcomes(inOneRoundTrip(() => [runLean(client, double, [1]), runLean(client, misspelt, [1])]));
      expect(beforeTypo).toEqual([[2]]);
      expect((typo as DrizzleQueryError).cause).toMatchObject({ code: '42601' });
      // A value pg cannot serialise fails before anything is sent.
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      const [notSent, unserialisable] = await outcomes(inOneRoundTrip(() => [runLean(client, double, [3]), runLean(client, asNumber, [circular])]));
      expect((notSent as DrizzleQueryError).cause).toMatchObject({ message: expect.stringMatching(/^Not run/) as unknown });
      expect(unserialisable).toBeInstanceOf(DrizzleQueryError);
      // The same connection runs every one of them afterwards, alone and together.
      await expect(runLean(client, negate, [5])).resolves.toEqual([[-5]]);
      await expect(Promise.all(inOneRoundTrip(() => [runLean(client, asNumber, ['7']), runLean(client, negate, [2]), runLean(client, double, [4])]))).resolves.toEqual([
        [[7]],
        [[-2]],
        [[8]],
      ]);
    } finally {
      client.release();
    }
  });
});
