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
    password,
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
