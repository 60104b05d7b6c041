import type { Context } from 'hono';
import { Hono } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import {
  addSuspension,
  inForce,
  liftSuspension,
  listSuspensions,
  SUSPENSION_SORT_KEYS,
  type Suspension,
  type SuspensionSortKey,
} from '../../../domain/approvals/suspensions.js';
import { listOrganisations } from '../../../domain/organisations/list-organisations.js';
import type { UseCaseContext } from '../../../domain/shared/context.js';
import { csvDate } from '../../../domain/shared/csv-values.js';
import { ForbiddenError } from '../../../domain/shared/errors.js';
import { toJapanDate } from '../../../domain/shared/japan-date.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { DateText } from '../components/common.js';
import { csvResponse } from '../components/csv-export.js';
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
import { firstValue, readForm, refusal, versionOf } from '../components/form-body.js';
import { ListFilters, wordsQuery } from '../components/list-filters.js';
import { csvLines, type ListColumn, ListTable } from '../components/list-table.js';
import { sortFromQuery } from '../components/sortable.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { redirectWithNotice, sendPage } from '../render.js';

// 指名停止: the ward's suspension list, registering a suspension (the company found by a search
// among those the officer may see) and lifting one early (解除) with its day and reason. The same
// use cases as /api/v1/suspensions; the rules run in their SQL and checks.

type Failed = { id: string; values: FormValues; errors: FormError[]; status: number };
type Added = { values: FormValues; errors: FormError[]; status: number };

