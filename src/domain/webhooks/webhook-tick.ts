import { listFindingsPastDue } from '../inspections/list-findings-past-due.js';
import { toJapanDate } from '../shared/japan-date.js';
import { type AttemptOutcome, type DeliveryDeps, deliverDueWebhooks } from './deliver-webhooks.js';
import { recordWebhookEvent } from './record-webhook-event.js';

/**
 * 指摘事項の改善期限超過 is no change of a record: the deadline passes. For the wards where an
 * endpoint wants it, each finding past its deadline becomes one event (its dedupe key names the
 * finding and the deadline, so a new deadline agreed later can be missed again).
 */
export async function recordOverdueFindings(deps: Pick<DeliveryDeps, 'db' | 'now'>): Promise<number> {
  const wards = await deps.db
    .selectFrom('webhook_endpoints')
    .select('ward_id')
    .distinct()
    .where('disabled_at', 'is', null)
    .where((eb) => eb(eb.val('finding.overdue'), '=', eb.fn.any('event_types')))
    .execute();
  const now = deps.now();
  const today = toJapanDate(now);
  let queued = 0;
  for (const { ward_id } of wards) {
    for (const f of await listFindingsPastDue(deps.db, { wardId: ward_id, today })) {
      const ids = await deps.db.transaction().execute((tx) =>
        recordWebhookEvent(tx, {
          wardId: f.wardId,
          type: 'finding.overdue',
          occurredAt: now,
          dedupeKey: `finding:${f.findingId}:${f.dueOn}`,
          record: {
            kind: 'finding',
            id: f.findingId,
            number: null,
            path: `/inspections/${f.inspectionId}`,
            partyOrgIds: [f.organisationId],
          },
        }),
      );
      queued += ids.length;
    }
  }
  return queued;
}

/** The scheduler's minute: events the clock makes, then every delivery that is due. */
export async function runWebhookTick(deps: DeliveryDeps): Promise<AttemptOutcome[]> {
  await recordOverdueFindings(deps);
  const outcomes: AttemptOutcome[] = [];
  // in batches, until nothing due is left unclaimed
  for (;;) {
    const batch = await deliverDueWebhooks(deps, { limit: 20 });
    outcomes.push(...batch);
    if (batch.length < 20) return outcomes;
  }
}
