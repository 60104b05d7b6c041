import { Document, Page, Text, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import { MONITORING_AREAS } from '../../../forms/monitoring-report/monitoring-report.form.js';
import type { MonitoringDocumentData } from '../../domain/monitoring/read-monitoring-document.js';
import { toWareki } from '../../domain/shared/wareki.js';
import { financialSheet } from './financial-sheet.js';
import { styles, text } from './monitoring-styles.js';

// 業務委託モニタリング報告書 in the layout of seed 000: the contract header, the check items with
// 確認結果 (S/A/B/C) by area, 自由意見 per area, 総合的な評価, 今後改善につなげる事項など, and the
// financial checksheet on its own page. Drawing only, from the data
// src/domain/monitoring/read-monitoring-document.ts gathers.

export type MonitoringPdfInput = MonitoringDocumentData;

const yen = (amount: string | null) =>
  amount === null ? '—' : `${Number(amount).toLocaleString('ja-JP')} 円`;

function header({ contract: c, report }: MonitoringPdfInput): ReactElement {
  const row = (a: [string, string], b: [string, string]) =>
    h(
      View,
      { style: styles.row },
      h(View, { style: styles.hLabel }, text(a[0])),
      h(View, { style: styles.hValue }, text(a[1])),
      h(View, { style: styles.hLabel }, text(b[0])),
      h(View, { style: styles.hValue2 }, text(b[1])),
    );
  return h(
    View,
    { style: styles.table },
    row(['業務委託件名', c.title], ['所管課', c.department]),
    row(['', ''], ['契約番号', c.number ?? '—']),
    row(['受託業者名', c.contractor], ['契約日', c.contractDate ? toWareki(c.contractDate) : '—']),
    row(['契約期間', `${toWareki(c.periodFrom)} ～ ${toWareki(c.periodTo)}`], ['契約金額', yen(c.amountYen)]),
    row(['履行場所', c.place ?? '—'], ['ヒアリング実施日', toWareki(report.hearingOn)]),
  );
}

function ratings(report: MonitoringPdfInput['report']): ReactElement {
  return h(
    View,
    { style: styles.table },
    h(
      View,
      { style: [styles.row, styles.shaded] },
      h(View, { style: styles.area }, text('')),
      h(View, { style: styles.item }, text('確認項目')),
      h(View, { style: styles.grade }, text('確認結果')),
    ),
    ...MONITORING_AREAS.map((area) =>
      h(
        View,
        { key: area.key, style: styles.row },
        h(View, { style: styles.area }, text(area.heading)),
        h(
          View,
          { style: styles.areaItems },
          ...area.items.map((item, i) =>
            h(
              View,
              {
                key: item.key,
                style: [styles.itemRow, i === area.items.length - 1 ? {} : styles.itemRule],
                wrap: false,
              },
              h(View, { style: styles.itemText }, text(`○${item.text}`)),
              h(View, { style: styles.gradeCell }, text(report.ratings[item.key] ?? '', styles.gradeMark)),
            ),
          ),
        ),
      ),
    ),
  );
}

function comments(report: MonitoringPdfInput['report']): ReactElement[] {
  const paragraphs = (value: string | null) =>
    (value ?? '')
      .split(/\n+/)
      .filter(Boolean)
      .map((p, i) => text(p, i ? styles.paragraph : undefined));
  return [
    h(
      View,
      { style: [styles.table, styles.gap], wrap: false },
      h(View, { style: [styles.row, styles.shaded] }, h(View, { style: styles.full }, text('自由意見'))),
      ...MONITORING_AREAS.map((area) =>
        h(
          View,
          { key: area.key, style: styles.row },
          h(View, { style: styles.area }, text(area.commentHeading)),
          h(View, { style: styles.comment }, ...paragraphs(report.comments[area.key] ?? null)),
        ),
      ),
    ),
    h(
      View,
      { style: [styles.table, styles.gap], wrap: false },
      h(View, { style: [styles.row, styles.shaded] }, h(View, { style: styles.full }, text('総合的な評価'))),
      h(View, { style: styles.row }, h(View, { style: styles.fullText }, ...paragraphs(report.overall))),
    ),
    h(
      View,
      { style: [styles.table, styles.gap], wrap: false },
      h(
        View,
        { style: [styles.row, styles.shaded] },
        h(View, { style: styles.full }, text('今後改善につなげる事項など')),
      ),
      h(View, { style: styles.row }, h(View, { style: styles.fullText }, ...paragraphs(report.improvements))),
    ),
  ];
}

const footer = (title: string) =>
  h(Text, {
    style: styles.footer,
    fixed: true,
    render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
      `${title}　${pageNumber} / ${totalPages}`,
  });

export function MonitoringReportDocument(input: MonitoringPdfInput): ReactElement {
  const { report } = input;
  return h(
    Document,
    { title: `業務委託モニタリング報告書 ${input.contract.title}`, author: input.wardName, language: 'ja' },
    h(
      Page,
      { size: 'A4', style: styles.page },
      text(input.wardName, styles.ward),
      text('業務委託モニタリング報告書', styles.title),
      header(input),
      ratings(report),
      ...comments(report),
      footer('業務委託モニタリング報告書'),
    ),
    ...(report.financials
      ? [
          h(
            Page,
            { size: 'A4', style: styles.page },
            ...financialSheet(report.financials),
            footer('財務状況(安全性)チェックシート'),
          ),
        ]
      : []),
  );
}
