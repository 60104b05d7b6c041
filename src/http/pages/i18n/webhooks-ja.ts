// Webhook の送信先の画面の文言（日本語）. webhooks-en.ts has the same keys, checked by the compiler;
// ja.ts and en.ts take this section as `webhooks`.

export const webhooksJa = {
  nav: 'Webhook',
  title: 'Webhook の送信先',
  intro:
    '承認申請の提出・承認、指摘事項の期限超過、事故報告、消去証明書の発行を、登録した URL へ署名付きで通知します。通知には記録の種類・番号・画面の URL だけを載せ、住民の個人情報や職員の氏名は載せません。',
  verify:
    '受信側は webhook-signature ヘッダー（v1,…）を、署名鍵で webhook-id・webhook-timestamp・本文を「.」でつないだ文字列の HMAC-SHA256 と照合してください（Standard Webhooks 方式。詳しくは API リファレンス）。',
  empty: '登録された送信先はありません。',
  columns: {
    url: '送信先 URL',
    ward: '通知元',
    events: '通知する出来事',
    state: '状態',
    actions: '操作',
  },
  enabled: '有効',
  disabled: '停止',
  ping: 'テスト送信',
  rotate: '署名鍵を更新',
  disable: '送信を停止',
  confirmDisable: 'この送信先への送信を停止しますか。',
  deliveries: (url: string) => `送信履歴：${url}`,
  noDeliveries: 'まだ送信していません。',
  deliveryColumns: {
    at: '発生日時',
    event: '出来事',
    record: '記録',
    status: '結果',
    attempts: '試行回数',
    last: '最後の応答',
    next: '次の再送',
  },
  deliveryStates: {
    pending: '送信待ち・再送待ち',
    delivered: '送信済み',
    failed: '送信失敗（打切り）',
    cancelled: '取消し（送信先停止）',
  } as Record<string, string>,
  pingEvent: 'テスト送信',
  add: {
    title: '送信先の登録',
    url: '送信先 URL',
    urlHint: 'https で始まる URL。社内ネットワーク（プライベートアドレス）には送れません。',
    description: 'メモ（任意）',
    ward: '通知元の自治体',
    wardHint: 'どの自治体の記録についての通知を受けるか選びます。',
    events: '通知する出来事',
    submit: '登録する',
    pickEvent: '出来事を一つ以上選んでください',
    pickWard: '自治体を選んでください',
  },
  secretTitle: '署名鍵（この一度だけ表示します）',
  secretIntro: '受信側に保存してください。この画面を離れると再表示できません。',
  pinged: (status: string) => `テスト送信の結果：${status}`,
};
