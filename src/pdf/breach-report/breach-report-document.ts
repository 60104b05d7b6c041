import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import type { BreachReportData } from '../../domain/incidents/read-breach-report.js';
import { toWareki } from '../../domain/shared/wareki.js';
import { JAPANESE_FONT } from '../fonts.js';

// 漏えい等報告書: the report's content in the order of the Commission's form (報告者, 報告の種類,
// 覚知日, 報告対象事態, then items (1)–(9)), followed by the judgment this product made — the
// criteria met with their articles, the due days of 速報 and 確報 and what was sent. It is the
// content to enter in the Commission's reporting form, not the form itself.

const s = StyleSheet.create({
  page: {
    fontFamily: JAPANESE_FONT,
    fontSize: 9,
    paddingTop: 32,
    paddingBottom: 44,
    paddingHorizontal: 40,
    lineHeight: 1.45,
  },
  right: { textAlign: 'right' },
  title: { fontSize: 16, fontWeight: 700, textAlign: 'center', marginVertical: 10 },
  lead: { marginBottom: 6 },
  h2: { fontSize: 10.5, fontWeight: 700, marginTop: 10, marginBottom: 4 },
  table: { borderTopWidth: 1, borderLeftWidth: 1, borderColor: '#000' },
  row: { flexDirection: 'row', borderBottomWidth: 1, borderColor: '#000' },
  head: {
    width: '32%',
    padding: 4,
    borderRightWidth: 1,
    borderColor: '#000',
    backgroundColor: '#f0f0f0',
    fontWeight: 700,
  },
  cell: { width: '68%', padding: 4, borderRightWidth: 1, borderColor: '#000' },
  small: { fontSize: 7.5, color: '#333' },
  footer: {
    position: 'absolute',
    // from the top of an A4 page (841.89 pt): with the page's line height, react-pdf drops a fixed
    // text placed by `bottom` altogether (the other documents' footers are missing for that reason)
    top: 812,
    left: 40,
    right: 40,
    fontSize: 7.5,
    textAlign: 'center',
    color: '#555',
  },
});

const t = (value: string, style?: (typeof s)[keyof typeof s]) => h(Text, style ? { style } : {}, value);
const day = (d: string | null | undefined) => (d ? `${toWareki(d)}（${d}）` : '—');

function row(head: string, ...content: ReactElement[]): ReactElement {
  return h(
    View,
    { style: s.row, wrap: false },
    h(View, { style: s.head }, t(head)),
    h(View, { style: s.cell }, ...content),
  );
}

const lines = (value: string) => value.split('\n').map((l) => t(l));

export function BreachReportDocument({ data }: { data: BreachReportData }): ReactElement {
  const j = data.judgment;
  const self = data.municipality.selfWord;
  const judged = [
    row(
      `報告の要否（${self}）`,
      t(j.municipality.required ? '個人情報保護委員会への報告を要する' : '報告を要する事態に該当しない'),
      ...(j.excludedByEncryption ? [t('高度な暗号化等の措置が講じられているため対象外', s.small)] : []),
    ),
    row(
      '該当する事態と根拠',
      ...(j.municipality.matched.length
        ? j.municipality.matched.map((m) => t(`・${m.label.ja}：${m.source.law} ${m.source.article}`))
        : [t('なし')]),
    ),
    row(
      '速報',
      t(
        j.preliminary
          ? `期限 ${day(j.preliminary.dueOn)}（覚知日を1日目として${j.preliminary.days}日目）`
          : '—',
      ),
      t(`送付日 ${day(data.sent.preliminarySentOn)}`),
    ),
    row(
      '確報',
      t(j.final ? `期限 ${day(j.final.dueOn)}（${j.final.days}日以内）` : '—'),
      t(`送付日 ${day(data.sent.finalSentOn)}`),
    ),
    row(
      '本人通知',
      t(j.noticeToPersons.required ? '要する' : '要しない'),
      ...j.noticeToPersons.sources.map((n) => t(`${n.law} ${n.article}`, s.small)),
      t(`通知日 ${day(data.sent.personsNotifiedOn)}`),
    ),
    row(
      '委託先（事業者）',
      t(data.contractorName),
      t(
        j.contractor.required
          ? j.contractor.relievedBy
            ? `事業者としての報告対象事態に該当するが、${self}に通知したため報告を要しない（${j.contractor.relievedBy.map((r) => r.article).join('、')}）`
            : '事業者として報告を要する'
          : '事業者としての報告対象事態に該当しない',
        s.small,
      ),
    ),
  ];
  return h(
    Document,
    { title: '漏えい等報告書（報告内容）', author: data.municipality.name, language: 'ja' },
    h(
      Page,
      { size: 'A4', style: s.page },
      h(Text, {
        style: s.footer,
        fixed: true,
        render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
          `${data.contract.title}　漏えい等報告書（報告内容）　${pageNumber} / ${totalPages}`,
      }),
      t(`作成日 ${day(data.preparedOn)}`, s.right),
      t('個人情報保護委員会　御中', s.lead),
      t('漏えい等報告書（報告内容）', s.title),
      t(
        `個人情報の保護に関する法律第68条第1項${data.answers.myNumber ? '及び行政手続における特定の個人を識別するための番号の利用等に関する法律第29条の4第1項' : ''}の規定に基づき、下記のとおり報告します。`,
        s.lead,
      ),
      h(View, { style: s.table }, ...data.fields.map((f) => row(f.label, ...lines(f.value)))),
      // the judgment stays in one piece: a table split by the page break draws its border to the foot
      h(
        View,
        { wrap: false },
        t('判定と期限（本システムによる）', s.h2),
        h(View, { style: s.table }, ...judged),
        t(
          `判定基準 forms/breach-reporting ${j.rulesVersion}。期限は覚知日（日本時間）を1日目とする暦日で数え、土日・祝日を含む。`,
          s.small,
        ),
      ),
    ),
  );
}
