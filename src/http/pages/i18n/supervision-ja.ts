// 再委託先の監督（受託者による立入検査・報告の求め）の画面の文言（日本語）.
// supervision-en.ts has the same keys, checked by the compiler; ja.ts and en.ts take this section
// as `supervision`.

export const supervisionJa = {
  nav: '報告の求め',
  listTitle: '報告の求め',
  listIntro:
    '受託者は再委託先に報告を求め、立入検査を行うことができます（特記事項 第7条5）。{self}も契約の受託者・再委託先に報告を求めることができます。',
  none: '報告の求めはありません。',
  queue: '報告の求め（報告・受理待ち、期限超過）',
  section: '再委託先の監督（立入検査・報告の求め）',
  sectionIntro:
    '受託者が再委託先に対して行った立入検査と報告の求め、{self}が求めた報告です。受託者は再委託先の行為について責任を負います（特記事項 第7条3・5）。',
  inspections: '受託者による立入検査',
  noInspections: '受託者による立入検査はありません。',
  planInspection: '再委託先の立入検査を予定する',
  ask: '報告を求める',
  newTitle: '報告の求め',
  newIntro: (contract: string, company: string) =>
    `契約「${contract}」について、${company}に報告を求めます。`,
  submit: '報告を求める',
  detailTitle: (topic: string) => `報告の求め：${topic}`,
  actions: '操作',
  overdue: '期限超過',
  inspectedBy: '実施者',
  completed: '完了',
  filesHint: 'PDF・PNG・JPEG。一度に送れるのは合わせて10MBまで、添付は20ファイルまでです。',
  keptFiles: '添付済みのファイル（外すとこの報告から除きます）',
  fileWithheld: '（閲覧できない添付ファイル）',
  fields: {
    contract: '契約',
    requester: '報告を求めた者',
    subject: '報告者',
    topic: '報告を求める事項',
    detail: '内容・求める資料',
    dueOn: '報告期限',
    status: '状態',
    requestedAt: '求めた日時',
    answer: '報告の内容',
    answeredAt: '報告日時',
    attachments: '添付ファイル',
    files: 'ファイルを添付（任意）',
    reviewComment: '求めた者の所見',
    plannedOn: '予定日',
    template: '様式',
  },
  status: {
    requested: '報告待ち',
    answered: '報告済み（確認待ち）',
    returned: '差戻し（再報告待ち）',
    accepted: '受理',
    withdrawn: '取下げ',
  } as Record<string, string>,
  commands: {
    answer: '報告する',
    accept: '受理する',
    'send-back': '差し戻す',
    withdraw: '取り下げる',
  } as Record<string, string>,
  confirm: {
    answer: 'この内容で報告しますか？',
    accept: 'この報告を受理しますか？',
    'send-back': 'この報告を差し戻しますか？',
    withdraw: 'この報告の求めを取り下げますか？',
  } as Record<string, string>,
};
