// The guidelines' controls (統制項目) a municipality is audited against, and which records of the
// product count as evidence of each. Pure data with its sources; the evaluator (evaluate.ts) and the
// domain's SQL (src/domain/controls/) read it. Descriptions are our own paraphrases, never
// quotations: each control cites the document, its edition and the section, and `verify` marks a
// section number we could not check against the published text.

/** A record-backed test of one kind of evidence; the domain computes `have`/`need` for it in SQL. */
export type EvidenceRuleId =
  | 'selection-recorded'
  | 'delegation-approved'
  | 'register-recorded'
  | 'provisions-attached'
  | 'flow-down-accepted'
  | 'subcontracts-approved'
  | 'handler-list-acknowledged'
  | 'pledges-recorded'
  | 'training-recorded'
  | 'inspection-within-year'
  | 'findings-on-time'
  | 'compliance-reports-received'
  | 'incidents-reported-on-time'
  | 'erasure-certified'
  | 'review-cycle-current';

export interface Message {
  ja: string;
  en: string;
}

export interface EvidenceRule {
  id: EvidenceRuleId;
  /** What counts, in words a reviewer reads beside the figure. */
  label: Message;
  /** When the rule does not apply (no sub-contract, contract not ending…): shown as 対象外. */
  appliesWhen: Message;
}

export interface ControlSource {
  /** The document's title as published. */
  title: string;
  /** Edition or year. */
  edition: string;
  /** The section, article or control number. */
  section: string;
  /** True where the section number is ours to confirm against the published text. */
  verify?: boolean;
}

export interface Control {
  /** Stable id: `<framework>-<section>`. */
  id: string;
  framework: 'mic-guideline' | 'appi' | 'iso27001';
  source: ControlSource;
  /** A short name of the control. */
  name: Message;
  /** What the control asks of the municipality, in our own words. */
  description: Message;
  evidence: readonly EvidenceRuleId[];
}

export interface Crosswalk {
  /** Bumped whenever a control or a rule changes meaning; shown on the page and in the CSV. */
  version: string;
  frameworks: Record<Control['framework'], Message>;
  rules: Record<EvidenceRuleId, EvidenceRule>;
  controls: readonly Control[];
  /** Hours between discovering an incident and reporting it that still count as 直ちに. */
  incidentReportHours: number;
  /** Days within which an on-site inspection counts as 年1回以上. */
  inspectionWithinDays: number;
}
