import type { Answers } from '../../../forms/compliance-report/compliance-report.form.js';
import { headOf, MUNICIPALITY_COLUMNS, municipalityWords } from '../organisations/municipality-words.js';
import type { UseCaseContext } from '../shared/context.js';
import { type Plain, toPlain } from '../shared/plain.js';
import { type FormStamp, formStamps } from '../sign-off/stamp-boxes.js';
import { getReport } from './read-reports.js';

/** What 別紙5 (src/pdf/compliance-report) shows: the answers, the contract, the ward's part. */
export type ComplianceReportFormData = Plain<{
  period: string;
  answers: Answers;
  wardName: string;
  /** How the municipality speaks of itself: its part of the form is the 区記入欄 / 市記入欄. */
  selfWord: string;
  /** The municipality's head the report is addressed to (新宿区長, ○○衛生組合管理者). */
  wardHead: string;
  contract: {
    title: string;
    number: string | null;
    contractDate: string | null;
    periodFrom: string;
    periodTo: string;
  };
  contractor: { name: string; address: string | null };
  submittedAt: Date | null;
  periodFrom: string;
  periodTo: string;
  receivedOn: string | null;
  stamps: FormStamp[];
}>;

/**
 * 別紙5 as its PDF shows it: the answers as submitted (or the draft), and the ward's part as signed.
 * Read like the report itself: one the viewer may not read is not found.
 */
export async function readComplianceReportForm(
  ctx: UseCaseContext,
  id: string,
): Promise<ComplianceReportFormData> {
  const report = await getReport(ctx, id);
  const contract = await ctx.db
    .selectFrom('contracts')
    .select(['title', 'contract_number', 'contract_date', 'period_from', 'period_to'])
    .where('ward_id', '=', report.wardId)
    .where('id', '=', report.contractId)
    .executeTakeFirstOrThrow();
  const [ward, contractor] = await Promise.all(
    [report.wardId, report.organisationId].map((orgId) =>
      ctx.db
        .selectFrom('organisations')
        .select(['name', 'address', ...MUNICIPALITY_COLUMNS])
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow(),
    ),
  );
  return toPlain({
    period: report.period,
    answers: report.answers,
    wardName: ward!.name,
    selfWord: municipalityWords(ward).self.ja,
    wardHead: headOf(ward!.name, municipalityWords(ward).head.ja),
    contract: {
      title: contract.title,
      number: contract.contract_number,
      contractDate: contract.contract_date,
      periodFrom: contract.period_from,
      periodTo: contract.period_to,
    },
    contractor: { name: contractor!.name, address: contractor!.address },
    submittedAt: report.submittedAt,
    periodFrom: report.periodFrom,
    periodTo: report.periodTo,
    receivedOn: report.receivedOn,
    // 区記入欄 as 別紙5 prints it: 受付日, then the signatures top of the chain first
    stamps: formStamps(['受付日', '課長', '係長', '担当者'], report.stamps, {
      受付日: { name: '', on: report.receivedOn ? new Date(`${report.receivedOn}T00:00:00+09:00`) : null },
    }),
  });
}
