import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { OperationalReport } from '../../domain/operational-reports/operational-report.repository.js';
import {
  actOnOperationalReport,
  fileAdhocReport,
  getOperationalReport,
  listOperationalReports,
  type OperationalReportCommand,
  operationalReportActions,
} from '../../domain/operational-reports/operational-reports.js';
import {
  readOperationalReportSettings,
  updateOperationalReportSettings,
} from '../../domain/operational-reports/report-settings.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import {
  AllowedActions,
  bearerSecurity,
  CommentStepBody,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  PageQuery,
  pageOf,
  requiredText,
  text,
  Uuid,
  VersionField,
} from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';

const common = { tags: ['operational reports'], security: bearerSecurity };
const Kind = z.enum(['daily', 'monthly', 'yearly', 'adhoc']).openapi({
  description: 'daily 業務日報, monthly 業務月報, yearly 業務年報, adhoc 随時報告 (seed 004 4(4)②)',
});
const AdhocKind = z.enum(['trouble', 'urgent', 'consultation', 'staff_change']).openapi({
  description:
    'trouble トラブル発生, urgent 緊急課題, consultation 協議事項（改善策の立案・提示を含む）, staff_change 業務従事者交代',
});
const Status = z.enum(['issued', 'returned', 'submitted', 'received', 'signed_off', 'accepted']);

const ReportSchema = z
  .object({
    allowedActions: AllowedActions,
    id: z.string(),
    wardId: z.string(),
    contractId: z.string(),
    organisationId: z.string(),
    kind: Kind,
    adhocKind: AdhocKind.nullable(),
    period: z.string().nullable().openapi({ description: '2026-12-08, 2026-12 or FY2026; null for ad-hoc' }),
    periodFrom: z.string(),
    periodTo: z.string(),
    dueOn: z.string(),
    overdue: z.boolean(),
    status: z.string().openapi({
      description:
        'issued 未提出, returned 差戻し, submitted 提出済み（受付待ち）, received 受付済み（決裁中）, signed_off 決裁済み, accepted 受付済み (a daily report: receipt only)',
    }),
    receiptOnly: z.boolean(),
    chain: z.array(z.string()),
    step: z.number(),
    title: z.string().nullable(),
    results: z.string().nullable(),
    serviceLevel: z.string().nullable(),
    issues: z.string().nullable(),
    body: z.string().nullable(),
    submittedAt: z.string().nullable(),
    receivedOn: z.string().nullable(),
    returnComment: z.string().nullable(),
    issuedAt: z.string(),
    version: z.number(),
  })
  .openapi('OperationalReport');

const StepSchema = z.object({
  seq: z.number(),
  role: z.string(),
  decision: z.string(),
  comment: z.string().nullable(),
  userName: z.string().nullable(),
  at: z.string(),
});

const SettingsSchema = z
  .object({ contractId: z.string(), requiredKinds: z.array(Kind), version: z.number() })
  .openapi('OperationalReportSettings');

function present(viewer: Viewer, r: OperationalReport & { overdue: boolean }) {
  const { machine: _m, ...rest } = r;
  return {
    ...rest,
    allowedActions: operationalReportActions(viewer, r),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    issuedAt: r.issuedAt.toISOString(),
  };
}

const COMMANDS: Array<[OperationalReportCommand, string, string]> = [
  [
    'submit',
    'Submit the report / 提出',
    'By the contractor, while the report is issued (未提出) or returned (差戻し). A daily report needs its 実績 (results); a monthly one its 実績 and サービス水準の達成状況 (serviceLevel), with 課題 (issues); a yearly one also its 研修内容及び実績 (body). What is missing is a 422 field by field.',
  ],
  [
    'receive',
    'Receive the report / 受付',
    'By the first of the city’s sign-off chain (担当者). A daily report is then accepted (受付済み); the others go on to the chain’s 決裁. Another signer gets a 409.',
  ],
  [
    'sign',
    'Sign the report off / 決裁',
    'The signer whose turn it is in the city’s sign-off chain (係長, then 課長) signs the received report (決裁); the last signature closes it. Another role, or a report not yet received, gets a 409; a company user a 403; 404 for a report you may not read.',
  ],
  [
    'return',
    'Return it for correction / 差戻し',
    'The signer whose turn it is, with a comment (422 without); the contractor submits it again.',
  ],
];

const SubmitBody = z
  .object({
    results: text(10000).nullish().openapi({ description: '業務実績' }),
    serviceLevel: text(10000).nullish().openapi({ description: 'サービス水準の達成状況' }),
    issues: text(10000).nullish().openapi({ description: '業務履行上の課題' }),
    body: text(10000).nullish().openapi({ description: '研修内容及び実績 (yearly) / 報告の内容' }),
    comment: text(3000).nullish(),
    version: VersionField,
  })
  .openapi('OperationalReportSubmitBody');

