import type { AuditRecord } from '../shared/context.js';

/** The events an endpoint may subscribe to, with their names in both languages. */
export const WEBHOOK_EVENT_TYPES = {
  'application.submitted': { ja: '承認申請の提出（再委託申請など）', en: 'Application submitted' },
  'application.approved': { ja: '承認', en: 'Application approved' },
  'finding.overdue': { ja: '指摘事項の改善期限超過', en: 'Finding past its improvement deadline' },
  'incident.reported': { ja: '事故報告', en: 'Incident reported' },
  'erasure_certificate.issued': { ja: '消去証明書の発行', en: 'Erasure certificate issued' },
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;
/** A test ping: sent to one endpoint on request, never subscribed to. */
export const PING_EVENT_TYPE = 'webhook.test';

export const isWebhookEventType = (value: string): value is WebhookEventType =>
  Object.hasOwn(WEBHOOK_EVENT_TYPES, value);

const statusOf = (state: unknown): unknown =>
  state && typeof state === 'object' ? (state as { status?: unknown }).status : undefined;

/**
 * The event a change's audit entry stands for, if any. Every workflow's change passes through its
 * audit entry (runStep, and the few use cases that create a record), so this one mapping is where
 * events arise: an approval reaching 申請済み or 承認 by whatever step, an incident reported, a
 * certificate issued. Findings past their deadline are no change: the scheduler finds them.
 */
export function eventTypeOfAudit(record: AuditRecord): WebhookEventType | null {
  if (record.subjectType === 'Approval') {
    const before = statusOf(record.before);
    const after = statusOf(record.after);
    if (after === before) return null;
    if (after === 'submitted') return 'application.submitted';
    if (after === 'approved') return 'application.approved';
    return null;
  }
  if (record.action === 'incident.report') return 'incident.reported';
  if (record.action === 'erasure.certify') return 'erasure_certificate.issued';
  return null;
}
