import { describe, expect, it } from 'vitest';
import {
  type AgreementRun,
  type EligibilityFacts,
  type EligibilityLine,
  GRANT_TRANSITIONS,
  certificateOverdue,
  claimableMonths,
  defaultCertificateDueDate,
  grantProblems,
  lineAmount,
  linesFromMonths,
  problemAsFieldError,
  ranInPeriod,
  rateFor,
  schemeDateErrors,
  wholeMonthsIn,
} from './grant-rules.js';
import {
  SAMPLE_RATE_TABLE,
  createGrantApplicationRequest,
  createGrantSchemeRequest,
  draftFromAgreementsRequest,
  grantTransitionRequest,
  rateTable,
  updateGrantApplicationRequest,
  updateGrantSchemeRequest,
} from './grants.js';
import { fieldError } from './problem.js';

const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const TODAY = '2026-11-30';

describe('lineAmount', () => {
  it('is rate × share × months / 12 in whole kroner', () => {
    expect(lineAmount(412_000, 80, 9)).toBe(247_200);
    expect(lineAmount(412_000, 100, 12)).toBe(412_000);
    expect(lineAmount(0, 100, 12)).toBe(0);
    expect(lineAmount(412_000, 100, 0)).toBe(0);
  });

  it('rounds half up, once, in integers', () => {
    // 100 001 × 50 × 1 / 1200 = 4 166.708… → 4 167
    expect(lineAmount(100_001, 50, 1)).toBe(4167);
    // 1 × 50 × 12 / 1200 = 0.5 exactly → 1 (half up), where floating point would be exact anyway
    expect(lineAmount(1, 50, 12)).toBe(1);
    // 3 × 50 × 4 / 1200 = 0.5 → 1; 1 × 1 × 599 / 1200 = 0.4991… → 0
    expect(lineAmount(3, 50, 4)).toBe(1);
    expect(lineAmount(1, 1, 599)).toBe(0);
    // 333 333 × 33 × 7 / 1200 = 64 166.60… → 64 167; 333 331 × 36 × 1 / 1200 = 9 999.93 → 10 000
    expect(lineAmount(333_333, 33, 7)).toBe(64_167);
    expect(lineAmount(333_331, 36, 1)).toBe(10_000);
    // A case floating point gets wrong: 0.1-style representation error never reaches the result.
    expect(lineAmount(5_000_000, 999, 999)).toBe(4_158_337_500);
  });

  it('agrees with exact rational rounding over many cases', () => {
    for (let rate = 0; rate <= 5_000_000; rate += 123_457) {
      for (const percent of [1, 7, 33, 50, 67, 80, 99, 100]) {
        for (let months = 0; months <= 12; months += 1) {
          const numerator = rate * percent * months;
          const expected = Math.floor(numerator / 1200) + (numerator % 1200 >= 600 ? 1 : 0);
          expect(lineAmount(rate, percent, months)).toBe(expected);
        }
      }
    }
  });

  it('refuses what is not a whole number ≥ 0', () => {
    expect(() => lineAmount(-1, 100, 12)).toThrow(RangeError);
    expect(() => lineAmount(1.5, 100, 12)).toThrow(RangeError);
    expect(() => lineAmount(1, Number.NaN, 12)).toThrow(RangeError);
  });
});

describe('rateFor', () => {
  it('reads the cell of the line type and centrality class', () => {
    expect(rateFor(SAMPLE_RATE_TABLE, 'gp', 5)).toBe(412_000);
    expect(rateFor(SAMPLE_RATE_TABLE, 'guidance_only', 1)).toBe(40_000);
    expect(() => rateFor(SAMPLE_RATE_TABLE, 'gp', 7)).toThrow(RangeError);
  });
});

