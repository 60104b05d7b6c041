// 二要素認証（ログイン時の確認コード、認証アプリの設定、リカバリーコード）と区の設定の画面の文言
// （日本語）. security-en.ts has the same keys, checked by the compiler; ja.ts and en.ts take this
// section as `security`.

export const securityJa = {
  nav: '二要素認証',
  title: '二要素認証',
  intro:
    'パスワードに加えて、スマートフォンの認証アプリ（Google Authenticator、Microsoft Authenticator など）が表示する確認コードでログインします。',
  status: '状態',
  on: '有効',
  off: '無効',
  requiredByWard: '所属する{self}の設定により必須です',
  recoveryLeft: (n: number) => `未使用のリカバリーコード: ${n}個`,
  start: '二要素認証を設定する',
  regenerate: 'リカバリーコードを再発行する',
  regenerateHint:
    '再発行すると、これまでのリカバリーコードは使えなくなります。確認コードを入力してください。',
  disable: '二要素認証を無効にする',
  disableHint: '確認コードまたはリカバリーコードを入力してください。',
  codeTitle: '確認コードの入力',
  codeIntro:
    '認証アプリに表示されている6桁の確認コードを入力してください。認証アプリを使えないときは、リカバリーコードを入力できます。',
  code: '確認コード',
  codeOrRecovery: '確認コード（6桁）またはリカバリーコード',
  verify: '確認する',
  enrolTitle: '認証アプリの設定',
  enrolRequired:
    '所属する{self}の設定により、ログインには二要素認証が必要です。認証アプリを設定してください。',
  scan: '1. スマートフォンの認証アプリで、次のQRコードを読み取ってください。',
  qrAlt: (account: string) => `認証アプリに登録するQRコード（${account}）`,
  typeKey: '読み取れない場合は、次のキーを認証アプリに手入力してください（時間ベース、6桁）。',
  secretKey: 'キー',
  enterFirst: '2. 認証アプリに表示された6桁の確認コードを入力してください。',
  confirm: '設定を完了する',
  recoveryTitle: 'リカバリーコード',
  recoveryIntro:
    '認証アプリを使えなくなったときに、確認コードの代わりに入力できるコードです。それぞれ1回だけ使えます。この画面を離れると二度と表示されません。印刷するなどして安全な場所に保管してください。',
  recoveryList: 'リカバリーコードの一覧',
  continue: '続ける',
  wrongCode: '確認コードが正しくありません',
  blank: '確認コードを入力してください',
  expired:
    'ログインの有効期限が切れたか、確認コードの入力回数を超えました。パスワードからやり直してください。',
  chooseOrganisation:
    'このメールアドレスとパスワードで複数の組織のアカウントにログインできます。組織を選んでください。',
  organisation: '組織',
  ward: {
    nav: '{self}の設定',
    title: (name: string) => `{self}の設定（${name}）`,
    intro: 'この{self}の方針を設定します（課長）。変更は監査記録に残ります。',
    maxDepth: '認める再委託の段階',
    depths: {
      '0': '再委託を認めない',
      '1': '再委託まで（再々委託は認めない）',
      '2': '再々委託まで',
      '3': '3段階まで',
    } as Record<string, string>,
    chain: '承認申請の決裁の順序',
    chainHint: '選んだ役職が、この順に決裁します。1つ以上選んでください。',
    roles: { ward_officer: '担当者', ward_chief: '係長', ward_manager: '課長' } as Record<string, string>,
    secondFactor: '二要素認証',
    requireSecondFactor: '{self}の職員のログインに二要素認証を必須とする',
    requireHint: '必須にすると、まだ設定していない職員は次のログイン時に認証アプリを設定します。',
    pickOne: '1つ以上選んでください',
    pickDepth: '選択肢から選んでください',
    municipality: '{self}について',
    kind: '団体の種別',
    kindHint: (defaults: string) =>
      `空欄のときの呼称・長の職名は種別によります（今の種別では ${defaults}）。`,
    selfWord: '呼称',
    selfWordHint: '画面・帳票で自らを呼ぶ語です。空欄なら種別の呼称を使います。',
    headTitle: '長の職名',
    headTitleHint:
      '申請書のあて先・通知書の発行者に書く職名です。空欄なら種別の職名（上の種別の説明のとおり）を使います。',
    councilName: '審議会の名称',
    councilNameHint: '報告事項を報告する審議会です。審議会を置かないときは空欄にします。',
    reportBodyName: '報告先',
    reportBodyHint:
      '条例や規則が審議会以外の機関に報告すると定めるときの機関名です（例: 情報公開・個人情報保護審査会）。空欄なら審議会に報告します。',
    ordinanceName: '条例の名称',
    ordinanceHint: '報告事項の根拠となる条例です。',
    councilReportArticle: '報告の根拠条項',
    councilReportArticleHint: '例: 第14条第1項。報告事項ごとに別の条項を記録することもできます。',
  },
};
