import { z } from 'zod';
import { staffRole } from './auth.js';
import { email } from './common.js';
import { officeCode } from './identifiers.js';
import { pageQuery, queryBoolean, timestamp } from './common.js';

export const PASSWORD_MIN_LENGTH = 12;
export const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256);

export const user = z
  .object({
    id: z.uuid(),
    email: z.string().max(254),
    name: z.string().max(200),
    role: staffRole,
    officeCode: z.string().max(16).nullable(),
    active: z.boolean(),
    mustChangePassword: z.boolean().describe('Given a one-time password that the user has not replaced yet.'),
    lastLoginAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof user>;

const officeRule = (value: { role?: string; officeCode?: string | null }, ctx: z.RefinementCtx) => {
  if (value.role === 'office' && !value.officeCode) {
    ctx.addIssue({ code: 'custom', path: ['officeCode'], message: 'an office user needs an officeCode', params: { code: 'required' } });
  }
  if (value.role !== undefined && value.role !== 'office' && value.officeCode) {
    ctx.addIssue({
      code: 'custom',
      path: ['officeCode'],
      message: 'only office users belong to an office',
      params: { code: 'not_allowed', reason: 'office_user_only' },
    });
  }
};

export const createUserRequest = z
  .object({
    email,
    name: z.string().trim().min(1).max(200),
    role: staffRole,
    officeCode: officeCode.nullable().optional(),
    password: password.describe('A one-time password: the user sets their own at the first login (`mustChangePassword`).'),
  })
  .strict()
  .superRefine(officeRule)
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const updateUserRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: staffRole,
    officeCode: officeCode.nullable(),
    active: z.boolean(),
    password,
  })
  .partial()
  .strict()
  .meta({ id: 'UpdateUserRequest' });
export type UpdateUserRequest = z.infer<typeof updateUserRequest>;

export const listUsersQuery = z
  .object({
    role: staffRole.optional(),
    officeCode: officeCode.optional(),
    active: queryBoolean.optional(),
    ...pageQuery,
  })
  .strict();

/** A staff user changes their own password: the current one, and the new one (at least 12 characters, not the same). */
export const changePasswordRequest = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: password,
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.currentPassword === value.newPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['newPassword'],
        message: 'the new password must differ from the current one',
        params: { code: 'not_allowed', reason: 'same_password' },
      });
    }
  })
  .meta({ id: 'ChangePasswordRequest', examples: [{ currentPassword: 'the one-time password', newPassword: 'a long passphrase of my own' }] });
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;
