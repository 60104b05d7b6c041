import { describe, expect, it } from 'vitest';
import { attribute, type CategoryRule, type CpuProfile } from './cpu-profile.js';

// A hand-made profile: root → handler (src/http) → { JSON stringify, contractActions → xstate },
// pg's row parser, the garbage collector and idle. Samples are 1 ms apart.
const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 6, 7, 8] },
    {
      id: 2,
      callFrame: frame('handler', 'file:///app/src/http/routes/contracts.routes.ts'),
      children: [3, 4, 9],
    },
    { id: 3, callFrame: frame('stringify') },
    {
      id: 4,
      callFrame: frame('contractActions', 'file:///app/src/domain/contracts/contract-actions.ts'),
      children: [5],
    },
    { id: 5, callFrame: frame('transition', 'file:///app/node_modules/xstate/dist/x.mjs') },
    { id: 6, callFrame: frame('parseRow', 'file:///app/node_modules/pg/lib/result.js') },
    { id: 7, callFrame: frame('(garbage collector)') },
    { id: 8, callFrame: frame('(idle)') },
    // a builtin called by the handler counts for the handler's category
    { id: 9, callFrame: frame('toISOString') },
  ],
  startTime: 0,
  endTime: 11_000,
  // idle, stringify ×2, xstate ×3, parseRow, GC, toISOString, idle, (last: no duration)
  samples: [8, 3, 3, 5, 5, 5, 6, 7, 9, 8, 8],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};
const rules: CategoryRule[] = [
  { category: 'GC', name: /^\(garbage collector\)$/ },
  { category: 'JSON', name: /^stringify$/ },
  { category: 'actions', url: /node_modules\/xstate\/|-actions\.ts$/ },
  { category: 'rows', url: /node_modules\/pg\/lib\/result/ },
  { category: 'presenting', url: /\/src\/http\// },
];

describe('attributing a CPU profile', () => {
  it('gives each sample the category of the frame nearest the leaf that a rule names, idle apart', () => {
    const a = attribute(profile, rules);
    expect(Object.fromEntries(a.byCategory)).toEqual({
      JSON: 2000,
      actions: 3000,
      rows: 1000,
      GC: 1000,
      presenting: 1000,
    });
    expect(a.busyUs).toBe(8000);
    expect(a.idleUs).toBe(2000);
    expect(a.topFunctions[0]).toMatchObject({ category: 'actions', us: 3000 });
    expect(a.topFunctions[0]!.frame).toContain('transition ~/xstate/');
  });

  it('counts only the samples inside the window, and what no rule names as other', () => {
    // samples at 4..6 ms are xstate; with no rule for it they fall to the caller's, then other
    const a = attribute(profile, rules.slice(0, 2), { fromUs: 4000, toUs: 6000 });
    expect(Object.fromEntries(a.byCategory)).toEqual({ other: 3000 });
    expect(a.samples).toBe(3);
  });
});
