import { Document, Page, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import {
  contractLines,
  type Data,
  footer,
  informationLines,
  partyBlock,
  period,
  row,
  s,
  subcontractorLines,
  t,
  wardPart,
  warekiOf,
} from './approval-document-parts.js';

// 再委託承認申請書 (toshima 別紙7 第7条第2項): the contractor (乙) applies in writing, before the work
// starts, naming the sub-contractor, why, what it will process, which information, the measures
// for safety and reliability there, and how the contractor will manage and supervise it. Laid out
// like the seed's forms (別紙5): date, addressee, the applicant with its seal box, the title, 記
// and a label–content table, then the ward's part (受付日 and 決裁欄). Drawing only.

export function SubdelegationApplicationDocument({ data: d }: { data: Data }): ReactElement {
  const a = d.application;
  return h(
    Document,
    { title: `再委託承認申請書 ${a.title}`, author: d.applicant.name, language: 'ja' },
    h(
      Page,
      { size: 'A4', style: s.page },
      t(warekiOf(d.submittedAt), s.right),
      t(`${d.wardHead}　殿`, s.to),
      partyBlock('申請者（受託者）', d.applicant, true),
      t('再委託承認申請書', s.title),
      t(
        '下記の契約に係る業務の一部を再委託したいので、個人情報の取扱いに関する特記事項第7条第2項の規定により、下記のとおり申請します。',
        s.lead,
      ),
      t('記', s.ki),
      h(
        View,
        { style: s.table },
        row('契約件名', ...contractLines(d)),
        row('再委託する業務', t(a.title)),
        row('再委託先の名称', ...subcontractorLines(d)),
        row('再委託する理由', t(a.reason)),
        row(
          '再委託して処理する内容',
          t(a.scope),
          t('（業務の一部。業務の全部又は主たる部分ではない）', s.small),
        ),
        row('再委託において取り扱う情報', ...informationLines(d)),
        row(
          '再委託先における安全性及び信頼性を確保する対策',
          ...(a.safetyMeasures.length ? a.safetyMeasures.map((m, i) => t(`${i + 1}　${m}`)) : [t('')]),
        ),
        row('再委託先に対する管理及び監督の方法', t(a.supervisionMethod)),
        row('再委託の期間', t(period(d))),
      ),
      wardPart(d, true),
      footer(`再委託承認申請書　${a.title}`),
    ),
  );
}
