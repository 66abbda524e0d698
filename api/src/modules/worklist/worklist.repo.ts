import type { WorklistItemType } from '@alis/shared';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

export interface WorklistRow {
  type: WorklistItemType;
  dueDate: string;
  kommunenummer: string;
  municipalityName: string;
  subjectType: 'grant_application' | 'agreement';
  subjectId: string;
  label: string;
}

export interface WorklistWindow {
  officeCode: string;
  today: string;
  /** The last application deadline shown (drafts only). */
  deadlinesUntil: string;
  /** The last certificate due date shown; every overdue one is shown. */
  certificatesUntil: string;
  /** The last planned end date shown. */
  endingUntil: string;
}

/**
 * An office's worklist in one statement (one index-served branch per item type, joined through the
 * office's municipalities), whatever the number of cases: the digest and the endpoint read it alike.
 */
export const worklistRepo = {
  async forOffice(db: Executor, window: WorklistWindow): Promise<WorklistRow[]> {
    const result = await db.execute(sql`
      select 'grant_deadline' as type, s.application_deadline::text as due_date, m.kommunenummer, m.short_name as municipality_name,
             'grant_application' as subject_type, a.id::text as subject_id, s.name as label
        from grant_applications a
        join municipalities m on m.kommunenummer = a.kommunenummer
        join grant_schemes s on s.code = a.scheme_code
       where m.office_code = ${window.officeCode} and a.status = 'draft'
         and s.application_deadline between ${window.today}::date and ${window.deadlinesUntil}::date
      union all
      select 'auditor_certificate', s.auditor_certificate_due_date::text, m.kommunenummer, m.short_name,
             'grant_application', a.id::text, s.name
        from grant_applications a
        join municipalities m on m.kommunenummer = a.kommunenummer
        join grant_schemes s on s.code = a.scheme_code
       where m.office_code = ${window.officeCode} and a.status in ('granted', 'partially_granted', 'paid')
         and a.auditor_certificate_received_on is null
         and s.auditor_certificate_due_date <= ${window.certificatesUntil}::date
      union all
      select 'agreement_ending', ag.planned_end_date::text, m.kommunenummer, m.short_name,
             'agreement', ag.id::text, d.name
        from agreements ag
        join municipalities m on m.kommunenummer = ag.kommunenummer
        join doctors d on d.id = ag.doctor_id
       where m.office_code = ${window.officeCode} and ag.status = 'active'
         and ag.planned_end_date between ${window.today}::date and ${window.endingUntil}::date
      order by 2, 3, 1, 6
    `);
    return (result as { rows: Record<string, unknown>[] }).rows.map((row) => ({
      type: row.type as WorklistItemType,
      dueDate: String(row.due_date),
      kommunenummer: String(row.kommunenummer),
      municipalityName: String(row.municipality_name),
      subjectType: row.subject_type as WorklistRow['subjectType'],
      subjectId: String(row.subject_id),
      label: String(row.label),
    }));
  },
};
