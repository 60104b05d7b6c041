import { type Kysely, sql } from 'kysely';
import { DEFAULT_SIGN_OFF_CHAIN } from '../../../workflows/shared/sign-off.js';
import type { Database } from '../../db/database.js';
import { appendAuditEntry } from '../audit/append-audit-entry.js';
import type { ReportPeriod } from './periods.js';
import { reportWorkflow } from './report.workflow.js';

export interface IssueResult {
  period: string;
  issued: number;
}

const DEFAULT_CHAIN = [...DEFAULT_SIGN_OFF_CHAIN];

/** Who asked for an issuing run: an administrator's "run now"; none for the scheduler. */
export interface IssuedBy {
  userId: string;
  organisationId: string;
  requestId: string | null;
}

/**
 * Issues the requests of one period for every contract handling personal information that ran in
 * it — each contractor, and each sub-contractor of an approved sub-contract — in one statement.
 * The unique key (ward, contract, organisation, period) makes it idempotent: run twice, on two
 * servers at once, or after downtime, every request exists exactly once. One audit entry per ward
 * records what the run issued.
 */
export async function issueReports(
  db: Kysely<Database>,
  period: ReportPeriod,
  now: Date,
  by?: IssuedBy,
): Promise<IssueResult> {
  return db.transaction().execute(async (tx) => {
    const issued = await sql<{ ward_id: string; id: string }>`
      insert into compliance_reports
        (ward_id, contract_id, organisation_id, period, period_from, period_to, due_on, status, chain, issued_at,
         machine_id, machine_version)
      select c.ward_id, c.id, c.contractor_org_id, ${period.label}, ${period.from}::date, ${period.to}::date, ${period.dueOn}::date,
             'issued',
             coalesce((select array_agg(x) from jsonb_array_elements_text(w.settings -> 'signOffChain') as x), ${DEFAULT_CHAIN}::text[]),
             ${now}, ${reportWorkflow.machine.id}, ${reportWorkflow.version}
      from contracts c
      join organisations w on w.id = c.ward_id
      where c.handles_personal_info
        and c.period_from <= ${period.to}::date and c.period_to >= ${period.from}::date
        and (c.status in ('active', 'ending')
             -- a contract that closed after the period still owes the report for it
             or (c.status = 'closed' and c.updated_at >= ${period.to}::date))
        and (c.parent_contract_id is null or c.contractor_access)
      on conflict (ward_id, contract_id, organisation_id, period) do nothing
      returning ward_id, id
    `.execute(tx);
    const byWard = new Map<string, string[]>();
    for (const row of issued.rows) byWard.set(row.ward_id, [...(byWard.get(row.ward_id) ?? []), row.id]);
    for (const [wardId, ids] of byWard) {
      await appendAuditEntry(tx, {
        wardId,
        actorUserId: by?.userId ?? null,
        actorOrgId: by?.organisationId ?? null,
        action: 'compliance_report.issue',
        subjectType: 'ComplianceReportPeriod',
        subjectId: period.label,
        after: { period: period.label, count: ids.length, reportIds: ids.length <= 500 ? ids : undefined },
        requestId: by ? by.requestId : 'scheduler',
        at: now,
      });
    }
    return { period: period.label, issued: issued.rows.length };
  });
}
