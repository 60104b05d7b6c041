import type { Kysely } from 'kysely';
import type { Blocker } from '../../../workflows/contract-lifecycle/contract-lifecycle.machine.js';
import type { Database } from '../../db/database.js';
import type { Contract } from '../contracts/contract.repository.js';
import type { Tx } from '../shared/context.js';
import type { FieldError } from '../shared/errors.js';
import { citationFor, cite } from './cite-provision.js';
import { findContractProvisions } from './provisions.repository.js';

/**
 * 再委託先による特記事項の受諾: a sub-contract starts only once its sub-contractor has accepted the
 * flow-down provisions (003 乙13, 001 第7条3). The contractor's own acceptance is its signature
 * on the contract, outside this system.
 */
export async function provisionsAcceptedGate(tx: Tx, contract: Contract): Promise<Blocker[]> {
  if (!contract.parentContractId) return [];
  const provisions = await findContractProvisions(tx, contract.wardId, contract.id);
  if (provisions?.acceptedAt) return [];
  // The duty to flow the provisions down is the parent contractor's (乙第13項).
  const parent = await findContractProvisions(tx, contract.wardId, contract.parentContractId);
  const message = cite(
    {
      en: 'The sub-contractor has not accepted the special provisions',
      ja: '再委託先が特記事項を受諾していません',
    },
    citationFor(parent, 'flow_down'),
  );
  return [{ code: 'provisions-not-accepted', ...message }];
}

/**
 * 再委託の禁止: provisions that forbid the bound company to sub-contract at all (003 丙第11項)
 * refuse an application under them, whatever depth the ward's policy allows.
 */
export async function subcontractingForbidden(
  tx: Kysely<Database>,
  contract: Contract,
): Promise<FieldError | undefined> {
  const provisions = await findContractProvisions(tx, contract.wardId, contract.id);
  if (!provisions?.template.forbidsSubcontracting) return undefined;
  const { en, ja } = cite(
    {
      en: 'the special provisions of this contract forbid any further sub-contracting',
      ja: 'この契約の特記事項により、再委託はできません',
    },
    citationFor(provisions, 'subcontracting'),
  );
  return { path: 'contract', message: en, message_ja: ja };
}
