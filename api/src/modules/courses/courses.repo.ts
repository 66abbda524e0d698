import type { Total } from '@alis/shared';
import { type SQL, and, asc, desc, eq, getTableColumns, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { ChangesOf, Executor } from '../../db/client.js';
import { courseParticipants, courses, supervisors } from '../../db/schema.js';
import { type Bind, placeholders, prepared } from '../../db/prepared.js';
import { type ListPage, ONE, type SortColumns, statementName, totalOf } from '../../lib/list.js';

export type CourseRecord = typeof courses.$inferSelect;
export type NewCourseRow = typeof courses.$inferInsert;
export type CourseRow = CourseRecord & { participantCount: number };
export type CourseChanges = ChangesOf<
  typeof courses,
  'title' | 'kind' | 'days' | 'firstDay' | 'lastDay' | 'place' | 'online' | 'capacity' | 'registrationDeadline' | 'description' |
  'status' | 'cancellationReason'
>;
export type ParticipantRow = typeof courseParticipants.$inferSelect;
export type NewParticipantRow = typeof courseParticipants.$inferInsert;

/** Who may see which courses: an office its own, a municipality's client the open ones, an admin all. */
export interface CourseScope {
  officeCode: string | null;
  openOnly: boolean;
}

export interface CourseFilter {
  officeCode?: string | undefined;
  status?: CourseRecord['status'] | undefined;
  kind?: CourseRecord['kind'] | undefined;
  from?: string | undefined;
}

export const COURSE_SORTS: SortColumns<'firstDay'> = { firstDay: [courses.firstDay, courses.id] };
export const coursePosition = { firstDay: (row: CourseRow) => [row.firstDay, row.id] };

// Qualified by hand: drizzle leaves the columns of a one-table query's select list unqualified.
const participantCount = sql<number>`(select count(*)::int from ${courseParticipants} as "cp" where "cp"."course_id" = "courses"."id")`.mapWith(Number);
const courseColumns = { ...getTableColumns(courses), participantCount };

function matching(scope: CourseScope, filter: CourseFilter, bind: Bind): SQL | undefined {
  return and(
    scope.officeCode === null ? undefined : eq(courses.officeCode, bind('scopeOffice')),
    scope.openOnly ? eq(courses.status, 'open') : undefined,
    filter.officeCode ? eq(courses.officeCode, bind('officeCode')) : undefined,
    filter.status ? eq(courses.status, bind('status')) : undefined,
    filter.kind ? eq(courses.kind, bind('kind')) : undefined,
    filter.from ? sql`${courses.lastDay} >= ${bind('from')}::date` : undefined,
  );
}
const valuesOf = (scope: CourseScope, filter: CourseFilter) => ({ ...filter, scopeOffice: scope.officeCode });
const shapeOf = (scope: CourseScope, filter: CourseFilter) => [
  scope.officeCode !== null,
  scope.openOnly,
  filter.officeCode !== undefined,
  filter.status !== undefined,
  filter.kind !== undefined,
  filter.from !== undefined,
];

/** The participant matches a supervisor's HPR number or e-mail (case-insensitive): a person not yet registered, or a doctor. */
const sameperson = (hprNumber: string, email: string | null) =>
  or(eq(courseParticipants.hprNumber, hprNumber), email ? sql`lower(${courseParticipants.email}) = lower(${email})` : undefined);

export const coursesRepo = {
  async list(db: Executor, scope: CourseScope, filter: CourseFilter, page: ListPage<'firstDay'>): Promise<CourseRow[]> {
    return prepared(db, statementName('courses_list', [...shapeOf(scope, filter), page.sort, page.after !== undefined]), (name) =>
      db
        .select(courseColumns)
        .from(courses)
        .where(and(matching(scope, filter, placeholders), page.after))
        .orderBy(...page.orderBy)
        .limit(sql.placeholder('limit'))
        .prepare(name),
    ).execute({ ...valuesOf(scope, filter), ...page.values });
  },

  total(db: Executor, scope: CourseScope, filter: CourseFilter): Promise<Total> {
    return totalOf(
      db,
      statementName('courses_total', shapeOf(scope, filter)),
      (bind) => db.select({ one: ONE }).from(courses).where(matching(scope, filter, bind)).$dynamic(),
      valuesOf(scope, filter),
    );
  },

  async get(db: Executor, id: string, scope: CourseScope, options: { forUpdate?: boolean } = {}): Promise<CourseRow | undefined> {
    const query = db
      .select(courseColumns)
      .from(courses)
      .where(
        and(
          eq(courses.id, id),
          scope.officeCode === null ? undefined : eq(courses.officeCode, scope.officeCode),
          scope.openOnly ? eq(courses.status, 'open') : undefined,
        ),
      );
    const [row] = options.forUpdate ? await query.for('update', { of: courses }) : await query;
    return row;
  },

  async insert(tx: Executor, row: NewCourseRow): Promise<CourseRecord> {
    const [inserted] = await tx.insert(courses).values(row).returning();
    if (!inserted) throw new Error('the course was not inserted');
    return inserted;
  },

  /** Changes the course and moves its version (participants' changes move it too: the course shows its seats). */
  async update(tx: Executor, id: string, changes: CourseChanges): Promise<void> {
    await tx
      .update(courses)
      .set({ ...changes, version: sql`${courses.version} + 1`, updatedAt: sql`now()` })
      .where(eq(courses.id, id));
  },

  /** The course's participants in sign-up order: the order of seats and of the waiting list. */
  async participants(db: Executor, courseId: string): Promise<ParticipantRow[]> {
    return db.select().from(courseParticipants).where(eq(courseParticipants.courseId, courseId)).orderBy(asc(courseParticipants.seq));
  },

  /** Undefined when the person is already signed up for the course (a unique index decides). */
  async insertParticipant(tx: Executor, row: NewParticipantRow): Promise<ParticipantRow | undefined> {
    const [inserted] = await tx.insert(courseParticipants).values(row).onConflictDoNothing().returning();
    return inserted;
  },

  /** The participant already signed up who is the same person: by supervisor, doctor or (not registered) e-mail. */
  async findParticipant(
    db: Executor,
    courseId: string,
    person: { supervisorId: string | null; doctorId: string | null; email: string | null },
  ): Promise<ParticipantRow | undefined> {
    const [row] = await db
      .select()
      .from(courseParticipants)
      .where(
        and(
          eq(courseParticipants.courseId, courseId),
          person.supervisorId
            ? eq(courseParticipants.supervisorId, person.supervisorId)
            : person.doctorId
              ? eq(courseParticipants.doctorId, person.doctorId)
              : and(isNull(courseParticipants.supervisorId), isNull(courseParticipants.doctorId), sql`lower(${courseParticipants.email}) = lower(${person.email ?? ''})`),
        ),
      );
    return row;
  },

  async deleteParticipant(tx: Executor, courseId: string, participantId: string): Promise<void> {
    await tx.delete(courseParticipants).where(and(eq(courseParticipants.courseId, courseId), eq(courseParticipants.id, participantId)));
  },

  async setAttended(tx: Executor, participantId: string, attended: string[]): Promise<void> {
    await tx.update(courseParticipants).set({ attended }).where(eq(courseParticipants.id, participantId));
  },

  /**
   * The last day of the latest held veilederkurs that a person not registered as supervisor (or a
   * doctor) with this HPR number or e-mail attended on every day of; null when none.
   */
  async completedOnFor(db: Executor, hprNumber: string, email: string | null): Promise<string | null> {
    const [row] = await db
      .select({ on: sql<string | null>`max(${courses.lastDay})::text` })
      .from(courseParticipants)
      .innerJoin(courses, eq(courses.id, courseParticipants.courseId))
      .where(
        and(
          isNull(courseParticipants.supervisorId),
          sameperson(hprNumber, email),
          eq(courses.kind, 'veilederkurs'),
          eq(courses.status, 'held'),
          sql`${courseParticipants.attended} @> ${courses.days}`,
        ),
      );
    return row?.on ?? null;
  },

  /**
   * Links the sign-ups of a person not yet registered to the supervisor now registered with their
   * HPR number or e-mail (one per course, the earliest), so the supervisor's page lists their courses.
   */
  async linkToSupervisor(tx: Executor, supervisorId: string, hprNumber: string, email: string | null): Promise<void> {
    const candidates = tx
      .selectDistinctOn([courseParticipants.courseId], { id: courseParticipants.id })
      .from(courseParticipants)
      .where(and(isNull(courseParticipants.supervisorId), isNull(courseParticipants.doctorId), sameperson(hprNumber, email)))
      .orderBy(courseParticipants.courseId, asc(courseParticipants.seq));
    await tx.update(courseParticipants).set({ supervisorId }).where(inArray(courseParticipants.id, candidates));
  },

  /** The courses a supervisor signed up for (or, as a doctor with the same HPR number, before becoming one), newest first. */
  async coursesOfSupervisor(db: Executor, supervisor: { id: string; hprNumber: string }) {
    return db
      .select({ participant: getTableColumns(courseParticipants), course: courseColumns })
      .from(courseParticipants)
      .innerJoin(courses, eq(courses.id, courseParticipants.courseId))
      .where(
        or(
          eq(courseParticipants.supervisorId, supervisor.id),
          and(isNotNull(courseParticipants.doctorId), eq(courseParticipants.hprNumber, supervisor.hprNumber)),
        ),
      )
      .orderBy(desc(courses.firstDay), asc(courses.id));
  },

  /** The rank (1 = first signed up) of each participant of these courses, for seats on the supervisor's page. */
  async ranks(db: Executor, courseIds: readonly string[]): Promise<Map<string, number>> {
    if (courseIds.length === 0) return new Map();
    const rows = await db
      .select({ id: courseParticipants.id, courseId: courseParticipants.courseId })
      .from(courseParticipants)
      .where(inArray(courseParticipants.courseId, [...courseIds]))
      .orderBy(asc(courseParticipants.courseId), asc(courseParticipants.seq));
    const ranks = new Map<string, number>();
    const counters = new Map<string, number>();
    for (const row of rows) {
      const rank = (counters.get(row.courseId) ?? 0) + 1;
      counters.set(row.courseId, rank);
      ranks.set(row.id, rank);
    }
    return ranks;
  },

  /** Supervisors with this e-mail address (case-insensitive); at most two, enough to tell whether it names one. */
  supervisorsByEmail(db: Executor, email: string) {
    return db.select({ id: supervisors.id }).from(supervisors).where(sql`lower(${supervisors.email}) = lower(${email})`).limit(2);
  },
};
