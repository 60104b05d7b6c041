import { type ChecklistSection, group as g } from '../checklist/checklist.js';

// Chapter 2 of the Toshima protection checksheet (seed 000): one section per processing mode
// (処理の形態), each checked only when the contract has that mode. Word for word, including the
// seed's own spellings (手續, 持込み).

const CHAPTER = '2 取り扱う個人情報等のセキュリティ対策について';

const supervision = (key: string, mark: string) =>
  g(key, `${mark} 区の監督の受け入れについて`, "Accepting the ward's supervision", [
    [
      'ア',
      '契約後における区の監督員による監督の受け入れについて認識している。(受け入れている。)',
      "The contractor is aware that it accepts supervision by the ward's inspector after the contract is signed (and accepts it).",
    ],
    [
      'イ',
      '施設等への立入検査又は監査等の担当責任者を指定している。',
      'A person responsible for on-site inspections and audits of its premises is designated.',
    ],
  ]);

export const paperHandoverSection: ChecklistSection = {
  key: 'm1',
  chapter: CHAPTER,
  heading: '(1) 個人情報等を紙媒体で提供する委託',
  headingEn: '(1) Work where personal information is provided on paper',
  note: '(1) 区の施設内外で個人情報等を紙媒体で提供する委託 ⇒(1)の事項を確認',
  noteEn: 'Work inside or outside ward premises where personal information is provided on paper: check (1).',
  appliesWhen: { mode: 'paper_handover' },
  groups: [
    g('m1-1', '① 個人情報等の保管場所の管理体制について', 'Management of the storage place', [
      [
        'ア',
        '引き渡した個人情報等を安全に保管できる設備(施錠できる保管庫・耐火金庫等)を有している。',
        'There is equipment to keep the handed-over personal information safe (a lockable cabinet, a fireproof safe, etc.).',
      ],
      [
        'イ',
        '保管場所の施錠及び開錠の責任者の指定並びに鍵の管理を徹底している。',
        'A person responsible for locking and unlocking the storage place is designated and the keys are strictly managed.',
      ],
      [
        'ウ',
        '盗難及び紛失等の事故防止措置を講じている。',
        'Measures against theft, loss and other incidents are taken.',
      ],
    ]),
    g('m1-2', '② 取り扱う個人情報等の管理について', 'Management of the personal information handled', [
      [
        'ア',
        '個人情報等の受渡し及び搬送方法を文書等で明確化している。',
        'How personal information is handed over and carried is set down in writing.',
      ],
      [
        'イ',
        '個人情報等の受渡記録(個人情報の内容、受渡日時、担当者等)を作成している。',
        'Handovers are recorded (contents, date and time, persons).',
      ],
      [
        'ウ',
        '個人情報等の受渡し及び搬送従事者を限定している。',
        'Only designated staff hand over and carry personal information.',
      ],
      [
        'エ',
        '個人情報等の受渡時に身分証明書又は確認証等により搬送従事者の確認を行っている。',
        'At handover the carrier is identified by an ID card or a confirmation slip.',
      ],
      ['オ', '委託業務の履行場所を限定している。', 'The places where the work is done are limited.'],
      [
        'カ',
        '履行場所の施錠及び開錠の責任者の指定並びに鍵の管理を徹底している。',
        'A person responsible for locking and unlocking the work place is designated and the keys are strictly managed.',
      ],
      [
        'キ',
        '受託業務処理の必要上個人情報等を保管場所の外へ持ち出す場合は、持出記録(個人情報等の内容、持出・返却日時、担当者等)を作成し、返却時の確認を行っている。',
        'When personal information must leave the storage place, a take-out record is kept (contents, times out and back, person) and its return is checked.',
      ],
      [
        'ク',
        '業務上不要になった個人情報等の返還方法(直接手渡す、セキュリティ便で送付する等)を文書等で明確化している。',
        'How personal information no longer needed is returned (by hand, by secure courier, etc.) is set down in writing.',
      ],
      [
        'ケ',
        '業務上不要になった個人情報等を廃棄する場合は、区の職員が立ち合い、結果報告書を提出することとしている。',
        'When personal information no longer needed is disposed of, ward staff witness it and a report of the result is submitted.',
      ],
    ]),
    supervision('m1-3', '③'),
  ],
};

