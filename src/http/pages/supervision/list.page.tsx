import type { Context } from 'hono';
import { japanToday } from '../../../domain/inspections/inspection-access.js';
import { listReportRequests } from '../../../domain/supervision/read-report-requests.js';
import { contractTitles } from '../../../domain/worklists/contract-titles.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';
import { ReportRequestTable } from './section.js';

/** 報告の求め: every request the viewer may read (the rules in SQL), newest first. */
export async function reportRequestListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const t = p.t.supervision;
  const page = await listReportRequests(ctx, { limit: 100 });
  const [names, contracts] = await Promise.all([
    organisationNames(
      ctx,
      page.items.flatMap((r) => [r.requesterOrgId, r.subjectOrgId]),
    ),
    contractTitles(
      ctx,
      page.items.map((r) => r.contractId),
    ),
  ]);
  return sendPage(
    c,
    <Layout p={p} title={t.listTitle}>
      <p>{t.listIntro}</p>
      <ReportRequestTable
        p={p}
        items={page.items}
        names={names}
        contracts={contracts}
        caption={t.listTitle}
        today={japanToday(ctx.now())}
      />
    </Layout>,
  );
}
