import type { AttackClient } from './attack-client.js';
import { collectionOf, type Harvest } from './harvest.js';
import { fillPath, generate, type OpenApiDoc, operationsOf, type Random } from './openapi.js';

// Bodies generated from each operation's schema: valid shapes carrying hostile values (injection
// strings, bidi controls, astral characters, values at their length limits, impossible dates,
// boundary numbers), sent to records the caller may see so that they reach the use cases.

/** Operations that would take the caller's own session or account away mid-run. */
const SKIP = new Set([
  'POST /api/v1/auth/sign-out',
  'PATCH /api/v1/users/{id}',
  'POST /api/v1/auth/second-factor/disable',
]);

export async function bodyAttacks(
  http: AttackClient,
  doc: OpenApiDoc,
  callers: Array<{ token: string; sees: Harvest }>,
  r: Random,
  perOperation = 3,
): Promise<void> {
  const ops = operationsOf(doc).filter((o) => o.bodySchema && !SKIP.has(o.key));
  // commands that take no body (starting an enrolment, …) are called as they are
  const bare = operationsOf(doc).filter(
    (o) => o.method === 'POST' && !o.bodySchema && o.params.length === 0 && !o.public && !SKIP.has(o.key),
  );
  for (const caller of callers) {
    for (const op of bare) await http.send('POST', op.template, { token: caller.token, op: op.key });
    const ids = [...caller.sees.ids];
    for (const op of ops) {
      const pairs = op.params.length === 2 ? (caller.sees.pairs.get(op.template) ?? []) : [];
      for (let i = 0; i < perOperation; i++) {
        const first = caller.sees.byCollection.get(collectionOf(op.template)) ?? [];
        const pair = pairs.length ? r.pick(pairs) : undefined;
        const values: Record<string, string> = {};
        op.params.forEach((p, n) => {
          values[p] = pair?.[n] ?? (n === 0 && first.length ? r.pick(first) : crypto.randomUUID());
        });
        await http.send(op.method, fillPath(op.template, values), {
          token: caller.token,
          json: generate(doc, op.bodySchema!, r, { mode: 'hostile', ids }),
          op: op.key,
        });
      }
    }
  }
}
