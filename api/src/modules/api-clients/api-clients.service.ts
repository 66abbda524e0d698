import { randomBytes } from 'node:crypto';
import { type ApiClient, CLIENT_SCOPES, type CreateApiClientRequest, type CreatedApiClient, type listApiClientsQuery } from '@alis/shared';
import { z } from 'zod';
import { notFound } from '../../lib/app-error.js';
import { recordAudit } from '../../lib/audit.js';
import { cursorTimestamp, decodeCursor, encodeCursor, pageFrom } from '../../lib/cursor.js';
import { rowsAndTotal } from '../../lib/list.js';
import type { RequestContext } from '../../lib/request-context.js';
import { Service } from '../../lib/service.js';
import { assertMunicipalityExists } from '../reference/reference.service.js';
import { randomToken, sha256 } from '../../lib/secrets.js';
import { type ApiClientRow, apiClientsRepo } from './api-clients.repo.js';

export function toApiClient(row: ApiClientRow): ApiClient {
  return {
    id: row.id,
    clientId: row.clientId,
    name: row.name,
    role: row.role,
    kommunenummer: row.kommunenummer,
    scopes: [...CLIENT_SCOPES[row.role]],
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

const auditView = (row: ApiClientRow) => ({
  clientId: row.clientId,
  name: row.name,
  role: row.role,
  kommunenummer: row.kommunenummer,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

const cursorSchema = z.object({ at: cursorTimestamp, id: z.uuid() });

export class ApiClientsService extends Service {
  async create(context: RequestContext, input: CreateApiClientRequest): Promise<CreatedApiClient> {
    await assertMunicipalityExists(this.db, 'kommunenummer', input.kommunenummer);
    const clientSecret = randomToken(32);
    return context.transact(async (tx) => {
      const row = await apiClientsRepo.insert(tx, {
        clientId: `alis_${randomBytes(12).toString('hex')}`,
        name: input.name,
        role: input.role,
        kommunenummer: input.kommunenummer ?? null,
        secretHash: sha256(clientSecret),
        createdBy: context.principal.kind === 'user' ? context.principal.id : null,
      });
      await recordAudit(tx, context, { action: 'api_client.created', entityType: 'api_client', entityId: row.id, after: auditView(row) });
      return { ...toApiClient(row), clientSecret };
    });
  }

  async list({ limit, cursor, ...filter }: z.output<typeof listApiClientsQuery>) {
    const after = decodeCursor(cursor, cursorSchema);
    const [rows, total] = await rowsAndTotal(
      () => apiClientsRepo.list(this.db, filter, after ? { at: new Date(after.at), id: after.id } : undefined, limit + 1),
      () => apiClientsRepo.total(this.db, filter),
    );
    return pageFrom(rows, limit, toApiClient, (row) => encodeCursor({ at: row.createdAt.toISOString(), id: row.id }), total);
  }

  async get(id: string): Promise<ApiClient> {
    const row = await apiClientsRepo.findById(this.db, id);
    if (!row) throw notFound('The API client');
    return toApiClient(row);
  }

  /** Revoking is final and idempotent: the record stays for the audit trail. */
  async revoke(context: RequestContext, id: string): Promise<ApiClient> {
    const row = await context.transact(async (tx) => {
      const current = await apiClientsRepo.findById(tx, id, { forUpdate: true });
      if (!current) throw notFound('The API client');
      if (current.revokedAt) return current;
      const revoked = await apiClientsRepo.revoke(tx, id);
      await recordAudit(tx, context, {
        action: 'api_client.revoked',
        entityType: 'api_client',
        entityId: id,
        before: auditView(current),
        after: auditView(revoked),
      });
      return revoked;
    });
    this.deps.revocations.clientRevoked(row.clientId);
    return toApiClient(row);
  }
}
