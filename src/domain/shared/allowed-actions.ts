import type { Actor } from '../../../policies/actor.js';
import { type AppAbility, asSubjectOnce } from '../../../policies/app-ability.js';
import { accepts } from '../../../workflows/shared/decide.js';
import { roleFor } from './run-step.js';
import { readSnapshot } from './stored-snapshot.js';
import type { Command, Snapshot, Workflow, WorkflowRecord } from './workflow.js';

/** Who is looking: enough to ask what they may do. */
export interface Viewer {
  actor: Actor;
  ability: AppAbility;
}

/**
 * What this person may do now with the record: the commands whose ability they hold and whose
 * event — built by the same builder the use case uses, with the role the sign-off gives them —
 * the machine accepts in the record's state. Facts only the transaction gathers (blockers, times)
 * are taken as not standing in the way: the step itself still says what is missing. A record whose
 * snapshot this server cannot read offers nothing.
 */
export function allowedActions<R extends WorkflowRecord>(
  viewer: Viewer,
  workflow: Workflow<R>,
  commands: readonly Command<R, any, any>[],
  record: R,
): string[] {
  // the record's snapshot is the same for every command: read it once, not once per command
  const snapshot = readableSnapshot(workflow, record);
  if (!snapshot) return [];
  return commands
    .filter((command) => mayTakeFrom(snapshot, viewer, workflow, command, record))
    .map((command) => command.name);
}

function readableSnapshot<R extends WorkflowRecord>(workflow: Workflow<R>, record: R) {
  try {
    return readSnapshot(workflow, record);
  } catch {
    return undefined;
  }
}

/**
 * Whether this person may take one command now; `probe` gives what the page already knows (the
 * record's custody, the take-out a button is for) so the event is built as the step would build it.
 */
export function mayTake<R extends WorkflowRecord, I, F>(
  viewer: Viewer,
  workflow: Workflow<R>,
  command: Command<R, I, F>,
  record: R,
  probe: { input?: I; facts?: F } = {},
): boolean {
  const snapshot = readableSnapshot(workflow, record);
  return snapshot !== undefined && mayTakeFrom(snapshot, viewer, workflow, command, record, probe);
}

function mayTakeFrom<R extends WorkflowRecord, I, F>(
  snapshot: Snapshot,
  viewer: Viewer,
  workflow: Workflow<R>,
  command: Command<R, I, F>,
  record: R,
  probe: { input?: I; facts?: F } = {},
): boolean {
  const target = command.can.on?.(record) ?? { subject: workflow.subject, record };
  if (
    !viewer.ability.can(command.can.action, asSubjectOnce(target.subject, target.record), command.can.field)
  )
    return false;
  if (command.requires?.(record)) return false;
  const role = roleFor(viewer.actor, workflow, command, record);
  if (command.signs && !role) return false;
  const args = { record, input: probe.input, facts: probe.facts, role };
  const context = { ...snapshot.context, ...command.context?.(args) };
  return accepts(workflow.machine, snapshot.value, command.event(args) as never, context);
}
