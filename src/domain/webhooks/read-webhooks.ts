import { accessibleBy } from '../../../policies/rules-to-sql.js';
import type { WebhookDeliveryStatus } from '../../db/tables/webhooks.js';
import { authorize, authorizeType } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { NotFoundError } from '../shared/errors.js';
import {
  endpointColumns,
  endpointFields,
  findEndpoint,
  toEndpoint,
  type WebhookEndpoint,
} from './webhook-endpoints.repository.js';

/** The endpoints the actor may see (their own organisation's), the permission rules in SQL. */
export async function listEndpoints(ctx: UseCaseContext): Promise<WebhookEndpoint[]> {
  authorizeType(ctx.ability, 'read', 'WebhookEndpoint');
  const rows = await ctx.db
    .selectFrom('webhook_endpoints')
    .select(endpointColumns)
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'WebhookEndpoint', endpointFields))
    .orderBy('webhook_endpoints.created_at', 'desc')
    .orderBy('webhook_endpoints.id')
    .limit(100)
    .execute();
  return rows.map(toEndpoint);
}

/** One endpoint; 404 for one the actor may not see. */
export async function readEndpoint(ctx: UseCaseContext, id: string): Promise<WebhookEndpoint> {
  const endpoint = await findEndpoint(ctx.db, id);
  if (!endpoint)
    throw new NotFoundError({ en: 'Webhook endpoint not found', ja: 'Webhook の送信先が見つかりません' });
  authorize(ctx.ability, 'read', 'WebhookEndpoint', endpoint);
  return endpoint;
}

export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  occurredAt: Date;
  record: { kind: string; id: string; number: string | null };
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  /** Every attempt, oldest first, with the short excerpt of the answer kept. */
  history: Array<{
    attempt: number;
    at: Date;
    status: number | null;
    error: string | null;
    responseExcerpt: string | null;
    durationMs: number;
  }>;
}

/** An endpoint's latest deliveries (newest first) with their attempts. */
export async function listDeliveries(
  ctx: UseCaseContext,
  endpointId: string,
  limit = 50,
): Promise<WebhookDeliveryView[]> {
  const endpoint = await readEndpoint(ctx, endpointId);
  const rows = await ctx.db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as e', (j) =>
      j.onRef('e.ward_id', '=', 'd.ward_id').onRef('e.id', '=', 'd.event_id'),
    )
    .select([
      'd.id',
      'd.event_id',
      'e.type',
      'e.occurred_at',
      'e.record_kind',
      'e.record_id',
      'e.record_number',
      'd.status',
      'd.attempts',
      'd.next_attempt_at',
      'd.last_status',
      'd.last_error',
      'd.delivered_at',
    ])
    .where('d.ward_id', '=', endpoint.wardId)
    .where('d.endpoint_id', '=', endpoint.id)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
  const ids = rows.map((r) => r.id);
  const attempts = ids.length
    ? await ctx.db
        .selectFrom('webhook_delivery_attempts')
        .selectAll()
        .where('ward_id', '=', endpoint.wardId)
        .where('delivery_id', 'in', ids)
        .orderBy('attempt')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    eventType: r.type,
    occurredAt: r.occurred_at,
    record: { kind: r.record_kind, id: r.record_id, number: r.record_number },
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastStatus: r.last_status,
    lastError: r.last_error,
    deliveredAt: r.delivered_at,
    history: attempts
      .filter((a) => a.delivery_id === r.id)
      .map((a) => ({
        attempt: a.attempt,
        at: a.at,
        status: a.status,
        error: a.error,
        responseExcerpt: a.response_excerpt,
        durationMs: a.duration_ms,
      })),
  }));
}

/** The municipalities the actor may register endpoints for: a ward its own, a company those it works for. */
export async function wardsForEndpoints(ctx: UseCaseContext): Promise<Array<{ id: string; name: string }>> {
  const { actor } = ctx;
  if (actor.organisationKind === 'ward' && actor.wardId) {
    return ctx.db.selectFrom('organisations').select(['id', 'name']).where('id', '=', actor.wardId).execute();
  }
  if (actor.organisationKind !== 'company') return [];
  return ctx.db
    .selectFrom('ward_companies as l')
    .innerJoin('organisations as w', 'w.id', 'l.ward_id')
    .select(['w.id', 'w.name'])
    .where('l.company_id', '=', actor.organisationId)
    .orderBy('w.name')
    .execute();
}
