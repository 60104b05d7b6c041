import { allowedActions, type Viewer } from '../shared/allowed-actions.js';
import type { UseCaseContext } from '../shared/context.js';
import { runStep } from '../shared/run-step.js';
import type { Incident } from './incident.repository.js';
import {
  type IncidentCommand,
  type IncidentCommandInput,
  incidentCommands,
  incidentWorkflow,
} from './incident.workflow.js';

export type { IncidentCommand, IncidentCommandInput };

/** The ward instructs (指示), the organisation responds (対応・原因・再発防止策), the ward signs it off. */
export function actOnIncident(
  ctx: UseCaseContext,
  id: string,
  command: IncidentCommand,
  input: IncidentCommandInput,
  expectedVersion: number,
): Promise<Incident> {
  return runStep(ctx, incidentWorkflow, incidentCommands[command], id, input, expectedVersion);
}

/** The steps this person may take on the incident now. */
export function incidentActions(viewer: Viewer, incident: Incident): IncidentCommand[] {
  return allowedActions(
    viewer,
    incidentWorkflow,
    Object.values(incidentCommands),
    incident,
  ) as IncidentCommand[];
}

/** Every command of the incident workflow, as the API and the pages name them. */
export const INCIDENT_COMMANDS = Object.keys(incidentCommands) as IncidentCommand[];
