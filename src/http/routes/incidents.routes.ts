import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  actOnIncident,
  type IncidentCommand,
  incidentActions,
} from '../../domain/incidents/act-on-incident.js';
import type { Incident } from '../../domain/incidents/incident.repository.js';
import { type LateReport, lateReportOf } from '../../domain/incidents/late-report.js';
import { getIncident, listIncidents } from '../../domain/incidents/read-incidents.js';
import { reportIncident } from '../../domain/incidents/report-incident.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { readContext } from '../middleware/read-replica.js';
import {
  AllowedActions,
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  ListView,
  PageQuery,
  pageOfView,
  requiredText,
  text,
  Uuid,
  VersionField,
} from '../schemas/common.js';
import { DateText } from '../schemas/contracts.js';
import { validationHook } from '../validation-hook.js';
import { addBreachRoutes, IncidentBreachSchema, presentBreach } from './incident-breach.routes.js';

const common = { tags: ['incidents'], security: bearerSecurity };
const Instant = z.iso.datetime({ offset: true });

const IncidentSchema = z
  .object({
    allowedActions: AllowedActions,
    id: z.string(),
    wardId: z.string(),
    contractId: z.string(),
    reportingOrgId: z.string(),
    status: z.string(),
    information: z.string(),
    recordCount: z.number().nullable(),
    location: z.string(),
    circumstances: z.string(),
    occurredAt: z.string().nullable(),
    discoveredAt: z.string(),
    reportedAt: z.string(),
    wardInstructions: z.string().nullable(),
    response: z.string().nullable(),
    rootCause: z.string().nullable(),
    prevention: z.string().nullable(),
    published: z.boolean(),
    publishedOn: z.string().nullable(),
    chain: z.array(z.string()),
    step: z.number(),
    closedAt: z.string().nullable(),
    breach: IncidentBreachSchema,
    version: z.number(),
    lateReport: z
      .object({
        hoursAfterDiscovery: z.number(),
        article: z.string().nullable(),
        en: z.string(),
        ja: z.string(),
      })
      .nullable()
      .optional()
      .openapi({
        description:
          "報告の遅延: on one incident (not in lists), set when it was reported 24 hours or more after its discovery (「直ちに」), with the article of the contract's 特記事項 that requires the report",
      }),
  })
  .openapi('Incident');

/**
 * An incident in a list (issue 21): what happened to which information, where and when, its state,
 * whose turn, whether a breach report is due and when, and `allowedActions`. The accounts
 * (経緯, 区の指示, 対応, 原因, 再発防止策) and the breach questions' answers stay on the detail route,
 * or `view=full`.
 */
const IncidentListItemSchema = IncidentSchema.pick({
  allowedActions: true,
  id: true,
  wardId: true,
  contractId: true,
  reportingOrgId: true,
  status: true,
  information: true,
  recordCount: true,
  location: true,
  occurredAt: true,
  discoveredAt: true,
  reportedAt: true,
  published: true,
  publishedOn: true,
  chain: true,
  step: true,
  closedAt: true,
  version: true,
})
  .extend({
    breach: IncidentBreachSchema.pick({
      required: true,
      preliminaryDueOn: true,
      finalDueOn: true,
      preliminarySentOn: true,
      finalSentOn: true,
    }),
  })
  .openapi('IncidentListItem');

function presentListItem(viewer: Viewer, i: Incident): z.infer<typeof IncidentListItemSchema> {
  const { required, preliminaryDueOn, finalDueOn, preliminarySentOn, finalSentOn } = i.breach;
  return {
    allowedActions: incidentActions(viewer, i),
    id: i.id,
    wardId: i.wardId,
    contractId: i.contractId,
    reportingOrgId: i.reportingOrgId,
    status: i.status,
    information: i.information,
    recordCount: i.recordCount,
    location: i.location,
    occurredAt: i.occurredAt?.toISOString() ?? null,
    discoveredAt: i.discoveredAt.toISOString(),
    reportedAt: i.reportedAt.toISOString(),
    published: i.published,
    publishedOn: i.publishedOn,
    chain: i.chain,
    step: i.step,
    closedAt: i.closedAt?.toISOString() ?? null,
    version: i.version,
    breach: { required, preliminaryDueOn, finalDueOn, preliminarySentOn, finalSentOn },
  };
}