describe('wholeMonthsIn', () => {
  it('lists the calendar months that lie wholly inside the period', () => {
    expect(wholeMonthsIn(YEAR).map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    // The 2024–25 refund period: 1 September – 31 May.
    expect(wholeMonthsIn({ from: '2024-09-01', to: '2025-05-31' })).toHaveLength(9);
    expect(wholeMonthsIn({ from: '2024-09-02', to: '2025-05-30' }).map((m) => m.month)).toEqual(['2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04']);
    expect(wholeMonthsIn({ from: '2024-02-01', to: '2024-02-29' })).toEqual([{ month: '2024-02', from: '2024-02-01', to: '2024-02-29' }]);
    expect(wholeMonthsIn({ from: '2025-02-01', to: '2025-02-27' })).toEqual([]);
  });
});

const run = (facts: Partial<AgreementRun>): AgreementRun => ({
  status: 'active',
  startDate: '2024-01-01',
  endDate: null,
  nonCountingPeriods: [],
  institutionService: [],
  shares: [{ from: '2024-01-01', percent: 100 }],
  ...facts,
});
const monthsOf = (facts: Partial<AgreementRun>, period = YEAR, today = TODAY) => claimableMonths(run(facts), period, today).map((m) => m.month.slice(5));

describe('claimableMonths', () => {
  it('counts every month an agreement ran in full', () => {
    expect(monthsOf({})).toHaveLength(12);
    // Started on the 2nd: March is not whole.
    expect(monthsOf({ startDate: '2025-03-02' })[0]).toBe('04');
    expect(monthsOf({ startDate: '2025-03-01' })[0]).toBe('03');
    // Ended on the 30th of a 31-day month: that month is not whole.
    expect(monthsOf({ status: 'terminated', endDate: '2025-05-30' }).at(-1)).toBe('04');
    expect(monthsOf({ status: 'completed', endDate: '2025-05-31' }).at(-1)).toBe('05');
  });

  it('counts a running agreement only up to today', () => {
    expect(monthsOf({}, YEAR, '2025-06-29').at(-1)).toBe('05');
    expect(monthsOf({}, YEAR, '2025-06-30').at(-1)).toBe('06');
  });

  it('never counts draft or cancelled agreements, which never ran', () => {
    expect(monthsOf({ status: 'draft' })).toEqual([]);
    expect(monthsOf({ status: 'cancelled' })).toEqual([]);
  });

  it('leaves out months with a day of institution service or of service that did not count', () => {
    const months = monthsOf({
      institutionService: [{ from: '2025-03-31', to: '2025-04-01' }],
      nonCountingPeriods: [{ from: '2025-10-15', to: null }],
    });
    expect(months).toEqual(['01', '02', '05', '06', '07', '08', '09']);
    // A leave is not institution service: the agreement still runs.
    expect(monthsOf({ nonCountingPeriods: [{ from: '2024-01-01', to: '2024-12-31' }] })).toHaveLength(12);
  });

  it('gives each month the lowest share it had', () => {
    const shares = [
      { from: '2024-01-01', percent: 100 },
      { from: '2025-07-15', percent: 50 },
      { from: '2025-10-01', percent: 80 },
    ];
    const months = claimableMonths(run({ shares }), YEAR, TODAY);
    expect(months.map((m) => m.percent)).toEqual([100, 100, 100, 100, 100, 100, 50, 50, 50, 80, 80, 80]);
    expect(linesFromMonths(months)).toEqual([
      { positionPercent: 100, months: 6 },
      { positionPercent: 50, months: 3 },
      { positionPercent: 80, months: 3 },
    ]);
  });

  it('groups a share that returns into one line', () => {
    const shares = [
      { from: '2024-01-01', percent: 100 },
      { from: '2025-04-01', percent: 60 },
      { from: '2025-07-01', percent: 100 },
    ];
    expect(linesFromMonths(claimableMonths(run({ shares }), YEAR, TODAY))).toEqual([
      { positionPercent: 100, months: 9 },
      { positionPercent: 60, months: 3 },
    ]);
  });

  it('tells whether an agreement ran on any day of the period', () => {
    expect(ranInPeriod(run({ startDate: '2025-12-20' }), YEAR, TODAY)).toBe(true);
    expect(ranInPeriod(run({ startDate: '2026-01-01' }), YEAR, TODAY)).toBe(false);
    expect(ranInPeriod(run({ status: 'terminated', endDate: '2024-12-31' }), YEAR, TODAY)).toBe(false);
    expect(ranInPeriod(run({ status: 'draft', startDate: '2025-01-01' }), YEAR, TODAY)).toBe(false);
    expect(ranInPeriod(run({ startDate: '2025-06-01' }), YEAR, '2025-05-31')).toBe(false);
  });
});

const line = (facts: Partial<EligibilityLine> = {}): EligibilityLine => ({
  agreementId: 'a1',
  doctorId: 'd1',
  lineType: 'gp',
  positionPercent: 100,
  months: 12,
  agreement: { kommunenummer: '1818', doctorId: 'd1', viaStaffingAgency: false, claimable: claimableMonths(run({}), YEAR, TODAY) },
  ...facts,
});
const facts = (overrides: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  kommunenummer: '1818',
  organisationNumber: '974760673',
  centralityClass: 6,
  periodMonths: 12,
  lines: [line()],
  otherClaims: [],
  ...overrides,
});
const problemsOf = (overrides: Partial<EligibilityFacts> = {}) => grantProblems(facts(overrides)).map((p) => [p.code, p.line, p.params] as const);
const codesOf = (overrides: Partial<EligibilityFacts> = {}) => grantProblems(facts(overrides)).map((p) => p.code);

