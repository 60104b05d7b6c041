import { accessibleBy } from '../../../policies/rules-to-sql.js';
import type { BreachReportKind } from '../../../workflows/incident/incident.machine.js';
import type { UseCaseContext } from '../shared/context.js';
import { type Incident, incidentFields, incidentQuery, toIncident } from './incident.repository.js';

// 漏えい等報告 still to send: incidents judged reportable whose 速報, 確報 or notice to the people
// affected (本人通知) is not yet recorded as sent, for those who sign the incident (the rules in
// SQL). The worklist shows one row per report; the soonest due first.

export interface BreachReportDue {
  incident: Incident;
  kind: BreachReportKind;
  /** None for the notice: the law says 「速やかに」 without a number of days. */
  dueOn: string | null;
}

/** Reports due on incidents the viewer may sign, soonest first (up to `limit` incidents). */
export async function listBreachReportsDue(ctx: UseCaseContext, limit: number): Promise<BreachReportDue[]> {
  const rows = await incidentQuery(ctx.db)
    .where((eb) =>
      eb.and([
        accessibleBy(eb, ctx.ability, 'sign', 'Incident', incidentFields),
        eb('incidents.breach_report_required', '=', true),
        eb.or([
          eb('incidents.preliminary_report_sent_on', 'is', null),
          eb('incidents.final_report_sent_on', 'is', null),
          eb('incidents.persons_notified_on', 'is', null),
        ]),
      ]),
    )
    .orderBy('incidents.final_report_due_on')
    .orderBy('incidents.id')
    .limit(limit)
    .execute();
  return rows.map(toIncident).flatMap((incident) => {
    const b = incident.breach;
    const due: BreachReportDue[] = [];
    if (!b.preliminarySentOn) due.push({ incident, kind: 'preliminary', dueOn: b.preliminaryDueOn });
    if (!b.finalSentOn) due.push({ incident, kind: 'final', dueOn: b.finalDueOn });
    if (!b.personsNotifiedOn) due.push({ incident, kind: 'notice', dueOn: null });
    return due;
  });
}
