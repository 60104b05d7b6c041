import { sql } from 'kysely';
import { SETTLED } from '../../../workflows/custody/custody.machine.js';
import type { SummarySection } from '../summaries/build-summary.js';

// 消去証明書 in the council summary: certificates issued in the fiscal year, and what is still
// owed by contracts that have ended or are ending (their period is over, or the ward has started
// to end them) — the same things the closing gate waits for, counted for the whole ward.

export const erasureSummarySection: SummarySection = async (ctx, scope) => {
  const dept = scope.departmentId ? sql`and c.department_id = ${scope.departmentId}` : sql``;
  // Contracts (and sub-contracts) that owe their end-of-contract erasure: ending, or active past
  // their period, within the fiscal year. Closed ones passed the closing gate, so owe nothing.
  const owing = sql`c.ward_id = ${scope.wardId} and c.handles_personal_info
    and (c.status = 'ending' or (c.status = 'active' and c.period_to < ${scope.today}))
    and c.period_to >= ${scope.from} and c.period_from <= ${scope.to} ${dept}`;
  const count = async (query: ReturnType<typeof sql<{ n: string }>>) =>
    Number((await query.execute(ctx.db)).rows[0]?.n ?? 0);
  return [
    {
      key: 'erasure_certificates_issued',
      label: '消去証明書の発行',
      labelEn: 'Erasure certificates issued',
      value: await count(sql`select count(*) as n from erasure_certificates e
        join erasure_records r on r.ward_id = e.ward_id and r.id = e.erasure_record_id
        join contracts c on c.ward_id = r.ward_id and c.id = r.contract_id
        where e.ward_id = ${scope.wardId} and e.issued_at between ${scope.fromAt} and ${scope.toAt} ${dept}`),
    },
    {
      key: 'erasure_certificates_missing',
      label: '消去証明書未提出（終了・終了手続中の契約）',
      labelEn: 'Erasure certificates missing (contracts ended or ending)',
      value: await count(sql`select count(*) as n from contracts c where ${owing}
        and not exists (select 1 from erasure_records r where r.ward_id = c.ward_id and r.contract_id = c.id
          and r.organisation_id = c.contractor_org_id and r.scope = 'contract_end' and r.status = 'certified')`),
    },
    {
      key: 'packages_outstanding',
      label: '未返却・未消去の受渡データ（終了・終了手続中の契約）',
      labelEn: 'Handover packages neither returned nor erased (contracts ended or ending)',
      value: await count(sql`select count(*) as n from handover_packages p
        join contracts c on c.ward_id = p.ward_id and c.id = p.contract_id
        where ${owing} and p.status not in (${sql.join(SETTLED.map((s) => sql`${s}`))})`),
    },
  ];
};
