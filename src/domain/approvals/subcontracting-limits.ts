import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Contract } from '../contracts/contract.repository.js';
import { subcontractingForbidden } from '../provisions/provisions-gate.js';
import type { FieldError } from '../shared/errors.js';
import { wardApprovalSettings } from './approval.repository.js';

/**
 * Why this contract's contractor may not sub-contract it at all, whatever the form says: the
 * {self}'s depth limit, or provisions that forbid it (丙 第11項). The application refuses with it;
 * the contract page shows it instead of offering a form that would be refused when sent.
 */
export async function subcontractingRefusals(
  db: Kysely<Database>,
  contract: Contract,
): Promise<FieldError[]> {
  const refusals: FieldError[] = [];
  const settings = await wardApprovalSettings(db, contract.wardId);
  const level = contract.depth; // the level the new sub-contract would be
  if (level > settings.maxSubcontractDepth) {
    refusals.push({
      path: 'contract',
      message: `the {self} allows ${settings.maxSubcontractDepth} level(s) of sub-contracting; this would be level ${level}`,
      message_ja:
        settings.maxSubcontractDepth === 0
          ? 'この{self}では再委託は認められていません'
          : `この{self}で認められる再委託の段階（${settings.maxSubcontractDepth}段階）を超えます`,
    });
  }
  const forbidden = await subcontractingForbidden(db, contract);
  if (forbidden) refusals.push(forbidden);
  return refusals;
}
