// 契約の更新の画面の文言. ja.ts and en.ts take these as their `renewal` entry; the compiler checks
// the English key for key against the Japanese.

export const renewalJa = {
  action: '契約を更新',
  title: (t: string) => `契約の更新: ${t}`,
  intro:
    '単年度契約で履行が良好なときは、同じ業務について最大2回まで契約を更新できます。更新すると、新しい契約が起案中として作られ、この契約に結び付けられます。',
  count: (n: number, max: number) => `これまでの更新: ${n}回（最大${max}回）`,
  current: '現在の契約',
  carries: '新しい契約に引き継ぐもの',
  carried: [
    '件名・受託者・所管課・処理の形態・情報保護対策などの契約の内容',
    '特記事項（この契約と同じ版）',
    '取り扱う個人情報の項目（情報項目の最新の版）',
  ],
  notCarried: '引き継がないもの',
  notCarriedItems: [
    '契約番号・契約日・契約期間（新しく入力します）',
    '取扱者名簿（新しい契約について受託者が改めて提出します）',
    '委託の承認（新しい契約について改めて手続します）',
  ],
  newPeriod: '新しい契約の内容',
  periodHint: (to: string) => `現在の契約期間の終了日（${to}）より後の日から始まる期間を入力します。`,
  amountHint: '空欄のときは現在の契約金額を引き継ぎます。',
  submit: '契約を更新する',
  predecessor: '更新前の契約',
  renewedAlready: '更新後の契約を開く',
  required: {
    periodFrom: '開始日を年月日で入力してください',
    periodTo: '終了日を年月日で入力してください',
    contractDate: '契約日は年月日の形で入力してください',
  },
};

export const renewalEn: typeof renewalJa = {
  action: 'Renew the contract',
  title: (t: string) => `Renew: ${t}`,
  intro:
    'A single-year contract that was performed well may be renewed for the same work at most twice. Renewing creates a new contract in draft, linked to this one.',
  count: (n: number, max: number) => `Renewed so far: ${n} (at most ${max})`,
  current: 'The current contract',
  carries: 'What the new contract carries over',
  carried: [
    'The particulars: title, contractor, department, processing modes, protection measures',
    'The special provisions (the same version as this contract)',
    'The data items handled (the latest revision of the register)',
  ],
  notCarried: 'What it does not carry over',
  notCarriedItems: [
    'Contract number, date and period (entered below)',
    'Handler lists (the contractor submits them again for the new contract)',
    'The delegation approval (applied for again for the new contract)',
  ],
  newPeriod: 'The new contract',
  periodHint: (to: string) => `A period starting after the current one ends (${to}).`,
  amountHint: 'Leave empty to keep the current amount.',
  submit: 'Renew the contract',
  predecessor: 'Renewed from',
  renewedAlready: 'Open the renewed contract',
  required: {
    periodFrom: 'Enter the start as a date',
    periodTo: 'Enter the end as a date',
    contractDate: 'Enter the contract date as a date',
  },
};
