import { sql } from 'kysely';
import { erasureSummarySection } from '../erasure/erasure-summary-section.js';
import { MUNICIPALITY_COLUMNS, municipalityWords } from '../organisations/municipality-words.js';
import { authorize } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { fiscalYearLabel } from '../shared/wareki.js';
import { standingSummarySection } from '../standing/standing-summary-section.js';
import { inspectionSection } from './inspection-section.js';

// The council reviewers' summary (審議会向け集計) of one ward and fiscal year: counts and titles of
// contracts, sub-contracts, council items, reports and incidents — no residents' personal data,
// nothing to change. Every figure is one aggregate query over the records.

export interface SummaryFigure {
  key: string;
  label: string;
  labelEn: string;
  value: number;
}

export interface CouncilSummary {
  wardId: string;
  wardName: string;
  /** How the municipality speaks of itself (区, 市, …); absent in summaries recorded before it was kept. */
  selfWord?: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  department: { id: string; name: string } | null;
  generatedAt: string;
  figures: SummaryFigure[];
  contracts: Array<{
    title: string;
    department: string;
    contractor: string;
    status: string;
    periodFrom: string;
    periodTo: string;
    subcontracts: number;
  }>;
}

export interface SummaryScope {
  wardId: string;
  fromAt: Date;
  toAt: Date;
  from: string;
  to: string;
  today: string;
  departmentId: string | null;
}

/** Figures of other features (inspections, erasure certificates) join the summary through here. */
export type SummarySection = (ctx: UseCaseContext, scope: SummaryScope) => Promise<SummaryFigure[]>;
export const extraSummarySections: SummarySection[] = [
  inspectionSection,
  erasureSummarySection,
  standingSummarySection,
];

export async function buildSummary(
  ctx: UseCaseContext,
  query: { wardId?: string; fiscalYear: number; departmentId?: string },
): Promise<CouncilSummary> {
  const wardId = query.wardId ?? ctx.actor.wardId;
  if (!wardId) throw notFound('{Self}', '{self}');
  authorize(ctx.ability, 'read', 'CouncilSummary', { wardId });
  const ward = await ctx.db
    .selectFrom('organisations')
    .select(['name', 'kind', ...MUNICIPALITY_COLUMNS])
    .where('id', '=', wardId)
    .executeTakeFirst();
  if (ward?.kind !== 'ward') throw notFound('{Self}', '{self}');
  const dept = query.departmentId
    ? await ctx.db
        .selectFrom('departments')
        .select(['id', 'name'])
        .where('ward_id', '=', wardId)
        .where('id', '=', query.departmentId)
        .executeTakeFirst()
    : undefined;
  if (query.departmentId && !dept) throw notFound('Department', '所管課');

  const from = `${query.fiscalYear}-04-01`;
  const to = `${query.fiscalYear + 1}-03-31`;
  const fromAt = new Date(`${from}T00:00:00+09:00`);
  const toAt = new Date(`${to}T23:59:59.999+09:00`);
  const today = toJapanDate(ctx.now());
  const deptFilter = dept ? sql`and c.department_id = ${dept.id}` : sql``;
  const db = ctx.db;

  const count = async (query: ReturnType<typeof sql<{ n: string }>>) =>
    Number((await query.execute(db)).rows[0]?.n ?? 0);
  const figures: SummaryFigure[] = [
    {
      key: 'contracts_with_personal_info',
      label: '個人情報を取り扱う委託契約',
      labelEn: 'Contracts handling personal information',
      value:
        await count(sql`select count(*) as n from contracts c where c.ward_id = ${wardId} and c.parent_contract_id is null
        and c.handles_personal_info and c.status <> 'draft' and c.period_from <= ${to} and c.period_to >= ${from} ${deptFilter}`),
    },
    {
      key: 'subcontracts_approved',
      label: '再委託の承認',
      labelEn: 'Sub-contracts approved',
      value:
        await count(sql`select count(distinct a.id) as n from approvals a join approval_steps s on s.ward_id = a.ward_id and s.approval_id = a.id
        join contracts c on c.ward_id = a.ward_id and c.id = a.contract_id
        where a.ward_id = ${wardId} and a.kind = 'subdelegation' and s.decision = 'approve' and s.role = a.chain[array_length(a.chain, 1)]
        and s.at between ${fromAt} and ${toAt} ${deptFilter}`),
    },
    {
      key: 'subcontracts_revoked',
      label: '再委託の承認取消し',
      labelEn: 'Sub-contract approvals revoked',
      value:
        await count(sql`select count(*) as n from approvals a join contracts c on c.ward_id = a.ward_id and c.id = a.contract_id
        where a.ward_id = ${wardId} and a.kind = 'subdelegation' and a.status = 'revoked' and a.decided_at between ${fromAt} and ${toAt} ${deptFilter}
        -- revoked by the 課長's own act (a step row); older records ended with their parent carry none
        and exists (select 1 from approval_steps r where r.ward_id = a.ward_id and r.approval_id = a.id and r.decision = 'revoke')`),
    },
    {
      key: 'council_items',
      label: '審議会への報告事項',
      labelEn: 'Council report items',
      value:
        await count(sql`select count(*) as n from council_report_items i join approvals a on a.ward_id = i.ward_id and a.id = i.approval_id
        join contracts c on c.ward_id = a.ward_id and c.id = a.contract_id
        where i.ward_id = ${wardId} and i.created_at between ${fromAt} and ${toAt} ${deptFilter}`),
    },
    ...(await reportFigures(ctx, wardId, query.fiscalYear, today, deptFilter)),
    ...(await incidentFigures(ctx, wardId, fromAt, toAt, deptFilter)),
  ];
  const scope: SummaryScope = { wardId, fromAt, toAt, from, to, today, departmentId: dept?.id ?? null };
  for (const section of extraSummarySections) figures.push(...(await section(ctx, scope)));

  const contracts = await sql<{
    title: string;
    department: string;
    contractor: string;
    status: string;
    period_from: string;
    period_to: string;
    subcontracts: string;
  }>`
    select c.title, d.name as department, o.name as contractor, c.status, c.period_from, c.period_to,
      (select count(*) from contracts s where s.ward_id = c.ward_id and s.parent_contract_id = c.id and s.contractor_access) as subcontracts
    from contracts c join departments d on d.ward_id = c.ward_id and d.id = c.department_id join organisations o on o.id = c.contractor_org_id
    where c.ward_id = ${wardId} and c.parent_contract_id is null and c.handles_personal_info and c.status <> 'draft'
      and c.period_from <= ${to} and c.period_to >= ${from} ${deptFilter}
    order by d.name, c.title`.execute(db);

  return {
    wardId,
    wardName: ward.name,
    selfWord: municipalityWords(ward).self.ja,
    fiscalYear: query.fiscalYear,
    fiscalYearLabel: fiscalYearLabel(query.fiscalYear),
    department: dept ? { id: dept.id, name: dept.name } : null,
    generatedAt: ctx.now().toISOString(),
    figures,
    contracts: contracts.rows.map((r) => ({
      title: r.title,
      department: r.department,
      contractor: r.contractor,
      status: r.status,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      subcontracts: Number(r.subcontracts),
    })),
  };
}

