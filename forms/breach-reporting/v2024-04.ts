import type { BreachRules } from './rules.js';

// 漏えい等報告の基準 as in force from 令和6年4月1日 (the amendment of 施行規則 第7条第3号 and 第43条
// 第3号 that took in personal information being acquired, 取得しようとしている個人情報). Article numbers
// are those of 個人情報の保護に関する法律 (平成15年法律第57号, 「法」), 個人情報の保護に関する法律
// 施行規則 (平成28年個人情報保護委員会規則第3号, 「施行規則」), 行政手続における特定の個人を識別
// するための番号の利用等に関する法律 (平成25年法律第27号, 「番号法」) and 行政手続における特定の個人を
// 識別するための番号の利用等に関する法律第二十九条の四第一項及び第二項に基づく特定個人情報の漏えい等に
// 関する報告等に関する規則 (平成27年特定個人情報保護委員会規則第5号, 「番号法規則」).

const APPI = '個人情報の保護に関する法律';
const RULES = '個人情報の保護に関する法律施行規則';
const MYNA = '行政手続における特定の個人を識別するための番号の利用等に関する法律（番号法）';
const MYNA_RULES =
  '特定個人情報の漏えい等に関する報告等に関する規則（平成27年特定個人情報保護委員会規則第5号）';

export const BREACH_RULES_2024_04: BreachRules = {
  version: '2024-04',
  inForceFrom: '2024-04-01',
  regimesOf: {
    municipality: ['public-body', 'my-number'],
    contractor: ['business', 'my-number'],
  },
  criteria: [
    // 行政機関等 (地方公共団体の機関を含む): 法第68条第1項, 施行規則第43条
    {
      key: 'public-body.sensitive',
      regime: 'public-body',
      when: { yes: 'sensitive' },
      longerFinalPeriod: false,
      label: {
        ja: '要配慮個人情報が含まれる',
        en: 'Special-care personal information (要配慮個人情報) is involved',
      },
      source: {
        law: RULES,
        article: '第43条第1号（法第68条第1項）',
        text: '要配慮個人情報が含まれる保有個人情報の漏えい等が発生し、又は発生したおそれがある事態',
      },
    },
    {
      key: 'public-body.financial-damage',
      regime: 'public-body',
      when: { yes: 'financialDamage' },
      longerFinalPeriod: false,
      label: {
        ja: '不正に利用されることにより財産的被害が生じるおそれ',
        en: 'Misuse may cause financial damage',
      },
      source: {
        law: RULES,
        article: '第43条第2号（法第68条第1項）',
        text: '不正に利用されることにより財産的被害が生じるおそれがある保有個人情報の漏えい等',
      },
    },
    {
      key: 'public-body.unlawful-purpose',
      regime: 'public-body',
      when: { yes: 'unlawfulPurpose' },
      longerFinalPeriod: true,
      label: { ja: '不正の目的をもって行われたおそれ', en: 'It may have been done for an unlawful purpose' },
      source: {
        law: RULES,
        article: '第43条第3号（法第68条第1項）',
        text: '不正の目的をもって行われたおそれがある当該行政機関等に対する行為による保有個人情報（取得し、又は取得しようとしている個人情報で保有個人情報として取り扱われることが予定されているものを含む。）の漏えい等',
      },
    },
    {
      key: 'public-body.more-than-100',
      regime: 'public-body',
      when: { count: 'personsAffected', moreThan: 100 },
      longerFinalPeriod: false,
      label: { ja: '本人の数が100人を超える', en: 'More than 100 people are affected' },
      source: {
        law: RULES,
        article: '第43条第4号（法第68条第1項）',
        text: '漏えい等が発生し、又は発生したおそれがある保有個人情報に係る本人の数が百人を超える事態',
      },
    },
    {
      key: 'public-body.ordinance-sensitive',
      regime: 'public-body',
      when: { yes: 'ordinanceSensitive' },
      longerFinalPeriod: false,
      label: {
        ja: '条例要配慮個人情報が含まれる',
        en: "Special-care information under the municipality's ordinance (条例要配慮個人情報) is involved",
      },
      source: {
        law: RULES,
        article: '第43条第5号（法第68条第1項、法第60条第5項）',
        text: '地方公共団体の機関又は地方独立行政法人において、条例要配慮個人情報が含まれる保有個人情報の漏えい等',
      },
    },
    // 個人情報取扱事業者 (the contractor as a business): 法第26条第1項, 施行規則第7条
    {
      key: 'business.sensitive',
      regime: 'business',
      when: { yes: 'sensitive' },
      longerFinalPeriod: false,
      label: {
        ja: '要配慮個人情報が含まれる',
        en: 'Special-care personal information (要配慮個人情報) is involved',
      },
      source: {
        law: RULES,
        article: '第7条第1号（法第26条第1項）',
        text: '要配慮個人情報が含まれる個人データの漏えい等が発生し、又は発生したおそれがある事態',
      },
    },
    {
      key: 'business.financial-damage',
      regime: 'business',
      when: { yes: 'financialDamage' },
      longerFinalPeriod: false,
      label: {
        ja: '不正に利用されることにより財産的被害が生じるおそれ',
        en: 'Misuse may cause financial damage',
      },
      source: {
        law: RULES,
        article: '第7条第2号（法第26条第1項）',
        text: '不正に利用されることにより財産的被害が生じるおそれがある個人データの漏えい等',
      },
    },
    {
      key: 'business.unlawful-purpose',
      regime: 'business',
      when: { yes: 'unlawfulPurpose' },
      longerFinalPeriod: true,
      label: { ja: '不正の目的をもって行われたおそれ', en: 'It may have been done for an unlawful purpose' },
      source: {
        law: RULES,
        article: '第7条第3号（法第26条第1項）',
        text: '不正の目的をもって行われたおそれがある当該個人情報取扱事業者に対する行為による個人データ（取得し、又は取得しようとしている個人情報を含む。）の漏えい等',
      },
    },
    {
      key: 'business.more-than-1000',
      regime: 'business',
      when: { count: 'personsAffected', moreThan: 1000 },
      longerFinalPeriod: false,
      label: { ja: '本人の数が1,000人を超える', en: 'More than 1,000 people are affected' },
      source: {
        law: RULES,
        article: '第7条第4号（法第26条第1項）',
        text: '漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数が千人を超える事態',
      },
    },
    // 特定個人情報: 番号法第29条の4第1項, 番号法規則第2条 (for the municipality and the contractor alike)
    {
      key: 'my-number.system',
      regime: 'my-number',
      when: { yes: 'myNumberSystem' },
      longerFinalPeriod: false,
      label: {
        ja: '情報提供ネットワークシステム又は個人番号利用事務等の情報システムで管理される特定個人情報',
        en: 'My Number data held in the information-provision network or a My Number system',
      },
      source: {
        law: MYNA_RULES,
        article: '第2条第1号（番号法第29条の4第1項）',
        text: 'イ 情報提供ネットワークシステム及びこれに接続された電子計算機に記録された特定個人情報、ロ 個人番号利用事務実施者が個人番号利用事務を処理するために使用する情報システムにおいて管理される特定個人情報 等の漏えい等',
      },
    },
    {
      key: 'my-number.unlawful-purpose',
      regime: 'my-number',
      when: { yes: 'unlawfulPurpose' },
      longerFinalPeriod: true,
      label: {
        ja: '不正の目的をもって行われたおそれ（特定個人情報）',
        en: 'My Number data: an unlawful purpose may be involved',
      },
      source: {
        law: MYNA_RULES,
        article: '第2条第2号（番号法第29条の4第1項）',
        text: '不正の目的をもって行われたおそれがある特定個人情報の漏えい等、又は不正の目的をもって特定個人情報が利用され、若しくは提供されたおそれがある事態',
      },
    },
    {
      key: 'my-number.publicly-viewable',
      regime: 'my-number',
      when: { yes: 'publiclyViewable' },
      longerFinalPeriod: false,
      label: {
        ja: '電磁的方法により不特定多数の者が閲覧できる状態となった',
        en: 'My Number data became viewable by an unspecified number of people',
      },
      source: {
        law: MYNA_RULES,
        article: '第2条第3号（番号法第29条の4第1項）',
        text: '特定個人情報ファイルに記録された特定個人情報が電磁的方法により不特定多数の者に閲覧され、又は閲覧されるおそれがある事態',
      },
    },
    {
      key: 'my-number.more-than-100',
      regime: 'my-number',
      when: { count: 'myNumberPersonsAffected', moreThan: 100 },
      longerFinalPeriod: false,
      label: { ja: '特定個人情報に係る本人の数が100人を超える', en: 'More than 100 people’s My Number data' },
      source: {
        law: MYNA_RULES,
        article: '第2条第4号（番号法第29条の4第1項）',
        text: '漏えい等が発生し、又は発生したおそれがある特定個人情報（番号法第9条・第19条に反して利用・提供されたものを含む。）に係る本人の数が百人を超える事態',
      },
    },
  ],
  encryptionExcludes: [
    {
      law: RULES,
      article: '第43条第1号括弧書・第7条第1号括弧書',
      text: '高度な暗号化その他の個人の権利利益を保護するために必要な措置を講じたものを除く（以下この条において同じ）',
    },
    {
      law: MYNA_RULES,
      article: '第2条第1号括弧書',
      text: '特定個人情報（高度な暗号化その他の個人の権利利益を保護するために必要な措置を講じたものを除く。以下同じ。）',
    },
  ],
  preliminary: {
    days: 3,
    label: { ja: '速報', en: 'First report' },
    practice:
      '「速やかに」。個人情報保護委員会のガイドラインでは概ね3～5日以内。本システムは、その幅の初日（覚知日を1日目として3日目）を期限として表示し、督促する。',
    source: {
      law: RULES,
      article: '第44条第1項（行政機関等）・第8条第1項（事業者）、番号法規則第3条第1項',
      text: '報告対象事態を知った後、速やかに、当該事態に関する事項（その時点で把握しているもの）を報告する',
    },
  },
  final: {
    days: 30,
    label: { ja: '確報', en: 'Full report' },
    source: {
      law: RULES,
      article: '第44条第2項（行政機関等）・第8条第2項（事業者）、番号法規則第3条第2項',
      text: '当該事態を知った日から三十日以内に、当該事態に関する事項を報告する',
    },
  },
  finalLonger: {
    days: 60,
    label: { ja: '確報（不正の目的）', en: 'Full report (unlawful purpose)' },
    source: {
      law: RULES,
      article: '第44条第2項括弧書（第43条第3号）・第8条第2項括弧書（第7条第3号）、番号法規則第3条第2項',
      text: '不正の目的をもって行われたおそれがある事態にあっては、六十日以内',
    },
  },
  dayOne:
    '覚知日（当該事態を知った日、日本時間）を1日目として数え、土日・祝日も含める。民法第140条の初日不算入によれば期限は1日後になるが、早い方を期限とする。',
  noticeToPersons: {
    'public-body': {
      law: APPI,
      article: '第68条第2項（施行規則第45条）',
      text: '本人に対し、当該事態が生じた旨を通知しなければならない',
      exceptions: [
        '本人への通知が困難な場合であって、本人の権利利益を保護するため必要なこれに代わるべき措置をとるとき（第68条第2項第1号）',
        '当該保有個人情報に第78条第1項各号に掲げる不開示情報が含まれるとき（第68条第2項第2号）',
      ],
    },
    business: {
      law: APPI,
      article: '第26条第2項（施行規則第10条）',
      text: '本人に対し、当該事態が生じた旨を通知しなければならない（委託元に通知した委託先を除く）',
      exceptions: [
        '本人への通知が困難な場合であって、本人の権利利益を保護するため必要なこれに代わるべき措置をとるとき（第26条第2項ただし書）',
      ],
    },
    'my-number': {
      law: MYNA,
      article: '第29条の4第2項（番号法規則第5条）',
      text: '本人に対し、当該事態が生じた旨を通知しなければならない',
      exceptions: [
        '本人への通知が困難な場合であって、本人の権利利益を保護するため必要なこれに代わるべき措置をとるとき（第29条の4第2項ただし書）',
      ],
    },
  },
  contractorRelief: [
    {
      law: APPI,
      article: '第26条第1項ただし書（施行規則第9条）',
      text: '委託を受けた者が、委託をした行政機関等又は個人情報取扱事業者に当該事態が生じた旨を通知したときは、報告を要しない',
    },
    {
      law: MYNA,
      article: '第29条の4第1項ただし書',
      text: '委託を受けた者が、委託をした者に当該事態が生じた旨を通知したときは、報告を要しない',
    },
  ],
  references: [
    {
      what: '番号法規則 第2条（柱書、第1号イ・ロ、暗号化の括弧書）',
      where: 'https://elaws.jp/view/427M60020000005 (e-Gov 法令検索の写し)',
      checked: '第2条第1号まで本文を確認。第2号～第4号・第3条・第5条の号番号は記憶による（未確認）',
    },
    {
      what: '施行規則 第7条（事業者の4類型、1,000人超）、速報「概ね3～5日以内」、確報30日・60日、暗号化の除外',
      where: 'https://www.businesslawyers.jp/practices/1433 (弁護士解説、委員会ガイドライン通則編の要約)',
      checked: '内容を確認。条番号は同記事の略記による',
    },
    {
      what: '委託元への通知による例外（通則編 3-5-3-5）',
      where: 'https://qiita.com/tetz1/items/9795719757154b99855b (ガイドライン通則編 3-5-3-2 の引用)',
      checked: '内容を確認',
    },
    {
      what: '施行規則 第43条～第45条（行政機関等の5類型、100人超、条例要配慮個人情報）',
      where: '個人情報保護委員会「個人情報の保護に関する法律についてのガイドライン（行政機関等編）」',
      checked: '本文は検索で得られず、号番号は記憶による（未確認）。公表文で確認すること',
    },
    {
      what: '期限の数え方（覚知日を1日目）',
      where: '個人情報保護委員会 Q&A（確報の期限の算定）',
      checked: '本文は検索で得られず（未確認）。早い方の期限を採る',
    },
  ],
};
