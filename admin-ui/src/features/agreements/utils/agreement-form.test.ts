import { plannedEndDate, todayInNorway } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { activeAgreement } from '../../../test/fixtures';
import {
  agreementMessageFor,
  changedAgreementEditFields,
  changedAgreementFields,
  defaultShareFrom,
  emptyAgreementForm,
  plannedEndPreview,
  sharesAfterChange,
  toAgreementEditValues,
  toAgreementFormValues,
  validateAgreementChanges,
  validateNewAgreement,
} from './agreement-form';

const preview = (startDate: string, positionPercent: string, absences?: Parameters<typeof plannedEndPreview>[1]) =>
  plannedEndPreview({ startDate, positionPercent }, absences);

describe('planned end date preview', () => {
  it('is five calendar years at full time, as the shared rule computes it', () => {
    expect(preview('2024-01-01', '100')).toEqual({ ok: true, date: '2028-12-31', serviceNote: '5 år i full stilling' });
  });

  it('stretches part time pro rata and follows every absence', () => {
    const absences = [{ from: '2025-01-01', to: '2025-01-10' }];
    const result = preview('2024-01-01', '60 %', absences);
    expect(result).toEqual({
      ok: true,
      date: plannedEndDate('2024-01-01', 60, absences),
      serviceNote: '5 år omregnet til 60 % stilling, forlenget med ett fravær',
    });
    expect(result.ok && result.date > plannedEndDate('2024-01-01', 60)).toBe(true);
  });

  it('says what is missing instead of guessing', () => {
    expect(preview('', '100')).toEqual({ ok: false, reason: 'Fyll inn startdato for å se planlagt sluttdato.' });
    expect(preview('2024-02-30', '100')).toEqual({ ok: false, reason: 'Ugyldig startdato.' });
    expect(preview('2024-01-01', '0')).toMatchObject({ ok: false });
    expect(preview('2024-01-01', '101')).toMatchObject({ ok: false });
    expect(preview('2024-01-01', 'halv')).toMatchObject({ ok: false });
  });
});

describe('planned end date preview of an existing agreement', () => {
  const halved = { ...activeAgreement, positionPercent: 50, positionHistory: [{ from: '2024-01-01', percent: 100 }, { from: '2025-01-01', percent: 50 }] };

  it('counts the saved share history, as the API does', () => {
    const values = toAgreementEditValues(halved);
    expect(plannedEndPreview(values, [], halved)).toEqual({
      ok: true,
      date: plannedEndDate('2024-01-01', halved.positionHistory),
      serviceNote: '5 år omregnet etter stillingsandelen over tid',
    });
  });

  it('adds a new share of an active agreement from "Gjelder fra"', () => {
    const values = { ...toAgreementEditValues(activeAgreement), positionPercent: '50', positionPercentFrom: '2025-07-01' };
    const shares = [{ from: '2024-01-01', percent: 100 }, { from: '2025-07-01', percent: 50 }];
    expect(plannedEndPreview(values, [], activeAgreement)).toMatchObject({ ok: true, date: plannedEndDate('2024-01-01', shares) });
    expect(plannedEndPreview({ ...values, positionPercentFrom: '2023-12-31' }, [], activeAgreement)).toEqual({
      ok: false,
      reason: 'Den nye stillingsprosenten kan ikke gjelde fra før startdatoen.',
    });
    expect(plannedEndPreview({ ...values, positionPercentFrom: '' }, [], activeAgreement)).toMatchObject({ ok: false });
  });

  it('takes a draft\'s new share from its start', () => {
    const draft = { ...activeAgreement, status: 'draft' as const };
    const values = { ...toAgreementEditValues(draft), positionPercent: '80', positionPercentFrom: '2030-01-01' };
    expect(plannedEndPreview(values, [], draft)).toMatchObject({ ok: true, date: plannedEndDate('2024-01-01', 80) });
  });

  it('will not move the start past a later change of share', () => {
    const values = { ...toAgreementEditValues(halved), startDate: '2025-02-01' };
    expect(plannedEndPreview(values, [], halved)).toEqual({ ok: false, reason: 'Startdatoen må være før endringen av stillingsandelen 01.01.2025.' });
  });
});

describe('share history after a change', () => {
  const history = [{ from: '2024-01-01', percent: 100 }, { from: '2025-01-01', percent: 50 }];

  it('moves the first share with the start and puts a new share in order', () => {
    expect(sharesAfterChange(history, '2023-12-01')).toEqual([{ from: '2023-12-01', percent: 100 }, history[1]]);
    expect(sharesAfterChange(history, '2024-01-01', { from: '2024-06-01', percent: 80 })).toEqual([
      history[0],
      { from: '2024-06-01', percent: 80 },
      history[1],
    ]);
  });

  it('replaces a share from the same day, and ignores one that changes nothing', () => {
    expect(sharesAfterChange(history, '2024-01-01', { from: '2025-01-01', percent: 60 })).toEqual([history[0], { from: '2025-01-01', percent: 60 }]);
    expect(sharesAfterChange(history, '2024-01-01', { from: '2025-03-01', percent: 50 })).toEqual(history);
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

  it('dates a new share of an active agreement from "Gjelder fra", today by default', () => {
    const today = todayInNorway();
    expect(defaultShareFrom(activeAgreement, today)).toBe(today > activeAgreement.startDate ? today : activeAgreement.startDate);
    expect(defaultShareFrom({ startDate: '2999-01-01' }, today)).toBe('2999-01-01');
    const values = { ...toAgreementEditValues(activeAgreement), positionPercent: '50', positionPercentFrom: '2025-03-01' };
    expect(changedAgreementEditFields(values, activeAgreement)).toEqual({ positionPercent: 50, positionPercentFrom: '2025-03-01' });
    // Without a change of share there is nothing to date.
    expect(changedAgreementEditFields({ ...values, positionPercent: '100' }, activeAgreement)).toEqual({});
    expect(validateAgreementChanges(changedAgreementEditFields({ ...values, positionPercentFrom: '' }, activeAgreement))).toMatchObject({
      ok: false,
      fieldErrors: { positionPercentFrom: 'Skriv inn datoen den nye stillingsprosenten gjelder fra' },
    });
  });

  it('dates a draft\'s new share from its (new) start', () => {
    const draft = { ...activeAgreement, status: 'draft' as const };
    const values = { ...toAgreementEditValues(draft), positionPercent: '80', startDate: '2024-02-01' };
    expect(changedAgreementEditFields(values, draft)).toEqual({ positionPercent: 80, positionPercentFrom: '2024-02-01', startDate: '2024-02-01' });
  });

  it('words the API\'s date rules of the share history', () => {
    expect(
      agreementMessageFor('positionPercentFrom', {
        path: 'positionPercentFrom',
        code: 'too_early',
        message: 'x',
        params: { earliest: '2024-01-01', reference: 'startDate' },
      }),
    ).toBe('Kan ikke være før startdatoen (01.01.2024)');
    expect(
      agreementMessageFor('startDate', { path: 'startDate', code: 'too_late', message: 'x', params: { latest: '2024-12-31', reference: 'positionHistory' } }),
    ).toBe('Kan ikke være etter 31.12.2024: stillingsandelen endres dagen etter');
  });

  it('rejects a percentage outside 1–100', () => {
    const changes = changedAgreementFields({ ...toAgreementFormValues(activeAgreement), positionPercent: '120' }, activeAgreement);
    expect(validateAgreementChanges(changes)).toMatchObject({
      ok: false,
      fieldErrors: { positionPercent: 'Stillingsprosenten må være et helt tall fra 1 til 100' },
    });
  });
});
