import type { Lang } from '../page-context.js';

// The one-time link's pages (回答用リンク). `{self}` words are put in by the page (the ward's own
// word: 区, 市, …) through fillWords.

const ja = {
  title: '遵守状況報告書（別紙5）へのご回答',
  lead: (name: string, org: string) =>
    `${org} ${name} 様：{self}から、個人情報特記事項の遵守に関する報告書（別紙5）へのご回答をお願いしています。このページからアカウントなしで一度だけ回答できます。`,
  expires: '回答期限（このリンクの有効期限）',
  ward: '依頼元',
  organisation: '報告者（受託者）',
  contact: 'ご担当者',
  period: '報告対象期間',
  dueOn: '報告期限',
  copiesNote:
    '写しの添付が必要な回答は、このページからは添付できません。既に添付されている写しは引き継がれます。写しは{self}の担当者へ別途お送りください。',
  doneTitle: 'ご回答を受け付けました',
  done: (at: string) =>
    `${at}に提出しました。ご協力ありがとうございました。このリンクは使用済みとなり、再度開くことはできません。`,
  goneTitle: 'このリンクは使用できません',
  gone: 'このリンクは無効です。有効期限切れ、使用済み、取消し済み、または誤ったアドレスの可能性があります。必要な場合は依頼元の担当者にお問い合わせください。',
  formExpired: 'フォームの確認に失敗しました。ページを再読み込みしてから、もう一度送信してください。',
  tooMany: (minutes: number) =>
    `試行が多すぎるため、一時的に受け付けを停止しています。約${minutes}分後に再度お試しください。`,
};

export type LinkDictionary = {
  [K in keyof typeof ja]: (typeof ja)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};

const en: LinkDictionary = {
  title: 'Your answer to the compliance report (別紙5)',
  lead: (name, org) =>
    `${name} (${org}): the {self} asks you to answer the report on compliance with the special provisions on personal information (別紙5). You may answer once, from this page, without an account.`,
  expires: 'Answer by (this link expires)',
  ward: 'Asked by',
  organisation: 'Reporting company',
  contact: 'Contact',
  period: 'Period reported on',
  dueOn: 'Report due',
  copiesNote:
    'Copies cannot be attached through this page; copies already attached are kept. Please send any other copies to the {self}’s officer.',
  doneTitle: 'Your answer has been received',
  done: (at) => `Submitted at ${at}. Thank you. This link has now been used and cannot be opened again.`,
  goneTitle: 'This link cannot be used',
  gone: 'This link is not valid: it may have expired, been used or revoked, or the address may be wrong. Please ask the officer who sent it if you still need to answer.',
  formExpired: 'The form could not be verified. Reload the page and send it again.',
  tooMany: (minutes) =>
    `Too many attempts; please try again in about ${minutes} minute${minutes === 1 ? '' : 's'}.`,
};

export const linkText = (lang: Lang): LinkDictionary => (lang === 'en' ? en : ja);
/** The page every unusable link answers: the same words, in both languages, whatever the reason. */
export const GONE_TEXT = { ja, en };

// The ward's side: the links of a record on its page, and the link shown once after making it.
const wardJa = {
  section: '回答用リンク（アカウントのない担当者向け）',
  intro:
    '受託者のアカウントを持たない担当者に、この報告書に一度だけ回答できるリンクを送ります。リンクは作成直後に一度だけ表示されます（メール設定があれば担当者にも送信されます）。',
  name: '担当者の氏名',
  email: '担当者のメールアドレス',
  organisation: '担当者の所属（会社名）',
  days: '有効期間（日数、1〜30）',
  create: 'リンクを作成',
  none: 'この報告書の回答用リンクはありません。',
  caption: 'この報告書の回答用リンク',
  contact: '担当者',
  state: '状態',
  expires: '有効期限',
  revoke: '取消し',
  confirmRevoke: 'このリンクを取り消しますか？',
  states: { open: '有効', used: '使用済み', revoked: '取消し済み', expired: '期限切れ' } as Record<
    string,
    string
  >,
  answeredVia: '回答方法',
  answeredBy: (name: string, org: string, email: string) =>
    `回答用リンクにより ${name}（${org}、${email}）が回答`,
  createdTitle: '回答用リンクを作成しました',
  createdLead:
    'このリンクは今回だけ表示されます。担当者に安全な方法でお知らせください。一度回答すると使えなくなります。',
  url: 'リンク',
  back: '報告書に戻る',
};

export type WardLinkDictionary = {
  [K in keyof typeof wardJa]: (typeof wardJa)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : (typeof wardJa)[K];
};

const wardEn: WardLinkDictionary = {
  section: 'Answer links (for a contact without an account)',
  intro:
    'Send a contact of the company who has no account a link to answer this report once. The link is shown once, right after it is made (and mailed to the contact when mail is set up).',
  name: 'Contact’s name',
  email: 'Contact’s e-mail address',
  organisation: 'Contact’s company',
  days: 'Valid for (days, 1–30)',
  create: 'Make the link',
  none: 'No answer links for this report.',
  caption: 'Answer links of this report',
  contact: 'Contact',
  state: 'State',
  expires: 'Expires',
  revoke: 'Revoke',
  confirmRevoke: 'Revoke this link?',
  states: { open: 'open', used: 'used', revoked: 'revoked', expired: 'expired' },
  answeredVia: 'Answered',
  answeredBy: (name, org, email) => `through an answer link by ${name} (${org}, ${email})`,
  createdTitle: 'The answer link has been made',
  createdLead:
    'This link is shown only now. Pass it to the contact by a safe means. It stops working once they have answered.',
  url: 'Link',
  back: 'Back to the report',
};

export const wardLinkText = (lang: Lang): WardLinkDictionary => (lang === 'en' ? wardEn : wardJa);

// The pledge upload through a link (handler_pledge_upload).
const pledgeJa = {
  title: '誓約書（写し）のご提出',
  lead: (name: string, org: string, handler: string) =>
    `${org} ${name} 様：{self}から、${handler}さんの誓約書（写し）のご提出をお願いしています。このページからアカウントなしで一度だけ提出できます。`,
  handler: '取扱者',
  file: '誓約書の写し（PDF・PNG・JPEG、10MB以下）',
  signedOn: '誓約日',
  wordingVersion: '様式の版（例：新宿区様式 令和8年4月版）',
  bindsAfterContract: '契約終了後も効力を有する旨の記載がある',
  bindsAfterLeaving: '退職後も効力を有する旨の記載がある',
  submit: '提出する',
  fileMissing: '誓約書の写しを選択してください',
  doneTitle: '誓約書を受け付けました',
};

export type PledgeDictionary = {
  [K in keyof typeof pledgeJa]: (typeof pledgeJa)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};

const pledgeEn: PledgeDictionary = {
  title: 'Upload a signed pledge (誓約書)',
  lead: (name, org, handler) =>
    `${name} (${org}): the {self} asks you for the signed pledge (誓約書) of ${handler}. You may upload it once, from this page, without an account.`,
  handler: 'Handler',
  file: 'Copy of the signed pledge (PDF, PNG or JPEG, up to 10 MB)',
  signedOn: 'Signed on',
  wordingVersion: 'Wording version (e.g. the ward’s form of April 2026)',
  bindsAfterContract: 'It states that it binds after the contract ends',
  bindsAfterLeaving: 'It states that it binds after the person leaves the company',
  submit: 'Upload',
  fileMissing: 'Choose the copy of the signed pledge',
  doneTitle: 'The pledge has been received',
};

export const pledgeText = (lang: Lang): PledgeDictionary => (lang === 'en' ? pledgeEn : pledgeJa);
