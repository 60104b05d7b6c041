import type { UseCaseContext } from '../shared/context.js';
import { type Plain, toPlain } from '../shared/plain.js';
import type { MonitoringReport } from './monitoring.repository.js';
import { getMonitoringReport } from './read-monitoring.js';

/** What 業務委託モニタリング報告書 (src/pdf/monitoring-report) shows. */
export type MonitoringDocumentData = Plain<{
  wardName: string;
  contract: {
    title: string;
    number: string | null;
    department: string;
    contractor: string;
    contractDate: string | null;
    periodFrom: string;
    periodTo: string;
    amountYen: string | null;
    place: string | null;
  };
  report: Pick<
    MonitoringReport,
    'id' | 'hearingOn' | 'ratings' | 'comments' | 'overall' | 'improvements' | 'financials'
  >;
}>;

/**
 * A monitoring report with the contract facts its header shows. Read like the report itself: one
 * the viewer may not read is not found.
 */
export async function readMonitoringDocument(
  ctx: UseCaseContext,
  id: string,
): Promise<MonitoringDocumentData> {
  const report = await getMonitoringReport(ctx, id);
  const contract = await ctx.db
    .selectFrom('contracts')
    .innerJoin('departments', (j) =>
      j
        .onRef('departments.ward_id', '=', 'contracts.ward_id')
        .onRef('departments.id', '=', 'contracts.department_id'),
    )
    .innerJoin('organisations', 'organisations.id', 'contracts.contractor_org_id')
    .select([
      'contracts.title',
      'contracts.contract_number',
      'contracts.contract_date',
      'contracts.period_from',
      'contracts.period_to',
      'contracts.amount_yen',
      'contracts.place',
      'departments.name as department',
      'organisations.name as contractor',
    ])
    .where('contracts.ward_id', '=', report.wardId)
    .where('contracts.id', '=', report.contractId)
    .executeTakeFirstOrThrow();
  const ward = await ctx.db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', report.wardId)
    .executeTakeFirstOrThrow();
  return toPlain({
    wardName: ward.name,
    contract: {
      title: contract.title,
      number: contract.contract_number,
      department: contract.department,
      contractor: contract.contractor,
      contractDate: contract.contract_date,
      periodFrom: contract.period_from,
      periodTo: contract.period_to,
      amountYen: contract.amount_yen,
      place: contract.place,
    },
    report: {
      id: report.id,
      hearingOn: report.hearingOn,
      ratings: report.ratings,
      comments: report.comments,
      overall: report.overall,
      improvements: report.improvements,
      financials: report.financials,
    },
  });
}
