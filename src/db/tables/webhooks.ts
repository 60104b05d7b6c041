import type { Generated } from 'kysely';

/** An endpoint a ward or a company registered for some event types (webhook). */
export interface WebhookEndpointsTable {
  /** The ward whose events it receives. */
  ward_id: string;
  id: Generated<string>;
  /** Who registered it: the ward itself (its organisation id is the ward id) or a company. */
  organisation_id: string;
  url: string;
  description: string | null;
  event_types: string[];
  /** whsec_<base64>: kept as written, an HMAC needs the key itself. */
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | null;
  created_by: string | null;
  created_at: Date;
  disabled_at: Date | null;
  disabled_by: string | null;
  version: Generated<number>;
}

/** The outbox: one event, written in the transaction of the change that caused it. */
export interface WebhookEventsTable {
  ward_id: string;
  id: Generated<string>;
  type: string;
  occurred_at: Date;
  record_kind: string;
  record_id: string;
  record_number: string | null;
  record_path: string;
  party_org_ids: Generated<string[]>;
  dedupe_key: string | null;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface WebhookDeliveriesTable {
  ward_id: string;
  id: Generated<string>;
  event_id: string;
  endpoint_id: string;
  status: WebhookDeliveryStatus;
  attempts: Generated<number>;
  next_attempt_at: Date | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

export interface WebhookDeliveryAttemptsTable {
  ward_id: string;
  delivery_id: string;
  attempt: number;
  at: Date;
  status: number | null;
  error: string | null;
  response_excerpt: string | null;
  duration_ms: number;
}

export interface WebhookTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptsTable;
}
