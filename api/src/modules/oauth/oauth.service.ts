import { CLIENT_SCOPES, type TokenResponse } from '@alis/shared';
import type { Db } from '../../db/client.js';
import { sameSecret } from '../../lib/secrets.js';
import type { AccessTokenClaims } from '../../plugins/auth.js';
import { apiClientsRepo } from '../api-clients/api-clients.repo.js';

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'unauthorized_client';

/** An RFC 6749 § 5.2 error: the token endpoint answers in OAuth's format, not as a problem. */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
  ) {
    super(description);
  }
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export class OAuthService {
  constructor(
    private readonly db: Db,
    private readonly sign: (claims: AccessTokenClaims) => Promise<string>,
    private readonly ttlSeconds: number,
  ) {}

  async clientCredentialsGrant(credentials: ClientCredentials, requestedScope: string | undefined): Promise<TokenResponse> {
    const client = await apiClientsRepo.findByClientId(this.db, credentials.clientId);
    // One answer for unknown, wrong secret and revoked: nothing tells an attacker which it was.
    if (!client || !sameSecret(client.secretHash, credentials.clientSecret) || client.revokedAt) {
      throw new OAuthError('invalid_client', 'Client authentication failed.');
    }
    const allowed = CLIENT_SCOPES[client.role];
    const requested = requestedScope?.split(' ').filter(Boolean) ?? [...allowed];
    const refused = requested.filter((scope) => !(allowed as readonly string[]).includes(scope));
    if (refused.length > 0) {
      throw new OAuthError('invalid_scope', `Scope not available to this client: ${refused.join(' ')}. Allowed: ${allowed.join(' ')}.`);
    }
    const scope = [...new Set(requested)].join(' ');
    const accessToken = await this.sign({ typ: 'client', sub: client.clientId, role: client.role, kn: client.kommunenummer, scope });
    return { access_token: accessToken, token_type: 'Bearer', expires_in: this.ttlSeconds, scope };
  }
}
