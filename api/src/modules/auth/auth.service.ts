import { randomUUID } from 'node:crypto';
import type { LoginResponse, Me } from '@alis/shared';
import type { ChangePasswordRequest } from '@alis/shared';
import { AppError, invalidField } from '../../lib/app-error.js';
import { recordAudit } from '../../lib/audit.js';
import type { RequestContext } from '../../lib/request-context.js';
import type { Principal } from '../../lib/principal.js';
import { dummyPasswordHash, hashPassword, randomToken, sha256, verifyPassword } from '../../lib/secrets.js';
import { Service } from '../../lib/service.js';
import { apiClientsRepo } from '../api-clients/api-clients.repo.js';
import { type UserRow, usersRepo } from '../users/users.repo.js';
import { authRepo } from './auth.repo.js';

export interface Session {
  body: LoginResponse;
  refreshToken: string;
  refreshExpiresAt: Date;
}

const badCredentials = () => new AppError('invalid_credentials', 'The e-mail or password is wrong, or the account is deactivated.');
const sessionEnded = () => new AppError('unauthorized', 'The session has ended; log in again.');

export class AuthService extends Service {
  async login(email: string, password: string, ip: string): Promise<Session> {
    const { db } = this;
    const { limiter, config } = this.deps;
    // Failures only, and never per account alone: per address (against spraying many accounts) and
    // per account and address (against guessing one password). Someone guessing from elsewhere can
    // so never lock the account's owner out.
    const address = `login:fail:ip:${ip}`;
    const accountAtAddress = `login:fail:account:${email}:ip:${ip}`;
    const detail = 'Too many failed logins; wait a minute and try again.';
    await limiter.assertBelow(address, config.LOGIN_ADDRESS_RATE_LIMIT_PER_MINUTE, 60, detail);
    await limiter.assertBelow(accountAtAddress, config.LOGIN_RATE_LIMIT_PER_MINUTE, 60, detail);

    const user = await usersRepo.findByEmail(db, email);
    // Unknown accounts cost the same time as known ones, so timing does not tell which exist.
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !valid || !user.active) {
      await limiter.countFailure([address, accountAtAddress], 60);
      throw badCredentials();
    }
    await usersRepo.touchLogin(db, user.id);
    return this.issue(user, randomUUID());
  }

  /** Rotates the refresh token. A token used twice means it leaked: its whole family is revoked. */
  async refresh(refreshToken: string | undefined): Promise<Session> {
    if (!refreshToken) throw sessionEnded();
    const { db } = this;
    const row = await authRepo.findRefreshToken(db, sha256(refreshToken));
    if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) throw sessionEnded();
    if (row.usedAt || !(await authRepo.markUsed(db, row.id))) {
      await this.endSession(row.familyId);
      throw sessionEnded();
    }
    const user = await usersRepo.findById(db, row.userId);
    if (!user?.active) throw sessionEnded();
    return this.issue(user, row.familyId);
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const row = await authRepo.findRefreshToken(this.db, sha256(refreshToken));
    if (row) await this.endSession(row.familyId);
  }

  /**
   * A staff user sets their own password, with the current one. Every session of the user ends (other
   * devices too, and the one-time password's), and this caller gets a new session, as after a login.
   */
  async changePassword(context: RequestContext, input: ChangePasswordRequest, ip: string): Promise<Session> {
    const { principal } = context;
    if (principal.kind !== 'user') throw new AppError('forbidden', 'Only staff users have a password.');
    const { limiter, config } = this.deps;
    const failures = `password:fail:user:${principal.id}:ip:${ip}`;
    const detail = 'Too many wrong passwords; wait a minute and try again.';
    await limiter.assertBelow(failures, config.LOGIN_RATE_LIMIT_PER_MINUTE, 60, detail);
    const current = await usersRepo.findById(this.db, principal.id);
    if (!current?.active) throw sessionEnded();
    if (!(await verifyPassword(current.passwordHash, input.currentPassword))) {
      await limiter.countFailure([failures], 60);
      throw invalidField({ path: 'currentPassword', code: 'not_allowed', message: 'the current password is wrong', params: { reason: 'wrong_password' } });
    }
    const passwordHash = await hashPassword(input.newPassword);
    const user = await context.transact(async (tx) => {
      const locked = await usersRepo.findById(tx, principal.id, { forUpdate: true });
      if (!locked?.active) throw sessionEnded();
      const row = await usersRepo.update(tx, principal.id, { passwordHash, mustChangePassword: false, tokenVersion: locked.tokenVersion + 1 });
      await authRepo.revokeAllForUser(tx, principal.id);
      await recordAudit(tx, context, {
        action: 'user.password_changed',
        entityType: 'user',
        entityId: principal.id,
        before: locked.mustChangePassword ? { mustChangePassword: true } : null,
        after: locked.mustChangePassword ? { mustChangePassword: false } : null,
      });
      return row;
    });
    this.deps.revocations.userChanged(user.id, user.tokenVersion);
    return this.issue(user, randomUUID());
  }

  /** Ends a session: its refresh tokens are revoked and its access tokens stop working at once. */
  private async endSession(familyId: string): Promise<void> {
    await authRepo.revokeFamily(this.db, familyId);
    this.deps.revocations.sessionEnded(familyId);
  }

  async me(principal: Principal): Promise<Me> {
    const { db } = this;
    if (principal.kind === 'user') {
      const user = await usersRepo.findById(db, principal.id);
      if (!user) throw sessionEnded();
      return {
        kind: 'user',
        id: user.id,
        role: user.role,
        name: user.name,
        email: user.email,
        officeCode: user.officeCode,
        kommunenummer: null,
        scopes: [...principal.scopes],
      };
    }
    if (principal.external) {
      const { consumer, supplier } = principal.external;
      return {
        kind: 'client',
        id: principal.id,
        role: principal.role,
        name: supplier ? `Maskinporten: ${supplier} for ${consumer}` : `Maskinporten: ${consumer}`,
        email: null,
        officeCode: null,
        kommunenummer: principal.kommunenummer,
        scopes: [...principal.scopes],
      };
    }
    const client = await apiClientsRepo.findByClientId(db, principal.id);
    if (!client) throw sessionEnded();
    return {
      kind: 'client',
      id: client.clientId,
      role: client.role,
      name: client.name,
      email: null,
      officeCode: null,
      kommunenummer: client.kommunenummer,
      scopes: [...principal.scopes],
    };
  }

  private async issue(user: UserRow, familyId: string): Promise<Session> {
    const { db } = this;
    const { accessTokens, config } = this.deps;
    const refreshTokenTtlDays = config.REFRESH_TOKEN_TTL_DAYS;
    const refreshToken = randomToken();
    const refreshExpiresAt = new Date(Date.now() + refreshTokenTtlDays * 86_400_000);
    await authRepo.insertRefreshToken(db, { userId: user.id, familyId, tokenHash: sha256(refreshToken), expiresAt: refreshExpiresAt });
    const accessToken = await accessTokens.sign({
      typ: 'user',
      sub: user.id,
      role: user.role,
      off: user.officeCode,
      tv: user.tokenVersion,
      sid: familyId,
      ...(user.mustChangePassword ? { pwc: true as const } : {}),
    });
    return {
      body: {
        accessToken,
        expiresIn: accessTokens.ttlSeconds,
        user: { id: user.id, email: user.email, name: user.name, role: user.role, officeCode: user.officeCode, mustChangePassword: user.mustChangePassword },
      },
      refreshToken,
      refreshExpiresAt,
    };
  }
}
