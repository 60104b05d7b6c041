import type { Kysely } from 'kysely';
import type { ChecklistTemplate } from '../../../forms/checklist/checklist.js';
import { STANDARD_TEMPLATES, standardTemplate } from '../../../forms/checklist/standard-templates.js';
import { asSubject } from '../../../policies/app-ability.js';
import { accessibleBy, type FieldMap } from '../../../policies/rules-to-sql.js';
import type { Database } from '../../db/database.js';
import type { UseCaseContext } from '../shared/context.js';
import { ForbiddenError, notFound } from '../shared/errors.js';

// Checklist templates as a ward sees them: the standard (version 1, from forms/) and the ward's
// own later versions (kept in checklist_templates), the newest being the one used by default.

const templateFields: FieldMap = { wardId: 'checklist_templates.ward_id' };

export interface TemplateSummary {
  key: string;
  title: string;
  titleEn: string;
  purpose: ChecklistTemplate['purpose'];
  source: string;
  /** Every version the ward may use, oldest first; the last is the default. */
  versions: number[];
}

/** The ward whose templates the actor reads (null: a system administrator, who sees the standard).
 * Templates are ward working material: companies and council reviewers do not read them. */
function readerWard(ctx: UseCaseContext): string | null {
  const wardId = ctx.actor.wardId;
  const allowed = wardId
    ? ctx.ability.can('read', asSubject('ChecklistTemplate', { wardId }))
    : ctx.actor.roles.includes('system_admin');
  if (!allowed)
    throw new ForbiddenError({
      en: "Checklist templates are read by the {self}'s staff",
      ja: 'チェックリスト様式は{self}の職員のみ参照できます',
    });
  return wardId;
}

/** A template of the ward: the given version, or its newest; undefined when there is none. */
export async function resolveTemplate(
  db: Kysely<Database>,
  wardId: string,
  key: string,
  version?: number,
): Promise<ChecklistTemplate | undefined> {
  const standard = standardTemplate(key);
  if (!standard) return undefined;
  if (version === 1) return standard;
  let q = db
    .selectFrom('checklist_templates')
    .select('definition')
    .where('ward_id', '=', wardId)
    .where('key', '=', key);
  q = version === undefined ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
  const row = await q.executeTakeFirst();
  if (row) return row.definition as ChecklistTemplate;
  return version === undefined ? standard : undefined;
}

/** The templates the actor's ward may use, with their versions (the ward's rows through its rules). */
export async function listTemplates(ctx: UseCaseContext): Promise<TemplateSummary[]> {
  const wardId = readerWard(ctx);
  const rows = wardId
    ? await ctx.db
        .selectFrom('checklist_templates')
        .select(['key', 'version'])
        .where('ward_id', '=', wardId)
        .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'ChecklistTemplate', templateFields))
        .orderBy('version')
        .execute()
    : [];
  return STANDARD_TEMPLATES.map((t) => ({
    key: t.key,
    title: t.title,
    titleEn: t.titleEn,
    purpose: t.purpose,
    source: t.source,
    versions: [1, ...rows.filter((r) => r.key === t.key).map((r) => r.version)],
  }));
}

/** One template of the actor's ward, whole (every section, whatever applies to a contract). */
export async function getTemplate(
  ctx: UseCaseContext,
  key: string,
  version?: number,
): Promise<ChecklistTemplate> {
  const wardId = readerWard(ctx);
  const template = wardId
    ? await resolveTemplate(ctx.db, wardId, key, version)
    : version === 1 || version === undefined
      ? standardTemplate(key)
      : undefined;
  if (!template) throw notFound('Checklist template', 'チェックリスト様式');
  return template;
}
