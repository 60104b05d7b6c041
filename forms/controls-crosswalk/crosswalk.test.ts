import { describe, expect, it } from 'vitest';
import { CROSSWALK_VERSIONS, CURRENT_CROSSWALK, ruleIds } from './index.js';

// The crosswalk as data: each control has an id of its own, a source with title, edition and
// section, a description in both languages, and evidence rules the evaluator knows.

describe('the controls crosswalk', () => {
  it('covers the three sources the municipality is audited against', () => {
    const ids = CURRENT_CROSSWALK.controls.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const iso of ['iso-a5.19', 'iso-a5.20', 'iso-a5.21', 'iso-a5.22', 'iso-a5.23'])
      expect(ids).toContain(iso);
    expect(ids).toContain('appi-66');
    expect(ids.filter((id) => id.startsWith('mic-')).length).toBeGreaterThan(0);
    const frameworks = new Set(CURRENT_CROSSWALK.controls.map((c) => c.framework));
    expect([...frameworks].sort()).toEqual(['appi', 'iso27001', 'mic-guideline']);
  });

  it('cites each control and paraphrases it, without quotation marks', () => {
    for (const c of CURRENT_CROSSWALK.controls) {
      expect(c.source.title.length, c.id).toBeGreaterThan(5);
      expect(c.source.edition.length, c.id).toBeGreaterThan(1);
      expect(c.source.section.length, c.id).toBeGreaterThan(2);
      expect(c.description.ja.length, c.id).toBeGreaterThan(10);
      expect(c.description.en.length, c.id).toBeGreaterThan(10);
      // our own words: no 「」 or "…" presenting text as the source's
      expect(c.description.ja, c.id).not.toMatch(/[「」『』]/);
      expect(c.description.en, c.id).not.toMatch(/"/);
    }
  });

  it('names only evidence rules it defines, and uses every rule', () => {
    const defined = new Set(ruleIds(CURRENT_CROSSWALK));
    const used = new Set(CURRENT_CROSSWALK.controls.flatMap((c) => c.evidence));
    for (const rule of used) expect(defined.has(rule), rule).toBe(true);
    for (const rule of defined) expect(used.has(rule), rule).toBe(true);
    for (const [id, rule] of Object.entries(CURRENT_CROSSWALK.rules)) expect(rule.id).toBe(id);
  });

  it('keeps its versions in order, newest last', () => {
    const versions = CROSSWALK_VERSIONS.map((v) => v.version);
    expect([...versions].sort()).toEqual(versions);
    expect(CURRENT_CROSSWALK).toBe(CROSSWALK_VERSIONS[CROSSWALK_VERSIONS.length - 1]);
  });
});
