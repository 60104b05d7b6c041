import type { AuditRecord, Tx } from '../shared/context.js';
import { eventTypeOfAudit } from './event-types.js';

/** What an event says about its record: never its content, only where to find it. */
export interface WebhookRecordRef {
  kind: 'approval' | 'incident' | 'erasure_certificate' | 'finding' | 'webhook_endpoint';
  id: string;
  number: string | null;
  /** The record's page, relative to the app's address. */
  path: string;
  /** The companies the record concerns; their endpoints in the ward receive the event too. */
  partyOrgIds: string[];
}

export interface NewWebhookEvent {
  wardId: string;
  type: string;
  occurredAt: Date;
  record: WebhookRecordRef;
  /** Makes an event found by the scheduler once-only (a finding past its deadline). */
  dedupeKey?: string;
  /** Only this endpoint (a test ping), whatever it subscribes to. */
  endpointId?: string;
}

/**
 * The outbox: inside the caller's transaction, writes the event and one pending delivery for each
 * live endpoint that subscribes to it — the ward's own, and those of the companies the record
 * concerns. Nothing is written when no endpoint wants it. A rolled-back change leaves no event.
 * Returns the ids of the deliveries queued.
 */
export async function recordWebhookEvent(tx: Tx, event: NewWebhookEvent): Promise<string[]> {
  let q = tx
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('ward_id', '=', event.wardId)
    .where('disabled_at', 'is', null);
  q = event.endpointId
    ? q.where('id', '=', event.endpointId)
    : q
        .where((eb) => eb(eb.val(event.type), '=', eb.fn.any('event_types')))
        .where('organisation_id', 'in', [event.wardId, ...event.record.partyOrgIds]);
  const endpoints = await q.execute();
  if (endpoints.length === 0) return [];
  const inserted = await tx
    .insertInto('webhook_events')
    .values({
      ward_id: event.wardId,
      type: event.type,
      occurred_at: event.occurredAt,
      record_kind: event.record.kind,
      record_id: event.record.id,
      record_number: event.record.number,
      record_path: event.record.path,
      party_org_ids: event.record.partyOrgIds,
      dedupe_key: event.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.columns(['ward_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return [];
  const deliveries = await tx
    .insertInto('webhook_deliveries')
    .values(
      endpoints.map((e) => ({
        ward_id: event.wardId,
        event_id: inserted.id,
        endpoint_id: e.id,
        status: 'pending' as const,
        next_attempt_at: event.occurredAt,
        created_at: event.occurredAt,
      })),
    )
    .returning('id')
    .execute();
  return deliveries.map((d) => d.id);
}

/** The event of an audited change, if it is one (see eventTypeOfAudit), written in its transaction. */
export async function recordWebhookEventOfAudit(tx: Tx, audit: AuditRecord, at: Date): Promise<number> {
  const type = eventTypeOfAudit(audit);
  if (!type || !audit.wardId) return 0;
  // the cheap question first: most wards have no endpoint, and then the record is not read
  const any = await tx
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('ward_id', '=', audit.wardId)
    .where('disabled_at', 'is', null)
    .where((eb) => eb(eb.val<string>(type), '=', eb.fn.any('event_types')))
    .limit(1)
    .executeTakeFirst();
  if (!any) return 0;
  const record = await describeRecord(tx, audit.wardId, audit.subjectType, audit.subjectId);
  if (!record) return 0;
  return (await recordWebhookEvent(tx, { wardId: audit.wardId, type, occurredAt: at, record })).length;
}

async function describeRecord(
  tx: Tx,
  wardId: string,
  subjectType: string,
  id: string,
): Promise<WebhookRecordRef | null> {
  if (subjectType === 'Approval') {
    const a = await tx
      .selectFrom('approvals')
      .select(['number', 'applicant_org_id'])
      .where('ward_id', '=', wardId)
      .where('id', '=', id)
      .executeTakeFirst();
    return a
      ? {
          kind: 'approval',
          id,
          number: a.number,
          path: `/approvals/${id}`,
          partyOrgIds: [a.applicant_org_id],
        }
      : null;
  }
  if (subjectType === 'Incident') {
    const i = await tx
      .selectFrom('incidents')
      .select('reporting_org_id')
      .where('ward_id', '=', wardId)
      .where('id', '=', id)
      .executeTakeFirst();
    return i
      ? { kind: 'incident', id, number: null, path: `/incidents/${id}`, partyOrgIds: [i.reporting_org_id] }
      : null;
  }
  if (subjectType === 'ErasureRecord') {
    const c = await tx
      .selectFrom('erasure_certificates as c')
      .innerJoin('erasure_records as r', (j) =>
        j.onRef('r.ward_id', '=', 'c.ward_id').onRef('r.id', '=', 'c.erasure_record_id'),
      )
      .select(['c.id', 'c.certificate_number', 'c.recipient_org_ids', 'r.organisation_id'])
      .where('c.ward_id', '=', wardId)
      .where('c.erasure_record_id', '=', id)
      .executeTakeFirst();
    return c
      ? {
          kind: 'erasure_certificate',
          id: c.id,
          number: c.certificate_number,
          path: `/handover/erasures/${id}`,
          partyOrgIds: [...new Set([c.organisation_id, ...c.recipient_org_ids])],
        }
      : null;
  }
  return null;
}
