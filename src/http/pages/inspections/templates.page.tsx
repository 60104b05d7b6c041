import type { Context } from 'hono';
import type { ChecklistTemplate } from '../../../../forms/checklist/checklist.js';
import { getTemplate, listTemplates } from '../../../domain/inspections/checklist-templates.js';
import { notFound } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Details, TableWrap } from '../components/common.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';
import { mayCreateVersion } from './template-version.page.js';

// チェックリスト様式とその版: the templates the ward inspects with and their versions
// (GET /api/v1/inspections/templates), and one version's items (…/{key}?version=n), so that an
// older version can be read and an inspection planned with it. The use cases refuse companies and
// council reviewers (403); a version the ward does not have is 404.

const VERSION = /^[1-9]\d{0,3}$/;

/** GET /inspections/templates: each template with its versions, newest marked as the default. */
export async function templatesPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const t = p.t.inspections.templates;
  const templates = await listTemplates(useCaseContext(c));
  const mayPlan = viewerOf(p).ability.can('create', 'Inspection');
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <p>{t.intro}</p>
      <TableWrap p={p} label={t.title}>
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">{p.t.inspections.template}</th>
              <th scope="col">{t.source}</th>
              <th scope="col">{t.versions}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((tpl) => (
              <tr id={`template-${tpl.key}`}>
                <td data-label={p.t.inspections.template}>{p.lang === 'ja' ? tpl.title : tpl.titleEn}</td>
                <td data-label={t.source}>{tpl.source}</td>
                <td data-label={t.versions}>
                  <ul class="plain">
                    {tpl.versions.map((n, i) => (
                      <li>
                        <a href={`/inspections/templates/${tpl.key}?version=${n}`}>{t.version(n)}</a>（
                        {n === 1 ? t.standard : t.own}
                        {i === tpl.versions.length - 1 && t.newest}）
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {mayPlan && (
        <p>
          <a class="button" href="/inspections/new">
            {p.t.inspections.planNew}
          </a>
        </p>
      )}
    </Layout>,
  );
}

function Items({ p, template }: { p: PageCtx; template: ChecklistTemplate }) {
  const t = p.t.inspections.templates;
  const ja = p.lang === 'ja';
  return (
    <>
      {template.sections.map((section) => {
        const when = section.appliesWhen;
        const condition = when?.mode ?? (when?.subcontracting ? 'subcontracting' : undefined);
        return (
          <section aria-labelledby={`section-${section.key}`}>
            <h3 id={`section-${section.key}`}>{ja ? section.heading : section.headingEn}</h3>
            {condition && (
              <p class="hint">
                {t.appliesWhen}: {t.modes[condition]}
              </p>
            )}
            {section.groups.map((group) => (
              <>
                {group.heading && <h4>{ja ? group.heading : (group.headingEn ?? group.heading)}</h4>}
                <ol class="plain checklist">
                  {group.items.map((item) => (
                    <li id={`item-${item.key}`}>
                      <strong>{item.label}</strong> {ja ? item.text : item.textEn || item.text}
                      {item.key.startsWith('x-') && <span class="badge info"> {t.added}</span>}
                      {(ja ? item.note : (item.noteEn ?? item.note)) && (
                        <p class="hint">{ja ? item.note : (item.noteEn ?? item.note)}</p>
                      )}
                    </li>
                  ))}
                </ol>
              </>
            ))}
          </section>
        );
      })}
    </>
  );
}

/** GET /inspections/templates/:key?version=n: one version's sections and items (the newest without `version`). */
export async function templatePage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const t = p.t.inspections.templates;
  const ctx = useCaseContext(c);
  const raw = c.req.query('version');
  if (raw !== undefined && !VERSION.test(raw)) throw notFound('Checklist template', 'チェックリスト様式');
  const key = c.req.param('key')!;
  const summaries = await listTemplates(ctx);
  const summary = summaries.find((s) => s.key === key);
  if (!summary) throw notFound('Checklist template', 'チェックリスト様式');
  const template = await getTemplate(ctx, key, raw === undefined ? undefined : Number(raw));
  const count = template.sections.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.items.length, 0), 0);
  const title = `${p.lang === 'ja' ? template.title : template.titleEn} ${t.version(template.version)}`;
  const mayPlan = viewerOf(p).ability.can('create', 'Inspection');
  const others = summary.versions.filter((n) => n !== template.version);
  return sendPage(
    c,
    <Layout p={p} title={title}>
      <Details
        rows={[
          [t.source, template.source],
          [t.versions, `${t.version(template.version)}（${template.version === 1 ? t.standard : t.own}）`],
          [t.items, t.itemCount(count)],
        ]}
      />
      <p class="actions">
        {mayPlan && (
          <a
            class="button"
            href={`/inspections/new?templateKey=${key}&templateVersion=${key}%40${template.version}`}
          >
            {t.planWith(template.version)}
          </a>
        )}
        {mayCreateVersion(c) && template.version === summary.versions.at(-1) && (
          <a class="button secondary" href={`/inspections/templates/${key}/versions/new`}>
            {t.newVersion(template.version + 1)}
          </a>
        )}
        <a href="/inspections/templates">{t.title}</a>
      </p>
      {others.length > 0 && (
        <nav aria-label={t.otherVersions}>
          <p>
            {t.otherVersions}:{' '}
            {others.map((n) => (
              <>
                <a href={`/inspections/templates/${key}?version=${n}`}>{t.version(n)}</a>{' '}
              </>
            ))}
          </p>
        </nav>
      )}
      <section aria-labelledby="template-items">
        <h2 id="template-items">{t.items}</h2>
        <Items p={p} template={template} />
      </section>
    </Layout>,
  );
}
