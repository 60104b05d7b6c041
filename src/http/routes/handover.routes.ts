import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { MAX_PACKAGE_PLAINTEXT_BYTES, preparePackage } from '../../domain/handover/prepare-package.js';
import { getPackage, listPackages, withCustodies } from '../../domain/handover/read-packages.js';
import type { AppEnv } from '../app-env.js';
import { packageOpenPage } from '../handover/package-open-page.js';
import { requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { PayloadTooLarge } from '../payload-too-large.js';
import { passwordNoticeMaker } from '../pdf-documents.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonResponse,
  ListView,
  PageQuery,
  pageOfView,
  requiredText,
  Uuid,
} from '../schemas/common.js';
import {
  PackageItemSchema,
  PackageListItemSchema,
  PackageSchema,
  PreparedSchema,
  presentPackage,
  presentPackageListItem,
} from '../schemas/handover.js';
import { validationHook } from '../validation-hook.js';
import { custodyRoutes } from './handover-custody.routes.js';

/**
 * The body limit of the two uploads (src/app.ts applies it to this feature's paths): a package
 * holds up to 40 MiB of files; the returned package file read back for the hash check is its
 * base64url JWE, 4/3 of that plus the header; 1 MiB more covers the multipart envelope. A file
 * over 40 MiB but under this limit gets the 422 of prepare-package.ts; a larger body is cut off
 * unread with a 413. Every other route of the feature keeps the API's 1 MiB.
 */
export const PACKAGE_BODY_LIMIT =
  Math.ceil(((MAX_PACKAGE_PLAINTEXT_BYTES + 64 * 1024) * 4) / 3) + 1024 * 1024;

const large = bodyLimit({
  maxSize: PACKAGE_BODY_LIMIT,
  onError: () => {
    throw new HTTPException(413, { message: 'The request body exceeds the limit of a handover package' });
  },
});
const small = bodyLimit({
  maxSize: 1024 * 1024,
  onError: () => {
    throw PayloadTooLarge;
  },
});
const UPLOADS = [/\/handover-packages\/?$/, /\/handover-packages\/[^/]+\/verify-return$/];

export const handoverBodyLimit: MiddlewareHandler = (c, next) =>
  c.req.method === 'POST' && UPLOADS.some((r) => r.test(c.req.path)) ? large(c, next) : small(c, next);

const FileField = z
  .custom<File>((v) => v instanceof File, { message: 'a file is required' })
  .openapi({ type: 'string', format: 'binary' });

const parseJson = (v: unknown) => {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

const PrepareForm = z.object({
  contractId: Uuid,
  title: requiredText(300).openapi({ example: '撤去車両所有者情報（令和8年度分）' }),
  items: z
    .preprocess(parseJson, z.array(PackageItemSchema).min(1).max(300))
    .openapi({ type: 'string', description: 'JSON array of { subjectGroup, name, direction }' }),
  files: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(FileField).min(1).max(20))
    .openapi({ type: 'array', items: { type: 'string', format: 'binary' } }),
});

const common = { tags: ['handover'], security: bearerSecurity };

