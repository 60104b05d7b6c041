import { findContract } from '../contracts/contract.repository.js';
import { checkContractAllows, contractWorkflow } from '../contracts/contract.workflow.js';
import { linkCompanyToWard } from '../organisations/organisation.repository.js';
import { assignProvisions } from '../provisions/assign-provisions.js';
import { findRegisterRevision } from '../registers/register.repository.js';
import { outsideParent, type RegisterDocument } from '../registers/register-document.js';
import { normaliseRegister, type RegisterInput } from '../registers/save-register.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { type FieldError, notFound, ValidationError } from '../shared/errors.js';
import { allocateRecordNumber } from '../shared/record-numbers.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import type { SubdelegationApplication } from './application.js';
import { type Approval, findApproval, wardApprovalSettings } from './approval.repository.js';
import { approvalWorkflow } from './approval.workflow.js';
import { nameSubcontractor, type SubcontractorChoice } from './name-subcontractor.js';
import { startDateError } from './start-before-approval.js';
import { subcontractingLimits } from './subcontracting-limits.js';
import { suspensionOverlaps } from './suspensions.js';

export interface SubdelegationInput {
  /** 再委託先: a company it works with, or one by its corporate number (see nameSubcontractor). */
  subcontractor: SubcontractorChoice;
  reason: string;
  scope: string;
  /** Which portion of the work: only 'part' may be sub-contracted (002 §11, 001 4.2(3)). */
  portion: 'part' | 'main' | 'whole';
  register: Omit<RegisterInput, 'note'>;
  safetyMeasures: string[];
  supervisionMethod: string;
  periodFrom: string;
  periodTo: string;
  title?: string;
}

function refuse(errors: FieldError[]): ValidationError {
  return new ValidationError(
    { en: 'The sub-contracting application is refused', ja: '再委託の申請は受け付けられません' },
    errors,
  );
}

/**
 * 再委託申請: the contractor applies, before the work starts, to sub-contract part of a contract.
 * Refused outright (422): the whole work or its main part, a company suspended on any day of the
 * period, a start date before today (work may not start before approval), items outside the
 * parent's register, a depth beyond the ward's policy. Creates the sub-contract (not visible to the
 * sub-contractor until approved) and the application in draft.
 */
