import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { importRecords } from '../../domain/imports/import-records.js';
import { IMPORT_KINDS, type ImportKind, templateCsv } from '../../domain/imports/import-templates.js';
import { listImports } from '../../domain/imports/list-imports.js';
import { MAX_IMPORT_BYTES } from '../../domain/imports/read-csv.js';
import { actingWard } from '../../domain/shared/acting-ward.js';
import { authorize } from '../../domain/shared/authorize.js';
import type { AppEnv } from '../app-env.js';
import { requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { bearerSecurity, errorResponses, jsonResponse, PageQuery, pageOf } from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';
import { contentDisposition } from './attachments.routes.js';

/** The body limit of an import (src/app.ts applies it): the file's 2 MiB and the multipart envelope. */
export const importBodyLimit = bodyLimit({
  maxSize: MAX_IMPORT_BYTES + 64 * 1024,
  onError: () => {
    throw new HTTPException(413, { message: 'The request body exceeds the limit of 2 MiB for an import' });
  },
});

const Kind = z.enum(IMPORT_KINDS).openapi({
  param: { name: 'kind', in: 'path' },
  description:
    'contracts 委託契約, register 情報項目 (per contract, by 契約番号), handlers 取扱者名簿 (per contract)',
});

const TEMPLATE_FILE_NAMES: Record<ImportKind, string> = {
  contracts: '委託契約_取込み.csv',
  register: '情報項目_取込み.csv',
  handlers: '取扱者名簿_取込み.csv',
};

const ImportForm = z.object({
  file: z
    .custom<File>((value) => value instanceof File, { message: 'a file is required in the field "file"' })
    .openapi({
      type: 'string',
      format: 'binary',
      description: 'CSV, UTF-8 (with or without BOM), at most 2 MiB',
    }),
});

const ImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'dryRun', in: 'query' }, description: 'true: check only, write nothing' }),
});

const ImportSummarySchema = z
  .object({
    id: z.string().nullable().openapi({ description: 'null for a dry run' }),
    kind: z.enum(IMPORT_KINDS),
    dryRun: z.boolean(),
    fileName: z.string(),
    rowCount: z.number().int(),
    recordCount: z.number().int().openapi({
      description: 'contracts, registers or handler lists written (or that would be written)',
    }),
  })
  .openapi('ImportSummary');

const ImportRecordSchema = z
  .object({
    id: z.string(),
    kind: z.enum(IMPORT_KINDS),
    fileName: z.string(),
    sha256: z.string(),
    rowCount: z.number().int(),
    recordCount: z.number().int(),
    importedBy: z.string().nullable(),
    importedByName: z.string().nullable(),
    importedAt: z.string(),
  })
  .openapi('Import');

const common = { tags: ['imports'], security: bearerSecurity };

export function importRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Imports of existing records / 既存記録の取込み履歴',
      description:
        'The history of imports (既存記録の取込み) of the signed-in officer’s ward, newest first: which kind, which file and its SHA-256, how many rows and records, who and when. Only the ward’s officers who may create contracts see it; the permission is applied in the database, so anyone else gets an empty list. Paged with limit and cursor.',
      request: { query: PageQuery },
      responses: { 200: jsonResponse(pageOf(ImportRecordSchema), 'A page of imports'), ...errorResponses },
    }),
    async (c) => {
      const page = await listImports(useCaseContext(c), c.req.valid('query'));
      return c.json(
        {
          items: page.items.map((i) => ({ ...i, importedAt: i.importedAt.toISOString() })),
          nextCursor: page.nextCursor,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{kind}',
      summary: 'Import a file of existing records / 既存記録の取込み',
      description:
        'Imports (既存記録の取込み) a CSV filled in from the template of its kind: contracts, a contract’s data-item register (情報項目) or a contract’s handler roster (名簿), the last two naming their contract by 契約番号. Every row is checked and every problem is answered as 422 with `errors[]` naming the row (1 = headings, as Excel numbers them) and the column, in Japanese and English; nothing is written unless every row passes, and then everything in one transaction with an audit entry per record. `?dryRun=true` checks only. Refused as a whole: a file that is not UTF-8 (Shift_JIS), a cell starting with = + - @ (a formula), a contract number, department or company of another ward, more than 2,000 rows; a body over 2 MiB is 413. Dates are kept as recorded (history): the time rules of live recording do not apply. Only the ward’s officers who may create contracts import (403 for anyone else, companies included).',
      request: {
        params: z.object({ kind: Kind }),
        query: ImportQuery,
        body: { required: true, content: { 'multipart/form-data': { schema: ImportForm } } },
      },
      responses: {
        200: jsonResponse(ImportSummarySchema, 'Dry run: the file would import'),
        201: jsonResponse(ImportSummarySchema, 'Imported'),
        ...errorResponses,
        413: {
          description: 'Body over the limit / 本文が大きすぎます',
          content: errorResponses[422].content,
        },
      },
    }),
    async (c) => {
      const { kind } = c.req.valid('param');
      const { file } = c.req.valid('form');
      const dryRun = c.req.valid('query').dryRun === 'true';
      const summary = await importRecords(
        useCaseContext(c),
        kind,
        { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        { dryRun },
      );
      return dryRun ? c.json(summary, 200) : c.json(summary, 201);
    },
  );

  // `{kind}.csv` is one path segment that Hono's path syntax cannot split into a parameter and a
  // suffix, so the route is plain Hono with a pattern and its operation is registered by hand.
  app.openAPIRegistry.registerPath({
    ...common,
    method: 'get',
    path: '/templates/{kind}.csv',
    summary: 'Template to fill in for an import / 取込み用テンプレート',
    description:
      'The template (取込み用テンプレート) of one kind of import as CSV for Excel: UTF-8 with BOM, the headings as the seed forms name them (契約番号, 件名, 契約期間（開始）, 対象者, 項目名, 区分, 役割, 氏名, 従事開始日, …), one record per row below them. Dates as YYYY-MM-DD or 令和8年4月1日, 有/無 for yes and no. Only the ward’s officers who may create contracts download it (403 otherwise); an unknown kind is 404.',
    request: { params: z.object({ kind: Kind }) },
    responses: {
      200: {
        description: 'The template',
        content: { 'text/csv': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
      },
      ...errorResponses,
    },
  });
  app.get('/templates/:file{(contracts|register|handlers)\\.csv}', (c) => {
    const ctx = useCaseContext(c);
    authorize(ctx.ability, 'create', 'Import', { wardId: actingWard(ctx.actor) });
    const kind = c.req.param('file').replace(/\.csv$/, '') as ImportKind;
    return c.body(templateCsv(kind), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(TEMPLATE_FILE_NAMES[kind]),
    });
  });

  return app;
}
