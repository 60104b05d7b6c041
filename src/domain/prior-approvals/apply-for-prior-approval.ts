import { asSubject } from '../../../policies/app-ability.js';
import { contractLifecycleMachine } from '../../../workflows/contract-lifecycle/contract-lifecycle.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import type { PriorApprovalCarrier, PriorApprovalKind } from '../../db/tables/prior-approvals.js';
import { wardApprovalSettings } from '../approvals/approval.repository.js';
import { type Contract, findContract } from '../contracts/contract.repository.js';
import { checkContractAllows } from '../contracts/contract.workflow.js';
import { notify, usersWithRoles } from '../notifications/notify.js';
import { citationFor, cite } from '../provisions/cite-provision.js';
import { findContractProvisions } from '../provisions/provisions.repository.js';
import { findRegisterRevision } from '../registers/register.repository.js';
import type { Viewer } from '../shared/allowed-actions.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { type FieldError, notFound, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import { appendSignOffStep } from '../sign-off/sign-off-steps.js';
import { findPriorApproval, type PriorApproval } from './prior-approval.repository.js';
import { priorApprovalWorkflow } from './prior-approval.workflow.js';
import { settingsOf } from './prior-approval-settings.js';
import { KIND_NAMES } from './prior-approval-terms.js';

export interface PriorApprovalInput {
  contractId: string;
  kind: PriorApprovalKind;
  reason: string;
  /** Keys of the contract's register items concerned. */
  itemKeys: string[];
  /** 部数・数量 */
  quantity?: number | null;
  periodFrom: string;
  periodTo: string;
  /** Where it is done (複写の場所, 持出し先, 廃棄の場所). */
  place: string;
  /** 持出しの媒体: paper or another carrier (media have their own custody in handover). */
  carrier?: PriorApprovalCarrier | null;
  /** 提供先・利用先 (第6条2: the recipient's name, purpose and use). */
  recipient?: string | null;
}

const invalid = (path: string, message: string, message_ja: string): FieldError => ({
  path,
  message,
  message_ja,
});

/** What each kind needs besides the common particulars. */
function kindErrors(input: PriorApprovalInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.kind === 'copy' && (input.quantity === null || input.quantity === undefined))
    errors.push(
      invalid('quantity', 'the number of copies is required', '複写・複製する部数を入力してください'),
    );
  if (input.kind === 'take_out' && !input.carrier)
    errors.push(
      invalid(
        'carrier',
        'say what carries the data out (encrypted media are recorded as handover packages)',
        '持ち出す媒体を選んでください（暗号化した電磁的媒体は受渡データで記録します）',
      ),
    );
  if (input.kind === 'other_use' && !input.recipient?.trim())
    errors.push(
      invalid(
        'recipient',
        'name the recipient and its purpose',
        '提供先・利用先の名称と利用目的を入力してください',
      ),
    );
  return errors;
}

/**
 * Where the contract's provisions allow copying only as the specification provides (seed 004
 * 5(2)②, 届書等), copying is not something the municipality approves case by case: refused, citing
 * the article.
 */
async function copyingRefusal(
  tx: Parameters<typeof findContract>[0],
  contract: Contract,
  kind: PriorApprovalKind,
): Promise<FieldError | undefined> {
  if (kind !== 'copy') return undefined;
  const provisions = await findContractProvisions(tx, contract.wardId, contract.id);
  if (!provisions?.template.copyingOnlyAsSpecified) return undefined;
  const { en, ja } = cite(
    {
      en: 'this contract forbids copying the notification forms (届書等) except where its specification provides: it is not applied for',
      ja: 'この契約では、業務仕様書等に定める場合を除き届書等の複写複製等はできません（事前承認の対象になりません）',
    },
    citationFor(provisions, 'copying'),
  );
  return invalid('kind', en, ja);
}

/**
 * 事前承認の申請 — or, where the contract does not require approval for the kind, its 届出: the
 * company acting on its own contract (or sub-contract) says what it means to do, with which items
 * of the register, how many, when and where. The ward's chain signs an application; a
 * notification only informs it. Work may not start before the application: the period begins
 * today at the earliest.
 */
