// 指名停止の画面とダッシュボードの文言（日本語）. suspensions-en.ts has the same keys, checked by
// the compiler; ja.ts and en.ts take this section as `suspensions`.

export const suspensionsJa = {
  nav: '指名停止',
  title: '指名停止の一覧',
  intro:
    '指名停止中の事業者は、停止期間のいずれかの日に掛かる再委託先として申請できません。期間の途中で解除するときは、解除日と理由を記録します。',
  empty: '指名停止の登録はありません。',
  columns: {
    company: '事業者',
    period: '停止期間',
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
  liftedOn: '解除日',
  liftedOnHint: 'この日から停止の効力がなくなります。',
  liftReason: '解除の理由',
  liftButton: '指名停止を解除する',
  confirmLift: 'この指名停止を解除しますか。',
  // ダッシュボード
  panel: '指名停止中の事業者との契約',
  panelRow: (company: string, from: string, to: string) => `${company}（指名停止 ${from}〜${to}）`,
  subcontract: '再委託',
};
