import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import fp from 'fastify-plugin';
import { type Role, type Scope, clientRoles, scopes as allScopes, staffRoles } from '@alis/shared';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { AppError, isAppError } from '../lib/app-error.js';
import { type Principal, STAFF_SCOPES } from '../lib/principal.js';
import { unauthorized } from '../lib/request-context.js';
import { authRepo } from '../modules/auth/auth.repo.js';
import { ExternalTokenVerifier, externalIssuerOf } from '../lib/external-tokens.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** No access token needed (login, token, refresh). */
    public?: boolean;
    /** Roles allowed to call the route; others get 403. Every role when absent. */
    roles?: readonly Role[];
    /** Scope the token must hold; `read` for GET/HEAD and `write` otherwise when absent. */
    scope?: Scope;
  }
  interface FastifyRequest {
    /** The verified caller; null on public routes and before authentication. */
    principal: Principal | null;
  }
  interface FastifyInstance {
    tokenRevocations: TokenRevocations;
    accessTokens: AccessTokens;
    verifiedTokens: VerifiedTokens;
    /** Verifies tokens of the configured external issuer (Maskinporten); null when none is configured. */
    externalTokens: ExternalTokenVerifier | null;
  }
}

const ISSUER = 'alis-registry';

const claimsSchema = z.discriminatedUnion('typ', [
  z.object({
    typ: z.literal('user'),
    sub: z.uuid(),
    role: z.enum(staffRoles),
    off: z.string().nullable(),
    tv: z.number().int(),
    sid: z.string(),
    /** The user holds a one-time password: only `/auth/*` answers until they set their own. */
    pwc: z.literal(true).optional(),
    iat: z.number(),
  }),
  z.object({
    typ: z.literal('client'),
    sub: z.string(),
    role: z.enum(clientRoles),
    kn: z.string().nullable(),
    scope: z.string(),
    iat: z.number(),
  }),
]);
export type AccessTokenClaims =
  | { typ: 'user'; sub: string; role: (typeof staffRoles)[number]; off: string | null; tv: number; sid: string; pwc?: true }
  | { typ: 'client'; sub: string; role: (typeof clientRoles)[number]; kn: string | null; scope: string };

/** Issues the API's own access tokens (staff after login, clients at the token endpoint). */
export interface AccessTokens {
  sign(claims: AccessTokenClaims): Promise<string>;
  readonly ttlSeconds: number;
}

/**
 * Access tokens are stateless, so revocation is checked against a small list each instance keeps
 * fresh from the database: users whose token version moved on, sessions ended (logged out, or a
 * reused refresh token) within an access token's lifetime, and revoked clients. Nothing here needs
 * sharing between instances; every instance polls the same tables.
 */
export class TokenRevocations {
  private userVersions = new Map<string, number>();
  private endedSessions = new Set<string>();
  private revokedClients = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly ttlSeconds: number,
  ) {}

  async refresh(): Promise<void> {
    const { userVersions, endedSessionIds, revokedClientIds } = await authRepo.revocations(this.db, this.ttlSeconds);
    this.userVersions = new Map(userVersions.map((row) => [row.id, row.tokenVersion]));
    this.endedSessions = new Set(endedSessionIds);
    this.revokedClients = new Set(revokedClientIds);
  }

  start(intervalMs: number, onError: (error: unknown) => void) {
    this.timer = setInterval(() => void this.refresh().catch(onError), intervalMs);
    this.timer.unref();
  }

  stop() {
    clearInterval(this.timer);
  }

  /** Called by the instance that made the change so it takes effect here at once. */
  userChanged(id: string, tokenVersion: number) {
    this.userVersions.set(id, tokenVersion);
  }

  clientRevoked(clientId: string) {
    this.revokedClients.add(clientId);
  }

  sessionEnded(sessionId: string) {
    this.endedSessions.add(sessionId);
  }

  isRevoked(claims: z.infer<typeof claimsSchema>): boolean {
    if (claims.typ === 'client') return this.revokedClients.has(claims.sub);
    return (this.userVersions.get(claims.sub) ?? 0) > claims.tv || this.endedSessions.has(claims.sid);
  }
}

export interface AuthOptions {
  jwtSecret: string;
  revocationPollMs?: number;
}

export const authPlugin = fp<AuthOptions>(
  async (app: FastifyInstance, options) => {
    const ttlSeconds = app.config.ACCESS_TOKEN_TTL_SECONDS;
    await app.register(fastifyJwt, {
      secret: options.jwtSecret,
      sign: { algorithm: 'HS256', iss: ISSUER, expiresIn: ttlSeconds },
      // Verified once per token by `VerifiedTokens`, which keeps the result.
      verify: { algorithms: ['HS256'], allowedIss: ISSUER },
    });
    const revocations = new TokenRevocations(app.database.db, ttlSeconds);
    app.decorate('tokenRevocations', revocations);
    app.decorate('verifiedTokens', new VerifiedTokens((token) => app.jwt.verify(token)));
    app.decorate('accessTokens', { sign: (claims: AccessTokenClaims) => Promise.resolve(app.jwt.sign(claims)), ttlSeconds });
    const external = externalIssuerOf(app.config);
    app.decorate('externalTokens', external ? new ExternalTokenVerifier(external, app.database.db) : null);
    app.decorateRequest('principal', null);
    app.addHook('onReady', async () => {
      await revocations.refresh();
      revocations.start(options.revocationPollMs ?? 5_000, (error) => app.log.warn({ err: error }, 'token revocation refresh failed'));
    });
    app.addHook('onClose', () => revocations.stop());
  },
  { name: 'auth', dependencies: ['core'] },
);

