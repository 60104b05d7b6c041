// 指名停止の画面とダッシュボードの文言（日本語）. suspensions-en.ts has the same keys, checked by
// the compiler; ja.ts and en.ts take this section as `suspensions`.

export const suspensionsJa = {
  nav: '指名停止',
  title: '指名停止の一覧',
  intro:
    '指名停止中の事業者は、停止期間のいずれかの日に掛かる再委託先として申請できません。期間の途中で解除するときは、解除日と理由を記録します。',
  listHeading: '登録されている指名停止',
  filterQ: '事業者名・法人番号・理由',
  empty: '指名停止の登録はありません。',
  columns: {
    company: '事業者',
    period: '停止期間（開始）',
    periodEnd: '停止期間（終了）',
    reason: '理由',
    state: '状態',
    lift: '解除',
  },
  open: '（終期なし）',
  states: {
    scheduled: '停止予定',
    inForce: '停止中',
    ended: '期間満了',
    lifted: (on: string) => `${on}に解除`,
  },
  liftedReason: (r: string) => `解除の理由：${r}`,
  liftedState: '解除',
  liftedOn: '解除日',
  liftedOnHint: 'この日から停止の効力がなくなります。',
  liftReason: '解除の理由',
  liftButton: '指名停止を解除する',
  confirmLift: 'この指名停止を解除しますか。',
  // 指名停止の登録
  add: {
    title: '指名停止の登録',
    intro:
      '指名停止の措置を受けた事業者を登録します。停止期間のいずれかの日に掛かる再委託は申請・承認できなくなります。',
    searchLabel: '事業者名または法人番号',
    searchHint: '登録されている事業者から、会社名の一部または法人番号で探します。',
    searchButton: '検索',
    found: (n: number, q: string) => `「${q}」に一致する事業者: ${n}件`,
    none: (q: string) => `「${q}」に一致する事業者はありません。`,
    clear: '検索を解除',
    company: '事業者',
    companyHint: '上の検索で絞り込めます。',
    chooseCompany: '事業者を選んでください',
    from: '停止期間（開始日）',
    to: '停止期間（終了日）',
    toHint: '終期が定まっていないときは空欄にします。',
    reason: '理由（措置の根拠と内容）',
    submit: '指名停止を登録する',
    required: {
      companyId: '事業者を選んでください',
      suspendedFrom: '開始日を入力してください',
      suspendedTo: '終了日は年月日の形で入力してください',
      reason: '理由を入力してください',
    },
  },
  // ダッシュボード
  panel: '指名停止中の事業者との契約',
  panelRow: (company: string, from: string, to: string) => `${company}（指名停止 ${from}〜${to}）`,
  subcontract: '再委託',
};
