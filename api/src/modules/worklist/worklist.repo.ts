import type { WorklistItemType } from '@alis/shared';
import { type AnyColumn, and, between, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { placeholders, prepared } from '../../db/prepared.js';
import { agreements, courseParticipants, courses, doctors, followUps, grantApplications, grantSchemes, municipalities } from '../../db/schema.js';

export interface WorklistRow {
  type: WorklistItemType;
  dueDate: string;
  kommunenummer: string | null;
  municipalityName: string | null;
  subjectType: 'grant_application' | 'agreement' | 'municipality' | 'course';
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
  /** The last next-follow-up date, education plan due date and course registration deadline shown. */
  soonUntil: string;
  /** Months after the start an education plan should be approved by, and between its reviews. */
  planDueMonths: number;
  planReviewMonths: number;
}

const p = placeholders;
const literal = (value: string, name: string) => sql<string>`${sql.raw(`'${value}'`)}`.as(name);

/** One branch per item type, each joined through the office's municipalities and served by its own index. */
function worklistStatement(db: Executor, name: string) {
  const grantColumns = (type: WorklistItemType, due: AnyColumn) => ({
    type: literal(type, 'type'),
    dueDate: sql<string>`${due}::text`.as('due_date'),
    kommunenummer: sql<string | null>`${municipalities.kommunenummer}`.as('kommunenummer'),
    municipalityName: sql<string | null>`${municipalities.shortName}`.as('municipality_name'),
    subjectType: literal('grant_application', 'subject_type'),
    subjectId: sql<string>`${grantApplications.id}::text`.as('subject_id'),
    label: sql<string>`${grantSchemes.name}`.as('label'),
  });
  const ofOffice = eq(municipalities.officeCode, p('officeCode'));
  // When the education plan is due: its approval after the start, then each review (shared educationPlanDueOn and …ReviewDueOn).
  const planDue = sql`(case when ${agreements.educationPlanStatus} = 'approved' then coalesce(${agreements.educationPlanReviewedOn}, ${agreements.educationPlanApprovedOn}) + make_interval(months => ${p('planReviewMonths')}::int) else ${agreements.startDate} + make_interval(months => ${p('planDueMonths')}::int) end)::date`;
  const applications = (type: WorklistItemType, due: AnyColumn) =>
    db
      .select(grantColumns(type, due))
      .from(grantApplications)
      .innerJoin(municipalities, eq(municipalities.kommunenummer, grantApplications.kommunenummer))
      .innerJoin(grantSchemes, eq(grantSchemes.code, grantApplications.schemeCode));
  return applications('grant_deadline', grantSchemes.applicationDeadline)
    .where(
      and(
        ofOffice,
        eq(grantApplications.status, 'draft'),
        between(grantSchemes.applicationDeadline, sql`${p('today')}::date`, sql`${p('deadlinesUntil')}::date`),
      ),
    )
    .unionAll(
      applications('auditor_certificate', grantSchemes.auditorCertificateDueDate).where(
        and(
          ofOffice,
          inArray(grantApplications.status, ['granted', 'partially_granted', 'paid']),
          isNull(grantApplications.auditorCertificateReceivedOn),
          lte(grantSchemes.auditorCertificateDueDate, sql`${p('certificatesUntil')}::date`),
        ),
      ),
    )
    .unionAll(
      db
        .select({
          type: literal('agreement_ending', 'type'),
          dueDate: sql<string>`${agreements.plannedEndDate}::text`.as('due_date'),
          kommunenummer: sql<string | null>`${municipalities.kommunenummer}`.as('kommunenummer'),
          municipalityName: sql<string | null>`${municipalities.shortName}`.as('municipality_name'),
          subjectType: literal('agreement', 'subject_type'),
          subjectId: sql<string>`${agreements.id}::text`.as('subject_id'),
          label: sql<string>`${doctors.name}`.as('label'),
        })
        .from(agreements)
        .innerJoin(municipalities, eq(municipalities.kommunenummer, agreements.kommunenummer))
        .innerJoin(doctors, eq(doctors.id, agreements.doctorId))
        .where(
          and(
            ofOffice,
            eq(agreements.status, 'active'),
            between(agreements.plannedEndDate, sql`${p('today')}::date`, sql`${p('endingUntil')}::date`),
          ),
        ),
    )
    .unionAll(
      db
        .select({
          type: literal('follow_up_due', 'type'),
          dueDate: sql<string>`${followUps.nextFollowUpOn}::text`.as('due_date'),
          kommunenummer: sql<string | null>`${municipalities.kommunenummer}`.as('kommunenummer'),
          municipalityName: sql<string | null>`${municipalities.shortName}`.as('municipality_name'),
          subjectType: literal('municipality', 'subject_type'),
          subjectId: sql<string>`${municipalities.kommunenummer}`.as('subject_id'),
          label: sql<string>`${followUps.summary}`.as('label'),
        })
        .from(followUps)
        .innerJoin(municipalities, eq(municipalities.kommunenummer, followUps.kommunenummer))
        .where(and(ofOffice, eq(followUps.done, false), lte(followUps.nextFollowUpOn, sql`${p('soonUntil')}::date`))),
    )
    .unionAll(
      db
        .select({
          type: literal('education_plan', 'type'),
          dueDate: sql<string>`${planDue}::text`.as('due_date'),
          kommunenummer: sql<string | null>`${municipalities.kommunenummer}`.as('kommunenummer'),
          municipalityName: sql<string | null>`${municipalities.shortName}`.as('municipality_name'),
          subjectType: literal('agreement', 'subject_type'),
          subjectId: sql<string>`${agreements.id}::text`.as('subject_id'),
          label: sql<string>`${doctors.name}`.as('label'),
        })
        .from(agreements)
        .innerJoin(municipalities, eq(municipalities.kommunenummer, agreements.kommunenummer))
        .innerJoin(doctors, eq(doctors.id, agreements.doctorId))
        .where(and(ofOffice, eq(agreements.status, 'active'), sql`${planDue} <= ${p('soonUntil')}::date`)),
    )
    .unionAll(
      db
        .select({
          type: literal('course_open_seats', 'type'),
          dueDate: sql<string>`${courses.registrationDeadline}::text`.as('due_date'),
          kommunenummer: sql<string | null>`null::text`.as('kommunenummer'),
          municipalityName: sql<string | null>`null::text`.as('municipality_name'),
          subjectType: literal('course', 'subject_type'),
          subjectId: sql<string>`${courses.id}::text`.as('subject_id'),
          label: sql<string>`${courses.title}`.as('label'),
        })
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
    .orderBy(sql`2, 3, 1, 6`)
    .prepare(name);
}

/**
 * An office's worklist in one prepared statement, whatever the number of cases: the endpoint and
 * the weekly digest read it alike.
 */
export const worklistRepo = {
  async forOffice(db: Executor, window: WorklistWindow): Promise<WorklistRow[]> {
    const rows = await prepared(db, 'worklist', (name) => worklistStatement(db, name)).execute({ ...window });
    return rows.map((row) => ({ ...row, type: row.type as WorklistItemType, subjectType: row.subjectType as WorklistRow['subjectType'] }));
  },
};
