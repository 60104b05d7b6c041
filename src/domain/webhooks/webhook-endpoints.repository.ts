import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { WebhookEndpointsTable } from '../../db/tables/webhooks.js';
import type { Tx } from '../shared/context.js';

/** An endpoint as the API shows it: never its secret. */
export interface WebhookEndpoint {
  id: string;
  wardId: string;
  organisationId: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  createdAt: Date;
  disabledAt: Date | null;
  /** Until when the secret before the last rotation still signs beside the new one. */
  previousSecretUntil: Date | null;
  version: number;
}

export const endpointFields = {
  wardId: 'webhook_endpoints.ward_id',
  organisationId: 'webhook_endpoints.organisation_id',
};

export const endpointColumns = [
  'webhook_endpoints.id',
  'webhook_endpoints.ward_id',
  'webhook_endpoints.organisation_id',
  'webhook_endpoints.url',
  'webhook_endpoints.description',
  'webhook_endpoints.event_types',
  'webhook_endpoints.created_at',
  'webhook_endpoints.disabled_at',
  'webhook_endpoints.previous_secret_until',
  'webhook_endpoints.version',
] as const;

type EndpointRow = Pick<
  Selectable<WebhookEndpointsTable>,
  | 'id'
  | 'ward_id'
  | 'organisation_id'
  | 'url'
  | 'description'
  | 'event_types'
  | 'created_at'
  | 'disabled_at'
  | 'previous_secret_until'
  | 'version'
>;

export function toEndpoint(r: EndpointRow): WebhookEndpoint {
  return {
    id: r.id,
    wardId: r.ward_id,
    organisationId: r.organisation_id,
    url: r.url,
    description: r.description,
    eventTypes: r.event_types,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
    previousSecretUntil: r.previous_secret_until,
    version: r.version,
  };
}

/** One endpoint by id, locked for a change when `lock`. */
export async function findEndpoint(
  db: Kysely<Database> | Tx,
  id: string,
  lock = false,
): Promise<WebhookEndpoint | undefined> {
  let q = db.selectFrom('webhook_endpoints').select(endpointColumns).where('webhook_endpoints.id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toEndpoint(row);
}
