import type { Measures } from '../../db/tables/contracts.js';
import { type Direction, MEDIA_JA, type RegisterDocument } from '../registers/register-document.js';

/** A P-mark in force: its number and last valid day. */
export interface HeldMark {
  number: string;
  validUntil: string;
}

/** 審議会 報告事項, in the shape of seed 003's table: every field filled from the records. */
export interface CouncilReportContent {
  kind: 'delegation' | 'subdelegation';
  /** 件名 */
  subject: string;
  /** 保有課(担当課) */
  department: string;
  /** 登録業務の名称 */
  businessName: string;
  /**
   * 委託先 and how it was chosen; `certifications`: the kinds it held in force when the item was made
   * ('pmark', 'isms', 'ismap'), from its recorded certifications (items made before those were
   * recorded hold the contract's 求める認証 instead); `privacyMark`: its P-mark's number and end.
   */
  contractor: {
    name: string;
    selectionMethod: string | null;
    certifications: string[];
    privacyMark?: HeldMark | null;
  };
  /** 再委託先, with its P-mark status from its records like the contractor's. */
  subcontractor: { name: string; certifications?: string[]; privacyMark?: HeldMark | null } | null;
  /** 情報項目: per direction, per subject group */
  items: Record<Direction, Array<{ group: string; items: string[]; includesPastYears: boolean }>>;
  /** 記録媒体 */
  media: string[];
  /** 委託理由 / 再委託理由 */
  reason: string;
  /** 委託の内容 / 再委託の内容 */
  content: string;
  /** 開始時期及び期限 */
  period: { from: string; to: string };
  /** 委託にあたり区が行う情報保護対策 */
  wardMeasures: Measures;
  /** 受託事業者（再委託先）に行わせる情報保護対策 */
  contractorMeasures: Measures;
  /** 再委託先に対する管理及び監督の方法 */
  supervisionMethod: string | null;
}

/** Groups a register the way the council report lists it: 《委託先が収集する項目》《委託先に提供する項目》. */
export function itemsByDirection(register: RegisterDocument): CouncilReportContent['items'] {
  const out: CouncilReportContent['items'] = { collected: [], provided: [] };
  for (const direction of ['collected', 'provided'] as const) {
    for (const group of register.subjectGroups) {
      const items = group.items.filter((i) => i.direction === direction);
      if (items.length) {
        out[direction].push({
          group: group.name,
          items: items.map((i) => i.name),
          includesPastYears: items.some((i) => i.includesPastYears),
        });
      }
    }
  }
  return out;
}

export function mediaLines(register: RegisterDocument): string[] {
  return register.media.map((m) => {
    if (m.kind === 'paper') return `紙（「${m.name}」）`;
    // "委託先のパソコン（委託先のパソコン）" says it twice: the name alone is enough then
    return m.name === MEDIA_JA[m.kind] || m.name.includes(MEDIA_JA[m.kind])
      ? m.name
      : `${MEDIA_JA[m.kind]}（${m.name}）`;
  });
}

/** 「A」、「B」及び「C」: a Japanese list, the last joined with 及び. */
export function japaneseList(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join('、')}及び${parts[parts.length - 1]}`;
}

/**
 * 記録媒体 as one phrase, grouped by kind the way seed 003 writes it:
 * 紙（「放置自転車等返還請求書」、「駐輪施設利用申請書」及び「駐輪施設利用申請者リスト」）及び
 * 電磁的媒体（USB、委託先のパソコン及び管理システム（…））. Reads the stored lines, so items
 * reported before the grouping read the same.
 */
export function mediaPhrase(lines: string[]): string {
  const paper: string[] = [];
  const electronic: string[] = [];
  const other: string[] = [];
  for (const line of lines) {
    const named = /^紙（(「.*」)）$/.exec(line);
    if (named) paper.push(named[1]!);
    else if (line === '紙') paper.push('');
    else if (line.startsWith(`${MEDIA_JA.other}（`)) other.push(line);
    else electronic.push(line);
  }
  const groups: string[] = [];
  const paperNames = paper.filter(Boolean);
  if (paper.length) groups.push(paperNames.length ? `紙（${japaneseList(paperNames)}）` : '紙');
  if (electronic.length) groups.push(`電磁的媒体（${japaneseList(electronic)}）`);
  groups.push(...other);
  return groups.join('及び');
}
