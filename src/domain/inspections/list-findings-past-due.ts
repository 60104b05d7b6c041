import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';

export interface FindingPastDue {
  wardId: string;
  findingId: string;
  inspectionId: string;
  contractId: string;
  organisationId: string;
  itemKey: string;
  dueOn: string;
  inspectorId: string;
}

/**
 * Findings still waiting for the contractor's improvement report after their agreed deadline
 * (改善期限), for reminders: one SQL query over the due_on column, oldest deadline first. A finding
 * whose report came in is the inspector's to re-check and is not listed.
 */
export async function listFindingsPastDue(
  db: Kysely<Database>,
  { wardId, today }: { wardId?: string; today: string },
): Promise<FindingPastDue[]> {
  let q = db
    .selectFrom('inspection_findings as f')
    .innerJoin('inspections as i', (j) =>
      j.onRef('i.ward_id', '=', 'f.ward_id').onRef('i.id', '=', 'f.inspection_id'),
    )
    .select([
      'f.ward_id',
      'f.id',
      'f.inspection_id',
      'i.contract_id',
      'f.organisation_id',
      'f.item_key',
      'f.due_on',
      'i.inspector_id',
    ])
    .where('f.status', '=', 'open')
    .where('f.due_on', '<', today)
    .where('i.status', '=', 'in_progress');
  if (wardId) q = q.where('f.ward_id', '=', wardId);
  const rows = await q.orderBy('f.due_on').orderBy('f.id').execute();
  return rows.map((r) => ({
    wardId: r.ward_id,
    findingId: r.id,
    inspectionId: r.inspection_id,
    contractId: r.contract_id,
    organisationId: r.organisation_id,
    itemKey: r.item_key,
    dueOn: r.due_on,
    inspectorId: r.inspector_id,
  }));
}
