import { asSubject } from '../../../policies/app-ability.js';
import { PACKAGE_STATE_JA } from '../../../workflows/custody/custody.machine.js';
import { type Contract, findContract } from '../contracts/contract.repository.js';
import { checkContractAllows } from '../contracts/contract.workflow.js';
import { ERASABLE_STATES } from '../handover/custody.workflow.js';
import { checkEventTime, handlerOnList, notOnList } from '../handover/custody-steps.js';
import { checkItemsInRegister } from '../handover/package-items.js';
import { inTransaction, type Tx, type UseCaseContext } from '../shared/context.js';
import { type FieldError, ForbiddenError, notFound, ValidationError } from '../shared/errors.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import { erasureWorkflow } from './certify-erasure.js';
import { type ErasureRecord, findErasure } from './erasure.repository.js';
import type {
  ErasedDevice,
  ErasedItem,
  ErasedMedium,
  ErasedPaper,
  ErasureScope,
  MethodUsed,
  Witness,
} from './erasure-terms.js';

export interface ErasureInput {
  contractId: string;
  scope: ErasureScope;
  items: ErasedItem[];
  packageIds: string[];
  media: ErasedMedium[];
  devices: ErasedDevice[];
  paper: ErasedPaper[];
  methods: MethodUsed[];
  erasedAt: Date;
  performedByHandlerId: string;
  witnesses: Witness[];
  evidenceAttachmentIds: string[];
  note?: string | null;
}

/**
 * Who may record erasure for a contract: its own contractor (the organisation that held the data),
 * whether or not it can still read the contract — a revoked sub-delegation cuts that access, but
 * not the duty to erase and certify (丙12・13). Anyone else learns nothing of the contract.
 */
function authorizeRecording(ctx: UseCaseContext, contract: Contract): void {
  const subject = asSubject('ErasureRecord', {
    wardId: contract.wardId,
    organisationId: contract.contractorOrgId,
    chainOrgIds: contract.chainOrgIds,
  });
  if (ctx.ability.can('create', subject)) return;
  if (ctx.ability.can('read', asSubject('Contract', contract))) {
    throw new ForbiddenError({
      en: "Only the contract's own contractor records its erasure",
      ja: '消去の記録は、その契約の受託者（再委託先）が行います',
    });
  }
  throw notFound('Contract', '契約');
}

function checkContent(input: ErasureInput): void {
  const errors: FieldError[] = [];
  input.methods.forEach((m, i) => {
    if (m.method === 'erasure_software' && !m.software?.trim()) {
      errors.push({
        path: `methods.${i}.software`,
        message: 'name the erasure software (and its version)',
        message_ja: 'データ消去ソフトの名称（版）を記入してください',
      });
    }
  });
  const erasesSomething = input.items.some((i) => i.disposition === 'erased') || input.packageIds.length > 0;
  if (erasesSomething && input.methods.length === 0) {
    errors.push({
      path: 'methods',
      message: 'say how the data was erased',
      message_ja: '消去の方法を記入してください',
    });
  }
  if (errors.length)
    throw new ValidationError(
      { en: 'The erasure record is not complete', ja: '消去の記録に不足があります' },
      errors,
    );
}

/** Listed packages must be this contract's, held by this organisation (not taken out). */
async function checkPackages(tx: Tx, contract: Contract, packageIds: string[]): Promise<void> {
  const errors: FieldError[] = [];
  for (const [i, id] of packageIds.entries()) {
    const pkg = await tx
      .selectFrom('handover_packages')
      .select(['status', 'recipient_org_id', 'contract_id', 'title'])
      .where('ward_id', '=', contract.wardId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!pkg || pkg.contract_id !== contract.id || pkg.recipient_org_id !== contract.contractorOrgId) {
      errors.push({
        path: `packageIds.${i}`,
        message: 'not a package of this contract held by you',
        message_ja: 'この契約で貴社が受け取った受渡データではありません',
      });
    } else if (!ERASABLE_STATES.includes(pkg.status)) {
      errors.push({
        path: `packageIds.${i}`,
        message: `package ${pkg.title} is not held by you now (${pkg.status})`,
        message_ja: `受渡データ「${pkg.title}」は貴社が保管していません（${PACKAGE_STATE_JA[pkg.status]}）`,
      });
    }
  }
  if (errors.length)
    throw new ValidationError(
      { en: 'Packages that cannot be erased', ja: '消去できない受渡データが含まれています' },
      errors,
    );
}

