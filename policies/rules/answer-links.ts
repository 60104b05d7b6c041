import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

const SIGNERS = ['ward_officer', 'ward_chief', 'ward_manager'];

/**
 * 回答用リンク: the ward's signers — who issue, receive and return compliance reports — send a
 * company's contact a one-time link, see their ward's links and revoke them. Companies and
 * contacts never read the links themselves (a contact holds only the token).
 */
export function defineAnswerLinkRules({ can }: Builder, actor: Actor): void {
  if (actor.organisationKind !== 'ward' || !actor.wardId) return;
  if (!actor.roles.some((r) => SIGNERS.includes(r))) return;
  can(['create', 'read', 'update'], 'AnswerLink', { wardId: actor.wardId });
}
