import * as contract from '@alis/shared';
import { addDays, todayInNorway } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { admin, bodoClient, directorate, heroyClient, nordOffice, osloOffice, t, useCast } from './support/cast.js';
import { bodyOf, etagOf } from './support/expect.js';
import { type Caller, auditTrail, expectProblem, http } from './support/factories.js';
import { freshHprNumber } from './support/rows.js';

/** Courses (issue 14): planning, seats and the waiting list, attendance per day and completion. */
useCast();

const today = todayInNorway();
const daysAgo = (n: number) => addDays(today, -n);

async function planCourse(caller: Caller = nordOffice, body: Record<string, unknown> = {}) {
  const response = await http(t)
    .post('/api/v1/courses')
    .set(caller.auth)
    .send({ title: 'Veilederkurs Nord', kind: 'veilederkurs', days: [daysAgo(3), daysAgo(2)], place: 'Bodø', capacity: 2, registrationDeadline: daysAgo(10), ...body });
  if (response.status !== 201) throw new Error(`plan failed: ${response.status} ${JSON.stringify(response.body)}`);
  return bodyOf(response, contract.course);
}
const move = (id: string, body: Record<string, unknown>, caller: Caller = nordOffice) =>
  http(t).post(`/api/v1/courses/${id}/transitions`).set(caller.auth).send(body);
const signUp = (id: string, body: Record<string, unknown>, caller: Caller = nordOffice) =>
  http(t).post(`/api/v1/courses/${id}/participants`).set(caller.auth).send(body);
const participants = async (id: string, caller: Caller = nordOffice) =>
  bodyOf(await http(t).get(`/api/v1/courses/${id}/participants`).set(caller.auth).expect(200), contract.courseParticipantList).items;
const attendance = (id: string, day: string, present: string[], caller: Caller = nordOffice) =>
  http(t).post(`/api/v1/courses/${id}/attendance`).set(caller.auth).send({ day, present });
async function createSupervisor(body: Record<string, unknown> = {}, caller: Caller = nordOffice) {
  const response = await http(t)
    .post('/api/v1/supervisors')
    .set(caller.auth)
    .send({ hprNumber: freshHprNumber(), name: 'Siri Veileder', specialistInGeneralPractice: true, workplaceKommunenummer: '1804', ...body });
  if (response.status !== 201) throw new Error(`supervisor failed: ${response.status} ${JSON.stringify(response.body)}`);
  return bodyOf(response, contract.supervisorDetail);
}
const supervisor = async (id: string) => bodyOf(await http(t).get(`/api/v1/supervisors/${id}`).set(admin.auth).expect(200), contract.supervisorDetail);
const person = (name: string) => ({ name, email: `${name.toLowerCase().replace(/\W/g, '.')}.${freshHprNumber()}@example.no`, kommunenummer: '1804' });

