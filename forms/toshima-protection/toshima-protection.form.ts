import { type ChecklistTemplate, group as g } from '../checklist/checklist.js';
import {
  offsiteElectronicSection,
  onPremisesSection,
  paperHandoverSection,
} from './toshima-protection-modes.js';

// 業務の委託に係る個人情報等(個人情報及び特定個人情報)保護チェックシート (seed 000, Toshima ward,
// annexed to the 業務委託モニタリング報告書). Chapter 1 always applies; chapter 2 by processing mode;
// chapter 3 only when the inspected organisation sub-contracts (再委託・再々委託).

// Chapter 3 ① with the seed's (注), which explains item イ and is printed with it.
const consentGroup = g('3-1', '① 再委託の承認、許諾について', 'Approval of and consent to sub-contracting', [
  ['ア', '仕様書において、再委託を認めている。', 'The specification allows sub-contracting.'],
  [
    'イ',
    '再委託する内容は、受託業務の処理上やむを得ないとき(注)に該当している。',
    'What is sub-contracted is unavoidable for processing the work (see note).',
  ],
  [
    'ウ',
    '再委託について、協議書を提出し契約課の承認の上契約締結請求の決定権者の決定を受けている。',
    'A consultation form was submitted and, after approval by the contracts section, the decision of the person authorised to request the contract was obtained.',
  ],
]);
consentGroup.items[1] = {
  ...consentGroup.items[1]!,
  note: '(注)「受託業務の処理上やむを得ないとき」とは、特殊プログラムのコーディング等、委託業務の遂行に当たり、受託者以外の専門知識を要する者に再委託させることが業態として一般的であり、妥当と認められる場合をいう。',
  noteEn:
    'Note: "unavoidable" means cases, such as coding special programs, where sub-contracting to someone with expertise the contractor lacks is common in the trade and reasonable.',
};

export const toshimaProtectionChecksheet: ChecklistTemplate = {
  key: 'toshima-protection',
  version: 1,
  title: '業務の委託に係る個人情報等(個人情報及び特定個人情報)保護チェックシート',
  titleEn:
    'Checksheet on the protection of personal information (incl. specific personal information) in outsourced work',
  source: 'seed 000 (豊島区 業務委託モニタリング報告書 別紙)',
  purpose: 'privacy',
  results: ['ok', 'ng', 'na'],
  observationRequiredFor: ['ng'],
  legend: '適→○ 否→× 該当なし→/',
  columns: { result: '確認結果', date: '実施日', observation: '確認内容' },
  signOffBoxes: ['課長', '係長', '担当者'],
  sections: [
    {
      key: '1',
      heading: '1 受託事業者の個人情報等保護の管理責任体制について',
      headingEn: "1 The contractor's organisation for protecting personal information",
      groups: [
        g('1', undefined, undefined, [
          [
            'ア',
            'プライバシーポリシー(個人情報等保護に関する方針)や個人情報等の取扱いに関する内部規定を整備している。',
            'A privacy policy and internal rules on handling personal information are in place.',
          ],
          [
            'イ',
            '情報セキュリティに関する規程を整備している。(特に電算処理を委託先で行う場合は必須)',
            'Information-security rules are in place (required where computer processing is done at the contractor).',
          ],
          [
            'ウ',
            '受託業務における個人情報等保護責任者、作業責任者、作業従事者が特定され、それぞれの責任を明確化している。',
            'The person responsible for protection, the work leaders and the workers are named, each with defined responsibilities.',
          ],
          [
            'エ',
            '従事者に対する個人情報等保護に関する研修及び教育等を実施している。',
            'Workers are trained and educated in protecting personal information.',
          ],
          [
            'オ',
            '個人情報等の漏えいなど事故発生時の対応手順等を文書等で明確化している。',
            'The procedure for leaks and other incidents is set down in writing.',
          ],
        ]),
      ],
    },
    paperHandoverSection,
    onPremisesSection,
    offsiteElectronicSection,
    {
      key: '3',
      heading: '3 業務の再委託(再々委託含む)について',
      headingEn: '3 Sub-contracting (including further sub-contracting)',
      note: '再委託している場合は、以下の事項を確認する。',
      noteEn: 'Check the following where work is sub-contracted.',
      appliesWhen: { subcontracting: true },
      groups: [
        consentGroup,
        g(
          '3-2',
          '② 再委託先で取り扱う個人情報等の管理について',
          'Personal information handled at the sub-contractor',
          [
            [
              'エ',
              '再委託先において個人情報等を取り扱う責任者および担当者の氏名等を提出している。',
              "The names of the sub-contractor's responsible person and staff handling personal information were submitted.",
            ],
            [
              'オ',
              '再委託先との契約においても、委託先との契約で明記した特記事項の個人情報等保護に関する事項を遵守している。',
              'The contract with the sub-contractor also carries the special provisions on protecting personal information.',
            ],
            [
              'カ',
              '再委託先においても、委託先と同等以上の個人情報等保護に関する措置を講じている。',
              'The sub-contractor takes protection measures equal to or better than the contractor.',
            ],
          ],
        ),
      ],
    },
  ],
};
