import type { Crosswalk } from './crosswalk.js';

const MIC = {
  title: '地方公共団体における情報セキュリティポリシーに関するガイドライン',
  edition: '令和5年3月版（総務省）',
};
const APPI = {
  title: '個人情報の保護に関する法律（平成15年法律第57号）',
  edition: '令和3年改正（令和5年4月施行）後',
};
const PPC_GUIDE = {
  title: '個人情報の保護に関する法律についての事務対応ガイド（行政機関等向け）',
  edition: '個人情報保護委員会事務局',
};
const ISO = { title: 'ISO/IEC 27001:2022 Annex A（JIS Q 27001:2023）', edition: '2022' };

/** The first crosswalk: the 総務省 guideline's outsourcing section, APPI 第66–68条 with the Commission's guide, ISO/IEC 27001:2022 A.5.19–5.23. */
export const CROSSWALK_2026_12: Crosswalk = {
  version: '2026-12',
  incidentReportHours: 24,
  inspectionWithinDays: 365,
  frameworks: {
    'mic-guideline': {
      ja: '総務省 情報セキュリティポリシーガイドライン',
      en: 'MIC information-security policy guideline',
    },
    appi: {
      ja: '個人情報保護法・個人情報保護委員会の事務対応ガイド',
      en: 'APPI and the Commission’s guide for public bodies',
    },
    iso27001: { ja: 'ISO/IEC 27001:2022 附属書A', en: 'ISO/IEC 27001:2022 Annex A' },
  },
  rules: {
    'selection-recorded': {
      id: 'selection-recorded',
      label: {
        ja: '委託先の選定方法が契約に記録されている',
        en: 'How the contractor was chosen is recorded on the contract',
      },
      appliesWhen: { ja: '常に', en: 'always' },
    },
    'delegation-approved': {
      id: 'delegation-approved',
      label: { ja: '委託の承認が決裁済み（承認）', en: 'The delegation approval (委託の承認) is signed off' },
      appliesWhen: { ja: '常に', en: 'always' },
    },
    'register-recorded': {
      id: 'register-recorded',
      label: {
        ja: '情報項目（取り扱う個人情報と記録媒体）が登録されている',
        en: 'The data-item register (情報項目, with its media) is recorded',
      },
      appliesWhen: { ja: '常に', en: 'always' },
    },
    'provisions-attached': {
      id: 'provisions-attached',
      label: {
        ja: '特記事項が契約（再委託を含む）に付されている',
        en: 'Special provisions (特記事項) are attached to the contract and its sub-contracts',
      },
      appliesWhen: { ja: '常に', en: 'always' },
    },
    'flow-down-accepted': {
      id: 'flow-down-accepted',
      label: {
        ja: '再委託先が特記事項を受諾している',
        en: 'Each sub-contractor has accepted the flow-down provisions',
      },
      appliesWhen: { ja: '再委託がある場合', en: 'when there are sub-contracts' },
    },
    'subcontracts-approved': {
      id: 'subcontracts-approved',
      label: {
        ja: '再委託ごとに再委託の承認が決裁済み',
        en: 'Each sub-contract has a signed-off sub-contracting approval (再委託承認)',
      },
      appliesWhen: { ja: '再委託がある場合', en: 'when there are sub-contracts' },
    },
    'handler-list-acknowledged': {
      id: 'handler-list-acknowledged',
      label: {
        ja: '各事業者の取扱者名簿の最新版が受理されている',
        en: 'Each company’s latest handler list (取扱者名簿) is acknowledged',
      },
      appliesWhen: { ja: '常に', en: 'always' },
    },
    'pledges-recorded': {
      id: 'pledges-recorded',
      label: {
        ja: '名簿の取扱者全員の誓約書が記録されている',
        en: 'Every listed handler’s pledge (誓約書) is recorded',
      },
      appliesWhen: { ja: '受理された名簿がある場合', en: 'when a handler list is acknowledged' },
    },
    'training-recorded': {
      id: 'training-recorded',
      label: {
        ja: '名簿の取扱者全員の研修が記録されている',
        en: 'Every listed handler’s training (研修) is recorded',
      },
      appliesWhen: { ja: '受理された名簿がある場合', en: 'when a handler list is acknowledged' },
    },
    'inspection-within-year': {
      id: 'inspection-within-year',
      label: {
        ja: '各事業者に1年以内の実地検査（決裁済み）がある',
        en: 'Each company had an on-site inspection (signed off) within the last year',
      },
      appliesWhen: { ja: '契約が履行中又は終了手続中の場合', en: 'while the contract is active or ending' },
    },
    'findings-on-time': {
      id: 'findings-on-time',
      label: {
        ja: '指摘事項に期限を過ぎて未対応のものがない',
        en: 'No inspection finding is open past its agreed date',
      },
      appliesWhen: { ja: '指摘事項がある場合', en: 'when there are findings' },
    },
    'compliance-reports-received': {
      id: 'compliance-reports-received',
      label: {
        ja: '期限の来た遵守状況報告（別紙5）が提出され受け付けられている',
        en: 'Every compliance report (別紙5) past its due date is answered and received',
      },
      appliesWhen: { ja: '期限の来た報告がある場合', en: 'when a report has come due' },
    },
    'incidents-reported-on-time': {
      id: 'incidents-reported-on-time',
      label: {
        ja: '事故が発見から24時間以内に報告されている',
        en: 'Every incident was reported within 24 hours of its discovery',
      },
      appliesWhen: { ja: '事故がある場合', en: 'when there are incidents' },
    },
    'erasure-certified': {
      id: 'erasure-certified',
      label: {
        ja: '終了した契約の消去等の記録に消去証明書が発行されている',
        en: 'The erasure records of an ended contract are certified (消去証明書)',
      },
      appliesWhen: { ja: '契約が終了手続中又は終了の場合', en: 'when the contract is ending or closed' },
    },
    'review-cycle-current': {
      id: 'review-cycle-current',
      label: {
        ja: '見直し周期が設定され、期限を過ぎた見直しがない',
        en: 'A review cycle (見直し周期) is set and no review is overdue',
      },
      appliesWhen: { ja: '契約が履行中の場合', en: 'while the contract is active' },
    },
  },
  controls: [
    {
      id: 'mic-8.1-1',
      framework: 'mic-guideline',
      source: { ...MIC, section: '第3編第2章 8.1 業務委託 (1) 委託先の選定基準', verify: true },
      name: { ja: '委託先の選定', en: 'Choosing the contractor' },
      description: {
        ja: '委託内容に見合う情報セキュリティ対策を委託先が確保できるかを選定時に確かめ、その判断の根拠（認証の有無等）を残す。',
        en: 'Before choosing a contractor, check that it can secure protection suited to the work, and keep the grounds of that judgement (certifications and the like).',
      },
      evidence: ['selection-recorded', 'delegation-approved'],
    },
    {
      id: 'mic-8.1-2',
      framework: 'mic-guideline',
      source: { ...MIC, section: '第3編第2章 8.1 業務委託 (2) 契約項目', verify: true },
      name: { ja: '契約に定める事項', en: 'What the contract must provide' },
      description: {
        ja: '守秘、目的外利用の禁止、再委託の制限、事故時の報告、終了時の返還・廃棄、監査・検査等の事項を契約で委託先に課し、再委託先にも及ぼす。',
        en: 'Bind the contractor by contract to confidentiality, no other use, limits on sub-contracting, incident reporting, return or disposal at the end and the municipality’s audits, and carry these down to sub-contractors.',
      },
      evidence: ['provisions-attached', 'flow-down-accepted', 'subcontracts-approved'],
    },
    {
      id: 'mic-8.1-3',
      framework: 'mic-guideline',
      source: { ...MIC, section: '第3編第2章 8.1 業務委託 (3) 確認・措置等', verify: true },
      name: { ja: '委託先の確認と措置', en: 'Checking the contractor and acting on it' },
      description: {
        ja: '契約で定めた対策が守られているかを定期的に確かめ（報告、実地の確認）、不備があれば改善を求める。',
        en: 'Check regularly (reports, on-site checks) that the contracted measures are kept, and require improvement where they are not.',
      },
      evidence: ['inspection-within-year', 'compliance-reports-received', 'findings-on-time'],
    },
    {
      id: 'appi-66',
      framework: 'appi',
      source: { ...APPI, section: '第66条第1項・第2項第1号（安全管理措置、委託を受けた者への準用）' },
      name: { ja: '安全管理措置（委託先を含む）', en: 'Safety-management measures, contractors included' },
      description: {
        ja: '行政機関等は保有個人情報の漏えい等を防ぐ安全管理措置を講じなければならず、同じ義務が個人情報の取扱いの委託を受けた者にも及ぶ。',
        en: 'A public body must take measures to keep the personal information it holds safe from leaks and loss, and the same duty extends to those it entrusts with handling that information.',
      },
      evidence: ['register-recorded', 'provisions-attached', 'handler-list-acknowledged'],
    },
    {
      id: 'appi-67',
      framework: 'appi',
      source: { ...APPI, section: '第67条（従事者の義務）' },
      name: { ja: '従事者の義務', en: 'Duties of the people handling the information' },
      description: {
        ja: '委託業務に従事する者（従事していた者を含む）は、業務で知った個人情報を漏らしたり不当な目的に使ったりしてはならない。',
        en: 'People working on entrusted work, also after they leave it, must not disclose the personal information they learned or use it for an improper purpose.',
      },
      evidence: ['handler-list-acknowledged', 'pledges-recorded', 'training-recorded'],
    },
    {
      id: 'appi-68',
      framework: 'appi',
      source: { ...APPI, section: '第68条（漏えい等の報告等）' },
      name: { ja: '漏えい等の報告', en: 'Reporting leaks' },
      description: {
        ja: '一定の漏えい等が生じたときは委員会への報告と本人への通知が必要になるため、委託先からの事故の報告が速やかに届く必要がある。',
        en: 'Certain leaks must be reported to the Commission and notified to the people affected, so incidents at a contractor must reach the municipality promptly.',
      },
      evidence: ['incidents-reported-on-time'],
    },
    {
      id: 'ppc-guide-entrustment',
      framework: 'appi',
      source: { ...PPC_GUIDE, section: '安全管理措置のうち業務の委託等に関する記述', verify: true },
      name: { ja: '委託先の監督', en: 'Supervising contractors' },
      description: {
        ja: '委託先の選定と契約での義務付けに加え、再委託は事前の承認による。委託先の管理状況を少なくとも年1回、原則として実地で確かめ、終了時には消去・返却を確認する。',
        en: 'Beyond choosing the contractor and binding it by contract: sub-contracting only with prior approval, the contractor’s handling checked at least yearly, on site as a rule, and erasure or return confirmed at the end.',
      },
      evidence: [
        'subcontracts-approved',
        'inspection-within-year',
        'compliance-reports-received',
        'erasure-certified',
      ],
    },
    {
      id: 'iso-a5.19',
      framework: 'iso27001',
      source: { ...ISO, section: 'A.5.19 Information security in supplier relationships' },
      name: {
        ja: '供給者関係における情報セキュリティ',
        en: 'Information security in supplier relationships',
      },
      description: {
        ja: '供給者の製品・サービスの利用に伴うリスクを管理する手順を定め、実施する。',
        en: 'Define and follow processes that manage the risks of using a supplier’s products or services.',
      },
      evidence: ['selection-recorded', 'delegation-approved', 'register-recorded'],
    },
    {
      id: 'iso-a5.20',
      framework: 'iso27001',
      source: { ...ISO, section: 'A.5.20 Addressing information security within supplier agreements' },
      name: {
        ja: '供給者との合意における情報セキュリティ',
        en: 'Information security within supplier agreements',
      },
      description: {
        ja: '供給者ごとに、関係に応じた情報セキュリティ上の要求事項を合意に定める。',
        en: 'Agree with each supplier the information-security requirements its relationship calls for.',
      },
      evidence: ['provisions-attached', 'flow-down-accepted'],
    },
    {
      id: 'iso-a5.21',
      framework: 'iso27001',
      source: { ...ISO, section: 'A.5.21 Managing information security in the ICT supply chain' },
      name: { ja: 'ICTサプライチェーンの管理', en: 'The ICT supply chain' },
      description: {
        ja: '供給者の先（再委託先）に及ぶリスクを管理する手順を定め、要求事項を連鎖の下まで及ぼす。',
        en: 'Manage the risks that reach beyond the supplier to its own suppliers (sub-contractors), carrying the requirements down the chain.',
      },
      evidence: ['subcontracts-approved', 'flow-down-accepted', 'handler-list-acknowledged'],
    },
    {
      id: 'iso-a5.22',
      framework: 'iso27001',
      source: { ...ISO, section: 'A.5.22 Monitoring, review and change management of supplier services' },
      name: {
        ja: '供給者のサービス提供の監視・レビュー・変更管理',
        en: 'Monitoring, review and change of supplier services',
      },
      description: {
        ja: '供給者の情報セキュリティの実施状況とサービス提供を定期的に監視・レビューし、変更を管理する。',
        en: 'Regularly monitor and review the supplier’s security practice and service delivery, and manage changes to them.',
      },
      evidence: [
        'inspection-within-year',
        'compliance-reports-received',
        'findings-on-time',
        'review-cycle-current',
      ],
    },
    {
      id: 'iso-a5.23',
      framework: 'iso27001',
      source: { ...ISO, section: 'A.5.23 Information security for use of cloud services' },
      name: {
        ja: 'クラウドサービス利用の情報セキュリティ',
        en: 'Information security for use of cloud services',
      },
      description: {
        ja: 'クラウドサービスの取得・利用・管理・終了の手順を要求事項に沿って定める。本製品では記録媒体（クラウド）の登録、委託の承認と終了時の消去証明が証跡となる。',
        en: 'Set how cloud services are acquired, used, managed and exited. Here the evidence is the register’s media (cloud included), the delegation approval and the erasure certificate at the end.',
      },
      evidence: ['register-recorded', 'delegation-approved', 'erasure-certified'],
    },
  ],
};
