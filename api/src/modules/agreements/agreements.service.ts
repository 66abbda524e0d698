import {
  AGREEMENT_TRANSITIONS,
  type Agreement,
  type AgreementStatus,
  CLOSING_STATUSES,
  type DatePeriod,
  type EducationPlanRules,
  type EndReason,
  type FieldError,
  OPEN_AGREEMENT_STATUSES,
  type Page,
  type RegistrationStatus,
  type ShareChange,
  addDays,
  agreementWarnings,
  type agreementTransitionRequest,
  countingOf,
  educationPlanDueOn,
  educationPlanReviewDueOn,
  type createAgreementRequest,
  endReasonsFor,
  fieldIssue,
  type listAgreementsQuery,
  nonCountingPeriods,
  plannedEndDate,
  qualifiedAsVeileder,
  registrationStatuses,
  runsOn,
  shareOn,
  todayInNorway,
  type updateAgreementRequest,
  warningDay,
} from '@alis/shared';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { inOneRoundTrip } from '../../db/lean-execution.js';
import { AppError, invalid, invalidField, notFound, unknownReference, unprocessable } from '../../lib/app-error.js';
import { diff, recordAudit } from '../../lib/audit.js';
import { mustGet, pick } from '../../lib/collections.js';
import { pageFrom } from '../../lib/cursor.js';
import { keyset, rowsAndTotal } from '../../lib/list.js';
import type { Principal } from '../../lib/principal.js';
import type { RequestContext } from '../../lib/request-context.js';
import { type MunicipalityScope, municipalityScope } from '../../lib/scope.js';
import { Service } from '../../lib/service.js';
import { type Versioned, withVersion } from '../../lib/versioned.js';
import { municipalitiesRepo } from '../municipalities/municipalities.repo.js';
import { absencesRepo } from './absences.repo.js';
import { assertOpen, lockAgreement, notFoundAgreement } from './agreement-access.js';
import {
  type AgreementChanges,
  type AgreementRow,
  type VeilederSupervisionRow,
  type OpenAgreementRow,
  type RegistrationPeriodRow,
  type ShareRow,
  AGREEMENT_SORTS,
  agreementPosition,
  agreementsRepo,
} from './agreements.repo.js';
import { supervisionsRepo } from './supervisions.repo.js';
import { emitSupervision } from './supervisions.service.js';
import { emitEvent } from '../events/events.service.js';
import type { Config } from '../../config.js';
import { scopedPageKey } from '../../lib/page-cache.js';

export type CreateAgreementInput = z.output<typeof createAgreementRequest>;
export type UpdateAgreementInput = z.output<typeof updateAgreementRequest>;
export type AgreementTransitionInput = z.output<typeof agreementTransitionRequest>;
export type ListAgreementsInput = z.output<typeof listAgreementsQuery>;

/** A new agreement's row, as the create endpoint (a draft) and the import (in the status of its row) make it. */
export const newAgreementRow = (input: CreateAgreementInput, status: 'draft' | 'active' | 'completed' | 'terminated') => ({
  kommunenummer: input.kommunenummer,
  doctorId: input.doctorId,
  employmentForm: input.employmentForm,
  position: input.position,
  positionPercent: input.positionPercent,
  signedOn: input.signedOn ?? null,
  startDate: input.startDate,
  viaStaffingAgency: input.viaStaffingAgency,
  notes: input.notes ?? null,
  status,
  plannedEndDate: plannedEndDate(input.startDate, input.positionPercent, []),
});

/** Warnings and service periods look at the § 19 registration in general practice: the specialty ALIS train in. */
const TRAINING_SPECIALTY = 'ALM';


/** The agreement's own terms and state: what the API shows as is and the audit log keeps. */
const TERMS = [
  'employmentForm',
  'position',
  'signedOn',
  'startDate',
  'viaStaffingAgency',
  'notes',
  'status',
  'endDate',
  'endReason',
  'cancellationReason',
  'plannedEndDate',
] as const;
/** The education plan as stored: its status, dates and where the document is. */
const PLAN = ['educationPlanStatus', 'educationPlanApprovedOn', 'educationPlanReviewedOn', 'educationPlanLink'] as const;
const auditView = (row: Pick<AgreementRow, (typeof TERMS)[number] | (typeof PLAN)[number]>, shares: readonly ShareChange[]) => ({
  ...pick(row, TERMS),
  ...pick(row, PLAN),
  positionHistory: shares,
});
type PlanColumns = Pick<AgreementRow, (typeof PLAN)[number]>;

