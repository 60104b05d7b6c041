import type { Kysely } from 'kysely';
import { defineAbilityFor } from '../../policies/app-ability.js';
import type { Database } from '../db/database.js';
import { actOnApproval } from '../domain/approvals/act-on-approval.js';
import { applyForDelegation } from '../domain/approvals/apply-for-delegation.js';
import { actorQuery, toActor } from '../domain/auth/load-actor.js';
import { findContract } from '../domain/contracts/contract.repository.js';
import { transitionContract } from '../domain/contracts/transition-contract.js';
import { actOnIncident } from '../domain/incidents/act-on-incident.js';
import { reportIncident } from '../domain/incidents/report-incident.js';
import { issueOperationalReports } from '../domain/operational-reports/issue-operational-reports.js';
import { recordMeeting } from '../domain/operational-reports/meetings.js';
import {
  actOnOperationalReport,
  listOperationalReports,
} from '../domain/operational-reports/operational-reports.js';
import { actOnRecommendation, recommendImprovement } from '../domain/operational-reports/recommendations.js';
import { updateOperationalReportSettings } from '../domain/operational-reports/report-settings.js';
import type { UseCaseContext } from '../domain/shared/context.js';
import { addDays, toJapanDate } from '../domain/shared/japan-date.js';
import type { NankokuDemo } from './nankoku-city.js';

// 南国市's counter contract at work (seed 004 4(4)–(5), 6): started with its acknowledged roster and the
// city's approval, requiring every operational report; the scheduler's requests issued; the latest
// monthly report submitted and signed off, the latest daily report submitted and waiting for 受付;
// a 定例会議 recorded; an improvement recommendation answered and waiting for the city; a My Number
// incident (特定個人情報 of 130 people) reported yesterday and judged reportable to the Commission,
// its 速報 still to send. Everything goes through the same use cases as the API.

async function contextFor(db: Kysely<Database>, email: string, now: () => Date): Promise<UseCaseContext> {
  const row = await actorQuery(db).where('users.email', '=', email).executeTakeFirstOrThrow();
  const actor = toActor(row);
  return { db, actor, ability: defineAbilityFor(actor), requestId: 'demo-seed', now };
}

/** The city's approval, then 履行開始 (as the bicycle contract starts); its roster is seeded before. */
async function startContract(db: Kysely<Database>, demo: NankokuDemo, now: () => Date) {
  const officer = await contextFor(db, 'officer@city.nankoku.example.jp', now);
  const chief = await contextFor(db, 'chief@city.nankoku.example.jp', now);
  const manager = await contextFor(db, 'manager@city.nankoku.example.jp', now);
  // the roster (業務従事者名簿) is already acknowledged by seedNankokuRoster (src/demo/nankoku-roster.ts)
  let approval = await applyForDelegation(officer, demo.myNumberContractId, { councilMode: 'report' });
  approval = await actOnApproval(officer, approval.id, 'submit', {}, approval.version);
  approval = await actOnApproval(officer, approval.id, 'start-review', {}, approval.version);
  approval = await actOnApproval(officer, approval.id, 'approve', {}, approval.version);
  approval = await actOnApproval(chief, approval.id, 'approve', {}, approval.version);
  await actOnApproval(manager, approval.id, 'approve', {}, approval.version);
  const contract = (await findContract(db, demo.myNumberContractId))!;
  await transitionContract(officer, contract.id, 'activate', contract.version);
}

/**
 * 漏えい等 of 特定個人情報: a file of 交付通知書 copies of 130 people missing after a holiday opening,
 * discovered yesterday at 16:30 (Japan); the city officer answers the breach-report questions, which
 * judge a report required (more than 100 people, 番号法第29条の4), 速報 within 3 days and 確報 within 30.
 */
