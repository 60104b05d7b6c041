import type { Grade } from '../../../forms/monitoring-report/monitoring-report.form.js';

// 財務状況(安全性)チェックシート (seed 000): three ratios from the latest financial statements,
// each rated 安定 (stable) / 注意 (caution) / 危険 (danger), and the overall grade:
//   流動比率 = 流動資産 / 流動負債 × 100     100以上 安定, 70~100 注意, ~70 危険
//   固定比率 = 固定資産 / 自己資本 × 100     100以下 安定, 100~ 注意
//   自己資本比率 = 自己資本 / 総資本 × 100   50以上 安定, 10~50 注意, ~10 危険
//   全て安定 S; 注意が1つ (危険0) A; 注意が2つか3つ (危険0) B; 危険が1つ以上 C
// The sheet shows each ratio to one decimal (233.8); the rating is made on that shown value, so a
// printed 100.0 is never rated 注意. Arithmetic is exact (BigInt), so boundaries never wobble.

export type Stability = '安定' | '注意' | '危険';

export interface FinancialFigures {
  /** 流動資産 */
  currentAssets: number;
  /** 流動負債 */
  currentLiabilities: number;
  /** 固定資産 */
  fixedAssets: number;
  /** 自己資本 (negative when liabilities exceed assets, 債務超過) */
  equity: number;
  /** 総資本 (> 0) */
  totalCapital: number;
}

export interface RatioRating {
  /** The ratio to one decimal, as the sheet shows it; null where it cannot be computed. */
  value: number | null;
  display: string;
  stability: Stability;
}

export interface FinancialRating {
  currentRatio: RatioRating;
  fixedRatio: RatioRating;
  equityRatio: RatioRating;
  grade: Grade;
}

/** numerator / denominator × 100, in tenths, rounded half away from zero (denominator > 0). */
function percentTenths(numerator: number, denominator: number): bigint {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const abs = n < 0n ? -n : n;
  const tenths = (abs * 2000n + d) / (2n * d);
  return n < 0n ? -tenths : tenths;
}

function shown(tenths: bigint): { value: number; display: string } {
  const negative = tenths < 0n;
  const abs = negative ? -tenths : tenths;
  const display = `${negative ? '-' : ''}${abs / 10n}.${abs % 10n}`;
  return { value: Number(display), display };
}

function rate(tenths: bigint | null, rule: (t: bigint) => Stability, whenNull: Stability): RatioRating {
  if (tenths === null) return { value: null, display: '—', stability: whenNull };
  return { ...shown(tenths), stability: rule(tenths) };
}

/** 流動比率: 100以上 安定, 70~100 注意, ~70 危険. */
export const rateCurrentRatio = (t: bigint): Stability => (t >= 1000n ? '安定' : t >= 700n ? '注意' : '危険');
/** 固定比率: 100以下 安定, 100~ 注意. */
export const rateFixedRatio = (t: bigint): Stability => (t <= 1000n ? '安定' : '注意');
/** 自己資本比率: 50以上 安定, 10~50 注意, ~10 危険. */
export const rateEquityRatio = (t: bigint): Stability => (t >= 500n ? '安定' : t >= 100n ? '注意' : '危険');

/** The seed's table: any 危険 → C; otherwise by the number of 注意: 0 → S, 1 → A, 2 or 3 → B. */
export function overallGrade(stabilities: readonly Stability[]): Grade {
  if (stabilities.includes('危険')) return 'C';
  const cautions = stabilities.filter((s) => s === '注意').length;
  return cautions === 0 ? 'S' : cautions === 1 ? 'A' : 'B';
}

/**
 * Rates the figures. Without current liabilities (流動負債 0) the current ratio is unbounded and
 * rated 安定; without positive equity (自己資本 ≤ 0) fixed assets are not covered by own capital at
 * all, so the fixed ratio is rated 注意 — the equity ratio then rates 危険 anyway.
 */
export function rateFinancials(f: FinancialFigures): FinancialRating {
  if (f.totalCapital <= 0) throw new RangeError('総資本 must be positive');
  const currentRatio = rate(
    f.currentLiabilities > 0 ? percentTenths(f.currentAssets, f.currentLiabilities) : null,
    rateCurrentRatio,
    '安定',
  );
  const fixedRatio = rate(
    f.equity > 0 ? percentTenths(f.fixedAssets, f.equity) : null,
    rateFixedRatio,
    '注意',
  );
  const equityRatio = rate(percentTenths(f.equity, f.totalCapital), rateEquityRatio, '危険');
  return {
    currentRatio,
    fixedRatio,
    equityRatio,
    grade: overallGrade([currentRatio.stability, fixedRatio.stability, equityRatio.stability]),
  };
}
