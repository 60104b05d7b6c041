import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FinancialFigures, overallGrade, rateFinancials, type Stability } from './financial-rating.js';

// The financial checksheet (財務状況チェックシート, seed 000): ratios, thresholds and the S/A/B/C table.

const figures = (overrides: Partial<FinancialFigures> = {}): FinancialFigures => ({
  currentAssets: 38_214,
  currentLiabilities: 16_346,
  fixedAssets: 17_541,
  equity: 37_812,
  totalCapital: 55_755,
  ...overrides,
});

describe('the seed example (りらいあコミュニケーションズ, 百万円)', () => {
  it('gives 233.8 / 46.4 / 67.8, all 安定, overall S', () => {
    const r = rateFinancials(figures());
    expect([r.currentRatio.display, r.fixedRatio.display, r.equityRatio.display]).toEqual([
      '233.8',
      '46.4',
      '67.8',
    ]);
    expect([r.currentRatio.stability, r.fixedRatio.stability, r.equityRatio.stability]).toEqual([
      '安定',
      '安定',
      '安定',
    ]);
    expect(r.grade).toBe('S');
  });
});

describe('the overall table: 全て安定 S, 注意1つ A, 注意2つか3つ B, 危険1つ以上 C', () => {
  const current: Stability[] = ['安定', '注意', '危険'];
  const fixed: Stability[] = ['安定', '注意'];
  const equity: Stability[] = ['安定', '注意', '危険'];
  const rows = current.flatMap((c) => fixed.flatMap((f) => equity.map((e) => [c, f, e] as Stability[])));
  it.each(rows)('%s / %s / %s', (...s) => {
    const dangers = s.filter((x) => x === '危険').length;
    const cautions = s.filter((x) => x === '注意').length;
    const expected = dangers > 0 ? 'C' : cautions === 0 ? 'S' : cautions === 1 ? 'A' : 'B';
    expect(overallGrade(s)).toBe(expected);
  });
  it('covers all eighteen combinations, with every grade reachable', () => {
    expect(rows).toHaveLength(18);
    expect(new Set(rows.map((r) => overallGrade(r)))).toEqual(new Set(['S', 'A', 'B', 'C']));
  });
});

describe('boundaries, exactly as the seed writes them', () => {
  it.each<
    [string, Partial<FinancialFigures>, 'currentRatio' | 'fixedRatio' | 'equityRatio', string, Stability]
  >([
    [
      '流動比率 100.0 is 安定',
      { currentAssets: 100, currentLiabilities: 100 },
      'currentRatio',
      '100.0',
      '安定',
    ],
    [
      '流動比率 99.9 is 注意',
      { currentAssets: 999, currentLiabilities: 1000 },
      'currentRatio',
      '99.9',
      '注意',
    ],
    ['流動比率 70.0 is 注意', { currentAssets: 70, currentLiabilities: 100 }, 'currentRatio', '70.0', '注意'],
    [
      '流動比率 69.9 is 危険',
      { currentAssets: 699, currentLiabilities: 1000 },
      'currentRatio',
      '69.9',
      '危険',
    ],
    ['固定比率 100.0 is 安定', { fixedAssets: 500, equity: 500 }, 'fixedRatio', '100.0', '安定'],
    ['固定比率 100.1 is 注意', { fixedAssets: 1001, equity: 1000 }, 'fixedRatio', '100.1', '注意'],
    ['自己資本比率 50.0 is 安定', { equity: 50, totalCapital: 100 }, 'equityRatio', '50.0', '安定'],
    ['自己資本比率 49.9 is 注意', { equity: 499, totalCapital: 1000 }, 'equityRatio', '49.9', '注意'],
    ['自己資本比率 10.0 is 注意', { equity: 10, totalCapital: 100 }, 'equityRatio', '10.0', '注意'],
    ['自己資本比率 9.9 is 危険', { equity: 99, totalCapital: 1000 }, 'equityRatio', '9.9', '危険'],
    [
      'a shown 100.0 (99.95) is 安定, as printed',
      { currentAssets: 9995, currentLiabilities: 10000 },
      'currentRatio',
      '100.0',
      '安定',
    ],
    [
      'a shown 99.9 (99.94) is 注意',
      { currentAssets: 9994, currentLiabilities: 10000 },
      'currentRatio',
      '99.9',
      '注意',
    ],
  ])('%s', (_name, overrides, ratio, display, stability) => {
    const r = rateFinancials(figures(overrides))[ratio];
    expect(r.display).toBe(display);
    expect(r.stability).toBe(stability);
  });

  it('rates no current liabilities as 安定, and negative equity (債務超過) as C', () => {
    expect(rateFinancials(figures({ currentLiabilities: 0 })).currentRatio).toMatchObject({
      value: null,
      stability: '安定',
    });
    const insolvent = rateFinancials(figures({ equity: -500, totalCapital: 10_000 }));
    expect(insolvent.fixedRatio.stability).toBe('注意');
    expect(insolvent.equityRatio).toMatchObject({ display: '-5.0', stability: '危険' });
    expect(insolvent.grade).toBe('C');
  });

  it('refuses a total capital that is not positive', () => {
    expect(() => rateFinancials(figures({ totalCapital: 0 }))).toThrow(RangeError);
  });
});

describe('properties', () => {
  const amount = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
  const positive = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });

  it('rates every ratio by its shown value and the thresholds, whatever the figures', () => {
    fc.assert(
      fc.property(
        amount,
        positive,
        amount,
        fc.integer({ min: -1e12, max: 1e15 }),
        positive,
        (ca, cl, fa, eq, tc) => {
          const r = rateFinancials({
            currentAssets: ca,
            currentLiabilities: cl,
            fixedAssets: fa,
            equity: eq,
            totalCapital: tc,
          });
          const c = r.currentRatio.value!;
          expect(r.currentRatio.stability).toBe(c >= 100 ? '安定' : c >= 70 ? '注意' : '危険');
          const e = r.equityRatio.value!;
          expect(r.equityRatio.stability).toBe(e >= 50 ? '安定' : e >= 10 ? '注意' : '危険');
          if (eq > 0) expect(r.fixedRatio.stability).toBe(r.fixedRatio.value! <= 100 ? '安定' : '注意');
          expect(r.grade).toBe(
            overallGrade([r.currentRatio.stability, r.fixedRatio.stability, r.equityRatio.stability]),
          );
        },
      ),
    );
  });

  it('shows each ratio rounded to the nearest tenth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (n, d) => {
        const r = rateFinancials(figures({ currentAssets: n, currentLiabilities: d }));
        expect(Math.abs(r.currentRatio.value! - (n / d) * 100)).toBeLessThanOrEqual(0.05 + 1e-6);
      }),
    );
  });

  it('puts an exact ratio of t/10 on the right side of every boundary, at any scale', () => {
    // with denominator 1000·k and numerator t·k the ratio is exactly t/10
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 1, max: 1_000_000 }), (t, k) => {
        const r = rateFinancials({
          currentAssets: t * k,
          currentLiabilities: 1000 * k,
          fixedAssets: t * k,
          equity: 1000 * k,
          totalCapital: 1000 * k,
        });
        expect(r.currentRatio.stability).toBe(t >= 1000 ? '安定' : t >= 700 ? '注意' : '危険');
        expect(r.fixedRatio.stability).toBe(t <= 1000 ? '安定' : '注意');
        const eq = rateFinancials(figures({ equity: t * k, totalCapital: 1000 * k }));
        expect(eq.equityRatio.stability).toBe(t >= 500 ? '安定' : t >= 100 ? '注意' : '危険');
      }),
    );
  });
});
