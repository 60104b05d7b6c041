import type { Expression, SqlBool } from 'kysely';
import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { AWAITING_ANSWER } from '../../../workflows/report-request/report-request.machine.js';
import { mayTake } from '../shared/allowed-actions.js';
import type { UseCaseContext } from '../shared/context.js';
import { toJapanDate } from '../shared/japan-date.js';
import { contractTitles } from '../worklists/contract-titles.js';
import { organisationNames } from '../worklists/names.js';
import { reportRequestFields, reportRequestQuery, toReportRequest } from './report-request.repository.js';
import { reportRequestCommands, reportRequestWorkflow } from './report-request.workflow.js';

/**
 * 報告の求め waiting on the viewer: as requester, answers to accept or send back and requests still
 * unanswered past their due date; as the company asked, requests to answer. The read rules run in
 * SQL with the viewer's side of each request; the machine then confirms the step is theirs to take
 * (the same question the detail page's buttons ask). Overdue first: by due date.
 */
export async function listReportRequestWork(ctx: UseCaseContext, limit: number) {
  const today = toJapanDate(ctx.now());
  const orgId = ctx.actor.organisationId;
  const asRequester = ctx.ability.can('update', 'ReportRequest', 'request');
  const asSubject = ctx.ability.can('update', 'ReportRequest', 'answer');
  const rows = await reportRequestQuery(ctx.db)
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'ReportRequest', reportRequestFields))
    .where((eb) => {
      const sides: Expression<SqlBool>[] = [];
      if (asRequester)
        sides.push(
          eb.and([
            eb('report_requests.requester_org_id', '=', orgId),
            eb.or([
              eb('report_requests.status', '=', 'answered'),
              eb.and([
                eb('report_requests.status', 'in', [...AWAITING_ANSWER]),
                eb('report_requests.due_on', '<', today),
              ]),
            ]),
          ]),
        );
      if (asSubject)
        sides.push(
          eb.and([
            eb('report_requests.subject_org_id', '=', orgId),
            eb('report_requests.status', 'in', [...AWAITING_ANSWER]),
          ]),
        );
      return eb.or(sides);
    })
    .orderBy('report_requests.due_on')
    .orderBy('report_requests.id')
    .limit(limit + 1)
    .execute();
  const items = rows
    .map(toReportRequest)
    .filter((r) =>
      r.subjectOrgId === orgId && r.status !== 'answered'
        ? mayTake(ctx, reportRequestWorkflow, reportRequestCommands.answer, r)
        : mayTake(
            ctx,
            reportRequestWorkflow,
            r.status === 'answered' ? reportRequestCommands.accept : reportRequestCommands.withdraw,
            r,
          ),
    )
    .slice(0, limit);
  const [titles, names] = await Promise.all([
    contractTitles(
      ctx,
      items.map((r) => r.contractId),
    ),
    organisationNames(
      ctx,
      items.map((r) => r.subjectOrgId),
    ),
  ]);
  return { items, more: rows.length > limit, titles, names };
}
