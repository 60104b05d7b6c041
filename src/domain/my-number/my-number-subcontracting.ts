import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Message } from '../shared/errors.js';
import { profileOf } from './my-number-profile.js';

// 番号法 第10条第1項: whoever was entrusted with 個人番号利用事務等 may sub-contract it only with the
// permission of whoever entrusted it (委託をした者の許諾を得た場合に限り), and 第10条第2項 carries that to
// every further level. On a My Number contract the permission at every level is the municipality's:
// every sub-contracting application, whatever its depth, is signed by the municipality's own chain
// (the approvals workflow); a company above the applicant never approves it on its own.

/** The reason, in the municipality's own word ({self}: 区, 市, 町, 村). */
export const MY_NUMBER_SUBCONTRACTING: Message = {
  ja: '番号法第10条により、再委託には{self}の許諾が必要です',
  en: 'Under the My Number Act (番号法), art. 10, every sub-contracting needs the permission of the {self}',
};

/**
 * Whether a sub-contracting application is under 番号法 第10条: the contract it sub-contracts, or
 * any contract above it in the chain, holds 特定個人情報 (an item of its register flagged 個人番号).
 * The whole chain of a My Number contract counts, at whatever depth: 第10条第2項 makes each
 * sub-contractor an entrusted party in turn.
 */
export async function subcontractingUnderMyNumberAct(
  db: Kysely<Database>,
  approval: { kind: string; wardId: string; parentContractId: string | null },
): Promise<boolean> {
  if (approval.kind !== 'subdelegation') return false;
  let contractId = approval.parentContractId;
  while (contractId) {
    if ((await profileOf(db, approval.wardId, contractId)).myNumberContract) return true;
    const row = await db
      .selectFrom('contracts')
      .select('parent_contract_id')
      .where('ward_id', '=', approval.wardId)
      .where('id', '=', contractId)
      .executeTakeFirst();
    contractId = row?.parent_contract_id ?? null;
  }
  return false;
}
