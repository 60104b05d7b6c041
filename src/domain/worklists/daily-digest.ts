import type { Kysely } from 'kysely';
import { defineAbilityFor } from '../../../policies/app-ability.js';
import type { Database } from '../../db/database.js';
import { actorQuery, toActor } from '../auth/load-actor.js';
import { notify } from '../notifications/notify.js';
import {
  fillWords,
  loadMunicipalityWords,
  type MunicipalityWords,
} from '../organisations/municipality-words.js';
import { toJapanDate } from '../shared/japan-date.js';
import { toWareki } from '../shared/wareki.js';
import { listWorklist, type WorkKind } from './worklist.js';

// 受信箱の日次まとめ: once a day, when mail is configured (SMTP_URL), each person with steps waiting
// gets one mail listing them — the same worklist as their inbox and dashboard. The digest is a
// notification row keyed by the day, so running the daily jobs twice sends it once; the mailer
// sends it with the reminders.

export const DIGEST_KIND = 'inbox-digest';

const WHAT: Record<WorkKind, string> = {
  approvals: '承認申請の決裁・提出',
  'prior-approvals': '事前承認の決裁',
  devices: '情報機器等の持込みの許可',
  'report-requests': '報告の求め（報告・受理、期限超過）',
  'inspection-sign-off': '実地検査結果の決裁',
  'reports-received': '遵守状況報告書の受付・決裁',
  'reports-to-answer': '遵守状況報告書の回答',
  'operational-reports-received': '業務報告の受付・決裁',
  'operational-reports-to-submit': '業務報告の提出',
  recommendations: '改善勧告への回答・確認',
  'access-log-reviews': 'アクセスログの確認（記録・確認）',
  'contract-reviews': '契約の見直し（見直し周期）',
  incidents: '事故報告への対応',
  'breach-reports': '漏えい等報告（速報・確報・本人通知）の送付',
  'handler-lists': '取扱者名簿の確認',
  certificates: '消去証明書・受渡データの確認',
  certifications: '認証（プライバシーマーク・ISMS・ISMAP）の更新',
  'findings-past-due': '改善期限を過ぎた指摘事項',
  'inspections-due': '実地検査の実施',
  'council-items': '{body}への付議',
};

/** Adds today's digest for every active user with something waiting; returns how many were added. */
export async function generateDailyDigests(db: Kysely<Database>, now: Date): Promise<number> {
  const today = toJapanDate(now);
  const users = await actorQuery(db).where('users.disabled_at', 'is', null).execute();
  let added = 0;
  // the municipality's own words ({body}: its council's short name), read once per municipality
  const wordsOf = new Map<string | null, Promise<MunicipalityWords>>();
  for (const row of users) {
    const actor = toActor(row);
    const ctx = { db, actor, ability: defineAbilityFor(actor), requestId: 'daily-digest', now: () => now };
    const items = (await listWorklist(ctx, { limit: 20 })).flatMap((s) => s.items);
    if (!items.length) continue;
    if (!wordsOf.has(actor.wardId)) wordsOf.set(actor.wardId, loadMunicipalityWords(db, actor.wardId));
    const words = await wordsOf.get(actor.wardId)!;
    const lines = items.map(
      (i) =>
        `・${fillWords(WHAT[i.kind], words, 'ja')}：${i.title}${i.party ? `（${i.party}）` : ''}` +
        `${i.dueOn ? `　期限 ${toWareki(i.dueOn)}${i.overdue ? '（期限超過）' : ''}` : ''}\n　${i.href}`,
    );
    added += await notify(
      db,
      {
        userIds: [actor.userId],
        wardId: actor.wardId,
        kind: DIGEST_KIND,
        subjectType: 'User',
        subjectId: actor.userId,
        deadlineKey: `inbox-digest:${today}`,
        title: `【受信箱】対応待ち ${items.length}件（${toWareki(today)}）`,
        body: `あなたの操作を待っている手続です（${toWareki(today)}時点）。\n\n${lines.join('\n')}\n\n受信箱（/notifications）からそれぞれの画面を開けます。`,
        dueOn: null,
      },
      now,
    );
  }
  return added;
}
