import type { AttackClient } from './attack-client.js';
import { collectionOf, type Harvest } from './harvest.js';
import { fillPath, type OpenApiDoc, operationsOf, type Random } from './openapi.js';

// Hostile query strings on every GET: cursors that were never issued, limits out of range,
// impossible dates and years, injection strings where a filter is expected.

const NAMES = [
  'limit',
  'cursor',
  'status',
  'asOf',
  'fiscalYear',
  'period',
  'kind',
  'format',
  'overdue',
  'contractId',
  'organisationId',
  'wardId',
  'departmentId',
  'view',
  'q',
];
const VALUES = [
  '-1',
  '0',
  '201',
  '1e309',
  'NaN',
  '2026-02-30',
  '9999-99-99',
  "' OR 1=1 --",
  '<script>',
  '%00',
  'eyJub3QiOiJhIGN1cnNvciJ9',
  'x'.repeat(3000),
  '00000000-0000-0000-0000-000000000000',
  'true',
  '[]',
];

export async function queryAttacks(
  http: AttackClient,
  doc: OpenApiDoc,
  caller: { token: string; sees: Harvest },
  r: Random,
): Promise<void> {
  for (const op of operationsOf(doc).filter((o) => o.method === 'GET')) {
    const values = Object.fromEntries(
      op.params.map((p) => [
        p,
        caller.sees.byCollection.get(collectionOf(op.template))?.[0] ?? crypto.randomUUID(),
      ]),
    );
    for (let i = 0; i < 3; i++) {
      const query = new URLSearchParams(
        Array.from({ length: r.int(1, 3) }, () => [r.pick(NAMES), r.pick(VALUES)] as [string, string]),
      );
      await http.send('GET', `${fillPath(op.template, values)}?${query}`, {
        token: caller.token,
        op: op.key,
      });
    }
  }
}
