import type { Kysely, Selectable } from 'kysely';
import type { FieldMap } from '../../../policies/rules-to-sql.js';
import type { AccessLogReviewState } from '../../../workflows/access-log-review/access-log-review.machine.js';
import type { Database } from '../../db/database.js';
import type { AccessLogReviewsTable } from '../../db/tables/access-log-reviews.js';

/** アクセスログの確認: one period's review of a My Number contract's access logs. */
export interface AccessLogReview {
  id: string;
  wardId: string;
  contractId: string;
  /** The reviewing company: the contract's contractor. */
  organisationId: string;
  period: string;
  periodFrom: string;
  periodTo: string;
  dueOn: string;
  status: AccessLogReviewState;
  /** 確認日 */
  reviewedOn: string | null;
  /** 確認者 (業務責任者・取扱責任者) */
  reviewerName: string | null;
  /** 確認したログ (systems, log kinds, extent) */
  logsReviewed: string | null;
  /** 不審なアクセス等の有無 */
  anomaliesFound: boolean | null;
  anomalyDescription: string | null;
  /** 講じた措置 */
  actionTaken: string | null;
  recordedBy: string | null;
  recordedAt: Date | null;
  returnComment: string | null;
  confirmedAt: Date | null;
  confirmComment: string | null;
  issuedAt: Date;
  version: number;
  machine: { id: string; version: number };
}

export const accessLogReviewFields: FieldMap = {
  wardId: 'access_log_reviews.ward_id',
  organisationId: 'access_log_reviews.organisation_id',
};

export function toAccessLogReview(r: Selectable<AccessLogReviewsTable>): AccessLogReview {
  return {
    id: r.id,
    wardId: r.ward_id,
    contractId: r.contract_id,
    organisationId: r.organisation_id,
    period: r.period,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    dueOn: r.due_on,
    status: r.status as AccessLogReviewState,
    reviewedOn: r.reviewed_on,
    reviewerName: r.reviewer_name,
    logsReviewed: r.logs_reviewed,
    anomaliesFound: r.anomalies_found,
    anomalyDescription: r.anomaly_description,
    actionTaken: r.action_taken,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    returnComment: r.return_comment,
    confirmedAt: r.confirmed_at,
    confirmComment: r.confirm_comment,
    issuedAt: r.issued_at,
    version: r.version,
    machine: { id: r.machine_id, version: r.machine_version },
  };
}

export async function findAccessLogReview(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<AccessLogReview | undefined> {
  let q = db.selectFrom('access_log_reviews').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toAccessLogReview(row);
}
