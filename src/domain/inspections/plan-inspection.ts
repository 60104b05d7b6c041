import { sql } from 'kysely';
import { applicableTemplate, itemsOf } from '../../../forms/checklist/checklist.js';
import { findContract } from '../contracts/contract.repository.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type Tx, type UseCaseContext } from '../shared/context.js';
import { type FieldError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import { fiscalYearOf } from '../shared/wareki.js';
import { resolveTemplate } from './checklist-templates.js';
import { resolveInspectedParty } from './inspected-party.js';
import { findInspection, type Inspection } from './inspection.repository.js';
import { inspectionWorkflow } from './inspection.workflow.js';

export interface PlanInspectionInput {
  contractId: string;
  /** The organisation to inspect: the contractor (default) or a sub-contractor in the chain. */
  organisationId?: string;
  templateKey: string;
  /** Default: the ward's newest version of the template. */
  templateVersion?: number;
  plannedOn: string;
  place?: string | null;
  /** 補助者: other staff of the ward who record items too. */
  assistantIds?: string[];
}

/** Staff who may assist: users of the ward itself, enabled, holding a role that reads inspections. */
const ASSISTANT_ROLES = ['ward_officer', 'ward_chief', 'ward_manager', 'inspector'];

export async function checkAssistants(
  tx: Tx,
  wardId: string,
  inspectorId: string,
  ids: string[],
): Promise<void> {
  const users = ids.length
    ? await tx
        .selectFrom('users')
        .select(['id', 'roles'])
        .where('id', 'in', ids)
        .where('organisation_id', '=', wardId)
        .where('disabled_at', 'is', null)
        .execute()
    : [];
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    const user = users.find((u) => u.id === id);
    if (id === inspectorId || ids.indexOf(id) !== i) {
      errors.push({
        path: `assistantIds.${i}`,
        message: 'listed twice, or the inspector',
        message_ja: '重複しているか、監督員本人です',
      });
    } else if (!user?.roles.some((r) => ASSISTANT_ROLES.includes(r))) {
      errors.push({
        path: `assistantIds.${i}`,
        message: 'not a staff member of this {self} who may take part in inspections',
        message_ja: '実地検査に加わることのできるこの{self}の職員ではありません',
      });
    }
  });
  if (errors.length)
    throw new ValidationError(
      { en: 'The assistants are not valid', ja: '補助者の指定に誤りがあります' },
      errors,
    );
}

/**
 * Plans an on-site inspection (実地検査の予定) of one organisation in a contract's chain. The
 * template is cut down to the sections that apply (processing modes, sub-contracting) and kept with
 * the inspection, with one empty row per item, so that items can be saved one by one.
 */
