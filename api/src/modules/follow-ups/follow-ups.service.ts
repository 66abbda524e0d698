import {
  type FieldError,
  type FollowUp,
  type Page,
  SPECIAL_ATTENTION_MONTHS,
  type SpecialAttentionItem,
  type SpecialAttentionReason,
  addMonths,
  type createFollowUpRequest,
  fieldIssue,
  isoDate,
  type listFollowUpsQuery,
  todayInNorway,
  type updateFollowUpRequest,
} from '@alis/shared';
import { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { AppError, invalid, notFound } from '../../lib/app-error.js';
import { diff, recordAudit } from '../../lib/audit.js';
import { pick } from '../../lib/collections.js';
import { cursorTimestamp, decodeCursor, pageFrom } from '../../lib/cursor.js';
import { assertVersion } from '../../lib/etag.js';
import { keyset, rowsAndTotal } from '../../lib/list.js';
import type { Principal } from '../../lib/principal.js';
import type { RequestContext } from '../../lib/request-context.js';
import { municipalityScope } from '../../lib/scope.js';
import { Service } from '../../lib/service.js';
import { type Versioned, withVersion } from '../../lib/versioned.js';
import { municipalitiesRepo } from '../municipalities/municipalities.repo.js';
import { FOLLOW_UP_SORTS, type FollowUpRow, followUpPosition, followUpsRepo } from './follow-ups.repo.js';

export type CreateFollowUpInput = z.output<typeof createFollowUpRequest>;
export type UpdateFollowUpInput = z.output<typeof updateFollowUpRequest>;
export type ListFollowUpsInput = z.output<typeof listFollowUpsQuery>;

const FACTS = ['date', 'kind', 'participants', 'summary', 'agreedActions', 'nextFollowUpOn', 'done'] as const;
const auditView = (row: Pick<FollowUpRow, (typeof FACTS)[number]>) => pick(row, FACTS);

export function toFollowUp(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    ...auditView(row),
    createdBy: row.createdById ? { id: row.createdById, name: row.createdByName ?? '' } : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A follow-up happened (not in the future), and the next one is not before it. */
function checkDates(next: Pick<FollowUpRow, 'date' | 'nextFollowUpOn'>) {
  const today = todayInNorway();
  const problems: FieldError[] = [];
  if (next.date > today) problems.push(fieldIssue({ path: 'date', code: 'in_future', message: `must be on or before today (${today})`, params: { today } }));
  if (next.nextFollowUpOn && next.nextFollowUpOn < next.date) {
    problems.push(
      fieldIssue({ path: 'nextFollowUpOn', code: 'too_early', message: `must be on or after the date (${next.date})`, params: { earliest: next.date, reference: 'date' } }),
    );
  }
  if (problems.length > 0) throw invalid(problems);
}

export class FollowUpsService extends Service {
  async list(principal: Principal, kommunenummer: string, query: ListFollowUpsInput): Promise<Page<FollowUp>> {
    await this.assertMunicipality(this.db, principal, kommunenummer);
    // The cursor's values are cast to a date and a timestamp in SQL: check them first, so a forged one is 400.
    decodeCursor(query.cursor, z.object({ s: z.string(), v: z.tuple([isoDate, cursorTimestamp, z.uuid()]) }));
    const page = keyset('-date', FOLLOW_UP_SORTS, query.cursor, followUpPosition, query.limit + 1);
    const [rows, total] = await rowsAndTotal(
      () => followUpsRepo.list(this.db, kommunenummer, page),
      () => followUpsRepo.total(this.db, kommunenummer),
    );
    return pageFrom(rows, query.limit, toFollowUp, page.cursorOf, total);
  }

  async get(principal: Principal, kommunenummer: string, id: string): Promise<Versioned<FollowUp>> {
    await this.assertMunicipality(this.db, principal, kommunenummer);
    const row = await followUpsRepo.get(this.db, kommunenummer, id);
    if (!row) throw notFound('The follow-up');
    return withVersion(toFollowUp(row));
  }

  async create(context: RequestContext, kommunenummer: string, input: CreateFollowUpInput): Promise<Versioned<FollowUp>> {
    const { principal } = context;
    await this.assertMunicipality(this.db, principal, kommunenummer);
    const fields = {
      date: input.date,
      kind: input.kind,
      participants: input.participants ?? null,
      summary: input.summary,
      agreedActions: input.agreedActions ?? null,
      nextFollowUpOn: input.nextFollowUpOn ?? null,
      done: input.done,
    };
    checkDates(fields);
    return context.transact(async (tx) => {
      const id = await followUpsRepo.insert(tx, { kommunenummer, ...fields, createdById: principal.kind === 'user' ? principal.id : null });
      await recordAudit(tx, context, { action: 'follow_up.created', entityType: 'follow_up', entityId: id, after: { kommunenummer, ...fields } });
      return withVersion(toFollowUp(await this.reread(tx, kommunenummer, id)));
    });
  }

  async update(context: RequestContext, kommunenummer: string, id: string, input: UpdateFollowUpInput, expected: number | undefined): Promise<Versioned<FollowUp>> {
    const { principal } = context;
    return context.transact(async (tx) => {
      await this.assertMunicipality(tx, principal, kommunenummer);
      const current = await followUpsRepo.get(tx, kommunenummer, id, { forUpdate: true });
      if (!current) throw notFound('The follow-up');
      assertVersion(expected, current.version, 'The follow-up');
      const next = { ...current, ...input };
      checkDates(next);
      const changed = diff(auditView(current), auditView(next));
      if (!changed) return withVersion(toFollowUp(current));
      await followUpsRepo.update(tx, id, changed.after);
      await recordAudit(tx, context, { action: 'follow_up.updated', entityType: 'follow_up', entityId: id, before: changed.before, after: changed.after });
      return withVersion(toFollowUp(await this.reread(tx, kommunenummer, id)));
    });
  }

  /**
   * Municipalities needing special attention, of one office (an office user's own; an admin's
   * choice, or all): recruitment-challenged ones with no follow-up in the last six months, and ones
   * with active ALIS agreements that have neither applied for nor received registration.
   */
  async specialAttention(principal: Principal, officeCode: string | undefined): Promise<Page<SpecialAttentionItem>> {
    if (principal.role === 'office' && officeCode !== undefined && officeCode !== principal.officeCode) throw notFound(`Office ${officeCode}`);
    const office = principal.role === 'office' ? (principal.officeCode ?? '') : (officeCode ?? null);
    const today = todayInNorway();
    const since = addMonths(today, -SPECIAL_ATTENTION_MONTHS);
    const rows = await followUpsRepo.specialAttention(this.db, office, today, since);
    const items = rows.map((row): SpecialAttentionItem => {
      const reasons: SpecialAttentionReason[] = [];
      if (row.recruitmentChallenged && (row.lastFollowUpOn === null || row.lastFollowUpOn < since)) reasons.push('no_recent_follow_up');
      if (row.activeAgreements > 0 && !['applied', 'registered'].includes(row.registrationStatus)) reasons.push('agreements_without_registration');
      return { ...row, reasons };
    });
    return { items, nextCursor: null, total: { count: items.length, exact: true } };
  }

  /** The municipality must be in the caller's scope (404 otherwise). */
  private async assertMunicipality(db: Executor, principal: Principal, kommunenummer: string): Promise<void> {
    if (!(await municipalitiesRepo.get(db, kommunenummer, municipalityScope(principal)))) throw notFound(`Municipality ${kommunenummer}`);
  }

  private async reread(tx: Executor, kommunenummer: string, id: string): Promise<FollowUpRow> {
    const row = await followUpsRepo.get(tx, kommunenummer, id);
    if (!row) throw new AppError('internal_error', 'The follow-up vanished during the change.');
    return row;
  }
}