/** 業務報告: the contractor's daily, monthly, yearly and ad-hoc reports to the city (seed 004). */
export function operationalReportRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Operational reports you may see / 業務報告の一覧',
      description:
        'The city sees its own (signers and inspectors); the contractor its own. A sub-contractor, another company or a council reviewer sees none. Latest due date first; `overdue=true` lists those past due and still with the contractor. Permissions apply in SQL.',
      request: {
        query: PageQuery.extend({
          contractId: Uuid.optional(),
          kind: Kind.optional(),
          status: Status.optional(),
          overdue: z.enum(['true', 'false']).optional(),
        }),
      },
      responses: { 200: jsonResponse(pageOf(ReportSchema), 'A page of reports'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listOperationalReports(useCaseContext(c), { ...q, overdue: q.overdue === 'true' });
      return c.json(
        { items: page.items.map((r) => present(useCaseContext(c), r)), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'File an ad-hoc report / 随時報告',
      description:
        'By the contractor, at once after the event (トラブル, 緊急課題, 協議事項, 業務従事者交代): filed already submitted, to be received and signed by the city. Refused with a 409 where the contract does not provide for ad-hoc reports or is not being performed; 404 for a contract the company does not hold.',
      request: {
        body: jsonBody(
          z.object({
            contractId: Uuid,
            adhocKind: AdhocKind,
            title: requiredText(200).openapi({ description: '件名' }),
            body: requiredText(10000).openapi({ description: '報告の内容' }),
          }),
        ),
      },
      responses: { 201: jsonResponse(ReportSchema, 'Filed'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const report = await fileAdhocReport(ctx, c.req.valid('json'));
      return c.json(present(ctx, { ...report, overdue: false }), 201);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One operational report with its history / 業務報告',
      description:
        'One operational report (業務報告) with its contents, its due day, the steps taken (提出, 受付, 決裁, 差戻し) and `allowedActions`. Readable by the city’s staff and the contract’s contractor; 404 for anyone else.',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(ReportSchema.extend({ steps: z.array(StepSchema) }), 'The report'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { steps, stamps: _s, ...report } = await getOperationalReport(ctx, c.req.valid('param').id);
      return c.json(
        {
          ...present(ctx, report),
          steps: steps.map((s) => ({ ...s, userId: undefined, at: s.at.toISOString() })),
        },
        200,
      );
    },
  );

  for (const [command, summary, description] of COMMANDS) {
    app.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/{id}/${command}`,
        summary,
        description,
        request: {
          params: IdParam,
          // submitting reads the report's contents; the city's steps read a comment only
          body: jsonBody(command === 'submit' ? SubmitBody : CommentStepBody),
        },
        responses: { 200: jsonResponse(ReportSchema, 'The report after the step'), ...errorResponses },
      }),
      async (c) => {
        const ctx = useCaseContext(c);
        const { version, ...input } = c.req.valid('json');
        const report = await actOnOperationalReport(
          ctx,
          c.req.valid('param').id,
          command,
          input,
          expectedVersion(c, version),
        );
        return c.json(present(ctx, { ...report, overdue: false }), 200);
      },
    );
  }
  return app;
}

/** Which operational reports a contract requires. */
export function operationalReportSettingsRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/operational-report-settings',
      summary: 'Which operational reports the contract requires / 業務報告の設定',
      description:
        'A contract without settings of its own requires none (version 0). Whoever may read the contract may read them.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(SettingsSchema, 'The settings in force'), ...errorResponses },
    }),
    async (c) => c.json(await readOperationalReportSettings(useCaseContext(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: '/{id}/operational-report-settings',
      summary: 'Set which operational reports the contract requires / 業務報告の設定',
      description:
        'By whoever may edit the contract (the city’s privacy officer); audited (contract.operational_report_settings_update). The scheduler issues the periodic ones from its next run; reports already issued stay. A stale version is a 409.',
      request: {
        params: IdParam,
        body: jsonBody(
          z.object({
            requiredKinds: z.array(Kind).max(4),
            version: z
              .number()
              .int()
              .min(0)
              .optional()
              .openapi({ description: 'The version you read (0: none yet)' }),
          }),
        ),
      },
      responses: { 200: jsonResponse(SettingsSchema, 'The settings after the change'), ...errorResponses },
    }),
    async (c) => {
      const { version, ...input } = c.req.valid('json');
      return c.json(
        await updateOperationalReportSettings(
          useCaseContext(c),
          c.req.valid('param').id,
          input,
          expectedVersion(c, version),
        ),
        200,
      );
    },
  );
  return app;
}
