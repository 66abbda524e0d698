// The row mapper `prepared` gives a plain select must map rows exactly as drizzle's own does.
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { placeholders, prepared } from '../src/db/prepared.js';
import { municipalities } from '../src/db/schema.js';
import { createTestDatabase } from './support/build-app.js';

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
  });

  it("leaves a select of nested objects to drizzle's mapper (a left join's nulls)", () => {
    const { db } = database;
    const statement = prepared(db, 'test_prepared_nested', (name) =>
      db.select({ municipality: { kommunenummer: municipalities.kommunenummer } }).from(municipalities).limit(1).prepare(name),
    );
    expect((statement as unknown as { customResultMapper?: unknown }).customResultMapper).toBeUndefined();
  });
});
