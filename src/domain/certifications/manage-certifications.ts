import { asSubject } from '../../../policies/app-ability.js';
import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { type AttachmentStore, databaseAttachmentStore } from '../attachments/attachment-store.js';
import { type Attachment, toAttachment } from '../attachments/get-attachment.js';
import { authorize, subjectName } from '../shared/authorize.js';
import { inTransaction, type Tx, type UseCaseContext } from '../shared/context.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { sha256Hex } from '../shared/sha256.js';
import { checkVersion } from '../shared/versioning.js';
import {
  type Certification,
  type CertificationKind,
  certificationFields,
  companyWardIds,
  findCertification,
  toCertification,
} from './certification.repository.js';

// A company's certifications (認証): its managers record, change and withdraw them; its staff and
// the wards it works for read them. Each change is one transaction with its audit entry, based on
// the version it was read at (409 when stale). A company, or a certification, the reader may not
// see is a 404 like one that does not exist.

export interface CertificationInput {
  kind: CertificationKind;
  number: string;
  scope?: string | null;
  issuer: string;
  validFrom?: string | null;
  validUntil: string;
  /** An attachment the company itself uploaded (POST /api/v1/attachments). */
  attachmentId?: string | null;
}

export type CertificationPatch = Partial<Omit<CertificationInput, 'kind'>>;

const SUBJECT = '認証 / Certification';

function notFoundHere(): NotFoundError {
  const name = subjectName('CompanyCertification');
  return new NotFoundError({ en: `${name.en} not found`, ja: `${name.ja}が見つかりません` });
}

/** The company as the policy sees it; a 404 when the reader may not read its certifications. */
async function companyScope(ctx: UseCaseContext, db: UseCaseContext['db'], organisationId: string) {
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'kind'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
  const scope = { organisationId, wardIds: org ? await companyWardIds(db, organisationId) : [] };
  if (org?.kind !== 'company' || !ctx.ability.can('read', asSubject('CompanyCertification', scope))) {
    throw notFoundHere();
  }
  return scope;
}

/** Whether the actor may record a certification for the company: 404 when it may not even read
 * them, 403 when it may read but not record (a page checks this before storing any file). */
export async function checkMayRecord(ctx: UseCaseContext, organisationId: string): Promise<void> {
  authorize(ctx.ability, 'create', 'CompanyCertification', await companyScope(ctx, ctx.db, organisationId));
}

/** Whether the actor may record, change and withdraw the company's certifications (the pages' buttons). */
export async function mayManageCertifications(ctx: UseCaseContext, organisationId: string): Promise<boolean> {
  const scope = { organisationId, wardIds: await companyWardIds(ctx.db, organisationId) };
  return ctx.ability.can('create', asSubject('CompanyCertification', scope));
}

export function checkDates(validFrom: string | null | undefined, validUntil: string): void {
  if (validFrom && validFrom > validUntil) {
    throw new ValidationError({ en: 'The validity period is not valid', ja: '有効期間が正しくありません' }, [
      {
        path: 'validFrom',
        message: 'must not be after validUntil',
        message_ja: '有効期間の開始日は有効期限より後にできません',
      },
    ]);
  }
}

/** The copy must be a file the company itself uploaded: nobody cites another's evidence. */
async function checkCopy(tx: Tx, organisationId: string, attachmentId: string | null | undefined) {
  if (!attachmentId) return;
  const row = await tx
    .selectFrom('attachments')
    .select('organisation_id')
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (row?.organisation_id === organisationId) return;
  throw new ValidationError({ en: 'Unknown attachment', ja: '添付ファイルが見つかりません' }, [
    {
      path: 'attachmentId',
      message: 'not a file uploaded by the certified company',
      message_ja: '認証を受けた会社が登録したファイルではありません',
    },
  ]);
}

/** The certifications of one company, by kind and end date; withdrawn ones only when asked. */
export async function listCertifications(
  ctx: UseCaseContext,
  organisationId: string,
  query: { includeWithdrawn?: boolean } = {},
): Promise<Certification[]> {
  const scope = await companyScope(ctx, ctx.db, organisationId);
  let q = ctx.db
    .selectFrom('company_certifications')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'CompanyCertification', certificationFields));
  if (!query.includeWithdrawn) q = q.where('withdrawn_at', 'is', null);
  const rows = await q.orderBy('kind').orderBy('valid_until', 'desc').orderBy('id').execute();
  return rows.map((r) => toCertification(r, scope.wardIds));
}

/** One certification of the company; 404 for one of another company or one the reader may not see. */
export async function getCertification(
  ctx: UseCaseContext,
  organisationId: string,
  id: string,
): Promise<Certification> {
  const found = await findCertification(ctx.db, id);
  if (!found || found.organisationId !== organisationId) throw notFoundHere();
  authorize(ctx.ability, 'read', 'CompanyCertification', found);
  return found;
}

