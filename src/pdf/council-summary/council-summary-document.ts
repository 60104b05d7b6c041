import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import { toJapanDate } from '../../domain/shared/japan-date.js';
import { toWareki } from '../../domain/shared/wareki.js';
import type { CouncilSummary } from '../../domain/summaries/build-summary.js';
import { JAPANESE_FONT } from '../fonts.js';
import { rowHeight, splitIntoPages } from '../table-pages.js';

// 審議会向け集計: the figures, then the contracts handling personal information, on A4 landscape;
// the contracts table on explicit pages (see ../table-pages.ts), its header repeated on each.

const s = StyleSheet.create({
  page: { fontFamily: JAPANESE_FONT, fontSize: 8.5, padding: 30, lineHeight: 1.4 },
  title: { fontSize: 14, fontWeight: 700, marginBottom: 4 },
  sub: { marginBottom: 8 },
  table: { width: 782, borderTopWidth: 1, borderLeftWidth: 1, borderColor: '#000', marginBottom: 10 },
  row: { flexDirection: 'row', borderBottomWidth: 1, borderColor: '#000' },
  th: { backgroundColor: '#f0f0f0', fontWeight: 700 },
  cell: { padding: 3, borderRightWidth: 1, borderColor: '#000' },
  number: { textAlign: 'right' },
  // From the top, as in the council report: landscape A4 is 595.28pt high.
  footer: {
    position: 'absolute',
    top: 570,
    left: 30,
    right: 30,
    fontSize: 7,
    textAlign: 'center',
    color: '#555',
  },
});

const STATUS_JA: Record<string, string> = {
  draft: '起案中',
  approved: '承認済（未着手）',
  active: '履行中',
  ending: '終了手続中',
  closed: '完了',
};

const FONT_SIZE = 8.5;
const LINE_HEIGHT = 1.4;
const PADDING = 3;
// Points for the body of a landscape A4 page: from the top padding (30) to above the page number
// (570), less a margin for the estimate.
const BODY = (570 - 10 - 30) * 0.97;

// Cells are Text with borders (no View around each): a third fewer nodes to lay out. The last
// column of both tables is a count: right-aligned, as figures are read down a column.
function row(widths: number[], values: (string | number)[], header = false, key?: string): ReactElement {
  const last = values.length - 1;
  return h(
    View,
    { style: header ? [s.row, s.th] : s.row, wrap: false, key },
    ...values.map((v, i) =>
      h(
        Text,
        { style: [s.cell, { width: widths[i] }, ...(i === last && !header ? [s.number] : [])], key: i },
        String(v),
      ),
    ),
  );
}

function contractCells(c: CouncilSummary['contracts'][number]): string[] {
  return [
    c.title,
    c.department,
    c.contractor,
    STATUS_JA[c.status] ?? c.status,
    `${toWareki(c.periodFrom)}〜${toWareki(c.periodTo)}`,
    String(c.subcontracts),
  ];
}

export function CouncilSummaryDocument({ summary }: { summary: CouncilSummary }): ReactElement {
  // Widths in points adding up to the text width of landscape A4 (842 − 2 × 30): percentages and
  // flex resolved against the wrong width on a landscape page.
  const figureWidths = [702, 80];
  const contractWidths = [250, 95, 170, 65, 152, 50];
  const geometry = (widths: number[]) => ({
    widths,
    fontSize: FONT_SIZE,
    lineHeight: LINE_HEIGHT,
    padding: PADDING,
  });
  const contractHeader = ['件名', '所管課', '受託者', '状態', '契約期間', '再委託'];
  // Japanese headings and labels only: the document is the municipality's, in its language
  const figureRows = summary.figures.map((f) => [f.label, String(f.value)]);
  const figuresHeight =
    1 + [['項目', '件数'], ...figureRows].reduce((n, r) => n + rowHeight(r, geometry(figureWidths)), 0) + 10;
  const titleHeight = 14 * LINE_HEIGHT + 4 + FONT_SIZE * LINE_HEIGHT + 8;
  const cells = summary.contracts.map(contractCells);
  const pages = splitIntoPages(cells, (r) => rowHeight(r, geometry(contractWidths)), {
    firstPage: BODY - titleHeight - figuresHeight - 1,
    otherPages: BODY - 1,
    headerHeight: rowHeight(contractHeader, geometry(contractWidths)),
  });
  const footer = h(Text, {
    style: s.footer,
    fixed: true,
    render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
      `${pageNumber} / ${totalPages}`,
  });
  let index = 0;
  return h(
    Document,
    { title: `${summary.wardName} ${summary.fiscalYearLabel} 個人情報取扱委託の状況`, language: 'ja' },
    ...pages.map((chunk, page) =>
      h(
        Page,
        { size: 'A4', orientation: 'landscape', style: s.page, key: page },
        ...(page === 0
          ? [
              h(
                Text,
                { style: s.title, key: 'title' },
                `個人情報を取り扱う業務委託の状況（${summary.fiscalYearLabel}）`,
              ),
              h(
                Text,
                { style: s.sub, key: 'sub' },
                `${summary.wardName}　${summary.department?.name ?? '全所管課'}　作成：${toWareki(toJapanDate(new Date(summary.generatedAt)))}`,
              ),
              h(
                View,
                { style: s.table, key: 'figures' },
                row(figureWidths, ['項目', '件数'], true),
                ...summary.figures.map((f, i) => row(figureWidths, figureRows[i]!, false, f.key)),
              ),
            ]
          : []),
        chunk.length > 0 || summary.contracts.length === 0
          ? h(
              View,
              { style: s.table, key: 'contracts' },
              row(contractWidths, contractHeader, true),
              ...chunk.map((cellsOfRow) => row(contractWidths, cellsOfRow, false, String(index++))),
            )
          : null,
        footer,
      ),
    ),
  );
}
