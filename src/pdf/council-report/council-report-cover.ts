import { Page, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import type { CouncilReportData } from '../../domain/council/read-council-report.js';
import { approvalMark, type BundledPart, OUTSOURCING_KIND_JA } from '../../domain/council/report-cover.js';
import { toWareki } from '../../domain/shared/wareki.js';
import { longRow, pageNumbers, paragraphs, row, styles, text } from './council-report-styles.js';

// The first pages of seed 003's council report: the cover sheet (諮問・報告事項: 件名, 条例の根拠
// with the kinds of outsourcing, 担当部課, 会議日) and 事業の概要 with the table of a bundled
// contract's parts. Drawing only.

type CoverInput = Pick<
  CouncilReportData,
  'reportBodyName' | 'meeting' | 'meetingDate' | 'ordinance' | 'content' | 'cover'
>;

/** Printed where the body would be named when the municipality has set none (no council, no 報告先). */
export const NO_REPORT_BODY = '（報告先未設定）';

/** 「◇新宿区個人情報保護条例第14条第1項（業務委託）」: the basis the item is reported under. */
export function ordinanceBasis({ ordinance, content }: Pick<CoverInput, 'ordinance' | 'content'>): string {
  const kind = content.kind === 'subdelegation' ? '再委託' : '業務委託';
  const basis = `${ordinance.name ?? ''}${ordinance.article ?? ''}`;
  return basis ? `${basis}（${kind}）` : `条例の根拠は未設定です（${kind}）`;
}

export function CoverPage(d: CoverInput): ReactElement {
  const c = d.content;
  const kinds = d.cover.outsourcingKinds.map((k) => OUTSOURCING_KIND_JA[k]);
  return h(
    Page,
    { size: 'A4', style: styles.page },
    text(`${d.reportBodyName ?? NO_REPORT_BODY}　諮問・報告事項`, styles.title),
    text(d.meeting ? d.meeting.title : '', styles.header),
    h(
      View,
      { style: styles.table },
      row('件名', text(c.subject)),
      row('内容', text('内容は別紙のとおり')),
      row(
        '条例の根拠',
        text('【報告】', styles.label),
        text(`◇${ordinanceBasis(d)}`),
        ...(kinds.length ? [text(`◇${kinds.join('、')}`)] : []),
        text(`（担当部課：${c.department}）`),
      ),
      row('会議日', text(d.meetingDate ? toWareki(d.meetingDate) : '未定')),
    ),
    pageNumbers(),
  );
}

const circled = (i: number) => (i < 20 ? String.fromCodePoint(0x2460 + i) : `(${i + 1})`);

function partsTable(parts: BundledPart[], start: number): ReactElement {
  const cells = (no: string, name: string, mark: string, approval: string, head = false) =>
    h(
      View,
      { style: styles.row, wrap: false },
      text(no, head ? [styles.partsNo, styles.partsHead] : styles.partsNo),
      text(name, head ? [styles.partsName, styles.partsHead] : styles.partsName),
      text(mark, head ? [styles.partsMark, styles.partsHead] : styles.partsMark),
      text(approval, head ? [styles.partsApproval, styles.partsHead] : styles.partsApproval),
    );
  return h(
    View,
    { style: styles.partsTable },
    cells('', '業務内容', '個人情報の有無', '審議会の承認（既承認）', true),
    ...parts.map((p, i) => {
      const approval = approvalMark(p);
      return cells(
        circled(start + i),
        p.name,
        p.personalInfo ? '○' : '×',
        approval.mark === '—' ? '—' : `${approval.mark}　${approval.note}`,
      );
    }),
  );
}

/** Whether the officer recorded anything 事業の概要 shows beyond the name and the department. */
export function hasOverview(d: Pick<CoverInput, 'cover'>): boolean {
  const o = d.cover.overview;
  return Boolean(o.purpose || o.targetPeople || o.description || d.cover.parts.length);
}

export function OverviewPage(d: CoverInput): ReactElement {
  const c = d.content;
  const o = d.cover.overview;
  const bundled = d.cover.parts.filter((p) => !p.newlyAdded);
  const added = d.cover.parts.filter((p) => p.newlyAdded);
  const partsBlock = d.cover.parts.length
    ? [
        ...(bundled.length ? [text('一括化対象業務', styles.label), partsTable(bundled, 0)] : []),
        ...(added.length ? [text('新規追加業務', styles.label), partsTable(added, 0)] : []),
      ]
    : [];
  return h(
    Page,
    { size: 'A4', style: styles.page },
    text('事業の概要', styles.sectionTitle),
    h(
      View,
      { style: styles.table },
      row('事業名', text(c.businessName)),
      row('担当課', text(c.department)),
      row('目的', ...paragraphs(o.purpose)),
      row('対象者', text(o.targetPeople ?? '—')),
      longRow(
        '事業内容',
        ...(o.description ? paragraphs(o.description) : partsBlock.length ? [] : [text('—')]),
        ...partsBlock,
      ),
    ),
    pageNumbers(),
  );
}
