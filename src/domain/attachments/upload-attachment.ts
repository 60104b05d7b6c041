import { storedUserId } from '../../../policies/actor.js';
import { asSubject } from '../../../policies/app-ability.js';
import { findOrganisation } from '../organisations/organisation.repository.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type Tx, type UseCaseContext } from '../shared/context.js';
import { ValidationError } from '../shared/errors.js';
import { sha256Hex } from '../shared/sha256.js';
import { type AttachmentStore, databaseAttachmentStore } from './attachment-store.js';
import { checkAttachmentContent } from './content-type.js';
import { type Attachment, toAttachment } from './get-attachment.js';

/** What a file is evidence of: 誓約書, 社内規程, プライバシーマーク登録証, 認証の証明書（ISMS・ISMAP）, 写真, その他. */
export const ATTACHMENT_PURPOSES = [
  'pledge',
  'internal_rules',
  'pmark_certificate',
  'certification',
  'photo',
  'other',
] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];

export interface UploadInput {
  /** The name the client gave the file; cleaned before it is stored. */
  filename: string;
  /** The content type the client declared; it must agree with the bytes. */
  declaredType: string;
  bytes: Uint8Array;
  purpose: AttachmentPurpose;
  /** The ward whose records the file is evidence for; it must be a ward the uploader works with. */
  wardId?: string | null;
}

function invalidFilename(message: string, messageJa: string): ValidationError {
  return new ValidationError({ en: 'The file name is not valid', ja: 'ファイル名が正しくありません' }, [
    { path: 'file', message, message_ja: messageJa },
  ]);
}

/**
 * The stored name: without any folder a browser or client put in front, in NFC (macOS sends
 * Japanese names decomposed, e.g. ガ as カ + ゛), and without control or bidirectional-format
 * characters, which can make "abc\u202Efdp.exe" display as "abcexe.pdf".
 */
export function cleanFilename(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const name = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  if (name === '' || name === '.' || name === '..') {
    throw invalidFilename('the file needs a name', 'ファイル名がありません');
  }
  if (name.length > 255) {
    throw invalidFilename('at most 255 characters', 'ファイル名は255文字以内にしてください');
  }
  return name;
}

/** The ward must be one the uploader may see: its own, or one its company is known to (the same
 * rule that lets it read that ward's organisation record). Unknown and invisible look alike. */
async function checkWard(ctx: UseCaseContext, tx: Tx, wardId: string): Promise<void> {
  const ward = await findOrganisation(tx, wardId);
  if (ward?.kind === 'ward' && ctx.ability.can('read', asSubject('Organisation', ward))) return;
  throw new ValidationError({ en: 'Unknown {self}', ja: '指定された{self}が見つかりません' }, [
    {
      path: 'wardId',
      message: 'not a {self} you work with',
      message_ja: 'あなたの組織が関わっている{self}ではありません',
    },
  ]);
}

/**
 * Stores one evidence file (添付ファイル) for the actor's organisation: checks size and format,
 * records its SHA-256, and writes metadata, bytes and the audit entry in one transaction, so a
 * refused or failed upload leaves nothing behind.
 */
export async function uploadAttachment(
  ctx: UseCaseContext,
  input: UploadInput,
  store: AttachmentStore = databaseAttachmentStore,
): Promise<Attachment> {
  const { actor } = ctx;
  const wardId = input.wardId ?? null;
  authorize(ctx.ability, 'create', 'Attachment', { organisationId: actor.organisationId, wardId });
  const filename = cleanFilename(input.filename);
  const contentType = checkAttachmentContent(filename, input.declaredType, input.bytes);
  // Hashed before the transaction opens: PGlite has one connection, so keep transactions short.
  const sha256 = await sha256Hex(input.bytes);

  return inTransaction(ctx, async ({ tx, audit }) => {
    if (wardId) await checkWard(ctx, tx, wardId);
    const row = await tx
      .insertInto('attachments')
      .values({
        organisation_id: actor.organisationId,
        ward_id: wardId,
        filename,
        content_type: contentType,
        size_bytes: input.bytes.length,
        sha256,
        purpose: input.purpose,
        uploaded_by: storedUserId(actor),
        uploaded_at: ctx.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await store.put(tx, row.id, input.bytes);
    const created = toAttachment(row);
    await audit({
      // In the chain of the ward the evidence is for, so its staff see it in their audit trail.
      wardId: wardId ?? actor.wardId,
      action: 'attachment.upload',
      subjectType: 'Attachment',
      subjectId: created.id,
      after: created,
    });
    return created;
  });
}
