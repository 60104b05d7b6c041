import { allowedActions, type Viewer } from '../shared/allowed-actions.js';
import type { UseCaseContext } from '../shared/context.js';
import { runStep } from '../shared/run-step.js';
import type { Approval } from './approval.repository.js';
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
export function actOnApproval(
  ctx: UseCaseContext,
  id: string,
  command: ApprovalCommand,
  input: ApprovalCommandInput,
  expectedVersion: number,
): Promise<Approval> {
  return runStep(ctx, approvalWorkflow, approvalCommands[command], id, input, expectedVersion);
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
