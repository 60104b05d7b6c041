import type { Selectable } from 'kysely';
import { accessibleBy, type FieldMap } from '../../../policies/rules-to-sql.js';
import type { AttachmentsTable } from '../../db/tables/attachments.js';
import { authorize, subjectName } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound, ValidationError } from '../shared/errors.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import { sha256Hex } from '../shared/sha256.js';
import { type AttachmentStore, databaseAttachmentStore } from './attachment-store.js';

/** 添付ファイル: the metadata of one evidence file; its bytes stay in the AttachmentStore. */
export interface Attachment {
  id: string;
  /** The uploader's organisation. */
  organisationId: string;
  /** The ward whose records the file is evidence for; null = the uploader's organisation only. */
  wardId: string | null;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  purpose: string;
  /** Null when a company's contact uploaded it through a one-time link (the audit entry names them). */
  uploadedBy: string | null;
  uploadedAt: Date;
}

/** How the policies' Attachment fields read in SQL. */
export const attachmentFields: FieldMap = {
  id: 'attachments.id',
  organisationId: 'attachments.organisation_id',
  wardId: 'attachments.ward_id',
};

export function toAttachment(row: Selectable<AttachmentsTable>): Attachment {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    wardId: row.ward_id,
    filename: row.filename,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    purpose: row.purpose,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
  };
}

/** The metadata of one attachment the actor may read; 404 alike for missing and invisible ones. */
export async function getAttachment(ctx: UseCaseContext, id: string): Promise<Attachment> {
  const row = await ctx.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) {
    // The same words authorize() uses for an invisible one, so the answers cannot be told apart.
    const name = subjectName('Attachment');
    throw notFound(name.en, name.ja);
  }
  const attachment = toAttachment(row);
  authorize(ctx.ability, 'read', 'Attachment', attachment);
  return attachment;
}

/**
 * The bytes of one attachment the actor may read. They are hashed again on the way out: evidence
 * that no longer matches the SHA-256 recorded at upload is an integrity failure (a 500 with the
 * cause in the log), never something to hand out as if it were the original.
 */
export async function readAttachmentContent(
  ctx: UseCaseContext,
  id: string,
  store: AttachmentStore = databaseAttachmentStore,
): Promise<{ attachment: Attachment; bytes: Uint8Array }> {
  const attachment = await getAttachment(ctx, id);
  const bytes = await store.get(ctx.db, id);
  if (!bytes || (await sha256Hex(bytes)) !== attachment.sha256) {
    throw new Error(`attachment ${id}: stored bytes are missing or do not match the recorded SHA-256`);
  }
  return { attachment, bytes };
}

/** Exactly what toISOString() wrote into the cursor (so no date PostgreSQL would refuse). */
const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AttachmentQuery {
  organisationId?: string;
  wardId?: string;
  purpose?: string;
  cursor?: string;
  limit: number;
}

/** The attachments the actor may read, newest first; the permission rules run inside the SQL
 * and the file bytes are never read. */
export async function listAttachments(
  ctx: UseCaseContext,
  query: AttachmentQuery,
): Promise<Page<Attachment>> {
  let q = ctx.db
    .selectFrom('attachments')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Attachment', attachmentFields));
  if (query.organisationId) q = q.where('organisation_id', '=', query.organisationId);
  if (query.wardId) q = q.where('ward_id', '=', query.wardId);
  if (query.purpose) q = q.where('purpose', '=', query.purpose);
  if (query.cursor) {
    const [uploadedAt, id] = decodeCursor(query.cursor, 2);
    // A forged cursor must be a 422, not a database error over a malformed timestamp or uuid.
    if (!isInstant(uploadedAt) || !UUID.test(String(id))) {
      throw new ValidationError({ en: 'The cursor is not valid', ja: 'カーソルの値が正しくありません' }, [
        {
          path: 'cursor',
          message: 'not a cursor of this list',
          message_ja: 'この一覧のカーソルではありません',
        },
      ]);
    }
    q = q.where((eb) => after(eb, ['attachments.uploaded_at', 'attachments.id'], [uploadedAt, id], 'desc'));
  }
  const rows = await q
    .orderBy('uploaded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.uploaded_at.toISOString(), r.id], toAttachment);
}
