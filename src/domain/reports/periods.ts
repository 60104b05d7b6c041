import { ValidationError } from '../shared/errors.js';

// Six-monthly periods: H1 = April–September, H2 = October–March. A period's report is requested
// on the day after it ends and is due at the end of that month.

export interface ReportPeriod {
  label: string;
  from: string;
  to: string;
  /** The day the request goes out (the day after the period). */
  issueOn: string;
  dueOn: string;
}

const LABEL = /^(\d{4})H([12])$/;

export function periodOf(label: string): ReportPeriod {
  const match = LABEL.exec(label);
  if (!match) {
    throw new ValidationError(
      { en: 'A period is written like 2026H1', ja: '期間は 2026H1 のように指定してください' },
      [
        {
          path: 'period',
          message: 'YYYYH1 (April–September) or YYYYH2 (October–March)',
          message_ja: 'YYYYH1（4月〜9月）または YYYYH2（10月〜3月）',
        },
      ],
    );
  }
  const year = Number(match[1]);
  if (match[2] === '1') {
    return {
      label,
      from: `${year}-04-01`,
      to: `${year}-09-30`,
      issueOn: `${year}-10-01`,
      dueOn: `${year}-10-31`,
    };
  }
  return {
    label,
    from: `${year}-10-01`,
    to: `${year + 1}-03-31`,
    issueOn: `${year + 1}-04-01`,
    dueOn: `${year + 1}-04-30`,
  };
}

/** The most recent period that has ended by `today` (a Japanese calendar day). */
export function latestCompletedPeriod(today: string): ReportPeriod {
  const [y, m] = today.split('-').map(Number) as [number, number];
  if (m >= 10) return periodOf(`${y}H1`);
  if (m >= 4) return periodOf(`${y - 1}H2`);
  return periodOf(`${y - 1}H1`);
}

/** The period a day falls in. */
export function periodContaining(day: string): ReportPeriod {
  const [y, m] = day.split('-').map(Number) as [number, number];
  if (m >= 4 && m <= 9) return periodOf(`${y}H1`);
  return periodOf(m >= 10 ? `${y}H2` : `${y - 1}H2`);
}