describe('planning a course', () => {
  it('is the office\'s own: planned, with its days in order, and audited', async () => {
    const course = await planCourse(nordOffice, { days: [daysAgo(2), daysAgo(3)] });
    expect(course).toMatchObject({ officeCode: 'nord', status: 'planned', days: [daysAgo(3), daysAgo(2)], seatsTaken: 0, openSeats: 2, waitingCount: 0 });
    expect(course.allowedTransitions).toEqual(['open', 'cancelled']);
    const audit = await auditTrail(t, admin, { entityType: 'course', entityId: course.id });
    expect(audit.map((entry) => entry.action)).toEqual(['course.created']);
  });

  it('checks the days, the deadline and the place', async () => {
    const refused = async (body: Record<string, unknown>, path: string, code: string) => {
      const problem = expectProblem(
        await http(t).post('/api/v1/courses').set(nordOffice.auth).send({ title: 'K', kind: 'veilederkurs', days: ['2027-01-10', '2027-01-11'], place: 'Bodø', capacity: 10, registrationDeadline: '2027-01-01', ...body }),
        400,
        'validation_failed',
      );
      expect(problem.errors.map((error) => [error.path, error.code])).toContainEqual([path, code]);
    };
    await refused({ days: ['2027-01-10'] }, 'days', 'too_small');
    await refused({ days: ['2027-01-10', '2027-01-10'] }, 'days', 'invalid');
    await refused({ registrationDeadline: '2027-01-11' }, 'registrationDeadline', 'too_late');
    await refused({ place: null }, 'place', 'required');
    await refused({ officeCode: 'oslo' }, 'officeCode', 'not_allowed');
    await refused({ capacity: 0 }, 'capacity', 'too_small');
    // Online needs no place; a course of another kind may have one day.
    await planCourse(nordOffice, { kind: 'other', days: ['2027-02-01'], place: null, online: true, registrationDeadline: '2027-01-20' });
    // An admin names the office.
    expectProblem(await http(t).post('/api/v1/courses').set(admin.auth).send({ title: 'K', kind: 'other', days: ['2027-01-10'], online: true, capacity: 10, registrationDeadline: '2027-01-01' }), 400, 'validation_failed');
    expect((await planCourse(admin, { officeCode: 'oslo' })).officeCode).toBe('oslo');
  });

  it('is seen and run by its office only (404 elsewhere), not by the directorate', async () => {
    const course = await planCourse();
    expectProblem(await http(t).get(`/api/v1/courses/${course.id}`).set(osloOffice.auth), 404, 'not_found');
    expectProblem(await http(t).patch(`/api/v1/courses/${course.id}`).set(osloOffice.auth).send({ capacity: 5 }), 404, 'not_found');
    expectProblem(await http(t).get('/api/v1/courses').set(directorate.auth), 403, 'forbidden');
    const oslo = bodyOf(await http(t).get('/api/v1/courses').query({ limit: 200 }).set(osloOffice.auth).expect(200), contract.coursePage);
    expect(oslo.items.every((item) => item.officeCode === 'oslo')).toBe(true);
    expect(oslo.total.count).toBe(oslo.items.length);
    const forged = Buffer.from(JSON.stringify({ s: '-firstDay', v: ['2026-13-45', 'x'] })).toString('base64url');
    expectProblem(await http(t).get('/api/v1/courses').query({ cursor: forged }).set(osloOffice.auth), 400, 'invalid_cursor');
    await http(t).get(`/api/v1/courses/${course.id}`).set(admin.auth).expect(200);
  });

  it('moves planned → open → closed → held, or is cancelled with a reason; held once its last day has come', async () => {
    const course = await planCourse();
    expectProblem(await move(course.id, { to: 'held' }), 409, 'illegal_transition');
    await move(course.id, { to: 'open' }).expect(200);
    await move(course.id, { to: 'closed' }).expect(200);
    const held = bodyOf(await move(course.id, { to: 'held' }).expect(200), contract.course);
    expect(held).toMatchObject({ status: 'held', allowedTransitions: [] });
    expectProblem(await http(t).patch(`/api/v1/courses/${course.id}`).set(nordOffice.auth).send({ capacity: 4 }), 409, 'conflict');

    const future = await planCourse(nordOffice, { days: [addDays(today, 10), addDays(today, 11)], registrationDeadline: today });
    await move(future.id, { to: 'open' }).expect(200);
    await move(future.id, { to: 'closed' }).expect(200);
    const early = expectProblem(await move(future.id, { to: 'held' }), 422, 'unprocessable');
    expect(early.errors[0]).toMatchObject({ path: 'to', code: 'too_early', params: { earliest: addDays(today, 11) } });
    expectProblem(await move(future.id, { to: 'cancelled' }), 422, 'unprocessable');
    const cancelled = bodyOf(await move(future.id, { to: 'cancelled', reason: 'For få påmeldte' }).expect(200), contract.course);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellationReason: 'For få påmeldte' });
  });

  it('honours If-Match', async () => {
    const course = await planCourse();
    const read = await http(t).get(`/api/v1/courses/${course.id}`).set(nordOffice.auth).expect(200);
    await http(t).patch(`/api/v1/courses/${course.id}`).set(nordOffice.auth).set('if-match', etagOf(read)).send({ capacity: 5 }).expect(200);
    expectProblem(await http(t).patch(`/api/v1/courses/${course.id}`).set(nordOffice.auth).set('if-match', etagOf(read)).send({ capacity: 6 }), 412, 'precondition_failed');
  });
});

