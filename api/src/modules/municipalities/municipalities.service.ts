import {
  MUNICIPALITY_CLIENT_EDITABLE,
  type Municipality,
  type Page,
  foldForSearch,
  type listMunicipalitiesQuery,
  type updateMunicipalityRequest,
} from '@alis/shared';
import type { z } from 'zod';
import { lockForTransaction } from '../../lib/sql.js';
import type { Executor } from '../../db/client.js';
import { AppError, forbidden, notFound } from '../../lib/app-error.js';
import { diff, recordAudit } from '../../lib/audit.js';
import { pageFrom } from '../../lib/cursor.js';
import { keyset, rowsAndTotal } from '../../lib/list.js';
import { assertVersion } from '../../lib/etag.js';
import type { Principal } from '../../lib/principal.js';
import type { RequestContext } from '../../lib/request-context.js';
import { Service } from '../../lib/service.js';
import { type Versioned, withVersion } from '../../lib/versioned.js';
import { emitEvent } from '../events/events.service.js';
import { assertOfficeExists } from '../reference/reference.service.js';
import { municipalityScope } from '../../lib/scope.js';
import { MUNICIPALITY_SORTS, type MunicipalityChanges, type MunicipalityRow, municipalitiesRepo, municipalityPosition } from './municipalities.repo.js';
import { scopedPageKey } from '../../lib/page-cache.js';

export type MunicipalityUpdate = z.output<typeof updateMunicipalityRequest>;

export function toMunicipality(row: MunicipalityRow): Municipality {
  return { ...row, updatedAt: row.updatedAt.toISOString() };
}

const notFoundMunicipality = (kommunenummer: string) => notFound(`Municipality ${kommunenummer}`);

/** Which fields this caller may change; the rest of the body is refused with 403. */
function assertMayChange(principal: Principal, input: MunicipalityUpdate) {
  const fields = Object.keys(input);
  if (principal.role === 'municipality') {
    const refused = fields.filter((field) => !(MUNICIPALITY_CLIENT_EDITABLE as readonly string[]).includes(field));
    if (refused.length > 0) {
      throw forbidden(`A municipality's own client may change only its contact person (${MUNICIPALITY_CLIENT_EDITABLE.join(', ')}); not ${refused.join(', ')}.`);
    }
  }
  if (input.officeCode !== undefined && principal.role !== 'admin') {
    throw forbidden('Only an administrator can move a municipality to another ALIS office.');
  }
}

/**
 * One municipality per organisation number (an external token names its municipality by it); a
 * number another municipality holds is 409 naming that one. The unique index settles races.
 */
async function assertOrganisationNumberFree(tx: Executor, organisationNumber: string) {
  await lockForTransaction(tx, 'municipality-organisation-number', organisationNumber);
  const holder = await municipalitiesRepo.findByOrganisationNumber(tx, organisationNumber);
  if (holder) {
    throw new AppError('already_exists', `Organisation number ${organisationNumber} belongs to municipality ${holder.kommunenummer}.`, {
      existingId: holder.kommunenummer,
    });
  }
}

export class MunicipalitiesService extends Service {
  /** A page depends on the scope, the query and the day: it is kept while the data holds. */
  readonly pageKey = scopedPageKey;

  async list(principal: Principal, query: z.output<typeof listMunicipalitiesQuery>): Promise<Page<Municipality>> {
    const scope = municipalityScope(principal);
    const filter = {
      officeCode: query.officeCode,
      countyNumber: query.countyNumber,
      recruitmentChallenged: query.recruitmentChallenged,
      registrationStatus: query.registrationStatus,
      search: query.q ? foldForSearch(query.q) : undefined,
    };
    const page = keyset(query.sort, MUNICIPALITY_SORTS, query.cursor, municipalityPosition, query.limit + 1);
    const [rows, total] = await rowsAndTotal(
      () => municipalitiesRepo.list(this.db, scope, filter, page),
      () => municipalitiesRepo.total(this.db, scope, filter),
    );
    return pageFrom(rows, query.limit, toMunicipality, page.cursorOf, total);
  }

  async get(principal: Principal, kommunenummer: string): Promise<Versioned<Municipality>> {
    const row = await municipalitiesRepo.get(this.db, kommunenummer, municipalityScope(principal));
    if (!row) throw notFoundMunicipality(kommunenummer);
    return withVersion(toMunicipality(row));
  }

  async update(
    context: RequestContext,
    kommunenummer: string,
    input: MunicipalityUpdate,
    expected: number | undefined,
  ): Promise<Versioned<Municipality>> {
    const scope = municipalityScope(context.principal);
    return context.transact(async (tx) => {
      const current = await municipalitiesRepo.getForUpdate(tx, kommunenummer, scope);
      if (!current) throw notFoundMunicipality(kommunenummer);
      assertMayChange(context.principal, input);
      assertVersion(expected, current.version, `Municipality ${kommunenummer}`);
      if (input.officeCode !== current.officeCode) await assertOfficeExists(tx, 'officeCode', input.officeCode);
      if (input.organisationNumber && input.organisationNumber !== current.organisationNumber) {
        await assertOrganisationNumberFree(tx, input.organisationNumber);
      }
      const changes: MunicipalityChanges = input;
      const next = { ...current, ...changes };
      const changed = diff(current, next);
      if (!changed) return withVersion(toMunicipality(current));
      await municipalitiesRepo.update(tx, kommunenummer, changes);
      await recordAudit(tx, context, {
        action: 'municipality.updated',
        entityType: 'municipality',
        entityId: kommunenummer,
        before: changed.before,
        after: changed.after,
      });
      const updated = await municipalitiesRepo.getForUpdate(tx, kommunenummer, scope);
      if (!updated) throw new AppError('internal_error', 'The municipality vanished during the update.');
      const view = toMunicipality(updated);
      await emitEvent(tx, { type: 'municipality.updated', subject: { type: 'municipality', id: kommunenummer }, kommunenumre: [kommunenummer], data: view });
      return withVersion(view);
    });
  }
}
