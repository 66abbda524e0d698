import { type JWTPayload, createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify } from 'jose';
import { type Scope, isValidOrganisationNumber } from '@alis/shared';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Executor } from '../db/client.js';
import { municipalitiesRepo } from '../modules/municipalities/municipalities.repo.js';
import { AppError } from './app-error.js';
import type { Principal } from './principal.js';
import { unauthorized } from './request-context.js';

/** Signature algorithms accepted from an external issuer; anything else (HS*, none, RS384 …) is refused. */
export const EXTERNAL_ALGORITHMS = ['RS256', 'ES256'] as const;

/** ISO 6523 actor id of a Norwegian organisation: "0192:" and the organisation number. */
const ORGANISATION_ID = /^0192:(\d{9})$/;

const organisationId = z.object({ ID: z.string().max(64) }).loose();

/** The claims the registry reads from a Maskinporten access token (others are ignored). */
const externalClaims = z
  .object({
    consumer: organisationId,
    supplier: organisationId.optional(),
    scope: z.string().max(4000),
    client_id: z.string().min(1).max(200).optional(),
  })
  .loose();

/** jose's errors that mean the token itself is wrong (as opposed to its issuer's keys being unreachable). */
const TOKEN_ERRORS = new Set<string>([
  joseErrors.JWTExpired.code,
  joseErrors.JWTClaimValidationFailed.code,
  joseErrors.JOSEAlgNotAllowed.code,
  joseErrors.JOSENotSupported.code,
  joseErrors.JWSSignatureVerificationFailed.code,
  joseErrors.JWKSNoMatchingKey.code,
  joseErrors.JWKSMultipleMatchingKeys.code,
  joseErrors.JWSInvalid.code,
  joseErrors.JWTInvalid.code,
  joseErrors.JWKInvalid.code,
]);

const INVALID = 'The access token is invalid or has expired.';

/** Why a token failed, for the caller: which check (never the token or key material). */
function verificationProblem(error: unknown): AppError {
  if (error instanceof joseErrors.JOSEError && TOKEN_ERRORS.has(error.code)) {
    if (error instanceof joseErrors.JWTExpired) return unauthorized('The access token has expired.');
    if (error instanceof joseErrors.JWTClaimValidationFailed) return unauthorized(`The access token's "${error.claim}" claim is not accepted (${error.reason}).`);
    if (error instanceof joseErrors.JOSEAlgNotAllowed) return unauthorized(`The access token is signed with an algorithm not accepted here; use ${EXTERNAL_ALGORITHMS.join(' or ')}.`);
    if (error instanceof joseErrors.JWKSNoMatchingKey) return unauthorized("No key of the issuer's key set matches the access token's key id.");
    return unauthorized(INVALID);
  }
  // The key set could not be fetched or read: nothing is wrong with the caller's token as far as we know.
  return new AppError('service_unavailable', "The keys of the access token's issuer could not be fetched; retry shortly.", {
    headers: { 'retry-after': '5' },
  });
}

export interface ExternalIssuerSettings {
  issuer: string;
  jwksUrl: string;
  audience: string;
  scopePrefix: string;
  clockToleranceSeconds: number;
  jwksCooldownSeconds: number;
}

export function externalIssuerOf(config: Readonly<Config>): ExternalIssuerSettings | null {
  const { MASKINPORTEN_ISSUER: issuer, MASKINPORTEN_JWKS_URL: jwksUrl, MASKINPORTEN_AUDIENCE: audience, MASKINPORTEN_SCOPE_PREFIX: scopePrefix } = config;
  if (!issuer || !jwksUrl || !audience || !scopePrefix) return null;
  return {
    issuer,
    jwksUrl,
    audience,
    scopePrefix,
    clockToleranceSeconds: config.MASKINPORTEN_CLOCK_TOLERANCE_SECONDS,
    jwksCooldownSeconds: config.MASKINPORTEN_JWKS_COOLDOWN_SECONDS,
  };
}

/** The scopes `<prefix>:read` and `<prefix>:write` give: a municipality client's read-only or read-write access. */
export function scopesOf(scopeClaim: string, prefix: string): Scope[] {
  const granted = new Set(scopeClaim.split(' ').filter(Boolean));
  if (granted.has(`${prefix}:write`)) return ['read', 'write'];
  if (granted.has(`${prefix}:read`)) return ['read'];
  return [];
}

/**
 * Verifies access tokens from an external issuer (Maskinporten) against its published keys: the
 * key set is fetched once and cached, and fetched again when a token names a key id it lacks (at
 * most once per cooldown). A verified token becomes a municipality client of the municipality
 * whose organisation number is the token's `consumer.ID`.
 */
export class ExternalTokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    private readonly settings: ExternalIssuerSettings,
    private readonly db: Executor,
  ) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl), {
      cooldownDuration: settings.jwksCooldownSeconds * 1000,
      timeoutDuration: 5_000,
    });
  }

  /** Whether the token claims to come from this issuer (unverified: only to choose how to verify it). */
  claims(token: string): boolean {
    try {
      return decodeJwt(token).iss === this.settings.issuer;
    } catch {
      return false;
    }
  }

  async principal(token: string): Promise<Principal> {
    const { issuer, audience, scopePrefix, clockToleranceSeconds } = this.settings;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer,
        audience,
        algorithms: [...EXTERNAL_ALGORITHMS],
        clockTolerance: clockToleranceSeconds,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw verificationProblem(error);
    }
    const parsed = externalClaims.safeParse(payload);
    if (!parsed.success) throw unauthorized('The access token lacks the "consumer" or "scope" claim.');
    const { consumer, supplier, scope, client_id: clientId } = parsed.data;

    const scopes = scopesOf(scope, scopePrefix);
    if (scopes.length === 0) {
      throw new AppError('forbidden', `The access token has neither the "${scopePrefix}:read" nor the "${scopePrefix}:write" scope.`);
    }
    const organisationNumber = ORGANISATION_ID.exec(consumer.ID)?.[1];
    if (!organisationNumber || !isValidOrganisationNumber(organisationNumber)) {
      throw unauthorized('The access token\'s "consumer.ID" is not "0192:" followed by a valid organisation number.');
    }
    const municipality = await municipalitiesRepo.findByOrganisationNumber(this.db, organisationNumber);
    if (!municipality) {
      throw new AppError(
        'forbidden',
        `No municipality in the registry has organisation number ${organisationNumber} (the token's consumer); an ALIS office or admin records it on the municipality.`,
      );
    }
    return {
      kind: 'client',
      id: `maskinporten:${clientId ?? consumer.ID}`,
      role: 'municipality',
      officeCode: null,
      kommunenummer: municipality.kommunenummer,
      scopes,
      external: { issuer, consumer: consumer.ID, supplier: supplier?.ID ?? null },
    };
  }
}
