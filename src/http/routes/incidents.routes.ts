import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  actOnIncident,
  type IncidentCommand,
  incidentActions,
} from '../../domain/incidents/act-on-incident.js';
import type { Incident } from '../../domain/incidents/incident.repository.js';
import { getIncident, listIncidents } from '../../domain/incidents/read-incidents.js';
import { reportIncident } from '../../domain/incidents/report-incident.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import {
  AllowedActions,
  bearerSecurity,
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
  })
  .openapi('Incident');

function present(viewer: Viewer, incident: Incident) {
  const { chainOrgIds: _c, machine: _m, ...i } = incident;
  return {
    ...i,
    allowedActions: incidentActions(viewer, incident),
    occurredAt: i.occurredAt?.toISOString() ?? null,
    discoveredAt: i.discoveredAt.toISOString(),
    reportedAt: i.reportedAt.toISOString(),
    closedAt: i.closedAt?.toISOString() ?? null,
    breach: presentBreach(incident),
  };
}

const COMMANDS: Array<[IncidentCommand, string]> = [
  ['instruct', "Record the ward's instructions / 区の指示"],
  ['respond', 'Report the response, root cause and prevention / 対応・原因・再発防止策の報告'],
  ['sign', 'Sign the closing step (担当者 → 係長 → 課長) / 決裁'],
  ['send-back', 'Send the response back / 差戻し'],
  ['publish', 'Record that the ward published the incident / 公表の記録'],
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
      request: {
        query: PageQuery.extend({
          status: z.enum(['reported', 'in_progress', 'responded', 'closed']).optional(),
          contractId: Uuid.optional(),
        }),
      },
      responses: { 200: jsonResponse(pageOf(IncidentSchema), 'A page of incidents'), ...errorResponses },
    }),
    async (c) => {
      const page = await listIncidents(useCaseContext(c), c.req.valid('query'));
      return c.json(
        { items: page.items.map((i) => present(useCaseContext(c), i)), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Report an incident at once / 事故の報告',
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
    async (c) =>
      c.json(present(useCaseContext(c), await reportIncident(useCaseContext(c), c.req.valid('json'))), 201),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One incident / 事故報告',
      request: { params: IdParam },
      responses: { 200: jsonResponse(IncidentSchema, 'The incident'), ...errorResponses },
    }),
    async (c) =>
      c.json(present(useCaseContext(c), await getIncident(useCaseContext(c), c.req.valid('param').id)), 200),
  );

  for (const [command, summary] of COMMANDS) {
    app.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/{id}/${command}`,
        summary,
        request: {
          params: IdParam,
          body: jsonBody(
            z.object({
              instructions: text(5000).nullish(),
              response: text(5000).nullish(),
              rootCause: text(5000).nullish(),
              prevention: text(5000).nullish(),
              publishedOn: DateText.nullish(),
              comment: text(3000).nullish(),
              version: VersionField,
            }),
          ),
        },
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
