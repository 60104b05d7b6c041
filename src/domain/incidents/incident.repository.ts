import type { Kysely, Selectable } from 'kysely';
import type { BreachAnswers } from '../../../forms/breach-reporting/index.js';
import type { FieldMap } from '../../../policies/rules-to-sql.js';
import type { IncidentState } from '../../../workflows/incident/incident.machine.js';
import type { SignOffRole } from '../../../workflows/shared/sign-off.js';
import type { Database } from '../../db/database.js';
import type { IncidentsTable } from '../../db/tables/reports.js';
import { chainMembership } from '../shared/chain-membership.js';

export interface Incident {
  id: string;
  wardId: string;
  contractId: string;
  reportingOrgId: string;
  status: IncidentState;
  information: string;
  recordCount: number | null;
  location: string;
  circumstances: string;
  occurredAt: Date | null;
  discoveredAt: Date;
  reportedAt: Date;
  wardInstructions: string | null;
  response: string | null;
  rootCause: string | null;
  prevention: string | null;
  published: boolean;
  publishedOn: string | null;
  chain: SignOffRole[];
  step: number;
  closedAt: Date | null;
  version: number;
  machine: { id: string; version: number };
  chainOrgIds: string[];
  /** 漏えい等報告 (breach report to the Commission): the answers, the due days, what was sent. */
  breach: IncidentBreach;
}

export interface IncidentBreach {
  answers: BreachAnswers | null;
  rulesVersion: string | null;
  assessedAt: Date | null;
  /** The municipality must report to the Commission (as last judged). */
  required: boolean;
  /** 速報 and 確報 due days (Japan), when required. */
  preliminaryDueOn: string | null;
  finalDueOn: string | null;
  /** The days 速報, 確報 and 本人通知 were sent. */
  preliminarySentOn: string | null;
  finalSentOn: string | null;
  personsNotifiedOn: string | null;
}

export const incidentFields: FieldMap = {
  wardId: 'incidents.ward_id',
  reportingOrgId: 'incidents.reporting_org_id',
  chainOrgIds: chainMembership('incidents.ward_id', 'incidents.contract_id'),
};

export function toIncident(r: Selectable<IncidentsTable> & { chain_org_ids: string[] }): Incident {
  return {
    id: r.id,
    wardId: r.ward_id,
    contractId: r.contract_id,
    reportingOrgId: r.reporting_org_id,
    status: r.status,
    information: r.information,
    recordCount: r.record_count,
    location: r.location,
    circumstances: r.circumstances,
    occurredAt: r.occurred_at,
    discoveredAt: r.discovered_at,
    reportedAt: r.reported_at,
    wardInstructions: r.ward_instructions,
    response: r.response,
    rootCause: r.root_cause,
    prevention: r.prevention,
    published: r.published,
    publishedOn: r.published_on,
    chain: r.chain as SignOffRole[],
    step: r.step,
    closedAt: r.closed_at,
    version: r.version,
    machine: { id: r.machine_id, version: r.machine_version },
    chainOrgIds: r.chain_org_ids,
    breach: {
      answers: (r.breach_answers as BreachAnswers | null) ?? null,
      rulesVersion: r.breach_rules_version,
      assessedAt: r.breach_assessed_at,
      required: r.breach_report_required,
      preliminaryDueOn: r.preliminary_report_due_on,
      finalDueOn: r.final_report_due_on,
      preliminarySentOn: r.preliminary_report_sent_on,
      finalSentOn: r.final_report_sent_on,
      personsNotifiedOn: r.persons_notified_on,
    },
  };
}

export function incidentQuery(db: Kysely<Database>) {
  return db
    .selectFrom('incidents')
    .innerJoin('contracts', (j) =>
      j
        .onRef('contracts.ward_id', '=', 'incidents.ward_id')
        .onRef('contracts.id', '=', 'incidents.contract_id'),
    )
    .selectAll('incidents')
    .select('contracts.chain_org_ids');
}

export async function findIncident(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<Incident | undefined> {
  let q = incidentQuery(db).where('incidents.id', '=', id);
  if (lock) q = q.forUpdate('incidents');
  const row = await q.executeTakeFirst();
  return row && toIncident(row);
}
