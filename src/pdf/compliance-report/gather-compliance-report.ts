import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { getReport } from '../../domain/reports/read-reports.js';

export type ReportWithSteps = Awaited<ReturnType<typeof getReport>>;

/** Everything 別紙5 shows besides the answers: the contract, the contractor, the signers. */
export async function gatherComplianceReport(db: Kysely<Database>, report: ReportWithSteps) {
  const contract = await db
    .selectFrom('contracts')
    .select(['title', 'contract_number', 'contract_date', 'period_from', 'period_to'])
    .where('ward_id', '=', report.wardId)
    .where('id', '=', report.contractId)
    .executeTakeFirstOrThrow();
  const [ward, contractor] = await Promise.all(
    [report.wardId, report.organisationId].map((id) =>
      db
        .selectFrom('organisations')
        .select(['name', 'address'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    ),
  );
  const userIds = report.steps.map((s) => s.userId).filter((u): u is string => !!u);
  const users = userIds.length
    ? await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute()
    : [];
  const nameOf = (id: string | null) => users.find((u) => u.id === id)?.display_name ?? '';
  const signed = (role: string) => {
    const step = [...report.steps]
      .reverse()
      .find((s) => s.role === role && (s.decision === 'sign' || s.decision === 'receive'));
    return step ? { name: nameOf(step.userId), at: step.at } : null;
  };
  return {
    wardName: ward!.name,
    contract,
    contractor: contractor!,
    submittedAt: report.submittedAt,
    periodFrom: report.periodFrom,
    periodTo: report.periodTo,
    receivedOn: report.receivedOn,
    signers: {
      manager: signed('ward_manager'),
      chief: signed('ward_chief'),
      officer: signed('ward_officer'),
    },
  };
}
