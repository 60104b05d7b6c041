import { sql } from 'kysely';
import { listInspectionDue } from '../inspections/list-inspection-due.js';
import type { SummarySection } from './build-summary.js';

/** 実地検査: signed off this fiscal year, still due or overdue, and findings not yet closed. */
export const inspectionSection: SummarySection = async (ctx, scope) => {
  const fiscalYear = Number(scope.from.slice(0, 4));
  const dept = scope.departmentId ? sql`and c.department_id = ${scope.departmentId}` : sql``;
  const done = await sql<{ n: string }>`
    select count(*) as n from inspections i join contracts c on c.ward_id = i.ward_id and c.id = i.contract_id
    where i.ward_id = ${scope.wardId} and i.fiscal_year = ${fiscalYear} and i.status = 'signed_off'
      and i.inspecting_org_id is null ${dept}`.execute(ctx.db);
  const findings = await sql<{ n: string }>`
    select count(*) as n from inspection_findings f join inspections i on i.ward_id = f.ward_id and i.id = f.inspection_id
    join contracts c on c.ward_id = i.ward_id and c.id = i.contract_id
    where f.ward_id = ${scope.wardId} and i.fiscal_year = ${fiscalYear} and f.status in ('open', 'reported') ${dept}`.execute(
    ctx.db,
  );
  const due = await listInspectionDue(
    ctx.db,
    { wardId: scope.wardId, fiscalYear, today: scope.today },
    (eb) =>
      scope.departmentId ? eb('contracts.department_id', '=', scope.departmentId) : sql<boolean>`true`,
  );
  return [
    {
      key: 'inspections_done',
      label: '実地検査（決裁済）',
      labelEn: 'Inspections signed off',
      value: Number(done.rows[0]!.n),
    },
    {
      key: 'inspections_due',
      label: '実地検査（未実施・期限内）',
      labelEn: 'Inspections due',
      value: due.filter((d) => d.status === 'due').length,
    },
    {
      key: 'inspections_overdue',
      label: '実地検査（期限超過）',
      labelEn: 'Inspections overdue',
      value: due.filter((d) => d.status === 'overdue').length,
    },
    {
      key: 'findings_open',
      label: '未完了の指摘事項',
      labelEn: 'Findings not yet closed',
      value: Number(findings.rows[0]!.n),
    },
  ];
};
