import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../domain/webhooks/event-types.js';
import {
  disableEndpoint,
  registerEndpoint,
  rotateEndpointSecret,
  sendTestPing,
} from '../../domain/webhooks/manage-webhook-endpoints.js';
import { listDeliveries, listEndpoints, readEndpoint } from '../../domain/webhooks/read-webhooks.js';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoints.repository.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  text,
  Uuid,
  VersionField,
} from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';
import { WEBHOOK_SIGNATURE_DOC } from './webhooks-doc.js';

const common = { tags: ['webhooks'], security: bearerSecurity };
const EVENT_TYPES = Object.keys(WEBHOOK_EVENT_TYPES) as [WebhookEventType, ...WebhookEventType[]];

const EndpointSchema = z
  .object({
    id: z.string(),
    wardId: z.string().openapi({ description: 'The municipality whose events it receives' }),
    organisationId: z.string().openapi({ description: 'Who registered it: the municipality or a company' }),
    url: z.string(),
    description: z.string().nullable(),
    eventTypes: z.array(z.string()),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
    previousSecretUntil: z
      .string()
      .nullable()
      .openapi({ description: 'Until when the secret before the last rotation still signs too' }),
    version: z.number().int(),
  })
  .openapi('WebhookEndpoint');
const WithSecret = z
  .object({
    endpoint: EndpointSchema,
    secret: z.string().openapi({ description: 'whsec_…: shown this once; keep it in the receiver' }),
  })
  .openapi('WebhookEndpointWithSecret');
const AttemptSchema = z.object({
  attempt: z.number().int(),
  at: z.string(),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  responseExcerpt: z.string().nullable().openapi({ description: 'The first 200 characters of the answer' }),
  durationMs: z.number().int(),
});
const DeliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    occurredAt: z.string(),
    record: z.object({ kind: z.string(), id: z.string(), number: z.string().nullable() }),
    status: z.enum(['pending', 'delivered', 'failed', 'cancelled']),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    history: z.array(AttemptSchema),
  })
  .openapi('WebhookDelivery');
const PingSchema = z
  .object({
    delivered: z.boolean(),
    status: z.number().int().nullable(),
    error: z.string().nullable(),
  })
  .openapi('WebhookPing');
const RegisterBody = z
  .object({
    url: z.string().max(2000).openapi({ example: 'https://hooks.example.jp/privacy' }),
    eventTypes: z.array(z.enum(EVENT_TYPES)).min(1).max(EVENT_TYPES.length),
    description: text(200).nullish(),
    wardId: Uuid.optional().openapi({
      description: "A company's endpoint: the municipality (one it works for) whose events it receives",
    }),
  })
  .openapi('RegisterWebhookEndpoint');
const VersionBody = z.object({ version: VersionField }).openapi('WebhookEndpointVersion');

const iso = (d: Date | null) => d?.toISOString() ?? null;
const present = (e: WebhookEndpoint) => ({
  ...e,
  createdAt: e.createdAt.toISOString(),
  disabledAt: iso(e.disabledAt),
  previousSecretUntil: iso(e.previousSecretUntil),
});