export async function planInspection(ctx: UseCaseContext, input: PlanInspectionInput): Promise<Inspection> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const { contract, facts } = await resolveInspectedParty(ctx, tx, input.contractId, input.organisationId);
    const inspectingOrgId = await inspectingCompany(ctx, tx, contract);
    authorize(ctx.ability, 'create', 'Inspection', {
      wardId: contract.wardId,
      organisationId: contract.contractorOrgId,
      inspectingOrgId,
    });
    const template = await resolveTemplate(tx, contract.wardId, input.templateKey, input.templateVersion);
    if (!template) {
      throw new ValidationError(
        { en: 'Unknown checklist template', ja: 'チェックリスト様式が見つかりません' },
        [
          {
            path: 'templateKey',
            message: 'no such template or version',
            message_ja: '該当する様式又は版がありません',
          },
        ],
      );
    }
    const assistantIds = input.assistantIds ?? [];
    if (inspectingOrgId && assistantIds.length) {
      // a company's users record its inspection themselves; 補助者 are the ward's staff
      throw new ValidationError({ en: 'The assistants are not valid', ja: '補助者の指定に誤りがあります' }, [
        {
          path: 'assistantIds',
          message: 'a company’s inspection takes no assistants: its own users record it',
          message_ja: '会社が行う立入検査には補助者を指定しません（自社の利用者が記録します）',
        },
      ]);
    }
    await checkAssistants(tx, contract.wardId, ctx.actor.userId, assistantIds);

    const applied = applicableTemplate(template, facts);
    const now = ctx.now();
    const row = await tx
      .insertInto('inspections')
      .values({
        ward_id: contract.wardId,
        contract_id: contract.id,
        organisation_id: contract.contractorOrgId,
        template_key: template.key,
        template_version: template.version,
        purpose: template.purpose,
        template: JSON.stringify(applied),
        applicability: JSON.stringify({
          processingModes: facts.processingModes,
          subcontracting: facts.subcontracting,
          appliedSections: applied.sections.map((s) => s.key),
          skippedSections: template.sections.filter((s) => !applied.sections.includes(s)).map((s) => s.key),
        }),
        fiscal_year: fiscalYearOf(input.plannedOn),
        planned_on: input.plannedOn,
        place: input.place ?? null,
        inspector_id: ctx.actor.userId,
        inspecting_org_id: inspectingOrgId,
        assistant_ids: assistantIds,
        status: 'planned',
        ...machineColumns(inspectionWorkflow),
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('inspection_items')
      .values(
        itemsOf(applied).map(({ item }, position) => ({
          ward_id: contract.wardId,
          inspection_id: row.id,
          item_key: item.key,
          position,
        })),
      )
      .execute();
    const inspection = (await findInspection(tx, row.id))!;
    await audit({
      wardId: inspection.wardId,
      action: 'inspection.plan',
      subjectType: 'Inspection',
      subjectId: inspection.id,
      before: null,
      after: {
        contractId: inspection.contractId,
        organisationId: inspection.organisationId,
        template: `${inspection.templateKey}@${inspection.templateVersion}`,
        plannedOn: inspection.plannedOn,
        applicability: inspection.applicability,
        assistantIds,
        inspectingOrgId,
      },
    });
    return inspection;
  });
}

/**
 * Who inspects: the ward (null) when ward staff plan it; a company only as the contractor of the
 * contract directly above the inspected one (its own sub-contractor, 001 別紙7 第7条5) — any other
 * contract in the chain is refused (403): it may read that contract, not inspect its company.
 */
async function inspectingCompany(
  ctx: UseCaseContext,
  tx: Tx,
  contract: { parentContractId: string | null; contractorOrgId: string },
): Promise<string | null> {
  if (ctx.actor.organisationKind !== 'company') return null;
  const parent = contract.parentContractId ? await findContract(tx, contract.parentContractId) : undefined;
  if (
    parent?.contractorOrgId === ctx.actor.organisationId &&
    contract.contractorOrgId !== parent.contractorOrgId
  )
    return ctx.actor.organisationId;
  // it reads this contract (or it would be a 404 already) but is not the contractor above it
  throw new ForbiddenError({
    en: 'A company inspects only the sub-contractor of a contract it holds',
    ja: '自社が受託した契約の再委託先のみ立入検査できます',
  });
}

/**
 * The staff an inspector may choose as assistants (補助者) of an inspection of their own ward: the
 * same rule checkAssistants applies, as a list, in SQL; only for those who may plan inspections.
 */
export async function listAssistantCandidates(
  ctx: UseCaseContext,
  inspection: { wardId: string; inspectorId: string; inspectingOrgId: string | null },
): Promise<Array<{ id: string; name: string }>> {
  if (inspection.inspectingOrgId) return [];
  authorize(ctx.ability, 'update', 'Inspection', { ...inspection }, 'lifecycle');
  return ctx.db
    .selectFrom('users')
    .select(['id', 'display_name as name'])
    .where('organisation_id', '=', inspection.wardId)
    .where('disabled_at', 'is', null)
    .where('id', '!=', inspection.inspectorId)
    .where(sql<boolean>`roles && ${sql.val(ASSISTANT_ROLES)}::text[]`)
    .orderBy('display_name')
    .limit(200)
    .execute();
}

/** The names of an inspection's assistants, in their order, for one who has read the inspection. */
export async function assistantNamesOf(
  ctx: UseCaseContext,
  inspection: { wardId: string; assistantIds: string[] },
): Promise<string[]> {
  if (!inspection.assistantIds.length) return [];
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('organisation_id', '=', inspection.wardId)
    .where('id', 'in', inspection.assistantIds)
    .execute();
  return inspection.assistantIds.map((id) => rows.find((r) => r.id === id)?.display_name ?? '—');
}
