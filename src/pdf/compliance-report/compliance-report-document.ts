import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import {
  type Answers,
  FORM_LEAD,
  FORM_TITLE,
  QUESTIONS,
} from '../../../forms/compliance-report/compliance-report.form.js';
import type { ComplianceReportFormData } from '../../domain/reports/read-compliance-report-form.js';
import { toJapanDate } from '../../domain/shared/japan-date.js';
import { toWareki } from '../../domain/shared/wareki.js';
import { StampBoxes } from '../components/stamp-boxes.js';
import { JAPANESE_FONT } from '../fonts.js';

// 別紙5 as the seed lays it out: the heading block, the questions with はい / いいえ, what each answer
// calls for, and the 区記入欄 (受付日, 課長・係長・担当者) filled from the sign-off. Drawing only, from
// the data src/domain/reports/read-compliance-report-form.ts gathers.

type Data = ComplianceReportFormData;

const s = StyleSheet.create({
  page: {
    fontFamily: JAPANESE_FONT,
    fontSize: 8.5,
    paddingVertical: 28,
    paddingHorizontal: 36,
    lineHeight: 1.35,
  },
  title: { fontSize: 14, fontWeight: 700, textAlign: 'center', marginBottom: 6 },
  right: { textAlign: 'right' },
  row: { flexDirection: 'row', borderBottomWidth: 1, borderColor: '#000' },
  table: { borderTopWidth: 1, borderLeftWidth: 1, borderColor: '#000', marginVertical: 6 },
  head: { width: '22%', padding: 3, borderRightWidth: 1, borderColor: '#000', backgroundColor: '#f0f0f0' },
  cell: { flex: 1, padding: 3, borderRightWidth: 1, borderColor: '#000' },
  yn: { width: 34, padding: 3, borderRightWidth: 1, borderColor: '#000', textAlign: 'center' },
  section: { fontWeight: 700 },
  note: { color: '#333', fontSize: 8 },
  answerText: { marginTop: 2, padding: 2, borderWidth: 0.5, borderColor: '#888' },
  stamps: { flexDirection: 'row', marginTop: 4, alignSelf: 'flex-end' },
});

const t = (value: string, style?: (typeof s)[keyof typeof s]) => h(Text, style ? { style } : {}, value);
const mark = (on: boolean) => (on ? '■' : '□');

function questionRows(answers: Answers): ReactElement[] {
  const rows: ReactElement[] = [];
  let section = '';
  for (const q of QUESTIONS) {
    if (q.section !== section) {
      section = q.section;
      rows.push(
        h(
          View,
          { style: s.row, key: `s-${q.id}` },
          h(View, { style: s.cell }, t(q.section, s.section)),
          h(View, { style: s.yn }, t('はい')),
          h(View, { style: s.yn }, t('いいえ')),
        ),
      );
    }
    const a = answers[q.id];
    const notes = q.requires.map((r) => t(r.text?.label ?? r.copies?.label ?? '', s.note));
    const extra: ReactElement[] = [];
    if (a?.text) extra.push(h(View, { style: s.answerText }, t(a.text)));
    if (a?.attachmentIds?.length) extra.push(t(`添付：${a.attachmentIds.length}件`, s.note));
    if (a?.useHandlerList) extra.push(t('名簿：本システムで提出・確認済みの取扱者名簿による', s.note));
    rows.push(
      h(
        View,
        { style: s.row, key: q.id, wrap: false },
        h(View, { style: s.cell }, t(q.text), ...notes, ...extra),
        h(View, { style: s.yn }, t(mark(a?.answer === 'yes'))),
        h(View, { style: s.yn }, t(mark(a?.answer === 'no'))),
      ),
    );
  }
  return rows;
}

export function ComplianceReportDocument({ data }: { data: Data }): ReactElement {
  const { answers, period, contract: c } = data;
  const headRow = (head: string, value: string) =>
    h(View, { style: s.row }, h(View, { style: s.head }, t(head)), h(View, { style: s.cell }, t(value)));
  return h(
    Document,
    { title: `${FORM_TITLE}（${period}）`, language: 'ja' },
    h(
      Page,
      { size: 'A4', style: s.page },
      t('別紙5', s.note),
      t(FORM_TITLE, s.title),
      t(`${data.wardHead}あて`),
      t(data.submittedAt ? toWareki(toJapanDate(new Date(data.submittedAt))) : '年　月　日', s.right),
      h(
        View,
        { style: s.table },
        headRow('契約番号', c.number ?? ''),
        headRow('契約件名', c.title),
        headRow(
          '契約日・履行期間',
          `${c.contractDate ? toWareki(c.contractDate) : ''}　${toWareki(c.periodFrom)}〜${toWareki(c.periodTo)}`,
        ),
        headRow('受託者（所在地・名称）', `${data.contractor.address ?? ''}　${data.contractor.name}`),
        headRow('報告対象期間', `${toWareki(data.periodFrom)}〜${toWareki(data.periodTo)}（${period}）`),
      ),
      t(`${FORM_LEAD}　該当する方をチェック`),
      h(View, { style: s.table }, ...questionRows(answers)),
      h(
        View,
        { wrap: false },
        t(`${data.selfWord}記入欄`, s.section),
        h(View, { style: s.stamps }, StampBoxes({ stamps: data.stamps })),
      ),
    ),
  );
}
