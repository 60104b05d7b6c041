import type { Insertable, Updateable } from 'kysely';
import { asSubject } from '../../../policies/app-ability.js';
import type { ContractsTable } from '../../db/tables/contracts.js';
import { reopenOnMaterialChange } from '../approvals/reopen-on-material-change.js';
import { findOrganisation, linkCompanyToWard } from '../organisations/organisation.repository.js';
import { assignProvisions } from '../provisions/assign-provisions.js';
import { actingWard } from '../shared/acting-ward.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type Tx, type UseCaseContext } from '../shared/context.js';
import { ConflictError, type FieldError, notFound, ValidationError } from '../shared/errors.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import { checkVersion } from '../shared/versioning.js';
import { type Contract, findContract } from './contract.repository.js';
import { checkContractAllows, contractWorkflow } from './contract.workflow.js';
import type { ContractInput, ContractPatch } from './contract-input.js';

const EMPTY_MEASURES = { operational: [], system: [] };

function invalid(errors: FieldError[]): ValidationError {
  return new ValidationError({ en: 'The contract is not valid', ja: '契約の内容に誤りがあります' }, errors);
}

/** Checks what the schema cannot: references inside the ward and the order of dates. */
async function checkReferences(
  ctx: UseCaseContext,
  tx: Tx,
  wardId: string,
  input: ContractPatch & { contractorOrgId?: string },
) {
  const errors: FieldError[] = [];
  if (input.departmentId) {
    const dept = await tx
      .selectFrom('departments')
      .select('id')
      .where('ward_id', '=', wardId)
      .where('id', '=', input.departmentId)
      .executeTakeFirst();
    if (!dept)
      errors.push({
        path: 'departmentId',
        message: 'not a department of this {self}',
        message_ja: 'この{self}の所管課ではありません',
      });
  }
  if (input.contractorOrgId) {
    // Only a company the actor may see (one known to the ward): contracting with another ward's
    // company would link it to this ward and show its details across the line. Unknown and
    // invisible look alike.
    const org = await findOrganisation(tx, input.contractorOrgId);
    if (org?.kind !== 'company' || !ctx.ability.can('read', asSubject('Organisation', org))) {
      errors.push({
        path: 'contractorOrgId',
        message: 'not a registered company',
        message_ja: '登録されている事業者ではありません',
      });
    }
  }
  if (errors.length) throw invalid(errors);
}

function checkPeriod(periodFrom: string, periodTo: string) {
  if (periodFrom > periodTo) {
    throw invalid([
      {
        path: 'periodTo',
        message: 'ends before it starts',
        message_ja: '契約期間の終了日が開始日より前です',
      },
    ]);
  }
}

/** 契約番号 as stored: without surrounding spaces (full-width too), and an empty field means none,
 * as a form sends it; otherwise "" would be unique only once and " X" would slip past "X". */
export function normaliseNumber(value: string | null | undefined): string | null | undefined {
  return value === undefined ? undefined : value?.trim() || null;
}

export function duplicateNumber(contractNumber: string) {
  return new ConflictError({
    en: `Contract number ${contractNumber} is already registered in this {self}`,
    ja: `契約番号「${contractNumber}」は既に登録されています`,
  });
}

export async function numberTaken(
  tx: Tx,
  wardId: string,
  contractNumber: string | null | undefined,
  exceptId?: string,
) {
  if (!contractNumber) return false;
  let q = tx
    .selectFrom('contracts')
    .select('id')
    .where('ward_id', '=', wardId)
    .where('contract_number', '=', contractNumber);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return Boolean(await q.executeTakeFirst());
}

export function contractRow(
  wardId: string,
  input: ContractInput,
): Omit<Insertable<ContractsTable>, 'machine_id' | 'machine_version'> {
  return {
    ward_id: wardId,
    department_id: input.departmentId,
    contractor_org_id: input.contractorOrgId,
    title: input.title,
    contract_number: input.contractNumber ?? null,
    contract_date: input.contractDate ?? null,
    period_from: input.periodFrom,
    period_to: input.periodTo,
    amount_yen: input.amountYen ?? null,
    place: input.place ?? null,
    handles_personal_info: input.handlesPersonalInfo,
    processing_modes: input.processingModes ?? [],
    selection_method: input.selectionMethod ?? null,
    required_certifications: input.requiredCertifications ?? [],
    work_description: input.workDescription ?? null,
    reason: input.reason ?? null,
    ward_measures: JSON.stringify(input.wardMeasures ?? EMPTY_MEASURES),
    contractor_measures: JSON.stringify(input.contractorMeasures ?? EMPTY_MEASURES),
  };
}