export async function applyForPriorApproval(
  ctx: UseCaseContext,
  input: PriorApprovalInput,
): Promise<PriorApproval> {
  const applicantOrgId = ctx.actor.organisationId;
  authorize(ctx.ability, 'create', 'PriorApproval', { applicantOrgId });
  return inTransaction(ctx, async ({ tx, audit }) => {
    const contract = await findContract(tx, input.contractId);
    if (
      !contract ||
      contract.contractorOrgId !== applicantOrgId ||
      !ctx.ability.can('read', asSubject('Contract', contract))
    )
      throw notFound('Contract', '契約');
    checkContractAllows(contract, { type: 'APPLY_PRIOR_APPROVAL' });

    const register = await findRegisterRevision(tx, contract.wardId, contract.id);
    const known = new Map(
      register.document.subjectGroups.flatMap((g) =>
        g.items.map((item) => [item.key, { key: item.key, group: g.name, name: item.name }] as const),
      ),
    );
    const errors = kindErrors(input);
    const copying = await copyingRefusal(tx, contract, input.kind);
    if (copying) errors.push(copying);
    if (input.itemKeys.length === 0)
      errors.push(invalid('itemKeys', 'pick the items concerned', '対象の情報項目を選んでください'));
    input.itemKeys.forEach((key, i) => {
      if (!known.has(key))
        errors.push(
          invalid(
            `itemKeys.${i}`,
            'not an item of this contract’s register',
            'この契約の情報項目にありません',
          ),
        );
    });
    const today = toJapanDate(ctx.now());
    if (input.periodFrom < today)
      errors.push(
        invalid(
          'periodFrom',
          `apply before acting: from ${today} on`,
          `事前に申請してください（${today}以降の日付）`,
        ),
      );
    if (input.periodTo < input.periodFrom)
      errors.push(invalid('periodTo', 'before periodFrom', '終了日が開始日より前です'));
    if (errors.length)
      throw new ValidationError(
        { en: 'The application is incomplete', ja: '申請内容に不足または誤りがあります' },
        errors,
      );

    const settings = await settingsOf(tx, contract);
    const { signOffChain } = await wardApprovalSettings(tx, contract.wardId);
    const context = {
      chain: [...signOffChain],
      step: 0,
      needsApproval: settings.requiredKinds.includes(input.kind),
      witnessRequired: input.kind === 'disposal' && settings.disposalWitness,
    };
    const filed = decide(priorApprovalWorkflow.machine, 'filing', { type: 'FILE' } as never, context);
    if (!filed.allowed) throw new Error('the prior-approval machine refused FILE');
    const now = ctx.now();
    const row = await tx
      .insertInto('prior_approvals')
      .values({
        ward_id: contract.wardId,
        contract_id: contract.id,
        applicant_org_id: applicantOrgId,
        kind: input.kind,
        status: filed.next,
        ...machineColumns(priorApprovalWorkflow),
        reason: input.reason.trim(),
        items: JSON.stringify(input.itemKeys.map((key) => known.get(key)!)),
        quantity: input.quantity ?? null,
        period_from: input.periodFrom,
        period_to: input.periodTo,
        place: input.place.trim(),
        carrier: input.carrier ?? null,
        recipient: input.recipient?.trim() || null,
        needs_approval: context.needsApproval,
        witness_required: context.witnessRequired,
        chain: context.chain,
        step: 0,
        applied_by: ctx.actor.userId,
        applied_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const decision = context.needsApproval ? 'apply' : 'notify';
    await appendSignOffStep(tx, 'prior_approval_steps', {
      wardId: contract.wardId,
      recordId: row.id,
      role: 'applicant',
      decision,
      comment: null,
      userId: ctx.actor.userId,
      at: now,
    });
    const record = (await findPriorApproval(tx, row.id))!;
    const kind = KIND_NAMES[input.kind].ja;
    await notify(
      tx,
      {
        userIds: await usersWithRoles(tx, contract.wardId, ['ward_officer']),
        wardId: contract.wardId,
        kind: 'prior_approval',
        subjectType: 'PriorApproval',
        subjectId: row.id,
        deadlineKey: `prior-approval:${row.id}:${decision}`,
        title: `${context.needsApproval ? '事前承認の申請' : '届出'}（${kind}）：${contract.title}`,
        body: input.reason.trim(),
      },
      now,
    );
    await audit({
      wardId: contract.wardId,
      action: `prior_approval.${decision}`,
      subjectType: 'PriorApproval',
      subjectId: row.id,
      after: { ...record, chainOrgIds: undefined },
    });
    return record;
  });
}

/** Whether this person may apply on the contract now: its own company's contract, in a state that allows it. */
export function mayApplyForPriorApproval(viewer: Viewer, contract: Contract): boolean {
  const applicantOrgId = viewer.actor.organisationId;
  return (
    contract.contractorOrgId === applicantOrgId &&
    viewer.ability.can('create', asSubject('PriorApproval', { applicantOrgId })) &&
    decide(contractLifecycleMachine, contract.status, { type: 'APPLY_PRIOR_APPROVAL' }).allowed
  );
}
