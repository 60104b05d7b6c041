import type { UseCaseContext } from '../shared/context.js';
import { runStep } from '../shared/run-step.js';
import type { Contract } from './contract.repository.js';
import {
  type ContractCommand,
  contractCommands,
  contractWorkflow,
  type TerminationInput,
  terminateCommand,
} from './contract.workflow.js';

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

/** 契約解除: the 課長 records the grounds, and the contract (with its sub-contracts) begins its end. */
export function terminateContract(
  ctx: UseCaseContext,
  id: string,
  grounds: TerminationInput,
  expectedVersion: number,
): Promise<Contract> {
  return runStep(ctx, contractWorkflow, terminateCommand, id, grounds, expectedVersion);
}
