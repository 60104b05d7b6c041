import { asSubject } from '../../../policies/app-ability.js';
import type { Contract } from '../contracts/contract.repository.js';
import type { Viewer } from '../shared/allowed-actions.js';
import type { ContractProvisions } from './provisions.repository.js';

export type ProvisionAction = 'choose' | 'accept';

/**
 * What this person may do with a contract's 特記事項 now: the same conditions the use cases refuse
 * on (manage-provisions.ts), so a page offers exactly what would succeed.
 */
export function provisionActions(
  viewer: Viewer,
  contract: Contract,
  provisions: ContractProvisions,
): ProvisionAction[] {
  const subject = asSubject('ContractProvisions', contract);
  const actions: ProvisionAction[] = [];
  if (viewer.ability.can('update', subject) && !contract.parentContractId && contract.status === 'draft') {
    actions.push('choose');
  }
  if (viewer.ability.can('sign', subject) && !provisions.acceptedAt) actions.push('accept');
  return actions;
}
