import type { Context } from 'hono';
import { APPROVAL_SORT_KEYS, listApprovals } from '../../../domain/approvals/read-approvals.js';
import { listApprovalQueue } from '../../../domain/worklists/approval-queue.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Pager } from '../components/common.js';
import { allRows, csvResponse } from '../components/csv-export.js';
import { ListFilters, oneOf, wordsQuery } from '../components/list-filters.js';
import { csvLines } from '../components/list-table.js';
import { sortFromQuery } from '../components/sortable.js';
import { ApprovalTable, approvalColumns } from '../contracts/approvals-section.js';
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
] as const;

/** The states an application waits in for someone (the queue holds no others). */
const WAITING = ['draft', 'submitted', 'under_review', 'changes_requested', 'awaiting_council'] as const;

/**
 * The view (the viewer's queue, 決裁待ち・提出待ち, unless `view=all`), its filters and its order,
 * as the page and its CSV read them from the address.
 */
function listQuery(c: Context<AppEnv>) {
  const url = new URL(c.req.url);
  const view: 'queue' | 'all' = url.searchParams.get('view') === 'all' ? 'all' : 'queue';
  const status = oneOf(url, 'status', view === 'all' ? STATUSES : WAITING);
  return { view, status, q: wordsQuery(url), sort: sortFromQuery(url, APPROVAL_SORT_KEYS) };
}

/** One page of the view; both views sort, filter and page in SQL with the viewer's rules. */
function readView(c: Context<AppEnv>, cursor: string | undefined, limit: number) {
  const ctx = useCaseContext(c);
  const { view, ...query } = listQuery(c);
  return view === 'queue'
    ? listApprovalQueue(ctx, { ...query, cursor, limit })
    : listApprovals(ctx, { ...query, cursor, limit });
}

/** 承認申請の一覧: the viewer's queue (決裁待ち・提出待ち) or every application they may read. */
export async function approvalListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const { view, status, q, sort } = listQuery(c);
  const page = await readView(c, c.req.query('cursor') || undefined, 20);
  const t = p.t.approvals;
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
  const title = view === 'queue' ? t.queue : t.all;
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <nav aria-label={t.title}>
        <ul class="actions">
          {tab('queue', t.queue)}
          {tab('all', t.all)}
        </ul>
      </nav>
      <ListFilters
        p={p}
        action="/approvals"
        keep={view === 'all' ? { view: 'all' } : {}}
        sort={sort}
        q={q}
        qLabel={t.filterQ}
        status={{
          value: status,
          label: t.status,
          options: (view === 'all' ? STATUSES : WAITING).map((s) => ({
            value: s,
            label: p.t.status.approval[s] ?? s,
          })),
        }}
        csv="/approvals/export.csv"
      />
      <h2>{title}</h2>
      <ApprovalTable p={p} items={page.items} caption={title} sort={{ current: sort }} />
      <Pager p={p} nextCursor={page.nextCursor} />
    </Layout>,
  );
}

/**
 * The view's rows (the queue when the address names no view, as the page), with its filters and
 * order, as CSV for Excel.
 */
export async function approvalListCsv(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const { view } = listQuery(c);
  const { rows, capped } = await allRows((cursor) => readView(c, cursor, 200));
  return csvResponse(
    c,
    p,
    csvLines(approvalColumns(p), rows),
    capped,
    view === 'queue'
      ? { ascii: 'approval-queue.csv', ja: '対応待ちの申請.csv' }
      : { ascii: 'approvals.csv', ja: '承認申請一覧.csv' },
  );
}
