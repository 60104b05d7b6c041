import type { Context } from 'hono';
import type { Approval } from '../../../domain/approvals/approval.repository.js';
import { APPROVAL_SORT_KEYS, listApprovals } from '../../../domain/approvals/read-approvals.js';
import { listApprovalQueue } from '../../../domain/worklists/approval-queue.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Pager } from '../components/common.js';
import { allRows, csvResponse, japanTime } from '../components/csv-export.js';
import { fields, SelectField, TextField } from '../components/form.js';
import { roleLabel } from '../components/sign-off.js';
import { listHref, sortFromQuery } from '../components/sortable.js';
import { ApprovalTable } from '../contracts/approvals-section.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';

const STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'changes_requested',
  'awaiting_council',
  'approved',
  'rejected',
  'revoked',
];

/** The "all" view's filters as the page and its CSV read them from the address. */
function listQuery(c: Context<AppEnv>) {
  const url = new URL(c.req.url);
  const status = STATUSES.find((s) => s === c.req.query('status'));
  const q = (c.req.query('q') ?? '').trim().slice(0, 100) || undefined;
  return { status, q, sort: sortFromQuery(url, APPROVAL_SORT_KEYS) };
}

/** 承認申請の一覧: the viewer's queue (決裁待ち・提出待ち) or every application they may read. */
export async function approvalListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const view = c.req.query('view') === 'all' ? 'all' : 'queue';
  const { status, q, sort } = listQuery(c);
  const cursor = c.req.query('cursor') || undefined;
  const page =
    view === 'queue'
      ? await listApprovalQueue(ctx, { cursor, limit: 20 })
      : await listApprovals(ctx, { status, q, sort, cursor, limit: 20 });
  const t = p.t.approvals;
  const f = fields({ status: status ?? '', q: q ?? '' });
  const tab = (key: 'queue' | 'all', label: string) => (
    <li>
      <a
        href={key === 'all' ? '/approvals?view=all' : '/approvals'}
        aria-current={view === key ? 'page' : undefined}
      >
        {label}
      </a>
    </li>
  );
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <nav aria-label={t.title}>
        <ul class="actions">
          {tab('queue', t.queue)}
          {tab('all', t.all)}
        </ul>
      </nav>
      {view === 'all' && (
        <>
          <form method="get" action="/approvals" class="filters" aria-label={p.t.common.filter}>
            <input type="hidden" name="view" value="all" />
            {sort && <input type="hidden" name="sort" value={sort.key} />}
            {sort && <input type="hidden" name="dir" value={sort.dir} />}
            <TextField p={p} f={f} name="q" label={t.filterQ} type="search" />
            <SelectField
              p={p}
              f={f}
              name="status"
              label={t.status}
              blank={p.t.common.all}
              options={STATUSES.map((s) => ({ value: s, label: p.t.status.approval[s] ?? s }))}
              short
            />
            <div class="field">
              <button type="submit">{p.t.common.applyFilter}</button>{' '}
              <a href="/approvals?view=all">{p.t.common.clearFilter}</a>
            </div>
          </form>
          <p class="actions">
            <a href={listHref(p.url, { view: undefined }, '/approvals/export.csv')} download>
              {p.t.common.exportCsv}
            </a>
          </p>
        </>
      )}
      <h2>{view === 'queue' ? t.queue : t.all}</h2>
      <ApprovalTable
        p={p}
        items={page.items}
        caption={view === 'queue' ? t.queue : t.all}
        sort={view === 'all' ? { current: sort } : undefined}
      />
      <Pager p={p} nextCursor={page.nextCursor} />
    </Layout>,
  );
}

/** Every application the viewer may read, with the filters and order of the "all" view, as CSV. */
export async function approvalListCsv(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const query = listQuery(c);
  const { rows, capped } = await allRows((cursor) => listApprovals(ctx, { ...query, cursor, limit: 200 }));
  const t = p.t.approvals;
  return csvResponse(
    c,
    p,
    [
      [t.number, t.subject, t.kind, t.status, t.awaiting, t.created],
      ...rows.map((a: Approval) => [
        a.number,
        a.application.title,
        t.kinds[a.kind] ?? a.kind,
        p.t.status.approval[a.status] ?? a.status,
        a.status === 'under_review' && a.chain[a.step] ? roleLabel(p, a.chain[a.step]!) : '',
        japanTime(a.createdAt),
      ]),
    ],
    capped,
    { ascii: 'approvals.csv', ja: '承認申請一覧.csv' },
  );
}
