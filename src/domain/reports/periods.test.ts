import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latestCompletedPeriod, periodContaining, periodOf } from './periods.js';

describe('six-monthly periods', () => {
  it('knows H1 and H2', () => {
    expect(periodOf('2026H1')).toEqual({
      label: '2026H1',
      from: '2026-04-01',
      to: '2026-09-30',
      issueOn: '2026-10-01',
      dueOn: '2026-10-31',
    });
    expect(periodOf('2026H2')).toEqual({
      label: '2026H2',
      from: '2026-10-01',
      to: '2027-03-31',
      issueOn: '2027-04-01',
      dueOn: '2027-04-30',
    });
    expect(() => periodOf('2026H3')).toThrow();
  });

  it('the latest completed period turns over on 1 October and 1 April', () => {
    expect(latestCompletedPeriod('2026-09-30').label).toBe('2025H2');
    expect(latestCompletedPeriod('2026-10-01').label).toBe('2026H1');
    expect(latestCompletedPeriod('2027-03-31').label).toBe('2026H1');
    expect(latestCompletedPeriod('2027-04-01').label).toBe('2026H2');
  });

  it('every day lies in exactly the period that contains it, and that period ends before the next one is completed', () => {
    const day = fc
      .date({ min: new Date('2020-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (d) => {
        const p = periodContaining(d);
        expect(p.from <= d && d <= p.to).toBe(true);
        const done = latestCompletedPeriod(d);
        expect(done.to < d).toBe(true);
        expect(done.issueOn <= d).toBe(true);
      }),
    );
  });
});
