import { authorize, authorizeType } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';
import { type AttemptOutcome, type DeliveryDeps, deliverDueWebhooks } from './deliver-webhooks.js';
import { refuseEndpointUrl, type WebhookSettings } from './endpoint-address.js';
import { PING_EVENT_TYPE, type WebhookEventType } from './event-types.js';
import { recordWebhookEvent } from './record-webhook-event.js';
import { findEndpoint, toEndpoint, type WebhookEndpoint } from './webhook-endpoints.repository.js';
import { newWebhookSecret } from './webhook-signature.js';

/** Enough for a production and a test receiver per system, few enough to stay a setting. */
export const MAX_ENDPOINTS_PER_ORGANISATION = 10;
/** How long a rotated-out secret keeps signing beside the new one, for receivers to switch. */
export const PREVIOUS_SECRET_HOURS = 24;

export interface RegisterEndpointInput {
  url: string;
  eventTypes: WebhookEventType[];
  description?: string | null;
  /** A company's: the ward whose events it receives. A ward's staff register for their own ward. */
  wardId?: string;
}

const notFound = () =>
  new NotFoundError({ en: 'Webhook endpoint not found', ja: 'Webhook の送信先が見つかりません' });

/** The ward an endpoint is for: the ward's own, or one the company works for (else 404). */
async function wardOf(ctx: UseCaseContext, input: RegisterEndpointInput): Promise<string> {
  const { actor } = ctx;
  if (actor.organisationKind === 'ward' && actor.wardId) {
    if (input.wardId && input.wardId !== actor.wardId)
      throw new NotFoundError({ en: 'Municipality not found', ja: '自治体が見つかりません' });
    return actor.wardId;
  }
  if (!input.wardId)
    throw new ValidationError(
      {
        en: 'Name the municipality whose events the endpoint receives',
        ja: 'どの自治体の通知を受けるか指定してください',
      },
      [{ path: 'wardId', message: 'Required for a company', message_ja: '会社の送信先には必須です' }],
    );
  const linked = await ctx.db
    .selectFrom('ward_companies')
    .select('ward_id')
    .where('ward_id', '=', input.wardId)
    .where('company_id', '=', actor.organisationId)
    .executeTakeFirst();
  if (!linked) throw new NotFoundError({ en: 'Municipality not found', ja: '自治体が見つかりません' });
  return input.wardId;
}

/**
 * Registers an endpoint (Webhook の送信先) and returns its secret, shown this once. The URL must be
 * https and reach no private address (endpoint-address.ts).
 */
export async function registerEndpoint(
  ctx: UseCaseContext,
  settings: WebhookSettings,
  input: RegisterEndpointInput,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  authorizeType(ctx.ability, 'create', 'WebhookEndpoint');
  const wardId = await wardOf(ctx, input);
  const organisationId = ctx.actor.organisationId;
  authorize(ctx.ability, 'create', 'WebhookEndpoint', { wardId, organisationId });
  const refused = await refuseEndpointUrl(input.url, settings);
  if (refused)
    throw new ValidationError(refused, [{ path: 'url', message: refused.en, message_ja: refused.ja }]);
  const secret = newWebhookSecret();
  return inTransaction(ctx, async ({ tx, audit }) => {
    const { count } = await tx
      .selectFrom('webhook_endpoints')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('ward_id', '=', wardId)
      .where('organisation_id', '=', organisationId)
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(count) >= MAX_ENDPOINTS_PER_ORGANISATION)
      throw new ConflictError({
        en: `At most ${MAX_ENDPOINTS_PER_ORGANISATION} endpoints are kept; disable one first`,
        ja: `送信先は${MAX_ENDPOINTS_PER_ORGANISATION}件までです。不要なものを停止してください`,
      });
    const row = await tx
      .insertInto('webhook_endpoints')
      .values({
        ward_id: wardId,
        organisation_id: organisationId,
        url: input.url,
        description: input.description ?? null,
        event_types: [...new Set(input.eventTypes)],
        secret,
        created_by: ctx.actor.userId,
        created_at: ctx.now(),
      })
      .returning([
        'id',
        'ward_id',
        'organisation_id',
        'url',
        'description',
        'event_types',
        'created_at',
        'disabled_at',
        'previous_secret_until',
        'version',
      ])
      .executeTakeFirstOrThrow();
    const endpoint = toEndpoint(row);
    // the secret never enters the audit trail
    await audit({
      wardId,
      action: 'webhook_endpoint.create',
      subjectType: 'WebhookEndpoint',
      subjectId: endpoint.id,
      after: { url: endpoint.url, eventTypes: endpoint.eventTypes, organisationId },
    });
    return { endpoint, secret };
  });
}

