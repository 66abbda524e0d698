import { describe, expect, it } from 'vitest';
import { countingPeriods, daysIn, inPeriods, nonCountingPeriods, statusPeriods } from './service-periods.js';

describe('countingPeriods', () => {
  it('counts from the application until a rejection', () => {
    const periods = countingPeriods(
      [
        { to: 'preparing', date: '2024-01-10' },
        { to: 'applied', date: '2024-02-01' },
        { to: 'rejected', date: '2025-01-10' },
      ],
      null,
    );
    expect(periods).toEqual([{ from: '2024-02-01', to: '2025-01-09' }]);
  });

  it('counts on from the application through the registration', () => {
    const periods = countingPeriods(
      [
        { to: 'preparing', date: '2025-01-15' },
        { to: 'applied', date: '2025-03-01' },
        { to: 'registered', date: '2025-09-01' },
      ],
      null,
    );
    expect(periods).toEqual([{ from: '2025-03-01', to: null }]);
  });

  it('applies the 2019 rule: an application before 1 June 2019 counts from 1 March 2019', () => {
    expect(countingPeriods([{ to: 'preparing', date: '2019-04-01' }, { to: 'applied', date: '2019-05-01' }], null)).toEqual([
      { from: '2019-03-01', to: null },
    ]);
  });

  it('stops at a deregistration and starts again with a new application', () => {
    const periods = countingPeriods(
      [
        { to: 'preparing', date: '2020-01-01' },
        { to: 'applied', date: '2020-02-01' },
        { to: 'registered', date: '2020-06-01' },
        { to: 'deregistered', date: '2022-01-01' },
        { to: 'preparing', date: '2022-06-01' },
        { to: 'applied', date: '2023-01-01' },
      ],
      null,
    );
    expect(periods).toEqual([
      { from: '2020-02-01', to: '2021-12-31' },
      { from: '2023-01-01', to: null },
    ]);
  });

  it('falls back to the current state of a registration without recorded changes', () => {
    expect(countingPeriods([], { status: 'registered', registeredFrom: '2021-05-01', applicationDate: '2021-05-01' })).toEqual([
      { from: '2021-05-01', to: null },
    ]);
    expect(countingPeriods([], { status: 'preparing', registeredFrom: null, applicationDate: null })).toEqual([]);
    expect(countingPeriods([], null)).toEqual([]);
  });
});

describe('statusPeriods', () => {
  it('gives the status on every day from the first change on, a repeated status kept as one period', () => {
    expect(
      statusPeriods(
        [
          { to: 'preparing', date: '2020-01-01' },
          { to: 'applied', date: '2020-02-01' },
          { to: 'registered', date: '2020-06-01' },
          { to: 'deregistered', date: '2022-01-01' },
          { to: 'preparing', date: '2022-06-01' },
          { to: 'preparing', date: '2022-07-01' },
        ],
        null,
      ),
    ).toEqual([
      { status: 'preparing', from: '2020-01-01', to: '2020-01-31' },
      { status: 'applied', from: '2020-02-01', to: '2020-05-31' },
      { status: 'registered', from: '2020-06-01', to: '2021-12-31' },
      { status: 'deregistered', from: '2022-01-01', to: '2022-05-31' },
      { status: 'preparing', from: '2022-06-01', to: null },
    ]);
  });

  it('lets an application before 1 June 2019 take effect on 1 March 2019, before the preparation it followed', () => {
    expect(statusPeriods([{ to: 'preparing', date: '2019-04-01' }, { to: 'applied', date: '2019-05-01' }], null)).toEqual([
      { status: 'applied', from: '2019-03-01', to: null },
    ]);
  });

  it('has the counting periods as its applied and registered periods, adjacent ones merged', () => {
    const changes = [
      { to: 'preparing', date: '2024-01-10' },
      { to: 'applied', date: '2024-02-01' },
      { to: 'registered', date: '2024-09-01' },
      { to: 'deregistered', date: '2025-01-10' },
    ] as const;
    expect(statusPeriods(changes, null).filter((period) => period.status === 'applied' || period.status === 'registered')).toHaveLength(2);
    expect(countingPeriods(changes, null)).toEqual([{ from: '2024-02-01', to: '2025-01-09' }]);
  });
});

describe('nonCountingPeriods', () => {
  it('finds a rejection after the start of an open agreement', () => {
    expect(nonCountingPeriods({ from: '2024-03-01', to: null }, [{ from: '2024-02-01', to: '2025-01-09' }])).toEqual([
      { from: '2025-01-10', to: null },
    ]);
  });

  it('finds the months before an application, and nothing after it', () => {
    expect(nonCountingPeriods({ from: '2025-01-01', to: null }, [{ from: '2025-03-01', to: null }])).toEqual([
      { from: '2025-01-01', to: '2025-02-28' },
    ]);
  });

  it('is the whole run where service never counted, and nothing where it always did', () => {
    expect(nonCountingPeriods({ from: '2025-01-01', to: '2025-12-31' }, [])).toEqual([{ from: '2025-01-01', to: '2025-12-31' }]);
    expect(nonCountingPeriods({ from: '2025-01-01', to: '2025-12-31' }, [{ from: '2020-01-01', to: null }])).toEqual([]);
  });

  it('finds the gaps between counting periods inside a closed run', () => {
    expect(
      nonCountingPeriods({ from: '2021-01-01', to: '2023-06-30' }, [
        { from: '2020-02-01', to: '2021-12-31' },
        { from: '2023-01-01', to: null },
      ]),
    ).toEqual([{ from: '2022-01-01', to: '2022-12-31' }]);
  });

  it('says whether a day lies in them and how many days of a span they hold', () => {
    const periods = [{ from: '2022-01-01', to: '2022-12-31' }, { from: '2024-01-01', to: null }];
    expect(inPeriods('2022-06-01', periods)).toBe(true);
    expect(inPeriods('2023-06-01', periods)).toBe(false);
    expect(inPeriods('2030-06-01', periods)).toBe(true);
    expect(daysIn(periods, { from: '2022-12-01', to: '2024-01-31' })).toBe(31 + 31);
  });
});
