import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import type { ApprovalDocumentData } from '../../domain/approvals/read-approval-documents.js';
import { DIRECTION_JA, MEDIA_JA } from '../../domain/registers/register-document.js';
import { toJapanDate } from '../../domain/shared/japan-date.js';
import { toWareki } from '../../domain/shared/wareki.js';
import { StampBoxes } from '../components/stamp-boxes.js';
import { JAPANESE_FONT } from '../fonts.js';

// What the application (再委託承認申請書) and the notice (承認通知書) share: the page, the
// label–content table of the seed forms, the parties' blocks with the seal box, and the 決裁欄.

export type Data = ApprovalDocumentData;

export const s = StyleSheet.create({
  page: {
    fontFamily: JAPANESE_FONT,
    fontSize: 9.5,
    paddingTop: 32,
    paddingBottom: 44,
    paddingHorizontal: 44,
    lineHeight: 1.45,
  },
  form: { fontSize: 8.5 },
  right: { textAlign: 'right' },
  to: { fontSize: 11, marginTop: 8 },
  title: { fontSize: 18, fontWeight: 700, textAlign: 'center', letterSpacing: 4, marginVertical: 12 },
  lead: { marginBottom: 4 },
  ki: { textAlign: 'center', marginVertical: 4 },
  table: { borderTopWidth: 1, borderLeftWidth: 1, borderColor: '#000' },
  row: { flexDirection: 'row', borderBottomWidth: 1, borderColor: '#000' },
  head: {
    width: '28%',
    padding: 4,
    borderRightWidth: 1,
    borderColor: '#000',
    backgroundColor: '#f0f0f0',
    fontWeight: 700,
  },
  cell: { width: '72%', padding: 4, borderRightWidth: 1, borderColor: '#000' },
  small: { fontSize: 8, color: '#333' },
  party: { flexDirection: 'row', justifyContent: 'flex-end', alignItems: 'center', marginTop: 6 },
  partyLines: { fontSize: 10, marginRight: 8, maxWidth: 300 },
  partyLine: { flexDirection: 'row' },
  partyLabel: { width: 48 },
  seal: {
    width: 44,
    height: 44,
    borderWidth: 0.75,
    borderColor: '#000',
    borderStyle: 'dashed',
    justifyContent: 'center',
    alignItems: 'center',
  },
  sealText: { fontSize: 10, color: '#555' },
  heading: { fontWeight: 700, marginTop: 8, marginBottom: 2 },
  wardPart: { marginTop: 10, flexDirection: 'row', justifyContent: 'flex-end', alignItems: 'flex-end' },
  received: { borderWidth: 0.5, borderColor: '#000', marginRight: 8, width: 110 },
  receivedLabel: {
    fontSize: 8,
    textAlign: 'center',
    borderBottomWidth: 0.5,
    borderColor: '#000',
    paddingVertical: 1,
  },
  receivedDate: { fontSize: 8.5, textAlign: 'center', paddingVertical: 14 },
  // From the top of the A4 page (841.89pt): with the page's lineHeight react-pdf drops a fixed
  // text anchored by `bottom`, and the footer went missing.
  footer: {
    position: 'absolute',
    top: 814,
    left: 44,
    right: 44,
    fontSize: 7.5,
    textAlign: 'center',
    color: '#555',
  },
});

export const t = (value: string, style?: (typeof s)[keyof typeof s]) =>
  h(Text, style ? { style } : {}, value);

/** 令和8年6月1日 of an instant, in Japan; the blank of the paper form when there is none. */
export const warekiOf = (at: string | null): string =>
  at ? toWareki(toJapanDate(new Date(at))) : '令和　年　月　日';

export function row(head: string, ...content: ReactElement[]): ReactElement {
  return h(
    View,
    { style: s.row, wrap: false },
    h(View, { style: s.head }, t(head)),
    h(View, { style: s.cell }, ...content),
  );
}

