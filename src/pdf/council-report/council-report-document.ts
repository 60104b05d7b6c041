import { Document, Page, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import { mediaPhrase } from '../../domain/council/council-report-content.js';
import type { CouncilReportData } from '../../domain/council/read-council-report.js';
import { toWareki } from '../../domain/shared/wareki.js';
import {
  CoverPage,
  hasOverview,
  NO_REPORT_BODY,
  OverviewPage,
  ordinanceBasis,
} from './council-report-cover.js';
import { pageNumbers, row, styles, text } from './council-report-styles.js';

// The council report as seed 003 lays it out: the cover sheet, 事業の概要 (with a bundled
// contract's parts) when the officer recorded it, then the report item (報告事項) as a table with
// a heading column on the left and the content on the right. Drawing only; the content comes
// from the records.

function measures(label: string, list: string[]): ReactElement[] {
  if (!list.length) return [];
  return [text(label, styles.label), ...list.map((m, i) => text(`${i + 1} ${m}`))];
}

export type CouncilReportPdfInput = Pick<
  CouncilReportData,
  'wardName' | 'selfWord' | 'reportBodyName' | 'meeting' | 'meetingDate' | 'ordinance' | 'content' | 'cover'
>;

/** 委託先 (and 再委託先): the company, or how it is being chosen while it is not chosen yet. */
function contractorLines(d: CouncilReportPdfInput): ReactElement[] {
  const c = d.content;
  const pending = d.cover.contractorSelection;
  const contractor = pending
    ? [
        text(`【委託先】${pending.method}`),
        ...(pending.decisionNote ? [text(`※${pending.decisionNote}`)] : []),
      ]
    : [
        text(`【委託先】${c.contractor.name}`),
        ...(c.contractor.selectionMethod ? [text(c.contractor.selectionMethod)] : []),
      ];
  return [
    ...contractor,
    ...markLines(c.contractor),
    ...(c.subcontractor ? [text(`【再委託先】${c.subcontractor.name}`), ...markLines(c.subcontractor)] : []),
  ];
}

/** The P-mark as seed 003 names it, with its number where the company's record gives one. */
function markLines(company: { certifications?: string[]; privacyMark?: { number: string } | null }) {
  if (company.privacyMark)
    return [text(`（プライバシーマーク取得事業者　登録番号 ${company.privacyMark.number}）`)];
  return company.certifications?.includes('pmark') ? [text('（プライバシーマーク取得事業者）')] : [];
}

function ReportItemPage(d: CouncilReportPdfInput): ReactElement {
  const c = d.content;
  const sub = c.kind === 'subdelegation';
  const itemsBlock = (['collected', 'provided'] as const).flatMap((direction) => {
    const groups = c.items[direction];
    if (!groups.length) return [];
    const who = sub ? '再委託先' : '委託先';
    const label = direction === 'collected' ? `《${who}が収集する項目》` : `《${who}に提供する項目》`;
    return [
      text(label, styles.label),
      ...groups.map((g) =>
        text(
          `${g.group}の${g.items.join('、')}${g.includesPastYears ? '　※過年度の情報も含めて提供する。' : ''}`,
        ),
      ),
    ];
  });
  const meetingLine = [d.meeting?.title, d.meetingDate ? `会議日：${toWareki(d.meetingDate)}` : null].filter(
    Boolean,
  );
  return h(
    Page,
    { size: 'A4', style: styles.page },
    text(
      `${d.wardName}　${d.reportBodyName ?? NO_REPORT_BODY}${meetingLine.length ? `　${meetingLine.join('　')}` : ''}`,
      styles.header,
    ),
    text('報告事項', styles.title),
    text(`件名　${c.subject}`, styles.subject),
    text(`条例の根拠：${ordinanceBasis(d)}`, styles.header),
    h(
      View,
      { style: styles.table },
      row('保有課(担当課)', text(c.department)),
      row('登録業務の名称', text(c.businessName)),
      row(sub ? '委託先(再委託先)' : '委託先', ...contractorLines(d)),
      row(
        sub
          ? '再委託に伴い事業者に処理させる情報項目（だれの、どのような項目か）'
          : '委託に伴い事業者に処理させる情報項目（だれの、どのような項目か）',
        ...itemsBlock,
      ),
      row('処理させる情報項目の記録媒体', text(mediaPhrase(c.media) || '—')),
      row(sub ? '再委託理由' : '委託理由', text(c.reason || '—')),
      row(sub ? '再委託の内容' : '委託の内容', text(c.content || '—')),
      row(
        sub ? '再委託の開始時期及び期限' : '委託の開始時期及び期限',
        text(`${toWareki(c.period.from)}から${toWareki(c.period.to)}まで`),
      ),
      row(
        `${sub ? '再委託' : '委託'}にあたり${d.selfWord}が行う情報保護対策`,
        ...measures('【運用上の対策】', c.wardMeasures.operational),
        ...measures('【システム上の対策】', c.wardMeasures.system),
      ),
      row(
        sub ? '再委託事業者に行わせる情報保護対策' : '受託事業者に行わせる情報保護対策',
        ...measures('【運用上の対策】', c.contractorMeasures.operational),
        ...measures('【システム上の対策】', c.contractorMeasures.system),
        ...(c.supervisionMethod
          ? [text('【再委託先に対する管理及び監督の方法】', styles.label), text(c.supervisionMethod)]
          : []),
      ),
    ),
    pageNumbers(),
  );
}

export function CouncilReportDocument(d: CouncilReportPdfInput): ReactElement {
  return h(
    Document,
    { title: d.content.subject, author: d.wardName, language: 'ja' },
    h(CoverPage, d),
    ...(hasOverview(d) ? [h(OverviewPage, d)] : []),
    h(ReportItemPage, d),
  );
}
