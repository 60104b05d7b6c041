import type { FieldError } from '../shared/errors.js';

// The data-item register (情報項目) of one contract: whose data (subject groups, e.g.
// 撤去車両所有者), which items, in which direction (委託先が収集する項目 / 委託先に提供する項目), and on
// which recording media (記録媒体). Pure: no I/O.

export const DIRECTIONS = ['collected', 'provided'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const SPECIAL_CATEGORIES = ['belief', 'social_status', 'crime'] as const;
export type SpecialCategory = (typeof SPECIAL_CATEGORIES)[number];
export const MEDIA_KINDS = ['paper', 'usb', 'contractor_pc', 'cloud', 'other'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const DIRECTION_JA: Record<Direction, string> = {
  collected: '委託先が収集する項目',
  provided: '委託先に提供する項目',
};
export const MEDIA_JA: Record<MediaKind, string> = {
  paper: '紙',
  usb: 'USB',
  contractor_pc: '委託先のパソコン',
  cloud: 'クラウドサービス',
  other: 'その他',
};
export const SPECIAL_JA: Record<SpecialCategory, string> = {
  belief: '思想・信条・宗教',
  social_status: '社会的差別の原因となる事実',
  crime: '犯罪',
};

export interface SpecialApproval {
  approvedBy: string;
  approvedAt: string;
  note: string;
}

export interface RegisterItem {
  /** Stable identity across revisions. */
  key: string;
  name: string;
  catalogueCode: string | null;
  direction: Direction;
  includesPastYears: boolean;
  specialCategory: SpecialCategory | null;
  myNumber: boolean;
  specialApproval: SpecialApproval | null;
}

export interface SubjectGroup {
  name: string;
  items: RegisterItem[];
}

export interface Medium {
  kind: MediaKind;
  /** Form names for paper (「放置自転車等返還請求書」), the system or device otherwise. */
  name: string;
}

export interface RegisterDocument {
  subjectGroups: SubjectGroup[];
  media: Medium[];
}

export const EMPTY_REGISTER: RegisterDocument = { subjectGroups: [], media: [] };

/** How an item is recognised between a register and its parent's, and across revisions. */
export function itemIdentity(group: string, item: { name: string; direction: Direction }): string {
  return `${group.trim()}\u0000${item.name.trim()}\u0000${item.direction}`;
}

export function mediumIdentity(medium: Medium): string {
  return `${medium.kind}\u0000${medium.name.trim()}`;
}

/** Duplicates and special categories without the ward's approval. */
export function checkRegister(doc: RegisterDocument): FieldError[] {
  const errors: FieldError[] = [];
  const groups = new Set<string>();
  doc.subjectGroups.forEach((group, g) => {
    if (groups.has(group.name.trim())) {
      errors.push({
        path: `subjectGroups.${g}.name`,
        message: `duplicate subject group ${group.name}`,
        message_ja: `対象者「${group.name}」が重複しています`,
      });
    }
    groups.add(group.name.trim());
    const seen = new Set<string>();
    group.items.forEach((item, i) => {
      const id = itemIdentity(group.name, item);
      if (seen.has(id)) {
        errors.push({
          path: `subjectGroups.${g}.items.${i}`,
          message: `${item.name} (${item.direction}) appears twice for ${group.name}`,
          message_ja: `${group.name}の「${item.name}」（${DIRECTION_JA[item.direction]}）が重複しています`,
        });
      }
      seen.add(id);
      if (item.specialCategory && !item.specialApproval) {
        errors.push({
          path: `subjectGroups.${g}.items.${i}.specialApproval`,
          message: `${item.name} is a special category (${item.specialCategory}) and needs the {self}'s recorded approval`,
          message_ja: `「${item.name}」は${SPECIAL_JA[item.specialCategory]}に該当するため、{self}の承認の記録が必要です`,
        });
      }
    });
  });
  const media = new Set<string>();
  doc.media.forEach((medium, m) => {
    if (media.has(mediumIdentity(medium))) {
      errors.push({
        path: `media.${m}`,
        message: `duplicate medium ${medium.name}`,
        message_ja: `記録媒体「${medium.name}」が重複しています`,
      });
    }
    media.add(mediumIdentity(medium));
  });
  return errors;
}

/** 再委託先の情報項目は委託先の情報項目の範囲内: the items and media outside the parent's register. */
export function outsideParent(doc: RegisterDocument, parent: RegisterDocument): FieldError[] {
  const parentItems = new Set(
    parent.subjectGroups.flatMap((g) => g.items.map((i) => itemIdentity(g.name, i))),
  );
  const parentMedia = new Set(parent.media.map(mediumIdentity));
  const errors: FieldError[] = [];
  doc.subjectGroups.forEach((group, g) => {
    group.items.forEach((item, i) => {
      if (!parentItems.has(itemIdentity(group.name, item))) {
        errors.push({
          path: `subjectGroups.${g}.items.${i}`,
          message: `${group.name}: ${item.name} (${item.direction}) is not in the parent contract's register`,
          message_ja: `${group.name}の「${item.name}」（${DIRECTION_JA[item.direction]}）は委託元の情報項目に含まれていません`,
        });
      }
    });
  });
  doc.media.forEach((medium, m) => {
    if (!parentMedia.has(mediumIdentity(medium))) {
      errors.push({
        path: `media.${m}`,
        message: `medium ${medium.kind} ${medium.name} is not in the parent contract's register`,
        message_ja: `記録媒体「${MEDIA_JA[medium.kind]}（${medium.name}）」は委託元の情報項目に含まれていません`,
      });
    }
  });
  return errors;
}
