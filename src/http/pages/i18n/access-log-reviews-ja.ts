// アクセスログの確認（特定個人情報）の画面の文言（日本語）. access-log-reviews-en.ts has the same keys,
// checked by the compiler; ja.ts and en.ts take this section as `accessLogReviews`.

export const accessLogReviewsJa = {
  panel: 'アクセスログの確認（記録・確認）',
  title: 'アクセスログの確認',
  intro:
    '特定個人情報（個人番号）を取り扱う契約では、受託者の業務責任者・取扱責任者が特定個人情報を扱うシステムのアクセスログを定期的に確認し、その結果を記録します。{self}はこれを確認します。確認の頻度は契約ごとに定め、定めがなければ毎月です。確認は各期間の終了日の翌日に定時処理で発行され、期間終了後10日以内が期限です。',
  list: 'アクセスログの確認の一覧',
  none: 'アクセスログの確認はありません。',
  detailTitle: (period: string) => `アクセスログの確認：${period}`,
  filterQ: '契約の件名・契約番号',
  filterStatus: '状態',
  overdue: '期限超過',
  status: {
    issued: '未実施',
    returned: '差戻し',
    recorded: '実施済み（確認待ち）',
    confirmed: '確認済み',
  } as Record<string, string>,
  interval: { monthly: '毎月', quarterly: '四半期ごと' } as Record<string, string>,
  fields: {
    contract: '契約',
    organisation: '受託者',
    period: '対象期間',
    dueOn: '期限',
    status: '状態',
    reviewedOn: '確認日',
    reviewerName: '確認者（業務責任者・取扱責任者）',
    logsReviewed: '確認したアクセスログ（システム・ログの種類・範囲）',
    anomaliesFound: '不審なアクセス等の有無',
    anomalyDescription: '不審なアクセス等の内容',
    actionTaken: '講じた措置',
    recordedAt: '記録日時',
    returnComment: '差戻しの理由',
    confirmedAt: '確認日時',
    confirmComment: '確認のコメント',
  },
  anomalies: { yes: 'あり', no: 'なし' },
  anomalyNotice:
    '不審なアクセス等が見つかりました。個人情報の漏えい等のおそれがある場合は、直ちに事故報告をしてください。',
  reportIncident: '事故報告をする',
  actions: '操作',
  commands: {
    record: '確認結果を記録する',
    confirm: '確認する',
    'send-back': '差し戻す',
  } as Record<string, string>,
};
