import type { WorklistItemType, WorklistSubjectType } from '@alis/shared';
import { type AnyColumn, type SQL, and, between, eq, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { placeholders, prepared } from '../../db/prepared.js';
import { agreements, courseParticipants, courses, doctors, followUps, grantApplications, grantSchemes, municipalities } from '../../db/schema.js';

export interface WorklistRow {
  type: WorklistItemType;
  dueDate: string;
  kommunenummer: string | null;
  municipalityName: string | null;
  subjectType: WorklistSubjectType;
  subjectId: string;
  label: string;
}

/** The office's own work on a day: what the compliance report does not hold. */
export interface OfficeWorkWindow {
  officeCode: string;
  today: string;
  /** The last application deadline shown (drafts only). */
  deadlinesUntil: string;
  /** The last next-follow-up date, education plan due date and course registration deadline shown. */
  soonUntil: string;
  /** Months after the start an education plan should be approved by, and between its reviews. */
  planDueMonths: number;
  planReviewMonths: number;
}

const p = placeholders;
const literal = (value: string, name: string) => sql<string>`${sql.raw(`'${value}'`)}`.as(name);
const columns = (type: WorklistItemType, subjectType: WorklistSubjectType, row: { due: SQL | AnyColumn; kommunenummer: SQL | AnyColumn; name: SQL | AnyColumn; id: SQL | AnyColumn; label: SQL | AnyColumn }) => ({
  type: literal(type, 'type'),
  dueDate: sql<string>`${row.due}::text`.as('due_date'),
  kommunenummer: sql<string | null>`${row.kommunenummer}`.as('kommunenummer'),
  municipalityName: sql<string | null>`${row.name}`.as('municipality_name'),
  subjectType: literal(subjectType, 'subject_type'),
  subjectId: sql<string>`${row.id}::text`.as('subject_id'),
  label: sql<string>`${row.label}`.as('label'),
});
const ofMunicipality = { kommunenummer: municipalities.kommunenummer, name: municipalities.shortName };

/** One branch per item type, each joined through the office's municipalities and served by its own index. */
function officeWorkStatement(db: Executor, name: string) {
  const ofOffice = eq(municipalities.officeCode, p('officeCode'));
  // When the education plan is due: its approval after the start, then each review (shared educationPlanDueOn and …ReviewDueOn).
  const approved = eq(agreements.educationPlanStatus, 'approved');
  const lastReview = sql`coalesce(${agreements.educationPlanReviewedOn}, ${agreements.educationPlanApprovedOn})`;
  const planDue = sql`(case when ${approved} then ${lastReview} + make_interval(months => ${p('planReviewMonths')}::int) else ${agreements.startDate} + make_interval(months => ${p('planDueMonths')}::int) end)::date`;
  return db
    .select(columns('grant_deadline', 'grant_application', { ...ofMunicipality, due: grantSchemes.applicationDeadline, id: grantApplications.id, label: grantSchemes.name }))
    .from(grantApplications)
    .innerJoin(municipalities, eq(municipalities.kommunenummer, grantApplications.kommunenummer))
    .innerJoin(grantSchemes, eq(grantSchemes.code, grantApplications.schemeCode))
    .where(
      and(
        ofOffice,
        eq(grantApplications.status, 'draft'),
        between(grantSchemes.applicationDeadline, sql`${p('today')}::date`, sql`${p('deadlinesUntil')}::date`),
      ),
    )
    .unionAll(
      db
        .select(columns('follow_up_due', 'municipality', { ...ofMunicipality, due: followUps.nextFollowUpOn, id: municipalities.kommunenummer, label: followUps.summary }))
        .from(followUps)
        .innerJoin(municipalities, eq(municipalities.kommunenummer, followUps.kommunenummer))
        .where(and(ofOffice, eq(followUps.done, false), lte(followUps.nextFollowUpOn, sql`${p('soonUntil')}::date`))),
    )
    .unionAll(
      db
        .select(columns('education_plan', 'agreement', { ...ofMunicipality, due: planDue, id: agreements.id, label: doctors.name }))
        .from(agreements)
        .innerJoin(municipalities, eq(municipalities.kommunenummer, agreements.kommunenummer))
        .innerJoin(doctors, eq(doctors.id, agreements.doctorId))
        .where(
          and(
            ofOffice,
            eq(agreements.status, 'active'),
            sql`${planDue} <= ${p('soonUntil')}::date`,
          ),
        ),
    )
    .unionAll(
      db
        .select(columns('course_open_seats', 'course', { kommunenummer: sql`null::text`, name: sql`null::text`, due: courses.registrationDeadline, id: courses.id, label: courses.title }))
        .from(courses)
        .where(
          and(
            eq(courses.officeCode, p('officeCode')),
            eq(courses.status, 'open'),
            between(courses.registrationDeadline, sql`${p('today')}::date`, sql`${p('soonUntil')}::date`),
            sql`(select count(*) from ${courseParticipants} where ${courseParticipants.courseId} = ${courses.id}) < ${courses.capacity}`,
          ),
        ),
    )
    .prepare(name);
}

/** An office's own work in one prepared statement, whatever the number of cases. */
export const worklistRepo = {
  async officeWork(db: Executor, window: OfficeWorkWindow): Promise<WorklistRow[]> {
    const rows = await prepared(db, 'worklist_office_work', (name) => officeWorkStatement(db, name)).execute({ ...window });
    return rows.map((row) => ({ ...row, type: row.type as WorklistItemType, subjectType: row.subjectType as WorklistSubjectType }));
  },
};
