import {
  COURSE_SIGN_UP_STATUSES,
  COURSE_TRANSITIONS,
  type Course,
  type CourseParticipant,
  type FieldError,
  type Page,
  type SupervisorCourse,
  VEILEDERKURS_DAYS,
  type addCourseParticipantRequest,
  completedCourse,
  courseCompletionDate,
  type courseTransitionRequest,
  type createCourseRequest,
  fieldIssue,
  isoDate,
  type listCoursesQuery,
  type recordAttendanceRequest,
  seatOf,
  todayInNorway,
  type updateCourseRequest,
} from '@alis/shared';
import { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { AppError, invalid, invalidField, notFound, unknownReference, unprocessable } from '../../lib/app-error.js';
import { diff, recordAudit } from '../../lib/audit.js';
import { pick } from '../../lib/collections.js';
import { decodeCursor, pageFrom } from '../../lib/cursor.js';
import { assertVersion } from '../../lib/etag.js';
import { keyset, rowsAndTotal } from '../../lib/list.js';
import type { Principal } from '../../lib/principal.js';
import type { RequestContext } from '../../lib/request-context.js';
import { municipalityScope } from '../../lib/scope.js';
import { Service } from '../../lib/service.js';
import { type Versioned, withVersion } from '../../lib/versioned.js';
import { doctorsRepo } from '../doctors/doctors.repo.js';
import { assertMunicipalityExists, assertOfficeExists } from '../reference/reference.service.js';
import { supervisorsRepo } from '../supervisors/supervisors.repo.js';
import { emitSupervisor } from '../supervisors/supervisors.service.js';
import { COURSE_SORTS, type CourseChanges, type CourseRow, type CourseScope, type ParticipantRow, coursePosition, coursesRepo } from './courses.repo.js';

export type CreateCourseInput = z.output<typeof createCourseRequest>;
export type UpdateCourseInput = z.output<typeof updateCourseRequest>;
export type CourseTransitionInput = z.output<typeof courseTransitionRequest>;
export type ListCoursesInput = z.output<typeof listCoursesQuery>;
export type AddParticipantInput = z.output<typeof addCourseParticipantRequest>;
export type RecordAttendanceInput = z.output<typeof recordAttendanceRequest>;

const FACTS = ['officeCode', 'title', 'kind', 'days', 'place', 'online', 'capacity', 'registrationDeadline', 'description', 'status', 'cancellationReason'] as const;
const auditView = (row: Pick<CourseRow, (typeof FACTS)[number]>) => pick(row, FACTS);

const notFoundCourse = () => notFound('The course');

/** An office its own courses, a municipality's client the open ones (anyone's), an admin all. */
function courseScope(principal: Principal): CourseScope {
  if (principal.role === 'office') return { officeCode: principal.officeCode ?? '', openOnly: false };
  if (principal.role === 'municipality') return { officeCode: null, openOnly: true };
  return { officeCode: null, openOnly: false };
}

export function toCourse(row: CourseRow, principal: Principal): Course {
  const seatsTaken = Math.min(row.participantCount, row.capacity);
  const staff = principal.role === 'admin' || principal.role === 'office';
  return {
    id: row.id,
    ...auditView(row),
    seatsTaken,
    waitingCount: Math.max(0, row.participantCount - row.capacity),
    openSeats: row.capacity - seatsTaken,
    allowedTransitions: staff ? [...COURSE_TRANSITIONS[row.status]] : [],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toParticipant(row: ParticipantRow, rank: number, course: Pick<CourseRow, 'capacity' | 'kind' | 'status' | 'days'>): CourseParticipant {
  return {
    id: row.id,
    courseId: row.courseId,
    supervisorId: row.supervisorId,
    doctorId: row.doctorId,
    name: row.name,
    email: row.email,
    hprNumber: row.hprNumber,
    kommunenummer: row.kommunenummer,
    ...seatOf(rank, course.capacity),
    attended: [...row.attended].sort(),
    completed: completedCourse(course, row.attended),
    signedUpAt: row.createdAt.toISOString(),
  };
}

/** Days in order, each once; a veilederkurs has two; registration closes by the first day; a place unless online. */
function checkCourse(next: Pick<CourseRow, 'kind' | 'days' | 'registrationDeadline' | 'place' | 'online'>) {
  const problems: FieldError[] = [];
  if (new Set(next.days).size !== next.days.length) problems.push(fieldIssue({ path: 'days', code: 'invalid', message: 'each day once' }));
  if (next.kind === 'veilederkurs' && next.days.length !== VEILEDERKURS_DAYS) {
    const tooFew = next.days.length < VEILEDERKURS_DAYS;
    problems.push(
      tooFew
        ? fieldIssue({ path: 'days', code: 'too_small', message: 'a veilederkurs has two days', params: { minimum: VEILEDERKURS_DAYS, inclusive: true, origin: 'array' } })
        : fieldIssue({ path: 'days', code: 'too_big', message: 'a veilederkurs has two days', params: { maximum: VEILEDERKURS_DAYS, inclusive: true, origin: 'array' } }),
    );
  }
  const firstDay = [...next.days].sort()[0];
  if (firstDay && next.registrationDeadline > firstDay) {
    problems.push(
      fieldIssue({
        path: 'registrationDeadline',
        code: 'too_late',
        message: `must be on or before the first day (${firstDay})`,
        params: { latest: firstDay, reference: 'days' },
      }),
    );
  }
  if (!next.online && !next.place) problems.push(fieldIssue({ path: 'place', code: 'required', message: 'a course held in person needs a place' }));
  if (problems.length > 0) throw invalid(problems);
}

const dayColumns = (days: readonly string[]) => {
  const sorted = [...days].sort();
  return { days: sorted, firstDay: sorted[0] ?? '', lastDay: sorted.at(-1) ?? '' };
};

export class CoursesService extends Service {
  async list(principal: Principal, query: ListCoursesInput): Promise<Page<Course>> {
    const { limit, cursor, sort, ...filter } = query;
    const scope = courseScope(principal);
    // The cursor's day is cast to a date in SQL: check it first, so a forged one is 400.
    decodeCursor(cursor, z.object({ s: z.string(), v: z.tuple([isoDate, z.uuid()]) }));
    const page = keyset(sort, COURSE_SORTS, cursor, coursePosition, limit + 1);
    const [rows, total] = await rowsAndTotal(
      () => coursesRepo.list(this.db, scope, filter, page),
      () => coursesRepo.total(this.db, scope, filter),
    );
    return pageFrom(rows, limit, (row) => toCourse(row, principal), page.cursorOf, total);
  }

  async get(principal: Principal, id: string): Promise<Versioned<Course>> {
    const row = await coursesRepo.get(this.db, id, courseScope(principal));
    if (!row) throw notFoundCourse();
    return withVersion(toCourse(row, principal));
  }

  async create(context: RequestContext, input: CreateCourseInput): Promise<Versioned<Course>> {
    const { principal } = context;
    const officeCode = this.officeOf(principal, input.officeCode);
    await assertOfficeExists(this.db, 'officeCode', officeCode);
    const fields = {
      title: input.title,
      kind: input.kind,
      ...dayColumns(input.days),
      place: input.place ?? null,
      online: input.online,
      capacity: input.capacity,
      registrationDeadline: input.registrationDeadline,
      description: input.description ?? null,
    };
    checkCourse(fields);
    return context.transact(async (tx) => {
      const created = await coursesRepo.insert(tx, { officeCode, ...fields });
      await recordAudit(tx, context, { action: 'course.created', entityType: 'course', entityId: created.id, after: auditView(created) });
      return withVersion(toCourse({ ...created, participantCount: 0 }, principal));
    });
  }

  async update(context: RequestContext, id: string, input: UpdateCourseInput, expected: number | undefined): Promise<Versioned<Course>> {
    const { principal } = context;
    return context.transact(async (tx) => {
      const current = await this.lock(tx, principal, id, expected);
      if (!COURSE_SIGN_UP_STATUSES.includes(current.status)) {
        throw new AppError('conflict', `A ${current.status} course cannot be changed.`);
      }
      const next = { ...current, ...input, ...(input.days ? dayColumns(input.days) : {}) };
      checkCourse(next);
      const changed = diff(auditView(current), auditView(next));
      if (!changed) return withVersion(toCourse(current, principal));
      if (input.days && changed.after.days) {
        const attended = (await coursesRepo.participants(tx, id)).some((participant) => participant.attended.some((day) => !next.days.includes(day)));
        if (attended) throw new AppError('conflict', 'Attendance is recorded on a day the change removes; correct the attendance first.');
      }
      const changes: CourseChanges = { ...changed.after, ...(input.days ? dayColumns(input.days) : {}) };
      await coursesRepo.update(tx, id, changes);
      await recordAudit(tx, context, { action: 'course.updated', entityType: 'course', entityId: id, before: changed.before, after: changed.after });
      return withVersion(toCourse(await this.reread(tx, id), principal));
    });
  }

  async transition(context: RequestContext, id: string, input: CourseTransitionInput, expected: number | undefined): Promise<Versioned<Course>> {
    const { principal } = context;
    return context.transact(async (tx) => {
      const current = await this.lock(tx, principal, id, expected);
      const allowed = COURSE_TRANSITIONS[current.status];
      if (!allowed.includes(input.to)) {
        throw new AppError(
          'illegal_transition',
          `A course cannot go from ${current.status} to ${input.to}` + (allowed.length ? `; allowed: ${allowed.join(', ')}.` : '.'),
          { from: current.status, to: input.to, allowed: [...allowed] },
        );
      }
      if (input.reason !== undefined && input.to !== 'cancelled') {
        throw invalidField({ path: 'reason', code: 'not_allowed', message: 'only when cancelling', params: { reason: 'closing_only' } });
      }
      if (input.to === 'cancelled' && !input.reason) {
        throw unprocessable('A course is cancelled with a reason.', [fieldIssue({ path: 'reason', code: 'required', message: 'why the course is cancelled is needed' })]);
      }
      const today = todayInNorway();
      if (input.to === 'held' && current.lastDay > today) {
        throw unprocessable(`The course is held once its last day (${current.lastDay}) has come.`, [
          fieldIssue({ path: 'to', code: 'too_early', message: `the course ends ${current.lastDay}`, params: { earliest: current.lastDay, reference: 'days' } }),
        ]);
      }
      const changes: CourseChanges = { status: input.to, ...(input.to === 'cancelled' ? { cancellationReason: input.reason ?? null } : {}) };
      await coursesRepo.update(tx, id, changes);
      await recordAudit(tx, context, { action: 'course.transitioned', entityType: 'course', entityId: id, before: { status: current.status }, after: changes });
      const updated = await this.reread(tx, id);
      await this.applyCompletion(tx, context, updated);
      return withVersion(toCourse(updated, principal));
    });
  }

  async participants(principal: Principal, id: string): Promise<{ items: CourseParticipant[] }> {
    const course = await coursesRepo.get(this.db, id, courseScope(principal));
    if (!course) throw notFoundCourse();
    return { items: this.visibleParticipants(principal, course, await coursesRepo.participants(this.db, id)) };
  }

  async addParticipant(context: RequestContext, id: string, input: AddParticipantInput): Promise<CourseParticipant> {
    const { principal } = context;
    const today = todayInNorway();
    const person = await this.personOf(principal, input);
    return context.transact(async (tx) => {
      const course = await coursesRepo.get(tx, id, courseScope(principal), { forUpdate: true });
      if (!course) throw notFoundCourse();
      if (!COURSE_SIGN_UP_STATUSES.includes(course.status)) throw new AppError('conflict', `Nobody can sign up for a ${course.status} course.`);
      if (principal.role === 'municipality' && today > course.registrationDeadline) {
        throw unprocessable(`Registration closed on ${course.registrationDeadline}; ask the ALIS office.`, [
          fieldIssue({ path: '', code: 'not_allowed', message: `registration closed on ${course.registrationDeadline}`, params: { reason: 'registration_closed' } }),
        ]);
      }
      const inserted = await coursesRepo.insertParticipant(tx, {
        courseId: id,
        ...person,
        signedUpByKommunenummer: principal.role === 'municipality' ? principal.kommunenummer : null,
      });
      if (!inserted) {
        const existing = await coursesRepo.findParticipant(tx, id, person);
        throw new AppError('already_exists', `${person.name} is already signed up for the course.`, { existingId: existing?.id ?? id });
      }
      await coursesRepo.update(tx, id, {});
      await recordAudit(tx, context, {
        action: 'course.participant_added',
        entityType: 'course',
        entityId: id,
        after: { participant: pick(inserted, ['id', 'supervisorId', 'doctorId', 'name', 'email', 'hprNumber', 'kommunenummer']) },
      });
      const participants = await coursesRepo.participants(tx, id);
      const rank = participants.findIndex((participant) => participant.id === inserted.id) + 1;
      return toParticipant(inserted, rank, course);
    });
  }

  /** Removes a participant; the first on the waiting list (if any) moves up to the seat. */
  async removeParticipant(context: RequestContext, id: string, participantId: string, expected: number | undefined): Promise<void> {
    const { principal } = context;
    await context.transact(async (tx) => {
      const course = await this.lock(tx, principal, id, expected);
      const participant = (await coursesRepo.participants(tx, id)).find((row) => row.id === participantId);
      if (!participant || !this.mayManage(principal, participant)) throw notFound('The participant');
      if (!COURSE_SIGN_UP_STATUSES.includes(course.status)) throw new AppError('conflict', `Participants of a ${course.status} course stay on its record.`);
      await coursesRepo.deleteParticipant(tx, id, participantId);
      await coursesRepo.update(tx, id, {});
      await recordAudit(tx, context, {
        action: 'course.participant_removed',
        entityType: 'course',
        entityId: id,
        before: { participant: pick(participant, ['id', 'supervisorId', 'doctorId', 'name', 'email', 'hprNumber', 'kommunenummer', 'attended']) },
      });
    });
  }

  /**
   * Who was there on one course day: those listed, and nobody else with a seat. A day that has not
   * come cannot be recorded; people on the waiting list were not there. On a held veilederkurs
   * this may complete someone's course.
   */
  async recordAttendance(context: RequestContext, id: string, input: RecordAttendanceInput): Promise<{ items: CourseParticipant[] }> {
    const { principal } = context;
    const today = todayInNorway();
    return context.transact(async (tx) => {
      const course = await coursesRepo.get(tx, id, courseScope(principal), { forUpdate: true });
      if (!course) throw notFoundCourse();
      if (course.status === 'planned' || course.status === 'cancelled') {
        throw new AppError('conflict', `Attendance is recorded on an open, closed or held course, not a ${course.status} one.`);
      }
      if (!course.days.includes(input.day)) {
        throw invalidField({ path: 'day', code: 'not_allowed', message: `not one of the course days (${course.days.join(', ')})`, params: { reason: 'not_a_course_day' } });
      }
      if (input.day > today) throw invalidField({ path: 'day', code: 'in_future', message: `must be on or before today (${today})`, params: { today } });
      const participants = await coursesRepo.participants(tx, id);
      const rankOf = new Map(participants.map((participant, index) => [participant.id, index + 1]));
      const problems: FieldError[] = [];
      input.present.forEach((participantId, index) => {
        const rank = rankOf.get(participantId);
        if (rank === undefined) {
          problems.push(fieldIssue({ path: `present.${index}`, code: 'unknown_reference', message: 'not a participant of this course', params: { entity: 'participant', value: participantId } }));
        } else if (!seatOf(rank, course.capacity).seated) {
          problems.push(fieldIssue({ path: `present.${index}`, code: 'not_allowed', message: 'on the waiting list, without a seat', params: { reason: 'waiting_list' } }));
        }
      });
      if (problems.length > 0) throw invalid(problems);
      const present = new Set(input.present);
      const changes: { id: string; name: string; present: boolean }[] = [];
      for (const participant of participants) {
        const was = participant.attended.includes(input.day);
        const is = present.has(participant.id);
        if (was === is) continue;
        const attended = is ? [...participant.attended, input.day].sort() : participant.attended.filter((day) => day !== input.day);
        await coursesRepo.setAttended(tx, participant.id, attended);
        participant.attended = attended;
        changes.push({ id: participant.id, name: participant.name, present: is });
      }
      if (changes.length > 0) {
        await coursesRepo.update(tx, id, {});
        await recordAudit(tx, context, { action: 'course.attendance_recorded', entityType: 'course', entityId: id, after: { day: input.day, changes } });
        await this.applyCompletion(tx, context, course, participants);
      }
      return { items: participants.map((participant, index) => toParticipant(participant, index + 1, course)) };
    });
  }

  /** The courses a supervisor took part in, for the supervisor's page (the supervisor must be in the caller's scope). */
  async ofSupervisor(principal: Principal, supervisorId: string): Promise<{ items: SupervisorCourse[] }> {
    const supervisor = await supervisorsRepo.get(this.db, supervisorId, municipalityScope(principal), todayInNorway());
    if (!supervisor) throw notFound('The supervisor');
    const rows = await coursesRepo.coursesOfSupervisor(this.db, supervisor);
    const ranks = await coursesRepo.ranks(this.db, [...new Set(rows.map((row) => row.course.id))]);
    return {
      items: rows.map(({ participant, course }) => ({
        courseId: course.id,
        title: course.title,
        kind: course.kind,
        status: course.status,
        days: course.days,
        officeCode: course.officeCode,
        seated: seatOf(ranks.get(participant.id) ?? Number.MAX_SAFE_INTEGER, course.capacity).seated,
        attended: [...participant.attended].sort(),
        completed: completedCourse(course, participant.attended),
      })),
    };
  }

  // --- helpers --------------------------------------------------------------------------------

  /**
   * Everyone who completed a held veilederkurs gets its last day as the supervisor's
   * `courseCompletedOn`, when that is empty or earlier: a participant who is a supervisor, or whose
   * HPR number (or, failing that, e-mail) a registered supervisor has. Others get it when they are
   * registered as supervisors (SupervisorsService.create).
   */
  private async applyCompletion(tx: Executor, context: RequestContext, course: CourseRow, known?: ParticipantRow[]): Promise<void> {
    const completedOn = courseCompletionDate(course.days);
    if (course.kind !== 'veilederkurs' || course.status !== 'held' || !completedOn) return;
    const participants = known ?? (await coursesRepo.participants(tx, course.id));
    const today = todayInNorway();
    for (const participant of participants.filter((row) => completedCourse(course, row.attended))) {
      const supervisorId = participant.supervisorId ?? (await this.registeredSupervisorOf(tx, participant));
      if (!supervisorId) continue;
      const supervisor = await supervisorsRepo.get(tx, supervisorId, null, today, { forUpdate: true });
      if (!supervisor || (supervisor.courseCompletedOn !== null && supervisor.courseCompletedOn >= completedOn)) continue;
      await supervisorsRepo.update(tx, supervisorId, { courseCompletedOn: completedOn });
      await recordAudit(tx, context, {
        action: 'supervisor.updated',
        entityType: 'supervisor',
        entityId: supervisorId,
        before: { courseCompletedOn: supervisor.courseCompletedOn },
        after: { courseCompletedOn: completedOn, courseId: course.id },
      });
      const updated = await supervisorsRepo.get(tx, supervisorId, null, today);
      if (updated) await emitSupervisor(tx, 'supervisor.updated', updated, today);
    }
  }

  private async registeredSupervisorOf(tx: Executor, participant: ParticipantRow): Promise<string | null> {
    if (participant.hprNumber) {
      const byHpr = await supervisorsRepo.findByHprNumber(tx, participant.hprNumber);
      if (byHpr) return byHpr.id;
    }
    if (participant.email && !participant.doctorId) {
      const byEmail = await coursesRepo.supervisorsByEmail(tx, participant.email);
      // Only an e-mail address that names one supervisor.
      if (byEmail.length === 1) return byEmail[0]?.id ?? null;
    }
    return null;
  }

  /** The person to sign up, from exactly one of: a supervisor, a doctor, or name, e-mail and municipality. */
  private async personOf(principal: Principal, input: AddParticipantInput) {
    const given = (['supervisorId', 'doctorId', 'name'] as const).filter((field) => input[field] !== undefined);
    if (given.length !== 1) {
      throw invalidField({
        path: given[1] ?? 'supervisorId',
        code: given.length === 0 ? 'required' : 'not_allowed',
        message: 'give one of supervisorId, doctorId, or name with e-mail and kommunenummer',
        ...(given.length === 0 ? {} : { params: { reason: 'one_person_only' } }),
      } as Parameters<typeof fieldIssue>[0]);
    }
    const scope = municipalityScope(principal);
    const today = todayInNorway();
    let person: { supervisorId: string | null; doctorId: string | null; name: string; email: string | null; hprNumber: string | null; kommunenummer: string | null };
    if (input.supervisorId) {
      const supervisor = await supervisorsRepo.get(this.db, input.supervisorId, scope, today);
      if (!supervisor) throw unknownReference('supervisorId', 'supervisor', input.supervisorId, `no supervisor has the id ${input.supervisorId}`);
      person = {
        supervisorId: supervisor.id,
        doctorId: null,
        name: supervisor.name,
        email: supervisor.email,
        hprNumber: supervisor.hprNumber,
        kommunenummer: input.kommunenummer ?? supervisor.workplaceKommunenummer,
      };
    } else if (input.doctorId) {
      const doctor = await doctorsRepo.get(this.db, input.doctorId, scope);
      if (!doctor) throw unknownReference('doctorId', 'doctor', input.doctorId, `no doctor has the id ${input.doctorId}`);
      person = { supervisorId: null, doctorId: doctor.id, name: doctor.name, email: doctor.email, hprNumber: doctor.hprNumber, kommunenummer: input.kommunenummer ?? null };
    } else {
      const missing = (['email', 'kommunenummer'] as const).filter((field) => input[field] === undefined && !(field === 'kommunenummer' && principal.role === 'municipality'));
      if (missing.length > 0) throw invalid(missing.map((path) => fieldIssue({ path, code: 'required', message: 'a person not yet registered needs name, e-mail and kommunenummer' })));
      person = {
        supervisorId: null,
        doctorId: null,
        name: input.name ?? '',
        email: input.email ?? null,
        hprNumber: input.hprNumber ?? null,
        kommunenummer: input.kommunenummer ?? null,
      };
    }
    if (principal.role === 'municipality') {
      person.kommunenummer ??= principal.kommunenummer;
      if (person.kommunenummer !== principal.kommunenummer) {
        throw invalidField({
          path: 'kommunenummer',
          code: 'not_allowed',
          message: `a municipality's client signs up people of its own municipality (${principal.kommunenummer ?? ''})`,
          params: { reason: 'own_municipality_only' },
        });
      }
    }
    if (person.kommunenummer) await assertMunicipalityExists(this.db, 'kommunenummer', person.kommunenummer);
    return person;
  }

  /** A municipality's client sees and removes only people of its own municipality. */
  private mayManage(principal: Principal, participant: ParticipantRow): boolean {
    return principal.role !== 'municipality' || participant.kommunenummer === principal.kommunenummer;
  }

  private visibleParticipants(principal: Principal, course: CourseRow, rows: ParticipantRow[]): CourseParticipant[] {
    return rows.flatMap((row, index) => (this.mayManage(principal, row) ? [toParticipant(row, index + 1, course)] : []));
  }

  /** An office user's courses are its office's; an admin names the office. */
  private officeOf(principal: Principal, requested: string | undefined): string {
    if (principal.role === 'office') {
      if (requested !== undefined && requested !== principal.officeCode) {
        throw invalidField({ path: 'officeCode', code: 'not_allowed', message: 'an office user plans courses of its own office', params: { reason: 'leaves_scope' } });
      }
      return principal.officeCode ?? '';
    }
    if (!requested) throw invalidField({ path: 'officeCode', code: 'required', message: 'name the office that runs the course' });
    return requested;
  }

  private async lock(tx: Executor, principal: Principal, id: string, expected: number | undefined): Promise<CourseRow> {
    const row = await coursesRepo.get(tx, id, courseScope(principal), { forUpdate: true });
    if (!row) throw notFoundCourse();
    assertVersion(expected, row.version, 'The course');
    return row;
  }

  private async reread(tx: Executor, id: string): Promise<CourseRow> {
    const row = await coursesRepo.get(tx, id, { officeCode: null, openOnly: false });
    if (!row) throw new AppError('internal_error', 'The course vanished during the change.');
    return row;
  }
}
