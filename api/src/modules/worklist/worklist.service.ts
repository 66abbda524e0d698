import {
  WORKLIST_AGREEMENT_ENDING_MONTHS,
  WORKLIST_CERTIFICATE_DAYS,
  WORKLIST_GRANT_DEADLINE_DAYS,
  WORKLIST_SOON_DAYS,
  SPECIAL_ATTENTION_MONTHS,
  type EducationPlanRules,
  type Worklist,
  addDays,
  addMonths,
  todayInNorway,
} from '@alis/shared';
import type { Executor } from '../../db/client.js';
import { invalidField, notFound } from '../../lib/app-error.js';
import type { Principal } from '../../lib/principal.js';
import { Service } from '../../lib/service.js';
import { planRulesOf } from '../agreements/agreements.service.js';
import { followUpsRepo } from '../follow-ups/follow-ups.repo.js';
import { referenceRepo } from '../reference/reference.repo.js';
import { worklistRepo } from './worklist.repo.js';

/** An office's worklist on `today`: what the endpoint answers and the weekly digest sends. */
export async function worklistOf(db: Executor, officeCode: string, today: string, planRules: EducationPlanRules): Promise<Worklist> {
  const rows = await worklistRepo.forOffice(db, {
    officeCode,
    today,
    deadlinesUntil: addDays(today, WORKLIST_GRANT_DEADLINE_DAYS),
    certificatesUntil: addDays(today, WORKLIST_CERTIFICATE_DAYS),
    endingUntil: addMonths(today, WORKLIST_AGREEMENT_ENDING_MONTHS),
    soonUntil: addDays(today, WORKLIST_SOON_DAYS),
    planDueMonths: planRules.dueMonths,
    planReviewMonths: planRules.reviewMonths,
  });
  // The special-attention list is the follow-up log's own (one statement), due now.
  const attention = await followUpsRepo.specialAttention(db, officeCode, today, addMonths(today, -SPECIAL_ATTENTION_MONTHS));
  const attentionRows = attention.map((row) => ({
    type: 'special_attention' as const,
    dueDate: today,
    kommunenummer: row.kommunenummer,
    municipalityName: row.name,
    subjectType: 'municipality' as const,
    subjectId: row.kommunenummer,
    label: row.name,
  }));
  return {
    officeCode,
    today,
    items: [...rows, ...attentionRows].map((row) => ({
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
  /** An office user's own office; an admin names one (404 when it does not exist, or is another office's). */
  async get(principal: Principal, query: { officeCode?: string | undefined }): Promise<Worklist> {
    const officeCode = principal.role === 'office' ? principal.officeCode : query.officeCode;
    if (!officeCode) {
      throw invalidField({ path: 'officeCode', code: 'required', message: 'is required: name the office whose worklist you want' });
    }
    if (query.officeCode !== undefined && query.officeCode !== officeCode) throw notFound(`Office ${query.officeCode}`);
    // An office user's office exists (the user refers to it); an admin may name any.
    if (principal.role !== 'office' && !(await referenceRepo.officeExists(this.db, officeCode))) throw notFound(`Office ${officeCode}`);
    return worklistOf(this.db, officeCode, todayInNorway(), planRulesOf(this.deps.config));
  }
}
