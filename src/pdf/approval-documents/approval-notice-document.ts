import { Document, Page, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import {
  contractLines,
  type Data,
  footer,
  informationLines,
  period,
  row,
  s,
  subcontractorLines,
  t,
  wardPart,
  warekiOf,
} from './approval-document-parts.js';

// 再委託承認通知書: the ward's written approval of the application (第7条第1項ただし書), dated the
// day of the final 決裁, addressed to the contractor's representative, with the conditions the
// approval carries (第7条第3項〜第5項) and the 決裁欄 as signed. Drawing only.

export function ApprovalNoticeDocument({ data: d }: { data: Data }): ReactElement {
  const a = d.application;
  const conditions = [
    '再委託先に本契約に基づく一切の義務を遵守させるとともに、再委託先の全ての行為及びその結果について責任を負うこと（特記事項第7条第3項）。',
    '再委託先との契約において、再委託先に対する管理及び監督の手続き方法について具体的に規定すること（同条第4項）。',
    `再委託先の履行状況を監督するとともに、${d.selfWord}の求めに応じて、監督の状況を適宜報告すること（同条第5項）。`,
    '申請の内容（再委託先、取り扱う情報、対策、期間等）を変更するときは、改めて承認を受けること。',
  ];
  return h(
    Document,
    { title: `再委託承認通知書 ${a.title}`, author: d.wardName, language: 'ja' },
    h(
      Page,
      { size: 'A4', style: s.page },
      t(`第 ${d.approvalNumber} 号`, s.right),
      t(warekiOf(d.decidedAt), s.right),
      t(`${d.applicant.name}`, s.to),
      t(`${d.applicant.representative ?? '代表者'}　様`, s.to),
      t(`${d.wardHead}${d.departmentName ? `（担当：${d.departmentName}）` : ''}`, s.right),
      t('再委託承認通知書', s.title),
      t(
        `${warekiOf(d.submittedAt)}付けで申請のあった再委託について、個人情報の取扱いに関する特記事項第7条第1項ただし書の規定により、下記のとおり承認します。`,
        s.lead,
      ),
      t('記', s.ki),
      h(
        View,
        { style: s.table },
        row('契約件名', ...contractLines(d)),
        row('再委託する業務', t(a.title), t(a.scope, s.small)),
        row('再委託先の名称', ...subcontractorLines(d)),
        row('再委託において取り扱う情報', ...informationLines(d)),
        row('再委託の期間', t(period(d))),
        row('承認日', t(warekiOf(d.decidedAt))),
      ),
      t('承認の条件', s.heading),
      ...conditions.map((c, i) => t(`${i + 1}　${c}`)),
      wardPart(d, false),
      footer(`再委託承認通知書　${a.title}`),
    ),
  );
}
