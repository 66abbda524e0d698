import { describe, expect, it } from 'vitest';
import { emptyCourseForm, emptyParticipantForm, validateCourse, validateParticipant } from './course-form';

describe('the course form', () => {
  const filled = { ...emptyCourseForm(), title: 'Veilederkurs', days: '2027-03-01', day2: '2027-03-02', place: 'Bodø', registrationDeadline: '2027-02-01' };

  it('sends a veilederkurs with its two days', () => {
    const result = validateCourse(filled);
    expect(result.ok && result.data).toMatchObject({ kind: 'veilederkurs', days: ['2027-03-01', '2027-03-02'], capacity: 20, place: 'Bodø', online: false });
  });

  it('says in Norwegian what is missing', () => {
    const result = validateCourse({ ...filled, day2: '', place: '', title: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.title).toBe('Skriv inn kursets navn');
    const again = validateCourse({ ...filled, day2: '', place: '' });
    expect(again.ok ? {} : again.fieldErrors).toEqual({ days: 'Et veilederkurs har to kursdager', place: 'Skriv inn sted, eller kryss av for nettkurs' });
    const online = validateCourse({ ...filled, kind: 'other', day2: '', place: '', online: true });
    expect(online.ok).toBe(true);
  });
});

describe('the participant form', () => {
  it('wants a veileder, or name, e-mail and municipality', () => {
    expect(validateParticipant(emptyParticipantForm()).ok).toBe(false);
    const person = validateParticipant({ ...emptyParticipantForm(), mode: 'person', name: 'Kari', email: 'kari@example.no' });
    expect(person.ok ? {} : person.fieldErrors).toEqual({ kommunenummer: 'Velg kommunen personen hører til' });
    const ok = validateParticipant({ ...emptyParticipantForm(), mode: 'person', name: 'Kari', email: 'kari@example.no', kommunenummer: '1804' });
    expect(ok.ok && ok.data).toEqual({ name: 'Kari', email: 'kari@example.no', kommunenummer: '1804' });
  });
});
