import type { UseCaseContext } from '../shared/context.js';
import { ValidationError } from '../shared/errors.js';
import { runStep } from '../shared/run-step.js';
import { type CustodyStep, custodyFacts, custodyWorkflow } from './custody.workflow.js';
import { checkEventTime, handlerOnList, notOnList } from './custody-steps.js';
import { type HandoverPackage, latestEventAt } from './package.repository.js';

export interface StoreInput {
  storedAt: Date;
  /** 保管場所, e.g. 執務室内の施錠できるキャビネット */
  place: string;
  /** The 取扱責任者 who keeps the cabinet's key. */
  keyHolderHandlerId: string;
}

/**
 * 保管: the receiving organisation puts the media in a locked cabinet whose key its 取扱責任者
 * holds (seed 003 運用6: 施錠できるキャビネットに保管…取扱責任者に鍵を管理させる). The key holder
 * must be the responsible person on the acknowledged list at that moment.
 */
export const storeCommand: CustodyStep<StoreInput> = {
  name: 'store',
  duty: 'storage',
  label: { en: 'store in the locked cabinet', ja: '保管' },
  can: { action: 'update', field: 'store' },
  facts: custodyFacts,
  event: () => ({ type: 'STORE' }),
  apply: async ({ tx, ctx, record: pkg, input, facts, auditNote }) => {
    checkEventTime(input.storedAt, ctx.now(), latestEventAt(pkg, facts), 'storedAt');
    const keyHolder = await handlerOnList(tx, {
      wardId: pkg.wardId,
      contractId: pkg.contractId,
      organisationId: pkg.recipientOrgId,
      handlerId: input.keyHolderHandlerId,
      at: input.storedAt,
    });
    if (!keyHolder) throw notOnList('keyHolderHandlerId', input.storedAt);
    if (keyHolder.role !== 'responsible') {
      throw new ValidationError(
        { en: 'The key is held by the responsible person', ja: '鍵は取扱責任者が管理します' },
        [
          {
            path: 'keyHolderHandlerId',
            message: `${keyHolder.fullName} is a handler, not the responsible person (取扱責任者)`,
            message_ja: `${keyHolder.fullName}は取扱者であり、取扱責任者ではありません`,
          },
        ],
      );
    }
    Object.assign(auditNote, {
      storagePlace: input.place.trim(),
      keyHolder: keyHolder.fullName,
      storedAt: input.storedAt,
    });
    return {
      storage_place: input.place.trim(),
      key_holder_handler_id: keyHolder.id,
      stored_at: input.storedAt,
    };
  },
};

export function storePackage(
  ctx: UseCaseContext,
  id: string,
  input: StoreInput,
  expectedVersion: number,
): Promise<HandoverPackage> {
  return runStep(ctx, custodyWorkflow, storeCommand, id, input, expectedVersion);
}