const ADD_FIELDS = ['companyId', 'suspendedFrom', 'suspendedTo', 'reason'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 指名停止の登録: a GET search narrows the companies, the POST form registers the suspension. */
async function AddForm({ c, p, added }: { c: Context<AppEnv>; p: PageCtx; added?: Added }) {
  const t = p.t.suspensions.add;
  const ctx = useCaseContext(c);
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  // the companies the officer may see (the rules in SQL decide), by name or 法人番号
  const companies = (await listOrganisations(ctx, { kind: 'company', q: q || undefined, limit: 200 })).items;
  const f = fields(
    added?.values ?? {
      ...(q && companies.length === 1 && { companyId: companies[0]!.id }),
      suspendedFrom: toJapanDate(ctx.now()),
    },
    added?.errors ?? [],
  );
  const label = (o: { name: string; corporateNumber?: string | null }) =>
    o.corporateNumber ? `${o.name}（法人番号 ${o.corporateNumber}）` : o.name;
  return (
    <section aria-labelledby="suspension-add">
      <h2 id="suspension-add">{t.title}</h2>
      <p>{t.intro}</p>
      <form method="get" action="/suspensions#suspension-add" class="company-search">
        <div class="field">
          <label for="f-q">{t.searchLabel}</label>
          <span class="hint" id="f-q-hint">
            {t.searchHint}
          </span>
          <input id="f-q" name="q" type="search" value={q} aria-describedby="f-q-hint" maxlength={100} />
        </div>
        <div class="actions">
          <button type="submit" class="secondary">
            {t.searchButton}
          </button>
          {q && <a href="/suspensions#suspension-add">{t.clear}</a>}
        </div>
        {q && <p role="status">{companies.length ? t.found(companies.length, q) : t.none(q)}</p>}
      </form>
      <form method="post" action="/suspensions" novalidate>
        <Csrf p={p} />
        <SelectField
          p={p}
          f={f}
          name="companyId"
          label={t.company}
          hint={t.companyHint}
          options={companies.map((o) => ({ value: o.id, label: label(o) }))}
          blank={t.chooseCompany}
          required
        />
        <TextField p={p} f={f} name="suspendedFrom" label={t.from} type="date" short required />
        <TextField p={p} f={f} name="suspendedTo" label={t.to} hint={t.toHint} type="date" short />
        <TextArea p={p} f={f} name="reason" label={t.reason} rows={2} required />
        <div class="actions">
          <button type="submit">{t.submit}</button>
        </div>
      </form>
    </section>
  );
}

function stateOf(p: PageCtx, s: Suspension, today: string): string {
  const t = p.t.suspensions.states;
  if (s.liftedOn) return t.lifted(s.liftedOn);
  if (inForce(s, today)) return t.inForce;
  return s.suspendedFrom > today ? t.scheduled : t.ended;
}

function LiftForm({ p, s, failed }: { p: PageCtx; s: Suspension; failed?: Failed }) {
  const t = p.t.suspensions;
  const prefix = `s${s.id}`;
  const f = fields(failed?.id === s.id ? failed.values : {}, failed?.id === s.id ? failed.errors : []);
  return (
    <form method="post" action={`/suspensions/${s.id}/lift`} novalidate>
      <Csrf p={p} />
      <input type="hidden" name="version" value={String(s.version)} />
      <TextField
        p={p}
        f={f}
        name={`${prefix}.liftedOn`}
        label={t.liftedOn}
        hint={t.liftedOnHint}
        type="date"
        required
      />
      <TextArea p={p} f={f} name={`${prefix}.reason`} label={t.liftReason} rows={2} required />
      <div class="actions">
        <button type="submit" class="danger" data-confirm={t.confirmLift}>
          {t.liftButton}
        </button>
      </div>
    </form>
  );
}

function mayRead(c: Context<AppEnv>) {
  if (!useCaseContext(c).ability.can('read', 'Suspension')) {
    throw new ForbiddenError({
      en: 'You may not read the suspension list',
      ja: '指名停止の一覧を閲覧する権限がありません',
    });
  }
}

/**
 * The list's order and words (?find=: the page's ?q= searches the companies to suspend), as the
 * page and its CSV read them.
 */
function listQuery(url: URL) {
  return { sort: sortFromQuery(url, SUSPENSION_SORT_KEYS), find: wordsQuery(url, 'find') };
}

/** A suspension's columns: the page's (with the lift form where it may be lifted) and the CSV's. */
function suspensionColumns(
  p: PageCtx,
  ctx: UseCaseContext,
  names: Map<string, string>,
  failed?: Failed,
): ListColumn<Suspension, SuspensionSortKey>[] {
  const t = p.t.suspensions;
  const today = toJapanDate(ctx.now());
  const mayLift = (s: Suspension) =>
    !s.liftedOn &&
    (s.suspendedTo === null || s.suspendedTo >= today) &&
    ctx.ability.can('update', asSubject('Suspension', s));
  return [
    {
      label: t.columns.company,
      sort: 'company',
      cell: (s) => names.get(s.companyId) ?? s.companyId,
      csv: (s) => names.get(s.companyId) ?? '',
    },
    {
      label: t.columns.period,
      sort: 'from',
      cell: (s) => (
        <span>
          <DateText p={p} date={s.suspendedFrom} /> ～
        </span>
      ),
      csv: (s) => csvDate(s.suspendedFrom),
    },
    {
      label: t.columns.periodEnd,
      sort: 'to',
      cell: (s) => (s.suspendedTo ? <DateText p={p} date={s.suspendedTo} /> : t.open),
      csv: (s) => (s.suspendedTo ? csvDate(s.suspendedTo) : t.open),
    },
    { label: t.columns.reason, cell: (s) => s.reason, csv: (s) => s.reason },
    {
      label: t.columns.state,
      sort: 'lifted',
      cell: (s) => (
        <div>
          {stateOf(p, s, today)}
          {s.liftReason ? <p class="hint">{t.liftedReason(s.liftReason)}</p> : null}
        </div>
      ),
      csv: (s) => (s.liftedOn ? t.liftedState : stateOf(p, s, today)),
    },
    { label: t.liftedOn, csv: (s) => csvDate(s.liftedOn) },
    { label: t.liftReason, csv: (s) => s.liftReason ?? '' },
    { label: t.columns.lift, cell: (s) => (mayLift(s) ? <LiftForm p={p} s={s} failed={failed} /> : '—') },
  ];
}

async function showList(c: Context<AppEnv>, failed?: Failed, added?: Added) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  mayRead(c);
  const t = p.t.suspensions;
  // sorted by a column heading in the SQL; by default the latest start first
  const { sort, find } = listQuery(p.url);
  const list = await listSuspensions(ctx, sort, find);
  const names = await organisationNames(ctx, [...new Set(list.map((s) => s.companyId))]);
  // one summary at the top, its entries linked to the fields of the form that was refused
  const summary = fields({}, [...(failed?.errors ?? []), ...(added?.errors ?? [])]);
  const mayAdd = ctx.ability.can('create', asSubject('Suspension', { wardId: ctx.actor.organisationId }));
  const addForm = mayAdd ? await AddForm({ c, p, added }) : null;
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <ErrorSummary p={p} f={summary} />
      <p>{t.intro}</p>
      {addForm}
      <h2>{t.listHeading}</h2>
      <ListFilters
        p={p}
        action="/suspensions"
        sort={sort}
        q={find}
        qName="find"
        qLabel={t.filterQ}
        csv="/suspensions/export.csv"
      />
      {list.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ListTable
          p={p}
          label={t.title}
          items={list}
          columns={suspensionColumns(p, ctx, names, failed)}
          sort={{ current: sort }}
          rowId={(s) => `suspension-${s.id}`}
        />
      )}
    </Layout>,
    failed?.status ?? added?.status ?? 200,
  );
}

