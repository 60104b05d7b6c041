import { applicableTemplate, itemsOf } from '../../forms/checklist/checklist.js';
import { standardTemplate } from '../../forms/checklist/standard-templates.js';
import { itemsByDirection, mediaLines } from '../../src/domain/council/council-report-content.js';
import type { RegisterDocument, RegisterItem } from '../../src/domain/registers/register-document.js';
import { SCALE } from './scale.js';

// The JSON documents the generated rows share, built once with the product's own types and
// functions (the checklist cut to the sections that apply, the council report's item lines), so
// that every use case reading them back finds what it would have written itself.

const GROUPS = [
  ['申請者', ['氏名', 'フリガナ', '生年月日', '性別', '住所', '電話番号', 'メールアドレス', '申請日']],
  ['世帯員', ['氏名', '続柄', '生年月日', '住民票コード', '転入日', '世帯番号', '国籍', '職業']],
  [
    '利用者',
    ['氏名', '利用者番号', '利用開始日', '利用区分', '緊急連絡先', '所得区分', '口座番号', '口座名義'],
  ],
  ['問合せ者', ['氏名', '電話番号', '問合せ内容', '対応履歴', '受付日時', '回答日', '担当者名', '備考']],
  ['関係者', ['氏名', '所属', '役職', '連絡先', '来庁日', '面談記録', '同意の有無', '署名']],
] as const;

function item(group: number, index: number, name: string): RegisterItem {
  return {
    key: `g${group + 1}-i${index + 1}`,
    name,
    catalogueCode: null,
    direction: (group + index) % 3 === 0 ? 'collected' : 'provided',
    includesPastYears: index % 5 === 0,
    specialCategory: null,
    myNumber: false,
    specialApproval: null,
  };
}

/** A register of 40 items in five subject groups, on paper, USB, the contractor's PCs and a cloud. */
export function contractRegister(): RegisterDocument {
  const doc: RegisterDocument = {
    subjectGroups: GROUPS.map(([name, items], g) => ({
      name,
      items: items.map((n, i) => item(g, i, n)),
    })),
    media: [
      { kind: 'paper', name: '申請書' },
      { kind: 'usb', name: '暗号化USBメモリ' },
      { kind: 'contractor_pc', name: '委託先のパソコン' },
      { kind: 'cloud', name: '受付管理クラウドシステム' },
    ],
  };
  if (doc.subjectGroups.reduce((n, g) => n + g.items.length, 0) !== SCALE.dataItems)
    throw new Error('the register template does not hold SCALE.dataItems items');
  return doc;
}

/** A sub-contract's register: the first items of the parent's first groups (inside the parent's). */
export function subcontractRegister(parent: RegisterDocument): RegisterDocument {
  let left = SCALE.subcontractDataItems;
  const subjectGroups = [];
  for (const group of parent.subjectGroups) {
    if (left <= 0) break;
    subjectGroups.push({ name: group.name, items: group.items.slice(0, left) });
    left -= group.items.length;
  }
  return { subjectGroups, media: parent.media.slice(1, 3) };
}

export const MEASURES = {
  ward: {
    operational: ['個人情報保護に関する特記事項を契約書に添付する', '実地検査を年1回以上行う'],
    system: ['受渡しは暗号化した電子媒体で行う'],
  },
  contractor: {
    operational: ['取扱者を限定し名簿を提出する', '取扱者に誓約書を提出させ研修を行う'],
    system: ['アクセス権限を取扱者に限定する', '作業端末を暗号化する'],
  },
};

/** The protection checksheet as it applies to a contractor handling paper on its premises and sub-contracting. */
export function inspectionTemplate() {
  const standard = standardTemplate('toshima-protection');
  if (!standard) throw new Error('the toshima-protection template is missing');
  const facts = { processingModes: ['paper_handover', 'on_premises'] as const, subcontracting: true };
  const applied = applicableTemplate(standard, facts);
  return {
    key: standard.key,
    version: standard.version,
    purpose: standard.purpose,
    template: applied,
    applicability: {
      processingModes: facts.processingModes,
      subcontracting: facts.subcontracting,
      appliedSections: applied.sections.map((s) => s.key),
      skippedSections: standard.sections.filter((s) => !applied.sections.includes(s)).map((s) => s.key),
    },
    itemKeys: itemsOf(applied).map(({ item }) => item.key),
  };
}

/** The council report item's register lines, as createCouncilReportItem derives them. */
export function councilLines(register: RegisterDocument) {
  return { items: itemsByDirection(register), media: mediaLines(register) };
}

export const BUSINESSES = [
  '住民税課税資料作成業務',
  '子育て支援給付事務',
  '放置自転車対策業務',
  '介護保険認定調査業務',
  '図書館窓口業務',
  '健康診査受付業務',
  '保育所入所受付業務',
  '区民相談コールセンター業務',
  '戸籍証明書発送業務',
  '国民健康保険料収納業務',
  '学校給食費徴収業務',
  '特定健診データ入力業務',
  '児童手当支給事務',
  '生活保護ケース記録整理業務',
  '選挙人名簿整理業務',
  '施設予約システム運用業務',
];

export const DEPARTMENTS = [
  '区民課',
  '税務課',
  '子育て支援課',
  '高齢福祉課',
  '健康推進課',
  '交通対策課',
  '情報政策課',
  '生活福祉課',
  '国保年金課',
  '学務課',
  '中央図書館',
  '選挙管理委員会事務局',
];