describe('grantProblems', () => {
  it('finds none in a sound application', () => {
    expect(grantProblems(facts())).toEqual([]);
  });

  it('needs the municipality\'s valid organisation number and centrality class, and a line', () => {
    expect(codesOf({ organisationNumber: null, centralityClass: null, lines: [] })).toEqual(['no_organisation_number', 'no_centrality_class', 'no_lines']);
    expect(codesOf({ organisationNumber: '123456789' })).toEqual(['no_organisation_number']);
  });

  it('ties lines to agreements of the municipality and the doctor, not through a staffing agency', () => {
    const agreement = line().agreement;
    if (!agreement) throw new Error('the default line has an agreement');
    expect(problemsOf({ lines: [line({ agreement: { ...agreement, kommunenummer: '1804' } })] })).toEqual([['agreement_other_municipality', 0, { kommunenummer: '1804' }]]);
    // Its months are not this application's to claim: no month problems beside it.
    expect(problemsOf({ lines: [line({ agreement: { ...agreement, kommunenummer: '1804', claimable: [] } })] })).toEqual([
      ['agreement_other_municipality', 0, { kommunenummer: '1804' }],
    ]);
    expect(codesOf({ lines: [line({ agreement: { ...agreement, doctorId: 'd2' } })] })).toEqual(['agreement_other_doctor']);
    expect(codesOf({ lines: [line({ agreement: { ...agreement, viaStaffingAgency: true } })] })).toEqual(['staffing_agency']);
    expect(codesOf({ lines: [line({ agreementId: null, agreement: null })] })).toEqual(['agreement_required']);
    expect(codesOf({ lines: [line({ lineType: 'guidance_only' })] })).toEqual(['guidance_with_agreement']);
    expect(codesOf({ lines: [line({ lineType: 'guidance_only', agreementId: null, agreement: null })] })).toEqual([]);
  });

  it('holds months to 1–12 and shares to 1–100', () => {
    expect(problemsOf({ lines: [line({ months: 13, agreement: null, agreementId: null, lineType: 'guidance_only' })] })[0]).toEqual(['months_out_of_range', 0, { months: 13 }]);
    expect(problemsOf({ lines: [line({ months: 0 })] })).toEqual([['months_out_of_range', 0, { months: 0 }]]);
    expect(problemsOf({ lines: [line({ positionPercent: 0 })] })).toEqual([['percent_out_of_range', 0, { percent: 0 }]]);
    expect(codesOf({ lines: [line({ positionPercent: 101 })] })).toEqual(['percent_out_of_range', 'share_exceeds_agreement', 'full_time_months_exceeded']);
  });

  it('holds an agreement\'s lines to the months it can be claimed for, and to its shares', () => {
    const agreement = { kommunenummer: '1818', doctorId: 'd1', viaStaffingAgency: false, claimable: claimableMonths(run({ startDate: '2025-04-01', shares: [{ from: '2025-04-01', percent: 100 }, { from: '2025-10-01', percent: 50 }] }), YEAR, TODAY) };
    expect(agreement.claimable).toHaveLength(9);
    const ok = [line({ agreement, months: 6 }), line({ agreement, positionPercent: 50, months: 3 })];
    expect(codesOf({ lines: ok })).toEqual([]);
    // One month too many, on either line: both lines of the agreement say so.
    expect(problemsOf({ lines: [ok[0] ?? line(), line({ agreement, positionPercent: 50, months: 4 })] })).toEqual([
      ['months_exceed_agreement', 0, { months: 10, claimable: 9 }],
      ['months_exceed_agreement', 1, { months: 10, claimable: 9 }],
    ]);
    // The right months at a higher share than the agreement had.
    expect(problemsOf({ lines: [line({ agreement, months: 9 })] })).toEqual([['share_exceeds_agreement', 0, { fullTimeMonths: 9, claimableFullTimeMonths: 7.5 }]]);
    const none = { ...agreement, claimable: [] };
    expect(problemsOf({ lines: [line({ agreement: none, months: 0 })] })).toEqual([['no_claimable_months', 0, { claimable: 0 }]]);
  });

  it('finds the same doctor claimed twice by the municipality', () => {
    const other = { applicationId: 'app-2', kommunenummer: '1818', doctorId: 'd1', positionPercent: 50, months: 2 };
    expect(problemsOf({ lines: [line({ months: 6 })], otherClaims: [other] })).toEqual([['doctor_claimed_twice', 0, { applicationId: 'app-2' }]]);
    // Twice on one application: a guidance line beside the agreement's line, or the same agreement at the same share.
    const guidance = line({ lineType: 'guidance_only', agreementId: null, agreement: null, months: 1 });
    expect(problemsOf({ lines: [line({ months: 6 }), guidance] })).toEqual([['doctor_claimed_twice', 1, { otherLine: 0 }]]);
    expect(problemsOf({ lines: [line({ months: 6 }), line({ months: 6 })] })).toEqual([['doctor_claimed_twice', 1, { otherLine: 0 }]]);
    // Not twice: one agreement at two shares, or two agreements.
    expect(codesOf({ lines: [line({ months: 6 }), line({ months: 6, positionPercent: 50 })] })).toEqual([]);
    expect(codesOf({ lines: [line({ months: 6 }), line({ agreementId: 'a2', months: 6 })] })).toEqual([]);
  });

  it('finds a doctor claimed for more full-time months than the period has, naming the other application', () => {
    const elsewhere = [
      { applicationId: 'app-9', kommunenummer: '1804', doctorId: 'd1', positionPercent: 50, months: 6 },
      { applicationId: 'app-8', kommunenummer: '1820', doctorId: 'd1', positionPercent: 50, months: 2 },
      { applicationId: 'app-7', kommunenummer: '1820', doctorId: 'd9', positionPercent: 100, months: 12 },
    ];
    // 60 % × 12 here, 50 % × 6 and 50 % × 2 elsewhere: 11.2 full-time months of 12.
    expect(problemsOf({ lines: [line({ positionPercent: 60 })], otherClaims: elsewhere })).toEqual([]);
    expect(problemsOf({ lines: [line({ positionPercent: 80 })], otherClaims: elsewhere })).toEqual([
      ['full_time_months_exceeded', 0, { fullTimeMonths: 13.6, availableMonths: 12, applicationId: 'app-9', kommunenummer: '1804' }],
    ]);
    // Exactly the period is fine: 100 % × 9 here and 50 % × 6 elsewhere.
    expect(codesOf({ lines: [line({ months: 9 })], otherClaims: elsewhere.slice(0, 1) })).toEqual([]);
    expect(codesOf({ lines: [line({ months: 10 })], otherClaims: elsewhere.slice(0, 1) })).toEqual(['full_time_months_exceeded']);
  });

  it('turns each problem into a 422 entry with code not_eligible', () => {
    const [problem] = grantProblems(facts({ lines: [line({ months: 13 })] }));
    if (!problem) throw new Error('expected a problem');
    const entry = problemAsFieldError(problem);
    expect(entry).toMatchObject({ path: 'lines.0.months', code: 'not_eligible', params: { problem: 'months_out_of_range', months: 13 } });
    expect(fieldError.parse(entry)).toEqual(entry);
  });
});

