import { type Kysely, type Selectable, sql } from 'kysely';
import { type FieldMap, membership } from '../../../policies/rules-to-sql.js';
import type { Database } from '../../db/database.js';
import type { DeviceDeclarationStatus, DeviceDeclarationsTable } from '../../db/tables/devices.js';

/** A device declared for the designated place (情報機器等の持込み, seed 004 5(3)). */
export interface DeviceDeclaration {
  id: string;
  wardId: string;
  contractId: string;
  organisationId: string;
  status: DeviceDeclarationStatus;
  /** 業務責任者 who brings it, as named on the roster. */
  declarant: { handlerId: string; fullName: string };
  /** 機器名 */
  deviceName: string;
  /** 仕様 */
  specification: string;
  /** 用途 */
  purpose: string;
  /** 保管場所 and 使用場所, agreed with the municipality (5(3)②). */
  storagePlace: string;
  usePlace: string;
  /** The first day it is to be brought in: the permission comes before it. */
  bringFrom: string;
  /** 市のネットワークへの接続は行わない (5(3)①): always true, acknowledged by the declarant. */
  noNetworkAcknowledged: boolean;
  declaredAt: Date;
  decidedAt: Date | null;
  decisionComment: string | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  version: number;
  machine: { id: string; version: number };
  /** The companies above the declaring company in the contract's chain. */
  chainOrgIds: string[];
}

export const deviceFields: FieldMap = {
  wardId: 'device_declarations.ward_id',
  organisationId: 'device_declarations.organisation_id',
  chainOrgIds: membership((eb, orgId) =>
    eb.exists(
      eb
        .selectFrom('contracts as c')
        .select(sql`1`.as('one'))
        .whereRef('c.ward_id', '=', 'device_declarations.ward_id')
        .whereRef('c.id', '=', 'device_declarations.contract_id')
        .where(sql<boolean>`${orgId}::uuid = any(c.chain_org_ids)`),
    ),
  ),
};

type Row = Selectable<DeviceDeclarationsTable> & { chain_org_ids: string[]; declarant_name: string };

export function toDeviceDeclaration(r: Row): DeviceDeclaration {
  return {
    id: r.id,
    wardId: r.ward_id,
    contractId: r.contract_id,
    organisationId: r.organisation_id,
    status: r.status,
    declarant: { handlerId: r.declarant_handler_id, fullName: r.declarant_name },
    deviceName: r.device_name,
    specification: r.specification,
    purpose: r.purpose,
    storagePlace: r.storage_place,
    usePlace: r.use_place,
    bringFrom: r.bring_from,
    noNetworkAcknowledged: r.no_network_acknowledged,
    declaredAt: r.declared_at,
    decidedAt: r.decided_at,
    decisionComment: r.decision_comment,
    withdrawnAt: r.withdrawn_at,
    withdrawalReason: r.withdrawal_reason,
    version: r.version,
    machine: { id: r.machine_id, version: r.machine_version },
    chainOrgIds: r.chain_org_ids,
  };
}

export function deviceQuery(db: Kysely<Database>) {
  return db
    .selectFrom('device_declarations')
    .innerJoin('contracts', (j) =>
      j
        .onRef('contracts.ward_id', '=', 'device_declarations.ward_id')
        .onRef('contracts.id', '=', 'device_declarations.contract_id'),
    )
    .innerJoin('handlers', 'handlers.id', 'device_declarations.declarant_handler_id')
    .selectAll('device_declarations')
    .select(['contracts.chain_org_ids', 'handlers.full_name as declarant_name']);
}

export async function findDeviceDeclaration(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<DeviceDeclaration | undefined> {
  let q = deviceQuery(db).where('device_declarations.id', '=', id);
  if (lock) q = q.forUpdate('device_declarations');
  const row = await q.executeTakeFirst();
  return row && toDeviceDeclaration(row);
}