/**
 * The education plan after a change: the fields sent replace the stored ones. Approved needs its
 * date and only approved has one (leaving approved clears it); dates are not in the future, and a
 * review is not before the approval.
 */
function nextPlan(current: PlanColumns, change: UpdateAgreementInput['educationPlan']): PlanColumns {
  if (!change) return pick(current, PLAN);
  const status = change.status ?? current.educationPlanStatus;
  const leavingApproval = status !== 'approved' && change.approvedOn === undefined;
  const next: PlanColumns = {
    educationPlanStatus: status,
    educationPlanApprovedOn: leavingApproval ? null : change.approvedOn !== undefined ? change.approvedOn : current.educationPlanApprovedOn,
    educationPlanReviewedOn: change.reviewedOn !== undefined ? change.reviewedOn : current.educationPlanReviewedOn,
    educationPlanLink: change.link !== undefined ? change.link : current.educationPlanLink,
  };
  const today = todayInNorway();
  const problems: FieldError[] = [];
  if (status === 'approved' && !next.educationPlanApprovedOn) {
    problems.push(fieldIssue({ path: 'educationPlan.approvedOn', code: 'required', message: 'an approved plan needs the date it was approved' }));
  }
  if (status !== 'approved' && next.educationPlanApprovedOn) {
    problems.push(
      fieldIssue({ path: 'educationPlan.approvedOn', code: 'not_allowed', message: 'only an approved plan has an approval date', params: { reason: 'approved_only' } }),
    );
  }
  for (const [path, value] of [
    ['educationPlan.approvedOn', change.approvedOn],
    ['educationPlan.reviewedOn', change.reviewedOn],
  ] as const) {
    if (value && value > today) problems.push(fieldIssue({ path, code: 'in_future', message: `must be on or before today (${today})`, params: { today } }));
  }
  if (next.educationPlanApprovedOn && next.educationPlanReviewedOn && next.educationPlanReviewedOn < next.educationPlanApprovedOn) {
    problems.push(
      fieldIssue({
        path: 'educationPlan.reviewedOn',
        code: 'too_early',
        message: `must be on or after the approval (${next.educationPlanApprovedOn})`,
        params: { earliest: next.educationPlanApprovedOn, reference: 'educationPlan.approvedOn' },
      }),
    );
  }
  if (problems.length > 0) throw invalid(problems);
  return next;
}

/** What the audit log keeps of a new agreement: its parties, terms and share. */
export const createdAgreementAuditView = (row: AgreementRow, shares: readonly ShareChange[]) => ({
  kommunenummer: row.kommunenummer,
  doctorId: row.doctorId,
  ...auditView(row, shares),
});

const asStatus = (value: string): RegistrationStatus | null => registrationStatuses.find((status) => status === value) ?? null;

/** When service in a municipality counted: its registration's status periods (in general practice) that count. */
const countingFrom = (periods: readonly RegistrationPeriodRow[]): DatePeriod[] =>
  countingOf(
    periods.flatMap((period) => {
      const status = asStatus(period.status);
      return status ? [{ status, from: period.fromDate, to: period.toDate }] : [];
    }),
  );

/** The part of its run in which an agreement's service did not count; none for a cancelled draft, which never ran. */
function nonCountingOf(row: AgreementRow, counting: readonly DatePeriod[]): DatePeriod[] {
  if (row.status === 'cancelled') return [];
  return nonCountingPeriods({ from: row.startDate, to: CLOSING_STATUSES.includes(row.status) ? row.endDate : null }, counting);
}

const sharesFrom = (rows: readonly ShareRow[]): ShareChange[] => rows.map((row) => ({ from: row.fromDate, percent: row.percent }));

/**
 * An agreement's share history; one written without any (imported, or from before the history was
 * kept) has held its share since the start.
 */
export const shareHistory = (agreement: Pick<AgreementRow, 'startDate' | 'positionPercent'>, rows: readonly ShareRow[]): ShareChange[] =>
  rows.length > 0 ? sharesFrom(rows) : [{ from: agreement.startDate, percent: agreement.positionPercent }];
const groupBy = <T, K>(items: readonly T[], key: (item: T) => K) => {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
};

