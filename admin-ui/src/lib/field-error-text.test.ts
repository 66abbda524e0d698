import { type FieldError, createAgreementRequest, fieldIssue, notAllowedReasons } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { fieldErrorText } from './field-error-text';
import { fieldErrorsOf } from './form';

const text = (error: FieldError) => fieldErrorText(error);
const issue = (input: Parameters<typeof fieldIssue>[0]) => text(fieldIssue(input));

describe('field error text', () => {
  it('words each code in Norwegian from its params, never with the English message', () => {
    expect(issue({ path: 'name', code: 'required', message: 'is required' })).toBe('Må fylles ut');
    expect(issue({ path: 'hprNumber', code: 'invalid_format', message: 'must be an HPR number', params: { format: 'hpr_number' } })).toBe(
      'Må være et HPR-nummer (7–9 siffer)',
    );
    expect(issue({ path: 'population', code: 'too_big', message: 'x', params: { maximum: 10_000_000, inclusive: true, origin: 'number' } })).toBe(
      `Kan ikke være mer enn ${new Intl.NumberFormat('nb-NO').format(10_000_000)}`,
    );
    expect(issue({ path: 'positionPercent', code: 'too_big', message: 'x', params: { maximum: 100, inclusive: true, origin: 'number' } })).toBe(
      'Kan ikke være mer enn 100',
    );
    expect(issue({ path: 'to', code: 'too_early', message: 'must be on or after from', params: { earliest: '2025-03-10', reference: 'from' } })).toBe(
      'Kan ikke være før 10.03.2025',
    );
    expect(issue({ path: 'from', code: 'overlaps', message: 'x', params: { id: 'a', from: '2025-01-01', to: '2025-01-31' } })).toBe(
      'Overlapper fraværet 01.01.2025 – 31.01.2025',
    );
    expect(issue({ path: 'supervisorId', code: 'not_qualified', message: 'x', params: { date: '2025-02-01' } })).toBe(
      'Ikke kvalifisert som veileder 01.02.2025',
    );
    expect(issue({ path: 'endDate', code: 'too_late', message: 'x', params: { latest: '2025-06-30', reference: 'today' } })).toBe(
      'Kan ikke være etter i dag (30.06.2025)',
    );
    expect(issue({ path: 'lis1CompletedOn', code: 'too_late', message: 'x', params: { latest: '2020-05-01', reference: 'specialistApprovedOn' } })).toBe(
      'Kan ikke være etter 01.05.2020',
    );
    expect(issue({ path: 'date', code: 'in_future', message: 'x', params: { today: '2025-01-01' } })).toBe('Kan ikke være etter i dag (01.01.2025)');
    expect(issue({ path: 'doctorId', code: 'unknown_reference', message: 'x', params: { entity: 'doctor', value: 'y' } })).toBe('Finnes ikke');
    expect(issue({ path: 'signedOn', code: 'missing', message: 'the date is missing' })).toBe('Mangler');
    expect(issue({ path: 'foo', code: 'unknown_field', message: 'unknown field' })).toBe('Feltet finnes ikke');
    expect(issue({ path: 'kind', code: 'invalid_value', message: 'x', params: { allowed: ['leave'] } })).toBe('Er ikke et gyldig valg');
    expect(issue({ path: 'x', code: 'invalid', message: 'broken' })).toBe('Ugyldig verdi');
  });

  it('says which reason forbids a value, for every reason the contract knows', () => {
    expect(issue({ path: 'endDate', code: 'not_allowed', message: 'x', params: { reason: 'closing_only' } })).toBe(
      'Gjelder bare når avtalen fullføres eller avsluttes',
    );
    const texts = notAllowedReasons.map((reason) => issue({ path: 'x', code: 'not_allowed', message: 'x', params: { reason } }));
    expect(new Set(texts).size).toBe(notAllowedReasons.length);
    expect(issue({ path: 'x', code: 'invalid_format', message: 'x', params: { format: 'something_new' } })).toBe('Har feil format');
    expect(issue({ path: 'x', code: 'invalid_type', message: 'x', params: { expected: 'int' } })).toBe('Må være et helt tall');
  });

  it('distinguishes lengths from values', () => {
    expect(issue({ path: 'name', code: 'too_small', message: 'x', params: { minimum: 1, inclusive: true, origin: 'string' } })).toBe('Må fylles ut');
    expect(issue({ path: 'notes', code: 'too_big', message: 'x', params: { maximum: 4000, inclusive: true, origin: 'string' } })).toMatch(
      /^Kan ikke være mer enn 4\s000 tegn$/,
    );
    expect(issue({ path: 'capacity', code: 'too_small', message: 'x', params: { minimum: 1, inclusive: true, origin: 'number' } })).toBe(
      'Kan ikke være mindre enn 1',
    );
  });

  it('words what the shared check before sending finds, as the API words its 400', () => {
    const result = createAgreementRequest.safeParse({ kommunenummer: '1818', doctorId: 'x', employmentForm: 'salaried', position: 'gp', positionPercent: 120 });
    expect(result.success).toBe(false);
    const errors = result.success ? [] : fieldErrorsOf(result.error.issues);
    expect(errors.map((error) => [error.path, text(error)])).toEqual([
      ['doctorId', 'Må være en gyldig ID'],
      ['positionPercent', 'Kan ikke være mer enn 100'],
      ['startDate', 'Må fylles ut'],
    ]);
    expect(errors.every((error) => text(error) !== error.message)).toBe(true);
  });
});
