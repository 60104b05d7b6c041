import { type Kysely, type Selectable, sql } from 'kysely';
import { type FieldMap, membership } from '../../../policies/rules-to-sql.js';
import type { ErasureState } from '../../../workflows/custody/erasure.machine.js';
import type { Database } from '../../db/database.js';
import type { ErasureRecordsTable } from '../../db/tables/handover.js';
import type {
  ErasedDevice,
  ErasedItem,
  ErasedMedium,
  ErasedPaper,
  ErasureScope,
  MethodUsed,
  Witness,
} from './erasure-terms.js';

/** 消去の記録: what, how, when, by whom, witnessed by whom, with evidence. */
export interface ErasureRecord {
  id: string;
  wardId: string;
  contractId: string;
  /** The organisation that erased and certifies: the contract's (or sub-contract's) contractor. */
  organisationId: string;
  /** For the policies: the organisations above it in the chain (乙 reads 丙's certificate). */
  chainOrgIds: string[];
  scope: ErasureScope;
  status: ErasureState;
  items: ErasedItem[];
  packageIds: string[];
  media: ErasedMedium[];
  devices: ErasedDevice[];
  paper: ErasedPaper[];
  methods: MethodUsed[];
  erasedAt: Date;
  performedByHandlerId: string;
  witnesses: Witness[];
  evidenceAttachmentIds: string[];
  note: string | null;
  recordedBy: string;
  recordedAt: Date;
  updatedAt: Date;
  version: number;
  machine: { id: string; version: number };
}

export const erasureFields: FieldMap = {
  wardId: 'erasure_records.ward_id',
  organisationId: 'erasure_records.organisation_id',
  chainOrgIds: membership((eb, orgId) =>
    eb.exists(
      eb
        .selectFrom('contracts as c')
        .select(sql`1`.as('one'))
        .whereRef('c.ward_id', '=', 'erasure_records.ward_id')
        .whereRef('c.id', '=', 'erasure_records.contract_id')
        .where(sql<boolean>`${orgId}::uuid = any(c.chain_org_ids)`),
    ),
  ),
};

type Row = Selectable<ErasureRecordsTable> & { chain_org_ids: string[] };

export function toErasure(row: Row): ErasureRecord {
  return {
    id: row.id,
    wardId: row.ward_id,
    contractId: row.contract_id,
    organisationId: row.organisation_id,
    chainOrgIds: row.chain_org_ids,
    scope: row.scope,
    status: row.status,
    items: row.items as ErasedItem[],
    packageIds: row.package_ids,
    media: row.media as ErasedMedium[],
    devices: row.devices as ErasedDevice[],
    paper: row.paper as ErasedPaper[],
    methods: row.methods as MethodUsed[],
    erasedAt: row.erased_at,
    performedByHandlerId: row.performed_by_handler_id,
    witnesses: row.witnesses as Witness[],
    evidenceAttachmentIds: row.evidence_attachment_ids,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    updatedAt: row.updated_at,
    version: row.version,
    machine: { id: row.machine_id, version: row.machine_version },
  };
}

export function erasureQuery(db: Kysely<Database>) {
  return db
    .selectFrom('erasure_records')
    .innerJoin('contracts', (j) =>
      j
        .onRef('contracts.ward_id', '=', 'erasure_records.ward_id')
        .onRef('contracts.id', '=', 'erasure_records.contract_id'),
    )
    .selectAll('erasure_records')
    .select('contracts.chain_org_ids');
}

export async function findErasure(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<ErasureRecord | undefined> {
  let q = erasureQuery(db).where('erasure_records.id', '=', id);
  if (lock) q = q.forUpdate('erasure_records');
  const row = await q.executeTakeFirst();
  return row && toErasure(row);
}

export interface ErasureCertificate {
  id: string;
  wardId: string;
  erasureRecordId: string;
  certificateNumber: string;
  recipientOrgIds: string[];
  payload: Record<string, unknown>;
  payloadSha256: string;
  jws: string;
  kid: string;
  issuedBy: string;
  issuedAt: Date;
}

export async function findCertificateOf(
  db: Kysely<Database>,
  wardId: string,
  erasureRecordId: string,
): Promise<ErasureCertificate | undefined> {
  const row = await db
    .selectFrom('erasure_certificates')
    .selectAll()
    .where('ward_id', '=', wardId)
    .where('erasure_record_id', '=', erasureRecordId)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      wardId: row.ward_id,
      erasureRecordId: row.erasure_record_id,
      certificateNumber: row.certificate_number,
      recipientOrgIds: row.recipient_org_ids,
      payload: row.payload as Record<string, unknown>,
      payloadSha256: row.payload_sha256,
      jws: row.jws,
      kid: row.kid,
      issuedBy: row.issued_by,
      issuedAt: row.issued_at,
    }
  );
}
