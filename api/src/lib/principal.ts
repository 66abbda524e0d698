import type { ClientRole, Scope, StaffRole } from '@alis/shared';

/** Who is calling, as established from a verified access token. */
export type Principal =
  | { kind: 'user'; id: string; role: StaffRole; officeCode: string | null; kommunenummer: null; scopes: readonly Scope[] }
  | {
      kind: 'client';
      id: string;
      role: ClientRole;
      officeCode: null;
      kommunenummer: string | null;
      scopes: readonly Scope[];
      /** Set when the token came from an external issuer (Maskinporten) rather than the token endpoint. */
      external?: ExternalIdentity;
    };

/** Who an external issuer's token names: the municipality (consumer) and the vendor acting for it (supplier). */
export interface ExternalIdentity {
  issuer: string;
  /** `consumer.ID`, "0192:<organisation number>". */
  consumer: string;
  /** `supplier.ID` when a vendor calls on the consumer's behalf; null otherwise. */
  supplier: string | null;
}

export const STAFF_SCOPES: Record<StaffRole, readonly Scope[]> = {
  admin: ['read', 'write', 'decide'],
  office: ['read', 'write'],
  directorate: ['read', 'decide'],
};

/** Key that scopes per-caller state (idempotency keys, rate limits). */
export const callerKey = (principal: Principal) => `${principal.kind}:${principal.id}`;