/** Webhooks: endpoints a municipality or a company registers, and their deliveries. */
export function webhookRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);
  const settingsOf = (c: Context<AppEnv>) => c.get('deps').webhooks ?? { allowPrivate: false };

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Your webhook endpoints / Webhook の送信先',
      description:
        "The webhook endpoints (Webhook の送信先) of the signed-in person's organisation: a municipality's are read and kept by its 係長 and 課長 (ward_chief, ward_manager), a company's by its managers (contractor_manager), one per municipality it works for. Anyone else is refused (403); nobody sees another organisation's endpoints. The secret is never shown here.\n\n" +
        WEBHOOK_SIGNATURE_DOC,
      responses: {
        200: jsonResponse(z.object({ items: z.array(EndpointSchema) }), 'The endpoints'),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: (await listEndpoints(useCaseContext(c))).map(present) }, 200),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Register a webhook endpoint / Webhook の送信先の登録',
      description:
        "Registers an endpoint for event types: `application.submitted` (承認申請の提出, 再委託申請を含む), `application.approved` (承認), `finding.overdue` (指摘事項の改善期限超過), `incident.reported` (事故報告), `erasure_certificate.issued` (消去証明書の発行). A municipality's endpoint receives every such event of the municipality; a company's (with `wardId`, a municipality it works for — any other is 404) only those of records that concern the company. The URL must be https and must not be or resolve to a loopback or private address (422; allowed only where the server sets WEBHOOK_ALLOW_PRIVATE=1, for a local receiver). At most 10 live endpoints per organisation and municipality (409). The answer carries the signing secret, shown this once.",
      request: { body: jsonBody(RegisterBody) },
      responses: { 201: jsonResponse(WithSecret, 'The endpoint and its secret'), ...errorResponses },
    }),
    async (c) => {
      const result = await registerEndpoint(useCaseContext(c), settingsOf(c), c.req.valid('json'));
      return c.json({ endpoint: present(result.endpoint), secret: result.secret }, 201);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'A webhook endpoint / Webhook の送信先',
      description:
        "One endpoint of your organisation; another organisation's is 404, like one that does not exist.",
      request: { params: IdParam },
      responses: { 200: jsonResponse(EndpointSchema, 'The endpoint'), ...errorResponses },
    }),
    async (c) => c.json(present(await readEndpoint(useCaseContext(c), c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/deliveries',
      summary: "An endpoint's deliveries / 送信履歴",
      description:
        "The endpoint's latest 50 deliveries (送信履歴), newest first: the event, the record it names (kind, id, 整理番号), the status (pending, delivered, failed after the sixth attempt, cancelled when the endpoint was disabled), the next attempt, and every attempt with its HTTP status, error and the first 200 characters of the answer. Retries wait 1 min, 5 min, 30 min, 2 h and 12 h. Another organisation's endpoint is 404.",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ items: z.array(DeliverySchema) }), 'The deliveries'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const items = await listDeliveries(useCaseContext(c), c.req.valid('param').id);
      return c.json(
        {
          items: items.map((d) => ({
            ...d,
            occurredAt: d.occurredAt.toISOString(),
            nextAttemptAt: iso(d.nextAttemptAt),
            deliveredAt: iso(d.deliveredAt),
            history: d.history.map((h) => ({ ...h, at: h.at.toISOString() })),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/ping',
      summary: 'Send a test ping / 送信テスト',
      description:
        "Sends a `webhook.test` event to the endpoint now, signed like every delivery, and answers what happened (the attempt is recorded in its deliveries and retried like any other if it failed). A disabled endpoint is 409; another organisation's is 404.",
      request: { params: IdParam },
      responses: { 200: jsonResponse(PingSchema, 'The attempt'), ...errorResponses },
    }),
    async (c) => {
      const deps = c.get('deps');
      const outcome = await sendTestPing(
        useCaseContext(c),
        { logger: deps.logger, settings: settingsOf(c) },
        c.req.valid('param').id,
      );
      return c.json(
        {
          delivered: outcome?.delivered ?? false,
          status: outcome?.status ?? null,
          error: outcome?.error ?? null,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/rotate-secret',
      summary: 'Rotate the signing secret / 署名鍵の更新',
      description:
        "Makes a new signing secret, shown this once in the answer. For 24 hours deliveries carry two signatures (the new secret's and the old one's) so the receiver can switch without losing messages. Needs the endpoint's version (409 if stale); a disabled endpoint is 409; another organisation's is 404.",
      request: { params: IdParam, body: jsonBody(VersionBody) },
      responses: { 200: jsonResponse(WithSecret, 'The endpoint and its new secret'), ...errorResponses },
    }),
    async (c) => {
      const result = await rotateEndpointSecret(
        useCaseContext(c),
        c.req.valid('param').id,
        expectedVersion(c, c.req.valid('json').version),
      );
      return c.json({ endpoint: present(result.endpoint), secret: result.secret }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/disable',
      summary: 'Disable a webhook endpoint / 送信先の停止',
      description:
        "Stops the endpoint (送信停止): nothing more is sent to it and its pending deliveries are cancelled; its history stays. Needs the version (409 if stale); one already disabled is 409; another organisation's is 404.",
      request: { params: IdParam, body: jsonBody(VersionBody) },
      responses: { 200: jsonResponse(EndpointSchema, 'The endpoint, disabled'), ...errorResponses },
    }),
    async (c) => {
      const endpoint = await disableEndpoint(
        useCaseContext(c),
        c.req.valid('param').id,
        expectedVersion(c, c.req.valid('json').version),
      );
      return c.json(present(endpoint), 200);
    },
  );
  return app;
}
