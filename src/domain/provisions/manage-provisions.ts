import { findProvisionTemplate } from '../../../forms/special-provisions/catalogue.js';
import { asSubject } from '../../../policies/app-ability.js';
import { type Contract, findContract } from '../contracts/contract.repository.js';
import { getContract } from '../contracts/manage-contracts.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, ForbiddenError, type Message, notFound, ValidationError } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';
import { type ContractProvisions, findContractProvisions } from './provisions.repository.js';

const SUBJECT = '特記事項 / Special provisions';

/** After the contract's read check: whoever reads the contract reads its provisions, so a refusal
 * here is a plain 403 (the contract's existence is already known to them). */
function mayAct(ctx: UseCaseContext, action: 'update' | 'sign', contract: Contract, what: Message): void {
  if (ctx.ability.can(action, asSubject('ContractProvisions', contract))) return;
  throw new ForbiddenError({ en: `You may not ${what.en}`, ja: `${what.ja}権限がありません` });
}

/** The 特記事項 of a contract the actor may read (404 alike for unknown and unseen contracts). */
export async function getContractProvisions(
  ctx: UseCaseContext,
  contractId: string,
): Promise<ContractProvisions> {
  const contract = await getContract(ctx, contractId);
  const provisions = await findContractProvisions(ctx.db, contract.wardId, contract.id);
  if (!provisions) throw notFound('Special provisions', '特記事項');
  return provisions;
}

/**
 * 特記事項の選択: the privacy officer picks the template of a draft contract (at its newest version).
 * Once work has started the company has agreed to the text, and a sub-contract's provisions are
 * its parent's flow-down: neither is chosen here.
 */
export async function chooseProvisions(
  ctx: UseCaseContext,
  contractId: string,
  templateId: string,
  expectedVersion: number,
): Promise<ContractProvisions> {
  const template = findProvisionTemplate(templateId);
  if (!template) {
    throw new ValidationError({ en: 'Unknown special provisions', ja: '特記事項の様式が見つかりません' }, [
      {
        path: 'templateId',
        message: 'not a template of forms/special-provisions',
        message_ja: '登録されていない様式です',
      },
    ]);
  }
  return inTransaction(ctx, async ({ tx, audit }) => {
    const contract = await findContract(tx, contractId, true);
    if (!contract) throw notFound('Contract', '契約');
    const before = await findContractProvisions(tx, contract.wardId, contract.id, true);
    if (!before) throw notFound('Contract', '契約');
    authorize(ctx.ability, 'read', 'Contract', contract);
    mayAct(ctx, 'update', contract, { en: 'choose the special provisions', ja: '特記事項を選択する' });
    checkVersion(SUBJECT, expectedVersion, before.version);
    if (contract.parentContractId) {
      throw new ConflictError({
        en: "A sub-contract carries its parent's flow-down provisions; they are not chosen",
        ja: '再委託契約の特記事項は委託契約の再委託用特記事項が適用され、選択できません',
      });
    }
    // The one status test here: the text a company agreed to at the start never changes under it.
    if (contract.status !== 'draft') {
      throw new ConflictError({
        en: 'The special provisions are chosen before the work starts',
        ja: '特記事項は履行開始前にのみ選択できます',
      });
    }
    if (template.party !== 'contractor') {
      throw new ValidationError(
        { en: 'These provisions bind a sub-contractor', ja: 'この様式は再委託先用です' },
        [
          {
            path: 'templateId',
            message: 'a sub-contractor’s provisions',
            message_ja: '再委託先用の特記事項です',
          },
        ],
      );
    }
    await tx
      .updateTable('contract_provisions')
      .set({
        template_id: template.id,
        template_version: template.version,
        assigned_at: ctx.now(),
        assigned_by: ctx.actor.userId,
        version: before.version + 1,
      })
      .where('ward_id', '=', contract.wardId)
      .where('contract_id', '=', contract.id)
      .execute();
    const after = (await findContractProvisions(tx, contract.wardId, contract.id))!;
    await audit({
      wardId: contract.wardId,
      action: 'contract.provisions_choose',
      subjectType: 'Contract',
      subjectId: contract.id,
      before: { templateId: before.templateId, templateVersion: before.templateVersion },
      after: { templateId: after.templateId, templateVersion: after.templateVersion },
    });
    return after;
  });
}

/**
 * 特記事項の受諾: the manager of the company bound by the contract records, under their name, that
 * it accepts the provisions (for a sub-contract, the flow-down provisions that 乙 must write into
 * its contract with 丙). Recorded once; the sub-contract starts only after it.
 */
export async function acceptProvisions(
  ctx: UseCaseContext,
  contractId: string,
  acceptedName: string,
  expectedVersion: number,
): Promise<ContractProvisions> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const contract = await findContract(tx, contractId, true);
    if (!contract) throw notFound('Contract', '契約');
    authorize(ctx.ability, 'read', 'Contract', contract);
    const before = await findContractProvisions(tx, contract.wardId, contract.id, true);
    if (!before) throw notFound('Contract', '契約');
    mayAct(ctx, 'sign', contract, { en: 'accept the special provisions', ja: '特記事項を受諾する' });
    checkVersion(SUBJECT, expectedVersion, before.version);
    if (before.acceptedAt) {
      throw new ConflictError({
        en: 'The special provisions have already been accepted',
        ja: '特記事項は既に受諾されています',
      });
    }
    const at = ctx.now();
    await tx
      .updateTable('contract_provisions')
      .set({
        accepted_at: at,
        accepted_by: ctx.actor.userId,
        accepted_name: acceptedName,
        version: before.version + 1,
      })
      .where('ward_id', '=', contract.wardId)
      .where('contract_id', '=', contract.id)
      .execute();
    const after = (await findContractProvisions(tx, contract.wardId, contract.id))!;
    await audit({
      wardId: contract.wardId,
      action: 'contract.provisions_accept',
      subjectType: 'Contract',
      subjectId: contract.id,
      after: {
        templateId: after.templateId,
        templateVersion: after.templateVersion,
        acceptedName,
        acceptedAt: at.toISOString(),
      },
    });
    return after;
  });
}
