import { type Kysely, type Selectable, sql } from 'kysely';
import type { Answers } from '../../../forms/compliance-report/compliance-report.form.js';
import { type FieldMap, membership } from '../../../policies/rules-to-sql.js';
import type { ReportState } from '../../../workflows/compliance-report/compliance-report.machine.js';
import type { SignOffRole } from '../../../workflows/shared/sign-off.js';
import type { Database } from '../../db/database.js';
import type { ComplianceReportsTable } from '../../db/tables/reports.js';
import type { Discrepancy, Prefill } from './report-facts.js';

export interface ComplianceReport {
  id: string;
  wardId: string;
  contractId: string;
  organisationId: string;
  period: string;
  periodFrom: string;
  periodTo: string;
  dueOn: string;
  status: ReportState;
  answers: Answers;
  prefill: Prefill;
  discrepancies: Discrepancy[];
  chain: SignOffRole[];
  step: number;
  receivedOn: string | null;
  returnComment: string | null;
  submittedAt: Date | null;
  issuedAt: Date;
  version: number;
  machine: { id: string; version: number };
  /** For the policies: the organisations above the reporting one in the chain. */
  chainOrgIds: string[];
}

export const reportFields: FieldMap = {
  wardId: 'compliance_reports.ward_id',
  organisationId: 'compliance_reports.organisation_id',
  chainOrgIds: membership((eb, orgId) =>
    eb.exists(
      eb
        .selectFrom('contracts as c')
        .select(sql`1`.as('one'))
        .whereRef('c.ward_id', '=', 'compliance_reports.ward_id')
        .whereRef('c.id', '=', 'compliance_reports.contract_id')
        .where(sql<boolean>`${orgId}::uuid = any(c.chain_org_ids)`),
    ),
  ),
};

export function toReport(
  row: Selectable<ComplianceReportsTable> & { chain_org_ids: string[] },
): ComplianceReport {
  return {
    id: row.id,
    wardId: row.ward_id,
    contractId: row.contract_id,
    organisationId: row.organisation_id,
    period: row.period,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    dueOn: row.due_on,
    status: row.status,
    answers: row.answers as Answers,
    prefill: row.prefill as Prefill,
    discrepancies: row.discrepancies as Discrepancy[],
    chain: row.chain as SignOffRole[],
    step: row.step,
    receivedOn: row.received_on,
    returnComment: row.return_comment,
    submittedAt: row.submitted_at,
    issuedAt: row.issued_at,
    version: row.version,
    machine: { id: row.machine_id, version: row.machine_version },
    chainOrgIds: row.chain_org_ids,
  };
}

export function reportQuery(db: Kysely<Database>) {
  return db
    .selectFrom('compliance_reports')
    .innerJoin('contracts', (j) =>
      j
        .onRef('contracts.ward_id', '=', 'compliance_reports.ward_id')
        .onRef('contracts.id', '=', 'compliance_reports.contract_id'),
    )
    .selectAll('compliance_reports')
    .select('contracts.chain_org_ids');
}

export async function findReport(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<ComplianceReport | undefined> {
  let q = reportQuery(db).where('compliance_reports.id', '=', id);
  if (lock) q = q.forUpdate('compliance_reports');
  const row = await q.executeTakeFirst();
  return row && toReport(row);
}