describe('transitions, dates and the certificate', () => {
  it('lets a draft be submitted or withdrawn, and a decision be paid', () => {
    expect(GRANT_TRANSITIONS.draft).toEqual(['submitted', 'withdrawn']);
    expect(GRANT_TRANSITIONS.submitted).toEqual(['granted', 'partially_granted', 'rejected', 'withdrawn']);
    expect(GRANT_TRANSITIONS.partially_granted).toEqual(['paid']);
    expect(GRANT_TRANSITIONS.paid).toEqual([]);
    expect(GRANT_TRANSITIONS.rejected).toEqual([]);
  });

  it('orders a scheme\'s dates', () => {
    const scheme = { periodFrom: '2026-01-01', periodTo: '2026-12-31', applicationDeadline: '2027-03-01', expectedDecisionDate: '2027-06-01', auditorCertificateDueDate: '2028-04-01' };
    expect(schemeDateErrors(scheme)).toEqual([]);
    expect(schemeDateErrors({ ...scheme, periodTo: '2025-12-31', expectedDecisionDate: '2027-02-01' }).map((e) => [e.path, e.code, e.params])).toEqual([
      ['periodTo', 'too_early', { earliest: '2026-01-01', reference: 'periodFrom' }],
      ['expectedDecisionDate', 'too_early', { earliest: '2027-03-01', reference: 'applicationDeadline' }],
    ]);
    expect(schemeDateErrors({ ...scheme, periodTo: '2026-01-30' }).map((e) => e.code)).toEqual(['invalid']);
    expect(defaultCertificateDueDate('2027-06-01')).toBe('2028-04-01');
  });

  it('calls the certificate overdue once money was granted and the due date passed without it', () => {
    const due = '2027-04-01';
    expect(certificateOverdue({ status: 'paid', auditorCertificateReceivedOn: null }, due, '2027-04-02')).toBe(true);
    expect(certificateOverdue({ status: 'paid', auditorCertificateReceivedOn: null }, due, '2027-04-01')).toBe(false);
    expect(certificateOverdue({ status: 'granted', auditorCertificateReceivedOn: '2027-03-30' }, due, '2027-05-01')).toBe(false);
    expect(certificateOverdue({ status: 'rejected', auditorCertificateReceivedOn: null }, due, '2027-05-01')).toBe(false);
  });
});

describe('the contract', () => {
  it('needs every cell of a rate table', () => {
    const { gp, ...rest } = SAMPLE_RATE_TABLE;
    const { '3': _three, ...gpWithoutThree } = gp;
    const missing = rateTable.safeParse({ ...rest, gp: gpWithoutThree });
    expect(missing.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['gp.3']);
    expect(rateTable.safeParse(rest).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['gp']);
    expect(rateTable.safeParse({ ...SAMPLE_RATE_TABLE, gp: { ...gp, '6': 450_000.5 } }).success).toBe(false);
  });

  it.each([
    ['createGrantSchemeRequest', createGrantSchemeRequest],
    ['updateGrantSchemeRequest', updateGrantSchemeRequest],
    ['createGrantApplicationRequest', createGrantApplicationRequest],
    ['draftFromAgreementsRequest', draftFromAgreementsRequest],
    ['updateGrantApplicationRequest', updateGrantApplicationRequest],
    ['grantTransitionRequest', grantTransitionRequest],
  ] as const)('%s: every example is valid input', (_name, schema) => {
    const examples = (schema.meta()?.examples ?? []) as unknown[];
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(schema.safeParse(example).error).toBeUndefined();
  });
});
