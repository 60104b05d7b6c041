import { describe, expect, it } from 'vitest';
import { checkRatings, MONITORING_AREAS, MONITORING_ITEMS } from './monitoring-report.form.js';

describe('業務委託モニタリング報告書', () => {
  it('holds the seed items by area: 法令遵守 5, 履行状況・サービスの質 14, 継続性評価 2', () => {
    expect(MONITORING_AREAS.map((a) => [a.heading, a.items.length])).toEqual([
      ['法令遵守', 5],
      ['履行状況・サービスの質', 14],
      ['継続性評価', 2],
    ]);
    expect(new Set(MONITORING_ITEMS.map((i) => i.key)).size).toBe(21);
  });

  it.each([
    [{ c1: 'S', s3: 'A', k2: 'C' }, []],
    [{ c4: 'D' }, ['ratings.c4']],
    [{ k2: 'A' }, ['ratings.k2']],
    [{ k1: 'S' }, ['ratings.k1']],
    [{ z9: 'S' }, ['ratings.z9']],
  ])('%j → %j', (ratings, paths) => {
    expect(checkRatings(ratings).map((e) => e.path)).toEqual(paths);
  });
});
