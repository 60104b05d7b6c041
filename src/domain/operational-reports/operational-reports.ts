import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { WITH_CONTRACTOR } from '../../../workflows/operational-report/operational-report.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import type { AdhocReportKind, OperationalReportKind } from '../../db/tables/operational-reports.js';
import { wardApprovalSettings } from '../approvals/approval.repository.js';
import { findContract } from '../contracts/contract.repository.js';
import { checkContractAllows } from '../contracts/contract.workflow.js';
import { ofContractWithWords } from '../contracts/contract-words.js';
import { allowedActions, type Viewer } from '../shared/allowed-actions.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import { runStep } from '../shared/run-step.js';
import { type ListSort, sortedPage } from '../shared/sorted-list.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import { readSignOff } from '../sign-off/read-sign-off.js';
import { appendSignOffStep } from '../sign-off/sign-off-steps.js';
import {
  findOperationalReport,
  type OperationalReport,
  operationalReportFields,
  toOperationalReport,
} from './operational-report.repository.js';
import {
  missingContents,
  type OperationalReportCommand,
  type OperationalReportInput,
  operationalReportCommands,
  operationalReportWorkflow,
} from './operational-report.workflow.js';
import { operationalSettingsOf } from './report-settings.js';

export type { OperationalReportCommand, OperationalReportInput };

/** Past its due date while still with the contractor. */
export const isOverdue = (r: Pick<OperationalReport, 'status' | 'dueOn'>, today: string) =>
  WITH_CONTRACTOR.includes(r.status) && r.dueOn < today;

/** The contractor submits; the city receives (受付), signs off or returns — each on the shared path. */
export function actOnOperationalReport(
  ctx: UseCaseContext,
  id: string,
  command: OperationalReportCommand,
  input: OperationalReportInput,
  expectedVersion: number,
): Promise<OperationalReport> {
  return runStep(
    ctx,
    operationalReportWorkflow,
    operationalReportCommands[command],
    id,
    input,
    expectedVersion,
  );
}

/** The steps this person may take on the report now. */
export function operationalReportActions(viewer: Viewer, r: OperationalReport): OperationalReportCommand[] {
  return allowedActions(
    viewer,
    operationalReportWorkflow,
    Object.values(operationalReportCommands),
    r,
  ) as OperationalReportCommand[];
}

export interface AdhocReportInput {
  contractId: string;
  adhocKind: AdhocReportKind;
  title: string;
  body: string;
}

/**
 * 随時報告: トラブル, 緊急課題, 協議事項 (with an improvement plan), 業務従事者交代 — reported by the
 * contractor at once (事件発生後速やかに), so it is filed already submitted and waits for the
 * city's 受付 and 決裁. Only on a contract whose settings require ad-hoc reports and that is being
 * performed. Audited with its first step.
 */
export async function fileAdhocReport(
  ctx: UseCaseContext,
  input: AdhocReportInput,
): Promise<OperationalReport> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const contract = await findContract(tx, input.contractId, true);
    if (!contract) throw notFound('Contract', '契約');
    authorize(ctx.ability, 'read', 'Contract', contract);
    authorize(ctx.ability, 'create', 'OperationalReport', {
      wardId: contract.wardId,
      organisationId: contract.contractorOrgId,
    });
    const settings = await operationalSettingsOf(tx, contract);
    if (!settings.requiredKinds.includes('adhoc'))
      throw new ConflictError({
        en: 'This contract does not provide for ad-hoc reports',
        ja: 'この契約では随時報告を定めていません',
      });
    // ad-hoc reports are made while the work is performed (the same states as a prior approval)
    checkContractAllows(
      contract,
      { type: 'APPLY_PRIOR_APPROVAL' },
      {
        en: 'Ad-hoc reports are made while the contract is performed',
        ja: '随時報告は履行中の契約についてのみ行えます',
      },
    );
    const errors = [
      ...(input.title.trim()
        ? []
        : [{ path: 'title', message: 'required', message_ja: '件名を入力してください' }]),
      ...missingContents('adhoc', input),
    ];
    if (errors.length)
      throw new ValidationError(
        { en: 'The report is not complete', ja: '報告書の記入内容が不足しています' },
        errors,
      );
    const { signOffChain } = await wardApprovalSettings(tx, contract.wardId);
    const filed = decide(operationalReportWorkflow.machine, 'filing', { type: 'FILE' } as never, {
      chain: [...signOffChain],
      step: 0,
      receiptOnly: false,
    });
    if (!filed.allowed) throw new Error('the operational-report machine refused FILE');
    const now = ctx.now();
    const today = toJapanDate(now);
    const row = await tx
      .insertInto('operational_reports')
      .values({
        ward_id: contract.wardId,
        contract_id: contract.id,
        organisation_id: contract.contractorOrgId,
        kind: 'adhoc',
        adhoc_kind: input.adhocKind,
        period: null,
        period_from: today,
        period_to: today,
        due_on: today,
        status: filed.next,
        ...machineColumns(operationalReportWorkflow),
        receipt_only: false,
        chain: [...signOffChain],
        step: 0,
        title: input.title.trim(),
        body: input.body.trim(),
        submitted_at: now,
        submitted_by: ctx.actor.userId,
        issued_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendSignOffStep(tx, 'operational_report_steps', {
      wardId: contract.wardId,
      recordId: row.id,
      role: 'contractor',
      decision: 'submit',
      comment: null,
      userId: ctx.actor.userId,
      at: now,
    });
    const report = (await findOperationalReport(tx, row.id))!;
    await audit({
      wardId: contract.wardId,
      action: 'operational_report.file',
      subjectType: 'OperationalReport',
      subjectId: row.id,
      after: { kind: 'adhoc', adhocKind: input.adhocKind, status: report.status, version: report.version },
    });
    return report;
  });
}

