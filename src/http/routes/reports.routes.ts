import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { FORM_LEAD, FORM_TITLE, QUESTIONS } from '../../../forms/compliance-report/compliance-report.form.js';
import { readLinkAnswer } from '../../domain/answer-links/read-link-answer.js';
import { actOnReport, type ReportCommand, reportActions } from '../../domain/reports/act-on-report.js';
import { getReport, listReports } from '../../domain/reports/read-reports.js';
import type { ComplianceReport } from '../../domain/reports/report.repository.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { readContext } from '../middleware/read-replica.js';
import { complianceReportPdf } from '../pdf-documents.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  ListView,
  PageQuery,
  pageOfView,
  Uuid,
} from '../schemas/common.js';
import {
  ReportAnswersBody,
  ReportListItemSchema,
  ReportSchema,
  ReportWardStepBody,
} from '../schemas/reports.js';
import { validationHook } from '../validation-hook.js';

const common = { tags: ['compliance reports'], security: bearerSecurity };

function present(viewer: Viewer, r: ComplianceReport & { overdue?: boolean; steps?: Array<{ at: Date }> }) {
  const { chainOrgIds: _c, machine: _m, ...rest } = r;
  return {
    ...rest,
    allowedActions: reportActions(viewer, r),
    answers: rest.answers as Record<string, unknown>,
    prefill: rest.prefill as Record<string, unknown>,
    submittedAt: rest.submittedAt?.toISOString() ?? null,
    issuedAt: rest.issuedAt.toISOString(),
    ...(rest.steps && { steps: rest.steps.map((s) => ({ ...s, at: s.at.toISOString() })) }),
  } as z.infer<typeof ReportSchema>;
}

/** The list's compact form of a report (ReportListItemSchema): the answers stay on the detail. */
function presentListItem(
  viewer: Viewer,
  r: ComplianceReport & { overdue: boolean },
): z.infer<typeof ReportListItemSchema> {
  return {
    allowedActions: reportActions(viewer, r),
    id: r.id,
    wardId: r.wardId,
    contractId: r.contractId,
    organisationId: r.organisationId,
    period: r.period,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    dueOn: r.dueOn,
    status: r.status,
    overdue: r.overdue,
    chain: r.chain,
    step: r.step,
    receivedOn: r.receivedOn,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    issuedAt: r.issuedAt.toISOString(),
    version: r.version,
    discrepancyCount: r.discrepancies.length,
  };
}

/** Each command with its summary, its description and the body it reads. */
const COMMANDS: Array<[ReportCommand, string, string, typeof ReportAnswersBody | typeof ReportWardStepBody]> =
  [
    [
      'save',
      'Save the answers as a draft (受託者) / 一時保存',
      'The manager (統括責任者) of the contractor (受託者) the report was issued to saves its answers to the nine questions of 別紙5 as a draft (一時保存), complete or not; left out, the saved answers stay. Allowed while the report is issued (未回答), a draft or returned (差戻し); once submitted it is refused (409). Its staff, and the contractor above a sub-contractor (who may read the report), get 403; anyone who may not see it 404; a stale version 409; an answer of the wrong shape 422.',
      ReportAnswersBody,
    ],
    [
      'submit',
      'Submit the report (受託者) / 提出',
      'The contractor’s manager (統括責任者) submits the report (提出) with the answers sent, or those saved. Every answer must be complete — what each yes or no calls for (the free text, the attached copies, the handler list) is checked question by question, and a missing one is refused 422 with the field named (`answers.q3.text`). On submission the answers are compared with the records (incidents, handler lists, trainings, sub-contracting approvals) and the differences are kept as `discrepancies` for the ward’s reviewer. Allowed from issued, draft or returned; otherwise 409. 403 for anyone but the manager of the reporting company.',
      ReportAnswersBody,
    ],
    [
      'receive',
      'Record receipt (受付) / 受付',
      'The ward records receipt (受付) of a submitted report: the first signer of the ward’s sign-off chain (担当者) takes it, the 受付日 is today in Japan time, and the report is then signed in turn (決裁). Reads only a comment; the answers are the contractor’s and cannot be changed here. Refused 409 unless the report is submitted and the actor holds the first role of the chain (the message names whose turn it is); 403 for a user who may not sign reports.',
      ReportWardStepBody,
    ],
    [
      'sign',
      'Sign the awaited step (担当者 → 係長 → 課長) / 決裁',
      'The ward signer whose turn it is signs the received report (決裁: 担当者 → 係長 → 課長, as the ward’s chain says); the last signature makes it signed off (決裁済み). Reads only a comment. Refused 409 when the report is not received or it is another role’s turn (the problem names the awaited role); 403 for a user who may not sign.',
      ReportWardStepBody,
    ],
    [
      'return',
      'Return for correction / 差戻し',
      'The ward returns the report to the contractor for correction (差戻し): the comment says what must be corrected and is shown to the contractor, who saves and submits again; the sign-off starts over. Allowed to the first signer while submitted, or to the signer whose turn it is while received; otherwise 409. 403 for a user who may not sign.',
      ReportWardStepBody,
    ],
  ];

