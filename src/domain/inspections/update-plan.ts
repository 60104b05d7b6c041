import { applicableTemplate, itemsOf } from '../../../forms/checklist/checklist.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type Tx, type UseCaseContext } from '../shared/context.js';
import { notFound, ValidationError } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';
import { fiscalYearOf } from '../shared/wareki.js';
import { resolveTemplate } from './checklist-templates.js';
import { resolveInspectedParty } from './inspected-party.js';
import { findInspection, type Inspection } from './inspection.repository.js';
import { checkInspectionAllows } from './inspection.workflow.js';
import { checkAssistants } from './plan-inspection.js';

export interface PlanChanges {
  plannedOn?: string;
  place?: string | null;
  assistantIds?: string[];
  /** Another checklist template (the ward's newest version unless given), while still planned. */
  templateKey?: string;
  templateVersion?: number;
}

const NOT_A_TEMPLATE = () =>
  new ValidationError({ en: 'Unknown checklist template', ja: 'チェックリスト様式が見つかりません' }, [
    {
      path: 'templateKey',
      message: 'no such template or version',
      message_ja: '該当する様式又は版がありません',
    },
  ]);

/**
 * Puts another template on a planned inspection: cut down to the sections that apply, as when it
 * was planned, and its empty item rows made again (nothing is recorded before the inspection starts).
 */
async function changeTemplate(
  ctx: UseCaseContext,
  tx: Tx,
  before: Inspection,
  key: string,
  version?: number,
) {
  const { facts } = await resolveInspectedParty(ctx, tx, before.contractId, before.organisationId);
  const template = await resolveTemplate(tx, before.wardId, key, version);
  if (!template) throw NOT_A_TEMPLATE();
  const applied = applicableTemplate(template, facts);
  await tx
    .deleteFrom('inspection_items')
    .where('ward_id', '=', before.wardId)
    .where('inspection_id', '=', before.id)
    .execute();
  await tx
    .insertInto('inspection_items')
    .values(
      itemsOf(applied).map(({ item }, position) => ({
        ward_id: before.wardId,
        inspection_id: before.id,
        item_key: item.key,
        position,
      })),
    )
    .execute();
  return {
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
  };
}

/** Changes the plan: the date and the template while still planned (the date decides the fiscal
 * year the inspection counts for), the place and the assistants until the record is submitted. A
 * company's inspection takes no assistants (its own users record it), as when it is planned. */
export async function updatePlan(
  ctx: UseCaseContext,
  id: string,
  changes: PlanChanges,
  expectedVersion: number,
): Promise<Inspection> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const before = await findInspection(tx, id, true);
    if (!before) throw notFound('Inspection', '実地検査');
    authorize(ctx.ability, 'update', 'Inspection', before, 'lifecycle');
    const templateChanges = changes.templateKey !== undefined || changes.templateVersion !== undefined;
    checkInspectionAllows(before, {
      type: 'EDIT_PLAN',
      // the date and the template are planned things: once started, the record depends on them
      changesDate: changes.plannedOn !== undefined || templateChanges,
    });
    checkVersion('実地検査 / Inspection', expectedVersion, before.version);
    if (changes.assistantIds?.length && before.inspectingOrgId)
      throw new ValidationError({ en: 'The assistants are not valid', ja: '補助者の指定に誤りがあります' }, [
        {
          path: 'assistantIds',
          message: 'a company’s inspection takes no assistants: its own users record it',
          message_ja: '会社が行う立入検査には補助者を指定しません（自社の利用者が記録します）',
        },
      ]);
    if (changes.assistantIds)
      await checkAssistants(tx, before.wardId, before.inspectorId, changes.assistantIds);
    const template = templateChanges
      ? await changeTemplate(
          ctx,
          tx,
          before,
          changes.templateKey ?? before.templateKey,
          changes.templateVersion,
        )
      : {};
    await tx
      .updateTable('inspections')
      .set({
        ...(changes.plannedOn && {
          planned_on: changes.plannedOn,
          fiscal_year: fiscalYearOf(changes.plannedOn),
        }),
        ...(changes.place !== undefined && { place: changes.place }),
        ...(changes.assistantIds && { assistant_ids: changes.assistantIds }),
        ...template,
        updated_at: ctx.now(),
        version: before.version + 1,
      })
      .where('ward_id', '=', before.wardId)
      .where('id', '=', id)
      .execute();
    const after = (await findInspection(tx, id))!;
    await audit({
      wardId: before.wardId,
      action: 'inspection.update_plan',
      subjectType: 'Inspection',
      subjectId: id,
      before: {
        plannedOn: before.plannedOn,
        place: before.place,
        assistantIds: before.assistantIds,
        template: `${before.templateKey}@${before.templateVersion}`,
        version: before.version,
      },
      after: {
        plannedOn: after.plannedOn,
        place: after.place,
        assistantIds: after.assistantIds,
        template: `${after.templateKey}@${after.templateVersion}`,
        version: after.version,
      },
    });
    return after;
  });
}
