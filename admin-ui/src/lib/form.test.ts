import { updateMunicipalityRequest } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { splitFieldErrors, validateWith } from './form';

describe('field errors beside fields', () => {
  it('puts the API field errors next to their fields, in Norwegian, and the rest at the top', () => {
    expect(
      splitFieldErrors(
        [
          { path: 'population', code: 'invalid', message: 'too big', params: {} },
          { path: 'foo', code: 'invalid', message: 'unknown field', params: {} },
          { path: '', code: 'invalid', message: 'broken', params: {} },
        ],
        ['population', 'notes'],
      ),
    ).toEqual({ fieldErrors: { population: 'Ugyldig verdi' }, formErrors: ['foo: Ugyldig verdi', 'Ugyldig verdi'] });
  });

  it("uses the form's own wording where it has one, and joins different errors on one field", () => {
    const messageFor = (_field: 'population', error: { code: string }) => (error.code === 'too_small' ? 'Kan ikke være negativt' : undefined);
    expect(
      splitFieldErrors(
        [
          { path: 'population', code: 'too_small', message: 'x', params: { minimum: 0, inclusive: true, origin: 'number' } },
          { path: 'population.0', code: 'missing', message: 'x', params: {} },
        ],
        ['population'],
        messageFor,
      ),
    ).toEqual({ fieldErrors: { population: 'Kan ikke være negativt; Mangler' }, formErrors: [] });
  });

  it('checks a body with the shared schema the way the API does, in the same shape as its 400', () => {
    expect(validateWith(updateMunicipalityRequest, { population: -1, foo: 1 }, ['population'])).toEqual({
      ok: false,
      fieldErrors: { population: 'Kan ikke være mindre enn 0' },
      formErrors: ['foo: Feltet finnes ikke'],
    });
    expect(validateWith(updateMunicipalityRequest, { population: 5 }, ['population'])).toEqual({ ok: true, data: { population: 5 } });
  });
});
