import type { FieldError } from '../shared/errors.js';

// What the ward officer records on a report item (報告事項) for the council report as seed 003 lays
// it out: the cover sheet (条例の根拠 and the kinds of outsourcing), 事業の概要, the meeting date,
// how the contractor is being chosen when the report precedes the choice, and the parts of a bundled
// contract (一括契約) with ○/× for personal information and the council's earlier approval.
// Pure: the checks here are the API's and the page form's alike.

export const OUTSOURCING_KINDS = ['computer_processing', 'collection', 'provision', 'other'] as const;
export type OutsourcingKind = (typeof OUTSOURCING_KINDS)[number];

/** The kinds as the cover sheet names them (seed 003: 「◇電子計算機による個人情報の処理委託、…」). */
export const OUTSOURCING_KIND_JA: Record<OutsourcingKind, string> = {
  computer_processing: '電子計算機による個人情報の処理委託',
  collection: '個人情報の収集を伴う委託',
  provision: '重要な個人情報の提供を伴う委託',
  other: 'その他の委託',
};

/** 一括契約の内訳: one part of a bundled contract. */
export interface BundledPart {
  /** 業務内容 */
  name: string;
  /** 個人情報の取扱い ○/× */
  personalInfo: boolean;
  /** 既承認: the council's earlier approval (平成9年度第1回本審議会にて了承済), null when none. */
  priorApproval: string | null;
  /** 新規追加業務: a part added by this report (its approval is this report itself). */
  newlyAdded: boolean;
}

export interface ReportCover {
  /** 条例の根拠 (第14条第1項); null: the ward's setting. */
  ordinanceArticle: string | null;
  outsourcingKinds: OutsourcingKind[];
  /** 事業の概要 (事業名 and 担当課 come from the item itself). */
  overview: { purpose: string | null; targetPeople: string | null; description: string | null };
  /** 会議日, when the item is not on a scheduled meeting. */
  meetingOn: string | null;
  /** 選定方法 while the contractor is not chosen yet (shown instead of the company's name). */
  contractorSelection: { method: string; decisionNote: string | null } | null;
  /** Several parts: a bundled contract; none: an ordinary one. */
  parts: BundledPart[];
}

export const EMPTY_COVER: ReportCover = {
  ordinanceArticle: null,
  outsourcingKinds: [],
  overview: { purpose: null, targetPeople: null, description: null },
  meetingOn: null,
  contractorSelection: null,
  parts: [],
};

export const MAX_PARTS = 50;

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function tooLong(path: string, value: string | null | undefined, max: number, ja: string): FieldError[] {
  if (value == null || value.length <= max) return [];
  return [
    { path, message: `at most ${max} characters`, message_ja: `${ja}は${max}文字以内で入力してください` },
  ];
}

/** Every refusal of a cover, by field, in both languages; empty when it may be recorded. */
export function checkReportCover(cover: ReportCover): FieldError[] {
  const errors: FieldError[] = [
    ...tooLong('ordinanceArticle', cover.ordinanceArticle, 100, '条例の根拠（条項）'),
    ...tooLong('overview.purpose', cover.overview.purpose, 2000, '目的'),
    ...tooLong('overview.targetPeople', cover.overview.targetPeople, 1000, '対象者'),
    ...tooLong('overview.description', cover.overview.description, 8000, '事業内容'),
  ];
  cover.outsourcingKinds.forEach((kind, i) => {
    if (!OUTSOURCING_KINDS.includes(kind)) {
      errors.push({
        path: `outsourcingKinds.${i}`,
        message: `unknown kind of outsourcing: ${kind}`,
        message_ja: '委託の種類が正しくありません',
      });
    } else if (cover.outsourcingKinds.indexOf(kind) !== i) {
      errors.push({
        path: `outsourcingKinds.${i}`,
        message: 'named twice',
        message_ja: '委託の種類が重複しています',
      });
    }
  });
  if (cover.meetingOn !== null && !isCalendarDate(cover.meetingOn)) {
    errors.push({
      path: 'meetingOn',
      message: 'not a date (YYYY-MM-DD)',
      message_ja: '会議日は日付（例：2026-12-10）で入力してください',
    });
  }
  const selection = cover.contractorSelection;
  if (selection) {
    if (!selection.method.trim()) {
      errors.push({
        path: 'contractorSelection.method',
        message: 'say how the contractor is being chosen (e.g. プロポーザル), or record none',
        message_ja: '事業者が未決定のときは選定方法（例：プロポーザル、指名競争入札）を入力してください',
      });
    }
    errors.push(
      ...tooLong('contractorSelection.method', selection.method, 300, '選定方法'),
      ...tooLong('contractorSelection.decisionNote', selection.decisionNote, 300, '事業者決定の予定'),
    );
  }
  errors.push(...checkParts(cover.parts));
  return errors;
}

function checkParts(parts: BundledPart[]): FieldError[] {
  const errors: FieldError[] = [];
  if (parts.length === 1) {
    errors.push({
      path: 'parts',
      message: 'a bundled contract has at least two parts; record none for an ordinary contract',
      message_ja: '一括契約の内訳は2件以上です（一括契約でなければ内訳は不要です）',
    });
  }
  if (parts.length > MAX_PARTS) {
    errors.push({
      path: 'parts',
      message: `at most ${MAX_PARTS} parts`,
      message_ja: `一括契約の内訳は${MAX_PARTS}件までです`,
    });
  }
  const seen = new Set<string>();
  parts.forEach((part, i) => {
    const at = `parts.${i}`;
    const name = part.name.trim();
    if (!name) {
      errors.push({
        path: `${at}.name`,
        message: 'name the part',
        message_ja: `${i + 1}件目の業務内容を入力してください`,
      });
    } else if (seen.has(name)) {
      errors.push({
        path: `${at}.name`,
        message: 'this part is listed twice',
        message_ja: `${i + 1}件目の業務内容「${name}」が重複しています`,
      });
    }
    seen.add(name);
    errors.push(
      ...tooLong(`${at}.name`, part.name, 300, `${i + 1}件目の業務内容`),
      ...tooLong(`${at}.priorApproval`, part.priorApproval, 300, `${i + 1}件目の審議会の承認`),
    );
    if (part.priorApproval !== null && !part.personalInfo) {
      errors.push({
        path: `${at}.priorApproval`,
        message: 'a part without personal information is not reported to the council, so it has no approval',
        message_ja: `${i + 1}件目は個人情報を取り扱わないため、審議会の承認は記録できません`,
      });
    }
    if (part.priorApproval !== null && part.newlyAdded) {
      errors.push({
        path: `${at}.priorApproval`,
        message: 'a newly added part is reported now; it has no earlier approval',
        message_ja: `${i + 1}件目は新規追加業務のため、既承認とはできません（今回の報告事項です）`,
      });
    }
  });
  return errors;
}

/** The 「本審議会への報告」 column: — without personal information, ○ with the earlier approval, × this report. */
export function approvalMark(part: BundledPart): { mark: '○' | '×' | '—'; note: string } {
  if (!part.personalInfo) return { mark: '—', note: '' };
  if (part.priorApproval) return { mark: '○', note: part.priorApproval };
  return { mark: '×', note: '今回の報告事項' };
}
