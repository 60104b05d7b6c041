import type { Kysely, Selectable } from 'kysely';
import type { FieldMap } from '../../../policies/rules-to-sql.js';
import type { Database } from '../../db/database.js';
import type { AnswerLinkPurpose, AnswerLinksTable } from '../../db/tables/answer-links.js';

export type { AnswerLinkPurpose };

export const ANSWER_LINK_PURPOSES: readonly AnswerLinkPurpose[] = [
  'compliance_report_answer',
  'handler_pledge_upload',
];

/** 回答用リンク as the domain speaks of it (never the token, nor its hash). */
export interface AnswerLink {
  id: string;
  wardId: string;
  purpose: AnswerLinkPurpose;
  targetId: string;
  organisationId: string;
  contact: { name: string; email: string; organisation: string };
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export const answerLinkFields: FieldMap = {
  wardId: 'answer_links.ward_id',
};

export function toAnswerLink(row: Selectable<AnswerLinksTable>): AnswerLink {
  return {
    id: row.id,
    wardId: row.ward_id,
    purpose: row.purpose,
    targetId: row.target_id,
    organisationId: row.organisation_id,
    contact: { name: row.contact_name, email: row.contact_email, organisation: row.contact_organisation },
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    revokedAt: row.revoked_at,
  };
}

/** Whether the link may still be used at `now`: not used, not revoked, not expired. */
export function isLive(link: AnswerLink, now: Date): boolean {
  return !link.usedAt && !link.revokedAt && link.expiresAt.getTime() > now.getTime();
}

/** How the ward sees a link now. */
export function linkState(link: AnswerLink, now: Date): 'open' | 'used' | 'revoked' | 'expired' {
  if (link.usedAt) return 'used';
  if (link.revokedAt) return 'revoked';
  return link.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open';
}

/** The link a token's hash names, in any ward (the token is all a contact holds). */
export async function findLinkByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
  lock = false,
): Promise<AnswerLink | undefined> {
  let q = db.selectFrom('answer_links').selectAll().where('token_hash', '=', tokenHash);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toAnswerLink(row);
}

export async function findLink(
  db: Kysely<Database>,
  wardId: string,
  id: string,
  lock = false,
): Promise<AnswerLink | undefined> {
  let q = db.selectFrom('answer_links').selectAll().where('ward_id', '=', wardId).where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toAnswerLink(row);
}

/** The last link used to answer a record: what the ward sees on it ("answered through a link by …"). */
export async function findUsedLinkFor(
  db: Kysely<Database>,
  wardId: string,
  targetId: string,
): Promise<AnswerLink | undefined> {
  const row = await db
    .selectFrom('answer_links')
    .selectAll()
    .where('ward_id', '=', wardId)
    .where('target_id', '=', targetId)
    .where('used_at', 'is not', null)
    .orderBy('used_at', 'desc')
    .executeTakeFirst();
  return row && toAnswerLink(row);
}
