import { and, asc, count, eq, gt, ne, sql } from 'drizzle-orm';
import type { Total } from '@alis/shared';
import type { Executor } from '../../db/client.js';
import { type Bind, equalToGiven, inline } from '../../db/prepared.js';
import { ONE, statementName, totalOf } from '../../lib/list.js';
import { users } from '../../db/schema.js';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

export interface UserFilter {
  role?: UserRow['role'] | undefined;
  officeCode?: string | undefined;
  active?: boolean | undefined;
}

const matching = (filter: UserFilter, bind: Bind) =>
  and(
    ...equalToGiven(filter, bind, { role: users.role, officeCode: users.officeCode, active: users.active }),
  );

export const usersRepo = {
  async count(db: Executor): Promise<number> {
    const [row] = await db.select({ n: count() }).from(users);
    return row?.n ?? 0;
  },

  async findById(db: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<UserRow | undefined> {
    const query = db.select().from(users).where(eq(users.id, id));
    const [row] = options.forUpdate ? await query.for('update') : await query;
    return row;
  },

  async findByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
    const [row] = await db.select().from(users).where(eq(users.email, email));
    return row;
  },

  async list(db: Executor, filter: UserFilter, afterEmail: string | undefined, limit: number): Promise<UserRow[]> {
    return db
      .select()
      .from(users)
      .where(and(matching(filter, inline({ ...filter })), afterEmail ? gt(users.email, afterEmail) : undefined))
      .orderBy(asc(users.email))
      .limit(limit);
  },

  total(db: Executor, filter: UserFilter): Promise<Total> {
    return totalOf(
      db,
      statementName('users_total', [filter.role !== undefined, filter.officeCode !== undefined, filter.active !== undefined]),
      (bind) => db.select({ one: ONE }).from(users).where(matching(filter, bind)).$dynamic(),
      { ...filter },
    );
  },

  /** Returns undefined when the e-mail is taken (the unique index decides, so races are safe). */
  async insert(db: Executor, row: NewUserRow): Promise<UserRow | undefined> {
    const [inserted] = await db.insert(users).values(row).onConflictDoNothing({ target: users.email }).returning();
    return inserted;
  },

  async update(db: Executor, id: string, changes: Partial<NewUserRow>): Promise<UserRow> {
    const [row] = await db
      .update(users)
      .set({ ...changes, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning();
    if (!row) throw new Error(`user ${id} vanished inside its transaction`);
    return row;
  },

  async touchLogin(db: Executor, id: string): Promise<void> {
    await db.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, id));
  },

  /** Locks the active admins other than `exceptId`, so two demotions cannot both pass the check. */
  async lockOtherActiveAdmins(db: Executor, exceptId: string): Promise<number> {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, exceptId)))
      .for('update');
    return rows.length;
  },
};
