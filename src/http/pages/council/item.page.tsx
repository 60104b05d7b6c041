import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import { assignToMeeting, getReportItem, listMeetings } from '../../../domain/council/council-items.js';
import { readCouncilReport } from '../../../domain/council/read-council-report.js';
import { recordReportCover } from '../../../domain/council/record-report-cover.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { councilReportPdf } from '../../pdf-documents.js';
import {
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  SelectField,
} from '../components/form.js';
import { readForm, refusal, versionOf } from '../components/form-body.js';
import { Layout } from '../layout.js';
import { pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { CoverForm, CoverView, coverField, coverFromForm, coverValues } from './cover-section.js';
import { CouncilItemView } from './item-view.js';
import { NoReportBodyNotice } from './report-body-notice.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

/** 報告事項: the item as the council reads it, its PDF, and (for the privacy officer) its meeting. */
export async function councilItemPage(
  c: Context<AppEnv>,
  problem?: FormError[],
  cover?: { values: FormValues; errors: FormError[]; status: 409 | 422 },
) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const item = await getReportItem(ctx, c.req.param('id')!);
  const report = await readCouncilReport(ctx, item.id);
  const mayAssign = viewer.ability.can('update', asSubject('CouncilReportItem', item));
  const meetings = mayAssign ? await listMeetings(ctx) : [];
  const t = p.t.council;
  const f = fields({ meetingId: item.meetingId ?? '' }, problem ?? []);
  const coverFields = fields(cover?.values ?? coverValues(item.cover, item.version), cover?.errors ?? []);
  const wardArticle = item.cover.ordinanceArticle ? null : report.ordinance.article;
  return sendPage(
    c,
    <Layout p={p} title={item.title}>
      <NoReportBodyNotice p={p} />
      <p class="actions">
        <a class="button" href={`/council/items/${item.id}/pdf`}>
          {t.pdf}
        </a>
        <a href="/council">{t.title}</a>
      </p>
      {mayAssign && (
        <form method="post" action={`/council/items/${item.id}/meeting`} class="filters">
          <ErrorSummary p={p} f={f} />
          <Csrf p={p} />
          <input type="hidden" name="version" value={String(item.version)} />
          <SelectField
            p={p}
            f={f}
            name="meetingId"
            label={t.assign}
            blank={t.assignNone}
            options={meetings.map((m) => ({ value: m.id, label: `${m.title}（${m.heldOn}）` }))}
            short
          />
          <div class="field">
            <button type="submit">{t.assignSubmit}</button>
          </div>
        </form>
      )}
      <section aria-labelledby="cover-heading">
        <h2 id="cover-heading">{t.cover.heading}</h2>
        <CoverView p={p} cover={item.cover} wardArticle={wardArticle} ordinanceName={report.ordinance.name} />
        {mayAssign && (
          <details open={cover ? true : undefined}>
            <summary>{t.cover.edit}</summary>
            <p class="lead">{t.cover.lead}</p>
            <CoverForm p={p} f={coverFields} item={item} />
          </details>
        )}
      </section>
      <h2>{t.items}</h2>
      <CouncilItemView
        p={p}
        content={item.content}
        pendingSelection={item.cover.contractorSelection?.method ?? null}
      />
    </Layout>,
    cover?.status ?? (problem ? 409 : 200),
  );
}

export async function assignItemAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const values = await readForm(c);
  const meetingId = str(values.meetingId);
  try {
    await assignToMeeting(
      useCaseContext(c),
      c.req.param('id')!,
      UUID.test(meetingId) ? meetingId : null,
      versionOf(values) ?? 0,
    );
  } catch (error) {
    return councilItemPage(c, refusal(p, error).errors);
  }
  return redirectWithNotice(c, `/council/items/${c.req.param('id')}`, 'assigned');
}

/** 表紙・事業の概要・一括契約の内訳: records what the officer typed, or shows the form again with the refusals. */
export async function recordCoverAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const values = await readForm(c);
  const { cover, rowOf } = coverFromForm(values);
  try {
    await recordReportCover(useCaseContext(c), c.req.param('id')!, cover, versionOf(values) ?? 0);
  } catch (error) {
    const refused = refusal(p, error, coverField(rowOf));
    return councilItemPage(c, undefined, { values, errors: refused.errors, status: refused.status });
  }
  return redirectWithNotice(c, `/council/items/${c.req.param('id')}`, 'saved');
}

/** The item as a Japanese PDF, drawn by the same code as the API's. */
export function councilItemPdf(c: Context<AppEnv>) {
  return councilReportPdf(c, c.req.param('id')!);
}
