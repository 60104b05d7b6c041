import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/database.js';
import { toJapanIso } from '../shared/japan-date.js';
import { refuseEndpointUrl, type WebhookSettings } from './endpoint-address.js';
import { signWebhook } from './webhook-signature.js';

/** After the n-th failed attempt, wait RETRY_DELAYS_MS[n-1]; after the last, give up (failed). */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 12 * 3600_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A claimed attempt not recorded by then (its server died) is tried again as the next attempt. */
const CLAIM_LEASE_MS = 2 * 60_000;
const TIMEOUT_MS = 10_000;
/** Only this much of a receiver's answer is kept: enough to see why, never a copy of it. */
export const EXCERPT_CHARS = 200;

export interface DeliveryDeps {
  db: Kysely<Database>;
  now: () => Date;
  logger: Pick<Logger, 'info' | 'error'>;
  settings: WebhookSettings;
}

interface Claimed {
  ward_id: string;
  id: string;
  attempts: number;
}

export interface AttemptOutcome {
  deliveryId: string;
  attempt: number;
  status: number | null;
  error: string | null;
  delivered: boolean;
}

/**
 * Claims the deliveries that are due and not claimed by another server (FOR UPDATE SKIP LOCKED; the
 * claim counts the attempt and moves its time past the lease in the same statement, so no two
 * servers make the same attempt), sends each, and records the attempt.
 */
export async function deliverDueWebhooks(
  deps: DeliveryDeps,
  options: { limit?: number; only?: { wardId: string; id: string } } = {},
): Promise<AttemptOutcome[]> {
  const now = deps.now();
  const lease = new Date(now.getTime() + CLAIM_LEASE_MS);
  const only = options.only;
  const claimed = await sql<Claimed>`
    update webhook_deliveries d
       set attempts = d.attempts + 1, next_attempt_at = ${lease}
      from (select ward_id, id from webhook_deliveries
             where status = 'pending' and next_attempt_at <= ${now}
               ${only ? sql`and ward_id = ${only.wardId} and id = ${only.id}` : sql``}
             order by next_attempt_at
             limit ${options.limit ?? 20}
             for update skip locked) due
     where d.ward_id = due.ward_id and d.id = due.id
    returning d.ward_id, d.id, d.attempts`.execute(deps.db);
  const outcomes: AttemptOutcome[] = [];
  for (const c of claimed.rows) outcomes.push(await attempt(deps, c));
  return outcomes;
}

async function attempt(deps: DeliveryDeps, claimed: Claimed): Promise<AttemptOutcome> {
  const row = await deps.db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as e', (j) =>
      j.onRef('e.ward_id', '=', 'd.ward_id').onRef('e.id', '=', 'd.event_id'),
    )
    .innerJoin('webhook_endpoints as p', (j) =>
      j.onRef('p.ward_id', '=', 'd.ward_id').onRef('p.id', '=', 'd.endpoint_id'),
    )
    .innerJoin('organisations as w', 'w.id', 'd.ward_id')
    .select([
      'e.id as event_id',
      'e.type',
      'e.occurred_at',
      'e.record_kind',
      'e.record_id',
      'e.record_number',
      'e.record_path',
      'p.url',
      'p.secret',
      'p.previous_secret',
      'p.previous_secret_until',
      'p.disabled_at',
      'w.id as ward_id',
      'w.name as ward_name',
    ])
    .where('d.ward_id', '=', claimed.ward_id)
    .where('d.id', '=', claimed.id)
    .executeTakeFirstOrThrow();
  if (row.disabled_at)
    return record(deps, claimed, { status: null, error: 'endpoint disabled', cancelled: true });

  const body = JSON.stringify({
    id: row.event_id,
    type: row.type,
    occurredAt: toJapanIso(row.occurred_at),
    municipality: { id: row.ward_id, name: row.ward_name },
    record: {
      kind: row.record_kind,
      id: row.record_id,
      number: row.record_number,
      url: `${deps.settings.publicBaseUrl?.replace(/\/$/, '') ?? ''}${row.record_path}`,
    },
  });
  const refused = await refuseEndpointUrl(row.url, deps.settings);
  if (refused) return record(deps, claimed, { status: null, error: refused.en });

  const started = Date.now();
  const timestamp = Math.floor(deps.now().getTime() / 1000);
  const secrets = [row.secret];
  if (row.previous_secret && row.previous_secret_until && row.previous_secret_until > deps.now())
    secrets.push(row.previous_secret);
  try {
    const res = await fetch(row.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'privacy-governance-webhooks/1',
        'webhook-id': row.event_id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': await signWebhook(secrets, { id: row.event_id, timestamp, body }),
      },
      body,
    });
    const excerpt = await readExcerpt(res);
    const ok = res.status >= 200 && res.status < 300;
    const error = ok
      ? null
      : res.status >= 300 && res.status < 400
        ? 'redirect not followed'
        : `HTTP ${res.status}`;
    return record(deps, claimed, { status: res.status, error, excerpt, ms: Date.now() - started });
  } catch (error) {
    const message =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${TIMEOUT_MS / 1000} s`
        : `not reached: ${error instanceof Error ? error.message : String(error)}`;
    return record(deps, claimed, {
      status: null,
      error: message.slice(0, EXCERPT_CHARS),
      ms: Date.now() - started,
    });
  }
}

/** The first characters of the answer; the rest is not read. */
async function readExcerpt(res: Response): Promise<string | null> {
  if (!res.body) return null;
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (text.length < EXCERPT_CHARS) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return text ? text.slice(0, EXCERPT_CHARS) : null;
}

async function record(
  deps: DeliveryDeps,
  claimed: Claimed,
  result: {
    status: number | null;
    error: string | null;
    excerpt?: string | null;
    ms?: number;
    cancelled?: boolean;
  },
): Promise<AttemptOutcome> {
  const now = deps.now();
  const delivered = result.error === null;
  const giveUp = !delivered && claimed.attempts >= MAX_ATTEMPTS;
  const status = delivered ? 'delivered' : result.cancelled ? 'cancelled' : giveUp ? 'failed' : 'pending';
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('webhook_delivery_attempts')
      .values({
        ward_id: claimed.ward_id,
        delivery_id: claimed.id,
        attempt: claimed.attempts,
        at: now,
        status: result.status,
        error: result.error,
        response_excerpt: result.excerpt ?? null,
        duration_ms: result.ms ?? 0,
      })
      .execute();
    await tx
      .updateTable('webhook_deliveries')
      .set({
        status,
        last_status: result.status,
        last_error: result.error,
        delivered_at: delivered ? now : null,
        next_attempt_at:
          status === 'pending' ? new Date(now.getTime() + RETRY_DELAYS_MS[claimed.attempts - 1]!) : null,
      })
      .where('ward_id', '=', claimed.ward_id)
      .where('id', '=', claimed.id)
      // a claim that outlived its lease was taken again: the later attempt records itself
      .where('attempts', '=', claimed.attempts)
      .execute();
  });
  if (!delivered)
    deps.logger.info(
      { deliveryId: claimed.id, attempt: claimed.attempts, error: result.error },
      'webhook not delivered',
    );
  return {
    deliveryId: claimed.id,
    attempt: claimed.attempts,
    status: result.status,
    error: result.error,
    delivered,
  };
}