export const onPremisesSection: ChecklistSection = {
  key: 'm2',
  chapter: CHAPTER,
  heading: '(2) 区の施設で電算処理を行う委託',
  headingEn: '(2) Work where personal information is processed by computer inside ward premises',
  note: '(2) 区の施設内で個人情報等の電算処理を行う委託 ⇒(2)の事項を確認',
  noteEn: 'Work where personal information is processed by computer inside ward premises: check (2).',
  appliesWhen: { mode: 'on_premises' },
  groups: [
    g('m2-1', '① 個人情報等の保管場所の管理体制について', 'Management of the storage place', [
      [
        'ア',
        '個人情報等を安全に保管できる設備(施錠できる保管庫・耐火金庫等)を有している。',
        'There is equipment to keep personal information safe (a lockable cabinet, a fireproof safe, etc.).',
      ],
      [
        'イ',
        '保管場所の施錠及び開錠の責任者の指定並びに鍵の管理を徹底している。',
        'A person responsible for locking and unlocking the storage place is designated and the keys are strictly managed.',
      ],
      [
        'ウ',
        '盗難及び紛失等の事故防止措置を講じている。',
        'Measures against theft, loss and other incidents are taken.',
      ],
    ]),
    g(
      'm2-2',
      '② 電子計算組織による個人情報等処理のセキュリティ対策について',
      'Security of computer processing of personal information',
      [
        ['ア', '委託業務の履行場所を限定している。', 'The places where the work is done are limited.'],
        [
          'イ',
          '作業従事者の履行場所への私物等の持ち込みを制限(私物は指定のロッカーへ保管する等)している。',
          "Workers' personal belongings are kept out of the work place (e.g. in designated lockers).",
        ],
        [
          'ウ',
          'ID・パスワード、ICカード等の機器又は身体等による利用者認証及びアクセス制限を行い、作業従事者を限定している。',
          'Users are authenticated and access restricted by ID and password, IC cards or biometrics, so that only the workers have access.',
        ],
        [
          'エ',
          '作業従事者の取り扱う業務内容に応じたアクセス権限を施し、取り扱う個人情報等の項目を限定している。',
          "Access rights follow each worker's tasks, limiting the personal-information items they handle.",
        ],
        [
          'オ',
          '作業従事者が個人情報等の処理に使用する端末を業務の必要性に基づき限定している。',
          'The terminals workers use for personal information are limited to what the work needs.',
        ],
        [
          'カ',
          '作業従事者が個人情報等の処理に使用する端末に付与する機能を業務の必要性に基づき限定している(外部記録媒体接続の制限等)',
          'The functions of those terminals are limited to what the work needs (e.g. external media blocked).',
        ],
        [
          'キ',
          '個人情報等の処理に使用する端末の盗難防止措置を講じている。',
          'The terminals are protected against theft.',
        ],
        [
          'ク',
          '個人情報等に関わる操作記録を保存している。',
          'Operation logs concerning personal information are kept.',
        ],
        [
          'ケ',
          '個人情報等データベースへの不正アクセスの除去対策、ウイルス感染による個人情報データの流出対策を文書等で明確化し、運用している。',
          'Measures against unauthorised access to the database and against leaks through viruses are set down in writing and applied.',
        ],
        [
          'コ',
          'パソコン等の紛失・盗難による個人データの流出対策(業務用パソコン・個人データの持ち出しルールの徹底)を講じている。',
          'Measures against leaks through lost or stolen PCs (strict rules on taking out work PCs and personal data) are taken.',
        ],
        [
          'サ',
          '業務上不要になった個人情報等の返還又は廃棄・消去について、第三者への漏えいに留意して安全な方法で行っている。',
          'Personal information no longer needed is returned, disposed of or erased safely, with care that nothing leaks to third parties.',
        ],
      ],
    ),
    g('m2-3', '③ 取り扱う個人情報等の管理について', 'Management of the personal information handled', [
      [
        'ア',
        '個人情報等の受渡の手續を文書等で明確化している。',
        'The handover procedure is set down in writing.',
      ],
      [
        'イ',
        '個人情報等の受渡し記録(個人情報の内容、受渡日時、担当者等)を作成している。',
        'Handovers are recorded (contents, date and time, persons).',
      ],
      [
        'ウ',
        '委託業務の電算処理に係るパソコン等の取扱方法を遵守している。',
        'The rules on handling the PCs used for the work are followed.',
      ],
      [
        'エ',
        '受託業務処理の必要上個人情報等を保管場所の外へ持ち出す場合は、持出記録(個人情報等の内容、持出・返却日時、担当者等)を作成し、返却時の確認を行っている。',
        'When personal information must leave the storage place, a take-out record is kept (contents, times out and back, person) and its return is checked.',
      ],
      [
        'オ',
        '業務上不要となった個人情報等を廃棄・消去する場合は、区と定めた取扱方法を遵守している。',
        'Disposal or erasure of personal information no longer needed follows the method agreed with the ward.',
      ],
    ]),
    supervision('m2-4', '④'),
  ],
};

