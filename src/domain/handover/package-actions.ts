import { mayTake, type Viewer } from '../shared/allowed-actions.js';
import { custodyWorkflow, OPEN_TAKE_OUTS } from './custody.workflow.js';
import { decideTakeOutCommand } from './decide-take-out.js';
import { handOverMedia, handOverPassword } from './hand-over-package.js';
import { bringBackCommand, startTakeOutCommand } from './move-take-out.js';
import type { Custody, HandoverPackage } from './package.repository.js';
import { returnCommand } from './return-package.js';
import { storeCommand } from './store-package.js';
import { takeOutCommand } from './take-out-package.js';
import { verifyCommand } from './verify-returned-package.js';
import { withdrawCommand } from './withdraw-package.js';

/** A custody step this person may record now, with the take-out it is about (if any). */
export interface PackageAction {
  action: string;
  takeOutId?: string;
}

/**
 * What this person may record on the package now: each custody command their policy allows (a
 * CASL field of `update`) and the custody machine accepts — asked with the package's custody as
 * the step would see it. What is checked only when the step is recorded (the times typed, the
 * handler list, the separate occasion) stays the step's.
 */
export function packageActions(viewer: Viewer, pkg: HandoverPackage & Custody): PackageAction[] {
  const facts = { handovers: pkg.handovers, takeOuts: pkg.takeOuts, hashChecks: pkg.hashChecks };
  const may = (command: Parameters<typeof mayTake<HandoverPackage, any, any>>[2], input?: unknown) =>
    mayTake(viewer, custodyWorkflow, command, pkg, { facts, input });
  const open = pkg.takeOuts.filter((t) => OPEN_TAKE_OUTS.includes(t.status));
  const actions: PackageAction[] = [];
  for (const command of [handOverMedia, handOverPassword, storeCommand]) {
    if (may(command)) actions.push({ action: command.name });
  }
  if (!open.length && may(takeOutCommand)) actions.push({ action: takeOutCommand.name });
  for (const t of open) {
    const about = { takeOutId: t.id };
    if (t.status === 'requested' && may(decideTakeOutCommand, about))
      actions.push({ action: decideTakeOutCommand.name, ...about });
    if (t.status === 'approved' && may(startTakeOutCommand, about))
      actions.push({ action: startTakeOutCommand.name, ...about });
    if (t.status === 'out' && may(bringBackCommand, about))
      actions.push({ action: bringBackCommand.name, ...about });
  }
  for (const command of [returnCommand, verifyCommand, withdrawCommand]) {
    if (may(command)) actions.push({ action: command.name });
  }
  return actions;
}
