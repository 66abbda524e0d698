import { SAMPLE_RATE_TABLE } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { grantSchemeFixture } from '../../../test/grant-fixtures';
import { changedScheme, newSchemeValues, toSchemeFormValues, validateNewScheme, validateSchemeChanges } from './scheme-form';

const scheme = grantSchemeFixture();

describe('the scheme form', () => {
  it('changes nothing while the scheme is as saved', () => {
    expect(changedScheme(toSchemeFormValues(scheme), scheme)).toEqual({});
  });

  it('sends the whole rate table when a cell changes', () => {
    const values = toSchemeFormValues(scheme);
    values.annualRatesNok.gp['6'] = '460 000';
    const changes = changedScheme(values, scheme);
    expect(changes).toEqual({ annualRatesNok: { ...SAMPLE_RATE_TABLE, gp: { ...SAMPLE_RATE_TABLE.gp, '6': 460_000 } } });
    expect(validateSchemeChanges(values, changes).ok).toBe(true);
  });

  it('names the cell that is not whole kroner, and dates out of order', () => {
    const values = toSchemeFormValues(scheme);
    values.annualRatesNok.guidance_only['3'] = '50 000,50';
    const result = validateSchemeChanges(values, changedScheme(values, scheme));
    expect(result).toMatchObject({ ok: false, fieldErrors: { annualRatesNok: 'Kun veiledning, klasse 3: satsen må være hele kroner fra 0 til 2 000 000' } });
    const early = { ...toSchemeFormValues(scheme), applicationDeadline: '2025-12-31' };
    expect(validateSchemeChanges(early, changedScheme(early, scheme))).toMatchObject({ ok: false, fieldErrors: { applicationDeadline: 'Kan ikke være før 01.01.2026' } });
  });

  it('starts a new scheme the year after the latest, from its rates', () => {
    const values = newSchemeValues(scheme, 2026);
    expect(values).toMatchObject({ code: 'nasjonal-alis-2027', periodFrom: '2027-01-01', applicationDeadline: '2028-03-01', auditorCertificateDueDate: '2029-04-01' });
    expect(validateNewScheme(values)).toMatchObject({ ok: true, data: { annualRatesNok: SAMPLE_RATE_TABLE } });
    expect(validateNewScheme(newSchemeValues(undefined, 2026))).toMatchObject({ ok: false });
  });
});