describe('participants', () => {
  it('beyond capacity go on the waiting list, and move up in order when someone leaves', async () => {
    const course = await planCourse();
    const a = await createSupervisor({ name: 'Anne Først' });
    const first = bodyOf(await signUp(course.id, { supervisorId: a.id }).expect(201), contract.courseParticipant);
    expect(first).toMatchObject({ supervisorId: a.id, name: 'Anne Først', kommunenummer: '1804', seated: true, waitingPosition: null });
    const second = bodyOf(await signUp(course.id, person('Bjørn Andre')).expect(201), contract.courseParticipant);
    const third = bodyOf(await signUp(course.id, person('Cecilie Tredje')).expect(201), contract.courseParticipant);
    const fourth = bodyOf(await signUp(course.id, person('Dag Fjerde')).expect(201), contract.courseParticipant);
    expect([second.seated, third.waitingPosition, fourth.waitingPosition]).toEqual([true, 1, 2]);
    expect(bodyOf(await http(t).get(`/api/v1/courses/${course.id}`).set(nordOffice.auth).expect(200), contract.course)).toMatchObject({
      seatsTaken: 2,
      waitingCount: 2,
      openSeats: 0,
    });
    // The same person twice.
    const twice = expectProblem(await signUp(course.id, { supervisorId: a.id }), 409, 'already_exists');
    expect(twice.existingId).toBe(first.id);

    await http(t).delete(`/api/v1/courses/${course.id}/participants/${second.id}`).set(nordOffice.auth).expect(204);
    const after = await participants(course.id);
    expect(after.map((p) => [p.name, p.seated, p.waitingPosition])).toEqual([
      ['Anne Først', true, null],
      ['Cecilie Tredje', true, null],
      ['Dag Fjerde', false, 1],
    ]);
    const audit = await auditTrail(t, admin, { entityType: 'course', entityId: course.id });
    expect(audit.map((entry) => entry.action)).toContain('course.participant_removed');
  });

  it('are one person each: a supervisor, a doctor, or name, e-mail and municipality', async () => {
    const course = await planCourse();
    const a = await createSupervisor();
    const both = expectProblem(await signUp(course.id, { supervisorId: a.id, name: 'X' }), 400, 'validation_failed');
    expect(both.errors[0]).toMatchObject({ code: 'not_allowed', params: { reason: 'one_person_only' } });
    const none = expectProblem(await signUp(course.id, {}), 400, 'validation_failed');
    expect(none.errors[0]?.code).toBe('required');
    const partial = expectProblem(await signUp(course.id, { name: 'Uten Epost' }), 400, 'validation_failed');
    expect(partial.errors.map((error) => error.path).sort()).toEqual(['email', 'kommunenummer']);
    const unknown = expectProblem(await signUp(course.id, { supervisorId: '0b9e4d2c-7a61-4e3f-8d15-2c4a6b8e0f17' }), 400, 'validation_failed');
    expect(unknown.errors[0]).toMatchObject({ code: 'unknown_reference', params: { entity: 'supervisor' } });
    // A supervisor outside an office's scope is unknown to it.
    const elsewhere = await createSupervisor({ workplaceKommunenummer: '0301' }, admin);
    expectProblem(await signUp(course.id, { supervisorId: elsewhere.id }), 400, 'validation_failed');
    expectProblem(await signUp(course.id, { ...person('Ukjent Kommune'), kommunenummer: '9999' }), 400, 'validation_failed');
    const doctor = bodyOf(await http(t).post('/api/v1/doctors').set(nordOffice.auth).send({ hprNumber: freshHprNumber(), name: 'Lege Deltaker', email: 'lege@example.no' }).expect(201), contract.doctor);
    const asDoctor = bodyOf(await signUp(course.id, { doctorId: doctor.id, kommunenummer: '1818' }).expect(201), contract.courseParticipant);
    expect(asDoctor).toMatchObject({ doctorId: doctor.id, hprNumber: doctor.hprNumber, name: 'Lege Deltaker', kommunenummer: '1818' });
  });

  it('cannot be added to a held or cancelled course', async () => {
    const course = await planCourse();
    await move(course.id, { to: 'cancelled', reason: 'Avlyst' }).expect(200);
    expectProblem(await signUp(course.id, person('For Sent')), 409, 'conflict');
  });
});

