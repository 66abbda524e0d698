import { z } from 'zod';
import { email, isoDate, optionalText, pageOf, pageQuery, sortQuery, timestamp } from './common.js';
import { hprNumber, kommunenummer, officeCode } from './identifiers.js';

export const courseKinds = ['veilederkurs', 'other'] as const;
export type CourseKind = (typeof courseKinds)[number];
export const courseStatuses = ['planned', 'open', 'closed', 'held', 'cancelled'] as const;
export type CourseStatus = (typeof courseStatuses)[number];

/**
 * A course's lifecycle: planned → open (sign-up) → closed (sign-up over) → held; open and closed may
 * go back (reopened, or sign-up closed early and opened again); anything before held may be cancelled.
 */
export const COURSE_TRANSITIONS: Record<CourseStatus, readonly CourseStatus[]> = {
  planned: ['open', 'cancelled'],
  open: ['closed', 'cancelled'],
  closed: ['open', 'held', 'cancelled'],
  held: [],
  cancelled: [],
};

/** Participants may be added and removed until the course is held or cancelled. */
export const COURSE_SIGN_UP_STATUSES: readonly CourseStatus[] = ['planned', 'open', 'closed'];

/** A veilederkurs lasts two days; other courses one or more. */
export const VEILEDERKURS_DAYS = 2;
/** Seats and the waiting list together (capacity is at most 1000). */
export const COURSE_MAX_PARTICIPANTS = 5000;

/**
 * Seats go in sign-up order: the first `capacity` participants have one, the rest wait in order
 * (position 1 is next). Someone leaving moves the first on the waiting list up.
 */
export function seatOf(rank: number, capacity: number): { seated: boolean; waitingPosition: number | null } {
  return rank <= capacity ? { seated: true, waitingPosition: null } : { seated: false, waitingPosition: rank - capacity };
}

/** A participant completed a course when it is a held veilederkurs and they attended every one of its days. */
export function completedCourse(course: { kind: CourseKind; status: CourseStatus; days: readonly string[] }, attended: readonly string[]): boolean {
  return course.kind === 'veilederkurs' && course.status === 'held' && course.days.length > 0 && course.days.every((day) => attended.includes(day));
}

/** The date a completed course counts from: its last day. */
export const courseCompletionDate = (days: readonly string[]) => [...days].sort().at(-1) ?? null;

const courseDays = z
  .array(isoDate)
  .min(1)
  .max(20)
  .describe('The course dates, one or more (a veilederkurs has two); stored in order.');

