import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

type Item = Record<string, unknown> & { id: string };

export interface ListViewCase {
  /** The list's path, with or without a query. */
  path: string;
  /** The viewers to compare; each sees the same records in both views (nothing widened or narrowed). */
  tokens: string[];
  /** Fields a compact item carries with the same value as the whole record (allowedActions always). */
  same: string[];
  /** Fields only the whole record carries (the long texts). */
  dropped: string[];
  /** The detail route of a record: view=full items are checked against it. */
  detail?: (id: string) => string;
  /** Fields the detail computes afresh (a report's prefill while it is with the contractor). */
  computedOnDetail?: string[];
}

/**
 * The two views of a list (issue 21): compact items by default, whole records with view=full. For
 * each viewer both views hold the same records in the same order; compact items carry `same` with
 * the whole record's values and `allowedActions`, and none of `dropped`; whole records are what
 * the detail route says; an unknown view is 422. Returns each viewer's compact and full items.
 */
export async function expectListViews(t: TestApp, c: ListViewCase) {
  const sep = c.path.includes('?') ? '&' : '?';
  const get = async (token: string, query: string) => {
    const res = await t.call('GET', `${c.path}${sep}limit=200${query}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { items: res.body.items as Item[], bytes: JSON.stringify(res.body).length };
  };
  const seen: Array<{ compact: Item[]; full: Item[] }> = [];
  for (const token of c.tokens) {
    const compact = await get(token, '');
    const full = await get(token, '&view=full');
    expect(compact.items.map((i) => i.id)).toEqual(full.items.map((i) => i.id));
    for (const [n, item] of compact.items.entries()) {
      const whole = full.items[n]!;
      for (const key of ['allowedActions', ...c.same]) {
        expect(item, key).toHaveProperty(key);
        expect(item[key], key).toEqual(whole[key]);
      }
      for (const key of c.dropped) {
        expect(item, key).not.toHaveProperty(key);
        expect(whole, key).toHaveProperty(key);
      }
    }
    if (compact.items.length) expect(compact.bytes).toBeLessThan(full.bytes);
    if (c.detail && full.items.length) {
      const first = full.items[0]!;
      const detail = await t.call('GET', c.detail(first.id), { token });
      expect(detail.status).toBe(200);
      const stored = Object.fromEntries(
        Object.entries(first).filter(([key]) => !c.computedOnDetail?.includes(key)),
      );
      expect(detail.body).toMatchObject(stored);
    }
    seen.push({ compact: compact.items, full: full.items });
  }
  const bad = await t.call('GET', `${c.path}${sep}view=everything`, { token: c.tokens[0]! });
  expect(bad.status).toBe(422);
  return seen;
}
