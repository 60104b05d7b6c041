// 漏えい等報告 (breach reports to the Personal Information Protection Commission) on the incident
// page: the questions, the judgment, the due days and the reports sent. Kept apart from ja.ts so
// that merges stay simple.

export const breachJa = {
  title: '漏えい等報告（個人情報保護委員会）',
  intro:
    '個人情報保護委員会への報告と本人への通知が必要かを、質問への回答から判定します。判定基準は法令の条文ごとにデータとして管理しています。',
  notAssessed: 'まだ判定していません。下の質問に回答してください。',
  notAssessedReader: '{self}はまだ判定していません。',
  questionsTitle: '判定の質問',
  questionsHint: '分かっている範囲で回答してください。確報を送付するまでは回答を変更できます。',
  conditions: '該当する事項（すべて選択）',
  registerHints: '契約の情報項目から',
  registerMyNumber: (items: string) => `この契約の情報項目には特定個人情報が含まれます（${items}）。`,
  registerSpecial: (items: string) =>
    `この契約の情報項目には要配慮個人情報に当たる項目があります（${items}）。`,
  countHint: '不明な場合は空欄にしてください。',
  assess: '判定する',
  reassess: '回答を変更して再判定する',
  required: '個人情報保護委員会への報告が必要です',
  notRequired: '報告を要する事態に該当しません',
  excludedByEncryption: '高度な暗号化等の措置が講じられているため、報告の対象外です。',
  reasons: '該当する事態と根拠',
  noReasons: '該当する事態はありません。',
  contractorTitle: '委託先（事業者として）',
  contractorRelieved: (articles: string) =>
    `事業者としても報告対象ですが、{self}に事故を報告（通知）したため、委託先自身の報告は要しません（${articles}）。`,
  contractorMust: '委託先自身も事業者として報告が必要です。',
  contractorNot: '事業者としての報告対象事態には該当しません。',
  deadlines: '期限と送付',
  columns: { report: '報告', due: '期限', sent: '送付日', action: '記録' },
  preliminaryDue: (days: number) => `覚知日を1日目として${days}日目`,
  finalDue: (days: number) => `${days}日以内`,
  noticeDue: '速やかに',
  practice:
    '速報は「速やかに」（委員会のガイドラインでは概ね3～5日以内）。本システムはその幅の初日を期限として表示し、督促します。',
  dayCount: '期限は覚知日（日本時間）を1日目とする暦日で数え、土日・祝日を含みます。',
  noticeRequired: '本人通知が必要です',
  noticeNotRequired: '本人通知は要しません',
  notSent: '未送付',
  sentOn: '送付日',
  record: (report: string) => `${report}を送付済みとして記録する`,
  recordConfirm: (report: string) => `${report}を送付済みとして記録します。よろしいですか？`,
  documents: '報告内容',
  pdf: '漏えい等報告書（PDF）',
  csv: '漏えい等報告書（CSV）',
  rulesVersion: (v: string) => `判定基準 ${v}`,
  enterDate: '日付を入力してください',
  assessedAt: '判定日時',
  reports: { preliminary: '速報', final: '確報', notice: '本人通知' } as Record<string, string>,
  panel: '漏えい等報告（速報・確報・本人通知）',
};

export type BreachDictionary = typeof breachJa;
