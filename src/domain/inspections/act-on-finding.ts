import type { UseCaseContext } from '../shared/context.js';
import { runStep } from '../shared/run-step.js';
import type { Finding } from './finding.repository.js';
import { type FindingCommandInput, findingCommands, findingWorkflow } from './finding.workflow.js';

export type FindingCommand =
  | { kind: 'improvement-report'; report: string; attachmentIds?: string[] }
  | { kind: 'carry'; reason: string };

/**
 * The two steps on a finding that are not a re-check, on the shared path:
 * - 改善報告: the inspected company's manager reports what it improved (with evidence files);
 * - 持越し: the inspector carries an open finding with a reason, so the record can be signed off.
 * Both happen while the inspection is in progress; the finding's version guards against a stale page.
 */
export async function actOnFinding(
  ctx: UseCaseContext,
  inspectionId: string,
  findingId: string,
  command: FindingCommand,
  expectedVersion: number,
): Promise<Finding> {
  const input = { ...command, inspectionId } as FindingCommandInput;
  const { inspection: _inspection, ...finding } = await runStep(
    ctx,
    findingWorkflow,
    findingCommands[command.kind],
    findingId,
    input,
    expectedVersion,
  );
  return finding;
}
