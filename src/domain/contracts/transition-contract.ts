import type { UseCaseContext } from '../shared/context.js';
import { runStep } from '../shared/run-step.js';
import type { Contract } from './contract.repository.js';
import { type ContractCommand, contractCommands, contractWorkflow } from './contract.workflow.js';

export type { ContractCommand };

/**
 * Moves a contract through its lifecycle on the shared path: the gates are gathered as the
 * command's facts, the machine decides, and a refusal lists what is missing.
 */
export function transitionContract(
  ctx: UseCaseContext,
  id: string,
  command: ContractCommand,
  expectedVersion: number,
): Promise<Contract> {
  return runStep(ctx, contractWorkflow, contractCommands[command], id, undefined, expectedVersion);
}
