// Reading a V8 .cpuprofile (node --cpu-prof) into time per category: each sample goes to the
// category of the frame nearest the leaf that some rule names, so a builtin (Array.map, toISOString)
// counts for the code that called it. Pure: the rules are given by the caller (bench/profile.ts).

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A frame belongs to `category` when every pattern given matches (function name, script URL). */
export interface CategoryRule {
  category: string;
  name?: RegExp;
  url?: RegExp;
}

export const IDLE = '(idle)';
export const OTHER = 'other';

export interface Attribution {
  /** Microseconds per category, idle left out of `busyUs`. */
  byCategory: Map<string, number>;
  busyUs: number;
  idleUs: number;
  /** The leaf functions with the most self time, with the category their samples went to. */
  topFunctions: Array<{ frame: string; category: string; us: number }>;
  samples: number;
}

function matches(rule: CategoryRule, frame: CallFrame): boolean {
  return (!rule.name || rule.name.test(frame.functionName)) && (!rule.url || rule.url.test(frame.url));
}

/** The short name of a frame: function, file and line. */
export function frameName(frame: CallFrame): string {
  const file = frame.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '~/');
  const short = file.replace(/^.*\/(src|bench|policies|workflows|forms)\//, '$1/');
  return `${frame.functionName || '(anonymous)'} ${short ? `${short}:${frame.lineNumber + 1}` : ''}`.trim();
}

/**
 * Time per category over the samples taken between `fromUs` and `toUs` (the profile's own
 * monotonic clock, microseconds; all samples when left out). A sample lasts until the next one.
 */
export function attribute(
  profile: CpuProfile,
  rules: CategoryRule[],
  window: { fromUs?: number; toUs?: number } = {},
  top = 15,
): Attribution {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const categoryOf = new Map<number, string>();
  const categorise = (id: number): string => {
    const known = categoryOf.get(id);
    if (known) return known;
    const frame = byId.get(id)!.callFrame;
    let category: string;
    if (frame.functionName === IDLE) category = IDLE;
    else {
      const rule = rules.find((r) => matches(r, frame));
      const up = parent.get(id);
      category = rule ? rule.category : up !== undefined ? categorise(up) : OTHER;
    }
    categoryOf.set(id, category);
    return category;
  };

  const byCategory = new Map<string, number>();
  const byLeaf = new Map<number, number>();
  let idleUs = 0;
  let busyUs = 0;
  let counted = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (
      (window.fromUs !== undefined && at < window.fromUs) ||
      (window.toUs !== undefined && at > window.toUs)
    )
      continue;
    const lasts = Math.max(0, profile.timeDeltas[i + 1] ?? 0);
    const id = profile.samples[i]!;
    const category = categorise(id);
    counted++;
    if (category === IDLE) {
      idleUs += lasts;
      continue;
    }
    busyUs += lasts;
    byCategory.set(category, (byCategory.get(category) ?? 0) + lasts);
    byLeaf.set(id, (byLeaf.get(id) ?? 0) + lasts);
  }
  // the same function may be several nodes (one per calling path): add them up by name
  const byFrame = new Map<string, { category: string; us: number }>();
  for (const [id, us] of byLeaf) {
    const name = frameName(byId.get(id)!.callFrame);
    const category = categorise(id);
    const key = `${name}\u0000${category}`;
    const seen = byFrame.get(key) ?? { category, us: 0 };
    seen.us += us;
    byFrame.set(key, seen);
  }
  const topFunctions = [...byFrame.entries()]
    .map(([key, v]) => ({ frame: key.split('\u0000')[0]!, ...v }))
    .sort((a, b) => b.us - a.us)
    .slice(0, top);
  return { byCategory, busyUs, idleUs, topFunctions, samples: counted };
}