export const offsiteElectronicSection: ChecklistSection = {
  key: 'm3',
  chapter: CHAPTER,
  heading:
    '(3) 区の施設外へ電磁的記録による個人情報等を外部記憶媒体の移送、又は通信回線等による送信その他の方法で提供して電算処理を行う委託',
  headingEn:
    '(3) Work where electronic personal information leaves ward premises on media or over a network and is processed by computer',
  note: '(3) 区の施設外へ電磁的記録による個人情報等を外部記憶媒体の移送又は通信回線等による送信その他の方法で提供して電算処理を行う委託 ⇒(3)の事項を確認',
  noteEn: 'Work where electronic records leave ward premises on media or over a network: check (3).',
  appliesWhen: { mode: 'offsite_electronic' },
  groups: [
    g('m3-1', '① 個人情報等の保管場所の管理体制について', 'Management of the storage place', [
      [
        'ア',
        '引き渡した個人情報等を安全に保管し、委託業務を履行できる設備を有している。',
        'There is equipment to keep the handed-over personal information safe and to do the work.',
      ],
      [
        'イ',
        '保管場所の施錠及び開錠の責任者の指定並びに鍵の管理を徹底している。',
        'A person responsible for locking and unlocking the storage place is designated and the keys are strictly managed.',
      ],
      ['ウ', '電算処理施設への入室規制措置を講じている。', 'Entry to the computer room is restricted.'],
      [
        'エ',
        '盗難及び紛失等の事故防止措置を講じている。',
        'Measures against theft, loss and other incidents are taken.',
      ],
    ]),
    g('m3-2', '② 取り扱う個人情報等の管理について', 'Management of the personal information handled', [
      [
        'ア',
        '個人情報等の受渡し及び移送・送信時の手続を文書等で明確化している。',
        'The procedure for handover, transport and transmission is set down in writing.',
      ],
      [
        'イ',
        '個人情報等の受渡し記録(個人情報の内容、受渡日時、担当者等)を作成している。',
        'Handovers are recorded (contents, date and time, persons).',
      ],
      [
        'ウ',
        '個人情報等を移送・送信できる作業従事者を限定している。',
        'Only designated workers may transport or transmit personal information.',
      ],
      [
        'エ',
        '個人情報等の移送・送信時に身分証明書又はパスワード等により作業従事者の確認を行っている。',
        'Workers are identified by ID card or password when transporting or transmitting.',
      ],
      [
        'オ',
        '移送・送信時の安全確保措置(施錠管理、データの暗号化、専用回線、パスワードの設定など)を講じている。',
        'Transport and transmission are secured (locking, encryption, dedicated lines, passwords, etc.).',
      ],
    ]),
    g(
      'm3-3',
      '③ 電子計算組織による個人情報等処理のセキュリティ対策について',
      'Security of computer processing of personal information',
      [
        ['ア', '委託業務の履行場所を限定している。', 'The places where the work is done are limited.'],
        [
          'イ',
          '作業従事者の履行場所への私物等の持込みを制限(私物は指定のロッカーへ保管する等)している。',
          "Workers' personal belongings are kept out of the work place (e.g. in designated lockers).",
        ],
        [
          'ウ',
          'ID・パスワード、ICカード等の機器又は身体等による利用者認証及びアクセス制限を行い、作業従事者を限定している。',
          'Users are authenticated and access restricted by ID and password, IC cards or biometrics, so that only the workers have access.',
        ],
        [
          'エ',
          '作業従事者の取り扱う業務内容に応じたアクセス権限を施し、取り扱う個人情報等の項目を限定している。',
          "Access rights follow each worker's tasks, limiting the personal-information items they handle.",
        ],
        [
          'オ',
          '作業従事者が個人情報等の処理に使用する端末を業務の必要性に基づき限定している。',
          'The terminals workers use for personal information are limited to what the work needs.',
        ],
        [
          'カ',
          '作業従事者が個人情報等の処理に使用する端末に付与する機能を業務の必要性に基づき限定している(外部記録媒体接続の制限等)。',
          'The functions of those terminals are limited to what the work needs (e.g. external media blocked).',
        ],
        [
          'キ',
          '個人情報等の処理に使用する端末の盗難防止措置を講じている。',
          'The terminals are protected against theft.',
        ],
        [
          'ク',
          '個人情報等に関わる操作記録を保存している。',
          'Operation logs concerning personal information are kept.',
        ],
        [
          'ケ',
          '個人情報データベースへの不正アクセスの除去対策、ウイルス感染による個人データの流出対策を文書等で明確化し、運用している。',
          'Measures against unauthorised access to the database and against leaks through viruses are set down in writing and applied.',
        ],
        [
          'コ',
          'パソコンの紛失・盗難による個人データの流出対策(業務用パソコン・個人データの流出対策)を文書等で明確化し、運用している。',
          'Measures against leaks through lost or stolen PCs are set down in writing and applied.',
        ],
        [
          'サ',
          '受託業務処理の必要上個人情報等を保管場所の外へ持ち出す場合は、持出記録(個人情報等の内容、持出・返却日時、担当者等)を作成し、返却時の確認を行っている。',
          'When personal information must leave the storage place, a take-out record is kept (contents, times out and back, person) and its return is checked.',
        ],
        [
          'シ',
          '業務上不要になった個人情報等の返還又は廃棄・消去の方法を文書等で明確化している。',
          'How personal information no longer needed is returned, disposed of or erased is set down in writing.',
        ],
        [
          'ス',
          '業務完了後、使用した全機器からの不要になった個人情報等の確実な消去を行っている。',
          'After the work, personal information no longer needed is reliably erased from every device used.',
        ],
        [
          'セ',
          'あらかじめ区の承認を受けて業務上不要になった個人情報等を廃棄・消去する場合は、第三者への漏えいに留意して安全な方法で行い、その結果を区に報告している。',
          'Disposal or erasure approved by the ward in advance is done safely, with care that nothing leaks, and the result is reported to the ward.',
        ],
      ],
    ),
    supervision('m3-4', '④'),
  ],
};
