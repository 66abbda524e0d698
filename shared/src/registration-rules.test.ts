import { describe, expect, it } from 'vitest';
import { canTransition, earliestApplicationDate, missingApplicationElements, registeredFromDate } from './registration-rules.js';

const complete = {
  responsibleName: 'Kari Nordmann',
  educationPlanUrl: 'https://kommune.no/utdanningsplan',
  supervisionArrangement: 'Veileder fra eget legekontor, gruppeveiledning via ALIS Nord',
  learningArenas: [
    { name: 'Legekontoret', kind: 'own' as const, agreementInPlace: false },
    { name: 'Legevakt', kind: 'external' as const, partner: 'Interkommunal legevakt', agreementInPlace: true },
  ],
};

describe('registration rules', () => {
  it('follows the § 19 lifecycle', () => {
    expect(canTransition('not_registered', 'preparing')).toBe(true);
    expect(canTransition('preparing', 'applied')).toBe(true);
    expect(canTransition('applied', 'registered')).toBe(true);
    expect(canTransition('applied', 'rejected')).toBe(true);
    expect(canTransition('rejected', 'preparing')).toBe(true);
    expect(canTransition('registered', 'deregistered')).toBe(true);
    expect(canTransition('not_registered', 'applied')).toBe(false);
    expect(canTransition('preparing', 'registered')).toBe(false);
    expect(canTransition('registered', 'applied')).toBe(false);
  });

  it('finds nothing missing in a complete application', () => {
    expect(missingApplicationElements(complete)).toEqual([]);
  });

  it('needs a learning arena of the municipality\'s own, not only external ones', () => {
    const externalOnly = { ...complete, learningArenas: complete.learningArenas.filter((arena) => arena.kind === 'external') };
    expect(missingApplicationElements(externalOnly)).toEqual([
      { path: 'learningArenas', code: 'missing', message: expect.any(String), params: { item: 'own' } },
    ]);
  });

  it('dates an application no earlier than the regulation and the round\'s preparation', () => {
    expect(earliestApplicationDate(null)).toBe('2017-03-01');
    expect(earliestApplicationDate('2016-05-01')).toBe('2017-03-01');
    expect(earliestApplicationDate('2024-03-15')).toBe('2024-03-15');
  });

  it('lists every missing element', () => {
    const missing = missingApplicationElements({ responsibleName: ' ', educationPlanUrl: null, supervisionArrangement: null, learningArenas: [] });
    expect(missing.map((m) => m.path)).toEqual(['responsibleName', 'educationPlanUrl', 'supervisionArrangement', 'learningArenas']);
  });

  it('needs an agreement and a partner for every external arena', () => {
    const missing = missingApplicationElements({
      ...complete,
      learningArenas: [
        { name: 'Legekontoret', kind: 'own', agreementInPlace: false },
        { name: 'Sykehjem', kind: 'external', partner: null, agreementInPlace: false },
      ],
    });
    expect(missing.map((m) => m.path)).toEqual(['learningArenas.1.agreementInPlace', 'learningArenas.1.partner']);
  });

  it('counts a registration from the application date, or 1 March 2019 for early applications', () => {
    expect(registeredFromDate('2023-02-15')).toBe('2023-02-15');
    expect(registeredFromDate('2019-06-01')).toBe('2019-06-01');
    expect(registeredFromDate('2019-05-31')).toBe('2019-03-01');
    expect(registeredFromDate('2018-11-01')).toBe('2019-03-01');
  });
});