function principalOf(claims: z.infer<typeof claimsSchema>): Principal {
  if (claims.typ === 'user') {
    return { kind: 'user', id: claims.sub, role: claims.role, officeCode: claims.off, kommunenummer: null, scopes: STAFF_SCOPES[claims.role] };
  }
  const granted = claims.scope.split(' ').filter((scope): scope is Scope => (allScopes as readonly string[]).includes(scope));
  return { kind: 'client', id: claims.sub, role: claims.role, officeCode: null, kommunenummer: claims.kn, scopes: granted };
}

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) throw unauthorized('Send an access token as "Authorization: Bearer <token>".');
  return header.slice('Bearer '.length).trim();
}

/** What a verified access token of the API's own says: its claims and the caller they make. */
interface VerifiedToken {
  claims: z.infer<typeof claimsSchema>;
  principal: Principal;
  oneTimePassword: boolean;
  expiresAtMs: number;
}

/**
 * The API's own access tokens, verified once: a client sends the same token with every request until
 * it expires, and checking its signature, decoding and parsing its claims cost more than the rest of
 * a small GET's authentication. Kept by the token's exact text (only a token whose signature was
 * checked gets in) until it expires, at most `capacity` of them (the oldest go first). Revocation is
 * not cached: `TokenRevocations` is asked on every request.
 */
export class VerifiedTokens {
  private readonly byToken = new Map<string, VerifiedToken>();

  constructor(
    private readonly verify: (token: string) => unknown,
    private readonly capacity = 10_000,
  ) {}

  /** The token's claims and caller; throws 401 when its signature, issuer, expiry or claims are wrong. */
  get(token: string, now = Date.now()): VerifiedToken {
    const known = this.byToken.get(token);
    if (known && known.expiresAtMs > now) return known;
    if (known) this.byToken.delete(token);
    let decoded: unknown;
    try {
      decoded = this.verify(token);
    } catch {
      throw unauthorized('The access token is invalid or has expired.');
    }
    const parsed = claimsSchema.safeParse(decoded);
    const exp = (decoded as { exp?: unknown } | null)?.exp;
    if (!parsed.success || typeof exp !== 'number') throw unauthorized('The access token is invalid or has expired.');
    const claims = parsed.data;
    const verified: VerifiedToken = {
      claims,
      principal: Object.freeze(principalOf(claims)),
      oneTimePassword: claims.typ === 'user' && claims.pwc === true,
      expiresAtMs: exp * 1000,
    };
    if (this.byToken.size >= this.capacity) this.byToken.delete(this.byToken.keys().next().value as string);
    this.byToken.set(token, verified);
    return verified;
  }
}

/**
 * The hook every `/api/v1` route passes through: verifies the bearer token, then the route's role
 * and scope requirements. Routes opt out with `config.public`. A callback hook, not an async one: the
 * API's own tokens are checked without waiting for anything, and every request passes here, so it
 * makes no promise unless an external issuer's token has to be looked up.
 */
export function authenticate(this: FastifyInstance, request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) {
  if (request.routeOptions.config.public) {
    done();
    return;
  }
  let admission: AppError | undefined;
  try {
    this.rateLimits.rejectedTokens.assertNotLimited(() => request.ip, 'Too many requests without a valid access token from this address; wait a minute.');
    const token = bearerToken(request);
    const external = this.externalTokens;
    if (external?.claims(token)) {
      external.principal(token).then(
        (principal) => done(admitted(request, principal, false)),
        (error: unknown) => refuse(this, request, error, done),
      );
      return;
    }
    const verified = this.verifiedTokens.get(token);
    if (this.tokenRevocations.isRevoked(verified.claims)) throw unauthorized('The access token has been revoked.');
    admission = admitted(request, verified.principal, verified.oneTimePassword);
  } catch (error) {
    refuse(this, request, error, done);
    return;
  }
  done(admission);
}

/** Ends authentication with `error`; an address that keeps sending missing, invalid or revoked tokens is counted, and refused before any work once over its limit. */
function refuse(app: FastifyInstance, request: FastifyRequest, error: unknown, done: HookHandlerDoneFunction) {
  if (!isAppError(error) || error.code === 'unauthorized') {
    try {
      app.rateLimits.rejectedTokens.hit(request.ip);
    } catch (limited) {
      done(limited as Error);
      return;
    }
  }
  done(error as Error);
}

/** Sets the caller on the request when the route lets them in; else the error that refuses them. */
function admitted(request: FastifyRequest, principal: Principal, oneTimePassword: boolean): AppError | undefined {
  request.principal = principal;
  const config = request.routeOptions.config;
  // A one-time password from an administrator is good for setting one's own, and nothing else.
  const url = request.routeOptions.url ?? '';
  if (oneTimePassword && !url.startsWith('/api/v1/auth/') && url !== '/api/v1/me') {
    return new AppError('forbidden', 'Change your one-time password first (POST /api/v1/auth/password).');
  }
  if (config.roles && !config.roles.includes(principal.role)) {
    return new AppError('forbidden', `The ${principal.role} role may not use this endpoint.`);
  }
  const needed: Scope = config.scope ?? (request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write');
  if (!principal.scopes.includes(needed)) {
    return new AppError('forbidden', `The access token lacks the "${needed}" scope.`);
  }
  return undefined;
}
