// 受信箱 (inbox) and the worklist panels' words, kept apart from ja.ts so that merges stay simple.

export const inboxJa = {
  nav: '受信箱',
  title: '受信箱',
  unread: (n: number) => `未対応 ${n}件`,
  unreadMore: (n: number) => `未対応 ${n}件以上`,
  waiting: '対応待ち',
  waitingHint: 'あなたの操作を待っている手続です。操作すると、この一覧から消えます。',
  nothing: '現在、あなたの操作を待っている手続はありません。',
  reminders: 'お知らせ（期限の通知）',
  noReminders: 'お知らせはありません。',
  columns: {
    what: '手続',
    title: '件名',
    party: '相手方',
    state: '状態',
    since: '受付日時',
    due: '期限',
  },
  markRead: '既読にする',
  read: '既読',
  unreadMark: '未読',
  done: '対応済み',
  open: '開く',
  overdue: '期限超過',
  /** What the viewer is asked to do, by kind of work. */
  what: {
    approvals: '承認申請の決裁・提出',
    'prior-approvals': '事前承認の決裁',
    devices: '情報機器等の持込みの許可',
    'report-requests': '報告の求め（報告・受理、期限超過）',
    'inspection-sign-off': '実地検査結果の決裁',
    'reports-received': '遵守状況報告書の受付・決裁',
    'reports-to-answer': '遵守状況報告書の回答',
    'operational-reports-received': '業務報告の受付・決裁',
    'operational-reports-to-submit': '業務報告の提出',
    recommendations: '改善勧告への回答・確認',
    'access-log-reviews': 'アクセスログの確認（記録・確認）',
    'contract-reviews': '契約の見直し（見直し周期）',
    incidents: '事故報告への対応',
    'breach-reports': '漏えい等報告（速報・確報・本人通知）の送付',
    'handler-lists': '取扱者名簿の確認',
    certificates: '消去証明書・受渡データの確認',
    certifications: '認証（プライバシーマーク・ISMS・ISMAP）の更新',
    'findings-past-due': '改善期限を過ぎた指摘事項',
    'inspections-due': '実地検査の実施',
    'council-items': '{body}への付議',
  } as Record<string, string>,
  /** The dashboard panel of a kind that has no older title of its own. */
  inspectionSignOff: '決裁待ちの実地検査',
  digestSubject: (n: number) => `【受信箱】対応待ち ${n}件`,
};

export type InboxDictionary = typeof inboxJa;

/** Choosing a company by name or 法人番号 (the sub-contracting application). */
export const companySearchJa = {
  legend: '再委託先を探す',
  label: '会社名または法人番号',
  hint: '取引のある会社（再委託の関係にある会社）から、会社名の一部または法人番号で探します。見つからない会社は、下の「新しい再委託先」で法人番号を入力してください。',
  button: '検索',
  found: (n: number, q: string) => `「${q}」に一致する会社: ${n}件`,
  none: (q: string) =>
    `「${q}」に一致する取引先はありません。新しい再委託先として法人番号で指定してください。`,
  clear: '検索を解除',
};
