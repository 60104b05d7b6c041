import type { Answer } from '../../../forms/compliance-report/compliance-report.form.js';
import type { Tx } from '../shared/context.js';
import { toJapanDate } from '../shared/japan-date.js';
import { toWareki } from '../shared/wareki.js';

// 別紙5 question 8 (再委託先へ監督を行った) from the records: the contractor's completed inspections
// of its sub-contractors and the report requests they answered, within the report's period.

export interface SupervisionFacts {
  /** 再委託先への立入検査, completed (the day, in Japan) and whom. */
  inspections: Array<{ on: string; organisation: string }>;
  /** 報告の求め answered in the period (the day of the answer) and on what. */
  reportRequests: Array<{ on: string; topic: string; organisation: string }>;
}

export async function gatherSupervision(
  tx: Tx,
  r: { wardId: string; contractId: string; organisationId: string; periodFrom: string; periodTo: string },
): Promise<SupervisionFacts> {
  const from = new Date(`${r.periodFrom}T00:00:00+09:00`);
  const to = new Date(`${r.periodTo}T23:59:59.999+09:00`);
  const inspections = await tx
    .selectFrom('inspections as i')
    .innerJoin('contracts as c', (j) =>
      j.onRef('c.ward_id', '=', 'i.ward_id').onRef('c.id', '=', 'i.contract_id'),
    )
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .select(['i.signed_off_at', 'o.name'])
    .where('i.ward_id', '=', r.wardId)
    .where('c.parent_contract_id', '=', r.contractId)
    .where('i.inspecting_org_id', '=', r.organisationId)
    .where('i.status', '=', 'signed_off')
    .where('i.signed_off_at', '>=', from)
    .where('i.signed_off_at', '<=', to)
    .orderBy('i.signed_off_at')
    .execute();
  const requests = await tx
    .selectFrom('report_requests as q')
    .innerJoin('contracts as c', (j) =>
      j.onRef('c.ward_id', '=', 'q.ward_id').onRef('c.id', '=', 'q.contract_id'),
    )
    .innerJoin('organisations as o', 'o.id', 'q.subject_org_id')
    .select(['q.answered_at', 'q.topic', 'o.name'])
    .where('q.ward_id', '=', r.wardId)
    .where('c.parent_contract_id', '=', r.contractId)
    .where('q.requester_org_id', '=', r.organisationId)
    .where('q.status', 'in', ['answered', 'accepted'])
    .where('q.answered_at', '>=', from)
    .where('q.answered_at', '<=', to)
    .orderBy('q.answered_at')
    .execute();
  return {
    inspections: inspections.map((i) => ({ on: toJapanDate(i.signed_off_at!), organisation: i.name })),
    reportRequests: requests.map((q) => ({
      on: toJapanDate(q.answered_at!),
      topic: q.topic,
      organisation: q.name,
    })),
  };
}

/**
 * Question 8's prefill: はい with the dates and what was done (the text 別紙5 asks for), or いいえ
 * when nothing is recorded — then the contractor writes its plan (今後の予定) itself.
 */
export function supervisionAnswer(s: SupervisionFacts): Answer {
  if (!s.inspections.length && !s.reportRequests.length) return { answer: 'no', text: null };
  const dates = (list: Array<{ on: string }>) => list.map((x) => toWareki(x.on)).join('、');
  const parts = [
    s.inspections.length && `再委託先への立入検査 ${s.inspections.length}件（${dates(s.inspections)}）`,
    s.reportRequests.length &&
      `報告の求め ${s.reportRequests.length}件（${s.reportRequests.map((q) => `${toWareki(q.on)}「${q.topic}」`).join('、')}）`,
  ].filter(Boolean);
  return { answer: 'yes', text: parts.join('、') };
}
