import { findContract } from '../contracts/contract.repository.js';
import { checkContractAllows } from '../contracts/contract.workflow.js';
import { getContract } from '../contracts/manage-contracts.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { type MyNumberProfile, profileOf } from './my-number-profile.js';

export { isMyNumberRegister, MY_NUMBER_BASIS, type MyNumberProfile } from './my-number-profile.js';

import { ConflictError, ValidationError } from '../shared/errors.js';

// 特定個人情報 (My Number) changes what a contract requires, not only a label: an item of the
// register flagged 個人番号 makes it a My Number contract, where
// - sub-contracting at every level needs the permission of the municipality that entrusted the
//   work (番号法 第10条第1項: 委託をした者の許諾を得た場合に限り): every level's application is signed
//   by the municipality's own chain (the approvals workflow), never by the company above;
// - the areas where it is handled (取扱区域) are named by the municipality, and the staff allowed to
//   handle it are named on the roster (handler_list_entries.handles_my_number).

/** The profile of a contract, read with the contract (404 where the contract may not be read). */
export async function readMyNumberProfile(ctx: UseCaseContext, contractId: string): Promise<MyNumberProfile> {
  const contract = await getContract(ctx, contractId);
  return profileOf(ctx.db, contract.wardId, contract.id);
}

/**
 * The municipality names the areas where 特定個人情報 is handled (取扱区域). Only for a My Number
 * contract (422 otherwise), by whoever may edit the contract (the ward officer), while the
 * contract may be edited; version 0 for the first naming, then the version read (409 if stale).
 */
export async function nameMyNumberAreas(
  ctx: UseCaseContext,
  contractId: string,
  areas: string[],
  expectedVersion: number,
): Promise<MyNumberProfile> {
  const read = await getContract(ctx, contractId);
  authorize(ctx.ability, 'update', 'Contract', read);
  const cleaned = [...new Set(areas.map((a) => a.trim()).filter(Boolean))];
  if (cleaned.length > 50)
    throw new ValidationError({ en: 'Name at most 50 areas', ja: '取扱区域は50件までです' }, [
      { path: 'areas', message: 'at most 50 areas', message_ja: '取扱区域は50件までです' },
    ]);
  if (!cleaned.length)
    throw new ValidationError({ en: 'Name at least one area', ja: '取扱区域を1つ以上入力してください' }, [
      { path: 'areas', message: 'name at least one area', message_ja: '取扱区域を入力してください' },
    ]);
  return inTransaction(ctx, async ({ tx, audit }) => {
    const contract = (await findContract(tx, contractId, true))!;
    checkContractAllows(contract, { type: 'EDIT', changesPersonalInfo: false });
    const before = await profileOf(tx, contract.wardId, contract.id);
    if (!before.myNumberContract)
      throw new ValidationError(
        {
          en: 'This contract holds no 特定個人情報: no item of its register is flagged 個人番号',
          ja: 'この契約の情報項目に個人番号（特定個人情報）はありません',
        },
        [
          {
            path: 'areas',
            message: 'not a My Number contract',
            message_ja: '個人番号を含む契約ではありません',
          },
        ],
      );
    if (before.areasVersion !== expectedVersion)
      throw new ConflictError(
        {
          en: `Someone changed the areas meanwhile (version ${before.areasVersion}, you read ${expectedVersion})`,
          ja: `取扱区域は他の人が変更しました（版 ${before.areasVersion}、読み込んだ版 ${expectedVersion}）`,
        },
        { state: String(before.areasVersion) },
      );
    const now = ctx.now();
    if (expectedVersion === 0)
      await tx
        .insertInto('contract_my_number_areas')
        .values({
          ward_id: contract.wardId,
          contract_id: contract.id,
          areas: cleaned,
          updated_by: ctx.actor.userId,
          updated_at: now,
        })
        .execute();
    else
      await tx
        .updateTable('contract_my_number_areas')
        .set((eb) => ({
          areas: cleaned,
          updated_by: ctx.actor.userId,
          updated_at: now,
          version: eb('version', '+', 1),
        }))
        .where('ward_id', '=', contract.wardId)
        .where('contract_id', '=', contract.id)
        .execute();
    const after = await profileOf(tx, contract.wardId, contract.id);
    await audit({
      wardId: contract.wardId,
      action: 'contract.my_number_areas',
      subjectType: 'Contract',
      subjectId: contract.id,
      before: { areas: before.areas },
      after: { areas: after.areas },
    });
    return after;
  });
}