/** 委託契約の登録: a new contract of the actor's ward, in draft. */
export async function createContract(ctx: UseCaseContext, raw: ContractInput): Promise<Contract> {
  const wardId = actingWard(ctx.actor);
  const input = { ...raw, contractNumber: normaliseNumber(raw.contractNumber) };
  authorize(ctx.ability, 'create', 'Contract', { wardId });
  checkPeriod(input.periodFrom, input.periodTo);
  return inTransaction(ctx, async ({ tx, audit }) => {
    await checkReferences(ctx, tx, wardId, input);
    if (await numberTaken(tx, wardId, input.contractNumber)) throw duplicateNumber(input.contractNumber!);
    const row = await tx
      .insertInto('contracts')
      .values({
        ...contractRow(wardId, input),
        ...machineColumns(contractWorkflow),
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await linkCompanyToWard(tx, wardId, input.contractorOrgId);
    await assignProvisions(tx, { wardId, contractId: row.id }, ctx.actor.userId, ctx.now());
    const created = (await findContract(tx, row.id))!;
    await audit({
      wardId,
      action: 'contract.create',
      subjectType: 'Contract',
      subjectId: created.id,
      after: created,
    });
    return created;
  });
}

/** Changes a contract's particulars; a closed contract is history and cannot change. */
export async function updateContract(
  ctx: UseCaseContext,
  id: string,
  raw: ContractPatch,
  expectedVersion: number,
): Promise<Contract> {
  const patch = { ...raw, contractNumber: normaliseNumber(raw.contractNumber) };
  if (patch.contractNumber === undefined) delete patch.contractNumber;
  return inTransaction(ctx, async ({ tx, audit }) => {
    const before = await findContract(tx, id, true);
    if (!before) throw notFound('Contract', '契約');
    authorize(ctx.ability, 'update', 'Contract', before);
    checkVersion('契約 / Contract', expectedVersion, before.version);
    // Whether personal information is handled decides which gates the contract passed on
    // activation (register, handler list, approval) and what it owes at the end (erasure), so it
    // is fixed once the contract has started: a change means a new contract, not an edit.
    checkContractAllows(
      before,
      {
        type: 'EDIT',
        changesPersonalInfo:
          patch.handlesPersonalInfo !== undefined && patch.handlesPersonalInfo !== before.handlesPersonalInfo,
      },
      { en: 'A closed contract cannot be changed', ja: '完了した契約は変更できません' },
    );
    checkPeriod(patch.periodFrom ?? before.periodFrom, patch.periodTo ?? before.periodTo);
    await checkReferences(ctx, tx, before.wardId, patch);
    if (await numberTaken(tx, before.wardId, patch.contractNumber, id))
      throw duplicateNumber(patch.contractNumber!);
    const merged = contractRow(before.wardId, {
      ...before,
      amountYen: before.amountYen === null ? null : Number(before.amountYen),
      ...patch,
    } as ContractInput);
    const { ward_id: _w, contractor_org_id: _c, ...changes } = merged;
    await tx
      .updateTable('contracts')
      .set({ ...(changes as Updateable<ContractsTable>), updated_at: ctx.now(), version: before.version + 1 })
      .where('ward_id', '=', before.wardId)
      .where('id', '=', id)
      .execute();
    const after = (await findContract(tx, id))!;
    await reopenOnMaterialChange(tx, ctx, audit, id);
    await audit({
      wardId: before.wardId,
      action: 'contract.update',
      subjectType: 'Contract',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}

export async function getContract(ctx: UseCaseContext, id: string): Promise<Contract> {
  const contract = await findContract(ctx.db, id);
  if (!contract) throw notFound('Contract', '契約');
  authorize(ctx.ability, 'read', 'Contract', contract);
  return contract;
}