export async function applyForSubdelegation(
  ctx: UseCaseContext,
  parentId: string,
  input: SubdelegationInput,
): Promise<Approval> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const parent = await findContract(tx, parentId, true);
    if (!parent) throw notFound('Contract', '契約');
    authorize(ctx.ability, 'read', 'Contract', parent);
    authorize(ctx.ability, 'create', 'Approval', {
      applicantOrgId: ctx.actor.organisationId,
      kind: 'subdelegation',
    });
    if (parent.contractorOrgId !== ctx.actor.organisationId) {
      throw refuse([
        {
          path: 'contract',
          message: 'only the contractor of this contract may sub-contract it',
          message_ja: 'この契約の受託者のみが再委託を申請できます',
        },
      ]);
    }
    checkContractAllows(parent, { type: 'APPLY_SUBDELEGATION' });

    const errors: FieldError[] = [];
    if (input.portion !== 'part') {
      errors.push({
        path: 'portion',
        message: 'the whole work or its main part may never be sub-contracted',
        message_ja: '業務の全部又は主たる部分を再委託することはできません',
      });
    }
    const settings = await wardApprovalSettings(tx, parent.wardId);
    const depth = parent.depth + 1;
    errors.push(...(await subcontractingLimits(tx, parent)));
    if (
      input.periodFrom < parent.periodFrom ||
      input.periodTo > parent.periodTo ||
      input.periodFrom > input.periodTo
    ) {
      errors.push({
        path: 'periodTo',
        message: 'must lie within the contract period',
        message_ja: '再委託の期間は契約期間内である必要があります',
      });
    }

    // 業務の着手前に: the start date may not lie before the day it could be approved (today)
    const started = startDateError(input.periodFrom, ctx.now());
    if (started) errors.push(started);

    const subcontractorId = await nameSubcontractor(ctx, { tx, audit }, parent.wardId, input.subcontractor);
    if (subcontractorId === parent.contractorOrgId || parent.chainOrgIds.includes(subcontractorId)) {
      errors.push({
        path: 'subcontractor',
        message: 'already in this chain',
        message_ja: '再委託先が委託の連鎖の中に既に含まれています',
      });
    }
    const suspension = await tx
      .selectFrom('subcontractor_suspensions')
      .select(['reason'])
      .where('ward_id', '=', parent.wardId)
      .where('company_id', '=', subcontractorId)
      // in force on any day of the sub-contract's period, not only its first
      .where((eb) => suspensionOverlaps(eb, input.periodFrom, input.periodTo))
      .orderBy('suspended_from')
      .executeTakeFirst();
    if (suspension) {
      errors.push({
        path: 'subcontractor',
        message: `the company is on the {self}'s suspension list: ${suspension.reason}`,
        message_ja: `再委託先は{self}の指名停止措置の対象です（${suspension.reason}）`,
      });
    }

    // Items picked from the parent keep their identity and the ward's special-category approvals.
    const parentRegister = await findRegisterRevision(tx, parent.wardId, parent.id);
    const register: RegisterDocument = await normaliseRegister(
      tx,
      parent.wardId,
      input.register,
      ctx,
      parentRegister.document,
    );
    errors.push(
      ...outsideParent(register, parentRegister.document).map((e) => ({ ...e, path: `register.${e.path}` })),
    );
    if (errors.length) throw refuse(errors);

    const title = input.title ?? `${parent.title}（再委託）`;
    const sub = await tx
      .insertInto('contracts')
      .values({
        ...machineColumns(contractWorkflow),
        ward_id: parent.wardId,
        department_id: parent.departmentId,
        parent_contract_id: parent.id,
        depth,
        contractor_org_id: subcontractorId,
        chain_org_ids: [...parent.chainOrgIds, parent.contractorOrgId],
        contractor_access: false,
        title,
        period_from: input.periodFrom,
        period_to: input.periodTo,
        handles_personal_info: true,
        processing_modes: parent.processingModes,
        work_description: input.scope,
        reason: input.reason,
        ward_measures: JSON.stringify(parent.wardMeasures),
        contractor_measures: JSON.stringify({ operational: input.safetyMeasures, system: [] }),
        register_revision: 1,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await assignProvisions(
      tx,
      { wardId: parent.wardId, contractId: sub.id, parentContractId: parent.id },
      ctx.actor.userId,
      ctx.now(),
    );
    await tx
      .insertInto('register_revisions')
      .values({
        ward_id: parent.wardId,
        contract_id: sub.id,
        revision: 1,
        document: JSON.stringify(register),
        changed_by: ctx.actor.userId,
        changed_at: ctx.now(),
        note: '再委託申請',
      })
      .execute();
    await linkCompanyToWard(tx, parent.wardId, subcontractorId);

    const application: SubdelegationApplication = {
      kind: 'subdelegation',
      subcontractorOrgId: subcontractorId,
      reason: input.reason,
      scope: input.scope,
      portion: 'part',
      register,
      safetyMeasures: input.safetyMeasures,
      supervisionMethod: input.supervisionMethod,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      title,
    };
    const row = await tx
      .insertInto('approvals')
      .values({
        number: await allocateRecordNumber(tx, parent.wardId, 'subdelegation', ctx.now()),
        ward_id: parent.wardId,
        kind: 'subdelegation',
        contract_id: sub.id,
        parent_contract_id: parent.id,
        applicant_org_id: ctx.actor.organisationId,
        status: 'draft',
        ...machineColumns(approvalWorkflow),
        chain: settings.signOffChain,
        council_mode: 'report',
        application: JSON.stringify(application),
        register_revision: 1,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = (await findApproval(tx, row.id))!;
    await audit({
      wardId: parent.wardId,
      action: 'approval.apply',
      subjectType: 'Approval',
      subjectId: row.id,
      after: created,
    });
    return created;
  });
}