function present(viewer: Viewer, incident: Incident, lateReport?: LateReport | null) {
  const { chainOrgIds: _c, machine: _m, ...i } = incident;
  return {
    ...i,
    ...(lateReport !== undefined && { lateReport }),
    allowedActions: incidentActions(viewer, incident),
    occurredAt: i.occurredAt?.toISOString() ?? null,
    discoveredAt: i.discoveredAt.toISOString(),
    reportedAt: i.reportedAt.toISOString(),
    closedAt: i.closedAt?.toISOString() ?? null,
    breach: presentBreach(incident),
  };
}

const Comment = text(3000)
  .nullish()
  .openapi({ description: 'The comment of this step (shown in the history)' });

/** The steps of an incident's own flow; the breach report's commands have routes of their own (addBreachRoutes). */
type StepCommand = Exclude<IncidentCommand, 'assess-breach' | 'record-breach-report'>;

/** The body each command reads, and nothing more (the server drops any other field). */
const BODIES = {
  instruct: z
    .object({
      instructions: text(5000)
        .nullish()
        .openapi({ description: '指示内容 — required (422 when blank); added below earlier instructions' }),
      comment: Comment,
      version: VersionField,
    })
    .openapi('IncidentInstructBody'),
  respond: z
    .object({
      response: text(5000).nullish().openapi({ description: '対応内容 — required (422 when blank)' }),
      rootCause: text(5000).nullish().openapi({ description: '原因 — required (422 when blank)' }),
      prevention: text(5000).nullish().openapi({ description: '再発防止策 — required (422 when blank)' }),
      comment: Comment,
      version: VersionField,
    })
    .openapi('IncidentRespondBody'),
  sign: z.object({ comment: Comment, version: VersionField }).openapi('IncidentSignBody'),
  'send-back': z
    .object({
      comment: text(3000)
        .nullish()
        .openapi({ description: 'What the response lacks (shown to the reporter)' }),
      version: VersionField,
    })
    .openapi('IncidentSendBackBody'),
  publish: z
    .object({
      publishedOn: DateText.nullish().openapi({
        description: '公表日 (a Japanese calendar day) — required (422 when missing)',
      }),
      comment: Comment,
      version: VersionField,
    })
    .openapi('IncidentPublishBody'),
} satisfies Record<StepCommand, z.ZodType>;

const COMMANDS: Array<[StepCommand, string, string]> = [
  [
    'instruct',
    "Record the ward's instructions / 区の指示",
    'A ward signer (担当者, 係長 or 課長 of the ward’s sign-off chain) records instructions (指示) to the reporting organisation; the first instruction moves a reported incident to in progress (対応中), and later ones are added below the earlier ones while it is in progress. `instructions` is required (422 when blank). Refused 409 once the organisation has responded or the incident is closed, and for a ward user who holds no role of the chain; 403 for a company user; 404 for an incident you may not see.',
  ],
  [
    'respond',
    'Report the response, root cause and prevention / 対応・原因・再発防止策の報告',
    'The reporting organisation’s manager (統括責任者) reports what it did (対応内容), the root cause (原因) and the prevention of recurrence (再発防止策) — all three are required (422 names each one missing). Allowed only after the ward has instructed (in progress, 対応中); before that, after a response, or once closed it is refused 409. The ward’s sign-off then starts from the first signer. 403 for the organisation’s staff who are not its manager and for the contractor above a sub-contractor (who may read it); 404 for anyone who may not see it.',
  ],
  [
    'sign',
    'Sign the closing step (担当者 → 係長 → 課長) / 決裁',
    'The ward signer whose turn it is signs the response (決裁, 担当者 → 係長 → 課長 as the ward’s chain says); the last signature closes the incident (完了) and records when. Reads only a comment. Refused 409 before a response is reported, after closing, or when it is another role’s turn (the problem names the awaited role); 403 for a user who may not sign.',
  ],
  [
    'send-back',
    'Send the response back / 差戻し',
    'The ward signer whose turn it is sends the response back (差戻し) to the reporting organisation, which must respond again; the comment says what is lacking, and the sign-off starts over. Allowed only while the response awaits sign-off (responded) and it is the actor’s turn; otherwise 409. 403 for a user who may not sign.',
  ],
  [
    'publish',
    'Record that the ward published the incident / 公表の記録',
    'A ward signer records that the ward published the incident (公表) and on which day (`publishedOn`, required: 422 when missing). Publication is the ward’s decision, taken once at any stage, and does not move the incident’s state; a second publication is refused 409, as is one by a ward user outside the sign-off chain. 403 for a company user.',
  ],
];

