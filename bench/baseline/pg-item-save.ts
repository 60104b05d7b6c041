import pg from 'pg';
import { appendAuditRaw, runTransactions, type TransitionResult, usersByWard } from './pg-audit.js';

// Baseline for the checklist-save benchmark: the SQL statements of recordItem for an ○ on an open
// item, through raw pg: share-lock the inspection, lock the item and its live finding, update the
// item with its version, read it back, append the audit entry.

export interface OpenItem {
  inspectionId: string;
  wardId: string;
  itemKey: string;
  version: number;
}

async function saveItem(
  client: pg.PoolClient,
  item: OpenItem,
  userId: string,
  today: string,
): Promise<boolean> {
  const inspection = (
    await client.query('select * from inspections where id = $1 for share', [item.inspectionId])
  ).rows[0];
  if (inspection?.status !== 'in_progress') return false;
  const key = [item.wardId, item.inspectionId, item.itemKey];
  const before = (
    await client.query(
      'select * from inspection_items where ward_id = $1 and inspection_id = $2 and item_key = $3 for update',
      key,
    )
  ).rows[0];
  if (!before || before.version !== item.version) return false;
  await client.query(
    `select * from inspection_findings where ward_id = $1 and inspection_id = $2 and item_key = $3
     and status <> 'withdrawn' for update`,
    key,
  );
  const now = new Date();
  await client.query(
    `update inspection_items set result = 'ok', checked_on = $4, observation = null, photo_ids = '{}',
       remote_method = null, recorded_by = $5, recorded_at = $6, version = $7
     where ward_id = $1 and inspection_id = $2 and item_key = $3`,
    [...key, today, userId, now, before.version + 1],
  );
  const after = (
    await client.query(
      'select * from inspection_items where ward_id = $1 and inspection_id = $2 and item_key = $3',
      key,
    )
  ).rows[0];
  await appendAuditRaw(client, {
    wardId: item.wardId,
    actorUserId: userId,
    action: 'inspection.item',
    subjectType: 'Inspection',
    subjectId: item.inspectionId,
    before: {
      itemKey: item.itemKey,
      result: before.result,
      checkedOn: before.checked_on,
      version: before.version,
    },
    after: {
      itemKey: item.itemKey,
      result: after.result,
      checkedOn: today,
      observation: null,
      photoIds: [],
      remoteMethod: null,
      version: after.version,
      finding: null,
      withdrawnFinding: null,
    },
    at: now,
  });
  return true;
}

export async function runPgItemSaves(
  databaseUrl: string,
  items: OpenItem[],
  concurrency: number,
  today: string,
): Promise<TransitionResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency });
  try {
    const inspectors = await usersByWard(pool, 'inspector', [...new Set(items.map((i) => i.wardId))]);
    return await runTransactions(pool, items, concurrency, (client, item) =>
      saveItem(client, item, inspectors.get(item.wardId)!, today),
    );
  } finally {
    await pool.end();
  }
}
