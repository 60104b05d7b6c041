// 業務委託モニタリング報告書 (seed 000, Toshima ward): check items rated S/A/B/C, free comments per
// area (自由意見), the overall evaluation (総合的な評価) and what to improve (今後改善につなげる事項など).
// Pure data and validation: no I/O.

export type Grade = 'S' | 'A' | 'B' | 'C';
export const GRADES: readonly Grade[] = ['S', 'A', 'B', 'C'];

export interface MonitoringItem {
  key: string;
  text: string;
  textEn: string;
  /** 【4段階】 S/A/B/C, or 【2段階】 S (in place) / C (not). Items without a mark use four grades. */
  scale: 4 | 2;
  /** The annexed checksheet the item is judged by (a checklist template key, or the financial sheet). */
  refersTo?: string;
  /** Rated by the financial checksheet's table, never entered by hand. */
  computed?: 'financial';
}

export interface MonitoringArea {
  key: 'compliance' | 'service' | 'continuity';
  /** The area as the rating table names it, and as the free-comment table names it. */
  heading: string;
  commentHeading: string;
  headingEn: string;
  items: MonitoringItem[];
}

const four = (key: string, text: string, textEn: string, refersTo?: string): MonitoringItem => ({
  key,
  text,
  textEn,
  scale: 4,
  ...(refersTo && { refersTo }),
});

