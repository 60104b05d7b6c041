import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Contract } from '../contracts/contract.repository.js';
import { type ContractAction, contractActions } from '../contracts/contract-actions.js';
import { subcontractingForbidden } from '../provisions/provisions-gate.js';
import type { Viewer } from '../shared/allowed-actions.js';
import type { FieldError } from '../shared/errors.js';
import { wardApprovalSettings } from './approval.repository.js';

/**
 * Whether the contract's own company may sub-contract it at all: the ward's depth policy
 * (再委託の段階) and provisions that forbid any further sub-contracting (003 丙第11項). One check
 * for the application, which refuses with these errors, and for what the contract offers, so a
 * company is never offered 「再委託の申請」 only to be refused after filling the form.
 */
export async function subcontractingLimits(db: Kysely<Database>, parent: Contract): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const settings = await wardApprovalSettings(db, parent.wardId);
  const level = parent.depth; // the new sub-contract's level of sub-contracting (depth − 1)
  if (level > settings.maxSubcontractDepth) {
    errors.push({
      path: 'contract',
      message: `the {self} allows ${settings.maxSubcontractDepth} level(s) of sub-contracting; this would be level ${level}`,
      message_ja:
        settings.maxSubcontractDepth === 0
          ? 'この{self}では再委託は認められていません'
          : `この{self}で認められる再委託の段階（${settings.maxSubcontractDepth}段階）を超えます`,
    });
  }
  const forbidden = await subcontractingForbidden(db, parent);
  if (forbidden) errors.push(forbidden);
  return errors;
}

/**
 * What may be done with one contract now, where its page or record is shown: contractActions, with
 * 「再委託の申請」 only where the limits above would let the application through.
 */
export async function contractActionsNow(
  db: Kysely<Database>,
  viewer: Viewer,
  contract: Contract,
): Promise<ContractAction[]> {
  const actions = contractActions(viewer, contract);
  if (!actions.includes('apply-subdelegation')) return actions;
  if ((await subcontractingLimits(db, contract)).length === 0) return actions;
  return actions.filter((a) => a !== 'apply-subdelegation');
}
