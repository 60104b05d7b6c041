import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { OperationalReportKind } from '../../db/tables/operational-reports.js';
import { findContract } from '../contracts/contract.repository.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';

/** The kinds in their order: 日報, 月報, 年報, 随時報告. */
export const OPERATIONAL_REPORT_KINDS: readonly OperationalReportKind[] = [
  'daily',
  'monthly',
  'yearly',
  'adhoc',
];

/** Which operational reports a contract requires (seed 004 requires all; none without a row). */
export interface OperationalReportSettings {
  contractId: string;
  requiredKinds: OperationalReportKind[];
  /** 0 while the contract has no settings of its own (it requires none). */
  version: number;
}

export async function operationalSettingsOf(
  db: Kysely<Database>,
  contract: { wardId: string; id: string },
): Promise<OperationalReportSettings> {
  const row = await db
    .selectFrom('contract_operational_report_settings')
    .select(['required_kinds', 'version'])
    .where('ward_id', '=', contract.wardId)
    .where('contract_id', '=', contract.id)
    .executeTakeFirst();
  return {
    contractId: contract.id,
    requiredKinds: OPERATIONAL_REPORT_KINDS.filter((k) => row?.required_kinds.includes(k)),
    version: row?.version ?? 0,
  };
}

async function readableContract(ctx: UseCaseContext, db: Kysely<Database>, id: string, lock = false) {
  const contract = await findContract(db, id, lock);
  if (!contract) throw notFound('Contract', '契約');
  authorize(ctx.ability, 'read', 'Contract', contract);
  return contract;
}

export async function readOperationalReportSettings(ctx: UseCaseContext, contractId: string) {
  return operationalSettingsOf(ctx.db, await readableContract(ctx, ctx.db, contractId));
}

/**
 * The city (whoever may edit the contract) sets which operational reports the contractor owes; the
 * scheduler issues the periodic ones from its next run. Reports already issued stay. Audited.
 */
export async function updateOperationalReportSettings(
  ctx: UseCaseContext,
  contractId: string,
  input: { requiredKinds: OperationalReportKind[] },
  expectedVersion: number,
): Promise<OperationalReportSettings> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const contract = await readableContract(ctx, tx, contractId, true);
    authorize(ctx.ability, 'update', 'Contract', contract);
    const before = await operationalSettingsOf(tx, contract);
    checkVersion('業務報告の設定 / Operational report settings', expectedVersion, before.version);
    const row = {
      required_kinds: OPERATIONAL_REPORT_KINDS.filter((k) => input.requiredKinds.includes(k)),
      updated_by: ctx.actor.userId,
      updated_at: ctx.now(),
    };
    if (before.version === 0) {
      await tx
        .insertInto('contract_operational_report_settings')
        .values({ ward_id: contract.wardId, contract_id: contract.id, ...row })
        .execute();
    } else {
      await tx
        .updateTable('contract_operational_report_settings')
        .set({ ...row, version: before.version + 1 })
        .where('ward_id', '=', contract.wardId)
        .where('contract_id', '=', contract.id)
        .execute();
    }
    const after = await operationalSettingsOf(tx, contract);
    await audit({
      wardId: contract.wardId,
      action: 'contract.operational_report_settings_update',
      subjectType: 'Contract',
      subjectId: contract.id,
      before,
      after,
    });
    return after;
  });
}
