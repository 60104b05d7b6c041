import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import type { PasswordNoticeData } from '../../domain/handover/password-notice.js';
import { JAPANESE_FONT } from '../fonts.js';
import { fileSize, groupedHash, japanDate, japanDateTime } from './format.js';

// パスワード通知書 (seed 003 運用8): printed once, when the package is made, and handed over by
// hand on a separate occasion from the media. Drawing only; src/domain/handover/password-notice.ts
// collects the facts. The password appears on this paper and nowhere else.

type PasswordNoticeView = PasswordNoticeData;

const s = StyleSheet.create({
  page: {
    fontFamily: JAPANESE_FONT,
    fontSize: 9,
    paddingVertical: 32,
    paddingHorizontal: 40,
    lineHeight: 1.45,
  },
  right: { textAlign: 'right' },
  title: { fontSize: 18, fontWeight: 700, textAlign: 'center', letterSpacing: 4, marginVertical: 10 },
  to: { fontSize: 11, marginBottom: 2 },
  from: { textAlign: 'right', marginBottom: 8 },
  lead: { marginBottom: 6 },
  table: { borderTopWidth: 1, borderLeftWidth: 1, borderColor: '#000' },
  row: { flexDirection: 'row', borderBottomWidth: 1, borderColor: '#000' },
  head: {
    width: '24%',
    padding: 4,
    borderRightWidth: 1,
    borderColor: '#000',
    backgroundColor: '#f0f0f0',
    fontWeight: 700,
  },
  cell: { width: '76%', padding: 4, borderRightWidth: 1, borderColor: '#000' },
  hash: { fontSize: 8.5, lineHeight: 1.3 },
  passwordBox: { borderWidth: 2, borderColor: '#000', padding: 8, marginVertical: 8, alignItems: 'center' },
  passwordLabel: { fontSize: 9, fontWeight: 700, marginBottom: 2 },
  password: { fontSize: 20, fontWeight: 700, letterSpacing: 3, lineHeight: 1.2, marginVertical: 4 },
  passwordNote: { fontSize: 8, color: '#333', marginTop: 4 },
  heading: { fontWeight: 700, marginTop: 8, marginBottom: 2 },
  note: { fontSize: 8.5 },
  receipt: { flexDirection: 'row', borderBottomWidth: 1, borderColor: '#000', minHeight: 24 },
  receiptHead: {
    width: '24%',
    padding: 4,
    borderRightWidth: 1,
    borderColor: '#000',
    backgroundColor: '#f0f0f0',
  },
  receiptCell: { width: '76%', padding: 4, borderRightWidth: 1, borderColor: '#000' },
  // From the top of the A4 page (841.89pt): with the page's lineHeight react-pdf drops a fixed
  // text anchored by `bottom`, and the footer went missing.
  footer: {
    position: 'absolute',
    top: 814,
    left: 40,
    right: 40,
    fontSize: 7.5,
    textAlign: 'center',
    color: '#555',
  },
});

const t = (value: string, style?: (typeof s)[keyof typeof s]) => h(Text, style ? { style } : {}, value);

function row(head: string, ...content: ReactElement[]): ReactElement {
  return h(
    View,
    { style: s.row, wrap: false },
    h(View, { style: s.head }, t(head)),
    h(View, { style: s.cell }, ...content),
  );
}

function receiptRow(head: string, body: string): ReactElement {
  return h(
    View,
    { style: s.receipt, wrap: false },
    h(View, { style: s.receiptHead }, t(head)),
    h(View, { style: s.receiptCell }, t(body)),
  );
}

/**
 * How the recipient opens the package with the product's own page, in Japanese: the product is
 * reached at the address the municipality gave (no address of this server is printed: the one a
 * request came in on may be an internal one), the page by its button or its path.
 */