/** The list with its words and order as CSV for Excel (dates as Excel reads them). */
async function suspensionListCsv(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  mayRead(c);
  const { sort, find } = listQuery(p.url);
  const list = await listSuspensions(ctx, sort, find);
  const names = await organisationNames(ctx, [...new Set(list.map((s) => s.companyId))]);
  return csvResponse(c, p, csvLines(suspensionColumns(p, ctx, names), list), false, {
    ascii: 'suspensions.csv',
    ja: '指名停止一覧.csv',
  });
}

async function addAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const t = p.t.suspensions.add;
  const raw = await readForm(c);
  const values: FormValues = Object.fromEntries(ADD_FIELDS.map((k) => [k, firstValue(raw[k]).trim()]));
  const v = (k: (typeof ADD_FIELDS)[number]) => values[k] as string;
  const errors: FormError[] = [];
  if (!v('companyId')) errors.push({ field: 'companyId', text: t.required.companyId });
  if (!DATE.test(v('suspendedFrom'))) errors.push({ field: 'suspendedFrom', text: t.required.suspendedFrom });
  if (v('suspendedTo') && !DATE.test(v('suspendedTo')))
    errors.push({ field: 'suspendedTo', text: t.required.suspendedTo });
  if (!v('reason')) errors.push({ field: 'reason', text: t.required.reason });
  if (errors.length) return showList(c, undefined, { values, errors, status: 422 });
  try {
    await addSuspension(useCaseContext(c), {
      companyId: v('companyId'),
      reason: v('reason'),
      suspendedFrom: v('suspendedFrom'),
      suspendedTo: v('suspendedTo') || null,
    });
  } catch (error) {
    const refused = refusal(p, error);
    return showList(c, undefined, { values, ...refused });
  }
  return redirectWithNotice(c, '/suspensions', 'saved');
}

async function liftAction(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const id = c.req.param('id')!;
  const values = await readForm(c);
  const prefix = `s${id}`;
  const text = (name: string) => {
    const v = values[`${prefix}.${name}`];
    return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
  };
  const liftedOn = text('liftedOn');
  const errors: FormError[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(liftedOn))
    errors.push({
      field: `${prefix}.liftedOn`,
      text: p.lang === 'ja' ? '解除日を入力してください' : 'Enter the day',
    });
  if (errors.length) return showList(c, { id, values, errors, status: 422 });
  try {
    await liftSuspension(useCaseContext(c), id, { liftedOn, reason: text('reason') }, versionOf(values) ?? 0);
  } catch (error) {
    const refused = refusal(p, error, (path) => `${prefix}.${path}`);
    return showList(c, { id, values, ...refused });
  }
  return redirectWithNotice(c, '/suspensions', 'saved');
}

/** 指名停止: the list, registering a suspension and lifting one. */
export function suspensionPages() {
  const app = new Hono<AppEnv>();
  app.get('/suspensions', signedIn, (c) => showList(c));
  app.get('/suspensions/export.csv', signedIn, suspensionListCsv);
  app.post('/suspensions', signedIn, addAction);
  app.post(`/suspensions/:id${UUID_PARAM}/lift`, signedIn, liftAction);
  return app;
}
