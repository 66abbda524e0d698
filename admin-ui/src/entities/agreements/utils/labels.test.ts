import { agreementWarningCodes, agreementWarnings, fieldIssue } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { WARNING_LABELS, transitionMissingLabel, warningLabel } from './labels';

describe('warning labels', () => {
  it('has a Norwegian text for every warning code of the contract', () => {
    for (const code of agreementWarningCodes) {
      expect(WARNING_LABELS[code]).toMatch(/\S/);
      expect(warningLabel(code)).toBe(WARNING_LABELS[code]);
    }
  });

  it('labels what the shared rule produces', () => {
    const warnings = agreementWarnings({
      status: 'active',
      startDate: '2024-01-01',
      plannedEndDate: '2025-03-01',
      viaStaffingAgency: true,
      municipalityRegisteredAtStart: false,
      veileder: { name: 'Vera', qualified: false, activeVeilederCount: 4, capacity: 3 },
      today: '2025-01-01',
    });
    expect(warnings.map((warning) => warningLabel(warning.code))).toEqual([
      'Kommunen hadde ikke søkt om eller fått registrering som utdanningsvirksomhet på startdatoen. Tjenesten teller ikke før den har det.',
      'Veilederen er ikke spesialist i allmennmedisin og har ikke gyldig fritak.',
      'Veilederen følger flere ALIS enn kapasiteten tilsier.',
      'Avtalen slutter innen seks måneder.',
      'Legen er ansatt via bemanningsbyrå, og det gis ikke tilskudd for slike avtaler.',
    ]);
  });

  it('falls back to a general text for a code it does not know', () => {
    expect(warningLabel('something_new')).toBe('Avtalen har et avvik som bør sjekkes.');
  });

  it('explains a 422 on a transition in Norwegian', () => {
    expect(transitionMissingLabel(fieldIssue({ path: 'signedOn', code: 'missing', message: 'the date the agreement was signed is missing' }))).toMatch(
      /^Signert dato mangler/,
    );
    expect(transitionMissingLabel(fieldIssue({ path: 'endReason', code: 'missing', message: 'x' }))).toBe('Sluttårsak mangler.');
    // Anything else is worded from its code: the API's English message is never shown.
    expect(transitionMissingLabel(fieldIssue({ path: 'other', code: 'missing', message: 'as the API said' }))).toBe('Mangler');
    expect(
      transitionMissingLabel(fieldIssue({ path: 'endDate', code: 'not_allowed', message: 'only for completed or terminated', params: { reason: 'closing_only' } })),
    ).toBe('Sluttdato: gjelder bare når avtalen fullføres eller avsluttes');
    expect(
      transitionMissingLabel(fieldIssue({ path: 'endDate', code: 'too_early', message: 'x', params: { earliest: '2024-01-01', reference: 'startDate' } })),
    ).toBe('Sluttdato: kan ikke være før 01.01.2024');
  });
});