/** Base64 with Web APIs only, in chunks (String.fromCharCode takes a bounded number of arguments). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** 受渡データ: encrypted packages of residents' data and their chain of custody. */
export function handoverRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  // The decryption page holds no data and calls no server: anyone may load it, signed in or not.
  app.openapi(
    createRoute({
      tags: ['handover'],
      method: 'get',
      path: '/open',
      summary: 'Decryption page (in the browser, nothing sent) / 受渡データの復号ページ',
      description:
        'A self-contained page (受渡データの復号ページ) on which the recipient opens a handover package with the password from the password notice: the package file is decrypted in the browser and nothing — neither the file nor the password — is sent to the server. Public: the page itself holds no data. The password notice names its address.',
      responses: {
        200: { description: 'A self-contained HTML page', content: { 'text/html': { schema: z.string() } } },
      },
    }),
    async (c) => {
      const page = await packageOpenPage();
      return c.html(page.html, 200, { 'content-security-policy': page.csp, 'cache-control': 'no-cache' });
    },
  );

  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Packages you may see / 受渡データの一覧',
      description:
        "The handover packages (受渡データ) the signed-in user may see, each with its custody state (作成済み, 媒体受渡済み, 保管中, 持出し中, 返却済み, 返却確認済み, 消去済み, 取下げ) and `allowedActions` (the custody steps the viewer may record now). Items are compact by default — number, title, recipient, state and storage; the data items, files and encryption parameters are on the detail route — and with `view=full` as the detail route gives them, chain of custody included. The ward's staff see their ward's; the receiving organisation its own; a contractor those of the sub-contracts it supervises. Council reviewers see none. Filtered in the database; a malformed cursor is 422.",
      request: {
        query: PageQuery.extend({
          contractId: Uuid.optional(),
          status: z.string().max(30).optional(),
          view: ListView,
        }),
      },
      responses: {
        200: jsonResponse(
          pageOfView(PackageListItemSchema, PackageSchema),
          'A page of packages: compact items by default, as the detail route gives them with view=full',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { view, ...query } = c.req.valid('query');
      const page = await listPackages(ctx, query);
      const pkgs = await withCustodies(ctx, page.items);
      const present = view === 'full' ? presentPackage : presentPackageListItem;
      return c.json({ items: pkgs.map((p) => present(ctx, p)), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Prepare an encrypted package / 受渡データの作成（暗号化）',
      description:
        'Encrypts the files into one JWE (PBES2-HS512+A256KW, A256GCM) with a generated password. The answer carries the package file, the password and the password notice PDF once: the server keeps only metadata and the SHA-256 of the package file. By the ward’s privacy officer (受渡データの作成), for a contract in force (履行中; 409 otherwise), with the register items it contains; at least one file, none empty or given twice, 40 MiB in all (422). The media and then, at least an hour later, the password notice are handed over by hand.',
      request: { body: { required: true, content: { 'multipart/form-data': { schema: PrepareForm } } } },
      responses: {
        201: jsonResponse(PreparedSchema, 'Prepared; the password is in this answer only'),
        ...errorResponses,
        413: {
          description: 'Body over the limit / 本文が大きすぎます',
          content: errorResponses[422].content,
        },
      },
    }),
    async (c) => {
      const form = c.req.valid('form');
      const ctx = useCaseContext(c);
      const files = await Promise.all(
        form.files.map(async (f) => ({
          name: f.name,
          contentType: f.type,
          bytes: new Uint8Array(await f.arrayBuffer()),
        })),
      );
      const prepared = await preparePackage(ctx, { ...form, files }, passwordNoticeMaker(c));
      const id = prepared.package.id;
      c.header('location', `/api/v1/handover-packages/${id}`);
      // the password is in this answer: no cache may keep it
      c.header('cache-control', 'no-store');
      return c.json(
        {
          package: presentPackage(useCaseContext(c), prepared.package),
          password: prepared.password,
          packageFile: { filename: `package-${id}.jwe`, contentType: 'application/jose', jwe: prepared.jwe },
          passwordNotice: {
            filename: `password-notice-${id}.pdf`,
            contentType: 'application/pdf',
            base64: toBase64(prepared.passwordNotice),
          },
        },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One package with its chain of custody / 受渡データと受渡・持出記録',
      description:
        "One handover package with its chain of custody (受渡データと受渡・持出記録): the items it contains, its SHA-256, every handover (when, who gave, who received, identity check), storage, take-out and return, and `allowedActions`. The server keeps only metadata and the hash, never the password. Readable by the ward's staff, the receiving organisation and the contractor above it; 404 for anyone else.",
      request: { params: IdParam },
      responses: { 200: jsonResponse(PackageSchema, 'The package'), ...errorResponses },
    }),
    async (c) => {
      const pkg = await getPackage(useCaseContext(c), c.req.valid('param').id);
      c.header('etag', `"${pkg.version}"`);
      return c.json(presentPackage(useCaseContext(c), pkg), 200);
    },
  );

  custodyRoutes(app);
  return app;
}
