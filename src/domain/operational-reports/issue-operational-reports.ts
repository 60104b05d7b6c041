import type { Kysely } from 'kysely';
import { DEFAULT_SIGN_OFF_CHAIN } from '../../../workflows/shared/sign-off.js';
import type { Database } from '../../db/database.js';
import type { OperationalReportKind } from '../../db/tables/operational-reports.js';
import { appendAuditEntry } from '../audit/append-audit-entry.js';
import { toJapanDate } from '../shared/japan-date.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import { operationalReportWorkflow } from './operational-report.workflow.js';
import { periodsToIssue } from './periods.js';

/** Who asked for an issuing run: an administrator's "run now"; none for the scheduler. */
export interface IssuedBy {
  userId: string;
  organisationId: string;
  requestId: string | null;
}

/**
 * Issues the operational-report requests (業務日報・月報・年報) that are due to go out by today —
 * catching up on the last CATCH_UP_DAYS — for every contract whose settings require them and that
 * is in force (active or ending; a closed one only for periods before it closed). The unique key
 * (ward, contract, kind, period) makes it idempotent: a second run, or two servers at once, issue
 * nothing more. One audit entry per ward records what a run issued. Returns how many it issued.
 */
export async function issueOperationalReports(
  db: Kysely<Database>,
  now: Date,
  by?: IssuedBy,
): Promise<number> {
  const today = toJapanDate(now);
  return db.transaction().execute(async (tx) => {
    const contracts = await tx
      .selectFrom('contract_operational_report_settings as s')
      .innerJoin('contracts as c', (j) =>
        j.onRef('c.ward_id', '=', 's.ward_id').onRef('c.id', '=', 's.contract_id'),
      )
      .innerJoin('organisations as w', 'w.id', 'c.ward_id')
      .select([
        'c.ward_id',
        'c.id',
        'c.contractor_org_id',
        'c.period_from',
        'c.period_to',
        'c.status',
        'c.updated_at',
        's.required_kinds',
        'w.settings',
      ])
      .where('c.status', 'in', ['active', 'ending', 'closed'])
      .execute();
    const byWard = new Map<string, string[]>();
    for (const c of contracts) {
      const closedOn = c.status === 'closed' ? toJapanDate(c.updated_at) : null;
      const periods = periodsToIssue(
        { periodFrom: c.period_from, periodTo: c.period_to },
        c.required_kinds as OperationalReportKind[],
        today,
      ).filter((p) => closedOn === null || p.to < closedOn);
      if (!periods.length) continue;
      const chain = c.settings.signOffChain ?? [...DEFAULT_SIGN_OFF_CHAIN];
      const rows = await tx
        .insertInto('operational_reports')
        .values(
          periods.map((p) => ({
            ward_id: c.ward_id,
            contract_id: c.id,
            organisation_id: c.contractor_org_id,
            kind: p.kind,
            adhoc_kind: null,
            period: p.label,
            period_from: p.from,
            period_to: p.to,
            due_on: p.dueOn,
            status: 'issued',
            ...machineColumns(operationalReportWorkflow),
            // 業務日報 is received (受付) only; the others are signed along the chain
            receipt_only: p.kind === 'daily',
            chain,
            step: 0,
            issued_at: now,
            updated_at: now,
          })),
        )
        .onConflict((oc) => oc.columns(['ward_id', 'contract_id', 'kind', 'period']).doNothing())
        .returning('id')
        .execute();
      if (rows.length) byWard.set(c.ward_id, [...(byWard.get(c.ward_id) ?? []), ...rows.map((r) => r.id)]);
    }
    let issued = 0;
    for (const [wardId, ids] of byWard) {
      issued += ids.length;
      await appendAuditEntry(tx, {
        wardId,
        actorUserId: by?.userId ?? null,
        actorOrgId: by?.organisationId ?? null,
        action: 'operational_report.issue',
        subjectType: 'OperationalReportRequests',
        subjectId: today,
        after: { on: today, count: ids.length, reportIds: ids.length <= 500 ? ids : undefined },
        requestId: by ? by.requestId : 'scheduler',
        at: now,
      });
    }
    return issued;
  });
}