/** Evidence (写真, 作業報告書…) must be files the organisation itself uploaded. */
async function checkEvidence(tx: Tx, organisationId: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const found = await tx
    .selectFrom('attachments')
    .select('id')
    .where('id', 'in', ids)
    .where('organisation_id', '=', organisationId)
    .execute();
  const known = new Set(found.map((r) => r.id));
  const errors = ids.flatMap((id, i) =>
    known.has(id)
      ? []
      : [
          {
            path: `evidenceAttachmentIds.${i}`,
            message: 'not a file your organisation uploaded',
            message_ja: '貴社が登録した添付ファイルではありません',
          },
        ],
  );
  if (errors.length)
    throw new ValidationError({ en: 'Unknown evidence files', ja: '添付ファイルが見つかりません' }, errors);
}

/**
 * 消去の記録: the contractor (or sub-contractor) records what it erased or returned, how, when, by
 * whom and witnessed by whom, when the data is no longer needed or at contract end (003 特記事項
 * 14–15, 丙12–13; 001 別紙7 第10条4). The certificate is issued from it (certify-erasure.ts).
 */
export async function recordErasure(ctx: UseCaseContext, input: ErasureInput): Promise<ErasureRecord> {
  const contract = await findContract(ctx.db, input.contractId);
  if (!contract) throw notFound('Contract', '契約');
  authorizeRecording(ctx, contract);
  try {
    checkContractAllows(contract, { type: 'RECORD_ERASURE' });
  } catch (refusal) {
    // A sub-contract never given to its sub-contractor (its application still a draft) held no
    // data and is not known to it: answered like an unknown contract, not with its state. (One
    // whose access was cut at its end may still record its erasure.)
    if (!ctx.ability.can('read', asSubject('Contract', contract))) throw notFound('Contract', '契約');
    throw refusal;
  }
  checkContent(input);
  await checkItemsInRegister(ctx.db, contract, input.items);

  return inTransaction(ctx, async ({ tx, audit }) => {
    await checkPackages(tx, contract, input.packageIds);
    await checkEvidence(tx, contract.contractorOrgId, input.evidenceAttachmentIds);
    checkEventTime(input.erasedAt, ctx.now(), new Date(`${contract.periodFrom}T00:00:00+09:00`), 'erasedAt');
    const performer = await handlerOnList(tx, {
      wardId: contract.wardId,
      contractId: contract.id,
      organisationId: contract.contractorOrgId,
      handlerId: input.performedByHandlerId,
      at: input.erasedAt,
    });
    if (!performer) throw notOnList('performedByHandlerId', input.erasedAt);
    const now = ctx.now();
    const row = await tx
      .insertInto('erasure_records')
      .values({
        ward_id: contract.wardId,
        contract_id: contract.id,
        organisation_id: contract.contractorOrgId,
        scope: input.scope,
        status: 'recorded',
        ...machineColumns(erasureWorkflow),
        items: JSON.stringify(input.items),
        package_ids: input.packageIds,
        media: JSON.stringify(input.media),
        devices: JSON.stringify(input.devices),
        paper: JSON.stringify(input.paper),
        methods: JSON.stringify(input.methods),
        erased_at: input.erasedAt,
        performed_by_handler_id: performer.id,
        witnesses: JSON.stringify(input.witnesses),
        evidence_attachment_ids: input.evidenceAttachmentIds,
        note: input.note?.trim() || null,
        recorded_by: ctx.actor.userId,
        recorded_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = (await findErasure(tx, row.id))!;
    await audit({
      wardId: contract.wardId,
      action: 'erasure.record',
      subjectType: 'ErasureRecord',
      subjectId: row.id,
      after: created,
    });
    return created;
  });
}
