// 事業者のリスク区分の画面の文言（日本語）. companies-en.ts has the same keys, checked by the
// compiler; ja.ts and en.ts take this section as `companies`.

export const companiesJa = {
  nav: '事業者',
  title: '事業者のリスク区分',
  intro:
    'リスク区分は、この{self}の記録（指摘事項、事故報告、遵守状況報告、モニタリング、再委託、取り扱う情報、認証）から自動で計算されます。入力して変えることはできません。記録が変わると区分も変わります。',
  rules: (version: string) => `判定規則 ${version} 版`,
  asOf: (day: string) => `${day} 時点`,
  empty: 'この{self}に登録されている事業者はありません。',
  search: '事業者名・法人番号で絞り込む',
  searchButton: '絞り込む',
  clear: '絞り込みを解除',
  columns: {
    name: '事業者',
    tier: 'リスク区分',
    score: '点数',
    findings: '指摘事項（期限超過／未完了）',
    incidents: '直近1年の事故',
    reasons: '主な理由',
  },
  tier: (tier: string) => `区分 ${tier}`,
  noReasons: '加点する記録はありません',
  detailTitle: (name: string) => `${name} のリスク区分`,
  factorsTitle: '区分の理由（判定規則の各項目）',
  factorColumns: { factor: '項目', value: '記録', points: '点', why: '理由' },
  yes: 'あり',
  no: 'なし',
  none: '—',
  scoreLine: (score: number, tier: string, meaning: string) => `合計 ${score} 点：区分 ${tier}（${meaning}）`,
  tiersTitle: '区分の決め方',
  tierRule: (tier: string, max: number | undefined, previous: number) =>
    max === undefined
      ? `区分 ${tier}：${previous + 1} 点以上`
      : `区分 ${tier}：${previous === -1 ? 0 : previous + 1}～${max} 点`,
  back: '事業者の一覧へ',
};
