import type { ClientRole, Scope, StaffRole } from '@alis/shared';

/** Who is calling, as established from a verified access token. */
export type Principal =
  | { kind: 'user'; id: string; role: StaffRole; officeCode: string | null; kommunenummer: null; scopes: readonly Scope[] }
  | { kind: 'client'; id: string; role: ClientRole; officeCode: null; kommunenummer: string | null; scopes: readonly Scope[] };

export const STAFF_SCOPES: Record<StaffRole, readonly Scope[]> = {
  admin: ['read', 'write', 'decide'],
  office: ['read', 'write'],
  directorate: ['read', 'decide'],
};

/** Key that scopes per-caller state (idempotency keys, rate limits). */
export const callerKey = (principal: Principal) => `${principal.kind}:${principal.id}`;
