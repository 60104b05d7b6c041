// 消去証明書の検証ページ（/verify、ログイン不要）の文言（日本語）. verify-en.ts has the same keys;
// ja.ts and en.ts take this section as `verify`.

export const verifyJa = {
  title: '消去証明書の検証',
  intro:
    '消去証明書が発行されたとおりか（有効）、内容が変えられていないか（改ざん）を確認します。ログインは不要です。証明書のQRコードを読み取ると、番号と検証コードが入った状態でこのページが開きます。',
  byCode: '紙の証明書から確認する',
  number: '証明書番号',
  numberHint:
    '証明書の右上に「第2026-0001号」のように印字されています（「第」「号」は不要です）。検証コードだけでも確認できます。',
  code: '検証コード（SHA-256）',
  codeHint: '証明書の「電子署名・検証」欄の英数字64文字です。空白はあってもなくても構いません。',
  check: '確認する',
  byJws: '署名ファイル（JWS）から確認する',
  jws: '署名（JWS）を貼り付け',
  jwsHint: '証明書と一緒に受け取った署名ファイル（.jws）の内容を貼り付けます。',
  result: '確認の結果',
  results: {
    valid: '有効：この証明書は発行されたとおりです',
    tampered: '改ざんの疑い：発行された証明書と一致しません。発行元に確認してください',
    unknown: '不明：この番号と検証コードの証明書は確認できません。入力を見直してください',
  },
  missing: '検証コードを入力してください（証明書番号もあれば入力してください）。',
  fields: {
    certificateNumber: '証明書番号',
    certifiedBy: '証明者',
    ward: '提出先',
    contractTitle: '契約',
    erasedAt: '消去日時',
    issuedAt: '発行日時',
    sha256: '検証コード',
  },
  timeNote: '日時は日本時間（JST）で表示しています。',
  apiNote: 'システムから確認する場合は API（POST /api/v1/certificate-verification）を利用できます。',
};
