import { describe, expect, it } from 'vitest';
import { kariDoctor } from '../../../test/fixtures';
import { changedDoctorFields, duplicateHprMessage, emptyDoctorForm, toDoctorFormValues, validateDoctorChanges, validateNewDoctor } from './doctor-form';

describe('doctor form', () => {
  it('stores the HPR number in its canonical form', () => {
    const result = validateNewDoctor({ ...emptyDoctorForm('0012 345 678'), name: ' Kari Lege ' });
    expect(result).toMatchObject({ ok: true, data: { hprNumber: '12345678', name: 'Kari Lege', email: null, scheme: 'new' } });
  });

  it('explains an invalid HPR number and a missing name in Norwegian', () => {
    expect(validateNewDoctor({ ...emptyDoctorForm('12345'), email: 'kari@' })).toEqual({
      ok: false,
      fieldErrors: { hprNumber: 'HPR-nummeret må være 7–9 siffer', name: 'Skriv inn legens navn', email: 'Ugyldig e-postadresse' },
      formErrors: [],
    });
  });

  it('sends only what changed; the same HPR number with leading zeros is no change', () => {
    const values = { ...toDoctorFormValues(kariDoctor), hprNumber: '001234567', email: 'Kari@Example.no' };
    const changes = changedDoctorFields(values, kariDoctor);
    expect(changes).toEqual({ email: 'Kari@Example.no' });
    expect(validateDoctorChanges(changes)).toEqual({ ok: true, data: { email: 'kari@example.no' } });
  });

  it('words the duplicate message with the canonical number', () => {
    expect(duplicateHprMessage('0001234567')).toBe('Det finnes allerede en lege med HPR-nummer 1234567.');
  });
});
