import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { importRecords } from '../../domain/imports/import-records.js';
import { IMPORT_KINDS, type ImportKind, templateCsv } from '../../domain/imports/import-templates.js';
import { listImports } from '../../domain/imports/list-imports.js';
import { MAX_IMPORT_BYTES } from '../../domain/imports/read-csv.js';
import { readImportedHistory } from '../../domain/imports/read-imported-history.js';
import { templateXlsx, XLSX_TYPE } from '../../domain/imports/write-xlsx.js';
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
    'contracts 委託契約, register 情報項目 (per contract, by 契約番号), handlers 取扱者名簿 (per contract), approvals 再委託の承認（過去の記録）, handovers 媒体の受渡し・消去（過去の記録）',
});

/** `contracts.csv`, `handovers.xlsx`, …: one path segment, the kind and the format. */
export const TEMPLATE_PATH = `:file{(${IMPORT_KINDS.join('|')})\\.(csv|xlsx)}`;

const TEMPLATE_FILE_NAMES: Record<ImportKind, string> = {
  contracts: '委託契約_取込み',
  register: '情報項目_取込み',
  handlers: '取扱者名簿_取込み',
  approvals: '再委託の承認_過去の記録_取込み',
  handovers: '媒体の受渡し・消去_過去の記録_取込み',
};

const ImportForm = z.object({
  file: z
    .custom<File>((value) => value instanceof File, { message: 'a file is required in the field "file"' })
    .openapi({
      type: 'string',
      format: 'binary',
      description:
        'An Excel workbook (.xlsx: its first sheet, or the sheet named like the template) or CSV in UTF-8 (with or without BOM), at most 2 MiB',
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
      description: 'contracts, registers, handler lists or past records written (or that would be written)',
    }),
    people: z
      .array(
        z.object({
          row: z.number().int(),
          contractNumber: z.string(),
          fullName: z.string(),
          match: z.enum(['existing', 'new']),
          handlerId: z.string().nullable(),
        }),
      )
      .optional()
      .openapi({
        description:
          'A roster (handlers): each row’s person, matched to a handler the contractor already registered (existing, with its id) or new',
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
        'Imports (既存記録の取込み) an Excel workbook (.xlsx) or a CSV filled in from the template of its kind: contracts, a contract’s data-item register (情報項目), a contract’s handler roster (名簿), past sub-contracting approvals (再委託の承認) or past handovers, returns and erasures (媒体の受渡し・消去), all but the first naming their contract by 契約番号. A workbook is read from the sheet named like the template, else its first sheet; the template’s note row (cells starting with ※) is skipped. Every row is checked and every problem is answered as 422 with `errors[]` naming the row (1 = headings, as Excel numbers them), the column and the cell (B7), in Japanese and English; nothing is written unless every row passes, and then everything in one transaction with an audit entry per record. `?dryRun=true` checks only; for a roster it reports in `people` which rows name a handler the contractor already registered (same company, same name and フリガナ after folding full-width and half-width forms and spaces: reused, not duplicated) and which are new. Refused as a whole: a CSV that is not UTF-8 (Shift_JIS), an old .xls, a macro-enabled workbook (.xlsm or one holding a VBA project), a workbook linking to other workbooks or unpacking to more than 16 MiB (a zip bomb), more than 2,000 rows; refused by cell: a formula (any cell holding one, including references to other sheets) or a value starting with = + - @, a contract number, department or company of another ward; a body over 2 MiB is 413. Dates are kept as recorded (history), and past approvals and handovers are recorded as history (取込み（過去の記録）) — the time rules of live recording (a password notice at least an hour after the media, nothing in the future beyond clock skew, the receiver on an acknowledged handler list) do not apply to them; a past record may only not be dated after the day of the import. Only the ward’s officers who may create contracts import (403 for anyone else, companies included).',
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
  // suffix, so the routes are plain Hono with a pattern and their operations are registered by hand.
  for (const extension of ['csv', 'xlsx'] as const) {
    app.openAPIRegistry.registerPath({
      ...common,
      method: 'get',
      path: `/templates/{kind}.${extension}`,
      summary: `Template to fill in for an import (${extension === 'csv' ? 'CSV' : 'Excel'}) / 取込み用テンプレート`,
      description:
        extension === 'csv'
          ? 'The template (取込み用テンプレート) of one kind of import as CSV for Excel: UTF-8 with BOM, the headings as the seed forms name them (契約番号, 件名, 契約期間（開始）, 対象者, 項目名, 区分, 役割, 氏名, 従事開始日, 承認日, 日時, …), one record per row below them. Dates as YYYY-MM-DD or 令和8年4月1日, 有/無 for yes and no. Only the ward’s officers who may create contracts download it (403 otherwise); an unknown kind is 404.'
          : 'The template (取込み用テンプレート) of one kind of import as an Excel workbook: one sheet named like the kind, the headings in row 1 and a note row under them (every note starts with ※ and says whether the column is required, its format and the words it takes; the import skips it), the panes frozen below the notes, date columns formatted as dates and the others as text. Only the ward’s officers who may create contracts download it (403 otherwise); an unknown kind is 404.',
      request: { params: z.object({ kind: Kind }) },
      responses: {
        200: {
          description: 'The template',
          content: {
            [extension === 'csv' ? 'text/csv' : XLSX_TYPE]: {
              schema: z.string().openapi({ type: 'string', format: 'binary' }),
            },
          },
        },
        ...errorResponses,
      },
    });
  }
  app.get(`/templates/${TEMPLATE_PATH}`, (c) => {
    const ctx = useCaseContext(c);
    authorize(ctx.ability, 'create', 'Import', { wardId: actingWard(ctx.actor) });
    const [kind, extension] = (c.req.param('file') ?? '').split('.') as [ImportKind, 'csv' | 'xlsx'];
    const name = `${TEMPLATE_FILE_NAMES[kind]}.${extension}`;
    if (extension === 'xlsx')
      return c.body(templateXlsx(kind), 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': contentDisposition(name),
      });
    return c.body(templateCsv(kind), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(name),
    });
  });

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/history/{contractId}',
      summary: 'A contract’s imported past records / 取込み（過去の記録）',
      description:
        'The past sub-contracting approvals (再委託の承認), handovers of media and password notices, returns and erasures (媒体の受渡し・消去) brought in for one contract by imports, oldest first, each marked 取込み（過去の記録）: the day (an approval) or day and time (a handover, Japan time as recorded), the kind, the file’s row and its cells by the template’s headings. They are history as the ward recorded it, not steps of the product’s workflows, and the time rules of live recording were not applied to them. Whoever may read the contract reads them; a contract the caller may not see is 404.',
      request: { params: z.object({ contractId: z.string().uuid() }) },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.enum([
                  'subcontract_approval',
                  'media_handover',
                  'password_handover',
                  'return',
                  'erasure',
                ]),
                occurredAt: z.string(),
                dateOnly: z.boolean(),
                importId: z.string(),
                sourceRow: z.number().int(),
                details: z.record(z.string(), z.string()),
              }),
            ),
          }),
          'The contract’s imported past records',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const items = await readImportedHistory(useCaseContext(c), c.req.valid('param').contractId);
      return c.json({ items: items.map((i) => ({ ...i, occurredAt: i.occurredAt.toISOString() })) }, 200);
    },
  );

  return app;
}
