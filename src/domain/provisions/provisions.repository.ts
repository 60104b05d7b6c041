import type { Kysely } from 'kysely';
import { findProvisionTemplate } from '../../../forms/special-provisions/catalogue.js';
import type { ProvisionTemplate } from '../../../forms/special-provisions/special-provisions.js';
import type { Database } from '../../db/database.js';

/** 特記事項 of one contract: the template version it was made under and its acceptance. */
export interface ContractProvisions {
  wardId: string;
  contractId: string;
  templateId: string;
  templateVersion: number;
  template: ProvisionTemplate;
  assignedAt: Date;
  acceptedAt: Date | null;
  acceptedBy: string | null;
  acceptedName: string | null;
  version: number;
}

export async function findContractProvisions(
  db: Kysely<Database>,
  wardId: string,
  contractId: string,
  lock = false,
): Promise<ContractProvisions | undefined> {
  let query = db
    .selectFrom('contract_provisions')
    .selectAll()
    .where('ward_id', '=', wardId)
    .where('contract_id', '=', contractId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const template = findProvisionTemplate(row.template_id, row.template_version);
  // A template version is never removed from forms/ while a contract names it.
  if (!template)
    throw new Error(`special provisions ${row.template_id} v${row.template_version} are missing`);
  return {
    wardId: row.ward_id,
    contractId: row.contract_id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    template,
    assignedAt: row.assigned_at,
    acceptedAt: row.accepted_at,
    acceptedBy: row.accepted_by,
    acceptedName: row.accepted_name,
    version: row.version,
  };
}
