import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { PriorApprovalKind } from '../../db/tables/prior-approvals.js';
import { type Contract, findContract } from '../contracts/contract.repository.js';
import { checkContractAllows } from '../contracts/contract.workflow.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { notFound, ValidationError } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';
import { DEFAULT_REQUIRED_KINDS, PRIOR_APPROVAL_KINDS } from './prior-approval-terms.js';

/** Which kinds need the ward's prior approval on one contract, and whether disposal needs a witness. */
export interface PriorApprovalSettings {
  contractId: string;
  requiredKinds: PriorApprovalKind[];
  /** 立会い: the ward attends every disposal (001 別紙7 第10条3). */
  disposalWitness: boolean;
  /** True while the contract keeps seed 001 別紙7's defaults (no row of its own). */
  isDefault: boolean;
  /** 0 while the defaults hold; send it back with a change. */
  version: number;
}

/** The settings in force (the defaults where the contract has none of its own). */
export async function settingsOf(db: Kysely<Database>, contract: Pick<Contract, 'wardId' | 'id'>) {
  const row = await db
    .selectFrom('contract_prior_approval_settings')
    .selectAll()
    .where('ward_id', '=', contract.wardId)
    .where('contract_id', '=', contract.id)
    .executeTakeFirst();
  const settings: PriorApprovalSettings = row
    ? {
        contractId: contract.id,
        requiredKinds: PRIOR_APPROVAL_KINDS.filter((k) => row.required_kinds.includes(k)),
        disposalWitness: row.disposal_witness,
        isDefault: false,
        version: row.version,
      }
    : {
        contractId: contract.id,
        requiredKinds: [...DEFAULT_REQUIRED_KINDS],
        disposalWitness: false,
        isDefault: true,
        version: 0,
      };
  return settings;
}

async function readableContract(ctx: UseCaseContext, db: Kysely<Database>, contractId: string, lock = false) {
  const contract = await findContract(db, contractId, lock);
  if (!contract) throw notFound('Contract', '契約');
  authorize(ctx.ability, 'read', 'Contract', contract);
  return contract;
}

export async function readPriorApprovalSettings(ctx: UseCaseContext, contractId: string) {
  const contract = await readableContract(ctx, ctx.db, contractId);
  return settingsOf(ctx.db, contract);
}

export interface PriorApprovalSettingsInput {
  requiredKinds: PriorApprovalKind[];
  disposalWitness: boolean;
}

/**
 * The ward (its privacy officer, who writes contracts) sets which kinds need prior approval on the
 * contract; applications already made keep what they were made under. Audited.
 */
export async function updatePriorApprovalSettings(
  ctx: UseCaseContext,
  contractId: string,
  input: PriorApprovalSettingsInput,
  expectedVersion: number,
): Promise<PriorApprovalSettings> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const contract = await readableContract(ctx, tx, contractId, true);
    authorize(ctx.ability, 'update', 'Contract', contract);
    checkContractAllows(contract, { type: 'EDIT', changesPersonalInfo: false });
    const unknown = input.requiredKinds.filter((k) => !PRIOR_APPROVAL_KINDS.includes(k));
    if (unknown.length)
      throw new ValidationError({ en: 'Unknown kind', ja: '事前承認の種類が正しくありません' }, [
        {
          path: 'requiredKinds',
          message: `unknown: ${unknown.join(', ')}`,
          message_ja: '不明な種類があります',
        },
      ]);
    const before = await settingsOf(tx, contract);
    checkVersion('事前承認の設定 / Prior approval settings', expectedVersion, before.version);
    const row = {
      required_kinds: PRIOR_APPROVAL_KINDS.filter((k) => input.requiredKinds.includes(k)),
      disposal_witness: input.disposalWitness,
      updated_by: ctx.actor.userId,
      updated_at: ctx.now(),
    };
    if (before.isDefault) {
      await tx
        .insertInto('contract_prior_approval_settings')
        .values({ ward_id: contract.wardId, contract_id: contract.id, ...row })
        .execute();
    } else {
      await tx
        .updateTable('contract_prior_approval_settings')
        .set({ ...row, version: before.version + 1 })
        .where('ward_id', '=', contract.wardId)
        .where('contract_id', '=', contract.id)
        .execute();
    }
    const after = await settingsOf(tx, contract);
    await audit({
      wardId: contract.wardId,
      action: 'contract.prior_approval_settings_update',
      subjectType: 'Contract',
      subjectId: contract.id,
      before,
      after,
    });
    return after;
  });
}