/** The facts of a page of agreements beyond their rows, fetched in a fixed number of queries. */
export interface PageFacts {
  planRules: EducationPlanRules;
  countingIn: Map<string, DatePeriod[]>;
  /** Each agreement's veileder supervisions that run today or later, newest start first. */
  veiledersOf: Map<string, VeilederSupervisionRow[]>;
  sharesOf: Map<string, ShareChange[]>;
  openOf: Map<string, OpenAgreementRow[]>;
}

/** The facts of a page from the rows its queries gave: pure, so the bench's bare handler builds the same. */
export function pageFacts(
  periods: readonly RegistrationPeriodRow[],
  veileders: readonly VeilederSupervisionRow[],
  open: readonly OpenAgreementRow[],
  shares: readonly ShareRow[],
  planRules: EducationPlanRules,
): PageFacts {
  return {
    planRules,
    countingIn: new Map([...groupBy(periods, (row) => row.kommunenummer)].map(([kommunenummer, rows]) => [kommunenummer, countingFrom(rows)])),
    veiledersOf: groupBy(veileders, (supervision) => supervision.agreementId),
    sharesOf: new Map([...groupBy(shares, (row) => row.agreementId)].map(([id, rows]) => [id, sharesFrom(rows)])),
    openOf: groupBy(open, (agreement) => agreement.doctorId),
  };
}

async function factsOf(db: Executor, rows: readonly AgreementRow[], today: string, planRules: EducationPlanRules): Promise<PageFacts> {
  const ids = rows.map((row) => row.id);
  // What needs only the page's rows goes in one round trip.
  const facts = await inOneRoundTrip(() =>
    Promise.all([
      agreementsRepo.registrationPeriods(db, [...new Set(rows.map((row) => row.kommunenummer))], TRAINING_SPECIALTY),
      agreementsRepo.veilederSupervisions(db, ids, today),
      agreementsRepo.openAgreementsOf(db, [...new Set(rows.map((row) => row.doctorId))]),
      agreementsRepo.shares(db, ids),
    ]),
  );
  return completedFacts(db, ids, facts, planRules);
}

type FactRows = [RegistrationPeriodRow[], VeilederSupervisionRow[], OpenAgreementRow[], ShareRow[]];

/**
 * The facts of the agreements `ids` from the rows their statements gave, with the shares of the doctors'
 * other open agreements (for the overlap) when there are any: a doctor seldom has two at once, so most
 * pages and agreements need no further round trip.
 */
async function completedFacts(db: Executor, ids: readonly string[], [periods, veileders, open, sharesOfIds]: FactRows, planRules: EducationPlanRules) {
  const asked = new Set(ids);
  const others = [...new Set(open.map((agreement) => agreement.id).filter((id) => !asked.has(id)))];
  const shares = others.length === 0 ? sharesOfIds : [...sharesOfIds, ...(await agreementsRepo.shares(db, others))];
  return pageFacts(periods, veileders, open, shares, planRules);
}

/** The doctor's open agreements running on `day` add up to more than a full position: their sum, else null. */
function overlappingShare(row: AgreementRow, day: string, facts: PageFacts, share: number): number | null {
  if (!OPEN_AGREEMENT_STATUSES.includes(row.status)) return null;
  const others = (facts.openOf.get(row.doctorId) ?? []).filter(
    (other) => other.id !== row.id && other.startDate <= day && day <= other.plannedEndDate,
  );
  const total = others.reduce((sum, other) => sum + (shareOn(facts.sharesOf.get(other.id) ?? shareHistory(other, []), day) ?? 0), share);
  return total > 100 ? total : null;
}

