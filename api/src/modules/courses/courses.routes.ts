import {
  addCourseParticipantRequest,
  course,
  courseParticipant,
  courseParticipantList,
  courseParticipantParams,
  coursePage,
  courseTransitionRequest,
  createCourseRequest,
  idParams,
  listCoursesQuery,
  recordAttendanceRequest,
  supervisorCourseList,
  updateCourseRequest,
} from '@alis/shared';
import { z } from 'zod';
import { expectedVersion } from '../../lib/etag.js';
import { contextOf, requirePrincipal } from '../../lib/request-context.js';
import { moduleRoutes } from '../../lib/routes.js';

/** Courses are the offices' work; municipalities' clients see open ones and sign up their own people. */
const COURSE_ROLES = ['admin', 'office', 'municipality'] as const;
const STAFF = ['admin', 'office'] as const;

const SCOPE =
  "An office sees and runs its own office's courses; an admin all; a municipality's client sees open courses (any office's) " +
  'and nothing else. A course outside your scope answers 404.';
const SEATS =
  'Seats go in sign-up order: the first `capacity` participants have one, the others wait in that order (`waitingPosition` 1 is ' +
  'next); when someone leaves, the first on the waiting list moves up.';

export const courseRoutes = moduleRoutes({ tags: ['courses'], roles: COURSE_ROLES }, (route, { courses: service }) => {
  route.resource(
    '/courses',
    service,
    {
      resource: course,
      page: coursePage,
      query: listCoursesQuery,
      create: createCourseRequest,
      update: updateCourseRequest,
      transition: courseTransitionRequest,
    },
    {
      create: {
        summary: 'Plan a course (veilederkurs or other)',
        description:
          'An office user plans courses of its own office (the default `officeCode`); an admin names the office. A `veilederkurs` has two ' +
          'days; the registration deadline is on or before the first day; a course that is not `online` needs a `place`. It starts `planned`.',
        roles: STAFF,
      },
      list: {
        summary: 'List courses, newest first',
        description: `${SCOPE} \`from\`: courses whose last day is on or after the date.`,
      },
      read: { summary: 'Get a course with its seats', description: SCOPE },
      update: {
        summary: 'Change a course',
        description:
          'Send `If-Match` with the ETag you read. Only planned, open or closed courses (409 otherwise). Days with attendance recorded ' +
          'cannot be removed (409). A lower capacity moves the last seated participants to the waiting list.',
        roles: STAFF,
        errors: [409],
      },
      transition: {
        summary: 'Move a course through planned → open → closed → held, or cancel it',
        description:
          '`open` ↔ `closed` may go back and forth; `cancelled` needs a `reason`; `held` once the last day has come (422 `too_early`). ' +
          'When a veilederkurs is held, everyone who attended every day has completed it: a supervisor gets the last day as ' +
          '`courseCompletedOn` when theirs is empty or earlier (also one registered with the participant\'s HPR number or e-mail).',
        roles: STAFF,
        errors: [409, 422],
      },
    },
  );

  route.get(
    '/courses/:id/participants',
    {
      summary: 'List a course\'s participants in sign-up order, with seat or waiting position and attendance',
      description: `${SCOPE} ${SEATS} A municipality's client sees only the participants of its own municipality.`,
      params: idParams,
      response: courseParticipantList,
      errors: [404],
    },
    (request) => service.participants(requirePrincipal(request), request.params.id),
  );

  route.post(
    '/courses/:id/participants',
    {
      summary: 'Sign someone up for a course',
      description:
        `Give one of \`supervisorId\`, \`doctorId\` (each in your scope, 400 otherwise), or a person not yet registered: \`name\`, \`email\`, ` +
        `\`kommunenummer\` and optionally \`hprNumber\`. ${SEATS} The same person twice is 409 \`already_exists\`. Until the course is held ` +
        "or cancelled (409 then). A municipality's client signs up people of its own municipality for open courses until the " +
        'registration deadline (422 `registration_closed` after it).',
      params: idParams,
      body: addCourseParticipantRequest,
      response: courseParticipant,
      status: 201,
      errors: [404, 409, 422],
    },
    async (request, reply) => {
      const created = await service.addParticipant(contextOf(request), request.params.id, request.body);
      return reply.code(201).header('location', `/api/v1/courses/${request.params.id}/participants`).send(created);
    },
  );

  route.delete(
    '/courses/:id/participants/:participantId',
    {
      summary: 'Take someone off a course; the first on the waiting list moves up',
      description:
        "Until the course is held or cancelled (409 then). A municipality's client removes only its own people. `If-Match` with the " +
        "course's ETag is honoured (412 when stale): the course's seats change.",
      params: courseParticipantParams,
      response: z.null().describe('Removed.'),
      status: 204,
      errors: [404, 409, 412],
    },
    async (request, reply) => {
      await service.removeParticipant(contextOf(request), request.params.id, request.params.participantId, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  route.post(
    '/courses/:id/attendance',
    {
      summary: 'Record who attended one course day',
      description:
        '`present` lists everyone there that day; other seated participants were not. The day must be a course day that has come; ' +
        'people on the waiting list cannot be present (400). Open, closed or held courses (409 otherwise). Answers the participants.',
      params: idParams,
      body: recordAttendanceRequest,
      response: courseParticipantList,
      roles: STAFF,
      errors: [404, 409],
    },
    (request) => service.recordAttendance(contextOf(request), request.params.id, request.body),
  );

  route.get(
    '/supervisors/:id/courses',
    {
      summary: 'The courses a supervisor took part in',
      description: 'Newest first, with attendance and whether the course was completed. The supervisor must be in your scope (404).',
      params: idParams,
      response: supervisorCourseList,
      errors: [404],
    },
    (request) => service.ofSupervisor(requirePrincipal(request), request.params.id),
  );
});
