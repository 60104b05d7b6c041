import { allowedActions, type Viewer } from '../shared/allowed-actions.js';
import type { UseCaseContext } from '../shared/context.js';
import { runStep } from '../shared/run-step.js';
import type { PriorApproval } from './prior-approval.repository.js';
import {
  type PriorApprovalCommand,
  type PriorApprovalCommandInput,
  priorApprovalCommands,
  priorApprovalWorkflow,
} from './prior-approval.workflow.js';

export type { PriorApprovalCommand, PriorApprovalCommandInput };

/** The ward signs (承認・差戻し・不承認); the applicant applies again, withdraws or records it done. */
export function actOnPriorApproval(
  ctx: UseCaseContext,
  id: string,
  command: PriorApprovalCommand,
  input: PriorApprovalCommandInput,
  expectedVersion: number,
): Promise<PriorApproval> {
  return runStep(ctx, priorApprovalWorkflow, priorApprovalCommands[command], id, input, expectedVersion);
}

/** The steps this person may take on the application now. */
export function priorApprovalActions(viewer: Viewer, record: PriorApproval): PriorApprovalCommand[] {
  return allowedActions(
    viewer,
    priorApprovalWorkflow,
    Object.values(priorApprovalCommands),
    record,
  ) as PriorApprovalCommand[];
}

export const PRIOR_APPROVAL_COMMANDS = Object.keys(priorApprovalCommands) as PriorApprovalCommand[];
