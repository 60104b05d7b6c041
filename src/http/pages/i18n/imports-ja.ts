// 既存記録の取込みの画面の文言（日本語）. imports-en.ts has the same keys, checked by the compiler;
// ja.ts and en.ts take this section as `imports`.

export const importsJa = {
  title: '既存記録の取込み',
  link: 'Excel・紙の記録を取り込む',
  intro:
    'Excelや紙で管理してきた委託契約・情報項目・取扱者名簿と過去の再委託の承認・受渡しの記録を、テンプレートに記入して取り込みます。すべての行に誤りがないときだけ登録され、誤りがあれば行と列ごとに示して何も登録しません。取り込んだ記録の日付（契約日・業務開始日・名簿の確認日など）は記録どおりに残り、現在の受渡しの時刻の規則は適用されません。',
  order: '委託契約を先に取り込み、情報項目と名簿は契約番号で契約を指定します。',
  states:
    '契約の状態は「下書き」「実施中」「完了」のいずれかです。「実施中」の契約は紙で承認済みのものとして、改めて承認を経ずに実施中になります。再委託契約は取り込めません（受託者がシステムで申請します）。',
  formats:
    '日付は 2026-04-01、2026/4/1 又は 令和8年4月1日、有無は「有」「無」で入力します。「=」「+」「-」「@」で始まる値は数式とみなされるため取り込めません。ExcelブックはExcelのまま（.xlsx）、CSVは「CSV UTF-8」の形式で保存してください（2MiB・2,000行まで）。誤りは行・列とセル（例: B7）で示します。',
  templates: 'テンプレート',
  templateXlsx: 'Excel',
  templateCsv: 'CSV',
  pastNote:
    '過去の再委託の承認と、媒体・パスワード通知書の受渡し、返却、消去の記録は、記録どおりの日付で契約の履歴として取り込みます（「取込み（過去の記録）」と表示）。パスワード通知書を媒体の1時間後以降に渡すことや未来の時刻を認めないことなどの規則は、これからの記録にだけ適用されます。',
  kinds: {
    contracts: '委託契約',
    register: '情報項目',
    handlers: '取扱者名簿',
    approvals: '再委託の承認（過去の記録）',
    handovers: '媒体の受渡し・消去（過去の記録）',
  } as Record<string, string>,
  kind: '取り込む記録',
  file: 'ファイル（Excelブック .xlsx 又は CSV）',
  fileHint:
    'テンプレートの見出しをそのまま使ってください。Excelブックは最初のシート（又はテンプレートと同じ名前のシート）を読みます。数式・マクロ・他のブックへのリンクは取り込めません。',
  chooseFile: '取り込む記録の種類とファイルを選んでください。',
  dryRun: '確認のみ（登録しない）',
  submit: '取り込む',
  checked: (rows: number, records: number) =>
    `誤りはありません（${rows}行、登録される記録 ${records}件）。確認のみのため、何も登録していません。`,
  problems: '誤りのある行',
  row: '行',
  column: '列',
  cell: 'セル',
  problem: '内容',
  importedRecord: '既存記録の取込み（日付は取込み前の記録のとおり）',
  history: '取込みの履歴',
  noHistory: 'まだ取込みはありません。',
  importedAt: '取込日時',
  fileName: 'ファイル名',
  rowCount: '行数',
  recordCount: '登録件数',
  importedBy: '取込者',
  peopleTitle: '名簿の人（既存の取扱者との照合）',
  peopleMatch: { existing: '登録済みの取扱者', new: '新しい取扱者' } as Record<string, string>,
  contractNumber: '契約番号',
  fullName: '氏名',
  match: '照合',
  pastTitle: '取込み（過去の記録）',
  pastIntro:
    '紙などで記録していた過去の再委託の承認・受渡し・返却・消去です。記録どおりの日時で、システムの手続きを経たものではありません。',
  pastWhen: '日時',
  pastKind: '区分',
  pastRecord: '記録の内容',
  pastBadge: '取込み（過去の記録）',
  pastKinds: {
    subcontract_approval: '再委託の承認',
    media_handover: '媒体の受渡し',
    password_handover: 'パスワード通知書の受渡し',
    return: '返却',
    erasure: '消去',
  } as Record<string, string>,
};
