import {
  WORKLIST_CERTIFICATE_DAYS,
  WORKLIST_GRANT_DEADLINE_DAYS,
  WORKLIST_SOON_DAYS,
  SPECIAL_ATTENTION_MONTHS,
  type EducationPlanRules,
  type Worklist,
  worklistItemTypes,
  addDays,
  addMonths,
  todayInNorway,
} from '@alis/shared';
import type { Executor } from '../../db/client.js';
import { invalidField, notFound } from '../../lib/app-error.js';
import type { Computed, ComputedCache } from '../../lib/computed.js';
import type { Principal } from '../../lib/principal.js';
import { Service } from '../../lib/service.js';
import type { ServiceDeps } from '../../services.js';
import { planRulesOf } from '../agreements/agreements.service.js';
import { followUpsRepo } from '../follow-ups/follow-ups.repo.js';
import { referenceRepo } from '../reference/reference.repo.js';
import { type ComplianceRow, reportsRepo } from '../reports/reports.repo.js';
import { reportCache } from '../reports/reports.service.js';
import { type WorklistRow, worklistRepo } from './worklist.repo.js';

/**
 * The compliance report's cases as worklist lines. Agreements in municipalities that are not
 * registered are left out: the special-attention list names each such municipality once.
 */
function fromCompliance(row: ComplianceRow, today: string): WorklistRow | null {
  const at = { kommunenummer: row.kommunenummer, municipalityName: row.municipality_name, subjectType: row.subject_type, subjectId: row.subject_id };
  const doctor = row.doctor_name ?? '';
  const date = row.date ?? today;
  switch (row.kind) {
    case 'agreement_without_veileder':
      // Its date is the first day without a veileder; the rule is broken 30 days later.
      return { ...at, type: 'agreement_without_veileder', dueDate: addDays(date, 30), label: doctor };
    case 'veileder_not_qualified':
      return { ...at, type: 'veileder_not_qualified', dueDate: today, label: `${doctor} (${row.supervisor_name ?? ''})` };
    case 'veileder_over_capacity':
      return { ...at, type: 'veileder_over_capacity', dueDate: today, label: row.supervisor_name ?? '' };
    case 'certificate_overdue':
      return { ...at, type: 'auditor_certificate', dueDate: date, label: row.scheme_name ?? '' };
    case 'agreement_ending_soon':
      return { ...at, type: 'agreement_ending', dueDate: date, label: doctor };
    default:
      return null;
  }
}

const byDue = (a: WorklistRow, b: WorklistRow) =>
  a.dueDate.localeCompare(b.dueDate) ||
  (a.kommunenummer ?? '').localeCompare(b.kommunenummer ?? '') ||
  worklistItemTypes.indexOf(a.type) - worklistItemTypes.indexOf(b.type) ||
  a.subjectId.localeCompare(b.subjectId);

/**
 * An office's worklist on `today` in three statements whatever the number of cases: the compliance
 * report's query (looking 30 days ahead for certificates), the office's own work (one prepared
 * statement) and the special-attention list. The endpoint and the weekly digest read it alike.
 */
export async function worklistOf(db: Executor, officeCode: string, today: string, planRules: EducationPlanRules): Promise<Worklist> {
  const cases = await reportsRepo.compliance(db, { asOf: today, officeCode, certificatesDueBefore: addDays(today, WORKLIST_CERTIFICATE_DAYS + 1) });
  const work = await worklistRepo.officeWork(db, {
    officeCode,
    today,
    deadlinesUntil: addDays(today, WORKLIST_GRANT_DEADLINE_DAYS),
    soonUntil: addDays(today, WORKLIST_SOON_DAYS),
    planDueMonths: planRules.dueMonths,
    planReviewMonths: planRules.reviewMonths,
  });
  const attention = await followUpsRepo.specialAttention(db, officeCode, today, addMonths(today, -SPECIAL_ATTENTION_MONTHS));
  const rows: WorklistRow[] = [
    ...cases.map((row) => fromCompliance(row, today)).filter((row): row is WorklistRow => row !== null),
    ...work,
    ...attention.map((row) => ({
      type: 'special_attention' as const,
      dueDate: today,
      kommunenummer: row.kommunenummer,
      municipalityName: row.name,
      subjectType: 'municipality' as const,
      subjectId: row.kommunenummer,
      label: row.name,
    })),
  ].sort(byDue);
  return {
    officeCode,
    today,
    items: rows.map((row) => ({
      type: row.type,
      dueDate: row.dueDate,
      overdue: row.dueDate < today,
      kommunenummer: row.kommunenummer,
      municipalityName: row.municipalityName,
      subject: { type: row.subjectType, id: row.subjectId },
      label: row.label,
    })),
  };
}

export class WorklistService extends Service {
  readonly cache: ComputedCache;
  constructor(deps: ServiceDeps) {
    super(deps);
    this.cache = reportCache(deps);
  }

  /**
   * An office user's own office; an admin names one (404 when it does not exist, or is another
   * office's). Kept like a report until the data changes or the day turns.
   */
  async get(principal: Principal, query: { officeCode?: string | undefined }): Promise<Computed<Worklist>> {
    const officeCode = principal.role === 'office' ? principal.officeCode : query.officeCode;
    if (!officeCode) {
      throw invalidField({ path: 'officeCode', code: 'required', message: 'is required: name the office whose worklist you want' });
    }
    if (query.officeCode !== undefined && query.officeCode !== officeCode) throw notFound(`Office ${query.officeCode}`);
    // An office user's office exists (the user refers to it); an admin may name any.
    if (principal.role !== 'office' && !(await referenceRepo.officeExists(this.db, officeCode))) throw notFound(`Office ${officeCode}`);
    const today = todayInNorway();
    const planRules = planRulesOf(this.deps.config);
    return this.cache.get(this.db, ['worklist', officeCode, today], () => worklistOf(this.db, officeCode, today, planRules));
  }
}
