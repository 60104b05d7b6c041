import type { Kysely, Selectable } from 'kysely';
import type { FieldMap } from '../../../policies/rules-to-sql.js';
import type { OperationalReportState } from '../../../workflows/operational-report/operational-report.machine.js';
import type { SignOffRole } from '../../../workflows/shared/sign-off.js';
import type { Database } from '../../db/database.js';
import type {
  AdhocReportKind,
  OperationalReportKind,
  OperationalReportsTable,
} from '../../db/tables/operational-reports.js';

/** 業務報告: one daily, monthly, yearly or ad-hoc report of the contractor (乙) to the city. */
export interface OperationalReport {
  id: string;
  wardId: string;
  contractId: string;
  /** The reporting company: the contract's contractor. */
  organisationId: string;
  kind: OperationalReportKind;
  adhocKind: AdhocReportKind | null;
  period: string | null;
  periodFrom: string;
  periodTo: string;
  dueOn: string;
  status: OperationalReportState;
  receiptOnly: boolean;
  chain: SignOffRole[];
  step: number;
  title: string | null;
  /** 実績 (業務実績) */
  results: string | null;
  /** サービス水準の達成状況 */
  serviceLevel: string | null;
  /** 業務履行上の課題 */
  issues: string | null;
  /** 随時報告の内容 / 研修内容及び実績 (年報) */
  body: string | null;
  submittedAt: Date | null;
  receivedOn: string | null;
  returnComment: string | null;
  issuedAt: Date;
  version: number;
  machine: { id: string; version: number };
}

export const operationalReportFields: FieldMap = {
  wardId: 'operational_reports.ward_id',
  organisationId: 'operational_reports.organisation_id',
};

export function toOperationalReport(r: Selectable<OperationalReportsTable>): OperationalReport {
  return {
    id: r.id,
    wardId: r.ward_id,
    contractId: r.contract_id,
    organisationId: r.organisation_id,
    kind: r.kind,
    adhocKind: r.adhoc_kind,
    period: r.period,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    dueOn: r.due_on,
    status: r.status as OperationalReportState,
    receiptOnly: r.receipt_only,
    chain: r.chain as SignOffRole[],
    step: r.step,
    title: r.title,
    results: r.results,
    serviceLevel: r.service_level,
    issues: r.issues,
    body: r.body,
    submittedAt: r.submitted_at,
    receivedOn: r.received_on,
    returnComment: r.return_comment,
    issuedAt: r.issued_at,
    version: r.version,
    machine: { id: r.machine_id, version: r.machine_version },
  };
}

export async function findOperationalReport(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<OperationalReport | undefined> {
  let q = db.selectFrom('operational_reports').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toOperationalReport(row);
}
