import { type Kysely, type Selectable, sql } from 'kysely';
import { type FieldMap, membership } from '../../../policies/rules-to-sql.js';
import type { Database } from '../../db/database.js';
import type { FindingStatus, InspectionFindingsTable } from '../../db/tables/inspections.js';

/** 指摘事項: an item answered ×, followed up to its improvement. */
export interface Finding {
  id: string;
  wardId: string;
  inspectionId: string;
  itemKey: string;
  organisationId: string;
  status: FindingStatus;
  observation: string;
  dueOn: string;
  improvementReport: string | null;
  improvementAttachmentIds: string[];
  reportedBy: string | null;
  reportedAt: Date | null;
  carriedReason: string | null;
  carriedBy: string | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  machine: { id: string; version: number };
}

export const findingFields: FieldMap = {
  id: 'inspection_findings.id',
  wardId: 'inspection_findings.ward_id',
  organisationId: 'inspection_findings.organisation_id',
  inspectionId: 'inspection_findings.inspection_id',
  // the organisations above the inspected contract in its chain (its contractor supervises it)
  chainOrgIds: membership((eb, orgId) =>
    eb.exists(
      eb
        .selectFrom('inspections as chain_i')
        .innerJoin('contracts as chain_c', (j) =>
          j.onRef('chain_c.ward_id', '=', 'chain_i.ward_id').onRef('chain_c.id', '=', 'chain_i.contract_id'),
        )
        .select(sql`1`.as('one'))
        .whereRef('chain_i.ward_id', '=', 'inspection_findings.ward_id')
        .whereRef('chain_i.id', '=', 'inspection_findings.inspection_id')
        .where(sql<boolean>`${orgId}::uuid = any(chain_c.chain_org_ids)`),
    ),
  ),
};

export function toFinding(row: Selectable<InspectionFindingsTable>): Finding {
  return {
    id: row.id,
    wardId: row.ward_id,
    inspectionId: row.inspection_id,
    itemKey: row.item_key,
    organisationId: row.organisation_id,
    status: row.status,
    observation: row.observation,
    dueOn: row.due_on,
    improvementReport: row.improvement_report,
    improvementAttachmentIds: row.improvement_attachment_ids,
    reportedBy: row.reported_by,
    reportedAt: row.reported_at,
    carriedReason: row.carried_reason,
    carriedBy: row.carried_by,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    machine: { id: row.machine_id, version: row.machine_version },
  };
}

/** Findings of an inspection, oldest first; withdrawn ones only when asked for. */
export async function findFindings(
  db: Kysely<Database>,
  wardId: string,
  inspectionId: string,
  withWithdrawn = false,
) {
  let q = db
    .selectFrom('inspection_findings')
    .selectAll()
    .where('ward_id', '=', wardId)
    .where('inspection_id', '=', inspectionId);
  if (!withWithdrawn) q = q.where('status', '<>', 'withdrawn');
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map(toFinding);
}

/** The live (not withdrawn) finding of an item, if any. */
export async function findLiveFinding(
  db: Kysely<Database>,
  wardId: string,
  inspectionId: string,
  itemKey: string,
  lock = false,
) {
  let q = db
    .selectFrom('inspection_findings')
    .selectAll()
    .where('ward_id', '=', wardId)
    .where('inspection_id', '=', inspectionId)
    .where('item_key', '=', itemKey)
    .where('status', '<>', 'withdrawn');
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toFinding(row);
}

export async function findFinding(db: Kysely<Database>, id: string, lock = false) {
  let q = db.selectFrom('inspection_findings').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toFinding(row);
}
