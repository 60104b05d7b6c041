import { type ChecklistTemplate, group as g } from '../checklist/checklist.js';

// 個人情報・情報資産の委託先等監督チェックリスト (seed 002, Fukuoka city), with its 確認要領, word for
// word. Item marks (ア, イ …) are kept apart from the text; the form prints them as "ア.text".

export const fukuokaSupervisionChecklist: ChecklistTemplate = {
  key: 'fukuoka-supervision',
  version: 1,
  title: '個人情報・情報資産の委託先等監督チェックリスト',
  titleEn: 'Supervision checklist for contractors handling personal information and information assets',
  source: 'seed 002 (福岡市 ひとり親家庭ワンストップ就業支援事業業務委託 基本仕様書 別添)',
  purpose: 'privacy',
  results: ['ok', 'ng', 'na'],
  observationRequiredFor: ['ng'],
  legend: '適→○ 否→× 該当なし→/',
  columns: { result: '確認結果', date: '実施日', observation: '確認内容' },
  signOffBoxes: ['課長', '係長', '担当者'],
  intro: [
    'このチェックリストは、契約書添付の「個人情報・情報資産取扱特記事項」の各項目に関し、委託先等において適切に実施されていることを確認するためのものです。実地検査を行う場合は、このチェックリストに基づいて、委託先等の安全管理措置状況を確認してください。',
  ],
  guidance: [
    '【確認要領】',
    '・特記事項に基づき、少なくとも年1回以上、原則として実地検査により確認を行ってください。',
    '※委託先が遠隔地にある等の理由により現地に赴くことが難しいような事情がある場合は、例えばテレビ通話や写真等で管理の現況を確認するなど、代替方法により確実に検査を実施してください。',
    '※確認項目1及び4については、提出された書類等の確認を持って検査に代えることもできますが、必要に応じて実地検査により確認を行ってください。',
    '・実地検査は原則として本契約の監督員が実施してください。やむを得ず監督員以外の者が実施する場合は、事前に所属長に承認を受けた者が実施してください。また、必要に応じて補助者を指名し、複数人で確認を行ってください。',
    '・確認項目ごとに、確認結果及び実施日、確認内容を記載してください。',
    '【確認結果】 適→○ 否→× 該当なし→/ ※業務内容により確認する必要がない項目は「該当なし」を選択',
    '【実施日】 実地検査を行い確認した日を記載',
    '【確認内容】 実地検査において確認した内容(適否判定の根拠)を記載',
    '・確認結果が「否(×)」の場合は、委託先等と協議の上、改善に要する期間を定め、改善を指導してください。',
    'また、改善結果を報告させるとともに、必要に応じて再度実地検査を実施するなどして、改善状況を確認してください。',
    'なお、改善が確認できた場合は、確認内容欄にその旨(再確認日・改善結果)を追記してください。',
    '・全ての項目の確認が終了した後、課長まで決裁のうえ、契約書に編綴してください。',
    '※ 業務内容に応じて項目の追加が必要な場合は、適宜確認項目を追加(行を追加)して実施してください。',
    'ただし、既存の確認項目について削除または改変する場合は、事前に情報セキュリティ統括管理者に協議が必要です。',
    '(情報セキュリティ共通実施手順8(1)①ウ)',
  ],
  sections: [
    {
      key: '1',
      heading: '1 組織体制等',
      headingEn: '1 Organisation',
      groups: [
        g('1-1', '①個人情報等の管理体制を確認', 'Management of personal information', [
          [
            'ア',
            '個人情報等の取扱責任者や取り扱う担当者は明確になっているか。',
            'Are the person responsible and the staff handling personal information named?',
          ],
          [
            'イ',
            '取り扱う文書・データの種類、個人情報等の記載項目は明確にされているか。',
            'Are the kinds of documents and data handled, and the personal-information items in them, defined?',
          ],
        ]),
        g('1-2', '②漏えい事故等発生時の体制を確認', 'Arrangements for leaks and other incidents', [
          [
            'ア',
            '委託業者内での報告体制は明確になっているか。',
            "Is the reporting line inside the contractor's company defined?",
          ],
          [
            'イ',
            '委託業者から市への報告体制は明確になっているか。',
            'Is the reporting line from the contractor to the city defined?',
          ],
        ]),
        g('1-3', '③従事者に対する研修の実施状況を確認', 'Training of the workers', [
          [
            'ア',
            '研修資料、対象者、実施回数は適切か。',
            'Are the training material, the audience and the number of sessions adequate?',
          ],
        ]),
        g(
          '1-4',
          '④業務の再委託は原則として認められないことを踏まえた確認',
          'Sub-contracting, which is in principle not allowed',
          [
            [
              'ア',
              '業務の再委託を行う場合、市からの承諾を得ているか。',
              "Where work is sub-contracted, was the city's consent obtained?",
            ],
            [
              'イ',
              '再委託先で個人情報の取り扱いがある場合、再委託先でも同等の措置が行われることを確認しているか。',
              'Where the sub-contractor handles personal information, has the contractor confirmed that it takes equal measures?',
            ],
          ],
        ),
      ],
    },
    {
      key: '2',
      heading: '2 作業場所、保管場所',
      headingEn: '2 Work place and storage place',
      groups: [
        g('2-1', '①個人情報等を取扱う作業場所を確認', 'The place where personal information is worked on', [
          [
            'ア',
            '個人情報等を取扱う区域や場所を明確に定めているか。',
            'Are the areas and places where personal information is handled clearly defined?',
          ],
          ['イ', '入退室管理を適切に行っているか。', 'Is entry and exit controlled properly?'],
          ['ウ', '十分なスペースが確保され、整理整頓されているか。', 'Is there enough space, kept tidy?'],
        ]),
        g('2-2', '②個人情報等の保管場所を確認', 'The place where personal information is stored', [
          [
            'ア',
            '個人情報等の保管場所・保管方法は適切か。(個人番号が記載された書類は、施錠できる場所に保管しているか。)',
            'Are the storage place and method adequate? (Are documents bearing My Number kept in a lockable place?)',
          ],
          [
            'イ',
            'USBメモリ等の電磁的記録媒体を使用する場合、施錠できる場所に保管されているか。',
            'Where USB memory or other electronic media are used, are they kept in a lockable place?',
          ],
          [
            'ウ',
            '本契約に関係のない他の書類、電磁的記録媒体等と区分されているか。(自社のものや他契約のもの)',
            "Are they kept apart from documents and media unrelated to this contract (the company's own, or other contracts')?",
          ],
        ]),
        g(
          '2-3',
          '③個人情報を含むデータの保存場所や取り扱いの状況を確認',
          'Where data containing personal information is kept, and how it is handled',
          [
            [
              'ア',
              '個人情報等を含むデータが、アクセス権やパスワード等により、許可された者のみが閲覧できる場所に適切に保存されているか。',
              'Is such data stored where only authorised persons can see it, by access rights or passwords?',
            ],
            [
              'イ',
              'サーバーおよび端末において、修正プログラムが適切に適用され、ウイルス対策ソフトが最新状態で運用されているか。',
              'Are patches applied on servers and terminals, and is anti-virus software kept up to date?',
            ],
          ],
        ),
      ],
    },
    {
      key: '3',
      heading: '3 個人情報の收受、利用',
      headingEn: '3 Receiving, sending and using personal information',
      groups: [
        g('3-1', '①漏えい等の事故を防止するための対策を確認', 'Measures against leaks and other incidents', [
          [
            'ア',
            '個人情報等の收受や送付について、記録等の管理が行われているか。(日時・書類名・担当者等)',
            'Are receipts and dispatches of personal information recorded (date and time, document, person)?',
          ],
          [
            'イ',
            '郵送時に、封入物のダブルチェックをするなど誤送付対策が適切に行われているか。',
            'When mailing, are wrong deliveries prevented, e.g. by double-checking the contents?',
          ],
          [
            'ウ',
            'メール送信時には、事前に複数人で確認するなど誤送付対策が適切に行われているか。',
            'When e-mailing, are wrong deliveries prevented, e.g. by several people checking first?',
          ],
          [
            'エ',
            'WEBへの公開時には、事前に複数人で確認するなど公開情報の確認等の対応を行っているか。',
            'Before publishing on the web, do several people check what is published?',
          ],
        ]),
        g(
          '3-2',
          '②作業場所以外への持ち出し時の安全対策を確認',
          'Safety when taking information out of the work place',
          [
            [
              'ア',
              '契約書等で定められた場所以外に持ち出しを行っていないか。持ち出す場合は、市に書面で承認を得ているか。',
              "Is nothing taken outside the places set in the contract, or, if it is, with the city's written approval?",
            ],
            [
              'イ',
              '持ち出す場合、責任者に許可をとるとともに、日時、書類・データの名称、持出先、持ち出し者名などを記録しているか。',
              'When taking out, is the responsible person asked and are the date, documents or data, destination and person recorded?',
            ],
            [
              'ウ',
              '施錠可能なバッグを使用するなど、紛失・盗難対策を行っているか。',
              'Are loss and theft prevented, e.g. with lockable bags?',
            ],
            [
              'エ',
              'USBメモリ等でデータを持ち出す場合、暗号化やパスワード設定を行っているか。',
              'When data leaves on USB memory or similar, is it encrypted or password-protected?',
            ],
          ],
        ),
        g(
          '3-3',
          '③業務目的以外での利用、外部提供、複製を確認',
          'Use for other purposes, disclosure and copying',
          [
            [
              'ア',
              '業務以外の目的で複製や加工を行う場合、市に書面で承諾を得ているか。',
              "Is copying or processing for other purposes done only with the city's written consent?",
            ],
            [
              'イ',
              '業務以外の目的外利用をする場合(自社の営業活動など)、市に書面で承諾を得ているか。',
              "Is use for other purposes (such as the company's own sales) done only with the city's written consent?",
            ],
          ],
        ),
      ],
    },
    {
      key: '4',
      heading: '4 返還・廃棄・消去',
      headingEn: '4 Return, disposal and erasure',
      groups: [
        {
          key: '4-1',
          heading: '①個人情報の返還や廃棄が適切に行われていることを確認',
          headingEn: 'Personal information is returned or disposed of properly',
          items: [
            {
              key: '4-1-1',
              label: 'ア',
              condition: '(個人情報をもとに返還する場合)',
              conditionEn: '(where personal information is returned)',
              text: '返還が必要な書類や電磁的記録媒体等の引き渡しを受けたか。',
              textEn: 'Were the documents and electronic media to be returned handed over?',
            },
            {
              key: '4-1-2',
              label: 'イ',
              condition: '(個人情報を委託業者で廃棄・消去する場合)',
              conditionEn: '(where the contractor disposes of or erases personal information)',
              text: '媒体に応じて適切な方法で、復元不可能な方式により廃棄等を行った旨の証明書は提出されているか。',
              textEn:
                'Was a certificate submitted that disposal was done irrecoverably, by a method suited to the medium?',
            },
          ],
        },
      ],
    },
  ],
};