async function reportFigures(
  ctx: UseCaseContext,
  wardId: string,
  fy: number,
  today: string,
  deptFilter: ReturnType<typeof sql>,
) {
  const rows = await sql<{ issued: string; received: string; overdue: string; discrepancies: string }>`
    select count(*) as issued,
      count(*) filter (where r.status in ('received', 'signed_off')) as received,
      count(*) filter (where r.status in ('issued', 'draft', 'returned') and r.due_on < ${today}) as overdue,
      count(*) filter (where jsonb_array_length(r.discrepancies) > 0) as discrepancies
    from compliance_reports r join contracts c on c.ward_id = r.ward_id and c.id = r.contract_id
    where r.ward_id = ${wardId} and r.period in (${`${fy}H1`}, ${`${fy}H2`}) ${deptFilter}`.execute(ctx.db);
  const r = rows.rows[0]!;
  return [
    {
      key: 'reports_issued',
      label: '遵守状況報告書の依頼',
      labelEn: 'Compliance reports requested',
      value: Number(r.issued),
    },
    {
      key: 'reports_received',
      label: '遵守状況報告書の受付',
      labelEn: 'Compliance reports received',
      value: Number(r.received),
    },
    {
      key: 'reports_overdue',
      label: '遵守状況報告書の提出遅延',
      labelEn: 'Compliance reports overdue',
      value: Number(r.overdue),
    },
    {
      key: 'reports_with_discrepancies',
      label: '記録と相違のある報告書',
      labelEn: 'Reports contradicting the records',
      value: Number(r.discrepancies),
    },
  ];
}

async function incidentFigures(
  ctx: UseCaseContext,
  wardId: string,
  fromAt: Date,
  toAt: Date,
  deptFilter: ReturnType<typeof sql>,
) {
  const rows = await sql<{ reported: string; open: string; published: string }>`
    select count(*) as reported, count(*) filter (where i.status <> 'closed') as open, count(*) filter (where i.published) as published
    from incidents i join contracts c on c.ward_id = i.ward_id and c.id = i.contract_id
    where i.ward_id = ${wardId} and i.discovered_at between ${fromAt} and ${toAt} ${deptFilter}`.execute(
    ctx.db,
  );
  const r = rows.rows[0]!;
  return [
    { key: 'incidents', label: '事故報告', labelEn: 'Incidents reported', value: Number(r.reported) },
    {
      key: 'incidents_open',
      label: '対応中の事故',
      labelEn: 'Incidents not yet closed',
      value: Number(r.open),
    },
    {
      key: 'incidents_published',
      label: '公表した事故',
      labelEn: 'Incidents published',
      value: Number(r.published),
    },
  ];
}
