// 契約解除の画面の文言. ja.ts and en.ts take these as their `termination` entry; the compiler checks
// the English key for key against the Japanese.

export const terminationJa = {
  title: '契約解除',
  intro:
    '受託者が特記事項に違反したときは、契約を解除できます。解除すると契約は終了手続に入り、再委託先の契約もこれに伴って終了手続に入ります（再委託の承認は取り消されません）。解除した契約は再開できません。',
  reason: '解除の理由（違反の内容）',
  article: '違反した条項',
  articleHint: 'この契約の特記事項の条項から選びます。',
  articleText: '違反した条項（例：特記事項第14条）',
  chooseArticle: '条項を選んでください',
  terminatedOn: '解除日',
  terminatedOnHint: '解除の効力が生じた日です。将来の日付は指定できません。',
  submit: '契約を解除する',
  confirm: 'この契約を解除し、終了手続を開始します。解除した契約は再開できません。よろしいですか？',
  required: {
    reason: '解除の理由を入力してください',
    article: '違反した条項を選んでください',
    terminatedOn: '解除日を年月日で入力してください',
  },
};

export const terminationEn: typeof terminationJa = {
  title: 'Terminate for breach',
  intro:
    'When the contractor breaches the special provisions, the contract may be terminated. It then begins its end, and its sub-contracts follow it (their approvals are not revoked). A terminated contract does not resume.',
  reason: 'Reason (the breach)',
  article: 'Provision breached',
  articleHint: "Choose from the articles of this contract's special provisions.",
  articleText: 'Provision breached (e.g. 特記事項第14条)',
  chooseArticle: 'Choose an article',
  terminatedOn: 'Terminated on',
  terminatedOnHint: 'The day the termination took effect; not in the future.',
  submit: 'Terminate the contract',
  confirm: 'Terminate this contract and begin its end? A terminated contract does not resume.',
  required: {
    reason: 'Enter the reason',
    article: 'Choose the provision breached',
    terminatedOn: 'Enter the day as a date',
  },
};
