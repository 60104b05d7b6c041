import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import { JAPANESE_FONT } from '../fonts.js';

// Shared by the cover sheet, 事業の概要 and the 報告事項 pages: seed 003's two-column tables.
// Every row draws its own box (overlapping its neighbour's by one point). The table itself draws
// nothing: a table with a left and top border, as before, left its left border running down to the
// foot of page 1 when the next row moved to page 2 (issue 19's stray border), and page 2 began
// without a top line.

export const styles = StyleSheet.create({
  page: { fontFamily: JAPANESE_FONT, fontSize: 9, padding: 36, paddingBottom: 48, lineHeight: 1.5 },
  header: { fontSize: 10, marginBottom: 4 },
  title: { fontSize: 14, fontWeight: 700, marginBottom: 2 },
  subject: { fontSize: 11, marginBottom: 10 },
  sectionTitle: { fontSize: 12, fontWeight: 700, marginBottom: 6 },
  table: { paddingTop: 1 },
  row: { flexDirection: 'row', borderWidth: 1, borderColor: '#000', marginTop: -1 },
  head: {
    width: '24%',
    padding: 4,
    borderRightWidth: 1,
    borderColor: '#000',
    backgroundColor: '#f0f0f0',
    fontWeight: 700,
  },
  cell: { width: '76%', padding: 4 },
  label: { fontWeight: 700, marginTop: 2 },
  paragraph: { marginBottom: 3 },
  // the bundled parts (一括化対象業務): number, 業務内容, ○/×, the council's approval
  partsTable: { paddingTop: 1, marginTop: 2, marginBottom: 6 },
  partsNo: { width: '7%', padding: 3, borderRightWidth: 1, borderColor: '#000', textAlign: 'center' },
  partsName: { width: '48%', padding: 3, borderRightWidth: 1, borderColor: '#000' },
  partsMark: { width: '15%', padding: 3, borderRightWidth: 1, borderColor: '#000', textAlign: 'center' },
  partsApproval: { width: '30%', padding: 3 },
  partsHead: { backgroundColor: '#f0f0f0', fontWeight: 700 },
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

type Style = (typeof styles)[keyof typeof styles];

export const text = (value: string, style?: Style | Style[]) => h(Text, style ? { style } : {}, value);

/** One row of a two-column table: the heading on the left, the content on the right. */
export function row(head: string, ...content: ReactElement[]): ReactElement {
  return h(
    View,
    { style: styles.row, wrap: false },
    h(View, { style: styles.head }, text(head)),
    h(View, { style: styles.cell }, ...content),
  );
}

/** A row whose content may run over a page (long 事業内容): only its heading stays whole. */
export function longRow(head: string, ...content: ReactElement[]): ReactElement {
  return h(
    View,
    { style: styles.row },
    h(View, { style: styles.head }, text(head)),
    h(View, { style: styles.cell }, ...content),
  );
}

export function pageNumbers(): ReactElement {
  return h(Text, {
    style: styles.footer,
    fixed: true,
    render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
      `${pageNumber} / ${totalPages}`,
  });
}

/** Paragraphs of a free text, one per line the officer typed. */
export function paragraphs(value: string | null): ReactElement[] {
  if (!value) return [text('—')];
  return value
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => text(l, styles.paragraph));
}
