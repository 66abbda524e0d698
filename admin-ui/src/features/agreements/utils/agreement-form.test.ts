import { plannedEndDate } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { activeAgreement } from '../../../test/fixtures';
import { changedAgreementFields, emptyAgreementForm, plannedEndPreview, toAgreementFormValues, validateAgreementChanges, validateNewAgreement } from './agreement-form';

describe('planned end date preview', () => {
  it('is five calendar years at full time, as the shared rule computes it', () => {
    expect(plannedEndPreview('2024-01-01', '100')).toEqual({ ok: true, date: '2028-12-31', serviceNote: '5 år i full stilling' });
  });

  it('stretches part time pro rata and follows every absence', () => {
    const absences = [{ from: '2025-01-01', to: '2025-01-10' }];
    const preview = plannedEndPreview('2024-01-01', '60 %', absences);
    expect(preview).toEqual({
      ok: true,
      date: plannedEndDate('2024-01-01', 60, absences),
      serviceNote: '5 år omregnet til 60 % stilling, forlenget med ett fravær',
    });
    expect(preview.ok && preview.date > plannedEndDate('2024-01-01', 60)).toBe(true);
  });

  it('says what is missing instead of guessing', () => {
    expect(plannedEndPreview('', '100')).toEqual({ ok: false, reason: 'Fyll inn startdato for å se planlagt sluttdato.' });
    expect(plannedEndPreview('2024-02-30', '100')).toEqual({ ok: false, reason: 'Ugyldig startdato.' });
    expect(plannedEndPreview('2024-01-01', '0')).toMatchObject({ ok: false });
    expect(plannedEndPreview('2024-01-01', '101')).toMatchObject({ ok: false });
    expect(plannedEndPreview('2024-01-01', 'halv')).toMatchObject({ ok: false });
  });
});

describe('new agreement', () => {
  it('explains every missing choice in Norwegian', () => {
    const result = validateNewAgreement({ ...emptyAgreementForm(), positionPercent: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      kommunenummer: 'Velg kommunen avtalen gjelder',
      doctorId: 'Velg legen, eller registrer en ny',
      employmentForm: 'Velg fastlønnet eller næringsdrivende',
      position: 'Velg stilling',
      positionPercent: 'Stillingsprosenten må være et helt tall fra 1 til 100',
      startDate: 'Skriv inn startdatoen',
    });
  });

  it('builds the POST body from a complete form', () => {
    const result = validateNewAgreement({
      ...emptyAgreementForm('1818', activeAgreement.doctor.id),
      employmentForm: 'self_employed',
      position: 'gp_locum',
      positionPercent: '80',
      startDate: '2025-03-01',
      notes: '  ',
    });
    expect(result).toEqual({
      ok: true,
      data: {
        kommunenummer: '1818',
        doctorId: activeAgreement.doctor.id,
        employmentForm: 'self_employed',
        position: 'gp_locum',
        positionPercent: 80,
        signedOn: null,
        startDate: '2025-03-01',
        viaStaffingAgency: false,
        notes: null,
      },
    });
  });
});

describe('agreement changes', () => {
  it('sends only what changed, and checks it with the shared contract', () => {
    const values = { ...toAgreementFormValues(activeAgreement), positionPercent: '50', viaStaffingAgency: true };
    const changes = changedAgreementFields(values, activeAgreement);
    expect(changes).toEqual({ positionPercent: 50, viaStaffingAgency: true });
    expect(validateAgreementChanges(changes)).toEqual({ ok: true, data: { positionPercent: 50, viaStaffingAgency: true } });
    expect(changedAgreementFields(toAgreementFormValues(activeAgreement), activeAgreement)).toEqual({});
  });

  it('rejects a percentage outside 1–100', () => {
    const changes = changedAgreementFields({ ...toAgreementFormValues(activeAgreement), positionPercent: '120' }, activeAgreement);
    expect(validateAgreementChanges(changes)).toMatchObject({
      ok: false,
      fieldErrors: { positionPercent: 'Stillingsprosenten må være et helt tall fra 1 til 100' },
    });
  });
});