export const MONITORING_AREAS: readonly MonitoringArea[] = [
  {
    key: 'compliance',
    heading: '法令遵守',
    commentHeading: '法令等遵守',
    headingEn: 'Compliance',
    items: [
      four(
        'c1',
        '個人情報保護は適切か。 別紙「業務の委託に係る個人情報等(個人情報及び特定個人情報)保護チェックシート」の各項目は守られているか。',
        'Is personal information protected? Are the items of the protection checksheet kept?',
        'toshima-protection',
      ),
      four(
        'c2',
        '従事者の健康管理は適切か。 別紙「労務管理チェックシート」の各項目は守られているか。',
        "Is the workers' health managed? Are the items of the labour checksheet kept?",
        'toshima-labour',
      ),
      four(
        'c3',
        '適正な請負・業務委託となっているか。 別紙「請負・委託契約における偽装請負に関するチェックシート」の各項目は守られているか。',
        'Is this proper contracting? Are the items of the disguised-contracting checksheet kept?',
        'toshima-disguised-contracting',
      ),
      four(
        'c4',
        '「障害者差別解消法 指定管理者及び区業務受託事業者対応マニュアル」に基づき、適切な対応を行っているか。',
        "Does the contractor act according to the ward's manual under the Act on eliminating discrimination against persons with disabilities?",
      ),
      four(
        'c5',
        '仕様書に記載されている法令について遵守すべき事項が守られているか。',
        'Are the laws named in the specification complied with?',
      ),
    ],
  },
  {
    key: 'service',
    heading: '履行状況・サービスの質',
    commentHeading: 'サービスの質',
    headingEn: 'Performance and quality of service',
    items: [
      four(
        's1',
        '事故(事務ミス含む)や事件、苦情・トラブルについて、区への報告体制が整っており、第1報を速やかに区へ報告している。',
        'Incidents (including clerical errors), complaints and trouble are reported to the ward, the first report promptly.',
      ),
      four(
        's2',
        '事故(事務ミス含む)や事件、苦情・トラブルに対する原因を分析し、解決策及び再発防止策を講じて区に報告している。また、報告に基づいた内容が対応策等が実施されている。',
        'Causes are analysed, solutions and preventive measures reported to the ward, and carried out.',
      ),
      four('s3', '委託業務に関する研修が行われている。', 'Training on the outsourced work is held.'),
      four(
        's4',
        '個人情報保護、守秘義務、接遇及びクレーム対応などに関する研修が行われている',
        'Training on personal-information protection, confidentiality, service and complaint handling is held.',
      ),
      four(
        's5',
        'スタッフに対しOJTや引継ぎなどが適切に行われ、業務の質の向上が図られている',
        'On-the-job training and handovers improve the quality of the work.',
      ),
      four(
        's6',
        '統括スーパーバイザーは現場の管理監督を適切に行っている',
        'The chief supervisor manages and supervises the floor properly.',
      ),
      four(
        's7',
        '区に対し、サービスの質向上に有用な改善提案を行っている',
        'The contractor proposes useful improvements to the ward.',
      ),
      four(
        's8',
        '区からの改善に関する協議に応じ、改善の必要がある事項は速やかに対処している',
        "The contractor takes up the ward's requests to improve and acts promptly.",
      ),
      four(
        's9',
        'スタッフが退職する際の事故防止策(知り得た情報の守秘義務についての説明や、区からの貸与物品の確実な返却等)を講じている',
        'When staff leave, incidents are prevented (confidentiality explained, items lent by the ward returned).',
      ),
      four(
        's10',
        '委託業務の実施に必要なマニュアルが整備されている',
        'The manuals the work needs are in place.',
      ),
      four(
        's11',
        '業務に関する報告が、仕様書のとおり適切に行われている。',
        'Reports on the work are made as the specification says.',
      ),
      four(
        's12',
        '仕様書に基づく適切な要員体制となっている。 ・想定件数に対応したオペレーター、スーパーバイザー等の配置 ・バックアップ体制の確保',
        'Staffing follows the specification: operators and supervisors for the expected volume; backup.',
      ),
      four('s13', '仕様書に定める設備要件が満たされている。', 'The facilities meet the specification.'),
      four(
        's14',
        '仕様書に定められた納入成果物が納入されている。',
        'The deliverables of the specification are delivered.',
      ),
    ],
  },
  {
    key: 'continuity',
    heading: '継続性評価',
    commentHeading: '継続可能性',
    headingEn: 'Continuity',
    items: [
      {
        key: 'k1',
        text: '受託業者の経営状況は堅調である。【4段階】 別紙「財務状況チェックシート」参照。',
        textEn: "The contractor's finances are sound (four grades; see the financial checksheet).",
        scale: 4,
        refersTo: 'financial',
        computed: 'financial',
      },
      {
        key: 'k2',
        text: '災害や事故等により通常の業務遂行が難しい場合に業務を継続する計画などが定められており、区と受託業者双方で確認している。【2段階】',
        textEn:
          'A plan to continue the work after disasters or accidents exists and both the ward and the contractor have confirmed it (two grades).',
        scale: 2,
      },
    ],
  },
];

export const MONITORING_ITEMS: readonly MonitoringItem[] = MONITORING_AREAS.flatMap((a) => a.items);

/** Grades an item may take: 【2段階】 items are S (in place) or C (not in place). */
export function gradesFor(item: MonitoringItem): readonly Grade[] {
  return item.scale === 2 ? ['S', 'C'] : GRADES;
}

/** Problems with entered ratings, each naming its field. */
export function checkRatings(
  ratings: Record<string, string>,
): Array<{ path: string; message: string; message_ja: string }> {
  return Object.entries(ratings).flatMap(([key, grade]) => {
    const item = MONITORING_ITEMS.find((i) => i.key === key);
    const path = `ratings.${key}`;
    if (!item) return [{ path, message: 'no such check item', message_ja: 'この確認項目はありません' }];
    if (item.computed)
      return [
        {
          path,
          message: 'rated from the financial checksheet, not by hand',
          message_ja: 'この項目は財務状況チェックシートにより自動で判定されます',
        },
      ];
    if (!gradesFor(item).includes(grade as Grade))
      return [
        {
          path,
          message: `allowed: ${gradesFor(item).join(', ')}`,
          message_ja: `この項目で選べる評価は${gradesFor(item).join('・')}です`,
        },
      ];
    return [];
  });
}