/** 個人情報特記事項の遵守に関する報告書 (seed 001 別紙5), issued six-monthly by the scheduler. */
export function reportRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/form',
      summary: 'The nine questions of 別紙5 and what each answer calls for / 様式',
      description:
        'The form of the six-monthly compliance report (個人情報特記事項の遵守に関する報告書, seed 001 別紙5): its title, lead text and the nine yes/no questions, each with what a yes or a no calls for — free text, copies attached, the handler list. Submission checks the answers against exactly these rules.',
      responses: {
        200: jsonResponse(
          z.object({
            title: z.string(),
            lead: z.string(),
            questions: z.array(z.record(z.string(), z.unknown())),
          }),
          'The form',
        ),
        ...errorResponses,
      },
    }),
    (c) => c.json({ title: FORM_TITLE, lead: FORM_LEAD, questions: QUESTIONS.map((q) => ({ ...q })) }, 200),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Reports you may see, by due date / 報告書の一覧',
      description:
        "The compliance reports (遵守状況報告書, 別紙5) the signed-in user may see, by due date, with `allowedActions`. Items are compact by default — whose report, the half-year, due day, state, whose turn and `discrepancyCount`; the answers, the prefill and the differences are on the detail route — and whole with `view=full`. The scheduler issues one per half-year (April–September, October–March, Japan time) to each contractor and each sub-contractor of an approved sub-contract of a contract handling personal information. The ward's signers and inspectors see their ward's; a company its own and those of the chain below it. Filter by `period` (2026H1), status, contract, `overdue=true` (past their due date and still with the contractor) or `withDiscrepancies=true` (answers that differ from the records). Filtered in the database.",
      request: {
        query: PageQuery.extend({
          period: z
            .string()
            .regex(/^\d{4}H[12]$/)
            .optional(),
          status: z.enum(['issued', 'draft', 'submitted', 'returned', 'received', 'signed_off']).optional(),
          contractId: Uuid.optional(),
          overdue: z.enum(['true', 'false']).optional(),
          withDiscrepancies: z.enum(['true', 'false']).optional(),
          view: ListView,
        }),
      },
      responses: {
        200: jsonResponse(
          pageOfView(ReportListItemSchema, ReportSchema),
          'A page of reports: compact items by default, whole ones with view=full',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { view, ...q } = c.req.valid('query');
      const page = await listReports(await readContext(c), {
        ...q,
        overdue: q.overdue === 'true',
        withDiscrepancies: q.withDiscrepancies === 'true',
      });
      const ctx = useCaseContext(c);
      const items = page.items.map((r) => (view === 'full' ? present(ctx, r) : presentListItem(ctx, r)));
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One report, prefilled from the records while open / 報告書',
      description:
        'One compliance report (報告書) with its answers, its state (未回答, 下書き, 提出済み, 差戻し, 受付済み, 決裁済み), the steps of its sign-off and `allowedActions`. `answeredThroughLink` names the company’s contact who submitted it through a one-time link (回答用リンク), if one did. While it is with the contractor, `prefill` is computed from the records as they stand (incidents, handler lists, trainings, sub-contracting approvals) to help answer; after submission it is what the contractor saw, and `discrepancies` lists where the answers differ from the records. The ETag is the version. 404 for a report you may not see.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(ReportSchema, 'The report'), ...errorResponses },
    }),
    async (c) => {
      const report = await getReport(useCaseContext(c), c.req.valid('param').id);
      const viaLink = await readLinkAnswer(useCaseContext(c), report);
      c.header('etag', `"${report.version}"`);
      return c.json(
        {
          ...present(useCaseContext(c), report),
          answeredThroughLink: viaLink && { ...viaLink, usedAt: viaLink.usedAt.toISOString() },
        },
        200,
      );
    },
  );

  for (const [command, summary, description, body] of COMMANDS) {
    app.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/{id}/${command}`,
        summary,
        description,
        request: { params: IdParam, body: jsonBody(body) },
        responses: { 200: jsonResponse(ReportSchema, 'The report after the step'), ...errorResponses },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const { version, comment } = body;
        const answers = 'answers' in body ? body.answers : undefined;
        const report = await actOnReport(
          useCaseContext(c),
          c.req.valid('param').id,
          command,
          { answers, comment },
          expectedVersion(c, version),
        );
        return c.json(present(useCaseContext(c), report), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/pdf',
      summary: 'The report in the layout of 別紙5, with the 区記入欄 / 報告書（PDF）',
      description:
        "The compliance report as a Japanese PDF in the layout of seed 001 別紙5, with the answers, 令和 dates and the ward's box (受付日 and the stamps of 課長・係長・担当者, filled as signed). Read like the report itself: 404 for one you may not see.",
      request: { params: IdParam },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => (await complianceReportPdf(c, c.req.valid('param').id)) as never,
  );

  return app;
}
