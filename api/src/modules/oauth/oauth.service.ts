import { CLIENT_SCOPES, type TokenResponse } from '@alis/shared';
import { sameSecret } from '../../lib/secrets.js';
import { Service } from '../../lib/service.js';
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

const TOO_MANY = 'Too many token requests.';

export class OAuthService extends Service {
  /**
   * Counts a request from `ip` against the token endpoint's limit; before anything else is looked
   * at, so guessing is limited per address too.
   */
  async limitAddress(ip: string): Promise<void> {
    await this.deps.limiter.hit(`token:ip:${ip}`, this.deps.config.TOKEN_RATE_LIMIT_PER_MINUTE, 60, TOO_MANY);
  }

  /**
   * Wrong secrets are counted per client and address, never per client alone: someone guessing
   * elsewhere cannot lock the real client out (the per-address limit above also holds them back).
   */
  async clientCredentialsGrant(credentials: ClientCredentials, requestedScope: string | undefined, ip: string): Promise<TokenResponse> {
    const { limiter, config, accessTokens } = this.deps;
    const clientAtAddress = `token:fail:client:${credentials.clientId}:ip:${ip}`;
    await limiter.assertBelow(clientAtAddress, config.TOKEN_RATE_LIMIT_PER_MINUTE, 60, TOO_MANY);
    const client = await apiClientsRepo.findByClientId(this.db, credentials.clientId);
    // One answer for unknown, wrong secret and revoked: nothing tells an attacker which it was.
    if (!client || !sameSecret(client.secretHash, credentials.clientSecret) || client.revokedAt) {
      await limiter.countFailure([clientAtAddress], 60);
      throw new OAuthError('invalid_client', 'Client authentication failed.');
    }
    const allowed = CLIENT_SCOPES[client.role];
    const requested = requestedScope?.split(' ').filter(Boolean) ?? [...allowed];
    const refused = requested.filter((scope) => !(allowed as readonly string[]).includes(scope));
    if (refused.length > 0) {
      throw new OAuthError('invalid_scope', `Scope not available to this client: ${refused.join(' ')}. Allowed: ${allowed.join(' ')}.`);
    }
    const scope = [...new Set(requested)].join(' ');
    const accessToken = await accessTokens.sign({ typ: 'client', sub: client.clientId, role: client.role, kn: client.kommunenummer, scope });
    return { access_token: accessToken, token_type: 'Bearer', expires_in: accessTokens.ttlSeconds, scope };
  }
}
