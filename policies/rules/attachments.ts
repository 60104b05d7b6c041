import { type Actor, COMPANY_ROLES, type Role } from '../actor.js';
import type { Builder } from '../app-ability.js';

/** Ward roles that handle evidence. 審議会委員 (council_reviewer) is left out on purpose: evidence
 * such as pledges and photos carries residents' and handlers' personal data. */
const WARD_EVIDENCE_ROLES: readonly Role[] = ['ward_officer', 'ward_chief', 'ward_manager', 'inspector'];

/**
 * 添付ファイル (evidence files): the uploading organisation keeps its own files; ward staff also
 * read the files a company tagged with their ward. Like the role definitions, a ward role on a
 * company user (or a company role on a ward user) grants nothing. Administrators have
 * `manage all` already.
 */
export function defineAttachmentRules({ can }: Builder, actor: Actor): void {
  const holds = (roles: readonly Role[]) => actor.roles.some((r) => roles.includes(r));
  const company = actor.organisationKind === 'company' && holds(COMPANY_ROLES);
  const wardStaff = actor.organisationKind === 'ward' && actor.wardId !== null && holds(WARD_EVIDENCE_ROLES);
  if (!company && !wardStaff) return;

  can(['create', 'read'], 'Attachment', { organisationId: actor.organisationId });
  if (wardStaff) can('read', 'Attachment', { wardId: actor.wardId });
}
