import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { notFound, ValidationError } from '../shared/errors.js';
import {
  authorizeStep,
  checkEventTime,
  decideStep,
  handlerOnList,
  notOnList,
  saveState,
} from './custody-steps.js';
import { findPackage, type HandoverPackage, latestEventAt, loadCustody } from './package.repository.js';

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
export async function storePackage(
  ctx: UseCaseContext,
  id: string,
  input: StoreInput,
  expectedVersion: number,
): Promise<HandoverPackage> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const pkg = await findPackage(tx, id, true);
    if (!pkg) throw notFound('Handover package', '受渡データ');
    authorizeStep(ctx, pkg, 'store');
    const next = decideStep(pkg, { type: 'STORE' }, expectedVersion);
    const custody = await loadCustody(tx, pkg);
    checkEventTime(input.storedAt, ctx.now(), latestEventAt(pkg, custody), 'storedAt');
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
    await saveState(tx, ctx, pkg, next, {
      storage_place: input.place.trim(),
      key_holder_handler_id: keyHolder.id,
      stored_at: input.storedAt,
    });
    await audit({
      wardId: pkg.wardId,
      action: 'handover_package.store',
      subjectType: 'HandoverPackage',
      subjectId: pkg.id,
      before: { status: pkg.status, version: pkg.version },
      after: {
        status: next,
        version: pkg.version + 1,
        storagePlace: input.place.trim(),
        keyHolder: keyHolder.fullName,
        storedAt: input.storedAt,
      },
    });
    return (await findPackage(tx, pkg.id))!;
  });
}
