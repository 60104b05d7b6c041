import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

const WARD_STAFF = ['ward_officer', 'ward_chief', 'ward_manager', 'inspector'];

/**
 * The steps of a package's custody, as CASL fields of `update` on HandoverPackage: who records a
 * step depends on which side of the handover it is on.
 * - the ward (個人情報保護担当): hands media and password notice over, receives them back, checks
 *   the hash, approves take-outs for other purposes, withdraws a package that never left;
 * - the receiving organisation: stores the media (取扱責任者) and logs take-outs (取扱者 too).
 */
export const WARD_STEPS = ['handover', 'return', 'verify', 'approveTakeOut', 'withdraw'] as const;
export const CUSTODY_STEPS = ['store', 'takeOut'] as const;
export type PackageStep = (typeof WARD_STEPS)[number] | (typeof CUSTODY_STEPS)[number];

/**
 * 受渡データ (HandoverPackage), 消去の記録 (ErasureRecord) and 消去証明書 (ErasureCertificate).
 *
 * Packages: ward staff read their ward's; the receiving organisation reads its own and the
 * organisations above it in the chain (chainOrgIds) read those of the sub-contracts they supervise.
 *
 * Erasure: keyed by the organisation that erased (organisationId), not by its access to the
 * contract, so that a sub-contractor whose sub-delegation was revoked (contractor_access = false)
 * still records its erasure and receives its certificate. A sub-contractor's certificate goes to
 * the ward and to the contractor above it (丙13: 甲及び乙に対して…証明書を提出): both read it.
 * Council reviewers see none of this: the records name residents' data and handlers.
 */
export function defineHandoverRules({ can }: Builder, actor: Actor): void {
  const has = (...roles: string[]) => actor.roles.some((r) => roles.includes(r));

  if (actor.organisationKind === 'ward' && actor.wardId) {
    const wardId = actor.wardId;
    if (has(...WARD_STAFF)) {
      can('read', ['HandoverPackage', 'ErasureRecord', 'ErasureCertificate'], { wardId });
    }
    if (has('ward_officer')) {
      can('create', 'HandoverPackage', { wardId });
      can('update', 'HandoverPackage', [...WARD_STEPS], { wardId });
    }
    return;
  }

  if (actor.organisationKind === 'company' && has('contractor_manager', 'contractor_staff')) {
    const orgId = actor.organisationId;
    can('read', 'HandoverPackage', { recipientOrgId: orgId });
    can('read', 'HandoverPackage', { chainOrgIds: orgId });
    can('read', ['ErasureRecord', 'ErasureCertificate'], { organisationId: orgId });
    can('read', ['ErasureRecord', 'ErasureCertificate'], { chainOrgIds: orgId });
    can('update', 'HandoverPackage', ['takeOut'], { recipientOrgId: orgId });
    if (has('contractor_manager')) {
      // 取扱責任者: keeps the cabinet's key, records the erasure and has the certificate issued
      can('update', 'HandoverPackage', ['store'], { recipientOrgId: orgId });
      can(['create', 'update'], 'ErasureRecord', { organisationId: orgId });
    }
  }
}