async function reportMyNumberIncident(
  contractor: UseCaseContext,
  officer: UseCaseContext,
  contractId: string,
  now: () => Date,
) {
  const yesterday = addDays(toJapanDate(now()), -1);
  const incident = await reportIncident(contractor, {
    contractId,
    information: '個人番号カード交付通知書の控え（氏名・住所・生年月日・個人番号）',
    recordCount: 130,
    location: '南国市役所 市民課内 交付準備室',
    circumstances:
      '休日交付の後、交付通知書の控え130人分を綴じたファイルの所在が確認できない。執務室外への持出しの記録はなく、捜索中。',
    discoveredAt: `${yesterday}T16:30:00+09:00`,
  });
  await actOnIncident(
    officer,
    incident.id,
    'assess-breach',
    {
      breach: {
        learnedOn: yesterday,
        personsAffected: 130,
        myNumberPersonsAffected: 130,
        sensitive: false,
        ordinanceSensitive: false,
        financialDamage: false,
        unlawfulPurpose: false,
        myNumber: true,
        myNumberSystem: false,
        publiclyViewable: false,
        encrypted: false,
      },
    },
    incident.version,
  );
}

/** Seeds 南国市's operational reports, a meeting, a recommendation and an incident (see above). */
export async function seedNankokuOperations(db: Kysely<Database>, demo: NankokuDemo, now: () => Date) {
  await startContract(db, demo, now);
  const officer = await contextFor(db, 'officer@city.nankoku.example.jp', now);
  const chief = await contextFor(db, 'chief@city.nankoku.example.jp', now);
  const manager = await contextFor(db, 'manager@city.nankoku.example.jp', now);
  const contractor = await contextFor(db, 'manager@nankoku-madoguchi.example.jp', now);
  const contractId = demo.myNumberContractId;

  await updateOperationalReportSettings(
    officer,
    contractId,
    { requiredKinds: ['daily', 'monthly', 'yearly', 'adhoc'] },
    0,
  );
  await issueOperationalReports(db, now());

  const [monthly] = (await listOperationalReports(contractor, { contractId, kind: 'monthly', limit: 1 }))
    .items;
  if (monthly) {
    let r = await actOnOperationalReport(
      contractor,
      monthly.id,
      'submit',
      {
        results:
          '個人番号カード交付 1,284件（うち休日交付 96件）、申請支援 412件、マイナポータル利用登録支援 158件',
        serviceLevel: '平均待ち時間 14分（要求水準 20分以内）を達成。応対に関する苦情 1件',
        issues: '水曜日の夜間延長時間帯に来庁者が集中している',
      },
      monthly.version,
    );
    r = await actOnOperationalReport(officer, r.id, 'receive', { comment: '受け付けました' }, r.version);
    for (const signer of [officer, chief, manager])
      r = await actOnOperationalReport(signer, r.id, 'sign', {}, r.version);
  }
  const [daily] = (await listOperationalReports(contractor, { contractId, kind: 'daily', limit: 1 })).items;
  if (daily) {
    await actOnOperationalReport(
      contractor,
      daily.id,
      'submit',
      { results: '交付 58件、申請支援 17件、マイナポータル利用登録支援 6件。特記事項なし' },
      daily.version,
    );
  }

  const today = toJapanDate(now());
  const heldOn = monthly ? addDays(monthly.periodTo, 3) : today;
  await recordMeeting(contractor, {
    contractId,
    heldOn: [heldOn, today].sort()[0]!,
    attendees: [
      '市民課 比江 美咲',
      '市民課 岡豊 浩二（係長）',
      '株式会社南国窓口サービス 十市 亮（統括責任者）',
    ],
    minutes:
      '前月の業務実績とサービス水準の達成状況を報告。水曜日夜間の窓口体制について協議し、18時以降に1名を増員することとした。',
  });

  const recommendation = await recommendImprovement(chief, {
    contractId,
    title: '水曜日夜間の待ち時間の改善',
    contents:
      '水曜日の夜間延長時間帯の待ち時間が要求水準（20分以内）を超えている。原因を分析し、課題を抽出の上、改善策を策定して書面で報告すること。',
    dueOn: addDays(today, 14),
  });
  await actOnRecommendation(
    contractor,
    recommendation.id,
    'answer',
    {
      measures: '夜間帯の来庁予約枠を設け、18時以降に業務従事者を1名増員した。',
      result: '改善後2週間の水曜夜間の平均待ち時間は16分で、要求水準を満たした。',
    },
    recommendation.version,
  );
  await reportMyNumberIncident(contractor, officer, contractId, now);
}