/** 認証の登録: the company's manager records one of its certifications. */
export async function createCertification(
  ctx: UseCaseContext,
  organisationId: string,
  input: CertificationInput,
): Promise<Certification> {
  checkDates(input.validFrom, input.validUntil);
  return inTransaction(ctx, async ({ tx, audit }) => {
    const scope = await companyScope(ctx, tx, organisationId);
    authorize(ctx.ability, 'create', 'CompanyCertification', scope);
    await checkCopy(tx, organisationId, input.attachmentId);
    const now = ctx.now();
    const row = await tx
      .insertInto('company_certifications')
      .values({
        organisation_id: organisationId,
        kind: input.kind,
        number: input.number.trim(),
        scope: input.scope?.trim() || null,
        issuer: input.issuer.trim(),
        valid_from: input.validFrom ?? null,
        valid_until: input.validUntil,
        attachment_id: input.attachmentId ?? null,
        created_at: now,
        created_by: ctx.actor.userId,
        updated_at: now,
        updated_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const created = toCertification(row, scope.wardIds);
    await audit({
      wardId: ctx.actor.wardId,
      action: 'certification.create',
      subjectType: 'CompanyCertification',
      subjectId: created.id,
      after: created,
    });
    return created;
  });
}

async function lockForChange(
  ctx: UseCaseContext,
  tx: Tx,
  organisationId: string,
  id: string,
  version: number,
) {
  const before = await findCertification(tx, id, true);
  if (!before || before.organisationId !== organisationId) throw notFoundHere();
  authorize(ctx.ability, 'update', 'CompanyCertification', before);
  checkVersion(SUBJECT, version, before.version);
  if (before.withdrawnAt) {
    throw new ConflictError({
      en: 'This certification has been withdrawn; record a new one instead',
      ja: 'この認証は取り下げられています。新しく登録してください',
    });
  }
  return before;
}

/** 認証の変更 (a renewal's new end date, a corrected number, the copy): a PATCH on the version read. */
export async function updateCertification(
  ctx: UseCaseContext,
  organisationId: string,
  id: string,
  patch: CertificationPatch,
  expectedVersion: number,
): Promise<Certification> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const before = await lockForChange(ctx, tx, organisationId, id, expectedVersion);
    const validFrom = patch.validFrom !== undefined ? patch.validFrom : before.validFrom;
    checkDates(validFrom, patch.validUntil ?? before.validUntil);
    if (patch.attachmentId !== undefined) await checkCopy(tx, organisationId, patch.attachmentId);
    const row = await tx
      .updateTable('company_certifications')
      .set({
        ...(patch.number !== undefined && { number: patch.number.trim() }),
        ...(patch.scope !== undefined && { scope: patch.scope?.trim() || null }),
        ...(patch.issuer !== undefined && { issuer: patch.issuer.trim() }),
        ...(patch.validFrom !== undefined && { valid_from: patch.validFrom }),
        ...(patch.validUntil !== undefined && { valid_until: patch.validUntil }),
        ...(patch.attachmentId !== undefined && { attachment_id: patch.attachmentId }),
        updated_at: ctx.now(),
        updated_by: ctx.actor.userId,
        version: before.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toCertification(row, before.wardIds);
    await audit({
      wardId: ctx.actor.wardId,
      action: 'certification.update',
      subjectType: 'CompanyCertification',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}

/** 認証の取下げ (returned, lapsed, recorded in error): kept for the record, no longer counted. */
export async function withdrawCertification(
  ctx: UseCaseContext,
  organisationId: string,
  id: string,
  expectedVersion: number,
): Promise<Certification> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const before = await lockForChange(ctx, tx, organisationId, id, expectedVersion);
    const now = ctx.now();
    const row = await tx
      .updateTable('company_certifications')
      .set({
        withdrawn_at: now,
        withdrawn_by: ctx.actor.userId,
        updated_at: now,
        updated_by: ctx.actor.userId,
        version: before.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toCertification(row, before.wardIds);
    await audit({
      wardId: ctx.actor.wardId,
      action: 'certification.withdraw',
      subjectType: 'CompanyCertification',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}

/**
 * The certificate's copy, for whoever may read the certification (a ward's staff read a company's
 * own file through it). Hashed again on the way out like every attachment: bytes that no longer
 * match the SHA-256 recorded at upload are an integrity failure, never handed out.
 */
export async function readCertificateCopy(
  ctx: UseCaseContext,
  organisationId: string,
  id: string,
  store: AttachmentStore = databaseAttachmentStore,
): Promise<{ attachment: Attachment; bytes: Uint8Array }> {
  const certification = await getCertification(ctx, organisationId, id);
  if (!certification.attachmentId) throw notFoundHere();
  const row = await ctx.db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', certification.attachmentId)
    .executeTakeFirstOrThrow();
  const bytes = await store.get(ctx.db, row.id);
  if (!bytes || (await sha256Hex(bytes)) !== row.sha256) {
    throw new Error(`attachment ${row.id}: stored bytes are missing or do not match the recorded SHA-256`);
  }
  return { attachment: toAttachment(row), bytes };
}
