import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import {
  createMeeting,
  listMeetings,
  listReportItems,
  REPORT_ITEM_SORT_KEYS,
  type ReportItemSortKey,
} from '../../../domain/council/council-items.js';
import { authorizeType } from '../../../domain/shared/authorize.js';
import { csvInstant } from '../../../domain/shared/csv-values.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { requiredText } from '../../schemas/common.js';
import { DateText as DateSchema } from '../../schemas/contracts.js';
import { DateText, Pager, TimeText } from '../components/common.js';
import { allRows, csvResponse } from '../components/csv-export.js';
import {
  Csrf,
  ErrorSummary,
  type FormError,
  type FormValues,
  fields,
  formErrors,
  TextField,
} from '../components/form.js';
import { readForm, refusal } from '../components/form-body.js';
import { ListFilters, wordsQuery } from '../components/list-filters.js';
import { csvLines, type ListColumn, ListTable } from '../components/list-table.js';
import { sortFromQuery } from '../components/sortable.js';
import { zodErrors } from '../contracts/contract-form.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';
import { NoReportBodyNotice } from './report-body-notice.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MeetingInput = z.object({ title: requiredText(200), heldOn: DateSchema });
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

type Item = Awaited<ReturnType<typeof listReportItems>>['items'][number];

/** A report item's columns, on the page and in the CSV (the PDF link on the page only). */
function itemColumns(p: PageCtx): ListColumn<Item, ReportItemSortKey>[] {
  const t = p.t.council;
  return [
    {
      label: t.content.subject,
      sort: 'title',
      cell: (i) => <a href={`/council/items/${i.id}`}>{i.title}</a>,
      csv: (i) => i.title,
    },
    { label: p.t.approvals.kind, sort: 'kind', cell: (i) => t.kind[i.kind], csv: (i) => t.kind[i.kind] },
    {
      label: p.t.approvals.created,
      sort: 'createdAt',
      nowrap: true,
      cell: (i) => <TimeText at={i.createdAt} />,
      csv: (i) => csvInstant(i.createdAt),
    },
    {
      label: 'PDF',
      cell: (i) => (
        <a href={`/council/items/${i.id}/pdf`} aria-label={t.pdfLabel(i.title)}>
          {t.pdf}
        </a>
      ),
    },
  ];
}

/** The meeting whose items are listed (none: the items on no agenda yet), the words and the order. */
async function itemQuery(c: Context<AppEnv>) {
  const url = new URL(c.req.url);
  const meetings = await listMeetings(useCaseContext(c));
  const asked = url.searchParams.get('meeting');
  const meeting = meetings.find((m) => m.id === asked && UUID.test(asked));
  return {
    meetings,
    meeting,
    query: {
      meetingId: meeting?.id,
      unassigned: !meeting,
      q: wordsQuery(url),
      sort: sortFromQuery(url, REPORT_ITEM_SORT_KEYS),
    },
  };
}

/** 審議会: the meetings, the report items of one meeting (or those not yet on an agenda), by page. */
async function showCouncil(c: Context<AppEnv>, values: FormValues, errors: FormError[], status = 200) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  authorizeType(viewer.ability, 'read', 'CouncilReportItem');
  const { meetings, meeting, query } = await itemQuery(c);
  const page = await listReportItems(ctx, {
    ...query,
    cursor: c.req.query('cursor') || undefined,
    limit: 20,
  });
  const mayCreate = viewer.ability.can(
    'create',
    asSubject('CouncilMeeting', { wardId: viewer.actor.wardId }),
  );
  const t = p.t.council;
  const f = fields(values, errors);
  const heading = meeting ? t.itemsOf(meeting.title) : t.unassigned;
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <NoReportBodyNotice p={p} />
      {!mayCreate && <p class="lead">{t.readOnly}</p>}
      <h2>{t.meetings}</h2>
      {meetings.length === 0 ? (
        <p>{t.noMeetings}</p>
      ) : (
        <ul>
          {meetings.map((m) => (
            <li>
              <a href={`/council?meeting=${m.id}`} aria-current={m.id === meeting?.id ? 'page' : undefined}>
                {m.title}
              </a>{' '}
              (<DateText p={p} date={m.heldOn} />)
            </li>
          ))}
          <li>
            <a href="/council" aria-current={meeting ? undefined : 'page'}>
              {t.unassigned}
            </a>
          </li>
        </ul>
      )}
      <h2>{heading}</h2>
      <ListFilters
        p={p}
        action="/council"
        keep={meeting ? { meeting: meeting.id } : {}}
        sort={query.sort}
        q={query.q}
        qLabel={t.content.subject}
        csv="/council/export.csv"
      />
      <ListTable
        p={p}
        label={heading}
        items={page.items}
        columns={itemColumns(p)}
        sort={{ current: query.sort }}
      />
      <Pager p={p} nextCursor={page.nextCursor} />
      {mayCreate && (
        <section aria-labelledby="new-meeting">
          <h2 id="new-meeting">{t.newMeeting}</h2>
          <ErrorSummary p={p} f={f} />
          <form method="post" action="/council/meetings" novalidate>
            <Csrf p={p} />
            <TextField p={p} f={f} name="title" label={t.meetingTitle} hint={t.meetingTitleHint} required />
            <TextField p={p} f={f} name="heldOn" label={t.heldOn} type="date" required short />
            <button type="submit">{t.newMeeting}</button>
          </form>
        </section>
      )}
    </Layout>,
    status,
  );
}

export const councilPage = (c: Context<AppEnv>) => showCouncil(c, {}, []);

/** The listed items (one meeting's, or those on no agenda), with the words and order, as CSV. */
export async function councilItemsCsv(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  authorizeType(viewerOf(p).ability, 'read', 'CouncilReportItem');
  const { query } = await itemQuery(c);
  const { rows, capped } = await allRows((cursor) => listReportItems(ctx, { ...query, cursor, limit: 200 }));
  return csvResponse(c, p, csvLines(itemColumns(p), rows), capped, {
    ascii: 'council-report-items.csv',
    ja: '報告事項一覧.csv',
  });
}

export async function createMeetingAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const values = await readForm(c);
  const parsed = MeetingInput.safeParse({ title: str(values.title), heldOn: str(values.heldOn) });
  if (!parsed.success) return showCouncil(c, values, formErrors(p, zodErrors(parsed.error)), 422);
  try {
    const meeting = await createMeeting(useCaseContext(c), parsed.data);
    return redirectWithNotice(c, `/council?meeting=${meeting.id}`, 'created');
  } catch (error) {
    const refused = refusal(p, error);
    return showCouncil(c, values, refused.errors, refused.status);
  }
}
