import { asSubject } from '../../../policies/app-ability.js';
import {
  MY_NUMBER_SUBCONTRACTING,
  subcontractingUnderMyNumberAct,
} from '../my-number/my-number-subcontracting.js';
import { allowedActions, type Viewer } from '../shared/allowed-actions.js';
import { chainOf } from '../shared/chain-membership.js';
import type { UseCaseContext } from '../shared/context.js';
import { ForbiddenError } from '../shared/errors.js';
import { runStep } from '../shared/run-step.js';
import { type Approval, findApproval } from './approval.repository.js';
import {
  type ApprovalCommand,
  type ApprovalCommandInput,
  approvalCommands,
  approvalWorkflow,
} from './approval.workflow.js';

export type { ApprovalCommand, ApprovalCommandInput };

/**
 * Every step of an approval on the shared path; what it means once taken (access for the
 * sub-contractor, the council report item, revocation down the chain) is declared with the command.
 */
export async function actOnApproval(
  ctx: UseCaseContext,
  id: string,
  command: ApprovalCommand,
  input: ApprovalCommandInput,
  expectedVersion: number,
): Promise<Approval> {
  await refuseCompanyPermission(ctx, id, command);
  return runStep(ctx, approvalWorkflow, approvalCommands[command], id, input, expectedVersion);
}

/** The applicant's own steps; every other step is the municipality's decision (決裁). */
const APPLICANT_STEPS: readonly ApprovalCommand[] = ['submit', 'resubmit'];

/**
 * 番号法 第10条: a company that reads a sub-contracting application under a My Number contract —
 * the applicant, or a company above it in the chain — and tries to decide it (approve, start the
 * review, send back, reject, revoke) is told in words that the permission is the municipality's,
 * not a bare 403. The policies already give no company the signing of an approval: this only names
 * the law behind the refusal. A company that may not read the application still gets runStep's 404.
 */
async function refuseCompanyPermission(ctx: UseCaseContext, id: string, command: ApprovalCommand) {
  if (ctx.actor.organisationKind !== 'company' || APPLICANT_STEPS.includes(command)) return;
  const approval = await findApproval(ctx.db, id);
  if (!approval || !(await subcontractingUnderMyNumberAct(ctx.db, approval))) return;
  const chainOrgIds = await chainOf(ctx.db, approval.wardId, approval.contractId);
  if (!ctx.ability.can('read', asSubject('Approval', { ...approval, chainOrgIds }))) return;
  throw new ForbiddenError(MY_NUMBER_SUBCONTRACTING);
}

/** The steps this person may take on the approval now (the pages' buttons, the API's allowedActions). */
export function approvalActions(viewer: Viewer, approval: Approval): ApprovalCommand[] {
  return allowedActions(
    viewer,
    approvalWorkflow,
    Object.values(approvalCommands),
    approval,
  ) as ApprovalCommand[];
}
