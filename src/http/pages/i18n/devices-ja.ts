// 情報機器等の持込み（seed 004 5(3)）と特定個人情報の取扱区域の画面の文言（日本語）.
// devices-en.ts has the same keys, checked by the compiler; ja.ts and en.ts take it as `devices`.

export const devicesJa = {
  section: '情報機器等の持込み・特定個人情報',
  queue: '許可待ちの情報機器等の持込み',
  sectionLink: '持込み機器の一覧と届出',
  title: (contract: string) => `情報機器等の持込み：${contract}`,
  intro:
    '情報端末（PC、タブレット、プリンタ等の周辺機器）及び記録媒体（USBメモリ等）の無断持込みは禁止されています。業務責任者が持ち込む場合は、機器名、仕様、用途等を届け出て、持込み前に{self}の許可を得ます。許可を得た機器も{self}のネットワークには接続しません。',
  register: '持込み機器の一覧',
  none: '届け出られた機器はありません。',
  fields: {
    deviceName: '機器名',
    specification: '仕様',
    purpose: '用途',
    storagePlace: '保管場所',
    usePlace: '使用場所',
    bringFrom: '持込み開始日',
    declarant: '届出者（業務責任者）',
    status: '状態',
    decision: '{self}の判断',
    declaredAt: '届出日時',
    noNetwork: '{self}のネットワークに接続しないことを確認しました',
  },
  status: {
    declared: '許可待ち',
    permitted: '許可',
    refused: '不許可',
    withdrawn: '取下げ・持込み終了',
  } as Record<string, string>,
  commands: { permit: '許可する', refuse: '許可しない', withdraw: '取り下げる（持込み終了）' } as Record<
    string,
    string
  >,
  confirm: {
    permit: 'この機器の持込みを許可します。よろしいですか？',
    refuse: 'この機器の持込みを許可しません。よろしいですか？',
    withdraw: 'この届出を取り下げます。よろしいですか？',
  } as Record<string, string>,
  commentFor: (device: string) => `${device}についてのコメント`,
  actFor: (device: string) => `${device}の許可・不許可・取下げ`,
  declare: '機器の持込みを届け出る',
  declareHint: '届出者は、確認済みの業務従事者名簿に載っている業務責任者（副業務責任者を含む）から選びます。',
  submit: '届け出る',
  myNumber: '特定個人情報（個人番号）',
  myNumberYes: 'この契約は個人番号を含む情報項目を取り扱います。再委託はどの段階でも{self}の許諾が必要です。',
  myNumberNo: 'この契約の情報項目に個人番号（特定個人情報）はありません。',
  myNumberItems: '個人番号を含む情報項目',
  areas: '特定個人情報の取扱区域',
  areasNone: '取扱区域はまだ指定されていません。',
  areasEdit: '取扱区域を指定する（1行に1か所）',
  areasSave: '取扱区域を保存する',
  basis: '根拠',
  staff: '特定個人情報を取り扱う者（名簿で指定）',
  staffNone: '名簿で指定された者はいません。',
  back: '契約に戻る',
};
