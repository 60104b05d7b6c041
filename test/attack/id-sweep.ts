import { type AttackClient, signature } from './attack-client.js';
import { collectionOf, type Harvest } from './harvest.js';
import { fillPath, generate, type OpenApiDoc, operationsOf, type Random } from './openapi.js';

// Foreign ids on every route that takes one, reads and writes, nested ids too: a record the
// attacker may not see must be answered exactly like an id that does not exist (the same status,
// problem type and field errors). Ids in bodies are swept the same way (the company named in a
// suspension or a sub-contracting application, the organisation of a new user, …).

const isId = (name: string) => name === 'id' || name.endsWith('Id');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Routes whose use would end the attacker's own session or are about signing in itself. */
const SKIP = new Set(['POST /api/v1/auth/sign-out']);

export interface Attacker {
  name: string;
  token: string;
  sees: Harvest;
}

/** What the owners see and the attacker does not, by collection and paired. */
export function victimsOf(universe: Harvest[], attacker: Harvest) {
  const hidden = (id: string) => !attacker.ids.has(id);
  const byCollection = new Map<string, string[]>();
  const pairs = new Map<string, Array<[string, string]>>();
  const all = new Set<string>();
  for (const h of universe) {
    for (const [collection, ids] of h.byCollection) {
      const list = byCollection.get(collection) ?? [];
      for (const id of ids.filter(hidden)) if (UUID.test(id) && !list.includes(id)) list.push(id);
      byCollection.set(collection, list);
    }
    for (const [template, list] of h.pairs) {
      const mine = pairs.get(template) ?? [];
      mine.push(...list.filter(([a]) => hidden(a)));
      pairs.set(template, mine);
    }
    for (const id of h.ids) if (hidden(id) && UUID.test(id)) all.add(id);
  }
  return { byCollection, pairs, all: [...all] };
}

function sample<T>(r: Random, list: T[], n: number): T[] {
  const copy = [...list];
  const out: T[] = [];
  while (copy.length && out.length < n) out.push(copy.splice(Math.floor(r.next() * copy.length), 1)[0]!);
  return out;
}

export async function sweepPathIds(
  http: AttackClient,
  doc: OpenApiDoc,
  attacker: Attacker,
  universe: Harvest[],
  r: Random,
): Promise<void> {
  const victims = victimsOf(universe, attacker.sees);
  const ops = operationsOf(doc).filter((o) => o.params.some(isId) && !o.public && !SKIP.has(o.key));
  for (const op of ops) {
    const body = op.bodySchema ? generate(doc, op.bodySchema, r, { mode: 'benign', ids: [] }) : undefined;
    const call = (values: Record<string, string>) =>
      http.send(op.method, fillPath(op.template, values), { token: attacker.token, json: body, op: op.key });
    const random = () => Object.fromEntries(op.params.map((p) => [p, isId(p) ? crypto.randomUUID() : 'x']));
    const baseline = signature(await call(random()));

    const tries: Array<Record<string, string>> = [];
    const [first, second] = op.params as [string, string | undefined];
    const own = attacker.sees.byCollection.get(collectionOf(op.template)) ?? [];
    const firsts = [
      ...sample(r, victims.byCollection.get(collectionOf(op.template)) ?? [], 6),
      ...sample(r, victims.all, 3),
    ];
    for (const id of firsts) tries.push({ ...random(), [first]: id });
    if (second) {
      const pairs = victims.pairs.get(op.template) ?? [];
      for (const [a, b] of sample(r, pairs, 4)) tries.push({ [first]: a, [second]: b });
      // a foreign child under a parent the attacker may see (nested ids)
      for (const [, b] of sample(r, pairs, 2)) if (own[0]) tries.push({ [first]: own[0], [second]: b });
    }
    for (const values of tries) {
      const answer = await call(values);
      if (signature(answer) !== baseline) {
        http.figures.leaks.push(
          `${attacker.name}: ${op.method} ${fillPath(op.template, values)} → ${signature(answer)}, an unknown id → ${baseline}`,
        );
      }
    }
  }
}

/** Paths to every uuid in a body: ['contractId'], ['subcontractor', 'organisationId'], … */
function uuidPaths(value: unknown, at: string[] = []): string[][] {
  if (typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-4/.test(value)) return [at];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => uuidPaths(v, [...at, k]));
  }
  return [];
}

function withValue(body: unknown, path: string[], value: string): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

export async function sweepBodyIds(
  http: AttackClient,
  doc: OpenApiDoc,
  attacker: Attacker,
  universe: Harvest[],
  r: Random,
): Promise<void> {
  const victims = victimsOf(universe, attacker.sees);
  const ops = operationsOf(doc).filter(
    (o) => o.bodySchema && !o.public && !SKIP.has(o.key) && o.method !== 'PATCH',
  );
  for (const op of ops) {
    // the path names what the attacker may see, so that only the body's ids can make a difference
    const values = Object.fromEntries(
      op.params.map((p) => [
        p,
        attacker.sees.byCollection.get(collectionOf(op.template))?.[0] ?? crypto.randomUUID(),
      ]),
    );
    // one victim of each kind (a company, a contract, a user, …) and a few more
    const foreign = [...victims.byCollection.values()].flatMap((ids) => sample(r, ids, 2));
    foreign.push(...sample(r, victims.all, 3));
    {
      const body = generate(doc, op.bodySchema!, r, { mode: 'benign', ids: [], complete: true });
      for (const path of uuidPaths(body)) {
        const send = (id: string) =>
          http.send(op.method, fillPath(op.template, values), {
            token: attacker.token,
            json: withValue(body, path, id),
            op: op.key,
          });
        const baseline = signature(await send(crypto.randomUUID()));
        for (const id of foreign) {
          const answer = await send(id);
          if (signature(answer) !== baseline) {
            http.figures.leaks.push(
              `${attacker.name}: ${op.key} with ${path.join('.')}=${id} → ${signature(answer)}, an unknown id → ${baseline}`,
            );
          }
        }
      }
    }
  }
}
