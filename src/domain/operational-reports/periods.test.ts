import { describe, expect, it } from 'vitest';
import {
  dailyPeriod,
  isWorkingDay,
  monthlyPeriod,
  nextWorkingDay,
  periodsToIssue,
  yearlyPeriod,
} from './periods.js';

const fiscal = { periodFrom: '2026-04-01', periodTo: '2027-03-31' };

describe('working days (Monday to Friday; no holiday list in the repository)', () => {
  it('knows the weekend and the next working day across a month end', () => {
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-07')).toBe(true); // Monday
    expect(nextWorkingDay('2026-10-30')).toBe('2026-11-02'); // Friday → Monday, next month
    expect(nextWorkingDay('2027-03-31')).toBe('2027-04-01'); // across the fiscal year
  });
});

describe('the periods of the operational reports (seed 004 4(4)②)', () => {
  it('asks a daily report for each working day of the contract, due the next working day', () => {
    expect(dailyPeriod('2026-12-04', fiscal)).toMatchObject({ label: '2026-12-04', dueOn: '2026-12-07' });
    expect(dailyPeriod('2026-12-06', fiscal)).toBeNull(); // Sunday
    expect(dailyPeriod('2026-03-31', fiscal)).toBeNull(); // before the contract
    expect(dailyPeriod('2027-04-01', fiscal)).toBeNull(); // after it
  });

  it('asks a monthly report the day after the month, due at the end of the next month', () => {
    expect(monthlyPeriod('2026-11', fiscal)).toEqual({
      kind: 'monthly',
      label: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
      issueOn: '2026-12-01',
      dueOn: '2026-12-31',
    });
    // December's is due at the end of January, in the next calendar year
    expect(monthlyPeriod('2026-12', fiscal)).toMatchObject({ issueOn: '2027-01-01', dueOn: '2027-01-31' });
    // January's by the end of February (28 days in 2027)
    expect(monthlyPeriod('2027-01', fiscal)).toMatchObject({ dueOn: '2027-02-28' });
    // March's crosses the fiscal year end
    expect(monthlyPeriod('2027-03', fiscal)).toMatchObject({ issueOn: '2027-04-01', dueOn: '2027-04-30' });
    expect(monthlyPeriod('2027-04', fiscal)).toBeNull();
  });

  it('cuts a month to a contract that starts or ends within it', () => {
    const mid = { periodFrom: '2026-06-15', periodTo: '2026-09-10' };
    expect(monthlyPeriod('2026-06', mid)).toMatchObject({ from: '2026-06-15', to: '2026-06-30' });
    expect(monthlyPeriod('2026-09', mid)).toMatchObject({
      from: '2026-09-01',
      to: '2026-09-10',
      issueOn: '2026-09-11',
      dueOn: '2026-10-31',
    });
  });

  it('asks the yearly report by 20 April of the next fiscal year, but at the contract end in its last year', () => {
    const twoYears = { periodFrom: '2026-04-01', periodTo: '2028-03-31' };
    expect(yearlyPeriod(2026, twoYears)).toMatchObject({
      label: 'FY2026',
      from: '2026-04-01',
      to: '2027-03-31',
      issueOn: '2027-04-01',
      dueOn: '2027-04-20',
    });
    // the last year: 契約満了日の会計年度分を年度末に報告
    expect(yearlyPeriod(2027, twoYears)).toMatchObject({
      to: '2028-03-31',
      issueOn: '2028-03-01',
      dueOn: '2028-03-31',
    });
    // a contract ending mid-year reports its part of the year on its last day
    const midYear = { periodFrom: '2026-04-01', periodTo: '2026-12-15' };
    expect(yearlyPeriod(2026, midYear)).toMatchObject({
      from: '2026-04-01',
      to: '2026-12-15',
      issueOn: '2026-12-01',
      dueOn: '2026-12-15',
    });
    expect(yearlyPeriod(2027, midYear)).toBeNull();
  });

  it('lists what the scheduler issues on a day, catching up a month and nothing ahead', () => {
    const due = periodsToIssue(fiscal, ['daily', 'monthly', 'yearly'], '2026-12-07');
    const labels = due.map((p) => p.label);
    expect(labels).toContain('2026-12-07');
    expect(labels).toContain('2026-11-06'); // 31 days back, a Friday
    expect(labels).not.toContain('2026-11-05');
    expect(labels).not.toContain('2026-12-08');
    expect(labels).toContain('2026-11'); // issued on 1 December
    expect(labels).not.toContain('2026-12');
    expect(labels.filter((l) => l.startsWith('FY'))).toEqual([]);
    expect(due.every((p) => p.kind !== 'daily' || isWorkingDay(p.label))).toBe(true);
    // only the kinds the contract requires
    expect(periodsToIssue(fiscal, ['monthly'], '2026-12-07').map((p) => p.label)).toEqual(['2026-11']);
    expect(periodsToIssue(fiscal, [], '2026-12-07')).toEqual([]);
    // the yearly report of the last year goes out on the first day of the contract's last month
    expect(periodsToIssue(fiscal, ['yearly'], '2027-03-01').map((p) => p.label)).toEqual(['FY2026']);
    expect(periodsToIssue(fiscal, ['yearly'], '2027-02-28')).toEqual([]);
  });
});
