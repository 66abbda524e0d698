import { type AgreementStatus, OPEN_AGREEMENT_STATUSES } from '@alis/shared';
import type { Executor } from '../../db/client.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { assertVersion } from '../../lib/etag.js';
import type { Principal } from '../../lib/principal.js';
import { municipalityScope } from '../../lib/scope.js';
import { type AgreementRow, agreementsRepo } from './agreements.repo.js';

/**
 * How the agreement and its sub-resources (absences, supervisions) reach an agreement: in the
 * caller's scope or 404, so ids outside it cannot be probed; locked for a change.
 */
export const notFoundAgreement = () => notFound('The agreement');

export async function visibleAgreement(db: Executor, principal: Principal, id: string): Promise<AgreementRow> {
  const row = await agreementsRepo.get(db, id, municipalityScope(principal));
  if (!row) throw notFoundAgreement();
  return row;
}

/**
 * Locks the agreement in scope (404 otherwise) and checks If-Match against it when `expected` is
 * given. The row lock serialises every change to the agreement and what hangs on it.
 */
export async function lockAgreement(tx: Executor, principal: Principal, id: string, expected?: number): Promise<AgreementRow> {
  const row = await agreementsRepo.getForUpdate(tx, id, municipalityScope(principal));
  if (!row) throw notFoundAgreement();
  assertVersion(expected, row.version, 'The agreement');
  return row;
}

export const isOpen = (status: AgreementStatus) => OPEN_AGREEMENT_STATUSES.includes(status);

/** Absences, supervisions and field edits belong to open agreements only. */
export function assertOpen(row: AgreementRow, what: string) {
  if (!isOpen(row.status)) {
    throw new AppError('conflict', `The agreement is ${row.status}; ${what} only while it is draft or active.`, { reason: 'agreement_closed', agreementStatus: row.status });
  }
}
