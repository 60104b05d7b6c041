import {
  HANDLER_LIST_MACHINE_VERSION,
  handlerListMachine,
} from '../../../workflows/handler-list/handler-list.machine.js';
import { ConflictError, notFound } from '../shared/errors.js';
import type { Command, Workflow } from '../shared/workflow.js';
import { findSubmission, type HandlerListInChain } from './handler-list.repository.js';

// 名簿の確認・差戻し on the shared step runner.

export type HandlerListDecision = 'acknowledge' | 'return';

export const handlerListWorkflow: Workflow<HandlerListInChain> = {
  machine: handlerListMachine,
  version: HANDLER_LIST_MACHINE_VERSION,
  subject: 'HandlerList',
  name: { en: 'Handler list', ja: '名簿' },
  table: 'handler_list_submissions',
  auditPrefix: 'handler_list',
  load: findSubmission,
  touchesUpdatedAt: false,
  auditState: (s) => ({ status: s.status }),
  stateNames: {
    submitted: { en: 'awaiting the ward', ja: '確認待ち' },
    acknowledged: { en: 'acknowledged', ja: '確認済み' },
    returned: { en: 'returned', ja: '差戻し' },
  },
};

export interface HandlerListDecisionInput {
  /** The contract named in the path: a list of another contract is not found. */
  contractId: string;
  comment: string | null;
}

function decision(name: HandlerListDecision): Command<HandlerListInChain, HandlerListDecisionInput> {
  return {
    name,
    label: name === 'acknowledge' ? { en: 'acknowledge', ja: '確認' } : { en: 'return', ja: '差戻し' },
    can: { action: 'update' },
    check: ({ record, input }) => {
      if (record.contractId !== input.contractId) throw notFound('Handler list', '名簿');
    },
    event: () => ({ type: name === 'acknowledge' ? 'ACKNOWLEDGE' : 'RETURN' }),
    refusal: ({ record }) =>
      new ConflictError(
        {
          en: `This list was already ${handlerListWorkflow.stateNames[record.status]?.en}`,
          ja: `この名簿は既に処理済みです（${handlerListWorkflow.stateNames[record.status]?.ja}）`,
        },
        { state: record.status, event: name },
      ),
    apply: ({ ctx, input, now }) => ({
      decided_by: ctx.actor.userId,
      decided_at: now,
      comment: input.comment,
    }),
    audit: ({ input }) => ({ after: { comment: input.comment } }),
  };
}

export const handlerListCommands: Record<
  HandlerListDecision,
  Command<HandlerListInChain, HandlerListDecisionInput>
> = {
  acknowledge: decision('acknowledge'),
  return: decision('return'),
};
