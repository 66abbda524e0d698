import type { CreateUserRequest, UpdateUserRequest, User, listUsersQuery } from '@alis/shared';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, invalidField, notFound } from '../../lib/app-error.js';
import { diff, recordAudit } from '../../lib/audit.js';
import { decodeCursor, encodeCursor, pageFrom } from '../../lib/cursor.js';
import { rowsAndTotal } from '../../lib/list.js';
import { assertVersion } from '../../lib/etag.js';
import type { RequestContext } from '../../lib/request-context.js';
import { Service } from '../../lib/service.js';
import type { Versioned } from '../../lib/versioned.js';
import { assertOfficeExists } from '../reference/reference.service.js';
import { hashPassword } from '../../lib/secrets.js';
import { authRepo } from '../auth/auth.repo.js';
import { type UserRow, usersRepo } from './users.repo.js';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    officeCode: row.officeCode,
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a user: never the password hash. */
const auditView = (row: UserRow) => ({
  email: row.email,
  name: row.name,
  role: row.role,
  officeCode: row.officeCode,
  active: row.active,
});

const cursorSchema = z.object({ e: z.string() });

const versionedUser = (row: UserRow): Versioned<User> => ({ resource: toUser(row), version: row.version });

export class UsersService extends Service {
  async list({ limit, cursor, ...filter }: z.output<typeof listUsersQuery>) {
    const after = decodeCursor(cursor, cursorSchema);
    const [rows, total] = await rowsAndTotal(
      () => usersRepo.list(this.db, filter, after?.e, limit + 1),
      () => usersRepo.total(this.db, filter),
    );
    return pageFrom(rows, limit, toUser, (row) => encodeCursor({ e: row.email }), total);
  }

  async get(id: string): Promise<Versioned<User>> {
    const row = await usersRepo.findById(this.db, id);
    if (!row) throw notFound('The user');
    return versionedUser(row);
  }

  async create(context: RequestContext, input: CreateUserRequest): Promise<Versioned<User>> {
    await assertOfficeExists(this.db, 'officeCode', input.officeCode);
    const passwordHash = await hashPassword(input.password);
    return context.transact(async (tx) => {
      const row = await usersRepo.insert(tx, {
        email: input.email,
        name: input.name,
        role: input.role,
        officeCode: input.role === 'office' ? (input.officeCode ?? null) : null,
        passwordHash,
        // The administrator chose the password: it is good for one login, to set the user's own.
        mustChangePassword: true,
      });
      if (!row) {
        const existing = await usersRepo.findByEmail(tx, input.email);
        if (!existing) throw new AppError('conflict', `A user with the e-mail ${input.email} was created at the same moment; try again.`, { reason: 'created_concurrently' });
        throw new AppError('already_exists', `A user with the e-mail ${input.email} already exists.`, { existingId: existing.id });
      }
      await recordAudit(tx, context, { action: 'user.created', entityType: 'user', entityId: row.id, after: auditView(row) });
      return versionedUser(row);
    });
  }

  async update(context: RequestContext, id: string, input: UpdateUserRequest, expected: number | undefined): Promise<Versioned<User>> {
    await assertOfficeExists(this.db, 'officeCode', input.officeCode);
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    const result = await context.transact(async (tx) => {
      const current = await usersRepo.findById(tx, id, { forUpdate: true });
      if (!current) throw notFound('The user');
      assertVersion(expected, current.version, 'The user');

      const role = input.role ?? current.role;
      const officeCode = input.officeCode !== undefined ? input.officeCode : role === 'office' ? current.officeCode : null;
      if (role === 'office' && !officeCode) throw invalidField({ path: 'officeCode', code: 'required', message: 'an office user needs an officeCode' });
      if (role !== 'office' && officeCode) {
        throw invalidField({ path: 'officeCode', code: 'not_allowed', message: 'only office users belong to an office', params: { reason: 'office_user_only' } });
      }
      const active = input.active ?? current.active;

      const losesAdmin = current.role === 'admin' && current.active && (role !== 'admin' || !active);
      if (losesAdmin && (await usersRepo.lockOtherActiveAdmins(tx, id)) === 0) {
        throw new AppError('conflict', 'This is the last active administrator; make another user admin first.', { reason: 'last_admin' });
      }

      const accessChanged =
        role !== current.role || officeCode !== current.officeCode || active !== current.active || passwordHash !== undefined;
      const row = await usersRepo.update(tx, id, {
        name: input.name ?? current.name,
        role,
        officeCode,
        active,
        // A password an administrator sets for someone else is a one-time password.
        ...(passwordHash ? { passwordHash, mustChangePassword: context.principal.id !== id } : {}),
        ...(accessChanged ? { tokenVersion: current.tokenVersion + 1 } : {}),
      });
      if (accessChanged) await authRepo.revokeAllForUser(tx, id);
      const changes = diff(auditView(current), auditView(row));
      if (changes || passwordHash) {
        await recordAudit(tx, context, {
          action: passwordHash ? 'user.password_changed' : 'user.updated',
          entityType: 'user',
          entityId: id,
          before: changes?.before ?? null,
          after: changes?.after ?? null,
        });
      }
      return row;
    });
    if (result.tokenVersion > 0) this.deps.revocations.userChanged(result.id, result.tokenVersion);
    return versionedUser(result);
  }
}

/** Makes the first admin when no user exists yet (at start-up, outside any request); answers whether it made one. */
export async function ensureFirstAdmin(db: Db, admin: { email: string; password: string; name?: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    if ((await usersRepo.count(tx)) > 0) return false;
    const row = await usersRepo.insert(tx, {
      email: admin.email.trim().toLowerCase(),
      name: admin.name ?? 'Administrator',
      role: 'admin',
      officeCode: null,
      passwordHash: await hashPassword(admin.password),
    });
    if (!row) return false;
    await recordAudit(tx, null, { action: 'user.created', entityType: 'user', entityId: row.id, after: auditView(row) });
    return true;
  });
}
