import { extendTemplate, type TemplateExtension } from '../../../forms/checklist/extend-template.js';
import { standardTemplate } from '../../../forms/checklist/standard-templates.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound, ValidationError } from '../shared/errors.js';
import { actorWard } from './inspection-access.js';

/**
 * A ward's new version of a checklist (項目の追加): the whole template as the ward wants it. Every
 * standard item must come back unchanged, in place; otherwise 422 naming each removed or altered
 * item. `basedOnVersion` must be the ward's newest version, so two people adding items at once
 * cannot silently drop each other's additions (409).
 */
export async function createTemplateVersion(
  ctx: UseCaseContext,
  key: string,
  input: TemplateExtension & { basedOnVersion: number; note?: string | null },
) {
  const wardId = actorWard(ctx.actor);
  const standard = standardTemplate(key);
  if (!standard) throw notFound('Checklist template', 'チェックリスト様式');
  authorize(ctx.ability, 'create', 'ChecklistTemplate', { wardId });
  return inTransaction(ctx, async ({ tx, audit }) => {
    // Serialise version numbers per ward and template: lock the ward's row.
    await tx.selectFrom('organisations').select('id').where('id', '=', wardId).forUpdate().execute();
    const newest = await tx
      .selectFrom('checklist_templates')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('ward_id', '=', wardId)
      .where('key', '=', key)
      .executeTakeFirst();
    const current = Number(newest?.v ?? 1);
    if (input.basedOnVersion !== current) {
      throw new ConflictError(
        {
          en: `The template is now at version ${current}; you based your change on ${input.basedOnVersion}`,
          ja: `様式は版${current}に更新されています（送信された版 ${input.basedOnVersion}）。再読み込みしてやり直してください`,
        },
        { currentVersion: current },
      );
    }
    const result = extendTemplate(standard, { sections: input.sections }, current + 1);
    if (!result.ok) {
      throw new ValidationError(
        { en: 'Standard items cannot be removed or altered', ja: '既存の確認項目は削除又は改変できません' },
        result.errors,
      );
    }
    await tx
      .insertInto('checklist_templates')
      .values({
        ward_id: wardId,
        key,
        version: current + 1,
        definition: JSON.stringify(result.template),
        note: input.note ?? null,
        created_by: ctx.actor.userId,
        created_at: ctx.now(),
      })
      .execute();
    const addedKeys = result.template.sections
      .flatMap((s) => s.groups.flatMap((g) => g.items.map((i) => i.key)))
      .filter((k) => k.startsWith('x-'));
    await audit({
      wardId,
      action: 'checklist_template.version',
      subjectType: 'ChecklistTemplate',
      subjectId: `${key}@${current + 1}`,
      before: { version: current },
      after: { version: current + 1, addedItems: addedKeys, note: input.note ?? null },
    });
    return result.template;
  });
}
