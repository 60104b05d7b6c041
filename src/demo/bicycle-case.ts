import type { Kysely } from 'kysely';
import { defineAbilityFor } from '../../policies/app-ability.js';
import type { Database } from '../db/database.js';
import { actOnApproval } from '../domain/approvals/act-on-approval.js';
import { applyForDelegation } from '../domain/approvals/apply-for-delegation.js';
import { actorQuery, toActor } from '../domain/auth/load-actor.js';
import { createContract } from '../domain/contracts/manage-contracts.js';
import { transitionContract } from '../domain/contracts/transition-contract.js';
import { decideHandlerList, submitHandlerList } from '../domain/handlers/handler-lists.js';
import { createHandler, recordPledge, recordTraining } from '../domain/handlers/manage-handlers.js';
import type { Direction } from '../domain/registers/register-document.js';
import { type RegisterItemInput, saveRegister } from '../domain/registers/save-register.js';
import type { UseCaseContext } from '../domain/shared/context.js';

// The seed 003 case: 新宿区 交通対策課 bundles its bicycle-measures work into one contract,
// 総合自転車対策業務 (with the new call centre), for the current fiscal year (令和8年度).

async function contextFor(db: Kysely<Database>, email: string, now: () => Date): Promise<UseCaseContext> {
  const row = await actorQuery(db).where('users.email', '=', email).executeTakeFirstOrThrow();
  const actor = toActor(row);
  return { db, actor, ability: defineAbilityFor(actor), requestId: 'demo-seed', now };
}

const item = (
  name: string,
  code: string | null,
  direction: Direction,
  includesPastYears = false,
): RegisterItemInput => ({
  name,
  catalogueCode: code,
  direction,
  includesPastYears,
});

const VEHICLE_OWNER: Array<[string, string]> = [
  ['住所', 'address'],
  ['氏名', 'name'],
  ['電話番号', 'phone'],
  ['自転車防犯登録番号', 'bicycle_registration'],
  ['原付標識交付登録番号', 'moped_plate'],
  ['車体番号', 'frame_number'],
  ['車両番号標', 'vehicle_plate'],
];

const PARKING_APPLICANT: Array<[string, string]> = [
  ['住所', 'address'],
  ['氏名', 'name'],
  ['電話番号', 'phone'],
  ['申請箇所', 'application_place'],
  ['利用期間', 'usage_period'],
  ['自転車防犯登録番号', 'bicycle_registration'],
  ['原付標識交付登録番号', 'moped_plate'],
  ['勤務先', 'workplace'],
  ['通学先', 'school'],
  ['利用料免除資格証明（身体障害者手帳、生活保護受給者証、学生証）', 'fee_exemption_proof'],
];

export const BICYCLE_REGISTER = {
  subjectGroups: [
    {
      name: '問合せ者',
      items: [
        item('氏名', 'name', 'collected'),
        item('住所', 'address', 'collected'),
        item('電話番号', 'phone', 'collected'),
        item('問合せ内容', 'inquiry', 'collected'),
      ],
    },
    { name: '撤去車両所有者', items: VEHICLE_OWNER.map(([n, c]) => item(n, c, 'provided', true)) },
    {
      name: '撤去車両返還希望者',
      items: [
        item('氏名', 'name', 'collected'),
        item('住所', 'address', 'collected'),
        item('電話番号', 'phone', 'collected'),
      ],
    },
    {
      name: '駐輪施設利用希望者',
      items: [
        ...PARKING_APPLICANT.map(([n, c]) => item(n, c, 'collected')),
        ...PARKING_APPLICANT.map(([n, c]) => item(n, c, 'provided')),
      ],
    },
  ],
  media: [
    { kind: 'paper' as const, name: '放置自転車等返還請求書' },
    { kind: 'paper' as const, name: '駐輪施設利用申請書' },
    { kind: 'paper' as const, name: '駐輪施設利用申請者リスト' },
    { kind: 'usb' as const, name: '暗号化USB（区が提供する撤去車両所有者情報）' },
    { kind: 'contractor_pc' as const, name: '委託先のパソコン' },
    { kind: 'cloud' as const, name: '管理システム（委託先が使用するクラウドサービス）' },
  ],
  note: '審議会報告（総合自転車対策業務の一括委託）のとおり登録',
};

const WARD_MEASURES = {
  operational: [
    '契約にあたり、特記事項を付すとともに、新宿区情報セキュリティポリシー及び新宿区個人情報保護条例の遵守義務を付す。',
    '契約履行の間、区職員が複数で立入り調査を実施するとともに、速やかに状況報告をさせるよう指導する。',
    '情報漏えい等の事件・事故を防止するために、委託先が、委託先の従業員に個人情報保護に関する研修を受けさせるなど必要なセキュリティ対策を講じさせるよう指導する。',
    '区の職員が、全体の業務フローを作成し、委託先と共有する。',
  ],
  system: ['区が提供する撤去車両所有者情報（USB）は暗号化する。'],
};

