import type { Context } from 'hono';
import type { ChecklistTemplate } from '../../../../forms/checklist/checklist.js';
import { getTemplate } from '../../../domain/inspections/checklist-templates.js';
import { createTemplateVersion } from '../../../domain/inspections/create-template-version.js';
import { actorWard } from '../../../domain/inspections/inspection-access.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import {
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  SelectField,
  TextArea,
  TextField,
} from '../components/form.js';
import { firstValue, readForm, refusal } from '../components/form-body.js';
import { can, mayDo } from '../guard.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { isWardItem, NEW_ROWS, placeOf, proposalFrom, valuesOf } from './template-version-form.js';

// 新しい版を作る: the ward's own version of a checklist template, from the newest version's items.
// Standard items are shown as they are; the ward's own items may be reworded or removed; new items
// go at the end of the group chosen. Offered to whom the policies let create a version (監督員 and
// 担当者); the use case decides again (403, 409 on a version made meanwhile, 422 naming each item).

/** Whether the viewer may make a new version of the ward's templates (to show the link). */
export function mayCreateVersion(c: Context<AppEnv>): boolean {
  const wardId = c.get('auth').actor.wardId;
  return wardId !== null && can(c, 'create', 'ChecklistTemplate', { wardId });
}

function EditForm({
  p,
  template,
  values,
  errors,
}: {
  p: PageCtx;
  template: ChecklistTemplate;
  values: FormValues;
  errors: FormError[];
}) {
  const t = p.t.inspections.templates;
  const f = fields(values, errors);
  const ja = p.lang === 'ja';
  const places = template.sections.flatMap((s) =>
    s.groups.map((g) => ({
      value: placeOf(s.key, g.key),
      label: [ja ? s.heading : s.headingEn, g.heading && (ja ? g.heading : (g.headingEn ?? g.heading))]
        .filter(Boolean)
        .join(' › '),
    })),
  );
  return (
    <form method="post" action={`/inspections/templates/${template.key}/versions`} novalidate>
      <ErrorSummary p={p} f={f} />
      <Csrf p={p} />
      <input type="hidden" name="basedOnVersion" value={String(template.version)} />
      {template.sections.map((section) => (
        <section aria-labelledby={`edit-${section.key}`}>
          <h2 id={`edit-${section.key}`}>{ja ? section.heading : section.headingEn}</h2>
          {section.groups.map((group) => (
            <>
              {group.heading && <h3>{ja ? group.heading : (group.headingEn ?? group.heading)}</h3>}
              <ol class="plain checklist">
                {group.items.map((item) =>
                  isWardItem(item.key) ? (
                    <li id={`item-${item.key}`}>
                      <fieldset>
                        <legend>
                          {t.ownItem} {f.value(`own.${item.key}.label`) || item.label}
                        </legend>
                        <TextField p={p} f={f} name={`own.${item.key}.label`} label={t.itemLabel} short />
                        <TextArea
                          p={p}
                          f={f}
                          name={`own.${item.key}.text`}
                          label={t.itemText}
                          rows={2}
                          required
                        />
                        <div class="checks">
                          <label>
                            <input
                              type="checkbox"
                              name={`own.${item.key}.remove`}
                              value="on"
                              checked={f.checked(`own.${item.key}.remove`)}
                            />
                            {t.removeItem}
                          </label>
                        </div>
                      </fieldset>
                    </li>
                  ) : (
                    <li id={`item-${item.key}`}>
                      <strong>{item.label}</strong> {ja ? item.text : item.textEn || item.text}
                    </li>
                  ),
                )}
              </ol>
            </>
          ))}
        </section>
      ))}
      <section aria-labelledby="add-items">
        <h2 id="add-items">{t.addItems}</h2>
        <p class="hint">{t.addHint}</p>
        {Array.from({ length: NEW_ROWS }, (_, n) => (
          <fieldset>
            <legend>{t.newItem(n + 1)}</legend>
            <SelectField
              p={p}
              f={f}
              name={`add.${n}.where`}
              label={t.addWhere}
              options={places}
              blank={t.chooseWhere}
            />
            <TextField p={p} f={f} name={`add.${n}.label`} label={t.itemLabel} short />
            <TextArea p={p} f={f} name={`add.${n}.text`} label={t.itemText} rows={2} />
          </fieldset>
        ))}
      </section>
      <TextArea p={p} f={f} name="note" label={t.versionNote} rows={2} />
      <div class="actions">
        <button type="submit">{t.saveVersion(template.version + 1)}</button>
      </div>
    </form>
  );
}

async function showEditor(c: Context<AppEnv>, values?: FormValues, errors: FormError[] = [], status = 200) {
  const p = pageCtx(c);
  const t = p.t.inspections.templates;
  const ctx = useCaseContext(c);
  mayDo(c, 'create', 'ChecklistTemplate', { wardId: actorWard(ctx.actor) });
  const template = await getTemplate(ctx, c.req.param('key')!);
  const title = t.editTitle(p.lang === 'ja' ? template.title : template.titleEn, template.version + 1);
  return sendPage(
    c,
    <Layout p={p} title={title}>
      <p>{t.editIntro(template.version)}</p>
      <p>
        <a href={`/inspections/templates/${template.key}`}>{t.backToTemplate}</a>
      </p>
      <EditForm p={p} template={template} values={values ?? valuesOf(template)} errors={errors} />
    </Layout>,
    status,
  );
}

/** GET /inspections/templates/:key/versions/new */
export const newTemplateVersionPage = (c: Context<AppEnv>) => showEditor(c);

/** POST /inspections/templates/:key/versions: the newest version with the form's changes, as a new version. */
export async function createTemplateVersionAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const t = p.t.inspections.templates;
  const ctx = useCaseContext(c);
  const values = await readForm(c);
  const based = Number(firstValue(values.basedOnVersion));
  // the form is built on the version it was read from: a newer one is refused by the use case (409)
  const template = await getTemplate(ctx, c.req.param('key')!);
  const stale = based !== template.version;
  const { sections, fieldOf, errors } = proposalFrom(template, values, {
    textRequired: t.textRequired,
    whereRequired: t.whereRequired,
    tooLong: (max) => t.tooLong(max),
    noChange: t.noChange,
  });
  // a form read from an older version lacks the fields of the newer one's items: the use case
  // refuses it as stale (409) before anything the form says is checked
  if (errors.length && !stale) return showEditor(c, values, errors, 422);
  const note = firstValue(values.note).trim().slice(0, 1000) || null;
  try {
    await createTemplateVersion(ctx, template.key, {
      basedOnVersion: Number.isInteger(based) && based > 0 ? based : 0,
      note,
      sections: stale ? template.sections : sections,
    });
  } catch (error) {
    const refused = refusal(p, error, (path) => fieldOf.get(path));
    if (refused.status === 422) return showEditor(c, values, refused.errors, 422);
    // a version made meanwhile: the form again from it, keeping the new items and the note typed
    const newest = await getTemplate(ctx, template.key);
    const kept = Object.entries(values).filter(([k]) => k.startsWith('add.') || k === 'note');
    return showEditor(c, { ...valuesOf(newest), ...Object.fromEntries(kept) }, refused.errors, 409);
  }
  return redirectWithNotice(c, `/inspections/templates/${template.key}`, 'saved');
}
