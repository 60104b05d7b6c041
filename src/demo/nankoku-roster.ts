import { withSeed004Section } from '../../forms/checklist/seed004-items.js';
import { fukuokaSupervisionChecklist } from '../../forms/fukuoka-supervision/fukuoka-supervision.form.js';
import type { RosterRole } from '../db/tables/contracts.js';
import { uploadAttachment } from '../domain/attachments/upload-attachment.js';
import { declareDevice } from '../domain/devices/declare-device.js';
import { actOnDevice } from '../domain/devices/devices.js';
import { decideHandlerList, submitHandlerList } from '../domain/handlers/handler-lists.js';
import { createHandler, recordPledge, recordTraining } from '../domain/handlers/manage-handlers.js';
import { createTemplateVersion } from '../domain/inspections/create-template-version.js';
import { nameMyNumberAreas } from '../domain/my-number/my-number.js';
import type { UseCaseContext } from '../domain/shared/context.js';
import { addDays, toJapanDate } from '../domain/shared/japan-date.js';

// Seed 004 filled in for 南国市's contract: the 業務従事者名簿 with the 統括責任者, a 業務責任者 (and a
// 副業務責任者) per task and the 業務従事者, each with a pledge whose copy reaches the city; the
// areas where 特定個人情報 is handled; a device declared by a 業務責任者 and permitted in advance,
// another awaiting the city's decision; and the city's checklist version that checks devices,
// 届書等 and pledges.

/** The pledge's wording as the demo company uses it (seed 004 5(1)③). */
export const NANKOKU_PLEDGE_WORDING = '南国窓口サービス 誓約書 令和8年3月版（契約終了後・退職後も有効）';

/** A one-page PDF standing for the signed copy. */
const PLEDGE_COPY = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

const TASKS = {
  card: '個人番号カード関係業務',
  application: '個人番号カード申請支援',
  portal: 'マイナポータル利用登録支援',
};

const PEOPLE: Array<[string, string, string, RosterRole, string | null, boolean]> = [
  ['十市 亮', 'トオチ リョウ', '統括責任者', 'general_manager', null, true],
  ['岩村 健一', 'イワムラ ケンイチ', '業務責任者', 'task_lead', TASKS.card, true],
  ['田村 由美', 'タムラ ユミ', '副業務責任者', 'deputy_task_lead', TASKS.card, true],
  ['前浜 翔', 'マエハマ ショウ', '業務責任者', 'task_lead', TASKS.application, true],
  ['物部 花', 'モノベ ハナ', '業務責任者', 'task_lead', TASKS.portal, false],
  ['久礼田 彩', 'クレダ アヤ', '業務従事者', 'worker', TASKS.card, true],
  ['稲生 光', 'イナブ ヒカル', '業務従事者', 'worker', TASKS.application, true],
];

export interface NankokuRoster {
  handlerIds: Record<string, string>;
  submissionId: string;
  /** ノートPC, permitted in advance. */
  permittedDeviceId: string;
  /** USBメモリ, awaiting the city's decision. */
  declaredDeviceId: string;
}

export async function seedNankokuRoster(
  wardId: string,
  contractId: string,
  city: { officer: UseCaseContext },
  contractor: UseCaseContext,
): Promise<NankokuRoster> {
  const { officer } = city;
  await nameMyNumberAreas(
    officer,
    contractId,
    ['南国市役所 市民課窓口（個人番号カード交付窓口）', '市民課内 交付準備室（市が指定する執務場所）'],
    0,
  );
  await createTemplateVersion(officer, fukuokaSupervisionChecklist.key, {
    ...withSeed004Section(fukuokaSupervisionChecklist),
    basedOnVersion: 1,
    note: '個人番号カード関係業務委託（仕様書 5）の確認項目を追加',
  });

  const today = toJapanDate(contractor.now());
  const handlerIds: Record<string, string> = {};
  const entries = [];
  for (const [fullName, fullNameKana, jobTitle, role, task, handlesMyNumber] of PEOPLE) {
    const handler = await createHandler(contractor, { fullName, fullNameKana, jobTitle });
    const copy = await uploadAttachment(contractor, {
      filename: `誓約書（写し）${fullName}.pdf`,
      declaredType: 'application/pdf',
      bytes: PLEDGE_COPY,
      purpose: 'pledge',
      wardId,
    });
    await recordPledge(contractor, handler.id, {
      signedOn: '2026-03-20',
      attachmentId: copy.id,
      wordingVersion: NANKOKU_PLEDGE_WORDING,
      bindsAfterContract: true,
      bindsAfterLeaving: true,
    });
    await recordTraining(contractor, handler.id, {
      heldOn: '2026-03-27',
      subject: '個人情報及び特定個人情報の適正な取扱いに関する研修',
    });
    handlerIds[fullName] = handler.id;
    entries.push({ handlerId: handler.id, role, effectiveFrom: today, task, handlesMyNumber });
  }
  // 業務従事者名簿: reported at the start of the contract; the copies reach the city with it.
  const submission = await submitHandlerList(contractor, contractId, entries);
  await decideHandlerList(
    officer,
    contractId,
    submission.id,
    'acknowledge',
    '業務従事者名簿及び誓約書の写しを確認しました',
    submission.version,
  );

  const inAWeek = addDays(today, 7);
  const laptop = await declareDevice(contractor, {
    contractId,
    declarantHandlerId: handlerIds['岩村 健一']!,
    deviceName: 'ノートPC（受託事業者所有 1台）',
    specification:
      'Windows 11 Pro、ディスク暗号化（BitLocker）、無線LAN・Bluetooth無効化、USB記録媒体の使用制限',
    purpose: '受託事業者の本部への報告業務及び業務従事者への連絡調整',
    storagePlace: '市民課内 施錠できる保管庫（市と協議して決定）',
    usePlace: '市民課内 交付準備室（指定された執務場所）',
    bringFrom: inAWeek,
    noNetworkAcknowledged: true,
  });
  await actOnDevice(
    officer,
    laptop.id,
    'permit',
    { comment: '市のネットワークには接続しないこと。保管庫で保管すること。' },
    laptop.version,
  );
  const usb = await declareDevice(contractor, {
    contractId,
    declarantHandlerId: handlerIds['前浜 翔']!,
    deviceName: 'USBメモリ（暗号化機能付き 1本）',
    specification: '容量32GB、ハードウェア暗号化、パスワード保護',
    purpose: '業務月報の原稿を本部へ持ち帰るため',
    storagePlace: '市民課内 施錠できる保管庫',
    usePlace: '市民課内 交付準備室',
    bringFrom: inAWeek,
    noNetworkAcknowledged: true,
  });
  return {
    handlerIds,
    submissionId: submission.id,
    permittedDeviceId: laptop.id,
    declaredDeviceId: usb.id,
  };
}