export const course = z
  .object({
    id: z.uuid(),
    officeCode: z.string().max(16),
    title: z.string().max(200),
    kind: z.enum(courseKinds),
    days: z.array(isoDate).max(20),
    place: z.string().max(500).nullable(),
    online: z.boolean(),
    capacity: z.number().int(),
    registrationDeadline: isoDate,
    description: z.string().max(4000).nullable(),
    status: z.enum(courseStatuses),
    cancellationReason: z.string().max(2000).nullable(),
    seatsTaken: z.number().int().describe('Participants with a seat.'),
    waitingCount: z.number().int().describe('Participants on the waiting list.'),
    openSeats: z.number().int().describe('Seats left (0 when full).'),
    allowedTransitions: z.array(z.enum(courseStatuses)).max(courseStatuses.length),
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Course' });
export type Course = z.infer<typeof course>;
export const coursePage = pageOf(course);

const courseFields = {
  title: z.string().trim().min(1).max(200),
  kind: z.enum(courseKinds),
  days: courseDays,
  place: optionalText(300),
  online: z.boolean(),
  capacity: z.number().int().min(1).max(1000),
  registrationDeadline: isoDate,
  description: optionalText(4000),
};

export const createCourseRequest = z
  .object({
    ...courseFields,
    place: courseFields.place.optional(),
    online: courseFields.online.default(false),
    description: courseFields.description.optional(),
    officeCode: officeCode.optional().describe("The office running it: an office user's own (the default); an admin names one."),
  })
  .strict()
  .meta({
    id: 'CreateCourseRequest',
    examples: [
      {
        title: 'Veilederkurs for fastleger, Nord',
        kind: 'veilederkurs',
        days: ['2026-10-14', '2026-10-15'],
        place: 'Bodø, Thon Hotel Nordlys',
        capacity: 24,
        registrationDeadline: '2026-09-30',
      },
    ],
  });
export type CreateCourseRequest = z.input<typeof createCourseRequest>;

export const updateCourseRequest = z.object(courseFields).partial().strict().meta({ id: 'UpdateCourseRequest', examples: [{ capacity: 30 }] });
export type UpdateCourseRequest = z.input<typeof updateCourseRequest>;

export const courseTransitionRequest = z
  .object({
    to: z.enum(courseStatuses),
    reason: z.string().trim().min(1).max(2000).optional().describe('Required for cancelled.'),
  })
  .strict()
  .meta({ id: 'CourseTransitionRequest', examples: [{ to: 'open' }, { to: 'cancelled', reason: 'For få påmeldte' }] });
export type CourseTransitionRequest = z.infer<typeof courseTransitionRequest>;

export const listCoursesQuery = z
  .object({
    officeCode: officeCode.optional(),
    status: z.enum(courseStatuses).optional(),
    kind: z.enum(courseKinds).optional(),
    from: isoDate.optional().describe('Courses whose last day is on or after this date.'),
    sort: sortQuery(['firstDay'], '-firstDay'),
    ...pageQuery,
  })
  .strict();

export const courseParticipant = z
  .object({
    id: z.uuid(),
    courseId: z.uuid(),
    supervisorId: z.uuid().nullable(),
    doctorId: z.uuid().nullable(),
    name: z.string().max(200),
    email: z.string().max(254).nullable(),
    hprNumber: z.string().max(9).nullable(),
    kommunenummer: z.string().max(4).nullable(),
    seated: z.boolean().describe('Has a seat; otherwise on the waiting list.'),
    waitingPosition: z.number().int().nullable().describe('Place on the waiting list (1 is next), null with a seat.'),
    attended: z.array(isoDate).max(20).describe('The course days the participant attended.'),
    completed: z.boolean().describe('Attended every day of a held veilederkurs.'),
    signedUpAt: timestamp,
  })
  .meta({ id: 'CourseParticipant' });
export type CourseParticipant = z.infer<typeof courseParticipant>;
export const courseParticipantList = z.object({ items: z.array(courseParticipant).max(COURSE_MAX_PARTICIPANTS) }).meta({ id: 'CourseParticipantList' });

export const addCourseParticipantRequest = z
  .object({
    supervisorId: z.uuid().optional().describe('An existing supervisor.'),
    doctorId: z.uuid().optional().describe('An existing doctor.'),
    name: z.string().trim().min(1).max(200).optional().describe('A person not yet registered: name, e-mail and kommunenummer.'),
    email: email.optional(),
    hprNumber: hprNumber.optional(),
    kommunenummer: kommunenummer.optional().describe("The person's municipality; for a supervisor the workplace by default."),
  })
  .strict()
  .meta({
    id: 'AddCourseParticipantRequest',
    examples: [
      { supervisorId: '0b9e4d2c-7a61-4e3f-8d15-2c4a6b8e0f17' },
      { name: 'Kari Nordmann', email: 'kari.nordmann@heroy.kommune.no', kommunenummer: '1818', hprNumber: '4412399' },
    ],
  });
export type AddCourseParticipantRequest = z.input<typeof addCourseParticipantRequest>;

export const recordAttendanceRequest = z
  .object({
    day: isoDate.describe('One of the course days.'),
    present: z.array(z.uuid()).max(1000).describe('The participants there that day (all others were not).'),
  })
  .strict()
  .meta({ id: 'RecordAttendanceRequest', examples: [{ day: '2026-10-14', present: ['6f1c2a4e-3b8d-4f7a-9c2e-1d5b7a9e0c31'] }] });
export type RecordAttendanceRequest = z.infer<typeof recordAttendanceRequest>;

export const courseParticipantParams = z.object({ id: z.uuid(), participantId: z.uuid() }).strict();

/** A course a supervisor took part in, for the supervisor's page. */
export const supervisorCourse = z
  .object({
    courseId: z.uuid(),
    title: z.string().max(200),
    kind: z.enum(courseKinds),
    status: z.enum(courseStatuses),
    days: z.array(isoDate).max(20),
    officeCode: z.string().max(16),
    seated: z.boolean(),
    attended: z.array(isoDate).max(20),
    completed: z.boolean(),
  })
  .meta({ id: 'SupervisorCourse' });
export type SupervisorCourse = z.infer<typeof supervisorCourse>;
export const supervisorCourseList = z.object({ items: z.array(supervisorCourse).max(1000) }).meta({ id: 'SupervisorCourseList' });
