import type { Tx, UnitOfWork, UseCaseContext } from '../shared/context.js';
import { allocateRecordNumber } from '../shared/record-numbers.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import type { DelegationApplication } from './application.js';
import { delegationApplicationOf } from './apply-for-delegation.js';
import { wardApprovalSettings } from './approval.repository.js';
import { approvalWorkflow } from './approval.workflow.js';

const OPEN = ['draft', 'submitted', 'under_review', 'changes_requested', 'awaiting_council'];

/**
 * A material change (new data items, new media, a longer period) to an approved contract reopens
 * its approval for the changed part: a new application in draft, superseding the approved one and
 * listing what changed. The approved one stays as it was approved. Called in the transaction of
 * the change itself.
 */
export async function reopenOnMaterialChange(
  tx: Tx,
  ctx: Pick<UseCaseContext, 'actor' | 'now'>,
  audit: UnitOfWork['audit'],
  contractId: string,
): Promise<string | null> {
  const approvals = await tx
    .selectFrom('approvals')
    .select(['id', 'ward_id', 'status', 'application', 'council_mode'])
    .where('contract_id', '=', contractId)
    .where('kind', '=', 'delegation')
    .orderBy('created_at', 'desc')
    .execute();
  if (approvals.some((a) => OPEN.includes(a.status))) return null;
  const approved = approvals.find((a) => a.status === 'approved');
  if (!approved) return null;
  const { register, application } = await delegationApplicationOf(
    tx,
    contractId,
    approved.application as DelegationApplication,
  );
  if (application.changes.length === 0) return null;
  const settings = await wardApprovalSettings(tx, approved.ward_id);
  const row = await tx
    .insertInto('approvals')
    .values({
      number: await allocateRecordNumber(tx, approved.ward_id, 'delegation', ctx.now()),
      ward_id: approved.ward_id,
      kind: 'delegation',
      contract_id: contractId,
      applicant_org_id: approved.ward_id,
      status: 'draft',
      ...machineColumns(approvalWorkflow),
      chain: settings.signOffChain,
      council_mode: approved.council_mode,
      application: JSON.stringify(application),
      register_revision: register.revision,
      supersedes_id: approved.id,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit({
    wardId: approved.ward_id,
    action: 'approval.reopen',
    subjectType: 'Approval',
    subjectId: row.id,
    after: { supersedes: approved.id, changes: application.changes },
  });
  return row.id;
}
