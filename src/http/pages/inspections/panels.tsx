import { asSubject } from '../../../../policies/app-ability.js';
import { japanToday } from '../../../domain/inspections/inspection-access.js';
import { listDueForActor } from '../../../domain/inspections/read-inspection-due.js';
import { listFindings } from '../../../domain/inspections/read-inspections.js';
import type { UseCaseContext } from '../../../domain/shared/context.js';
import { fiscalYearOf } from '../../../domain/shared/wareki.js';
import { Badge, DateText } from '../components/common.js';
import type { PageCtx, Viewer } from '../page-context.js';

// The dashboard's inspection panels, for those who can act on them: the inspector sees who is due
// this fiscal year and findings past their deadline; an inspected company's manager sees its own
// findings past their deadline. Both come from the list use cases (rules in SQL).

const SHOWN = 8;

/** 実地検査が必要な委託先等 (this fiscal year), overdue first. */
export async function inspectionsDuePanel(ctx: UseCaseContext, p: PageCtx, v: Viewer) {
  if (!v.actor.wardId || !v.ability.can('create', asSubject('Inspection', { wardId: v.actor.wardId })))
    return null;
  const t = p.t.inspections;
  const today = japanToday(ctx.now());
  const { items } = await listDueForActor(ctx, { fiscalYear: fiscalYearOf(today) });
  const rows = [...items].sort((a, b) =>
    a.status === b.status ? a.dueBy.localeCompare(b.dueBy) : a.status === 'overdue' ? -1 : 1,
  );
  const overdue = items.filter((i) => i.status === 'overdue').length;
  return (
    <section class="panel" aria-labelledby="panel-inspections-due">
      <h2 id="panel-inspections-due">{t.panels.due}</h2>
      {rows.length === 0 ? (
        <p>{p.t.dashboard.nothing}</p>
      ) : (
        <>
          <p class="count">{t.panels.dueCount(items.length, overdue)}</p>
          <ul>
            {rows.slice(0, SHOWN).map((r) => (
              <li>
                <a
                  href={
                    r.plannedInspectionId
                      ? `/inspections/${r.plannedInspectionId}`
                      : `/inspections/new?contractId=${r.contractId}`
                  }
                >
                  {r.organisationName}
                </a>{' '}
                <Badge
                  status={r.status === 'overdue' ? 'rejected' : 'submitted'}
                  label={t.dueStatus[r.status]}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href="/inspections">{p.t.common.showAll}</a>
      </p>
    </section>
  );
}

/** 改善期限を過ぎた指摘事項: open findings whose agreed deadline has passed. */
export async function findingsPastDuePanel(ctx: UseCaseContext, p: PageCtx, v: Viewer) {
  const company = v.actor.organisationKind === 'company';
  const acts = company
    ? v.ability.can('update', 'Finding', 'improvementReport')
    : Boolean(v.actor.wardId) && v.ability.can('create', asSubject('Inspection', { wardId: v.actor.wardId }));
  if (!acts) return null;
  const t = p.t.inspections;
  const page = await listFindings(ctx, { overdueOn: japanToday(ctx.now()), limit: SHOWN });
  return (
    <section class="panel" aria-labelledby="panel-findings-past-due">
      <h2 id="panel-findings-past-due">
        {company ? t.panels.findingsPastDueCompany : t.panels.findingsPastDue}
      </h2>
      {page.items.length === 0 ? (
        <p>{p.t.dashboard.nothing}</p>
      ) : (
        <ul>
          {page.items.map((f) => (
            <li>
              <a href={`/inspections/${f.inspectionId}#finding-${f.id}`}>{t.itemLink(f.itemKey)}</a>（
              {t.findingDue} <DateText p={p} date={f.dueOn} />）
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