/** One report with its history and the stamp boxes; a report the viewer may not read is a 404. */
export async function getOperationalReport(ctx: UseCaseContext, id: string) {
  const report = await findOperationalReport(ctx.db, id);
  if (!report) throw notFound('Operational report', '業務報告');
  authorize(ctx.ability, 'read', 'OperationalReport', report);
  return {
    ...report,
    overdue: isOverdue(report, toJapanDate(ctx.now())),
    ...(await readSignOff(ctx.db, operationalReportWorkflow, report)),
  };
}

export interface OperationalReportQuery {
  contractId?: string;
  kind?: OperationalReportKind;
  status?: string;
  /** Only those past their due date and still with the contractor. */
  overdue?: boolean;
  /** Several states at once (the worklist's: what waits on the viewer's side). */
  statuses?: readonly string[];
  /** Oldest due date first (the worklist); latest first by default. */
  oldestFirst?: boolean;
  /** Words in the contract's title or number (where the actor may read the contract). */
  q?: string;
  sort?: ListSort<OperationalReportSortKey>;
  cursor?: string;
  limit: number;
}

export const OPERATIONAL_REPORT_SORT_KEYS = ['kind', 'periodFrom', 'dueOn', 'status'] as const;
export type OperationalReportSortKey = (typeof OPERATIONAL_REPORT_SORT_KEYS)[number];

const SORT_COLUMNS: Record<OperationalReportSortKey, string> = {
  kind: "case operational_reports.kind when 'daily' then '1' when 'monthly' then '2' when 'yearly' then '3' else '4' end",
  periodFrom: "to_char(operational_reports.period_from, 'YYYY-MM-DD')",
  dueOn: "to_char(operational_reports.due_on, 'YYYY-MM-DD')",
  // the order of a report's life
  status:
    "case operational_reports.status when 'issued' then '1' when 'returned' then '2' when 'submitted' then '3' when 'received' then '4' when 'signed_off' then '5' else '6' end",
};

/** The reports this person may read, by due date (latest first) or a column; the rules run in SQL. */
export async function listOperationalReports(
  ctx: UseCaseContext,
  query: OperationalReportQuery,
): Promise<Page<OperationalReport & { overdue: boolean }>> {
  const today = toJapanDate(ctx.now());
  let q = ctx.db
    .selectFrom('operational_reports')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'OperationalReport', operationalReportFields));
  if (query.contractId) q = q.where('contract_id', '=', query.contractId);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.statuses) q = q.where('status', 'in', [...query.statuses]);
  if (query.overdue) q = q.where('status', 'in', [...WITH_CONTRACTOR]).where('due_on', '<', today);
  if (query.q) q = q.where(ofContractWithWords(ctx, query.q, 'operational_reports'));
  const withOverdue = (r: Parameters<typeof toOperationalReport>[0]) => {
    const report = toOperationalReport(r);
    return { ...report, overdue: isOverdue(report, today) };
  };
  if (query.sort)
    return sortedPage(
      q,
      SORT_COLUMNS,
      'operational_reports.id',
      query.sort,
      query.cursor,
      query.limit,
      withOverdue,
    );
  const direction = query.oldestFirst ? 'asc' : 'desc';
  if (query.cursor) {
    const [dueOn, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) =>
      after(eb, ['operational_reports.due_on', 'operational_reports.id'], [dueOn, id], direction),
    );
  }
  const rows = await q
    .orderBy('due_on', direction)
    .orderBy('id', direction)
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.due_on, r.id], withOverdue);
}
