import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { MAX_ATTACHMENT_BYTES } from '../../domain/attachments/content-type.js';
import {
  type Attachment,
  getAttachment,
  listAttachments,
  readAttachmentContent,
} from '../../domain/attachments/get-attachment.js';
import { ATTACHMENT_PURPOSES, uploadAttachment } from '../../domain/attachments/upload-attachment.js';
import type { AppEnv } from '../app-env.js';
import { requireAuth, useCaseContext } from '../middleware/authenticate.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonResponse,
  PageQuery,
  pageOf,
  Uuid,
} from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';

/** The body limit of this feature (src/app.ts applies it): a file of exactly 10 MiB plus room for
 * the multipart envelope and the other fields. A file between 10 MiB and this gets the 422 of
 * content-type.ts; anything larger is cut off unread with a 413. */
export const attachmentBodyLimit = bodyLimit({
  maxSize: MAX_ATTACHMENT_BYTES + 64 * 1024,
  onError: () => {
    throw new HTTPException(413, { message: 'The request body exceeds the limit of 10 MiB per file' });
  },
});

const Purpose = z.enum(ATTACHMENT_PURPOSES).openapi({
  description:
    '誓約書 pledge, 社内規程 internal_rules, Pマーク登録証 pmark_certificate, 認証の証明書 certification (ISMS, ISMAP), 写真 photo, other',
});

const AttachmentSchema = z
  .object({
    id: z.string(),
    filename: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string().openapi({ description: 'Hex SHA-256 of the bytes, recorded at upload' }),
    purpose: z.string(),
    wardId: z.string().nullable(),
    organisationId: z.string(),
    uploadedBy: z.string().nullable(),
    uploadedAt: z.string(),
  })
  .openapi('Attachment');

const UploadForm = z.object({
  file: z
    .custom<File>((value) => value instanceof File, { message: 'a file is required in the field "file"' })
    .openapi({ type: 'string', format: 'binary', description: 'PDF, PNG or JPEG, at most 10 MiB' }),
  purpose: Purpose,
  // An HTML form sends an empty field for "no ward".
  wardId: z.preprocess((v) => (v === '' ? undefined : v), Uuid.optional()),
});

const Binary = { schema: z.string().openapi({ type: 'string', format: 'binary' }) };

function present({ uploadedAt, ...attachment }: Attachment) {
  return { ...attachment, uploadedAt: uploadedAt.toISOString() };
}

/** RFC 6266 with an RFC 5987 filename* for Japanese names, and an ASCII fallback for old clients. */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const common = { tags: ['attachments'], security: bearerSecurity };

export function attachmentRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Evidence files you may see / 添付ファイルの一覧',
      description:
        'The evidence files (添付ファイル) the signed-in user may see, newest first, without their bytes: a company sees the files it uploaded; the ward’s staff (not council reviewers) also see the files a company tagged with their ward. Permissions are applied in the database. Paged with limit and cursor (a malformed cursor is 422).',
      request: {
        query: PageQuery.extend({
          organisationId: Uuid.optional(),
          wardId: Uuid.optional(),
          purpose: Purpose.optional(),
        }),
      },
      responses: { 200: jsonResponse(pageOf(AttachmentSchema), 'A page of attachments'), ...errorResponses },
    }),
    async (c) => {
      const page = await listAttachments(useCaseContext(c), c.req.valid('query'));
      return c.json({ items: page.items.map(present), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Upload an evidence file / 添付ファイルの登録',
      description:
        'Uploads an evidence file (添付ファイルの登録) — a scanned pledge, a P-mark certificate, an inspection photo — as multipart form data, to be cited by id from reports and records. PDF, PNG or JPEG up to 10 MiB; the declared type and the extension must match the bytes, and an empty, larger or mismatched file is 422 on `file`. `wardId` tags it for a ward the uploader’s company works for (an unknown ward is 422), so that ward’s staff may read it. Council reviewers and users without a company or evidence-handling ward role get 403. A body far over the limit is refused 413 before it is read. Audited, with the SHA-256 of the bytes.',
      request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
      responses: {
        201: jsonResponse(AttachmentSchema, 'Stored'),
        ...errorResponses,
        413: {
          description: 'Body over the limit / 本文が大きすぎます',
          content: errorResponses[422].content,
        },
      },
    }),
    async (c) => {
      const { file, purpose, wardId } = c.req.valid('form');
      const attachment = await uploadAttachment(useCaseContext(c), {
        filename: file.name,
        declaredType: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
        purpose,
        wardId,
      });
      c.header('location', `/api/v1/attachments/${attachment.id}`);
      return c.json(present(attachment), 201);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One evidence file’s details / 添付ファイルの情報',
      description:
        'The details of one evidence file (添付ファイル): name, verified content type, size, the SHA-256 recorded at upload, its purpose and ward. 404 for a file that does not exist or that you may not see.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(AttachmentSchema, 'The attachment'), ...errorResponses },
    }),
    async (c) => c.json(present(await getAttachment(useCaseContext(c), c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/content',
      summary: 'Download an evidence file / 添付ファイルのダウンロード',
      description:
        'The bytes of one evidence file (添付ファイルのダウンロード) as an attachment download with its original name. The bytes are hashed again on the way out: a file whose bytes no longer match the SHA-256 recorded at upload is never served (500, logged). 404 for a file that does not exist or that you may not see.',
      request: { params: IdParam },
      responses: {
        200: {
          description: 'The bytes as uploaded; the ETag is their SHA-256',
          content: { 'application/pdf': Binary, 'image/png': Binary, 'image/jpeg': Binary },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { attachment, bytes } = await readAttachmentContent(useCaseContext(c), c.req.valid('param').id);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': attachment.contentType,
        'content-length': String(bytes.length),
        'content-disposition': contentDisposition(attachment.filename),
        // Never let a browser guess a type other than the one checked at upload.
        'x-content-type-options': 'nosniff',
        etag: `"${attachment.sha256}"`,
        // Evidence often names residents and handlers: keep it out of shared and disk caches.
        'cache-control': 'private, no-store',
      });
    },
  );

  return app;
}
