import type { AttackClient } from './attack-client.js';
import { fillPath, type OpenApiDoc, type Operation, operationsOf } from './openapi.js';

// What a caller can see, read from the API itself: every list of the document (and the records
// and nested lists under the first few of each), every id in the answers. The ids an owner sees
// and an attacker does not are the attacker's victims; routes added later are read as well.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Harvest {
  ids: Set<string>;
  /** The ids of each list's items, by the list's template ('/api/v1/contracts'). */
  byCollection: Map<string, string[]>;
  /** For each operation with two parameters: [first, second] pairs seen under the first. */
  pairs: Map<string, Array<[string, string]>>;
}

function collect(value: unknown, into: Set<string>, keys: string[] = ['id']): void {
  if (Array.isArray(value)) for (const v of value) collect(v, into, keys);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (keys.includes(k) && typeof v === 'string') into.add(v);
      else collect(v, into, keys);
    }
  }
}

/** The template of the list the first parameter's values come from: '/api/v1/contracts/{id}/x' → '/api/v1/contracts'. */
export function collectionOf(template: string): string {
  return template.slice(0, template.indexOf('/{'));
}

export async function harvest(http: AttackClient, doc: OpenApiDoc, token: string): Promise<Harvest> {
  const ops = operationsOf(doc).filter(
    (o) => o.method === 'GET' && !o.template.startsWith('/api/v1/auth/sign'),
  );
  const result: Harvest = { ids: new Set(), byCollection: new Map(), pairs: new Map() };
  const get = async (path: string, op: Operation) => {
    const res = await http.send('GET', path, { token, op: op.key });
    return res.status === 200 ? res.body : undefined;
  };
  for (const op of ops.filter((o) => o.params.length === 0)) {
    const body = await get(`${op.template}?limit=200`, op);
    if (!body) continue;
    collect(body, result.ids);
    if (Array.isArray(body.items)) {
      const ids = new Set<string>();
      collect(
        body.items.map((i: Record<string, unknown>) => ({ id: i.id ?? i.key })),
        ids,
      );
      result.byCollection.set(op.template, [...ids]);
    }
  }
  // under the first few of each list: the record itself and its nested lists
  for (const op of ops.filter((o) => o.params.length === 1)) {
    for (const id of (result.byCollection.get(collectionOf(op.template)) ?? []).slice(0, 6)) {
      const body = await get(fillPath(op.template, { [op.params[0]!]: id }), op);
      if (body) collect(body, result.ids);
    }
  }
  for (const op of operationsOf(doc).filter((o) => o.params.length === 2)) {
    result.pairs.set(op.template, await pairsOf(http, doc, token, op, result));
  }
  return result;
}

/** [first, second] parameter pairs of a two-parameter route, read from its parent's answer. */
async function pairsOf(
  http: AttackClient,
  doc: OpenApiDoc,
  token: string,
  op: Operation,
  seen: Harvest,
): Promise<Array<[string, string]>> {
  const [first, second] = op.params as [string, string];
  // the longest GET route above the second parameter: …/{id}/handler-lists, or …/{id} itself
  let parent = op.template.slice(0, op.template.indexOf(`/{${second}}`));
  while (!doc.paths[parent]?.get && parent.includes(`{${first}}`))
    parent = parent.slice(0, parent.lastIndexOf('/'));
  if (!doc.paths[parent]?.get) return [];
  const pairs: Array<[string, string]> = [];
  for (const id of (seen.byCollection.get(collectionOf(op.template)) ?? []).slice(0, 6)) {
    const res = await http.send('GET', fillPath(parent, { [first]: id }), { token, op: `GET ${parent}` });
    if (res.status !== 200) continue;
    const values = new Set<string>();
    collect(res.body, values, second.endsWith('Id') ? ['id', second] : [second, 'key', 'itemKey']);
    values.delete(id);
    for (const v of values) if (!second.endsWith('Id') || UUID.test(v)) pairs.push([id, v]);
  }
  return pairs;
}
