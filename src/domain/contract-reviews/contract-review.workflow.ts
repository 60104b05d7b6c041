import {
  CONTRACT_REVIEW_MACHINE_VERSION,
  contractReviewMachine,
} from '../../../workflows/contract-review/contract-review.machine.js';
import type { Tx } from '../shared/context.js';
import { ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import type { Command, Workflow } from '../shared/workflow.js';
import { type ContractReview, findContractReview } from './contract-review.repository.js';
import { countChangesSince } from './review-changes.js';
import { addMonths } from './review-dates.js';

// 見直し on the shared step runner: the ward's officer, 係長 or 課長 completes the review due with a
// note; in the same transaction the changes it was made on are kept and the next review is issued
// under the contract's cycle. Removing the cycle cancels the review still due (a following step).

export type ContractReviewCommand = 'complete' | 'cancel';

export interface ContractReviewInput {
  note?: string | null;
}

export const contractReviewWorkflow: Workflow<ContractReview> = {
  machine: contractReviewMachine,
  version: CONTRACT_REVIEW_MACHINE_VERSION,
  subject: 'ContractReview',
  name: { en: 'Contract review', ja: '契約の見直し' },
  table: 'contract_reviews',
  auditPrefix: 'contract_review',
  load: findContractReview,
  stateNames: {
    due: { en: 'due', ja: '見直し待ち' },
    completed: { en: 'completed', ja: '見直し済み' },
    cancelled: { en: 'cancelled', ja: '取消し' },
  },
  contractIdOf: (r) => r.contractId,
};

type Step = Command<ContractReview, ContractReviewInput>;

const noted = (input: ContractReviewInput | undefined) => Boolean(input?.note?.trim());

/**
 * Issues a contract's next review, `months` after `from` (a day), counting changes from `since`.
 * In the caller's transaction; the caller audits it.
 */
export async function issueReview(
  tx: Tx,
  review: { wardId: string; contractId: string; months: number; since: Date; from: string; now: Date },
): Promise<{ id: string; dueOn: string }> {
  const dueOn = addMonths(review.from, review.months);
  const row = await tx
    .insertInto('contract_reviews')
    .values({
      ward_id: review.wardId,
      contract_id: review.contractId,
      status: 'due',
      ...machineColumns(contractReviewWorkflow),
      interval_months: review.months,
      since: review.since,
      due_on: dueOn,
      issued_at: review.now,
      updated_at: review.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, dueOn };
}

/** The contract's cycle now (null: none), read in the transaction. */
export async function cycleMonths(tx: Tx, wardId: string, contractId: string): Promise<number | null> {
  const row = await tx
    .selectFrom('contract_review_cycles')
    .select('interval_months')
    .where('ward_id', '=', wardId)
    .where('contract_id', '=', contractId)
    .executeTakeFirst();
  return row?.interval_months ?? null;
}

export const contractReviewCommands: Record<ContractReviewCommand, Step> = {
  complete: {
    name: 'complete',
    label: { en: 'complete the review', ja: '見直しの完了' },
    can: { action: 'update' },
    check: ({ input }) => {
      if (!noted(input))
        throw new ValidationError(
          { en: 'Write what the review found', ja: '見直しの所見を入力してください' },
          [{ path: 'note', message: 'required', message_ja: '見直しの所見を入力してください' }],
        );
    },
    event: ({ input }) => ({ type: 'COMPLETE', noted: input === undefined || noted(input) }),
    apply: async ({ tx, record, input, ctx, now, auditNote }) => {
      const changes = await countChangesSince(tx, record.wardId, record.contractId, record.since, now);
      auditNote.changes = changes;
      return {
        completed_by: ctx.actor.userId,
        completed_at: now,
        note: input.note!.trim(),
        changes: JSON.stringify(changes),
      };
    },
    after: async ({ tx, record, now, auditNote }) => {
      const months = await cycleMonths(tx, record.wardId, record.contractId);
      const contract = await tx
        .selectFrom('contracts')
        .select('status')
        .where('ward_id', '=', record.wardId)
        .where('id', '=', record.contractId)
        .executeTakeFirstOrThrow();
      // a closed contract is reviewed no more
      if (months === null || contract.status === 'closed') return;
      const next = await issueReview(tx, {
        wardId: record.wardId,
        contractId: record.contractId,
        months,
        since: now,
        from: toJapanDate(now),
        now,
      });
      auditNote.nextReviewId = next.id;
      auditNote.nextDueOn = next.dueOn;
    },
  },
  cancel: {
    name: 'cancel',
    label: { en: 'cancel the review', ja: '見直しの取消し' },
    can: { action: 'update' },
    event: () => ({ type: 'CANCEL' }),
  },
};
