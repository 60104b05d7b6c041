// 情報項目の候補（カタログ）の画面の文言（日本語）. catalogue-en.ts has the same keys, checked by the
// compiler; ja.ts and en.ts take this section as `catalogue`.

export const catalogueJa = {
  nav: '情報項目の候補',
  title: '情報項目の候補',
  intro:
    '情報項目を登録するときに選べる候補です。標準の項目は全団体に共通で、変更できません。{self}独自の項目を追加できます。候補の要配慮・マイナンバーの区分は、情報項目の側で下げることはできません。',
  filter: '項目コード・項目名',
  filterButton: '絞り込む',
  clear: '絞り込みを解除',
  count: (n: number) => `${n}件`,
  empty: '条件に一致する候補はありません。',
  columns: {
    code: '項目コード',
    name: '項目名',
    nameEn: '英語名',
    special: '要配慮の区分',
    myNumber: 'マイナンバー',
    origin: '種別',
  },
  origins: { standard: '標準', own: '{self}独自' } as Record<string, string>,
  yes: '該当',
  no: '—',
  add: {
    title: '{self}独自の項目を追加',
    code: '項目コード',
    codeHint:
      '半角の英小文字・数字・アンダースコア（例: parking_permit_no）。標準の項目や追加済みの項目と同じコードは使えません。',
    name: '項目名',
    nameEn: '英語名',
    special: '要配慮の区分',
    myNumber: '特定個人情報（マイナンバー）を含む',
    submit: '候補に追加する',
    required: {
      code: '項目コードを半角の英小文字・数字・アンダースコアで入力してください',
      name: '項目名を入力してください',
      nameEn: '英語名を入力してください',
    },
  },
  fromRegister: '情報項目の候補の一覧',
};
