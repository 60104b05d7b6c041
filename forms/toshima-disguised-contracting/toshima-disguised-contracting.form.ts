import { type ChecklistTemplate, group as g } from '../checklist/checklist.js';

// 請負・委託契約における偽装請負に関するチェックシート (seed 000, Toshima ward): whether the ward
// treats the contractor's staff as its own (disguised contracting, 偽装請負). Word for word.

const direction = g('1', undefined, undefined, [
  [
    '1-1',
    '区が従事者の特定、又は人数、配置、変更等の指示を行っていない。',
    'The ward does not pick the workers or direct their number, placement or changes.',
  ],
  [
    '1-2',
    '区が従事者に対する業務の割り当て、調整等の指示を行っていない。',
    'The ward does not assign or adjust the workers’ tasks.',
  ],
  [
    '1-3',
    '業務の手順や内容について、区職員が従事者に直接指示することはない。',
    'Ward staff never instruct the workers directly on procedures or content.',
  ],
  [
    '1-4',
    '従事者が業務上の不明点を区職員に直接問い合わせることはない。',
    'Workers never ask ward staff directly about the work.',
  ],
  [
    '1-5',
    '受託者自らが作業スケジュールを作成し、従事者に指示している。',
    'The contractor makes the work schedule itself and instructs the workers.',
  ],
  [
    '1-6',
    '欠勤等があった場合、区が人員配置を指示することはない。',
    'When someone is absent, the ward does not direct the staffing.',
  ],
  [
    '1-7',
    '従事者の教育や研修等を区が行うことはない。又内容を指示することはない。',
    'The ward does not train the workers, nor direct what they are taught.',
  ],
  [
    '1-8',
    '従事者の能力評価を区が行うことはない。又能力評価の資料提出を求めたことはない。',
    'The ward does not appraise the workers, nor has it asked for appraisal records.',
  ],
  [
    '1-9',
    '区の承諾がなくても、従事者は職場離脱できる。',
    "Workers may leave their post without the ward's consent.",
  ],
  [
    '1-10',
    '打ち合わせ等を頻繁に行い、その都度業務のやり方を決定していない。',
    'How the work is done is not decided in frequent meetings each time.',
  ],
  [
    '1-11',
    '仕様書やマニュアル等に「区職員が指示する」「区職員と相談する」等の記載はない。',
    'Specifications and manuals do not say "ward staff instruct" or "consult ward staff".',
  ],
  [
    '1-12',
    '区職員とスタッフとの業務上の相談、質問を明確に禁止し、スタッフに徹底している。',
    'Work consultations and questions between ward staff and workers are clearly forbidden, and workers know it.',
  ],
]);
direction.items[10] = {
  ...direction.items[10]!,
  note: '(委託業務全体について、区と受託者が協議することは差支えない。)',
  noteEn: '(The ward and the contractor may consult on the work as a whole.)',
};

const independence = g('4', undefined, undefined, [
  [
    '4-1',
    '委託する業務が区と受託者で連続している場合において、受託者の事務・作業スペースは区と独立している。又は明確に区切られている。',
    "Where the work continues the ward's own, the contractor's office and work space is separate from the ward's, or clearly divided.",
  ],
  [
    '4-2',
    '委託した業務が受託者において完結している。(委託する業務の範囲が明確である。)',
    'The work is completed within the contractor (its scope is clear).',
  ],
  ['4-3', '処理すべき業務は次のうちどちらかである。', 'The work is one of the following.'],
  [
    '4-4',
    '契約書・仕様書に完成すべき仕事の内容や目的とする成果物の内容が明記されている。',
    'The contract and specification state the work to complete and the deliverables.',
  ],
  [
    '4-5',
    '従事者個人の労働時間の増減に応じて契約金額を変更することはない。',
    "The contract amount does not change with individual workers' hours.",
  ],
  [
    '4-6',
    '必要になった旅費、交通費等をその都度区が支払うことはない。',
    'The ward does not pay travel and transport costs case by case.',
  ],
  [
    '4-7',
    '労働安全衛生の確保、責任は受託者が行っている。',
    'The contractor ensures and is responsible for occupational health and safety.',
  ],
]);
independence.items[2] = {
  ...independence.items[2]!,
  note: '①受託者の調達する設備、機器、材料、資材を使用し処理する業務。 ②受託者独自の高度な技術、専門性で処理する業務。',
  noteEn:
    "(1) work done with equipment, machines and materials the contractor provides; (2) work done with the contractor's own advanced skills and expertise.",
};

export const toshimaDisguisedContractingChecksheet: ChecklistTemplate = {
  key: 'toshima-disguised-contracting',
  version: 1,
  title: '請負・委託契約における偽装請負に関するチェックシート',
  titleEn: 'Checksheet on disguised contracting in service and outsourcing contracts',
  source: 'seed 000 (豊島区 業務委託モニタリング報告書 別紙)',
  purpose: 'contracting',
  results: ['ok', 'ng', 'na'],
  observationRequiredFor: ['ng'],
  legend: '適→○ 否→× 該当なし→/',
  columns: { result: '確認結果', date: '実施日', observation: '確認内容' },
  signOffBoxes: ['課長', '係長', '担当者'],
  sections: [
    {
      key: '1',
      heading: '1. 業務の遂行に関する指示その他の管理について',
      headingEn: '1. Direction and management of how the work is done',
      groups: [direction],
    },
    {
      key: '2',
      heading: '2. 従事者の労働時間に関する指示その他の管理について',
      headingEn: "2. Direction and management of the workers' working time",
      groups: [
        g('2', undefined, undefined, [
          [
            '2-1',
            '受託者が、従事者の就業時間、残業、休日、欠勤、早退等の勤怠管理を行っている。',
            "The contractor manages the workers' hours, overtime, days off, absences and early leaving.",
          ],
          [
            '2-2',
            '区が従事者の残業時間、労働日数、労働時間等を把握や確認することはない。',
            "The ward does not track or check the workers' overtime, working days or hours.",
          ],
        ]),
      ],
    },
    {
      key: '3',
      heading: '3. 秩序の維持、確保等に関する指示その他の管理について',
      headingEn: '3. Direction and management of order and discipline',
      groups: [
        g('3', undefined, undefined, [
          [
            '3-1',
            '区が従事者個人の能力不足等を受託者に指摘することはない。',
            "The ward does not point out individual workers' shortcomings to the contractor.",
          ],
          [
            '3-2',
            '区が面接等を行い従事者を選定することはない。',
            'The ward does not interview or select workers.',
          ],
          [
            '3-3',
            '区と同一の作業服を着用していない。',
            'Workers do not wear the same work clothes as the ward.',
          ],
        ]),
      ],
    },
    {
      key: '4',
      heading: '4. 業務の独立性について',
      headingEn: '4. Independence of the work',
      groups: [independence],
    },
  ],
};