/** 事故報告: reported at once by whoever is in the chain; a sub-contractor's goes straight to the ward. */
export function incidentRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Incidents you may see / 事故報告の一覧',
      description:
        "The incidents (事故報告) the signed-in user may see, newest first, with `allowedActions`. Items are compact by default — what information, where, when, state, whose turn and whether a breach report (漏えい等報告) is due; the accounts (経緯, 指示, 対応, 原因, 再発防止策) and the breach answers are on the detail route — and whole with `view=full`. The ward's signers and inspectors see their ward's; a company sees those it reported and those of the sub-contractors below it. Council reviewers see none. Filter by status (報告受付, 対応中, 対応報告済み, 完了) or contract. Filtered in the database; a malformed cursor is 422.",
      request: {
        query: PageQuery.extend({
          status: z.enum(['reported', 'in_progress', 'responded', 'closed']).optional(),
          contractId: Uuid.optional(),
          view: ListView,
        }),
      },
      responses: {
        200: jsonResponse(
          pageOfView(IncidentListItemSchema, IncidentSchema),
          'A page of incidents: compact items by default, whole ones with view=full',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { view, ...query } = c.req.valid('query');
      const page = await listIncidents(await readContext(c), query);
      const ctx = useCaseContext(c);
      const items = page.items.map((i) => (view === 'full' ? present(ctx, i) : presentListItem(ctx, i)));
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Report an incident at once / 事故の報告',
      description:
        "Any staff member of a contract's contractor — or sub-contractor — reports an incident at once (事故の報告, whoever is at fault): which personal information (どの個人情報が), how many records (何件), where (どこで), how it happened (どのように), when it occurred if known and when it was discovered (`discoveredAt`, not in the future: 422). A sub-contractor's report reaches the ward directly (甲に対して通知) and the contractor above it; the ward's signers and the contractor above are notified in the same transaction. The ward's sign-off chain as it stands is fixed on the incident. A contract the organisation is not the contractor of, or cannot see (a sub-contract not approved for it), is 404; 403 for ward and council users.",
      request: {
        body: jsonBody(
          z.object({
            contractId: Uuid,
            information: requiredText(2000).openapi({ description: 'どの個人情報が' }),
            recordCount: z.number().int().min(0).max(100_000_000).nullish().openapi({ description: '何件' }),
            location: requiredText(1000).openapi({ description: 'どこで' }),
            circumstances: requiredText(5000).openapi({ description: 'どのように' }),
            occurredAt: Instant.nullish(),
            discoveredAt: Instant,
          }),
        ),
      },
      responses: {
        201: jsonResponse(IncidentSchema, 'Reported; the ward and the contractor above are notified'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const incident = await reportIncident(ctx, c.req.valid('json'));
      return c.json(present(ctx, incident, await lateReportOf(ctx.db, incident)), 201);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One incident / 事故報告',
      description:
        "One incident (事故報告) with what was reported, the ward's instructions (指示), the organisation's response, root cause and prevention, whether and when it was published (公表), its sign-off and `allowedActions`. Readable by the ward's signers and inspectors, the reporting organisation and the contractor above it; 404 for anyone else.",
      request: { params: IdParam },
      responses: { 200: jsonResponse(IncidentSchema, 'The incident'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const incident = await getIncident(ctx, c.req.valid('param').id);
      return c.json(present(ctx, incident, await lateReportOf(ctx.db, incident)), 200);
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
        request: { params: IdParam, body: jsonBody(BODIES[command]) },
        responses: { 200: jsonResponse(IncidentSchema, 'The incident after the step'), ...errorResponses },
      }),
      async (c) => {
        const { version, ...input } = c.req.valid('json');
        const incident = await actOnIncident(
          useCaseContext(c),
          c.req.valid('param').id,
          command,
          input,
          expectedVersion(c, version),
        );
        return c.json(present(useCaseContext(c), incident), 200);
      },
    );
  }
  addBreachRoutes(app, IncidentSchema, (c, incident) => present(useCaseContext(c), incident));
  return app;
}
