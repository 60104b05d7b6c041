import {
  DEVICE_DECLARATION_MACHINE_VERSION,
  deviceDeclarationMachine,
} from '../../../workflows/device-declaration/device-declaration.machine.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import type { Command, Workflow } from '../shared/workflow.js';
import { type DeviceDeclaration, findDeviceDeclaration } from './device-declaration.repository.js';

// 情報機器等の持込み on the shared step runner: the municipality permits (in advance) or refuses a
// declared device; the company withdraws it — undecided, or when it is no longer brought in.

export type DeviceCommand = 'permit' | 'refuse' | 'withdraw';

export interface DeviceCommandInput {
  comment?: string | null;
}

export const deviceDeclarationWorkflow: Workflow<DeviceDeclaration> = {
  machine: deviceDeclarationMachine,
  version: DEVICE_DECLARATION_MACHINE_VERSION,
  subject: 'DeviceDeclaration',
  name: { en: 'Device declaration', ja: '情報機器等の持込み' },
  table: 'device_declarations',
  auditPrefix: 'device',
  load: findDeviceDeclaration,
  stateNames: {
    declared: { en: 'awaiting the decision', ja: '許可待ち' },
    permitted: { en: 'permitted', ja: '許可' },
    refused: { en: 'refused', ja: '不許可' },
    withdrawn: { en: 'withdrawn', ja: '取下げ・持込み終了' },
  },
};

type Step = Command<DeviceDeclaration, DeviceCommandInput, { today: string }>;

const today: Step['facts'] = async ({ ctx }) => ({ today: toJapanDate(ctx.now()) });

export const deviceCommands: Record<DeviceCommand, Step> = {
  permit: {
    name: 'permit',
    label: { en: 'permit', ja: '許可' },
    can: { action: 'sign' },
    facts: today,
    // Asked without facts (what may be done now), as if nothing stood in the way.
    event: ({ record, facts }) => ({ type: 'PERMIT', inAdvance: !facts || facts.today <= record.bringFrom }),
    refusal: ({ record, facts, reason }) =>
      reason === 'guard'
        ? new ConflictError(
            {
              en: `The device was to be brought in from ${record.bringFrom}: a permission is given in advance (today is ${facts?.today}); refuse it, and the company declares it again with a later day`,
              ja: `持込み開始日（${record.bringFrom}）を過ぎています。持込みの許可は事前に行うものです（本日 ${facts?.today}）。不許可とし、改めて届け出てもらってください`,
            },
            { state: record.status, event: 'PERMIT' },
          )
        : undefined,
    apply: ({ ctx, input, now }) => ({
      decided_by: ctx.actor.userId,
      decided_at: now,
      decision_comment: input.comment?.trim() || null,
    }),
    audit: ({ input }) => ({ after: { comment: input.comment ?? null } }),
  },
  refuse: {
    name: 'refuse',
    label: { en: 'refuse', ja: '不許可' },
    can: { action: 'sign' },
    check: ({ input }) => {
      if (!input.comment?.trim())
        throw new ValidationError({ en: 'Say why it is refused', ja: '不許可の理由を入力してください' }, [
          { path: 'comment', message: 'required', message_ja: '不許可の理由を入力してください' },
        ]);
    },
    event: () => ({ type: 'REFUSE' }),
    apply: ({ ctx, input, now }) => ({
      decided_by: ctx.actor.userId,
      decided_at: now,
      decision_comment: input.comment!.trim(),
    }),
    audit: ({ input }) => ({ after: { comment: input.comment } }),
  },
  withdraw: {
    name: 'withdraw',
    label: { en: 'withdraw', ja: '取下げ' },
    can: { action: 'update' },
    event: () => ({ type: 'WITHDRAW' }),
    apply: ({ input, now }) => ({ withdrawn_at: now, withdrawal_reason: input.comment?.trim() || null }),
    audit: ({ input }) => ({ after: { reason: input.comment ?? null } }),
  },
};
