import { asSubject } from '../../../policies/app-ability.js';
import { wardApprovalSettings } from '../approvals/approval.repository.js';
import { findContract } from '../contracts/contract.repository.js';
import { notify, usersWithRoles } from '../notifications/notify.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { notFound, ValidationError } from '../shared/errors.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import { findIncident, type Incident } from './incident.repository.js';
import { incidentWorkflow } from './incident.workflow.js';

export interface IncidentReportInput {
  contractId: string;
  /** どの個人情報が */
  information: string;
  /** 何件 */
  recordCount?: number | null;
  /** どこで */
  location: string;
  /** どのように */
  circumstances: string;
  occurredAt?: string | null;
  discoveredAt: string;
}

/**
 * 事故報告: any organisation in the chain reports at once, whoever is at fault. A sub-contractor's
 * report reaches the ward directly (甲に対して通知) as well as the contractor above it: both are
 * notified in the same transaction.
 */
export async function reportIncident(ctx: UseCaseContext, input: IncidentReportInput): Promise<Incident> {
  const reportingOrgId = ctx.actor.organisationId;
  authorize(ctx.ability, 'create', 'Incident', { reportingOrgId });
  return inTransaction(ctx, async ({ tx, audit }) => {
    const contract = await findContract(tx, input.contractId);
    // The reporting organisation must be the contractor of that contract (or sub-contract), and
    // given it: a sub-contract whose application is not yet approved is not known to it.
    if (
      !contract ||
      contract.contractorOrgId !== reportingOrgId ||
      !ctx.ability.can('read', asSubject('Contract', contract))
    ) {
      throw notFound('Contract', '契約');
    }
    if (new Date(input.discoveredAt) > ctx.now()) {
      throw new ValidationError({ en: 'Discovered in the future?', ja: '発見日時が未来になっています' }, [
        {
          path: 'discoveredAt',
          message: 'must not be in the future',
          message_ja: '未来の日時は指定できません',
        },
      ]);
    }
    const { signOffChain } = await wardApprovalSettings(tx, contract.wardId);
    const now = ctx.now();
    const row = await tx
      .insertInto('incidents')
      .values({
        ward_id: contract.wardId,
        contract_id: contract.id,
        reporting_org_id: reportingOrgId,
        status: 'reported',
        ...machineColumns(incidentWorkflow),
        information: input.information,
        record_count: input.recordCount ?? null,
        location: input.location,
        circumstances: input.circumstances,
        occurred_at: input.occurredAt ? new Date(input.occurredAt) : null,
        discovered_at: new Date(input.discoveredAt),
        reported_at: now,
        reported_by: ctx.actor.userId,
        chain: signOffChain,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const incident = (await findIncident(tx, row.id))!;

    const recipients = [
      ...(await usersWithRoles(tx, contract.wardId, ['ward_officer', 'ward_chief', 'ward_manager'])),
      ...(
        await Promise.all(contract.chainOrgIds.map((org) => usersWithRoles(tx, org, ['contractor_manager'])))
      ).flat(),
    ];
    await notify(
      tx,
      {
        userIds: recipients,
        wardId: contract.wardId,
        kind: 'incident',
        subjectType: 'Incident',
        subjectId: row.id,
        deadlineKey: `incident:${row.id}:reported`,
        title: `事故報告：${contract.title}`,
        body: `${input.information}（${input.recordCount ?? '件数不明'}件）${input.location}`,
      },
      now,
    );
    await audit({
      wardId: contract.wardId,
      action: 'incident.report',
      subjectType: 'Incident',
      subjectId: row.id,
      after: incident,
    });
    return incident;
  });
}
