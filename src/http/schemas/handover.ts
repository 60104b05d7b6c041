import { z } from '@hono/zod-openapi';
import { HANDOVER_METHODS, IDENTITY_CHECKS } from '../../domain/handover/handover-terms.js';
import type { Custody, HandoverPackage } from '../../domain/handover/package.repository.js';
import { packageActions } from '../../domain/handover/package-actions.js';
import { DIRECTIONS } from '../../domain/registers/register-document.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import { AllowedActions, requiredText, text, Uuid, VersionField } from './common.js';

export const Instant = z.iso.datetime({ offset: true }).openapi({ example: '2026-11-24T10:00:00+09:00' });

export const PackageItemSchema = z.object({
  subjectGroup: requiredText(200).openapi({ example: '撤去車両所有者' }),
  name: requiredText(200).openapi({ example: '氏名' }),
  direction: z.enum(DIRECTIONS),
});

const IdentityCheck = z.object({ method: z.enum(IDENTITY_CHECKS), note: text(500).nullish() }).openapi({
  description: '本人確認: 身分証明書 id_card, 社員証 employee_card, 確認証 confirmation_slip, other',
});

const Method = z.enum(HANDOVER_METHODS).openapi({ description: '手渡し only (seed 003 運用8)' });

export const HandoverBody = z.object({
  handedAt: Instant,
  givenByUserId: Uuid.nullish(),
  receivedByHandlerId: Uuid,
  identityCheck: IdentityCheck,
  method: Method,
  version: VersionField,
});

export const ReturnBody = z.object({
  handedAt: Instant,
  givenByHandlerId: Uuid,
  receivedByUserId: Uuid.nullish(),
  identityCheck: IdentityCheck,
  method: Method,
  passwordNoticeReturned: z.boolean(),
  version: VersionField,
});

export const StoreBody = z.object({
  storedAt: Instant,
  place: requiredText(300).openapi({ example: '執務室内の施錠できるキャビネット' }),
  keyHolderHandlerId: Uuid,
  version: VersionField,
});

export const TakeOutBody = z.object({
  purpose: z.enum(['delivery', 'return', 'other']),
  purposeDetail: requiredText(1000),
  contents: requiredText(1000),
  handlerId: Uuid,
  outAt: Instant.nullish(),
  version: VersionField,
});

export const DecisionBody = z.object({ comment: text(1000).nullish(), version: VersionField });
export const StartBody = z.object({ outAt: Instant, version: VersionField });
export const BringBackBody = z.object({
  backAt: Instant,
  check: requiredText(1000).openapi({ description: '返却時の確認 (what was checked on its return)' }),
  version: VersionField,
});
export const WithdrawBody = z.object({ reason: requiredText(1000), version: VersionField });

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const PackageSchema = z
  .object({
    id: z.string(),
    number: z.string().openapi({
      description:
        '受渡データ番号: 令和 year of the fiscal year (April–March, Japan time) and 4 digits, per ward per fiscal year, e.g. R8-受渡-0012',
    }),
    wardId: z.string(),
    contractId: z.string(),
    recipientOrgId: z.string(),
    title: z.string(),
    items: z.array(PackageItemSchema),
    files: z.array(z.object({ name: z.string(), sizeBytes: z.number(), contentType: z.string() })),
    ciphertextSha256: z.string(),
    ciphertextBytes: z.number(),
    jweAlg: z.string(),
    jweEnc: z.string(),
    pbes2Count: z.number(),
    status: z.string(),
    storagePlace: z.string().nullable(),
    keyHolderHandlerId: z.string().nullable(),
    storedAt: z.string().nullable(),
    preparedBy: z.string(),
    preparedAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
    allowedActions: AllowedActions.optional().openapi({
      description:
        'With the custody (a single package): the custody steps the signed-in user may record now; take-out steps are listed on each take-out',
    }),
  })
  .passthrough()
  .openapi('HandoverPackage');

/**
 * A package in a list (issue 21): its number, title, recipient, custody state and storage, and the
 * custody steps the viewer may record now (`allowedActions`; a take-out's own steps are on the
 * detail). The data items, the files and the encryption's parameters stay on the detail route, or
 * `view=full`.
 */
export const PackageListItemSchema = z
  .object({
    allowedActions: AllowedActions,
    id: z.string(),
    number: z.string(),
    wardId: z.string(),
    contractId: z.string(),
    recipientOrgId: z.string(),
    title: z.string(),
    status: z.string(),
    storagePlace: z.string().nullable(),
    keyHolderHandlerId: z.string().nullable(),
    storedAt: z.string().nullable(),
    preparedBy: z.string(),
    preparedAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  })
  .openapi('HandoverPackageListItem');

/** The list's compact form of a package (PackageListItemSchema). */
export function presentPackageListItem(
  viewer: Viewer,
  p: HandoverPackage & Custody,
): z.infer<typeof PackageListItemSchema> {
  return {
    allowedActions: packageActions(viewer, p)
      .filter((a) => !a.takeOutId)
      .map((a) => a.action),
    id: p.id,
    number: p.number,
    wardId: p.wardId,
    contractId: p.contractId,
    recipientOrgId: p.recipientOrgId,
    title: p.title,
    status: p.status,
    storagePlace: p.storagePlace,
    keyHolderHandlerId: p.keyHolderHandlerId,
    storedAt: iso(p.storedAt),
    preparedBy: p.preparedBy,
    preparedAt: p.preparedAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

/** A package as the API shows it; with its custody, also what the viewer may record on it now. */
export function presentPackage(viewer: Viewer, p: HandoverPackage & Partial<Custody>) {
  const { chainOrgIds: _chain, machine: _m, handovers, takeOuts, hashChecks, ...rest } = p;
  const actions =
    handovers && takeOuts && hashChecks
      ? packageActions(viewer, { ...p, handovers, takeOuts, hashChecks })
      : undefined;
  return {
    ...rest,
    ...(actions && { allowedActions: actions.filter((a) => !a.takeOutId).map((a) => a.action) }),
    storedAt: iso(p.storedAt),
    preparedAt: p.preparedAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    ...(handovers && {
      handovers: handovers.map((h) => ({ ...h, handedAt: iso(h.handedAt), recordedAt: iso(h.recordedAt) })),
    }),
    ...(takeOuts && {
      takeOuts: takeOuts.map((t) => ({
        ...t,
        allowedActions: (actions ?? []).filter((a) => a.takeOutId === t.id).map((a) => a.action),
        requestedAt: iso(t.requestedAt),
        decidedAt: iso(t.decidedAt),
        outAt: iso(t.outAt),
        backAt: iso(t.backAt),
      })),
    }),
    ...(hashChecks && { hashChecks: hashChecks.map((c) => ({ ...c, checkedAt: iso(c.checkedAt) })) }),
  };
}

export const PreparedSchema = z
  .object({
    package: PackageSchema,
    password: z.string().openapi({ description: 'Shown once, here only; never stored' }),
    packageFile: z.object({ filename: z.string(), contentType: z.string(), jwe: z.string() }),
    passwordNotice: z.object({ filename: z.string(), contentType: z.string(), base64: z.string() }),
  })
  .openapi('PreparedPackage');