describe('municipality clients', () => {
  it('list open courses and sign up people of their own municipality only, until the deadline', async () => {
    const open = await planCourse(nordOffice, { days: [addDays(today, 20), addDays(today, 21)], registrationDeadline: addDays(today, 5) });
    const planned = await planCourse(nordOffice, { days: [addDays(today, 30), addDays(today, 31)], registrationDeadline: addDays(today, 5) });
    await move(open.id, { to: 'open' }).expect(200);
    const listed = bodyOf(await http(t).get('/api/v1/courses').query({ limit: 200 }).set(bodoClient.auth).expect(200), contract.coursePage);
    expect(listed.items.every((course) => course.status === 'open')).toBe(true);
    expect(listed.items.map((course) => course.id)).toContain(open.id);
    expect(listed.items.map((course) => course.id)).not.toContain(planned.id);
    expect(listed.items.find((course) => course.id === open.id)?.allowedTransitions).toEqual([]);
    expectProblem(await http(t).get(`/api/v1/courses/${planned.id}`).set(bodoClient.auth), 404, 'not_found');
    expectProblem(await signUp(planned.id, { name: 'Kari Bodø', email: 'kari@bodo.kommune.no' }, bodoClient), 404, 'not_found');

    // Its own people: the municipality is its own by default; another is refused.
    const own = bodyOf(await signUp(open.id, { name: 'Kari Bodø', email: 'kari@bodo.kommune.no' }, bodoClient).expect(201), contract.courseParticipant);
    expect(own.kommunenummer).toBe('1804');
    const other = expectProblem(await signUp(open.id, { name: 'Per Herøy', email: 'per@heroy.kommune.no', kommunenummer: '1818' }, bodoClient), 400, 'validation_failed');
    expect(other.errors[0]).toMatchObject({ path: 'kommunenummer', code: 'not_allowed', params: { reason: 'own_municipality_only' } });
    const elsewhere = await createSupervisor({ workplaceKommunenummer: '1818' }, admin);
    expectProblem(await signUp(open.id, { supervisorId: elsewhere.id }, bodoClient), 400, 'validation_failed');
    const heroys = bodyOf(await signUp(open.id, { name: 'Per Herøy', email: 'per@heroy.kommune.no' }, heroyClient).expect(201), contract.courseParticipant);

    // Each sees its own people only, and removes only them.
    expect((await participants(open.id, bodoClient)).map((p) => p.id)).toEqual([own.id]);
    expect((await participants(open.id)).map((p) => p.id)).toEqual([own.id, heroys.id]);
    expectProblem(await http(t).delete(`/api/v1/courses/${open.id}/participants/${heroys.id}`).set(bodoClient.auth), 404, 'not_found');
    await http(t).delete(`/api/v1/courses/${open.id}/participants/${own.id}`).set(bodoClient.auth).expect(204);
    // Clients do not run courses.
    expectProblem(await move(open.id, { to: 'closed' }, bodoClient), 403, 'forbidden');
    expectProblem(await attendance(open.id, addDays(today, 20), [], bodoClient), 403, 'forbidden');

    // After the deadline only the office signs people up.
    const late = await planCourse(nordOffice, { days: [addDays(today, 3), addDays(today, 4)], registrationDeadline: daysAgo(1) });
    await move(late.id, { to: 'open' }).expect(200);
    const closed = expectProblem(await signUp(late.id, { name: 'For Sen', email: 'sen@bodo.kommune.no' }, bodoClient), 422, 'unprocessable');
    expect(closed.errors[0]).toMatchObject({ code: 'not_allowed', params: { reason: 'registration_closed' } });
    await signUp(late.id, person('Kontoret Melder')).expect(201);
  });
});

