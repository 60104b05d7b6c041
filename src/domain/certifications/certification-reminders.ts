import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { notify, usersWithRoles } from '../notifications/notify.js';
import { addDays } from '../shared/japan-date.js';
import { CERTIFICATION_NAMES } from './certification-names.js';
import { EXPIRING_WITHIN_DAYS } from './certification-standing.js';

/** The first reminder goes out this many days before a certification's last valid day. */
export const FIRST_REMINDER_DAYS = 90;

/** Contract states in which a ward contracts with the company (a closed or draft one does not count). */
const CONTRACTING = ['approved', 'active', 'ending'] as const;

type Stage = '90' | '30' | 'expired';

function stageOf(validUntil: string, today: string): Stage | null {
  if (validUntil < today) return 'expired';
  if (validUntil <= addDays(today, EXPIRING_WITHIN_DAYS)) return '30';
  if (validUntil <= addDays(today, FIRST_REMINDER_DAYS)) return '90';
  return null;
}

const TITLES: Record<Stage, (name: string, company: string) => string> = {
  '90': (name, company) => `${name}の有効期限が90日以内です（${company}）`,
  '30': (name, company) => `${name}の有効期限が30日以内です（${company}）`,
  expired: (name, company) => `【期限切れ】${name}（${company}）`,
};

/**
 * 認証の有効期限: 90 and 30 days before a certification's last valid day and once it has expired,
 * the company's managers and the officers of every ward contracting with it (a contract approved,
 * active or ending, the company as its contractor at any level). Only the latest certification of
 * each kind counts: a renewal recorded in time silences the old one. Idempotent: each stage of each
 * end date is one notification per recipient, ever (notify's deadline key).
 */
export async function certificationDeadlines(
  db: Kysely<Database>,
  today: string,
  now: Date,
): Promise<number> {
  const rows = await db
    .selectFrom('company_certifications as cc')
    .innerJoin('organisations as o', 'o.id', 'cc.organisation_id')
    .select(['cc.id', 'cc.organisation_id', 'cc.kind', 'cc.number', 'cc.valid_until', 'o.name'])
    .where('cc.withdrawn_at', 'is', null)
    .where('cc.valid_until', '<=', addDays(today, FIRST_REMINDER_DAYS))
    // the latest of its kind: none of the company's other certifications of the kind ends later
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('company_certifications as later')
            .select('later.id')
            .whereRef('later.organisation_id', '=', 'cc.organisation_id')
            .whereRef('later.kind', '=', 'cc.kind')
            .where('later.withdrawn_at', 'is', null)
            .whereRef('later.valid_until', '>', 'cc.valid_until'),
        ),
      ),
    )
    .execute();
  let sent = 0;
  for (const c of rows) {
    const stage = stageOf(c.valid_until, today);
    if (!stage) continue;
    const name = CERTIFICATION_NAMES[c.kind].ja;
    const common = {
      kind: 'certification-expiry',
      subjectType: 'CompanyCertification',
      subjectId: c.id,
      deadlineKey: `certification:${c.id}:${c.valid_until}:${stage}`,
      title: TITLES[stage](name, c.name),
      body: `${name}（${c.number}）　有効期限：${c.valid_until}`,
      dueOn: c.valid_until,
    };
    sent += await notify(
      db,
      {
        ...common,
        userIds: await usersWithRoles(db, c.organisation_id, ['contractor_manager']),
        wardId: null,
      },
      now,
    );
    const wards = await db
      .selectFrom('contracts')
      .select('ward_id')
      .distinct()
      .where('contractor_org_id', '=', c.organisation_id)
      .where('status', 'in', [...CONTRACTING])
      .execute();
    for (const { ward_id } of wards) {
      sent += await notify(
        db,
        { ...common, userIds: await usersWithRoles(db, ward_id, ['ward_officer']), wardId: ward_id },
        now,
      );
    }
  }
  return sent;
}
