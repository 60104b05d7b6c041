import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import { type FieldMap, membership } from '../../../policies/rules-to-sql.js';
import type { ReportRequestState } from '../../../workflows/report-request/report-request.machine.js';
import type { Database } from '../../db/database.js';
import type { ReportRequestsTable } from '../../db/tables/supervision.js';

/** 報告の求め: a report asked of the contractor of `contractId` by its contractor above, or by the ward. */
export interface ReportRequest {
  id: string;
  wardId: string;
  contractId: string;
  /** Who asks: the contractor above (a company), or the ward itself. */
  requesterOrgId: string;
  /** Who answers: the contractor of `contractId`. */
  subjectOrgId: string;
  status: ReportRequestState;
  topic: string;
  detail: string | null;
  dueOn: string;
  answerText: string | null;
  answerAttachmentIds: string[];
  answeredBy: string | null;
  answeredAt: Date | null;
  /** The requester's comment with its last decision (差戻しの理由, 受理の所見). */
  reviewComment: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  requestedBy: string;
  requestedAt: Date;
  updatedAt: Date;
  version: number;
  machine: { id: string; version: number };
  /** The companies above the contract in its chain (they answer for it, 001 別紙7 第7条3). */
  chainOrgIds: string[];
}

export const reportRequestFields: FieldMap = {
  id: 'report_requests.id',
  wardId: 'report_requests.ward_id',
  requesterOrgId: 'report_requests.requester_org_id',
  subjectOrgId: 'report_requests.subject_org_id',
  chainOrgIds: membership((eb, orgId) =>
    eb.exists(
      eb
        .selectFrom('contracts as rr_c')
        .select(sql`1`.as('one'))
        .whereRef('rr_c.ward_id', '=', 'report_requests.ward_id')
        .whereRef('rr_c.id', '=', 'report_requests.contract_id')
        .where(sql<boolean>`${orgId}::uuid = any(rr_c.chain_org_ids)`),
    ),
  ),
};

export function toReportRequest(
  r: Selectable<ReportRequestsTable> & { chain_org_ids: string[] },
): ReportRequest {
  return {
    id: r.id,
    wardId: r.ward_id,
    contractId: r.contract_id,
    requesterOrgId: r.requester_org_id,
    subjectOrgId: r.subject_org_id,
    status: r.status,
    topic: r.topic,
    detail: r.detail,
    dueOn: r.due_on,
    answerText: r.answer_text,
    answerAttachmentIds: r.answer_attachment_ids,
    answeredBy: r.answered_by,
    answeredAt: r.answered_at,
    reviewComment: r.review_comment,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    updatedAt: r.updated_at,
    version: r.version,
    machine: { id: r.machine_id, version: r.machine_version },
    chainOrgIds: r.chain_org_ids,
  };
}

/** Report requests with their contract's chain (for the policies). */
export function reportRequestQuery(db: Kysely<Database>) {
  return db
    .selectFrom('report_requests')
    .innerJoin('contracts', (j) =>
      j
        .onRef('contracts.ward_id', '=', 'report_requests.ward_id')
        .onRef('contracts.id', '=', 'report_requests.contract_id'),
    )
    .selectAll('report_requests')
    .select('contracts.chain_org_ids');
}

export async function findReportRequest(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<ReportRequest | undefined> {
  let q = reportRequestQuery(db).where('report_requests.id', '=', id);
  if (lock) q = q.forUpdate('report_requests');
  const row = await q.executeTakeFirst();
  return row && toReportRequest(row);
}