export function toAgreement(row: AgreementRow, facts: PageFacts, today: string): Agreement {
  const day = warningDay(row.startDate, today);
  const positionHistory = facts.sharesOf.get(row.id) ?? shareHistory(row, []);
  const share = shareOn(positionHistory, day) ?? row.positionPercent;
  // Newest start first: the first one running on the day is the agreement's veileder.
  const veileder = facts.veiledersOf.get(row.id)?.find((supervision) => runsOn(supervision, day));
  const nonCounting = nonCountingOf(row, facts.countingIn.get(row.kommunenummer) ?? []);
  const plan = { status: row.educationPlanStatus, approvedOn: row.educationPlanApprovedOn, reviewedOn: row.educationPlanReviewedOn };
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    municipalityName: row.municipalityName,
    officeCode: row.officeCode,
    doctor: { id: row.doctorId, hprNumber: row.doctorHprNumber, name: row.doctorName },
    ...pick(row, TERMS),
    positionPercent: share,
    positionHistory,
    nonCountingPeriods: nonCounting,
    warnings: agreementWarnings({
      status: row.status,
      startDate: row.startDate,
      plannedEndDate: row.plannedEndDate,
      viaStaffingAgency: row.viaStaffingAgency,
      nonCountingPeriods: nonCounting,
      veileder: veileder
        ? {
            name: veileder.name,
            qualified: qualifiedAsVeileder(veileder, day),
            activeVeilederCount: veileder.activeVeilederCount,
            capacity: veileder.capacity,
          }
        : null,
      overlappingShare: overlappingShare(row, day, facts, share),
      lis1CompletedOn: row.doctorLis1CompletedOn,
      specialistApprovedOn: row.doctorSpecialistApprovedOn,
      educationPlan: plan,
      planRules: facts.planRules,
      today,
    }),
    educationPlan: {
      ...plan,
      link: row.educationPlanLink,
      dueOn: educationPlanDueOn(row.startDate, facts.planRules),
      reviewDueOn: educationPlanReviewDueOn(plan, facts.planRules),
    },
    currentVeileder: veileder ? { supervisionId: veileder.supervisionId, supervisorId: veileder.supervisorId, name: veileder.name } : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The API view of a set of agreements, in a fixed number of queries whatever the number of rows. */
export async function viewsOf(db: Executor, rows: readonly AgreementRow[], today: string, planRules: EducationPlanRules): Promise<Agreement[]> {
  if (rows.length === 0) return [];
  const facts = await factsOf(db, rows, today, planRules);
  return rows.map((row) => toAgreement(row, facts, today));
}

async function versionedView(db: Executor, row: AgreementRow, planRules: EducationPlanRules): Promise<Versioned<Agreement>> {
  const [agreement] = await viewsOf(db, [row], todayInNorway(), planRules);
  if (!agreement) throw new AppError('internal_error', 'The agreement has no view.');
  return withVersion(agreement);
}

/** The agreement's view after a change in `tx`, appended to the feed. */
export async function emitAgreement(
  tx: Executor,
  type: 'agreement.created' | 'agreement.updated' | 'agreement.transitioned',
  row: AgreementRow,
  planRules: EducationPlanRules,
): Promise<Versioned<Agreement>> {
  const view = await versionedView(tx, row, planRules);
  await emitEvent(tx, { type, subject: { type: 'agreement', id: row.id }, kommunenumre: [row.kommunenummer], data: view.resource });
  return view;
}

/** The education plan rules of the configuration. */
export const planRulesOf = (config: Pick<Config, 'EDUCATION_PLAN_DUE_MONTHS' | 'EDUCATION_PLAN_REVIEW_MONTHS'>): EducationPlanRules => ({
  dueMonths: config.EDUCATION_PLAN_DUE_MONTHS,
  reviewMonths: config.EDUCATION_PLAN_REVIEW_MONTHS,
});

export class AgreementsService extends Service {
  private get planRules() {
    return planRulesOf(this.deps.config);
  }

  /** A page depends on the scope, the query and the day: it is kept while the data holds. */
  readonly pageKey = scopedPageKey;

  async list(principal: Principal, query: ListAgreementsInput): Promise<Page<Agreement>> {
    const { limit, cursor, sort, ...filters } = query;
    const today = todayInNorway();
    const scope = municipalityScope(principal);
    const filter = { ...filters, today, planDueMonths: this.planRules.dueMonths, planReviewMonths: this.planRules.reviewMonths };
    const page = keyset(sort, AGREEMENT_SORTS, cursor, agreementPosition, limit + 1);
    const rows = await agreementsRepo.list(this.db, scope, filter, page);
    // The total goes with the facts of the page: both wait only for the page's rows.
    const [views, total] = await rowsAndTotal(
      () => viewsOf(this.db, rows.slice(0, limit), today, this.planRules),
      () => agreementsRepo.total(this.db, scope, filter),
    );
    const byId = new Map(views.map((view) => [view.id, view]));
    return pageFrom(rows, limit, (row) => mustGet(byId, row.id, 'agreement view'), page.cursorOf, total);
  }

  /**
   * The agreement and its facts in one round trip: the facts' statements find the municipality and the
   * doctor by the agreement's id, so they need not wait for its row. Outside the scope the row is missing
   * and the facts are dropped unseen (404).
   */
  async get(principal: Principal, id: string): Promise<Versioned<Agreement>> {
    const today = todayInNorway();
    const [row, ...facts] = await inOneRoundTrip(() =>
      Promise.all([
        agreementsRepo.get(this.db, id, municipalityScope(principal)),
        agreementsRepo.registrationPeriodsOfAgreement(this.db, id, TRAINING_SPECIALTY),
        agreementsRepo.veilederSupervisions(this.db, [id], today),
        agreementsRepo.openAgreementsOfDoctorOf(this.db, id),
        agreementsRepo.shares(this.db, [id]),
      ]),
    );
    if (!row) throw notFoundAgreement();
    return withVersion(toAgreement(row, await completedFacts(this.db, [id], facts, this.planRules), today));
  }

  async create(context: RequestContext, input: CreateAgreementInput): Promise<Versioned<Agreement>> {
    const scope = municipalityScope(context.principal);
    const municipality = await municipalitiesRepo.get(this.db, input.kommunenummer, scope);
    if (!municipality) throw notFound(`Municipality ${input.kommunenummer}`);
    // Any existing doctor may be referenced: an agreement is how a doctor enters a scope.
    if (!(await agreementsRepo.doctorExists(this.db, input.doctorId))) {
      throw unknownReference('doctorId', 'doctor', input.doctorId, `no doctor has the id ${input.doctorId}`);
    }
    return context.transact(async (tx) => {
      const id = await agreementsRepo.insert(tx, newAgreementRow(input, 'draft'));
      if (!id) {
        const existingId = await agreementsRepo.findOpenId(tx, input.doctorId, input.kommunenummer, OPEN_AGREEMENT_STATUSES);
        if (!existingId) throw new AppError('conflict', 'Another agreement was created for the doctor at the same moment; try again.', { reason: 'created_concurrently' });
        throw new AppError(
          'already_exists',
          `The doctor already has an open (draft or active) agreement with municipality ${input.kommunenummer}; complete or terminate it first.`,
          { existingId },
        );
      }
      await agreementsRepo.setShare(tx, id, input.startDate, input.positionPercent);
      const row = await this.reread(tx, id, scope);
      await recordAudit(tx, context, {
        action: 'agreement.created',
        entityType: 'agreement',
        entityId: id,
        after: createdAgreementAuditView(row, [{ from: input.startDate, percent: input.positionPercent }]),
      });
      return emitAgreement(tx, 'agreement.created', row, this.planRules);
    });
  }

  /**
   * Changes an open agreement. A new `positionPercent` takes effect from `positionPercentFrom` (today
   * when absent, never before the start): the share history grows, and the planned end date comes
   * from the whole history. Moving the start moves the first share with it.
   */
  async update(context: RequestContext, id: string, input: UpdateAgreementInput, expected: number | undefined): Promise<Versioned<Agreement>> {
    const scope = municipalityScope(context.principal);
    const { positionPercent, positionPercentFrom, educationPlan, ...fields } = input;
    if (positionPercentFrom !== undefined && positionPercent === undefined) {
      throw invalidField({
        path: 'positionPercentFrom',
        code: 'not_allowed',
        message: 'only together with a new positionPercent',
        params: { reason: 'needs_position_percent' },
      });
    }
    return context.transact(async (tx) => {
      const current = await lockAgreement(tx, context.principal, id, expected);
      assertOpen(current, 'it can be changed');
      const next = { ...current, ...fields, ...nextPlan(current, educationPlan) };
      if (next.status === 'active' && !next.signedOn) {
        throw unprocessable('An active agreement must keep the date it was signed.', [
          fieldIssue({ path: 'signedOn', code: 'required', message: 'an active agreement needs signedOn' }),
        ]);
      }
      const stored = await agreementsRepo.shares(tx, [id]);
      const shares = shareHistory(current, stored);
      // A history that was never written down is written now, so that what follows changes it.
      if (stored.length === 0) await agreementsRepo.setShare(tx, id, current.startDate, current.positionPercent);
      const nextShares = await this.moveShares(tx, current, shares, next.startDate, positionPercent, positionPercentFrom);
      const planned = await plannedEndOf(tx, { ...current, startDate: next.startDate }, nextShares);
      const after = { ...next, plannedEndDate: planned, positionPercent: nextShares.at(-1)?.percent ?? current.positionPercent };
      const changed = diff(auditView(current, shares), auditView(after, nextShares));
      if (!changed) return versionedView(tx, current, this.planRules);
      const { positionHistory: _history, ...columns } = changed.after;
      await agreementsRepo.update(tx, id, { ...columns, positionPercent: after.positionPercent });
      await recordAudit(tx, context, { action: 'agreement.updated', entityType: 'agreement', entityId: id, before: changed.before, after: changed.after });
      return emitAgreement(tx, 'agreement.updated', await this.reread(tx, id, scope), this.planRules);
    });
  }

  async transition(
    context: RequestContext,
    id: string,
    input: AgreementTransitionInput,
    expected: number | undefined,
  ): Promise<Versioned<Agreement>> {
    const scope = municipalityScope(context.principal);
    return context.transact(async (tx) => {
      const current = await lockAgreement(tx, context.principal, id, expected);
      const allowed = AGREEMENT_TRANSITIONS[current.status];
      if (!allowed.includes(input.to)) {
        throw new AppError(
          'illegal_transition',
          `An agreement cannot go from ${current.status} to ${input.to}` + (allowed.length ? `; allowed: ${allowed.join(', ')}.` : '; it is closed.'),
          { from: current.status, to: input.to, allowed: [...allowed] },
        );
      }
      const closing = CLOSING_STATUSES.includes(input.to);
      if (!closing) {
        const stray = (['endDate', 'endReason'] as const).filter((field) => input[field] !== undefined);
        if (stray.length > 0) {
          throw invalid(
            stray.map((path) =>
              fieldIssue({ path, code: 'not_allowed', message: `only for completed or terminated, not ${input.to}`, params: { reason: 'closing_only' } }),
            ),
          );
        }
      }
      if (input.to === 'cancelled' && !input.reason) {
        throw unprocessable('A draft is cancelled with a reason.', [
          fieldIssue({ path: 'reason', code: 'required', message: 'why the draft is cancelled is needed' }),
        ]);
      }

      const missing: FieldError[] = [];
      if (input.to === 'active') {
        if (!current.signedOn) missing.push(fieldIssue({ path: 'signedOn', code: 'missing', message: 'the date the agreement was signed is missing; set it with PATCH first' }));
        if (!current.startDate) missing.push(fieldIssue({ path: 'startDate', code: 'missing', message: 'the start date is missing; set it with PATCH first' }));
      }
      if (closing) {
        if (!input.endDate) missing.push(fieldIssue({ path: 'endDate', code: 'required', message: `the last day of the agreement is needed to make it ${input.to}` }));
        if (!input.endReason) missing.push(fieldIssue({ path: 'endReason', code: 'required', message: `the reason it ended is needed to make it ${input.to}` }));
      }
      if (missing.length > 0) {
        throw unprocessable(`The agreement cannot become ${input.to}: ${missing.map((m) => m.path).join(', ')} missing.`, missing);
      }
      const closingOn = closing && input.endDate && input.endReason ? { endDate: input.endDate, endReason: input.endReason } : null;
      if (closingOn) assertClosing(input.to, closingOn, current.startDate);

      const changes: AgreementChanges = closingOn
        ? { status: input.to, ...closingOn }
        : input.to === 'cancelled'
          ? { status: input.to, cancellationReason: input.reason ?? null }
          : { status: input.to };
      await agreementsRepo.update(tx, id, changes);
      await recordAudit(tx, context, {
        action: 'agreement.transitioned',
        entityType: 'agreement',
        entityId: id,
        before: { status: current.status },
        after: { ...changes, ...(input.note ? { note: input.note } : {}) },
      });
      if (closingOn) {
        // Supervision cannot outlast the agreement: what still runs past its end ends with it, so
        // the veileder's load (counted across all agreements) drops.
        for (const ended of await supervisionsRepo.endRunningPast(tx, id, closingOn.endDate)) {
          await recordAudit(tx, context, {
            action: 'supervision.ended',
            entityType: 'supervision',
            entityId: ended.id,
            before: { to: ended.previousTo },
            after: { agreementId: id, to: closingOn.endDate, reason: `agreement ${input.to}` },
          });
          const supervision = await supervisionsRepo.get(tx, id, ended.id);
          if (supervision) await emitSupervision(tx, 'supervision.ended', supervision, current.kommunenummer);
        }
      }
      return emitAgreement(tx, 'agreement.transitioned', await this.reread(tx, id, scope), this.planRules);
    });
  }

  // --- helpers --------------------------------------------------------------------------------

  /**
   * The share history after a change of start date and/or share, written in `tx`. The first share
   * always starts on the start date; a start may not move past a later change of share. A new share
   * takes effect from `from`, else today (from the start in a draft, or while the start lies ahead).
   */
  private async moveShares(
    tx: Executor,
    { id, status, startDate: oldStart }: Pick<AgreementRow, 'id' | 'status' | 'startDate'>,
    shares: readonly ShareChange[],
    newStart: string,
    percent: number | undefined,
    from: string | undefined,
  ): Promise<ShareChange[]> {
    let next = [...shares];
    if (newStart !== oldStart) {
      const laterChange = next.slice(1).find((change) => change.from <= newStart);
      if (laterChange) {
        throw unprocessable(`The start cannot move to ${newStart}: the share changes on ${laterChange.from}.`, [
          fieldIssue({
            path: 'startDate',
            code: 'too_late',
            message: `must be before the change of share on ${laterChange.from}`,
            params: { latest: addDays(laterChange.from, -1), reference: 'positionHistory' },
          }),
        ]);
      }
      await agreementsRepo.moveFirstShare(tx, id, oldStart, newStart);
      next = next.map((change, index) => (index === 0 ? { ...change, from: newStart } : change));
    }
    if (percent !== undefined) {
      const today = todayInNorway();
      // A draft has not run: its share, given without a date, holds from its start.
      const effective = from ?? (status === 'draft' || today <= newStart ? newStart : today);
      if (effective < newStart) {
        throw invalidField({
          path: 'positionPercentFrom',
          code: 'too_early',
          message: `must be on or after the start date ${newStart}`,
          params: { earliest: newStart, reference: 'startDate' },
        });
      }
      // The same share as holds then already is no change (it would only clutter the history).
      if (shareOn(next, effective) !== percent) {
        await agreementsRepo.setShare(tx, id, effective, percent);
        next = [...next.filter((change) => change.from !== effective), { from: effective, percent }].sort((a, b) => (a.from < b.from ? -1 : 1));
      }
    }
    return next;
  }

  private async reread(tx: Executor, id: string, scope: MunicipalityScope): Promise<AgreementRow> {
    const row = await agreementsRepo.get(tx, id, scope);
    if (!row) throw new AppError('internal_error', 'The agreement vanished during the change.');
    return row;
  }

}

/** The shared planned-end-date rule over the agreement's shares and absences as they are now in `tx`. */
export async function plannedEndOf(
  tx: Executor,
  agreement: Pick<AgreementRow, 'id' | 'startDate' | 'positionPercent'>,
  shares?: readonly ShareChange[],
): Promise<string> {
  const history = shares ?? shareHistory(agreement, await agreementsRepo.shares(tx, [agreement.id]));
  const absences = await absencesRepo.list(tx, agreement.id);
  return plannedEndDate(
    agreement.startDate,
    history,
    absences.map((absence) => ({ from: absence.fromDate, to: absence.toDate })),
  );
}

/** An agreement closes on a day that has come, not before its start, with a reason that fits how it closes. */
function assertClosing(to: AgreementStatus, closing: { endDate: string; endReason: EndReason }, startDate: string) {
  const today = todayInNorway();
  if (closing.endDate < startDate) {
    throw invalidField({
      path: 'endDate',
      code: 'too_early',
      message: `must be on or after the start date ${startDate}`,
      params: { earliest: startDate, reference: 'startDate' },
    });
  }
  const problems: FieldError[] = [];
  if (closing.endDate > today) {
    problems.push(
      fieldIssue({
        path: 'endDate',
        code: 'too_late',
        message: `an agreement is closed when it has ended: on or before today (${today})`,
        params: { latest: today, reference: 'today' },
      }),
    );
  }
  const reasons = endReasonsFor(to);
  if (!reasons.includes(closing.endReason)) {
    problems.push(
      fieldIssue({
        path: 'endReason',
        code: 'invalid_value',
        message: to === 'completed' ? 'a completed agreement ends with completed_training' : 'a terminated agreement ends with a reason other than completed_training',
        params: { allowed: [...reasons] },
      }),
    );
  }
  if (problems.length > 0) throw unprocessable(`The agreement cannot become ${to} like this.`, problems);
}
