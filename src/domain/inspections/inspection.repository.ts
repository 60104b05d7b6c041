import type { Kysely, Selectable } from 'kysely';
import type { ChecklistTemplate, ItemResult } from '../../../forms/checklist/checklist.js';
import { arrayColumn, type FieldMap } from '../../../policies/rules-to-sql.js';
import type { SignOffRole } from '../../../workflows/shared/sign-off.js';
import type { Database } from '../../db/database.js';
import type {
  InspectionItemsTable,
  InspectionStatus,
  InspectionsTable,
} from '../../db/tables/inspections.js';
import { chainMembership } from '../shared/chain-membership.js';

/** 実地検査: one organisation in a contract's chain, inspected with one checklist template. */
export interface Inspection {
  id: string;
  wardId: string;
  /** The contract whose contractor is inspected (a sub-contract for a sub-contractor). */
  contractId: string;
  organisationId: string;
  templateKey: string;
  templateVersion: number;
  purpose: ChecklistTemplate['purpose'];
  /** The template as it applied: only the sections that apply to this organisation. */
  template: ChecklistTemplate;
  applicability: InspectionApplicability;
  fiscalYear: number;
  plannedOn: string;
  place: string | null;
  /** 監督員 (of a company's inspection: the contractor's user who planned it) */
  inspectorId: string;
  /** The company inspecting its sub-contractor (001 別紙7 第7条5); null: the ward's own inspection. */
  inspectingOrgId: string | null;
  /** 補助者 */
  assistantIds: string[];
  status: InspectionStatus;
  chain: SignOffRole[];
  step: number;
  startedAt: Date | null;
  submittedAt: Date | null;
  signedOffAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  machine: { id: string; version: number };
}

export interface InspectionApplicability {
  processingModes: string[];
  subcontracting: boolean;
  appliedSections: string[];
  skippedSections: string[];
}

/** One answered (or not yet answered) checklist item. */
export interface InspectionItem {
  itemKey: string;
  position: number;
  result: ItemResult | null;
  checkedOn: string | null;
  observation: string | null;
  photoIds: string[];
  remoteMethod: 'video' | 'photos' | null;
  recheckOn: string | null;
  recheckResult: 'ok' | 'ng' | null;
  recheckNote: string | null;
  recordedBy: string | null;
  recordedAt: Date | null;
  version: number;
}

export const inspectionFields: FieldMap = {
  id: 'inspections.id',
  wardId: 'inspections.ward_id',
  organisationId: 'inspections.organisation_id',
  inspectorId: 'inspections.inspector_id',
  inspectingOrgId: 'inspections.inspecting_org_id',
  status: 'inspections.status',
  assistantIds: arrayColumn('inspections.assistant_ids', 'uuid'),
  chainOrgIds: chainMembership('inspections.ward_id', 'inspections.contract_id'),
};

export function toInspection(row: Selectable<InspectionsTable>): Inspection {
  return {
    id: row.id,
    wardId: row.ward_id,
    contractId: row.contract_id,
    organisationId: row.organisation_id,
    templateKey: row.template_key,
    templateVersion: row.template_version,
    purpose: row.purpose,
    template: row.template as ChecklistTemplate,
    applicability: row.applicability as InspectionApplicability,
    fiscalYear: row.fiscal_year,
    plannedOn: row.planned_on,
    place: row.place,
    inspectorId: row.inspector_id,
    inspectingOrgId: row.inspecting_org_id,
    assistantIds: row.assistant_ids,
    status: row.status,
    chain: row.chain as SignOffRole[],
    step: row.step,
    startedAt: row.started_at,
    submittedAt: row.submitted_at,
    signedOffAt: row.signed_off_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    machine: { id: row.machine_id, version: row.machine_version },
  };
}

export function toItem(row: Selectable<InspectionItemsTable>): InspectionItem {
  return {
    itemKey: row.item_key,
    position: row.position,
    result: row.result,
    checkedOn: row.checked_on,
    observation: row.observation,
    photoIds: row.photo_ids,
    remoteMethod: row.remote_method,
    recheckOn: row.recheck_on,
    recheckResult: row.recheck_result,
    recheckNote: row.recheck_note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    version: row.version,
  };
}

export async function findInspection(db: Kysely<Database>, id: string, lock = false) {
  let q = db.selectFrom('inspections').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toInspection(row);
}

export async function findItems(db: Kysely<Database>, wardId: string, inspectionId: string) {
  const rows = await db
    .selectFrom('inspection_items')
    .selectAll()
    .where('ward_id', '=', wardId)
    .where('inspection_id', '=', inspectionId)
    .orderBy('position')
    .execute();
  return rows.map(toItem);
}

export async function findItem(
  db: Kysely<Database>,
  wardId: string,
  inspectionId: string,
  itemKey: string,
  lock = false,
) {
  let q = db
    .selectFrom('inspection_items')
    .selectAll()
    .where('ward_id', '=', wardId)
    .where('inspection_id', '=', inspectionId)
    .where('item_key', '=', itemKey);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toItem(row);
}
