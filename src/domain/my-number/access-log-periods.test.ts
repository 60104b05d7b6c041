import { describe, expect, it } from 'vitest';
import { reviewPeriodsToIssue } from './access-log-periods.js';

const year = { periodFrom: '2026-04-01', periodTo: '2027-03-31' };

describe('access-log review periods (アクセスログの確認)', () => {
  it('issues a month the day after it ends, due ten days later, catching up three months', () => {
    expect(reviewPeriodsToIssue(year, 'monthly', '2026-12-01').map((p) => [p.label, p.dueOn])).toEqual([
      ['2026-08', '2026-09-10'],
      ['2026-09', '2026-10-10'],
      ['2026-10', '2026-11-10'],
      ['2026-11', '2026-12-10'],
    ]);
    // the last day of a month issues nothing for it yet
    expect(reviewPeriodsToIssue(year, 'monthly', '2026-11-30').map((p) => p.label)).not.toContain('2026-11');
  });

  it('cuts the first and the last period to the contract', () => {
    const short = { periodFrom: '2026-10-15', periodTo: '2027-01-20' };
    const periods = reviewPeriodsToIssue(short, 'monthly', '2027-02-15');
    expect(periods.map((p) => [p.label, p.from, p.to])).toEqual([
      ['2026-11', '2026-11-01', '2026-11-30'],
      ['2026-12', '2026-12-01', '2026-12-31'],
      ['2027-01', '2027-01-01', '2027-01-20'],
    ]);
    expect(reviewPeriodsToIssue(short, 'monthly', '2026-11-01')).toEqual([
      { label: '2026-10', from: '2026-10-15', to: '2026-10-31', issueOn: '2026-11-01', dueOn: '2026-11-10' },
    ]);
  });

  it('issues fiscal quarters (April–June …, January–March)', () => {
    expect(reviewPeriodsToIssue(year, 'quarterly', '2026-10-01')).toEqual([
      {
        label: 'FY2026-Q2',
        from: '2026-07-01',
        to: '2026-09-30',
        issueOn: '2026-10-01',
        dueOn: '2026-10-10',
      },
    ]);
    // the third quarter was issued on 1 January, within the catch-up
    expect(reviewPeriodsToIssue(year, 'quarterly', '2027-04-01').map((p) => [p.label, p.from, p.to])).toEqual(
      [
        ['FY2026-Q3', '2026-10-01', '2026-12-31'],
        ['FY2026-Q4', '2027-01-01', '2027-03-31'],
      ],
    );
  });

  it('issues nothing before the contract has run a whole period, or long after it ended', () => {
    expect(reviewPeriodsToIssue(year, 'monthly', '2026-04-30')).toEqual([]);
    expect(reviewPeriodsToIssue(year, 'monthly', '2027-12-01')).toEqual([]);
  });
});
