import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';

type Style = (typeof styles)[keyof typeof styles];

import type { CouncilReportData } from '../../domain/council/read-council-report.js';
import { toWareki } from '../../domain/shared/wareki.js';
import { JAPANESE_FONT } from '../fonts.js';

// The council report item (報告事項) laid out like seed 003's table: a heading column on the left,
// the content on the right. Drawing only; the content comes from the records.

const styles = StyleSheet.create({
  page: { fontFamily: JAPANESE_FONT, fontSize: 9, padding: 36, lineHeight: 1.5 },
  header: { fontSize: 10, marginBottom: 4 },
  title: { fontSize: 14, fontWeight: 700, marginBottom: 2 },
  subject: { fontSize: 11, marginBottom: 10 },
  table: { borderTopWidth: 1, borderLeftWidth: 1, borderColor: '#000' },
  row: { flexDirection: 'row', borderBottomWidth: 1, borderColor: '#000' },
  head: {
    width: '24%',
    padding: 4,
    borderRightWidth: 1,
    borderColor: '#000',
    backgroundColor: '#f0f0f0',
    fontWeight: 700,
  },
  cell: { width: '76%', padding: 4, borderRightWidth: 1, borderColor: '#000' },
  label: { fontWeight: 700, marginTop: 2 },
  // Placed from the top: react-pdf drops a bottom-anchored page number when the page sets a
  // lineHeight. A4 portrait is 841.89pt high.
  footer: {
    position: 'absolute',
    top: 812,
    left: 36,
    right: 36,
    fontSize: 8,
    textAlign: 'center',
    color: '#555',
  },
});

const text = (value: string, style?: Style) => h(Text, style ? { style } : {}, value);

function row(head: string, ...content: ReactElement[]): ReactElement {
  return h(
    View,
    { style: styles.row, wrap: false },
    h(View, { style: styles.head }, text(head)),
    h(View, { style: styles.cell }, ...content),
  );
}

function measures(label: string, list: string[]): ReactElement[] {
  if (!list.length) return [];
  return [text(label, styles.label), ...list.map((m, i) => text(`${i + 1} ${m}`))];
}

export type CouncilReportPdfInput = Pick<CouncilReportData, 'wardName' | 'selfWord' | 'meeting' | 'content'>;

export function CouncilReportDocument({
  wardName,
  selfWord,
  meeting,
  content: c,
}: CouncilReportPdfInput): ReactElement {
  const sub = c.kind === 'subdelegation';
  const itemsBlock = (['collected', 'provided'] as const).flatMap((direction) => {
    const groups = c.items[direction];
    if (!groups.length) return [];
    const label =
      direction === 'collected'
        ? sub
          ? '《再委託先が収集する項目》'
          : '《委託先が収集する項目》'
        : sub
          ? '《再委託先に提供する項目》'
          : '《委託先に提供する項目》';
    return [
      text(label, styles.label),
      ...groups.map((g) =>
        text(
          `${g.group}の${g.items.join('、')}${g.includesPastYears ? '　※過年度の情報も含めて提供する。' : ''}`,
        ),
      ),
    ];
  });
  const contractor = [
    text(`【委託先】${c.contractor.name}`),
    ...(c.contractor.selectionMethod ? [text(c.contractor.selectionMethod)] : []),
    ...(c.contractor.certifications.includes('pmark') ? [text('（プライバシーマーク取得事業者）')] : []),
    ...(c.subcontractor ? [text(`【再委託先】${c.subcontractor.name}`)] : []),
  ];
  return h(
    Document,
    { title: c.subject, author: wardName, language: 'ja' },
    h(
      Page,
      { size: 'A4', style: styles.page },
      text(
        `${wardName} 情報公開・個人情報保護審議会${meeting ? `　${meeting.title}（${toWareki(meeting.heldOn)}）` : ''}`,
        styles.header,
      ),
      text('報告事項', styles.title),
      text(`件名　${c.subject}`, styles.subject),
      h(
        View,
        { style: styles.table },
        row('保有課(担当課)', text(c.department)),
        row('登録業務の名称', text(c.businessName)),
        row(sub ? '委託先(再委託先)' : '委託先', ...contractor),
        row(
          sub
            ? '再委託に伴い事業者に処理させる情報項目（だれの、どのような項目か）'
            : '委託に伴い事業者に処理させる情報項目（だれの、どのような項目か）',
          ...itemsBlock,
        ),
        row('処理させる情報項目の記録媒体', text(c.media.join('及び') || '—')),
        row(sub ? '再委託理由' : '委託理由', text(c.reason || '—')),
        row(sub ? '再委託の内容' : '委託の内容', text(c.content || '—')),
        row(
          sub ? '再委託の開始時期及び期限' : '委託の開始時期及び期限',
          text(`${toWareki(c.period.from)}から${toWareki(c.period.to)}まで`),
        ),
        row(
          `委託にあたり${selfWord}が行う情報保護対策`,
          ...measures('【運用上の対策】', c.wardMeasures.operational),
          ...measures('【システム上の対策】', c.wardMeasures.system),
        ),
        row(
          sub ? '再委託先に行わせる情報保護対策' : '受託事業者に行わせる情報保護対策',
          ...measures('【運用上の対策】', c.contractorMeasures.operational),
          ...measures('【システム上の対策】', c.contractorMeasures.system),
          ...(c.supervisionMethod
            ? [text('【再委託先に対する管理及び監督の方法】', styles.label), text(c.supervisionMethod)]
            : []),
        ),
      ),
      h(Text, {
        style: styles.footer,
        fixed: true,
        render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
          `${pageNumber} / ${totalPages}`,
      }),
    ),
  );
}
