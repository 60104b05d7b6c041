import { type ChecklistTemplate, group as g } from '../checklist/checklist.js';

// 履行確認チェックシート (seed 001 別紙6, Toshima ward): the inspector's (監督員) sixteen checks of how
// the work is performed. Besides ○ and ×, △ (partly) is allowed; △ and × need what was seen.
// The seed's line breaks inside items (作成されてい る) are PDF artefacts and are not kept.

export const toshimaPerformanceChecksheet: ChecklistTemplate = {
  key: 'toshima-performance',
  version: 1,
  title: '履行確認チェックシート',
  titleEn: 'Performance checksheet (inspector)',
  source: 'seed 001 別紙6 (豊島区役所コールセンター運営業務委託 仕様書)',
  purpose: 'performance',
  results: ['ok', 'partial', 'ng', 'na'],
  observationRequiredFor: ['partial', 'ng'],
  legend: '結果: ○ △ × 該当なし→/ (△,×の場合は確認事実の記載が必須)',
  columns: { result: '結果', date: '確認日', observation: '確認事実の記載 (△,×の場合は必須)' },
  signOffBoxes: ['課長', '係長', '監督員'],
  intro: [
    '監督員は、別紙 6「履行確認(監督員)チェックシート」により、履行状況を確認するとともに必要な監督を行うものとする。',
  ],
  sections: [
    {
      key: 'p',
      heading: '確認項目',
      headingEn: 'Checks',
      note: '管理主任者の報告、是正措置等 (必要に応じて写真等を添付)',
      noteEn: "The work manager's report and corrective measures (attach photos where needed)",
      groups: [
        g('p', undefined, undefined, [
          [
            '1',
            '業務計画書は、所定の日付までに提出されている。',
            'The work plan was submitted by the set date.',
          ],
          [
            '2',
            '業務計画書は、仕様書の内容に基づき作成されている。',
            'The work plan follows the specification.',
          ],
          [
            '3',
            '業務実施に必要なマニュアルが作成されており、適宜更新されている。',
            'The manuals needed for the work exist and are kept up to date.',
          ],
          [
            '4',
            '業務に使用する機器・設備等が仕様書または業務計画書に定めるとおり整備されている。',
            'Equipment and facilities are as the specification or work plan says.',
          ],
          [
            '5',
            '業務管理責任者、副責任者が仕様書のとおり配置されている。',
            'The work manager and deputy are in place as the specification says.',
          ],
          [
            '6',
            '責任者は業務を熟知し、現場の指導・監督を適切に行っている。',
            'The manager knows the work well and leads and supervises on site properly.',
          ],
          ['7', '繁閑に応じて適切に従事者を配置している。', 'Staffing follows busy and quiet periods.'],
          [
            '8',
            '従事者に対して業務に必要な研修が実施されている。',
            'Workers receive the training the work needs.',
          ],
          [
            '9',
            '各状況に対応した研修が定期的に実施されている。',
            'Training for each situation is held regularly.',
          ],
          [
            '10',
            '利用者に対する接遇や、要望・苦情への対応が適切に実施されている。',
            'Users are served well and requests and complaints are handled properly.',
          ],
          [
            '11',
            '仕様書または業務計画書に定める業務内容や業務手順のとおり、業務が適切に履行されている。',
            'The work is done as the specification or work plan sets out.',
          ],
          [
            '12',
            '仕様書または業務計画書に定める業務水準を満たしている。',
            'The service levels of the specification or work plan are met.',
          ],
          [
            '13',
            '利用者からの要望・苦情の現状分析と解決策及び再発防止策を講じ、実施されている。',
            'Requests and complaints are analysed, and solutions and preventive measures are taken.',
          ],
          [
            '14',
            '区の改善指示に速やかに対応している。',
            "The ward's instructions to improve are acted on promptly.",
          ],
          [
            '15',
            '日次、月次、年次の各定例報告は、仕様書または業務計画書に定めるとおりに行われている。',
            'Daily, monthly and yearly reports are made as the specification or work plan sets out.',
          ],
          [
            '16',
            '再委託の際は区の承諾を受ける等、再委託時の手続きを適正に行っている。',
            "Sub-contracting follows the proper procedure, such as the ward's consent.",
          ],
        ]),
      ],
    },
  ],
};
