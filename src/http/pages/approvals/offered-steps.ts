import { asSubject } from '../../../../policies/app-ability.js';
import {
  type ApprovalEvent,
  type ApprovalState,
  approvalMachine,
  type SignOffRole,
} from '../../../../workflows/approval/approval.machine.js';
import { decide } from '../../../../workflows/shared/decide.js';
import type { ApprovalCommand } from '../../../domain/approvals/act-on-approval.js';
import type { Approval } from '../../../domain/approvals/approval.repository.js';
import { signerRole } from '../../../domain/shared/sign-off.js';
import type { Viewer } from '../page-context.js';

// Which buttons an approval page shows: the commands the policies allow the viewer and the
// approval machine accepts in this state from the viewer's role — the same machine actOnApproval
// asks, so a button is never offered that the use case would refuse for its state or turn.

const SIGN_COMMANDS: ApprovalCommand[] = [
  'start-review',
  'approve',
  'send-back',
  'reject',
  'revoke',
  'council-answer',
];

function eventFor(command: ApprovalCommand, role: SignOffRole): ApprovalEvent {
  switch (command) {
    case 'submit':
      return { type: 'SUBMIT' };
    case 'resubmit':
      return { type: 'RESUBMIT' };
    case 'start-review':
      return { type: 'START_REVIEW', role };
    case 'approve':
      return { type: 'APPROVE', role };
    case 'send-back':
      return { type: 'SEND_BACK', role };
    case 'reject':
      return { type: 'REJECT', role };
    case 'revoke':
      return { type: 'REVOKE', role };
    case 'council-answer':
      return { type: 'COUNCIL_ANSWERED', answer: 'approve' };
  }
}

export function offeredCommands(viewer: Viewer, approval: Approval): ApprovalCommand[] {
  const tagged = asSubject('Approval', approval);
  const context = { chain: approval.chain, step: approval.step, councilMode: approval.councilMode };
  const allowed = (command: ApprovalCommand, role: SignOffRole) =>
    decide(approvalMachine, approval.status as ApprovalState, eventFor(command, role), context).allowed;
  const offered: ApprovalCommand[] = [];
  if (viewer.ability.can('update', tagged)) {
    for (const command of ['submit', 'resubmit'] as const)
      if (allowed(command, 'ward_officer')) offered.push(command);
  }
  const held = approval.chain.filter((r) => viewer.actor.roles.includes(r));
  if (held.length && viewer.ability.can('sign', tagged)) {
    for (const command of SIGN_COMMANDS) {
      // the role actOnApproval will act in, decided by the same helper
      const awaited = command === 'revoke' ? approval.chain.at(-1) : approval.chain[approval.step];
      const role = signerRole(viewer.actor, approval.chain, awaited);
      // 答申の記録 is the privacy officer's (the first step of the chain)
      if (command === 'council-answer' && !held.includes(approval.chain[0]!)) continue;
      if (allowed(command, role)) offered.push(command);
    }
  }
  return offered;
}
