import { describe, expect, it } from 'vitest';
import { heroyNordland } from '../../../test/fixtures';
import { changedFields, toFormValues, validateChanges } from './edit-form';

describe('edit form model', () => {
  it('sends only the fields that changed', () => {
    const values = { ...toFormValues(heroyNordland), population: '1 750', contactName: '  Kari Nordmann ', notes: '' };
    expect(changedFields(values, heroyNordland, { canChangeOffice: true })).toEqual({
      population: 1750,
      contactName: '  Kari Nordmann ',
    });
  });

  it('never sends the office when the user may not change it', () => {
    const values = { ...toFormValues(heroyNordland), officeCode: 'midt' };
    expect(changedFields(values, heroyNordland, { canChangeOffice: false })).toEqual({});
    expect(changedFields(values, heroyNordland, { canChangeOffice: true })).toEqual({ officeCode: 'midt' });
  });

  it('clears a field with null', () => {
    const m = { ...heroyNordland, contactPhone: '+47 75 00 00 00', centralityClass: 3 };
    const values = { ...toFormValues(m), contactPhone: '', centralityClass: '' };
    expect(changedFields(values, m, { canChangeOffice: false })).toEqual({ contactPhone: null, centralityClass: null });
  });

  it('validates with the shared schema and explains in Norwegian', () => {
    const result = validateChanges({ organisationNumber: '123456789', population: Number.NaN, contactEmail: 'ikke-epost', contactPhone: 'abc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      organisationNumber: 'Ugyldig organisasjonsnummer (9 siffer med kontrollsiffer)',
      population: 'Innbyggertall må være et helt tall',
      contactEmail: 'Ugyldig e-postadresse',
      contactPhone: 'Ugyldig telefonnummer (for eksempel +47 22 00 00 00)',
    });
    expect(validateChanges({ population: -1 })).toMatchObject({ ok: false, fieldErrors: { population: 'Innbyggertall kan ikke være negativt' } });
  });

  it('returns the normalised body when valid', () => {
    expect(validateChanges({ organisationNumber: '974 760 673', contactEmail: 'Kari@Heroy.Kommune.NO', contactName: ' Kari ' })).toEqual({
      ok: true,
      data: { organisationNumber: '974760673', contactEmail: 'kari@heroy.kommune.no', contactName: 'Kari' },
    });
  });
});
