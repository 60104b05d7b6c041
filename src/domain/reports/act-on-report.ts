import { allowedActions, type Viewer } from '../shared/allowed-actions.js';
import type { UseCaseContext } from '../shared/context.js';
import { runStep } from '../shared/run-step.js';
import type { ComplianceReport } from './report.repository.js';
import {
  type ReportCommand,
  type ReportCommandInput,
  reportCommands,
  reportWorkflow,
} from './report.workflow.js';

export type { ReportCommand };

/**
 * The contractor saves and submits its answers; the ward receives (受付), signs off or returns the
 * report — each on the shared path. Submitting validates what every answer calls for and records
 * the discrepancies between the answers and the records for the reviewer.
 */
export function actOnReport(
  ctx: UseCaseContext,
  id: string,
  command: ReportCommand,
  input: ReportCommandInput,
  expectedVersion: number,
): Promise<ComplianceReport> {
  return runStep(ctx, reportWorkflow, reportCommands[command], id, input, expectedVersion);
}

/** The steps this person may take on the report now. */
export function reportActions(viewer: Viewer, report: ComplianceReport): ReportCommand[] {
  return allowedActions(viewer, reportWorkflow, Object.values(reportCommands), report) as ReportCommand[];
}
