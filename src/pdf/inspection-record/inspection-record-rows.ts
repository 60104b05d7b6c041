import { View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import { RESULT_MARKS } from '../../../forms/checklist/checklist.js';
import { japanToday } from '../../domain/inspections/inspection-access.js';
import type { InspectionRecordData } from '../../domain/inspections/read-inspection-record.js';
import { toWareki } from '../../domain/shared/wareki.js';
import { styles, text } from './inspection-record-styles.js';

// The item table and the findings table of the inspection record.

type Section = InspectionRecordData['sections'][number];
type ViewItem = Section['groups'][number]['items'][number];
type Finding = InspectionRecordData['findings'][number];

const REMOTE_JA = { video: 'テレビ通話により確認', photos: '写真により確認' } as const;
const FINDING_JA: Record<Finding['status'], string> = {
  open: '改善待ち',
  reported: '改善報告済（再確認待ち）',
  closed: '改善確認済',
  carried: '持越し',
  withdrawn: '取下げ',
};

/** 確認内容: what was seen, the evidence, and — as the 確認要領 asks — the re-check appended. */
function seen(item: ViewItem): ReactElement[] {
  const a = item.answer;
  const parts: ReactElement[] = [];
  if (a.observation) parts.push(text(a.observation));
  const evidence = [
    a.remoteMethod && REMOTE_JA[a.remoteMethod],
    a.photoIds.length && `写真${a.photoIds.length}枚添付`,
  ]
    .filter(Boolean)
    .join('・');
  if (evidence) parts.push(text(`（${evidence}）`, styles.note));
  if (item.finding) parts.push(text(`改善期限 ${toWareki(item.finding.dueOn)}`, styles.findingNote));
  if (a.recheckOn) {
    const result = a.recheckResult === 'ok' ? '改善を確認した' : '改善が確認できなかった';
    parts.push(
      text(
        `【再確認】${toWareki(a.recheckOn)} ${result}${a.recheckNote ? `。${a.recheckNote}` : ''}`,
        styles.recheck,
      ),
    );
  }
  return parts;
}

function itemRow(item: ViewItem): ReactElement {
  const a = item.answer;
  return h(
    View,
    { key: item.key, style: styles.row, wrap: false },
    h(
      View,
      { style: styles.colItem },
      ...(item.condition ? [text(item.condition, styles.note)] : []),
      text(`${item.label}${/^[0-9]/.test(item.label) ? ' ' : '.'}${item.text}`),
      ...(item.note ? [text(item.note, styles.note)] : []),
    ),
    h(View, { style: styles.colResult }, text(a.result ? RESULT_MARKS[a.result] : '', styles.mark)),
    h(View, { style: styles.colDate }, text(a.checkedOn ? toWareki(a.checkedOn) : '')),
    h(View, { style: styles.colSeen }, ...seen(item)),
  );
}

export function itemRows(
  inspection: InspectionRecordData['inspection'],
  sections: Section[],
): ReactElement[] {
  const c = inspection.template.columns;
  const head = h(
    View,
    { style: styles.tableHead, fixed: true },
    h(View, { style: styles.colItem }, text('確認項目')),
    h(View, { style: styles.colResult }, text(c.result)),
    h(View, { style: styles.colDate }, text(c.date)),
    h(View, { style: styles.colSeen }, text(c.observation)),
  );
  let chapter: string | undefined;
  const rows = sections.flatMap((section) => {
    const out: ReactElement[] = [];
    if (section.chapter && section.chapter !== chapter) {
      out.push(
        h(View, { key: `${section.key}-c`, style: styles.sectionRow, wrap: false }, text(section.chapter)),
      );
    }
    chapter = section.chapter;
    out.push(
      h(
        View,
        {
          key: section.key,
          style: [styles.sectionRow, { flexDirection: 'column' }],
          wrap: false,
          minPresenceAhead: 40,
        },
        text(section.heading),
        ...(section.note && !section.chapter ? [text(section.note, styles.note)] : []),
      ),
    );
    for (const group of section.groups) {
      if (group.heading)
        out.push(
          h(View, { key: group.key, style: styles.groupRow, minPresenceAhead: 30 }, text(group.heading)),
        );
      out.push(...group.items.map(itemRow));
    }
    return out;
  });
  return [h(View, { style: styles.table }, head, ...rows)];
}

/** 指摘事項と改善の状況: every × with its deadline, the improvement report and where it stands. */
export function findingsTable(findings: Finding[], sections: Section[]): ReactElement[] {
  if (!findings.length) return [];
  const items = sections.flatMap((s) => s.groups.flatMap((g) => g.items.map((i) => ({ i, g, s }))));
  const rows = findings.map((f) => {
    const at = items.find((x) => x.i.key === f.itemKey);
    // e.g. "(1) ① ア": the section's number, the group's circled number, the item's mark
    const mark = at?.g.heading?.match(/^[①-⑳]/)?.[0];
    const label = at ? [at.s.heading.split(' ')[0], mark, at.i.label].filter(Boolean).join(' ') : f.itemKey;
    const report = f.improvementReport
      ? `${f.reportedAt ? `${toWareki(japanToday(new Date(f.reportedAt)))} ` : ''}${f.improvementReport}${f.improvementAttachmentIds.length ? `（添付${f.improvementAttachmentIds.length}件）` : ''}`
      : '—';
    const state = `${FINDING_JA[f.status]}${f.carriedReason ? `：${f.carriedReason}` : ''}`;
    return h(
      View,
      { key: f.id, style: styles.fRow, wrap: false },
      h(View, { style: styles.fItem }, text(label)),
      h(View, { style: styles.fSeen }, text(f.observation)),
      h(View, { style: styles.fDue }, text(toWareki(f.dueOn))),
      h(View, { style: styles.fReport }, text(report)),
      h(View, { style: styles.fState }, text(state)),
    );
  });
  return [
    text('指摘事項（×）と改善の状況', styles.blockTitle),
    h(
      View,
      { style: styles.table },
      h(
        View,
        { style: styles.tableHead, fixed: true },
        h(View, { style: styles.fItem }, text('確認項目')),
        h(View, { style: styles.fSeen }, text('指摘内容')),
        h(View, { style: styles.fDue }, text('改善期限')),
        h(View, { style: styles.fReport }, text('改善報告')),
        h(View, { style: styles.fState }, text('状況')),
      ),
      ...rows,
    ),
  ];
}
