import { renderToBuffer } from '@react-pdf/renderer';
import { createElement as h } from 'react';
import type { MonitoringReport } from '../../domain/monitoring/monitoring.repository.js';
import type { UseCaseContext } from '../../domain/shared/context.js';
import { registerJapaneseFont } from '../fonts.js';
import { MonitoringReportDocument } from './monitoring-report-document.js';

/** Gathers the contract facts the report's header shows, and draws the report. */
export async function renderMonitoringReportPdf(
  ctx: Pick<UseCaseContext, 'db'>,
  report: MonitoringReport,
): Promise<Uint8Array> {
  registerJapaneseFont();
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
  const buffer = await renderToBuffer(
    h(MonitoringReportDocument, {
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
      report,
    }) as never,
  );
  return new Uint8Array(buffer);
}
