import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import type { Handler } from '../../../domain/handlers/handler.repository.js';
import {
  createHandler,
  HANDLER_SORT_KEYS,
  type HandlerSortKey,
  listHandlers,
} from '../../../domain/handlers/manage-handlers.js';
import { csvDate } from '../../../domain/shared/csv-values.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { NewHandler } from '../../schemas/handlers.js';
import { DateText, Pager } from '../components/common.js';
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

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

/** The list's words and order, as the page and its CSV read them. */
function listQuery(url: URL) {
  return { q: wordsQuery(url), sort: sortFromQuery(url, HANDLER_SORT_KEYS) };
}

/** A handler's columns, on the page and in the CSV (the latest pledge's day). */
function handlerColumns(p: PageCtx): ListColumn<Handler, HandlerSortKey>[] {
  const t = p.t.handlers;
  const latest = (h: Handler) => h.pledges.at(-1)?.signedOn;
  return [
    {
      label: t.fullName,
      sort: 'fullName',
      cell: (h) => <a href={`/handlers/${h.id}`}>{h.fullName}</a>,
      csv: (h) => h.fullName,
    },
    {
      label: t.fullNameKana,
      sort: 'fullNameKana',
      cell: (h) => h.fullNameKana ?? '—',
      csv: (h) => h.fullNameKana ?? '',
    },
    { label: t.jobTitle, sort: 'jobTitle', cell: (h) => h.jobTitle ?? '—', csv: (h) => h.jobTitle ?? '' },
    {
      label: t.latestPledge,
      cell: (h) => (latest(h) ? <DateText p={p} date={latest(h)} /> : p.t.handlerLists.noPledge),
      csv: (h) => (latest(h) ? csvDate(latest(h)) : p.t.handlerLists.noPledge),
    },
  ];
}

/** 取扱者: the people of the viewer's company, with their latest pledge, and the form to add one. */
async function showList(c: Context<AppEnv>, values: FormValues, errors: FormError[], status = 200) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const query = listQuery(p.url);
  const page = await listHandlers(ctx, { ...query, cursor: c.req.query('cursor') || undefined, limit: 50 });
  const mayAdd = viewer.ability.can(
    'create',
    asSubject('Handler', { organisationId: viewer.actor.organisationId }),
  );
  const f = fields(values, errors);
  const t = p.t.handlers;
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <ListFilters
        p={p}
        action="/handlers"
        sort={query.sort}
        q={query.q}
        qLabel={t.filterQ}
        csv="/handlers/export.csv"
      />
      <ListTable
        p={p}
        label={t.list}
        items={page.items}
        columns={handlerColumns(p)}
        sort={{ current: query.sort }}
      />
      <Pager p={p} nextCursor={page.nextCursor} />
      {mayAdd && (
        <section aria-labelledby="add-handler">
          <h2 id="add-handler">{t.add}</h2>
          <ErrorSummary p={p} f={f} />
          <form method="post" action="/handlers" novalidate>
            <Csrf p={p} />
            <TextField p={p} f={f} name="fullName" label={t.fullName} required autocomplete="off" />
            <TextField p={p} f={f} name="fullNameKana" label={t.fullNameKana} autocomplete="off" />
            <TextField p={p} f={f} name="jobTitle" label={t.jobTitle} autocomplete="off" />
            <button type="submit">{t.add}</button>
          </form>
        </section>
      )}
    </Layout>,
    status,
  );
}

export const handlerListPage = (c: Context<AppEnv>) => showList(c, {}, []);

/** The handlers the viewer may read, with the list's words and order, as CSV for Excel. */
export async function handlerListCsv(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const query = listQuery(p.url);
  const { rows, capped } = await allRows((cursor) => listHandlers(ctx, { ...query, cursor, limit: 200 }));
  return csvResponse(c, p, csvLines(handlerColumns(p), rows), capped, {
    ascii: 'handlers.csv',
    ja: '取扱者一覧.csv',
  });
}

export async function createHandlerAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const values = await readForm(c);
  const parsed = NewHandler.safeParse({
    fullName: str(values.fullName),
    fullNameKana: str(values.fullNameKana) || null,
    jobTitle: str(values.jobTitle) || null,
  });
  if (!parsed.success) {
    const errors = formErrors(p, zodErrors(parsed.error)).map((e) =>
      e.field && !str(values[e.field]) ? { ...e, text: p.t.contracts.blank } : e,
    );
    return showList(c, values, errors, 422);
  }
  try {
    const handler = await createHandler(useCaseContext(c), parsed.data);
    return redirectWithNotice(c, `/handlers/${handler.id}`, 'created');
  } catch (error) {
    const refused = refusal(p, error);
    return showList(c, values, refused.errors, refused.status);
  }
}
