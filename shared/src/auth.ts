import { z } from 'zod';
import { email } from './common.js';

export const staffRoles = ['admin', 'office', 'directorate'] as const;
export const staffRole = z.enum(staffRoles);
export type StaffRole = z.infer<typeof staffRole>;

export const clientRoles = ['municipality', 'directorate'] as const;
export const clientRole = z.enum(clientRoles);
export type ClientRole = z.infer<typeof clientRole>;

export type Role = StaffRole | ClientRole;


export const loginRequest = z
  .object({ email, password: z.string().min(1).max(1024) })
  .strict()
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof loginRequest>;

export const sessionUser = z
  .object({
    id: z.uuid(),
    email: z.string().max(254),
    name: z.string().max(200),
    role: staffRole,
    officeCode: z.string().max(16).nullable(),
    mustChangePassword: z
      .boolean()
      .describe('The password is a one-time password from an administrator: until the user sets their own (`POST /auth/password`), only `/auth/*` answers.'),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof sessionUser>;

export const loginResponse = z
  .object({
    accessToken: z.string().max(4096),
    expiresIn: z.number().int().describe('Seconds until the access token expires.'),
    user: sessionUser,
  })
  .meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof loginResponse>;

/** Who is calling: a staff user or a machine client. */
export const me = z
  .object({
    kind: z.enum(['user', 'client']),
    id: z.string().max(128),
    role: z.enum(['admin', 'office', 'directorate', 'municipality']),
    name: z.string().max(200),
    email: z.string().max(254).nullable(),
    officeCode: z.string().max(16).nullable(),
    kommunenummer: z.string().max(4).nullable(),
    scopes: z.array(z.string().max(16)).max(3),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;

/** RFC 6749 § 4.4 client credentials request (form-encoded). */
export const tokenRequest = z
  .object({
    grant_type: z.string().max(64).optional(),
    client_id: z.string().max(256).optional(),
    client_secret: z.string().max(1024).optional(),
    scope: z.string().max(256).optional(),
  })
  .meta({ id: 'TokenRequest' });

export const tokenResponse = z
  .object({
    access_token: z.string().max(4096),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int(),
    scope: z.string().max(256),
  })
  .meta({ id: 'TokenResponse' });
export type TokenResponse = z.infer<typeof tokenResponse>;

/** RFC 6749 § 5.2 error response. */
export const oauthError = z
  .object({
    error: z.enum([
      'invalid_request',
      'invalid_client',
      'invalid_grant',
      'unauthorized_client',
      'unsupported_grant_type',
      'invalid_scope',
      'temporarily_unavailable',
    ]),
    error_description: z.string().max(2000).optional(),
  })
  .meta({ id: 'OAuthError' });

/** Scopes a machine client may be granted, by role. */
export const scopes = ['read', 'write', 'decide'] as const;
export type Scope = (typeof scopes)[number];
/**
 * Scopes a machine client may be granted, by role. A client can ask for fewer (a read-only token
 * for a reporting job); staff users hold every scope of their role.
 */
export const CLIENT_SCOPES: Record<ClientRole, readonly Scope[]> = {
  municipality: ['read', 'write'],
  directorate: ['read', 'decide'],
};
