// 特記事項 (special provisions on personal information) as data. A contract holds the template id
// and version it was made under, so a later edition of a template never rewrites what a company
// agreed to. Each template names, for every duty the product enforces, the article that imposes
// it: a refusal can then say 「特記事項 第○条」 beside the rule.

/** Duties the product tracks, each enforced somewhere in src/domain. */
export const PROVISION_DUTIES = [
  'data_items', // 取り扱う個人情報の範囲: the register
  'handler_list', // 取扱責任者・取扱者の報告: the handler list
  'secrecy', // 秘密の保持: pledges (誓約書)
  'training', // 従事者の教育
  'purpose', // 目的外利用の禁止
  'third_party', // 第三者提供の制限
  'subcontracting', // 再委託の制限 (approval before the work starts)
  'flow_down', // 再委託先に同じ義務を課すこと
  'supervise_subcontractors', // 再委託先の監督
  'copying', // 複写・複製の制限
  'take_out', // 持出しの禁止
  'devices', // 情報機器等の持込み制限 (seed 004 5(3)): the device register
  'storage', // 施錠できる保管庫での保管
  'return_erasure', // 資料等の返還・消去
  'erasure_certificate', // 消去の記録・証明書
  'compliance_report', // 取扱状況の報告 (別紙5)
  'inspection', // 立入検査・調査
  'incident_reporting', // 事故発生時の報告
  'termination', // 契約解除
] as const;
export type ProvisionDuty = (typeof PROVISION_DUTIES)[number];

export interface ProvisionArticle {
  /** As the text numbers it: 第8条, or 第9項 where the provisions are numbered by 項. */
  label: string;
  heading: string | null;
  /** The first paragraph, then numbered paragraphs (「2 …」) and items (「(1) …」) as printed. */
  paragraphs: string[];
}

export interface ProvisionTemplate {
  id: string;
  version: number;
  title: string;
  /** Where the wording comes from. */
  source: string;
  /** Who is bound: 乙 (the contractor) or 丙 (a sub-contractor). */
  party: 'contractor' | 'subcontractor';
  /** The provisions a sub-contract under this one carries (003 乙13, 001 第7条3). */
  flowDownId: string;
  /** The bound party may not sub-contract at all (003 丙11). */
  forbidsSubcontracting: boolean;
  /**
   * Copying is allowed only where the specification itself provides for it (004 5(2)②: 業務仕様書等に
   * 定める場合を除き…複写複製等を行ってはならない), so it is never applied for as a prior approval.
   */
  copyingOnlyAsSpecified?: boolean;
  articles: ProvisionArticle[];
  /** Duty → the article (and paragraph) that imposes it. */
  duties: Partial<Record<ProvisionDuty, string>>;
}
