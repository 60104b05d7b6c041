import { Document, Page, Text, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import { japanToday } from '../../domain/inspections/inspection-access.js';
import type { InspectionRecordData } from '../../domain/inspections/read-inspection-record.js';
import { wordsOfSelf } from '../../domain/organisations/municipality-words.js';
import { fiscalYearLabel, toWareki } from '../../domain/shared/wareki.js';
import { stepRoleName } from '../../domain/sign-off/role-names.js';
import { StampBoxes } from '../components/stamp-boxes.js';
import { findingsTable, itemRows } from './inspection-record-rows.js';
import { styles, text } from './inspection-record-styles.js';

// The completed inspection record (実地検査の記録) in the layout of the seed forms: the sign-off
// boxes (決裁欄) top right, the header (契約件名, 委託先等, 確認者, 補助者), the legend, then the items
// with 確認結果 / 実施日 / 確認内容, re-checks written into 確認内容 as the 確認要領 asks, the findings
// and their improvement, the sign-off history and the 確認要領. Drawing only, from the data
// src/domain/inspections/read-inspection-record.ts gathers.

type InspectionRecordInput = InspectionRecordData;

const DECISION_JA: Record<string, string> = {
  submit: '決裁に回付',
  approve: '決裁',
  send_back: '差戻し',
  cancel: '取消し',
  // a contractor's inspection of its sub-contractor, completed by its own manager (no 決裁)
  complete: '完了',
};

/** An instant (ISO 8601) as the Japanese date it fell on. */
export const day = (at: string) => toWareki(japanToday(new Date(at)));

function headerTable(input: InspectionRecordInput): ReactElement {
  const i = input.inspection;
  const dates = input.sections
    .flatMap((s) => s.groups.flatMap((g) => g.items.map((it) => it.answer.checkedOn)))
    .filter((d): d is string => d !== null)
    .sort();
  const period = dates.length
    ? dates[0] === dates.at(-1)
      ? `${toWareki(dates[0]!)}（${dates[0]}）`
      : `${toWareki(dates[0]!)}～${toWareki(dates.at(-1)!)}`
    : `（予定）${toWareki(i.plannedOn)}`;
  const cell = (label: string, value: string) => [
    h(View, { key: `${label}-h`, style: styles.headCell }, text(label)),
    h(View, { key: `${label}-v`, style: styles.valueCell }, text(value || '—')),
  ];
  const row = (...cells: ReactElement[]) => h(View, { style: styles.headRow }, ...cells);
  return h(
    View,
    { style: styles.headTable },
    row(
      ...cell(
        '契約件名',
        `${input.contract.title}${input.contract.number ? `（${input.contract.number}）` : ''}`,
      ),
      ...cell('確認者', input.inspector),
    ),
    row(
      ...cell('委託先等', `${input.organisation.name}（${input.organisation.role}）`),
      ...cell('補助者', input.assistants.join('、')),
    ),
    row(...cell('所管課', input.contract.department), ...cell('実施日', period)),
    row(...cell('実施場所', input.contract.place ?? ''), ...cell('年度', fiscalYearLabel(i.fiscalYear))),
  );
}

function stepsBlock(
  steps: InspectionRecordInput['steps'],
  selfWord: string,
  title = '決裁の経過',
): ReactElement[] {
  if (!steps.length) return [];
  return [
    text(title, styles.blockTitle),
    ...steps.map((s) =>
      text(
        `${day(s.at)}　${stepRoleName(s.role, 'ja', wordsOfSelf(selfWord))}　${s.name}　${DECISION_JA[s.decision] ?? s.decision}${s.comment ? `：${s.comment}` : ''}`,
        styles.small,
      ),
    ),
  ];
}

export function InspectionRecordDocument(input: InspectionRecordInput): ReactElement {
  const t = input.inspection.template;
  // a contractor's inspection of its sub-contractor is completed by the contractor: no 決裁欄
  const byCompany = input.inspectedBy !== null;
  const status =
    input.inspection.status === 'signed_off'
      ? byCompany
        ? `完了（${input.inspectedBy}による再委託先への立入検査）`
        : '決裁済'
      : input.inspection.status === 'submitted'
        ? '決裁中'
        : '作成中';
  return h(
    Document,
    { title: t.title, author: input.wardName, language: 'ja' },
    h(
      Page,
      { size: 'A4', style: styles.page, wrap: true },
      h(
        View,
        { style: styles.top },
        h(View, { style: styles.topLeft }, text(`${input.wardName}　${status}`, styles.ward)),
        byCompany ? null : StampBoxes({ title: '決裁', stamps: input.boxes }),
      ),
      text(t.title, styles.title),
      ...(t.intro ?? []).map((p) => text(p, styles.intro)),
      headerTable(input),
      text(t.legend, styles.legend),
      ...itemRows(input.inspection, input.sections),
      ...findingsTable(input.findings, input.sections),
      ...stepsBlock(input.steps, input.selfWord, byCompany ? '実施の経過' : '決裁の経過'),
      ...(t.guidance?.length
        ? [text('', styles.spacer), ...t.guidance.map((g) => text(g, styles.guidance))]
        : []),
      h(Text, {
        style: styles.footer,
        fixed: true,
        render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
          `${t.title}（${input.organisation.name}）　${pageNumber} / ${totalPages}`,
      }),
    ),
  );
}