function openingSteps(v: PasswordNoticeView): string[] {
  return [
    `本システム（${v.selfWord}から案内されたアドレス）にログインし、この受渡データの画面で「ブラウザで復号する」を押します。ログインせずに、同じアドレスの ${v.openPageUrl} を開いても構いません。`,
    '「受渡データのファイル」で媒体の中のファイル（.jwe）を選び、表示されるSHA-256が上記の値と一致することを確認します。一致しないときは開かずに直ちに連絡してください。',
    '上記のパスワードを入力して「復号する」を押すと、収録ファイルを保存できます。復号はブラウザ内で行われ、データもパスワードもサーバーへ送信されません。',
  ];
}

export function PasswordNoticeDocument(v: PasswordNoticeView): ReactElement {
  const notes = [
    '本通知書は、暗号化した個人情報データ（電磁的媒体）とは別の機会に、手渡しで受け渡します。媒体と同じ機会には受け渡しません。',
    '本通知書は施錠できるキャビネットに保管し、鍵は取扱責任者が管理してください。複写・撮影・転記をしないでください。',
    `業務が終了したとき又は不要となったときは、電磁的媒体とともに${v.selfWord}へ返却してください。`,
    `本システムはパスワードを保存していないため、再発行できません。紛失した場合は直ちに${v.selfWord}へ連絡してください（受渡データを取り下げ、作り直します）。`,
  ];
  return h(
    Document,
    { title: `パスワード通知書 ${v.packageTitle}`, author: v.wardName, language: 'ja' },
    h(
      Page,
      { size: 'A4', style: s.page },
      t(`発行日　${japanDate(new Date(v.preparedAt))}`, s.right),
      t('パスワード通知書', s.title),
      t(`${v.recipientName}　取扱責任者　様`, s.to),
      t(`${v.wardName}　${v.departmentName}`, s.from),
      t('下記の受渡データ（暗号化した電磁的媒体）を開くためのパスワードを通知します。', s.lead),
      h(
        View,
        { style: s.table },
        row('受渡データ番号', t(v.packageNumber)),
        row('件名', t(v.packageTitle)),
        row('契約', t(`${v.contractTitle}${v.contractNumber ? `（${v.contractNumber}）` : ''}`)),
        row('含まれる情報項目', ...v.items.map((g) => t(`${g.group}：${g.names.join('、')}`))),
        row('収録ファイル', ...v.files.map((f) => t(`${f.name}（${fileSize(f.sizeBytes)}）`))),
        row(
          '暗号化ファイル',
          t('SHA-256（媒体から読み出したファイルと照合）'),
          t(groupedHash(v.sha256), s.hash),
          t(
            `大きさ：${v.ciphertextBytes.toLocaleString('ja-JP')} バイト　作成：${japanDateTime(new Date(v.preparedAt))}　${v.preparedBy}`,
          ),
        ),
        row('暗号方式', t(v.method)),
      ),
      h(
        View,
        { style: s.passwordBox, wrap: false },
        t('パスワード', s.passwordLabel),
        t(v.password, s.password),
        t(
          '英大文字と数字（O・I・0・1は使っていません）。ハイフンは入力しなくても構いません。',
          s.passwordNote,
        ),
      ),
      t('受渡データの開き方（本システムの復号ページ）', s.heading),
      ...openingSteps(v).map((n, i) => t(`${i + 1}　${n}`, s.note)),
      t('取扱い上の注意', s.heading),
      ...notes.map((n, i) => t(`${i + 1}　${n}`, s.note)),
      t('受領欄（本通知書を受け取った者が記入）', s.heading),
      h(
        View,
        { style: s.table, wrap: false },
        receiptRow('受領日時', '　　　　年　　月　　日　　時　　分'),
        receiptRow('受領者（取扱責任者・取扱者）', ''),
        receiptRow('本人確認の方法', '□ 身分証明書　□ 社員証・職員証　□ 確認証　□ その他（　　　　　　　）'),
        receiptRow(`交付者（${v.selfWord}職員）`, ''),
      ),
      h(Text, {
        style: s.footer,
        fixed: true,
        render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
          `パスワード通知書　受渡データ番号 ${v.packageNumber}　${pageNumber} / ${totalPages}`,
      }),
    ),
  );
}