/** 所在地・名称・代表者, with the seal box (印) when the form asks for one. */
export function partyBlock(label: string, party: Data['applicant'], seal: boolean): ReactElement {
  const line = (head: string, value: string) =>
    h(View, { style: s.partyLine, key: head }, t(head, s.partyLabel), t(value));
  return h(
    View,
    { style: s.party, wrap: false },
    h(
      View,
      { style: s.partyLines },
      t(label),
      line('所在地', party.address ?? ''),
      line('名称', party.name),
      line('代表者', party.representative ?? '　'),
    ),
    seal ? h(View, { style: s.seal }, t('印', s.sealText)) : null,
  );
}

/** 契約件名（契約番号） and its period, the contract whose work is sub-contracted. */
export function contractLines(d: Data): ReactElement[] {
  const c = d.contract;
  return [
    t(`${c.title}${c.number ? `（${c.number}）` : ''}`),
    t(
      `${c.contractDate ? `契約日：${toWareki(c.contractDate)}　` : ''}履行期間：${toWareki(c.periodFrom)}から${toWareki(c.periodTo)}まで`,
      s.small,
    ),
  ];
}

/** 再委託先: name (法人番号), address and representative. */
export function subcontractorLines(d: Data): ReactElement[] {
  const sub = d.subcontractor;
  return [
    t(`${sub.name}${sub.corporateNumber ? `（法人番号 ${sub.corporateNumber}）` : ''}`),
    ...(sub.address ? [t(`所在地：${sub.address}`, s.small)] : []),
    ...(sub.representative ? [t(`代表者：${sub.representative}`, s.small)] : []),
  ];
}

/** 再委託において取り扱う情報: per subject group and direction, then the recording media. */
export function informationLines(d: Data): ReactElement[] {
  const { register } = d.application;
  const lines = register.subjectGroups.flatMap((g) =>
    (['collected', 'provided'] as const)
      .map((direction) => ({ direction, names: g.items.filter((i) => i.direction === direction) }))
      .filter((x) => x.names.length > 0)
      .map((x) => {
        // 過年度分 once for the whole list when every item has it, else beside each item that has it
        const all = x.names.every((i) => i.includesPastYears);
        const names = x.names.map(
          (i) => `${i.name}${!all && i.includesPastYears ? '（過年度分を含む）' : ''}`,
        );
        return t(
          `${g.name}（${DIRECTION_JA[x.direction]}）：${names.join('、')}${all ? '（いずれも過年度分を含む）' : ''}`,
        );
      }),
  );
  const media = register.media.map((m) => `${MEDIA_JA[m.kind]}（${m.name}）`).join('、');
  return [...lines, ...(media ? [t(`記録媒体：${media}`, s.small)] : [])];
}

export const period = (d: Data) =>
  `${toWareki(d.application.periodFrom)}から${toWareki(d.application.periodTo)}まで`;

/**
 * The ward's part: on the application the 区記入欄 (受付日 and the 決裁欄), on the notice the 決裁欄
 * of the ward's own copy; the boxes as signed in the current round.
 */
export function wardPart(d: Data, withReceipt: boolean): ReactElement {
  return h(
    View,
    { wrap: false },
    t(withReceipt ? `${d.selfWord}記入欄` : `決裁欄（${d.selfWord}控え）`, s.heading),
    h(
      View,
      { style: s.wardPart },
      withReceipt
        ? h(
            View,
            { style: s.received },
            t('受付日', s.receivedLabel),
            t(d.receivedAt ? warekiOf(d.receivedAt) : '', s.receivedDate),
          )
        : null,
      StampBoxes({ title: '決裁', stamps: d.stamps }),
    ),
  );
}

export function footer(label: string): ReactElement {
  return h(Text, {
    style: s.footer,
    fixed: true,
    render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
      `${label}　${pageNumber} / ${totalPages}`,
  });
}
