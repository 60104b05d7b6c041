import { type Kysely, type Selectable, sql } from 'kysely';
import { type FieldMap, membership } from '../../../policies/rules-to-sql.js';
import type { PackageState } from '../../../workflows/custody/custody.machine.js';
import type { Database } from '../../db/database.js';
import type { HandoverPackagesTable } from '../../db/tables/handover.js';
import type { Direction } from '../registers/register-document.js';

/** A data item of the contract's register that a package contains (情報項目). */
export interface PackageItem {
  subjectGroup: string;
  name: string;
  direction: Direction;
}

/** 受渡データ: metadata only; the password, plaintext and ciphertext are never kept. */
export interface HandoverPackage {
  id: string;
  /** 整理番号 R8-受渡-0012: per ward per fiscal year (Japan time), shown instead of the id. */
  number: string;
  wardId: string;
  contractId: string;
  recipientOrgId: string;
  /** For the policies: the organisations above the recipient in the chain. */
  chainOrgIds: string[];
  title: string;
  items: PackageItem[];
  files: Array<{ name: string; sizeBytes: number; contentType: string }>;
  ciphertextSha256: string;
  ciphertextBytes: number;
  jweAlg: string;
  jweEnc: string;
  pbes2Count: number;
  status: PackageState;
  storagePlace: string | null;
  keyHolderHandlerId: string | null;
  storedAt: Date | null;
  preparedBy: string;
  preparedAt: Date;
  updatedAt: Date;
  version: number;
  machine: { id: string; version: number };
}

export const packageFields: FieldMap = {
  wardId: 'handover_packages.ward_id',
  recipientOrgId: 'handover_packages.recipient_org_id',
  chainOrgIds: membership((eb, orgId) =>
    eb.exists(
      eb
        .selectFrom('contracts as c')
        .select(sql`1`.as('one'))
        .whereRef('c.ward_id', '=', 'handover_packages.ward_id')
        .whereRef('c.id', '=', 'handover_packages.contract_id')
        .where(sql<boolean>`${orgId}::uuid = any(c.chain_org_ids)`),
    ),
  ),
};

type Row = Selectable<HandoverPackagesTable> & { chain_org_ids: string[] };

export function toPackage(row: Row): HandoverPackage {
  return {
    id: row.id,
    number: row.number,
    wardId: row.ward_id,
    contractId: row.contract_id,
    recipientOrgId: row.recipient_org_id,
    chainOrgIds: row.chain_org_ids,
    title: row.title,
    items: row.items as PackageItem[],
    files: row.files as HandoverPackage['files'],
    ciphertextSha256: row.ciphertext_sha256,
    ciphertextBytes: Number(row.ciphertext_bytes),
    jweAlg: row.jwe_alg,
    jweEnc: row.jwe_enc,
    pbes2Count: row.pbes2_count,
    status: row.status,
    storagePlace: row.storage_place,
    keyHolderHandlerId: row.key_holder_handler_id,
    storedAt: row.stored_at,
    preparedBy: row.prepared_by,
    preparedAt: row.prepared_at,
    updatedAt: row.updated_at,
    version: row.version,
    machine: { id: row.machine_id, version: row.machine_version },
  };
}

export function packageQuery(db: Kysely<Database>) {
  return db
    .selectFrom('handover_packages')
    .innerJoin('contracts', (j) =>
      j
        .onRef('contracts.ward_id', '=', 'handover_packages.ward_id')
        .onRef('contracts.id', '=', 'handover_packages.contract_id'),
    )
    .selectAll('handover_packages')
    .select('contracts.chain_org_ids');
}

