import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { AWAITING_ANSWER } from '../../../workflows/report-request/report-request.machine.js';
import type { ReportRequestStatus } from '../../db/tables/supervision.js';
import { timeCursor } from '../inspections/read-inspections.js';
import { allowedActions, type Viewer } from '../shared/allowed-actions.js';
import { authorize } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { after, type Page, toPage } from '../shared/pagination.js';
import { runStep } from '../shared/run-step.js';
import {
  findReportRequest,
  type ReportRequest,
  reportRequestFields,
  reportRequestQuery,
  toReportRequest,
} from './report-request.repository.js';
import {
  type ReportRequestCommand,
  type ReportRequestCommandInput,
  reportRequestCommands,
  reportRequestWorkflow,
} from './report-request.workflow.js';

export type { ReportRequestCommand };

/** One report request the actor may read (404 otherwise). */
export async function getReportRequest(ctx: UseCaseContext, id: string): Promise<ReportRequest> {
  const record = await findReportRequest(ctx.db, id);
  if (!record) throw notFound('Report request', '報告の求め');
  authorize(ctx.ability, 'read', 'ReportRequest', record);
  return record;
}

export interface ReportRequestQuery {
  contractId?: string;
  status?: ReportRequestStatus;
  /** Only those asked by (requester) or of (subject) this organisation. */
  requesterOrgId?: string;
  subjectOrgId?: string;
  /** Only those still awaiting an answer past their due date, as of this day. */
  overdueOn?: string;
  cursor?: string;
  limit: number;
}

/** Report requests the actor may read, newest first; the rules run in SQL. */
export async function listReportRequests(
  ctx: UseCaseContext,
  query: ReportRequestQuery,
): Promise<Page<ReportRequest>> {
  let q = reportRequestQuery(ctx.db).where((eb) =>
    accessibleBy(eb, ctx.ability, 'read', 'ReportRequest', reportRequestFields),
  );
  if (query.contractId) q = q.where('report_requests.contract_id', '=', query.contractId);
  if (query.status) q = q.where('report_requests.status', '=', query.status);
  if (query.requesterOrgId) q = q.where('report_requests.requester_org_id', '=', query.requesterOrgId);
  if (query.subjectOrgId) q = q.where('report_requests.subject_org_id', '=', query.subjectOrgId);
  if (query.overdueOn)
    q = q
      .where('report_requests.status', 'in', [...AWAITING_ANSWER])
      .where('report_requests.due_on', '<', query.overdueOn);
  if (query.cursor) {
    const [at, id] = timeCursor(query.cursor);
    q = q.where((eb) => after(eb, ['report_requests.requested_at', 'report_requests.id'], [at, id], 'desc'));
  }
  const rows = await q
    .orderBy('report_requests.requested_at', 'desc')
    .orderBy('report_requests.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.requested_at.toISOString(), r.id], toReportRequest);
}

/** Every step of a report request on the shared path. */
export function actOnReportRequest(
  ctx: UseCaseContext,
  id: string,
  command: ReportRequestCommand,
  input: ReportRequestCommandInput,
  expectedVersion: number,
): Promise<ReportRequest> {
  return runStep(ctx, reportRequestWorkflow, reportRequestCommands[command], id, input, expectedVersion);
}

/** What this person may do with the request now. */
export function reportRequestActions(viewer: Viewer, record: ReportRequest): ReportRequestCommand[] {
  return allowedActions(
    viewer,
    reportRequestWorkflow,
    Object.values(reportRequestCommands),
    record,
  ) as ReportRequestCommand[];
}

/** Overdue: still awaiting an answer after its due date (Japan calendar day). */
export function isOverdue(record: Pick<ReportRequest, 'status' | 'dueOn'>, today: string): boolean {
  return AWAITING_ANSWER.includes(record.status) && record.dueOn < today;
}
