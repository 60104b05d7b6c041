import { canonicalJson } from '../audit/audit-hash.js';
import type { Contract } from '../contracts/contract.repository.js';
import type { Tx } from '../shared/context.js';
import { sha256Hex } from '../shared/sha256.js';
import type { ErasureRecord } from './erasure.repository.js';
import type { ErasureScope } from './erasure-terms.js';

/** The JWS `typ` of a certificate: a signature of another kind (an access token) never passes. */
export const CERTIFICATE_TYP = 'erasure-certificate+jws';

/**
 * What a certificate (消去証明書) says, as signed: everything a reader needs to check it against the
 * paper, nothing looked up later. Names are copied in, so the certificate still reads the same if
 * an organisation is renamed.
 */
export interface CertificateContent {
  type: 'erasure-certificate';
  formatVersion: 1;
  certificateId: string;
  certificateNumber: string;
  issuedAt: string;
  ward: { id: string; name: string };
  contract: {
    id: string;
    title: string;
    contractNumber: string | null;
    periodFrom: string;
    periodTo: string;
  };
  /** For a sub-contract: the contract above it and its contractor (乙). */
  parentContract: { id: string; title: string; contractorName: string } | null;
  /**
   * 証明者: the organisation that erased, with its address (所在地) and representative (代表者) as
   * recorded when the certificate was issued (certificates issued before these were kept lack them).
   */
  certifiedBy: {
    organisationId: string;
    name: string;
    address?: string | null;
    representative?: string | null;
  };
  /** 提出先: the ward, and for a sub-contractor also the contractor (丙13: 甲及び乙). */
  recipients: Array<{ organisationId: string; name: string; role: 'ward' | 'contractor' }>;
  erasureRecordId: string;
  scope: ErasureScope;
  erasedAt: string;
  items: ErasureRecord['items'];
  packages: Array<{ id: string; title: string; ciphertextSha256: string }>;
  media: ErasureRecord['media'];
  devices: ErasureRecord['devices'];
  paper: ErasureRecord['paper'];
  methods: ErasureRecord['methods'];
  performedBy: { handlerId: string; name: string };
  witnesses: ErasureRecord['witnesses'];
  evidence: Array<{ attachmentId: string; filename: string; sha256: string }>;
  note: string | null;
}

async function orgName(tx: Tx, id: string): Promise<string> {
  return (await tx.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirstOrThrow())
    .name;
}

/** Gathers the certificate's content from the record and the names it refers to. */
export async function certificateContent(
  tx: Tx,
  record: ErasureRecord,
  contract: Contract,
  issued: { id: string; number: string; at: Date },
): Promise<CertificateContent> {
  const parent = contract.parentContractId
    ? await tx
        .selectFrom('contracts')
        .select(['id', 'title', 'contractor_org_id'])
        .where('ward_id', '=', contract.wardId)
        .where('id', '=', contract.parentContractId)
        .executeTakeFirstOrThrow()
    : null;
  const wardName = await orgName(tx, contract.wardId);
  const parentContractorName = parent ? await orgName(tx, parent.contractor_org_id) : null;
  const packages = record.packageIds.length
    ? await tx
        .selectFrom('handover_packages')
        .select(['id', 'title', 'ciphertext_sha256'])
        .where('ward_id', '=', record.wardId)
        .where('id', 'in', record.packageIds)
        .orderBy('prepared_at')
        .execute()
    : [];
  const evidence = record.evidenceAttachmentIds.length
    ? await tx
        .selectFrom('attachments')
        .select(['id', 'filename', 'sha256'])
        .where('id', 'in', record.evidenceAttachmentIds)
        .orderBy('uploaded_at')
        .execute()
    : [];
  const certifier = await tx
    .selectFrom('organisations')
    .select(['name', 'address', 'representative'])
    .where('id', '=', record.organisationId)
    .executeTakeFirstOrThrow();
  const performer = await tx
    .selectFrom('handlers')
    .select('full_name')
    .where('id', '=', record.performedByHandlerId)
    .executeTakeFirstOrThrow();
  return {
    type: 'erasure-certificate',
    formatVersion: 1,
    certificateId: issued.id,
    certificateNumber: issued.number,
    issuedAt: issued.at.toISOString(),
    ward: { id: contract.wardId, name: wardName },
    contract: {
      id: contract.id,
      title: contract.title,
      contractNumber: contract.contractNumber,
      periodFrom: contract.periodFrom,
      periodTo: contract.periodTo,
    },
    parentContract: parent
      ? { id: parent.id, title: parent.title, contractorName: parentContractorName! }
      : null,
    certifiedBy: {
      organisationId: record.organisationId,
      name: certifier.name,
      address: certifier.address,
      representative: certifier.representative,
    },
    recipients: [
      { organisationId: contract.wardId, name: wardName, role: 'ward' },
      ...(parent
        ? [
            {
              organisationId: parent.contractor_org_id,
              name: parentContractorName!,
              role: 'contractor' as const,
            },
          ]
        : []),
    ],
    erasureRecordId: record.id,
    scope: record.scope,
    erasedAt: record.erasedAt.toISOString(),
    items: record.items,
    packages: packages.map((p) => ({ id: p.id, title: p.title, ciphertextSha256: p.ciphertext_sha256 })),
    media: record.media,
    devices: record.devices,
    paper: record.paper,
    methods: record.methods,
    performedBy: { handlerId: record.performedByHandlerId, name: performer.full_name },
    witnesses: record.witnesses,
    evidence: evidence.map((e) => ({ attachmentId: e.id, filename: e.filename, sha256: e.sha256 })),
    note: record.note,
  };
}

/** The bytes that are signed and hashed: canonical JSON (keys sorted at every depth). */
export function canonicalBytes(content: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(content));
}

export function contentSha256(content: unknown): Promise<string> {
  return sha256Hex(canonicalBytes(content));
}
