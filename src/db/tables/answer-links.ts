import type { Generated } from 'kysely';

export type AnswerLinkPurpose = 'compliance_report_answer' | 'handler_pledge_upload';

/** 回答用リンク: a one-time link for a company's contact without an account (token stored hashed). */
export interface AnswerLinksTable {
  ward_id: string;
  id: Generated<string>;
  token_hash: string;
  purpose: AnswerLinkPurpose;
  target_id: string;
  organisation_id: string;
  contact_name: string;
  contact_email: string;
  contact_organisation: string;
  created_by: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

export interface AnswerLinkTables {
  answer_links: AnswerLinksTable;
}
