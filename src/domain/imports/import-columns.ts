// What each kind of import holds: its columns under the headings the seed forms use, with what
// the template's note row says about each. Pure data: import-templates.ts reads rows by them,
// write-xlsx.ts draws the workbook template from them.

export const IMPORT_KINDS = ['contracts', 'register', 'handlers', 'approvals', 'handovers'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The kind's name; `ja` is also the name of the template's sheet (at most 31 characters). */
export const IMPORT_KIND_NAMES: Record<ImportKind, { ja: string; en: string }> = {
  contracts: { ja: '委託契約', en: 'contracts' },
  register: { ja: '情報項目', en: 'data-item registers' },
  handlers: { ja: '取扱者名簿', en: 'handler rosters' },
  approvals: { ja: '再委託の承認（過去の記録）', en: 'past sub-contracting approvals' },
  handovers: { ja: '媒体の受渡し・消去（過去の記録）', en: 'past handovers and erasures' },
};

export interface Column {
  heading: string;
  required?: boolean;
  max?: number;
  /** A date or a date and time: a workbook's serial number is read as one, and the template formats it. */
  type?: 'date' | 'datetime';
  /** What the template's note row says (after 必須/任意 and the format). */
  hint?: string;
}

const CONTRACT_NUMBER: Column = {
  heading: '契約番号',
  required: true,
  max: 100,
  hint: '取り込み済みの委託契約の契約番号',
};

export const IMPORT_COLUMNS: Record<ImportKind, Column[]> = {
  contracts: [
    { heading: '契約番号', required: true, max: 100, hint: 'ほかの契約と重複しない番号' },
    { heading: '件名', required: true, max: 300 },
    { heading: '所管課', required: true, max: 200, hint: 'システムに登録された課の名称' },
    { heading: '受託者（法人番号又はID）', required: true, max: 40, hint: '13桁の法人番号' },
    { heading: '契約日', type: 'date' },
    { heading: '契約期間（開始）', required: true, type: 'date' },
    { heading: '契約期間（終了）', required: true, type: 'date' },
    { heading: '契約金額', hint: '円（数字のみ）' },
    { heading: '履行場所', max: 300 },
    { heading: '個人情報の取扱い', required: true, hint: '有 又は 無' },
    { heading: '処理の形態', hint: '1 紙媒体の引渡し、2 庁内での電算処理、3 庁外への持出し（例: 1、3）' },
    { heading: '業務内容', max: 4000 },
    { heading: '状態', required: true, hint: '下書き・実施中・完了' },
    { heading: '業務開始日', type: 'date', hint: '実施中・完了の契約（空欄は契約期間の開始日）' },
  ],
  register: [
    CONTRACT_NUMBER,
    { heading: '対象者', max: 200 },
    { heading: '項目名', max: 200 },
    { heading: '区分', hint: '収集 又は 提供' },
    { heading: '過年度分', hint: '有 又は 無' },
    { heading: '要配慮区分', hint: '思想・信条・宗教／社会的差別の原因となる事実／犯罪' },
    { heading: '特定個人情報', hint: '有 又は 無' },
    { heading: '承認の記録', max: 1000, hint: '要配慮区分の項目の承認（決裁番号・理由など）' },
    { heading: '記録媒体', hint: '紙・USB・委託先のパソコン・クラウドサービス・その他' },
    { heading: '記録媒体の名称', max: 300 },
  ],
  handlers: [
    CONTRACT_NUMBER,
    {
      heading: '役割',
      required: true,
      hint: '統括責任者・取扱責任者・業務責任者・副業務責任者・取扱者・業務従事者',
    },
    { heading: '氏名', required: true, max: 100, hint: '既に登録されている人は同じ氏名で' },
    { heading: 'フリガナ', max: 100, hint: '同姓同名の人を区別します' },
    { heading: '役職', max: 100 },
    { heading: '業務', max: 200, hint: '業務責任者・副業務責任者は必須' },
    { heading: '特定個人情報の取扱い', hint: '有 又は 無' },
    { heading: '従事開始日', required: true, type: 'date' },
    { heading: '従事終了日', type: 'date' },
    { heading: '誓約書の日付', type: 'date', hint: '従事開始日以前' },
    { heading: '名簿の確認日', type: 'date', hint: '区が名簿を確認した日' },
  ],
  // 再委託の承認 (toshima 別紙7 第7条 2: 名称, 理由, 処理する内容, 取り扱う情報) as the ward approved it
  approvals: [
    { ...CONTRACT_NUMBER, hint: '再委託した受託者の契約の契約番号' },
    { heading: '再委託先の名称', required: true, max: 200 },
    { heading: '再委託先の法人番号', max: 20, hint: '13桁（分かる場合）' },
    { heading: '再委託する理由', required: true, max: 2000 },
    { heading: '再委託して処理する内容', required: true, max: 2000 },
    { heading: '再委託において取り扱う情報', max: 2000 },
    { heading: '申請日', type: 'date' },
    { heading: '承認日', required: true, type: 'date', hint: '今日以前' },
    { heading: '文書番号', max: 100, hint: '承認通知の文書番号・決裁番号' },
    { heading: '備考', max: 1000 },
  ],
  // 受渡記録 (seed 003: 内容, 日時, 渡した者, 受け取った者, 本人確認) and 消去の記録 (日時, 方法, 実施者)
  handovers: [
    CONTRACT_NUMBER,
    { heading: '区分', required: true, hint: '媒体の受渡し・パスワード通知書の受渡し・返却・消去' },
    { heading: '日時', required: true, type: 'datetime', hint: '今日以前' },
    { heading: '内容', required: true, max: 1000, hint: '媒体・資料と記録の内容' },
    { heading: '渡した者', max: 100, hint: '受渡し・返却は必須' },
    { heading: '受け取った者', max: 100, hint: '受渡し・返却は必須' },
    { heading: '本人確認の方法', max: 200 },
    { heading: '消去の方法', max: 300, hint: '消去は必須（消去ソフト・物理的破壊など）' },
    { heading: '消去した者', max: 100, hint: '消去は必須' },
    { heading: '備考', max: 1000 },
  ],
};

/** The template's note under a heading: 「※必須。日付（…）。…」. Every note starts with ※. */
export function columnNote(column: Column): string {
  const parts = [column.required ? '必須' : '任意'];
  if (column.type === 'date') parts.push('日付（2026/4/1 又は 令和8年4月1日）');
  if (column.type === 'datetime') parts.push('日時（2026/4/1 10:30）');
  if (column.max) parts.push(`${column.max}文字以内`);
  if (column.hint) parts.push(column.hint);
  return `※${parts.join('。')}`;
}
