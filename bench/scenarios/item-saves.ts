import type pg from 'pg';
import { toJapanDate } from '../../src/domain/shared/japan-date.js';
import { BASELINE_REQUEST_ID, type TransitionResult } from '../baseline/pg-audit.js';
import { type OpenItem, runPgItemSaves } from '../baseline/pg-item-save.js';
import { type LoadResult, runLoad } from '../lib/load.js';
import { type Session, signIn } from '../lib/server.js';

// Writes: checklist items (確認項目) of this year's inspections saved one by one as ○ by the ward's
// inspector, many items of many inspections at once (items of one inspection are saved side by
// side: the inspection is only share-locked). Baseline: the same statements through raw pg on other
// items. Afterwards: every item saved through the API has version 2 and one audit entry, and the
// count matches the 200s.

export interface ItemSaveSettings {
  baselineCount: number;
  httpCount: number;
  connections: number;
  maxWards: number;
  password: string;
}

export interface ItemSaveResult {
  wards: number;
  baseline: TransitionResult;
  http: LoadResult;
  check: { acknowledged: number; applied: number; auditEntries: number; lostUpdates: number };
}

async function openItems(pool: pg.Pool, count: number, maxWards: number): Promise<OpenItem[]> {
  const rows = await pool.query(
    `with wards as (
       select ward_id from inspections where status = 'in_progress' group by ward_id order by count(*) desc, ward_id limit $2
     )
     select inspection_id, ward_id, item_key, version from (
       select t.inspection_id, t.ward_id, t.item_key, t.version,
         row_number() over (partition by t.ward_id order by t.position, t.inspection_id) as rn
       from inspection_items t join inspections i on i.ward_id = t.ward_id and i.id = t.inspection_id
       join wards w on w.ward_id = t.ward_id
       where i.status = 'in_progress' and t.result is null
     ) x order by rn, ward_id limit $1`,
    [count, maxWards],
  );
  if (rows.rows.length < count)
    throw new Error(`only ${rows.rows.length} open checklist items, ${count} needed`);
  return rows.rows.map((r) => ({
    inspectionId: r.inspection_id,
    wardId: r.ward_id,
    itemKey: r.item_key,
    version: r.version,
  }));
}

export async function measureItemSaves(
  base: string,
  databaseUrl: string,
  pool: pg.Pool,
  inspectorEmailOf: (wardId: string) => Promise<string>,
  settings: ItemSaveSettings,
): Promise<ItemSaveResult> {
  const all = await openItems(pool, settings.baselineCount + settings.httpCount, settings.maxWards);
  const baselineSet = all.slice(0, settings.baselineCount);
  const httpSet = all.slice(settings.baselineCount);
  const today = toJapanDate(new Date());
  const baseline = await runPgItemSaves(databaseUrl, baselineSet, settings.connections, today);

  const tokens = new Map<string, Session>();
  for (const wardId of new Set(httpSet.map((i) => i.wardId)))
    tokens.set(wardId, await signIn(base, await inspectorEmailOf(wardId), settings.password));
  const started = new Date();
  const http = await runLoad({
    label: 'checklist item saves',
    base,
    connections: settings.connections,
    amount: httpSet.length,
    requests: httpSet.map((i) => ({
      method: 'PUT',
      path: `/api/v1/inspections/${i.inspectionId}/items/${i.itemKey}`,
      headers: {
        authorization: `Bearer ${tokens.get(i.wardId)!.accessToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ result: 'ok', checkedOn: today, version: i.version }),
    })),
  });

  const stored = await pool.query(
    `select count(*) filter (where t.version = x.version + 1)::int as applied
     from unnest($1::uuid[], $2::text[], $3::int[]) as x(inspection_id, item_key, version)
     join inspection_items t on t.inspection_id = x.inspection_id and t.item_key = x.item_key`,
    [httpSet.map((i) => i.inspectionId), httpSet.map((i) => i.itemKey), httpSet.map((i) => i.version)],
  );
  const audits = await pool.query(
    `select count(*)::int as n from audit_entries where action = 'inspection.item' and subject_id = any($1)
     and request_id is distinct from $2 and at >= $3`,
    [[...new Set(httpSet.map((i) => i.inspectionId))], BASELINE_REQUEST_ID, started],
  );
  const acknowledged = http.status['200'] ?? 0;
  const applied = stored.rows[0].applied as number;
  return {
    wards: tokens.size,
    baseline,
    http,
    check: {
      acknowledged,
      applied,
      auditEntries: audits.rows[0].n,
      lostUpdates: Math.max(0, acknowledged - applied),
    },
  };
}
