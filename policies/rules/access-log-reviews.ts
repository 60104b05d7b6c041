import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

const SIGNERS = ['ward_officer', 'ward_chief', 'ward_manager'];

/**
 * アクセスログの確認 (AccessLogReview) of a My Number contract: between the city and the contract's
 * contractor only. The city's signers confirm a review or send it back (`sign`); inspectors read.
 * The contractor (統括責任者, and its staff: 業務責任者・取扱責任者) reads what is its own and records
 * the review (`update`). A company above it in the chain, another company and council reviewers
 * see none of it.
 */
export function defineAccessLogReviewRules({ can }: Builder, actor: Actor): void {
  const has = (...roles: string[]) => actor.roles.some((r) => roles.includes(r));

  if (actor.organisationKind === 'ward' && actor.wardId) {
    const wardId = actor.wardId;
    if (has(...SIGNERS, 'inspector')) can('read', 'AccessLogReview', { wardId });
    if (has(...SIGNERS)) can('sign', 'AccessLogReview', { wardId });
    return;
  }

  if (actor.organisationKind === 'company' && has('contractor_manager', 'contractor_staff')) {
    const organisationId = actor.organisationId;
    can(['read', 'update'], 'AccessLogReview', { organisationId });
  }
}