/** One package by id, optionally locked (the package row only) for the rest of the transaction. */
export async function findPackage(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<HandoverPackage | undefined> {
  let q = packageQuery(db).where('handover_packages.id', '=', id);
  if (lock) q = q.forUpdate('handover_packages');
  const row = await q.executeTakeFirst();
  return row && toPackage(row);
}

/** The package's chain of custody: handovers, take-outs and hash checks, oldest first. */
export async function loadCustody(db: Kysely<Database>, pkg: Pick<HandoverPackage, 'wardId' | 'id'>) {
  return (await loadCustodies(db, [pkg])).get(pkg.id)!;
}

/**
 * The chains of custody of several packages (a list page's), in three statements whatever their
 * number: each package's handovers, take-outs and hash checks, oldest first, by package id.
 */
export async function loadCustodies(
  db: Kysely<Database>,
  pkgs: ReadonlyArray<Pick<HandoverPackage, 'wardId' | 'id'>>,
) {
  const custody = new Map(
    pkgs.map((p) => [
      p.id,
      {
        handovers: [] as Array<ReturnType<typeof toHandover>>,
        takeOuts: [] as Array<ReturnType<typeof toTakeOut>>,
        hashChecks: [] as Array<ReturnType<typeof toHashCheck>>,
      },
    ]),
  );
  if (!pkgs.length) return custody;
  // every package of a page is in a ward; the key (ward_id, package_id) keeps each read on its index
  const keys = sql.join(pkgs.map((p) => sql`(${p.wardId}::uuid, ${p.id}::uuid)`));
  const ofPackages = sql<boolean>`(ward_id, package_id) in (${keys})`;
  // ties (the same minute typed twice, a test's fixed clock) in the order the rows were last written
  const written = sql`ctid`;
  const [handovers, takeOuts, hashChecks] = await Promise.all([
    db
      .selectFrom('package_handovers')
      .selectAll()
      .where(ofPackages)
      .orderBy('handed_at')
      .orderBy(written)
      .execute(),
    db
      .selectFrom('package_take_outs')
      .selectAll()
      .where(ofPackages)
      .orderBy('requested_at')
      .orderBy(written)
      .execute(),
    db
      .selectFrom('package_hash_checks')
      .selectAll()
      .where(ofPackages)
      .orderBy('checked_at')
      .orderBy(written)
      .execute(),
  ]);
  for (const h of handovers) custody.get(h.package_id)?.handovers.push(toHandover(h));
  for (const t of takeOuts) custody.get(t.package_id)?.takeOuts.push(toTakeOut(t));
  for (const c of hashChecks) custody.get(c.package_id)?.hashChecks.push(toHashCheck(c));
  return custody;
}

function toHandover(h: Selectable<Database['package_handovers']>) {
  return {
    id: h.id,
    kind: h.kind,
    handedAt: h.handed_at,
    method: h.method,
    giver: {
      organisationId: h.giver_org_id,
      userId: h.giver_user_id,
      handlerId: h.giver_handler_id,
      name: h.giver_name,
    },
    receiver: {
      organisationId: h.receiver_org_id,
      userId: h.receiver_user_id,
      handlerId: h.receiver_handler_id,
      name: h.receiver_name,
    },
    identityCheck: { method: h.identity_check, note: h.identity_note },
    contents: h.contents,
    recordedBy: h.recorded_by,
    recordedAt: h.recorded_at,
  };
}

function toHashCheck(c: Selectable<Database['package_hash_checks']>) {
  return {
    id: c.id,
    sha256: c.sha256,
    sizeBytes: Number(c.size_bytes),
    matches: c.matches,
    checkedBy: c.checked_by,
    checkedAt: c.checked_at,
  };
}

export type Custody = Awaited<ReturnType<typeof loadCustody>>;

export function toTakeOut(t: Selectable<Database['package_take_outs']>) {
  return {
    id: t.id,
    purpose: t.purpose,
    purposeDetail: t.purpose_detail,
    contents: t.contents,
    handlerId: t.handler_id,
    status: t.status,
    requestedBy: t.requested_by,
    requestedAt: t.requested_at,
    decidedBy: t.decided_by,
    decidedAt: t.decided_at,
    decisionComment: t.decision_comment,
    outAt: t.out_at,
    backAt: t.back_at,
    backCheck: t.back_check,
  };
}

/** The time of the package's latest custody event: a new one may not be dated before it. */
export function latestEventAt(pkg: HandoverPackage, custody: Custody): Date {
  const times = [
    pkg.preparedAt,
    pkg.storedAt,
    ...custody.handovers.map((h) => h.handedAt),
    ...custody.takeOuts.flatMap((t) => [t.outAt, t.backAt]),
  ].filter((d): d is Date => d !== null);
  return new Date(Math.max(...times.map((d) => d.getTime())));
}
