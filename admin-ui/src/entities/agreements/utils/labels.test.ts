import { DEFAULT_EDUCATION_PLAN_RULES, type WarningFacts, agreementWarningCodes, agreementWarnings, fieldIssue } from '@alis/shared';
import { describe, expect, it } from 'vitest';
import { transitionMissingLabel, warningLabel } from './labels';

/** An active agreement of 2020 with a qualified veileder and nothing wrong, judged on 1 January 2025, but for `facts`. */
const labelsOf = (facts: Partial<WarningFacts>) =>
  agreementWarnings({
    status: 'active',
    startDate: '2020-01-01',
    plannedEndDate: '2028-12-31',
    viaStaffingAgency: false,
    nonCountingPeriods: [],
    veileder: { name: 'Vera', qualified: true, activeVeilederCount: 1, capacity: 3 },
    overlappingShare: null,
    lis1CompletedOn: null,
    specialistApprovedOn: null,
    educationPlan: { status: 'approved', approvedOn: '2020-03-01', reviewedOn: '2024-06-01' },
    planRules: DEFAULT_EDUCATION_PLAN_RULES,
    today: '2025-01-01',
    ...facts,
  }).map((warning) => warningLabel(warning));

describe('warning labels', () => {
  it('has a Norwegian text for every warning code of the contract', () => {
    for (const code of agreementWarningCodes) expect(warningLabel({ code, params: {} })).toMatch(/\S/);
  });

  it('labels what the shared rule produces, with its dates and names', () => {
    const labels = labelsOf({
      startDate: '2024-01-01',
      plannedEndDate: '2025-03-01',
      viaStaffingAgency: true,
      nonCountingPeriods: [
        { from: '2024-01-01', to: '2024-02-29' },
        { from: '2024-11-01', to: null },
      ],
      veileder: { name: 'Vera', qualified: false, activeVeilederCount: 4, capacity: 3 },
      overlappingShare: 150,
      lis1CompletedOn: '2024-06-30',
      specialistApprovedOn: '2023-05-01',
    });
    expect(labels).toEqual([
      'Kommunen har verken søkt om eller fått registrering som utdanningsvirksomhet (fra 01.11.2024). Tjenesten teller ikke før den har det.',
      'Tjenesten telte ikke 01.01.2024–29.02.2024: kommunen hadde verken søkt eller var registrert.',
      'Veilederen Vera er ikke spesialist i allmennmedisin og har ikke gyldig fritak 01.01.2025.',
      'Veilederen Vera følger 4 ALIS, mer enn kapasiteten på 3.',
      'Avtalen slutter 01.03.2025, innen seks måneder.',
      'Legen har flere åpne avtaler samtidig, til sammen 150 % stilling.',
      'Avtalen starter før legen fullførte LIS1 (30.06.2024).',
      'Legen ble spesialist i allmennmedisin 01.05.2023, før avtalen startet.',
      'Legen er ansatt via bemanningsbyrå, og det gis ikke tilskudd for slike avtaler.',
    ]);
    expect(labelsOf({ plannedEndDate: '2024-12-31' })).toEqual([
      'Planlagt sluttdato 31.12.2024 er passert, men avtalen er fortsatt aktiv. Fullfør eller avslutt den.',
    ]);
  });

  it('counts the periods in which the service did not count, naming the first', () => {
    const labels = labelsOf({
      nonCountingPeriods: [
        { from: '2024-01-01', to: '2024-02-29' },
        { from: '2024-06-01', to: '2024-06-30' },
      ],
    });
    expect(labels).toEqual([
      'Tjenesten har ikke telt i 2 perioder, første gang 01.01.2024–29.02.2024: kommunen hadde verken søkt eller var registrert.',
    ]);
  });

  it('falls back to a general text for a code it does not know', () => {
    expect(warningLabel({ code: 'something_new' })).toBe('Avtalen har et avvik som bør sjekkes.');
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
