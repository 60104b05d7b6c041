// Checklist templates (チェックリスト様式) as data: sections of groups of items, each item word for
// word from its seed with an English gloss. Pure: no I/O, no imports from src/.

/** 確認結果: ○ 適 (ok), × 否 (ng), 該当なし (na, written "/" on the seed forms), △ 一部不備 (partial,
 * only on the 履行確認チェックシート). */
export type ItemResult = 'ok' | 'ng' | 'na' | 'partial';

export const RESULT_MARKS: Record<ItemResult, string> = { ok: '○', ng: '×', na: '/', partial: '△' };

/** 処理の形態 (seed 000): (1) paper handed over, (2) computing inside ward premises, (3) electronic
 * records taken off-site. The same names as the contracts' processing_modes. */
export type ProcessingMode = 'paper_handover' | 'on_premises' | 'offsite_electronic';

/** What a checklist is evidence of. Only 'privacy' inspections satisfy the yearly on-site
 * inspection of personal-information handling (年1回以上の実地検査). */
export type ChecklistPurpose = 'privacy' | 'performance' | 'labour' | 'contracting';

/** When a section applies; a section without a condition always applies. */
export interface AppliesWhen {
  /** The contract has this processing mode. */
  mode?: ProcessingMode;
  /** The inspected organisation has approved sub-contracts (再委託・再々委託). */
  subcontracting?: true;
}

export interface ChecklistItem {
  /** Stable key, unique in the template: [a-z0-9-]; a ward's own items start with "x-". */
  key: string;
  /** The mark the seed numbers it with: ア, 1, 1-1 … */
  label: string;
  text: string;
  textEn: string;
  /** A condition the seed prints before the item, e.g. (個人情報をもとに返還する場合). */
  condition?: string;
  conditionEn?: string;
  /** A note printed with the item (確認する主な帳票類, (注) …). */
  note?: string;
  noteEn?: string;
}

export interface ChecklistGroup {
  key: string;
  /** e.g. ①個人情報等の管理体制を確認; absent where the seed lists items directly. */
  heading?: string;
  headingEn?: string;
  items: ChecklistItem[];
}

export interface ChecklistSection {
  key: string;
  /** e.g. 1 組織体制等, or (1) 個人情報等を紙媒体で提供する委託. */
  heading: string;
  headingEn: string;
  /** The chapter the section belongs to when the seed nests it (2 取り扱う個人情報等の…). */
  chapter?: string;
  note?: string;
  noteEn?: string;
  appliesWhen?: AppliesWhen;
  groups: ChecklistGroup[];
}

export interface ChecklistTemplate {
  key: string;
  version: number;
  title: string;
  titleEn: string;
  /** The seed it reproduces. */
  source: string;
  purpose: ChecklistPurpose;
  /** Which results an inspector may record on this sheet. */
  results: readonly ItemResult[];
  /** What was seen (確認内容 / 確認事実) is required with these results. */
  observationRequiredFor: readonly ItemResult[];
  /** The legend printed above the items, e.g. 適→○ 否→× 該当なし→/. */
  legend: string;
  /** The column headings of the seed form: result, date, what was seen. */
  columns: { result: string; date: string; observation: string };
  /** The sign-off boxes (決裁欄) of the form, left to right. */
  signOffBoxes: readonly string[];
  /** Introductory text and the 確認要領 (how to inspect), paragraph by paragraph. */
  intro?: readonly string[];
  guidance?: readonly string[];
  sections: ChecklistSection[];
}

/** The facts that decide which sections apply to one inspected organisation. */
export interface Applicability {
  processingModes: readonly ProcessingMode[];
  subcontracting: boolean;
}

export function sectionApplies(section: ChecklistSection, facts: Applicability): boolean {
  const when = section.appliesWhen;
  if (!when) return true;
  if (when.mode && !facts.processingModes.includes(when.mode)) return false;
  if (when.subcontracting && !facts.subcontracting) return false;
  return true;
}

/** The template cut down to the sections that apply: what the inspector answers. */
export function applicableTemplate(template: ChecklistTemplate, facts: Applicability): ChecklistTemplate {
  return { ...template, sections: template.sections.filter((s) => sectionApplies(s, facts)) };
}

/** Every item in order, with where it sits. */
export function itemsOf(
  template: Pick<ChecklistTemplate, 'sections'>,
): Array<{ section: ChecklistSection; group: ChecklistGroup; item: ChecklistItem }> {
  return template.sections.flatMap((section) =>
    section.groups.flatMap((group) => group.items.map((item) => ({ section, group, item }))),
  );
}

/** A group from [label, text, gloss] rows, keyed `${key}-1`, `${key}-2` … in order. */
export function group(
  key: string,
  heading: string | undefined,
  headingEn: string | undefined,
  rows: ReadonlyArray<readonly [string, string, string]>,
): ChecklistGroup {
  return {
    key,
    ...(heading !== undefined && { heading }),
    ...(headingEn !== undefined && { headingEn }),
    items: rows.map(([label, text, textEn], i) => ({ key: `${key}-${i + 1}`, label, text, textEn })),
  };
}
