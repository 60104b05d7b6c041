import type { Blocker } from '../../../workflows/contract-lifecycle/contract-lifecycle.machine.js';
import type { Contract } from '../contracts/contract.repository.js';
import type { Tx } from '../shared/context.js';
import { profileOf } from './my-number-profile.js';

/**
 * 特定個人情報の取扱区域: a My Number contract (an item flagged 個人番号, at any level of the chain)
 * starts only once the municipality has named where it is handled. The staff allowed to handle it
 * are named on the roster, which the handler-list gate already requires.
 */
export async function myNumberAreasNamed(tx: Tx, contract: Contract): Promise<Blocker[]> {
  if (!contract.handlesPersonalInfo) return [];
  const profile = await profileOf(tx, contract.wardId, contract.id);
  if (!profile.myNumberContract || profile.areas.length > 0) return [];
  return [
    {
      code: 'my-number-areas-missing',
      en: 'This contract handles 特定個人情報 (My Number): the {self} has not named the handling areas',
      ja: '特定個人情報（個人番号）を取り扱う契約です。{self}が取扱区域を指定していません',
    },
  ];
}
