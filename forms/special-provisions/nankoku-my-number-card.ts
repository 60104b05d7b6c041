import type { ProvisionArticle, ProvisionTemplate } from './special-provisions.js';

// Seed 004 (南国市個人番号カード関係業務委託仕様書) 「5. 受託事業者の責務」 (1)～(4), word for word: the
// specification numbers them (1)～(4), kept here as 第1項～第4項 so that a refusal can cite them
// (「特記事項 第3項」 is the specification's 5(3)). Its items ①②③ are printed as they are.

const articles: ProvisionArticle[] = [
  {
    label: '第1項',
    heading: '守秘義務及び個人情報の取扱い（仕様書 5(1)）',
    paragraphs: [
      '① 受託事業者は、本委託事業の実施に当たり、「個人情報の保護に関する法律」(平成 15 年法律第 57 号)及びその関連法令、「南国市個人情報の保護に関する法律施行条例」(令和 4 年 12 月 19 日条例第 40 号)を遵守すること。',
      '② 受託事業者は、本委託事業で取り扱う個人情報等について、第三者に漏えい及び開示、並びに目的外利用を行ってはならない。また、本委託事業の実施に必要な場合を除き、指定された以外の場所へ持ち出してはならない。なお、上記の取扱いは本委託事業が終了(解除の場合を含む。)した後においても同様とする。',
      '③ 受託事業者は、統括責任者、業務責任者及び業務従事者と本委託事業の契約終了後及び退職後においても、有効な個人情報や機密情報の漏えい及び目的外利用を禁じた誓約書の写しを業務開始までに市へ提出すること。なお、業務開始後に、統括責任者、業務責任者及び業務従事者を新たに雇用した場合には、その都度速やかに上記誓約書の写しを市へ提出すること。',
    ],
  },
  {
    label: '第2項',
    heading: '個人情報を記録した文書等の取扱い（仕様書 5(2)）',
    paragraphs: [
      '① 受託事業者は、本委託事業で取り扱う個人情報等を記録した届書、通知書等(以下「届書等という。)について、漏えい、紛失、毀損等が発生しないよう必要な措置を講じること。',
      '② 受託事業者は、業務仕様書等に定める場合を除き、届書等の全部又は一部の複写複製等を行ってはならない。また、複写複製等を防止するため必要な措置を講じること。',
    ],
  },
  {
    label: '第3項',
    heading: '情報機器等の持込み制限（仕様書 5(3)）',
    paragraphs: [
      '受託事業者は、統括責任者、業務責任者及び業務従事者、またその関係者に関わらず情報端末(デスクトップPC、ノートPC、タブレットPC及びプリンタ等の周辺機器を含む。)及び記録媒体(USBメモリ等)(以下「情報端末等」という。)の無断持ち込みを禁止する。ただし、業務責任者が受託事業者の本部への報告業務や業務従事者への連絡調整等のため指定された執務場所に持ち込む場合には、機器名、仕様、用途等を報告の上、事前に市の許可を得て使用することとする。なお、次の ①~② についても留意すること。',
      '① 許可を得て持ち込んだ端末であっても市のネットワークへの接続は許可しない。',
      '② 受託事業者は、情報端末等の保管場所、使用場所については、市と協議をし決定すること。',
    ],
  },
  {
    label: '第4項',
    heading: 'その他（仕様書 5(4)）',
    paragraphs: ['本仕様書及び契約書に記載されていない事項については市と協議を行うこと。'],
  },
];

export const nankokuMyNumberCard: ProvisionTemplate = {
  id: 'nankoku-my-number-card',
  version: 1,
  title: '受託事業者の責務（南国市個人番号カード関係業務委託仕様書 5）',
  source: '南国市個人番号カード関係業務委託仕様書 5 受託事業者の責務 (1)～(4)',
  party: 'contractor',
  // The specification has no separate provisions for a sub-contractor: whoever the city permits
  // (番号法 第10条) carries the same duties.
  flowDownId: 'nankoku-my-number-card',
  forbidsSubcontracting: false,
  // 5(2)②: 届書等 are copied only where the specification provides; it provides no such case
  copyingOnlyAsSpecified: true,
  articles,
  duties: {
    secrecy: '第1項',
    purpose: '第1項',
    third_party: '第1項',
    take_out: '第1項',
    copying: '第2項',
    devices: '第3項',
  },
};
