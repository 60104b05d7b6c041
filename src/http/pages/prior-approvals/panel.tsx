import { listPriorApprovalQueue } from '../../../domain/prior-approvals/prior-approval-queue.js';
import type { UseCaseContext } from '../../../domain/shared/context.js';
import { contractTitles } from '../../../domain/worklists/contract-titles.js';
import { DateText } from '../components/common.js';
import type { PageCtx, Viewer } from '../page-context.js';

const SHOWN = 8;

/** The dashboard's panel of prior approvals awaiting the viewer's signature (ward signers only). */
export async function priorApprovalQueuePanel(ctx: UseCaseContext, p: PageCtx, v: Viewer) {
  if (!v.ability.can('sign', 'PriorApproval')) return null;
  const items = await listPriorApprovalQueue(ctx, SHOWN);
  const t = p.t.priorApprovals;
  const titles = await contractTitles(
    ctx,
    items.map((i) => i.contractId),
  );
  return (
    <section class="panel" aria-labelledby="panel-prior-approvals">
      <h2 id="panel-prior-approvals">{t.queue}</h2>
      {items.length === 0 ? (
        <p>{p.t.dashboard.nothing}</p>
      ) : (
        <ul>
          {items.map((a) => (
            <li>
              <a href={`/prior-approvals/${a.id}`}>
                {t.kinds[a.kind]}：{titles.get(a.contractId) ?? '—'}
              </a>{' '}
              （<DateText p={p} date={a.periodFrom} />
              〜）
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
