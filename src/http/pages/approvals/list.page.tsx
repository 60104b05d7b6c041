import type { Context } from 'hono';
import { listApprovals } from '../../../domain/approvals/read-approvals.js';
import { listApprovalQueue } from '../../../domain/worklists/approval-queue.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Pager } from '../components/common.js';
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

/** 承認申請の一覧: the viewer's queue (決裁待ち・提出待ち) or every application they may read. */
export async function approvalListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const view = c.req.query('view') === 'all' ? 'all' : 'queue';
  const status = STATUSES.find((s) => s === c.req.query('status'));
  const cursor = c.req.query('cursor') || undefined;
  const page =
    view === 'queue'
      ? await listApprovalQueue(ctx, { cursor, limit: 20 })
      : await listApprovals(ctx, { status, cursor, limit: 20 });
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
        <form method="get" action="/approvals" class="filters" aria-label={p.t.common.filter}>
          <input type="hidden" name="view" value="all" />
          <div class="field">
            <label for="f-status">{t.status}</label>
            <select id="f-status" name="status">
              <option value="">{p.t.common.all}</option>
              {STATUSES.map((s) => (
                <option value={s} selected={s === status}>
                  {p.t.status.approval[s]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <button type="submit">{p.t.common.applyFilter}</button>
          </div>
        </form>
      )}
      <h2>{view === 'queue' ? t.queue : t.all}</h2>
      <ApprovalTable p={p} items={page.items} caption={view === 'queue' ? t.queue : t.all} />
      <Pager p={p} nextCursor={page.nextCursor} />
    </Layout>,
  );
}