/** Locks an endpoint the actor may change (404 for one it may not see), at the version given. */
async function lockForChange(
  ctx: UseCaseContext,
  tx: Parameters<typeof findEndpoint>[0],
  id: string,
  version: number,
) {
  const endpoint = await findEndpoint(tx, id, true);
  if (!endpoint) throw notFound();
  authorize(ctx.ability, 'update', 'WebhookEndpoint', endpoint);
  checkVersion('Webhook の送信先 / Webhook endpoint', version, endpoint.version);
  if (endpoint.disabledAt)
    throw new ConflictError({ en: 'The endpoint is disabled', ja: 'この送信先は停止されています' });
  return endpoint;
}

/** Stops an endpoint: nothing more is sent to it, pending deliveries are cancelled. */
export async function disableEndpoint(
  ctx: UseCaseContext,
  id: string,
  version: number,
): Promise<WebhookEndpoint> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const endpoint = await lockForChange(ctx, tx, id, version);
    const now = ctx.now();
    await tx
      .updateTable('webhook_endpoints')
      .set({ disabled_at: now, disabled_by: ctx.actor.userId, version: endpoint.version + 1 })
      .where('ward_id', '=', endpoint.wardId)
      .where('id', '=', id)
      .execute();
    await tx
      .updateTable('webhook_deliveries')
      .set({ status: 'cancelled', next_attempt_at: null, last_error: 'endpoint disabled' })
      .where('ward_id', '=', endpoint.wardId)
      .where('endpoint_id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    await audit({
      wardId: endpoint.wardId,
      action: 'webhook_endpoint.disable',
      subjectType: 'WebhookEndpoint',
      subjectId: id,
      before: { version: endpoint.version },
      after: { disabled: true, version: endpoint.version + 1 },
    });
    return { ...endpoint, disabledAt: now, version: endpoint.version + 1 };
  });
}

/** A new secret, shown once; the old one keeps signing beside it for PREVIOUS_SECRET_HOURS. */
export async function rotateEndpointSecret(
  ctx: UseCaseContext,
  id: string,
  version: number,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const secret = newWebhookSecret();
  return inTransaction(ctx, async ({ tx, audit }) => {
    const endpoint = await lockForChange(ctx, tx, id, version);
    const until = new Date(ctx.now().getTime() + PREVIOUS_SECRET_HOURS * 3600_000);
    await tx
      .updateTable('webhook_endpoints')
      .set((eb) => ({
        previous_secret: eb.ref('secret'),
        previous_secret_until: until,
        secret,
        version: endpoint.version + 1,
      }))
      .where('ward_id', '=', endpoint.wardId)
      .where('id', '=', id)
      .execute();
    await audit({
      wardId: endpoint.wardId,
      action: 'webhook_endpoint.rotate_secret',
      subjectType: 'WebhookEndpoint',
      subjectId: id,
      before: { version: endpoint.version },
      after: { previousSecretUntil: until.toISOString(), version: endpoint.version + 1 },
    });
    return { endpoint: { ...endpoint, previousSecretUntil: until, version: endpoint.version + 1 }, secret };
  });
}

/** A test ping (webhook.test) to one endpoint, sent now; the answer is recorded like any attempt. */
export async function sendTestPing(
  ctx: UseCaseContext,
  deps: Omit<DeliveryDeps, 'db' | 'now'>,
  id: string,
): Promise<AttemptOutcome | null> {
  const endpoint = await findEndpoint(ctx.db, id);
  if (!endpoint) throw notFound();
  authorize(ctx.ability, 'update', 'WebhookEndpoint', endpoint);
  if (endpoint.disabledAt)
    throw new ConflictError({ en: 'The endpoint is disabled', ja: 'この送信先は停止されています' });
  const [deliveryId] = await inTransaction(ctx, ({ tx }) =>
    recordWebhookEvent(tx, {
      wardId: endpoint.wardId,
      type: PING_EVENT_TYPE,
      occurredAt: ctx.now(),
      endpointId: id,
      record: { kind: 'webhook_endpoint', id, number: null, path: '/settings/webhooks', partyOrgIds: [] },
    }),
  );
  if (!deliveryId) return null;
  const [outcome] = await deliverDueWebhooks(
    { ...deps, db: ctx.db, now: ctx.now },
    { only: { wardId: endpoint.wardId, id: deliveryId } },
  );
  return outcome ?? null;
}