describe('attendance and completion', () => {
  it('is recorded per day for seated participants, and completes a held veilederkurs: courseCompletedOn when empty or earlier', async () => {
    const course = await planCourse();
    const empty = await createSupervisor({ name: 'Tom Tom' });
    const earlier = await createSupervisor({ name: 'Eldre Kurs', courseCompletedOn: '2019-05-05' });
    const later = await createSupervisor({ name: 'Nyere Kurs', courseCompletedOn: addDays(today, -1) });
    const half = await createSupervisor({ name: 'Halv Tid' });
    await signUp(course.id, { supervisorId: empty.id }).expect(201);
    await signUp(course.id, { supervisorId: earlier.id }).expect(201);
    await signUp(course.id, { supervisorId: later.id }).expect(201);
    await signUp(course.id, { supervisorId: half.id }).expect(201);
    await http(t).patch(`/api/v1/courses/${course.id}`).set(nordOffice.auth).send({ capacity: 4 }).expect(200);
    const [pEmpty, pEarlier, pLater, pHalf] = (await participants(course.id)).map((p) => p.id);
    const [day1, day2] = [daysAgo(3), daysAgo(2)];

    expectProblem(await attendance(course.id, day1, []), 409, 'conflict'); // still planned
    await move(course.id, { to: 'open' }).expect(200);
    const notADay = expectProblem(await attendance(course.id, daysAgo(5), []), 400, 'validation_failed');
    expect(notADay.errors[0]).toMatchObject({ path: 'day', code: 'not_allowed', params: { reason: 'not_a_course_day' } });
    const stranger = expectProblem(await attendance(course.id, day1, ['0b9e4d2c-7a61-4e3f-8d15-2c4a6b8e0f17']), 400, 'validation_failed');
    expect(stranger.errors[0]).toMatchObject({ path: 'present.0', code: 'unknown_reference' });

    const first = bodyOf(await attendance(course.id, day1, [pEmpty, pEarlier, pLater, pHalf].map(String)).expect(200), contract.courseParticipantList);
    expect(first.items.every((p) => p.attended.length === 1 && !p.completed)).toBe(true);
    await attendance(course.id, day2, [pEmpty, pEarlier, pLater].map(String)).expect(200);
    // Not held yet: nobody has completed it.
    expect((await supervisor(empty.id)).courseCompletedOn).toBeNull();

    await move(course.id, { to: 'closed' }).expect(200);
    await move(course.id, { to: 'held' }).expect(200);
    const after = await participants(course.id);
    expect(after.map((p) => [p.name, p.completed])).toEqual([
      ['Tom Tom', true],
      ['Eldre Kurs', true],
      ['Nyere Kurs', true],
      ['Halv Tid', false],
    ]);
    expect((await supervisor(empty.id)).courseCompletedOn).toBe(day2);
    expect((await supervisor(earlier.id)).courseCompletedOn).toBe(day2);
    expect((await supervisor(later.id)).courseCompletedOn).toBe(addDays(today, -1));
    expect((await supervisor(half.id)).courseCompletedOn).toBeNull();

    // A correction after the course was held completes the one who was there after all.
    await attendance(course.id, day2, [pEmpty, pEarlier, pLater, pHalf].map(String)).expect(200);
    expect((await supervisor(half.id)).courseCompletedOn).toBe(day2);
    const audit = await auditTrail(t, admin, { entityType: 'supervisor', entityId: half.id });
    expect(audit[0]).toMatchObject({ action: 'supervisor.updated', after: { courseCompletedOn: day2, courseId: course.id } });
    // The change feed has the supervisor's new course date.
    const events = bodyOf(await http(t).get('/api/v1/events').query({ types: 'supervisor.updated', limit: 200 }).set(admin.auth).expect(200), contract.eventFeed);
    expect(events.items.some((event) => event.subject.id === half.id)).toBe(true);

    // The supervisor's page lists the course.
    const taken = bodyOf(await http(t).get(`/api/v1/supervisors/${half.id}/courses`).set(nordOffice.auth).expect(200), contract.supervisorCourseList);
    expect(taken.items).toEqual([expect.objectContaining({ courseId: course.id, completed: true, seated: true, attended: [day1, day2] })]);
    expectProblem(await http(t).get(`/api/v1/supervisors/${half.id}/courses`).set(osloOffice.auth), 404, 'not_found');
  });

  it('refuses people on the waiting list and days that have not come', async () => {
    const course = await planCourse(nordOffice, { capacity: 1, days: [daysAgo(1), addDays(today, 1)] });
    await move(course.id, { to: 'open' }).expect(200);
    await signUp(course.id, person('Har Plass')).expect(201);
    const waiting = bodyOf(await signUp(course.id, person('Står Venter')).expect(201), contract.courseParticipant);
    const refused = expectProblem(await attendance(course.id, daysAgo(1), [waiting.id]), 400, 'validation_failed');
    expect(refused.errors[0]).toMatchObject({ code: 'not_allowed', params: { reason: 'waiting_list' } });
    const future = expectProblem(await attendance(course.id, addDays(today, 1), []), 400, 'validation_failed');
    expect(future.errors[0]).toMatchObject({ path: 'day', code: 'in_future' });
  });

  it('gives a person not yet registered the course date when registered as supervisor with the same HPR number or e-mail', async () => {
    const course = await planCourse(nordOffice, { capacity: 5 });
    const byHpr = freshHprNumber();
    const p1 = bodyOf(await signUp(course.id, { ...person('Hpr Person'), hprNumber: byHpr }).expect(201), contract.courseParticipant);
    const p2 = bodyOf(await signUp(course.id, { name: 'Epost Person', email: 'Epost.Person@Example.no', kommunenummer: '1804' }).expect(201), contract.courseParticipant);
    const p3 = bodyOf(await signUp(course.id, person('Var Borte')).expect(201), contract.courseParticipant);
    await move(course.id, { to: 'open' }).expect(200);
    for (const day of [daysAgo(3), daysAgo(2)]) await attendance(course.id, day, [p1.id, p2.id]).expect(200);
    await attendance(course.id, daysAgo(3), [p1.id, p2.id, p3.id]).expect(200);
    await move(course.id, { to: 'closed' }).expect(200);
    await move(course.id, { to: 'held' }).expect(200);

    const viaHpr = await createSupervisor({ hprNumber: byHpr, name: 'Hpr Person' });
    expect(viaHpr.courseCompletedOn).toBe(daysAgo(2));
    const viaEmail = await createSupervisor({ email: 'epost.person@example.no', name: 'Epost Person', courseCompletedOn: '2018-01-01' });
    expect(viaEmail.courseCompletedOn).toBe(daysAgo(2));
    // A date given that is later stays.
    const nobody = await createSupervisor({ email: p3.email, courseCompletedOn: null });
    expect(nobody.courseCompletedOn).toBeNull();
    // Their sign-ups are theirs now: the supervisor's page lists the course.
    const taken = bodyOf(await http(t).get(`/api/v1/supervisors/${viaHpr.id}/courses`).set(nordOffice.auth).expect(200), contract.supervisorCourseList);
    expect(taken.items.map((item) => [item.courseId, item.completed])).toEqual([[course.id, true]]);
    expect((await participants(course.id)).find((p) => p.id === p1.id)?.supervisorId).toBe(viaHpr.id);
  });

  it('gives an existing supervisor with the participant\'s HPR number the date when the course is held', async () => {
    const course = await planCourse();
    const hprNumber = freshHprNumber();
    const p = bodyOf(await signUp(course.id, { ...person('Alt Registrert'), hprNumber }).expect(201), contract.courseParticipant);
    const registered = await createSupervisor({ hprNumber });
    await move(course.id, { to: 'open' }).expect(200);
    for (const day of [daysAgo(3), daysAgo(2)]) await attendance(course.id, day, [p.id]).expect(200);
    await move(course.id, { to: 'closed' }).expect(200);
    await move(course.id, { to: 'held' }).expect(200);
    expect((await supervisor(registered.id)).courseCompletedOn).toBe(daysAgo(2));
  });

  it('completes nothing for a course of another kind', async () => {
    const course = await planCourse(nordOffice, { kind: 'other', days: [daysAgo(2)] });
    const s = await createSupervisor();
    const p = bodyOf(await signUp(course.id, { supervisorId: s.id }).expect(201), contract.courseParticipant);
    await move(course.id, { to: 'open' }).expect(200);
    await attendance(course.id, daysAgo(2), [p.id]).expect(200);
    await move(course.id, { to: 'closed' }).expect(200);
    await move(course.id, { to: 'held' }).expect(200);
    expect((await participants(course.id))[0]?.completed).toBe(false);
    expect((await supervisor(s.id)).courseCompletedOn).toBeNull();
  });
});
