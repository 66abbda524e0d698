import {
  type EventType,
  type AgreementRun,
  CLOSING_STATUSES,
  type ClaimableMonth,
  CERTIFICATE_STATUSES,
  DIRECTORATE_MOVES,
  type DatePeriod,
  type FieldError,
  GRANTING_STATUSES,
  GRANT_DECISIONS,
  GRANT_TRANSITIONS,
  type GrantApplication,
  type GrantApplicationStatus,
  type GrantApplicationSummary,
  type GrantHistoryEntry,
  type GrantLine,
  MAX_GRANT_LINES,
  type Page,
  type RateTable,
  type RegistrationChange,
  type Role,
  certificateOverdue,
  claimableMonths,
  claimableOf,
  countingPeriods,
  type createGrantApplicationRequest,
  fieldIssue,
  grantApplicationStatuses,
  grantProblems,
  type grantTransitionRequest,
  isoDate,
  lineAmount,
  lineTypeOf,
  linesFromMonths,
  type listGrantApplicationsQuery,
  nonCountingPeriods,
  problemAsFieldError,
  ranInPeriod,
  rateFor,
  registrationStatuses,
  shareOn,
  todayInNorway,
  type updateGrantApplicationRequest,
  wholeMonthsIn,
} from '@alis/shared';
import { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { AppError, forbidden, invalid, invalidField, notFound, unknownReference, unprocessable } from '../../lib/app-error.js';
import { diff, recordAudit } from '../../lib/audit.js';
import { cursorBigintId, decodeCursor, encodeCursor, pageFrom } from '../../lib/cursor.js';
import { rowsAndTotal } from '../../lib/list.js';
import { assertVersion } from '../../lib/etag.js';
import type { Principal } from '../../lib/principal.js';
import type { RequestContext } from '../../lib/request-context.js';
import { scopedPageKey } from '../../lib/page-cache.js';
import { municipalityScope } from '../../lib/scope.js';
import { Service } from '../../lib/service.js';
import { type Versioned, withVersion } from '../../lib/versioned.js';
import { municipalitiesRepo } from '../municipalities/municipalities.repo.js';
import {
  type AgreementFacts,
  type ApplicationChanges,
  type ApplicationFilter,
  type ApplicationRow,
  type LockedApplication,
  type NewLine,
  type PageParams,
  type RegistrationFacts,
  grantApplicationsRepo,
} from './grant-applications.repo.js';
import { grantSchemesRepo } from './grant-schemes.repo.js';
import { emitEvent } from '../events/events.service.js';

type GrantApplicationEventType = Extract<EventType, `grant_application.${string}`>;

export type CreateGrantApplicationInput = z.output<typeof createGrantApplicationRequest>;
export type UpdateGrantApplicationInput = z.output<typeof updateGrantApplicationRequest>;
export type GrantTransitionInput = z.output<typeof grantTransitionRequest>;
export type ListGrantApplicationsInput = z.output<typeof listGrantApplicationsQuery>;
type Filters = Pick<ListGrantApplicationsInput, 'kommunenummer' | 'officeCode' | 'schemeCode' | 'status'>;

/** Who prepares, sends and withdraws applications (with `write`), and who decides and pays (with `decide`). */
const WRITING_ROLES: readonly Role[] = ['admin', 'office', 'municipality'];
const DECIDING_ROLES: readonly Role[] = ['admin', 'directorate'];

const mayWrite = (principal: Principal) => WRITING_ROLES.includes(principal.role) && principal.scopes.includes('write');
const mayDecide = (principal: Principal) => DECIDING_ROLES.includes(principal.role) && principal.scopes.includes('decide');
const mayMoveTo = (principal: Principal, to: GrantApplicationStatus) => (DIRECTORATE_MOVES.includes(to) ? mayDecide(principal) : mayWrite(principal));
/** The directorate reads applications case by case once they are submitted, never drafts. */
const submittedOnly = (principal: Principal) => principal.role === 'directorate';

const cursorSchema = z.object({ p: isoDate, s: z.string().max(40), k: z.string().max(4), i: z.uuid() });
const historyCursor = z.object({ id: cursorBigintId });
export const notFoundApplication = () => notFound('The grant application');

// --- the view, from the page statement's row: pure, so the bench's bare handler builds the same ------

const asRegistrationStatus = (value: string) => registrationStatuses.find((status) => status === value) ?? null;

/** When service in a municipality counted, from its registration and the changes made to it. */
function countingOf(registration: RegistrationFacts | null): DatePeriod[] {
  if (!registration) return [];
  const changes: RegistrationChange[] = registration.changes.flatMap((change) => {
    const to = asRegistrationStatus(change.to);
    return to ? [{ to, date: change.date }] : [];
  });
  const status = asRegistrationStatus(registration.status);
  return countingPeriods(changes, status ? { status, registeredFrom: registration.registeredFrom, applicationDate: registration.applicationDate } : null);
}

/**
 * An agreement's facts as the months rule reads them, with `counting` the periods its municipality's
 * service counted in; its non-counting periods as on the agreement itself.
 */
export function agreementRun(facts: AgreementFacts, counting: readonly DatePeriod[]): AgreementRun {
  const closed = CLOSING_STATUSES.includes(facts.status);
  return {
    status: facts.status,
    startDate: facts.startDate,
    endDate: facts.endDate,
    nonCountingPeriods: facts.status === 'cancelled' ? [] : nonCountingPeriods({ from: facts.startDate, to: closed ? facts.endDate : null }, counting),
    institutionService: facts.institutionService,
    // Every agreement has its share history; one written before it had none keeps its share from the start.
    shares: facts.shares.length > 0 ? facts.shares : [{ from: facts.startDate, percent: facts.positionPercent }],
  };
}

/** The application as `principal` sees it; with no principal (the change feed, read by many) no transition is offered. */
export function toGrantApplication(row: ApplicationRow, principal: Principal | null, today: string): GrantApplication {
  const months = wholeMonthsIn({ from: row.periodFrom, to: row.periodTo });
  const periodMonths = months.length;
  // Once per application: when its municipality's service counted, and each of its agreements' months
  // (another municipality's agreement cannot be claimed here, whatever its months).
  const counting = countingOf(row.registration);
  const claimable = new Map<string, ClaimableMonth[]>();
  const claimableFor = (facts: AgreementFacts) => {
    if (facts.kommunenummer !== row.kommunenummer) return [];
    let found = claimable.get(facts.id);
    if (!found) {
      found = claimableOf(agreementRun(facts, counting), months, today);
      claimable.set(facts.id, found);
    }
    return found;
  };
  const fixed = row.submittedOn !== null;
  const centralityClass = fixed ? row.centralityClass : row.municipalityCentralityClass;
  const organisationNumber = fixed ? row.organisationNumber : row.municipalityOrganisationNumber;
  // The API writes every table through the contract's complete rate table.
  const rates = row.currentRates as RateTable | null;
  const lines: GrantLine[] = row.lines.map((line) => {
    const annualRateNok = fixed ? line.annualRateNok : centralityClass !== null && rates ? rateFor(rates, line.lineType, centralityClass) : null;
    return {
      id: line.id,
      agreementId: line.agreementId,
      doctor: { id: line.doctorId, hprNumber: line.doctor.hprNumber, name: line.doctor.name },
      lineType: line.lineType,
      positionPercent: line.positionPercent,
      months: line.months,
      annualRateNok,
      amountNok: fixed ? line.amountNok : annualRateNok === null ? null : lineAmount(annualRateNok, line.positionPercent, line.months),
    };
  });
  const amounts = lines.map((line) => line.amountNok);
  const totalNok = fixed ? row.totalNok : amounts.every((amount) => amount !== null) ? amounts.reduce((sum, amount) => sum + amount, 0) : null;
  const problems = grantProblems({
    kommunenummer: row.kommunenummer,
    organisationNumber,
    centralityClass,
    periodMonths,
    lines: row.lines.map((line) => ({
      agreementId: line.agreementId,
      doctorId: line.doctorId,
      lineType: line.lineType,
      positionPercent: line.positionPercent,
      months: line.months,
      agreement: line.agreement && {
        kommunenummer: line.agreement.kommunenummer,
        doctorId: line.agreement.doctorId,
        viaStaffingAgency: line.agreement.viaStaffingAgency,
        claimable: claimableFor(line.agreement),
      },
    })),
    otherClaims: row.otherClaims,
  });
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    municipalityName: row.municipalityName,
    officeCode: row.officeCode,
    scheme: {
      code: row.schemeCode,
      name: row.schemeName,
      periodFrom: row.periodFrom,
      periodTo: row.periodTo,
      periodMonths,
      applicationDeadline: row.applicationDeadline,
    },
    status: row.status,
    notes: row.notes,
    organisationNumber,
    centralityClass,
    rateVersion: row.rateVersion ?? row.currentRateVersion,
    amountsFixed: fixed,
    lines,
    totalNok,
    problems: problems.map((problem) => ({ ...problem, lineId: problem.line === null ? null : (lines[problem.line]?.id ?? null) })),
    submittedOn: row.submittedOn,
    lateSubmissionReason: row.lateSubmissionReason,
    decisionDate: row.decisionDate,
    decisionReference: row.decisionReference,
    grantedNok: row.grantedNok,
    paidOn: row.paidOn,
    paidNok: row.paidNok,
    withdrawnOn: row.withdrawnOn,
    auditorCertificateDueDate: row.auditorCertificateDueDate,
    auditorCertificateReceivedOn: row.auditorCertificateReceivedOn,
    certificateOverdue: certificateOverdue(row, row.auditorCertificateDueDate, today),
    allowedTransitions: principal ? GRANT_TRANSITIONS[row.status].filter((to) => mayMoveTo(principal, to)) : [],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The page statement's placeholders for a caller, with no filter, no cursor and one row. */
export function pageParams(principal: Principal): PageParams {
  const scope = municipalityScope(principal);
  return {
    id: null,
    scopeOffice: scope.officeCode,
    scopeKommunenummer: scope.kommunenummer,
    submittedOnly: submittedOnly(principal),
    kommunenummer: null,
    officeCode: null,
    schemeCode: null,
    status: null,
    afterPeriodFrom: null,
    afterSchemeCode: null,
    afterKommunenummer: null,
    afterId: null,
    limit: 1,
  };
}

const filterOf = (principal: Principal, filters: Filters): ApplicationFilter => ({
  scope: municipalityScope(principal),
  submittedOnly: submittedOnly(principal),
  ...filters,
});

// --- changes --------------------------------------------------------------------------------------

/** The draft's own fields and lines, as the audit log keeps them. */
const auditLines = (lines: readonly NewLine[]) => lines.map((line) => ({ ...line }));

const inFuture = (path: string, today: string) =>
  invalidField({ path, code: 'in_future', message: `must not be in the future (today is ${today} in Norway)`, params: { today } });

const tooEarly = (path: string, earliest: string, reference: string) =>
  fieldIssue({ path, code: 'too_early', message: `must not be before ${reference} (${earliest})`, params: { earliest, reference } });

/** Fields that belong to other moves are refused before anything is read. */
function assertFieldsFit(input: GrantTransitionInput) {
  const stray: FieldError[] = [];
  const refuse = (path: string, reason: 'grant_decision_only' | 'granted_amount_only' | 'payment_only', what: string) =>
    stray.push(fieldIssue({ path, code: 'not_allowed', message: `only for ${what}, not ${input.to}`, params: { reason } }));
  if (!GRANT_DECISIONS.includes(input.to)) {
    if (input.decisionDate !== undefined) refuse('decisionDate', 'grant_decision_only', 'a decision');
    if (input.decisionReference !== undefined) refuse('decisionReference', 'grant_decision_only', 'a decision');
  }
  if (input.grantedNok !== undefined && !GRANTING_STATUSES.includes(input.to)) refuse('grantedNok', 'granted_amount_only', 'granted and partially_granted');
  if (input.to !== 'paid') {
    if (input.paidOn !== undefined) refuse('paidOn', 'payment_only', 'paid');
    if (input.paidNok !== undefined) refuse('paidNok', 'payment_only', 'paid');
  }
  if (stray.length > 0) throw invalid(stray);
}

/** What a decision records, or 422 listing what is missing or wrong. */
function decisionChanges(current: LockedApplication, input: GrantTransitionInput): ApplicationChanges {
  const errors: FieldError[] = [];
  if (!input.decisionDate) errors.push(fieldIssue({ path: 'decisionDate', code: 'required', message: 'the date of the decision is needed' }));
  if (!input.decisionReference) errors.push(fieldIssue({ path: 'decisionReference', code: 'required', message: "Helsedirektoratet's case reference is needed" }));
  const total = current.totalNok ?? 0;
  if (GRANTING_STATUSES.includes(input.to)) {
    if (input.grantedNok === undefined) {
      errors.push(fieldIssue({ path: 'grantedNok', code: 'required', message: 'the granted amount is needed' }));
    } else if (input.to === 'granted' && input.grantedNok !== total) {
      errors.push(fieldIssue({ path: 'grantedNok', code: 'invalid_value', message: `granted means the whole ${total} kroner applied for`, params: { allowed: [total] } }));
    } else if (input.to === 'partially_granted' && input.grantedNok >= total) {
      errors.push(
        fieldIssue({
          path: 'grantedNok',
          code: 'too_big',
          message: `a partial grant is below the ${total} kroner applied for`,
          params: { maximum: total - 1, inclusive: true, origin: 'number' },
        }),
      );
    }
  }
  if (input.decisionDate && current.submittedOn && input.decisionDate < current.submittedOn) {
    errors.push(tooEarly('decisionDate', current.submittedOn, 'submittedOn'));
  }
  if (errors.length > 0) throw unprocessable(`The application cannot become ${input.to} like this.`, errors);
  return {
    status: input.to,
    decisionDate: input.decisionDate ?? null,
    decisionReference: input.decisionReference ?? null,
    grantedNok: input.to === 'rejected' ? null : (input.grantedNok ?? null),
  };
}

/** What a payment records, or 422. */
function paymentChanges(current: LockedApplication, input: GrantTransitionInput): ApplicationChanges {
  const errors: FieldError[] = [];
  if (!input.paidOn) errors.push(fieldIssue({ path: 'paidOn', code: 'required', message: 'the payment date is needed' }));
  if (input.paidNok === undefined) errors.push(fieldIssue({ path: 'paidNok', code: 'required', message: 'the amount paid is needed' }));
  const granted = current.grantedNok ?? 0;
  if (input.paidNok !== undefined && input.paidNok > granted) {
    errors.push(
      fieldIssue({
        path: 'paidNok',
        code: 'too_big',
        message: `not above the ${granted} kroner granted`,
        params: { maximum: granted, inclusive: true, origin: 'number' },
      }),
    );
  }
  if (input.paidOn && current.decisionDate && input.paidOn < current.decisionDate) errors.push(tooEarly('paidOn', current.decisionDate, 'decisionDate'));
  if (errors.length > 0) throw unprocessable('The payment cannot be recorded like this.', errors);
  return { status: 'paid', paidOn: input.paidOn ?? null, paidNok: input.paidNok ?? null };
}

export class GrantApplicationsService extends Service {
  /**
   * A page is kept like the other lists' (`scopedPageKey`: every table it reads bumps the data version),
   * with what its items' `allowedTransitions` ask of the caller's token beside the role: a read-only
   * client of a municipality never gets the page of one that may write.
   */
  readonly pageKey = (principal: Principal, query: ListGrantApplicationsInput): unknown[] => [
    ...scopedPageKey(principal, query),
    mayWrite(principal),
    mayDecide(principal),
  ];

  async list(principal: Principal, query: ListGrantApplicationsInput): Promise<Page<GrantApplication>> {
    const after = decodeCursor(query.cursor, cursorSchema);
    const today = todayInNorway();
    const filters = {
      ...pageParams(principal),
      kommunenummer: query.kommunenummer ?? null,
      officeCode: query.officeCode ?? null,
      schemeCode: query.schemeCode ?? null,
      status: query.status ?? null,
    };
    const [rows, total] = await rowsAndTotal(
      () =>
        grantApplicationsRepo.page(this.db, {
          ...filters,
          afterPeriodFrom: after?.p ?? null,
          afterSchemeCode: after?.s ?? null,
          afterKommunenummer: after?.k ?? null,
          afterId: after?.i ?? null,
          limit: query.limit + 1,
        }),
      () => grantApplicationsRepo.total(this.db, filters),
    );
    return pageFrom(
      rows,
      query.limit,
      (row) => toGrantApplication(row, principal, today),
      (row) => encodeCursor({ p: row.periodFrom, s: row.schemeCode, k: row.kommunenummer, i: row.id }),
      total,
    );
  }

  async get(principal: Principal, id: string): Promise<Versioned<GrantApplication>> {
    return this.view(this.db, principal, id);
  }

  /** Counts and sums of the filtered applications in the caller's scope, by status. */
  async summary(principal: Principal, filters: Filters): Promise<GrantApplicationSummary> {
    const filter = filterOf(principal, filters);
    const fixed = await grantApplicationsRepo.fixedSums(this.db, filter);
    const lines = await grantApplicationsRepo.draftLines(this.db, filter);
    // A draft's total follows the current rates and the municipality's class; one without a class has none.
    const draftTotal = new Map<string, number>();
    const unpriced = new Set<string>();
    for (const line of lines) {
      if (line.centralityClass === null) {
        unpriced.add(line.applicationId);
        continue;
      }
      const rate = rateFor(line.annualRatesNok as RateTable, line.lineType, line.centralityClass);
      draftTotal.set(line.applicationId, (draftTotal.get(line.applicationId) ?? 0) + lineAmount(rate, line.positionPercent, line.months));
    }
    const draftSum = [...draftTotal].filter(([id]) => !unpriced.has(id)).reduce((sum, [, total]) => sum + total, 0);
    const byStatus = grantApplicationStatuses.flatMap((status) => {
      const row = fixed.find((candidate) => candidate.status === status);
      if (!row) return [];
      return [{ status, count: row.count, totalNok: row.totalNok + (status === 'draft' ? draftSum : 0), grantedNok: row.grantedNok, paidNok: row.paidNok }];
    });
    const sum = (key: 'count' | 'totalNok' | 'grantedNok' | 'paidNok') => byStatus.reduce((total, row) => total + row[key], 0);
    return { count: sum('count'), totalNok: sum('totalNok'), grantedNok: sum('grantedNok'), paidNok: sum('paidNok'), byStatus };
  }

  async history(principal: Principal, id: string, query: { limit: number; cursor?: string | undefined }): Promise<Page<GrantHistoryEntry>> {
    const before = decodeCursor(query.cursor, historyCursor);
    await this.view(this.db, principal, id);
    const rows = await grantApplicationsRepo.history(this.db, id, before ? BigInt(before.id) : undefined, query.limit + 1);
    return pageFrom(
      rows,
      query.limit,
      (row): GrantHistoryEntry => ({
        id: row.id.toString(),
        from: asStatus(row.fromStatus),
        to: asStatus(row.toStatus),
        date: row.date,
        reason: row.reason,
        actorType: row.actorType,
        actorId: row.actorId,
        actorName: row.actorName,
        occurredAt: row.occurredAt.toISOString(),
      }),
      (row) => encodeCursor({ id: row.id.toString() }),
      await grantApplicationsRepo.historyTotal(this.db, id),
    );
  }

  async create(context: RequestContext, input: CreateGrantApplicationInput): Promise<Versioned<GrantApplication>> {
    await this.assertCanStart(context.principal, input.kommunenummer, input.schemeCode);
    const lines = input.lines.map((line) => ({ ...line, agreementId: line.agreementId ?? null }));
    await this.assertReferences(this.db, context.principal, lines);
    return context.transact((tx) =>
      this.insertDraft(tx, context, { kommunenummer: input.kommunenummer, schemeCode: input.schemeCode, notes: input.notes ?? null }, lines, 'grant_application.created'),
    );
  }

  /**
   * A draft with one line per share of each of the municipality's agreements that ran in the
   * scheme's period, for the whole months they can be claimed for (`claimableMonths`). Agreements
   * that cannot be claimed are kept as lines, so that their problems show where they belong.
   */
  async draftFromAgreements(context: RequestContext, input: { kommunenummer: string; schemeCode: string }): Promise<Versioned<GrantApplication>> {
    const scheme = await this.assertCanStart(context.principal, input.kommunenummer, input.schemeCode);
    const period = { from: scheme.periodFrom, to: scheme.periodTo };
    const today = todayInNorway();
    const agreements = await grantApplicationsRepo.agreementsOf(this.db, input.kommunenummer, period);
    const counting = countingOf(await grantApplicationsRepo.registrationOf(this.db, input.kommunenummer));
    const lines: NewLine[] = agreements.flatMap(({ facts }) => {
      const run = agreementRun(facts, counting);
      if (!ranInPeriod(run, period, today)) return [];
      const base = { agreementId: facts.id, doctorId: facts.doctorId, lineType: lineTypeOf(facts.position) };
      const shares = linesFromMonths(claimableMonths(run, period, today));
      if (shares.length > 0) return shares.map((share) => ({ ...base, ...share }));
      const from = facts.startDate > period.from ? facts.startDate : period.from;
      return [{ ...base, positionPercent: shareOn(run.shares, from) ?? facts.positionPercent, months: 0 }];
    });
    if (lines.length > MAX_GRANT_LINES) {
      throw unprocessable(`The municipality has more agreements in the period than one application holds (${MAX_GRANT_LINES} lines).`, [
        fieldIssue({ path: 'lines', code: 'too_big', message: `at most ${MAX_GRANT_LINES} lines`, params: { maximum: MAX_GRANT_LINES, inclusive: true, origin: 'array' } }),
      ]);
    }
    return context.transact((tx) =>
      this.insertDraft(tx, context, { kommunenummer: input.kommunenummer, schemeCode: input.schemeCode, notes: null }, lines, 'grant_application.drafted_from_agreements'),
    );
  }

  /**
   * Changes a draft's lines and notes (the municipality, its office, an admin), or records the
   * auditor's certificate once money is granted (the directorate, an admin).
   */
  async update(context: RequestContext, id: string, input: UpdateGrantApplicationInput, expected: number | undefined): Promise<Versioned<GrantApplication>> {
    const { principal } = context;
    const { auditorCertificateReceivedOn: certificate, ...content } = input;
    const today = todayInNorway();
    if (certificate && certificate > today) throw inFuture('auditorCertificateReceivedOn', today);
    const lines = content.lines?.map((line) => ({ ...line, agreementId: line.agreementId ?? null }));
    return context.transact(async (tx) => {
      const current = await this.lock(tx, principal, id, expected);
      const editsContent = Object.keys(content).length > 0;
      if (editsContent && !mayWrite(principal)) {
        throw forbidden('Only the municipality, its ALIS office or an administrator change an application.');
      }
      if (certificate !== undefined && !mayDecide(principal)) {
        throw forbidden("Helsedirektoratet or an administrator records the auditor's certificate.");
      }
      if (editsContent && current.status !== 'draft') {
        throw new AppError('conflict', `The application is ${current.status}; its lines and notes change only while it is a draft.`, { reason: 'application_not_draft', applicationStatus: current.status });
      }
      if (certificate !== undefined && !CERTIFICATE_STATUSES.includes(current.status)) {
        throw new AppError('conflict', `The application is ${current.status}; an auditor's certificate is recorded once money is granted.`, { reason: 'application_not_granted', applicationStatus: current.status });
      }
      if (certificate && current.decisionDate && certificate < current.decisionDate) {
        throw unprocessable('The certificate cannot come before the decision.', [tooEarly('auditorCertificateReceivedOn', current.decisionDate, 'decisionDate')]);
      }
      if (lines) await this.assertReferences(tx, principal, lines);

      const before = { notes: current.notes, auditorCertificateReceivedOn: current.auditorCertificateReceivedOn };
      const after = {
        notes: content.notes === undefined ? current.notes : content.notes,
        auditorCertificateReceivedOn: certificate === undefined ? current.auditorCertificateReceivedOn : certificate,
      };
      const changed = diff(before, after);
      if (!changed && !lines) return this.view(tx, principal, id);
      if (lines) await grantApplicationsRepo.replaceLines(tx, id, lines);
      await grantApplicationsRepo.update(tx, id, changed?.after ?? {});
      await recordAudit(tx, context, {
        action: 'grant_application.updated',
        entityType: 'grant_application',
        entityId: id,
        before: changed?.before,
        after: { ...changed?.after, ...(lines ? { lines: auditLines(lines) } : {}) },
      });
      return this.emitted(tx, principal, id, 'grant_application.updated');
    });
  }

  async transition(context: RequestContext, id: string, input: GrantTransitionInput, expected: number | undefined): Promise<Versioned<GrantApplication>> {
    const { principal } = context;
    const today = todayInNorway();
    assertFieldsFit(input);
    if (input.decisionDate && input.decisionDate > today) throw inFuture('decisionDate', today);
    if (input.paidOn && input.paidOn > today) throw inFuture('paidOn', today);

    return context.transact(async (tx) => {
      const current = await this.lock(tx, principal, id, expected);
      if (!mayMoveTo(principal, input.to)) {
        throw forbidden(
          DIRECTORATE_MOVES.includes(input.to)
            ? `Only Helsedirektoratet or an administrator decides and pays grants (${input.to}).`
            : `The ${principal.role} role may not move an application to ${input.to}; that is the municipality's and its ALIS office's work.`,
        );
      }
      const allowed = GRANT_TRANSITIONS[current.status];
      if (!allowed.includes(input.to)) {
        throw new AppError(
          'illegal_transition',
          `An application that is ${current.status} cannot become ${input.to}; allowed: ${allowed.join(', ') || 'none'}.`,
          { from: current.status, to: input.to, allowed: [...allowed] },
        );
      }
      let changes: ApplicationChanges;
      let date = today;
      switch (input.to) {
        case 'submitted':
          changes = await this.submission(tx, principal, current, input, today);
          break;
        case 'granted':
        case 'partially_granted':
        case 'rejected':
          changes = decisionChanges(current, input);
          date = changes.decisionDate ?? today;
          break;
        case 'paid':
          changes = paymentChanges(current, input);
          date = changes.paidOn ?? today;
          break;
        case 'withdrawn':
          changes = { status: 'withdrawn', withdrawnOn: today };
          break;
        case 'draft':
          throw new AppError('illegal_transition', 'An application never goes back to draft.', { from: current.status, to: input.to, allowed: [...allowed] });
      }
      await grantApplicationsRepo.update(tx, id, changes);
      await grantApplicationsRepo.insertTransition(tx, {
        applicationId: id,
        fromStatus: current.status,
        toStatus: input.to,
        date,
        reason: input.reason ?? null,
        actorType: principal.kind,
        actorId: principal.id,
      });
      await recordAudit(tx, context, {
        action: 'grant_application.transitioned',
        entityType: 'grant_application',
        entityId: id,
        before: { status: current.status },
        after: { ...changes, ...(input.reason ? { reason: input.reason } : {}) },
      });
      return this.emitted(tx, principal, id, 'grant_application.transitioned');
    });
  }

  // --- helpers --------------------------------------------------------------------------------

  /**
   * Sending: in time (after the deadline only an admin, with a reason), with no problem left; it
   * keeps the rate version, the centrality class, the organisation number and each line's amount.
   * The scheme is locked first, so its rates cannot change in place under the submission.
   */
  private async submission(tx: Executor, principal: Principal, current: LockedApplication, input: GrantTransitionInput, today: string) {
    await grantSchemesRepo.lock(tx, current.schemeCode, 'share');
    const [row] = await grantApplicationsRepo.page(tx, { ...pageParams(principal), id: current.id });
    if (!row) throw notFoundApplication();
    const view = toGrantApplication(row, principal, today);
    const errors: FieldError[] = [];
    const late = today > row.applicationDeadline;
    if (late && principal.role !== 'admin') {
      errors.push(
        fieldIssue({
          path: 'submittedOn',
          code: 'too_late',
          message: `the deadline was ${row.applicationDeadline}; after it only an administrator sends an application, with a reason`,
          params: { latest: row.applicationDeadline, reference: 'applicationDeadline' },
        }),
      );
    }
    if (late && principal.role === 'admin' && !input.reason) {
      errors.push(fieldIssue({ path: 'reason', code: 'required', message: 'why the application is sent after the deadline is needed' }));
    }
    errors.push(...view.problems.map(problemAsFieldError));
    const { centralityClass, totalNok } = view;
    if (errors.length > 0 || centralityClass === null || totalNok === null) {
      throw unprocessable('The application cannot be submitted; see errors for why.', errors);
    }
    const fixedLines = view.lines.map((line) => {
      if (line.annualRateNok === null || line.amountNok === null) throw new AppError('internal_error', 'A line of a sound application has no amount.');
      return { id: line.id, annualRateNok: line.annualRateNok, amountNok: line.amountNok };
    });
    await grantApplicationsRepo.fixLines(tx, fixedLines);
    return {
      status: 'submitted',
      submittedOn: today,
      lateSubmissionReason: late ? (input.reason ?? null) : null,
      rateVersion: view.rateVersion,
      centralityClass,
      organisationNumber: view.organisationNumber,
      totalNok,
    } satisfies ApplicationChanges;
  }

  /** The municipality (in scope, else 404) and the scheme (400 when unknown) a new application is for. */
  private async assertCanStart(principal: Principal, kommunenummer: string, schemeCode: string) {
    if (!(await municipalitiesRepo.get(this.db, kommunenummer, municipalityScope(principal)))) throw notFound(`Municipality ${kommunenummer}`);
    const scheme = await grantSchemesRepo.get(this.db, schemeCode);
    if (!scheme) throw unknownReference('schemeCode', 'grant_scheme', schemeCode, `no grant scheme has the code ${schemeCode}`);
    return scheme;
  }

  /** Every line's doctor exists, and its agreement exists in the caller's scope (one outside it is as unknown): 400 otherwise. */
  private async assertReferences(db: Executor, principal: Principal, lines: readonly NewLine[]) {
    const doctors = await grantApplicationsRepo.existingDoctors(db, [...new Set(lines.map((line) => line.doctorId))]);
    const agreementIds = [...new Set(lines.flatMap((line) => (line.agreementId ? [line.agreementId] : [])))];
    const agreements = await grantApplicationsRepo.agreementsInScope(db, agreementIds, municipalityScope(principal));
    const errors = lines.flatMap((line, index): FieldError[] => [
      ...(doctors.has(line.doctorId)
        ? []
        : [fieldIssue({ path: `lines.${index}.doctorId`, code: 'unknown_reference', message: `no doctor has the id ${line.doctorId}`, params: { entity: 'doctor', value: line.doctorId } })]),
      ...(line.agreementId === null || agreements.has(line.agreementId)
        ? []
        : [
            fieldIssue({
              path: `lines.${index}.agreementId`,
              code: 'unknown_reference',
              message: `no agreement you can see has the id ${line.agreementId}`,
              params: { entity: 'agreement', value: line.agreementId },
            }),
          ]),
    ]);
    if (errors.length > 0) throw invalid(errors);
  }

  private async insertDraft(
    tx: Executor,
    context: RequestContext,
    values: { kommunenummer: string; schemeCode: string; notes: string | null },
    lines: readonly NewLine[],
    action: string,
  ): Promise<Versioned<GrantApplication>> {
    const id = await grantApplicationsRepo.insert(tx, values);
    await grantApplicationsRepo.replaceLines(tx, id, lines);
    await recordAudit(tx, context, { action, entityType: 'grant_application', entityId: id, after: { ...values, status: 'draft', lines: auditLines(lines) } });
    return this.emitted(tx, context.principal, id, 'grant_application.created');
  }

  /**
   * The changed application in the change feed (in the change's transaction), and as the caller sees
   * it: one read. The feed's copy offers no transitions: what a reader may do depends on the reader.
   */
  private async emitted(tx: Executor, principal: Principal, id: string, type: GrantApplicationEventType): Promise<Versioned<GrantApplication>> {
    const [row] = await grantApplicationsRepo.page(tx, { ...pageParams(principal), id });
    if (!row) throw notFoundApplication();
    const today = todayInNorway();
    await emitEvent(tx, { type, subject: { type: 'grant_application', id }, kommunenumre: [row.kommunenummer], data: toGrantApplication(row, null, today) });
    return withVersion(toGrantApplication(row, principal, today));
  }

  /** Locks the application in the caller's scope (404 otherwise) and checks If-Match. */
  private async lock(tx: Executor, principal: Principal, id: string, expected: number | undefined): Promise<LockedApplication> {
    const current = await grantApplicationsRepo.lock(tx, id, municipalityScope(principal), submittedOnly(principal));
    if (!current) throw notFoundApplication();
    assertVersion(expected, current.version, 'The grant application');
    return current;
  }

  private async view(db: Executor, principal: Principal, id: string): Promise<Versioned<GrantApplication>> {
    const [row] = await grantApplicationsRepo.page(db, { ...pageParams(principal), id });
    if (!row) throw notFoundApplication();
    return withVersion(toGrantApplication(row, principal, todayInNorway()));
  }
}

function asStatus(value: string): GrantApplicationStatus {
  const status = grantApplicationStatuses.find((candidate) => candidate === value);
  if (!status) throw new AppError('internal_error', `A grant application has the unknown status "${value}".`);
  return status;
}
