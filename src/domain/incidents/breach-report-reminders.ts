import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { notify, usersWithRoles } from '../notifications/notify.js';
import { addDays } from '../shared/japan-date.js';
import { toWareki } from '../shared/wareki.js';

// 漏えい等報告の期限: the ward's officers, chiefs and managers are reminded of a 速報 or 確報 not yet
// recorded as sent, from 7 days before its due day (at once for a 速報, due on day 3) and once
// overdue. Idempotent per incident, report, due day and stage, like every reminder.

const REPORTS = [
  { kind: 'preliminary', name: '速報', due: 'preliminary_report_due_on', sent: 'preliminary_report_sent_on' },
  { kind: 'final', name: '確報', due: 'final_report_due_on', sent: 'final_report_sent_on' },
] as const;

/** A reminder source (see generate-reminders.ts): returns how many notifications were added. */
export async function breachReportDeadlines(db: Kysely<Database>, today: string, now: Date): Promise<number> {
  let sent = 0;
  for (const report of REPORTS) {
    const rows = await db
      .selectFrom('incidents as i')
      .innerJoin('contracts as c', (j) =>
        j.onRef('c.ward_id', '=', 'i.ward_id').onRef('c.id', '=', 'i.contract_id'),
      )
      .select(['i.id', 'i.ward_id', `i.${report.due} as due_on`, 'c.title'])
      .where('i.breach_report_required', '=', true)
      .where(`i.${report.sent}`, 'is', null)
      .where(`i.${report.due}`, '<=', addDays(today, 7))
      .execute();
    for (const r of rows) {
      const dueOn = r.due_on!;
      const stage = dueOn < today ? 'overdue' : 'soon';
      sent += await notify(
        db,
        {
          userIds: await usersWithRoles(db, r.ward_id, ['ward_officer', 'ward_chief', 'ward_manager']),
          wardId: r.ward_id,
          kind: 'breach-report-due',
          subjectType: 'Incident',
          subjectId: r.id,
          deadlineKey: `breach-report:${r.id}:${report.kind}:${dueOn}:${stage}`,
          title:
            stage === 'overdue'
              ? `【期限超過】漏えい等報告（${report.name}）`
              : `漏えい等報告（${report.name}）の期限が近づいています`,
          body: `${r.title}　${report.name}の期限：${toWareki(dueOn)}（${dueOn}）`,
          dueOn,
        },
        now,
      );
    }
  }
  return sent;
}