const CONTRACTOR_MEASURES = {
  operational: [
    '取扱責任者及び取扱者の名簿を提出させる。',
    '委託先が取り扱う紙媒体の情報は、施錠できるキャビネットに保管し、キャビネットは常時施錠させるとともに、取扱責任者に鍵を管理させ、業務を行う執務室から持ち出させない。',
    '区から提供された撤去車両所有者情報（USB）は、納品時、返却時を除いて、業務を行う執務室外への持ち出しを禁止させる。',
    '暗号化した個人情報データ（電磁的媒体）とパスワード通知書の受渡しは、それぞれ別の機会を設定し、手渡しで行わせる。',
    '業務履行後、紙は廃棄させ、電子データは消去させる。電磁的媒体（USB）、パスワード通知書は返却させ、区に紙の廃棄と電子データの消去を行ったことの報告書を提出させる。',
    'データの消去は、データ消去ソフトを利用した論理消去等の方法により行い、消去したデータが復元できない状態とする。',
  ],
  system: [
    '委託先がパソコン及びクラウドサービスを使用する際は、ID・パスワードによる認証を行わせるとともに、個人ごとに情報へのアクセス制限等の対策を講じさせる。',
    'ウイルス対策ソフトやファイアウォール等による保護対策を行い、外部による本件サーバへの侵入を防止させる。',
    '委託先が作成した電磁的媒体（USB）には、パスワードを設定させる。',
    'ログ監視ソフト等により、本業務の各対象パソコンのログを収集させ、管理させることにより、情報漏洩等の事故防止対策を徹底させる。',
  ],
};

/** Registers the bicycle-measures contract with its register and handler list, and activates it. */
export async function seedBicycleCase(
  db: Kysely<Database>,
  ids: { departmentId: string; contractorOrgId: string },
  now: () => Date,
): Promise<string> {
  const officer = await contextFor(db, 'officer@city.shinjuku.example.jp', now);
  const contractor = await contextFor(db, 'manager@cycle-support.example.jp', now);

  const contract = await createContract(officer, {
    departmentId: ids.departmentId,
    contractorOrgId: ids.contractorOrgId,
    title: '総合自転車対策業務一括委託',
    contractNumber: '8新交対契約第134号',
    contractDate: '2026-03-27',
    periodFrom: '2026-04-01',
    periodTo: '2027-03-31',
    amountYen: 184_800_000,
    place: '新宿区内の自転車等駐輪場・自転車保管場所及び受託者の執務室（コールセンター）',
    handlesPersonalInfo: true,
    processingModes: ['paper_handover', 'offsite_electronic'],
    selectionMethod: 'プロポーザルにより選定（プライバシーマーク取得がプロポーザル参加条件）',
    requiredCertifications: ['pmark'],
    workDescription:
      '①新宿駅・高田馬場駅周辺地域の放置自転車等の整理指導業務等 ②放置自転車等の整理指導業務等 ③放置自転車等調査 ④放置自転車等撤去 ⑤新宿区自転車保管場所管理業務及び自転車等返還手数料の収入（徴収）事務 ⑥新宿区立自転車等駐輪場管理業務及び自転車等駐輪場使用料・自転車等整理区画手数料の収入（徴収）事務 ⑦駐輪施設定期利用申請受付業務 ⑧自転車対策コールセンター運営業務',
    reason:
      '放置自転車対策に係る7件の委託業務を一括化し、連携強化を図ることにより一層効率的な放置自転車対策を実施する。また、問合せ先を一元化し、様々な問い合わせに対してワンストップで対応できるよう「自転車対策コールセンター運営業務」を新規業務として追加し、区民サービスの向上を図る。',
    wardMeasures: WARD_MEASURES,
    contractorMeasures: CONTRACTOR_MEASURES,
  });
  await saveRegister(officer, contract.id, BICYCLE_REGISTER, 0);

  const people: Array<[string, string, string, 'responsible' | 'handler']> = [
    ['西新宿 健', 'ニシシンジュク ケン', '統括責任者', 'responsible'],
    ['戸山 恵', 'トヤマ メグミ', 'コールセンター主任', 'handler'],
    ['早稲田 拓也', 'ワセダ タクヤ', '保管場所管理員', 'handler'],
  ];
  const entries = [];
  for (const [fullName, fullNameKana, jobTitle, role] of people) {
    const handler = await createHandler(contractor, { fullName, fullNameKana, jobTitle });
    await recordPledge(contractor, handler.id, { signedOn: '2026-03-25' });
    await recordTraining(contractor, handler.id, {
      heldOn: '2026-03-30',
      subject: '個人情報保護及び情報セキュリティ研修',
    });
    entries.push({ handlerId: handler.id, role, effectiveFrom: '2026-04-01' });
  }
  const submission = await submitHandlerList(contractor, contract.id, entries);
  await decideHandlerList(
    officer,
    contract.id,
    submission.id,
    'acknowledge',
    '名簿を確認しました',
    submission.version,
  );
  // 委託の承認: applied for by 交通対策課, signed 担当者 → 係長 → 課長, reported to the council.
  const chief = await contextFor(db, 'chief@city.shinjuku.example.jp', now);
  const manager = await contextFor(db, 'manager@city.shinjuku.example.jp', now);
  let approval = await applyForDelegation(officer, contract.id, { councilMode: 'report' });
  approval = await actOnApproval(officer, approval.id, 'submit', {}, approval.version);
  approval = await actOnApproval(officer, approval.id, 'start-review', {}, approval.version);
  approval = await actOnApproval(
    officer,
    approval.id,
    'approve',
    { comment: '内容を確認しました' },
    approval.version,
  );
  approval = await actOnApproval(chief, approval.id, 'approve', {}, approval.version);
  await actOnApproval(manager, approval.id, 'approve', { comment: '承認する' }, approval.version);

  const active = await transitionContract(officer, contract.id, 'activate', contract.version);
  return active.id;
}
