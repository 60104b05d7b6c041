import { View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import type { RatioRating } from '../../domain/monitoring/financial-rating.js';
import type { MonitoringFinancials } from '../../domain/monitoring/monitoring.repository.js';
import { styles, text } from './monitoring-styles.js';

// 財務状況(安全性)チェックシート as seed 000 prints it: each ratio with its figures, its 安定性の状況,
// the thresholds and the explanation, then the S/A/B/C table with the result marked.

const UNIT_JA = { million_yen: '百万円', thousand_yen: '千円', yen: '円' } as const;

const amount = (n: number) => n.toLocaleString('ja-JP');

function ratio(
  title: string,
  rows: Array<[string, number]>,
  name: string,
  rating: RatioRating,
  thresholds: string[],
  explanation: string,
  unit: string,
): ReactElement[] {
  return [
    text(title, styles.ratioTitle),
    h(
      View,
      { style: styles.ratioBlock, wrap: false },
      h(
        View,
        { style: styles.figures },
        ...rows.map(([label, value], i) =>
          h(
            View,
            { key: label, style: styles.row },
            h(View, { style: styles.figLabel }, text(label)),
            h(
              View,
              { style: styles.figValue },
              text(i === 0 ? `${amount(value)}　【単位:${unit}】` : amount(value)),
            ),
          ),
        ),
        h(
          View,
          { style: [styles.row, styles.figTotal] },
          h(View, { style: styles.figLabel }, text(name)),
          h(View, { style: styles.figValue }, text(rating.display)),
        ),
      ),
      h(
        View,
        { style: styles.state },
        text('安定性の状況', styles.stateLabel),
        text(rating.stability, styles.stateValue),
      ),
      h(View, { style: styles.thresholds }, ...thresholds.map((t) => text(t))),
    ),
    text(explanation, styles.explain),
  ];
}

export function financialSheet(f: MonitoringFinancials): ReactElement[] {
  const unit = UNIT_JA[f.unit];
  const g = f.figures;
  const r = f.rating;
  const gradeRows: Array<[string, string]> = [
    ['全て安定', 'S'],
    ['注意が1つ (危険0)', 'A'],
    ['注意が2つか3つ (危険0)', 'B'],
    ['危険が1つ以上', 'C'],
  ];
  return [
    text('財務状況(安全性)チェックシート', styles.fTitle),
    ...(f.statementsOf ? [text(`使用した財務書類: ${f.statementsOf}`, styles.fSub)] : []),
    ...ratio(
      '○流動比率(流動資産/流動負債×100)',
      [
        ['流動資産', g.currentAssets],
        ['流動負債', g.currentLiabilities],
      ],
      '流動比率',
      r.currentRatio,
      ['100以上:安定', '70~100:注意', '~70:危険'],
      '※流動負債は短期に返済すべき負債で、流動資産は現金化しやすい資産なので、流動比率が高ければ、会社の短期的な返済能力が高いということになる。',
      unit,
    ),
    ...ratio(
      '○固定比率(固定資産/自己資本×100)',
      [
        ['固定資産', g.fixedAssets],
        ['自己資本', g.equity],
      ],
      '固定比率',
      r.fixedRatio,
      ['100以下:安定', '100~:注意'],
      '※自己資本に対する固定資産の比率を表す指標。建物や設備といった固定資産が自己資本の範囲に収まっているかを確認できるため、適切な設備投資を行っているかどうかを判断する指標',
      unit,
    ),
    ...ratio(
      '○自己資本比率(自己資本/総資本×100)',
      [
        ['自己資本', g.equity],
        ['総資本', g.totalCapital],
      ],
      '自己資本比率',
      r.equityRatio,
      ['50以上:安定', '10~50:注意', '~10:危険'],
      '※総資本に対する自己資本の比率を表す指標。自己資本比率が高ければそれだけ借入金が少なく、健全な経営状況といえる。',
      unit,
    ),
    h(
      View,
      { style: styles.gradeTable, wrap: false },
      ...gradeRows.map(([rule, grade]) =>
        h(
          View,
          { key: grade, style: [styles.row, ...(grade === r.grade ? [styles.chosen] : [])] },
          h(View, { style: styles.gradeRule }, text(rule)),
          h(View, { style: styles.gradeValue }, text(grade === r.grade ? `${grade}（判定）` : grade)),
        ),
      ),
    ),
    text('◎最新の財務書類で確認してください。', styles.remark),
    text(
      '◎判定がCだとしても、直ちに安定性に欠けるということにはなりません。その他の数値との兼ね合いで問題がない場合もあります。',
      styles.remark,
    ),
  ];
}
