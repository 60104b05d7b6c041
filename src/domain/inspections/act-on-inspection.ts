import { asSubject } from '../../../policies/app-ability.js';
import { allowedActions, type Viewer } from '../shared/allowed-actions.js';
import type { UseCaseContext } from '../shared/context.js';
import { runStep } from '../shared/run-step.js';
import type { FindingCommand } from './act-on-finding.js';
import type { Finding } from './finding.repository.js';
import { findingCommands, findingWorkflow } from './finding.workflow.js';
import type { Inspection } from './inspection.repository.js';
import {
  type InspectionCommand,
  type InspectionCommandInput,
  inspectionCommands,
  inspectionRefuses,
  inspectionWorkflow,
} from './inspection.workflow.js';

export type { InspectionCommand };

/** Every step of an inspection's life on the shared path; sign-off waits for a complete record. */
export function actOnInspection(
  ctx: UseCaseContext,
  id: string,
  command: InspectionCommand,
  input: InspectionCommandInput,
  expectedVersion: number,
): Promise<Inspection> {
  return runStep(ctx, inspectionWorkflow, inspectionCommands[command], id, input, expectedVersion);
}

/** The steps this person may take on the inspection now. */
export function inspectionActions(viewer: Viewer, inspection: Inspection): InspectionCommand[] {
  return allowedActions(
    viewer,
    inspectionWorkflow,
    Object.values(inspectionCommands),
    inspection,
  ) as InspectionCommand[];
}

/** Whether the viewer may record answers on the inspection now (監督員 and named 補助者, while it is in progress). */
export function mayRecordItems(viewer: Viewer, inspection: Inspection): boolean {
  return (
    viewer.ability.can('update', asSubject('Inspection', inspection), 'items') &&
    !inspectionRefuses(inspection, { type: 'RECORD_ITEM' })
  );
}

/** The steps this person may take on a finding of the inspection now (改善報告, 持越し). */
export function findingActions(
  viewer: Viewer,
  inspection: Inspection,
  finding: Finding,
): FindingCommand['kind'][] {
  return allowedActions(viewer, findingWorkflow, Object.values(findingCommands), {
    ...finding,
    inspection,
  }) as FindingCommand['kind'][];
}
