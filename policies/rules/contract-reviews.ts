import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

const SIGNERS = ['ward_officer', 'ward_chief', 'ward_manager'];

/**
 * 見直し周期 (ContractReview) and the controls' coverage (ControlCoverage): the municipality's own
 * supervision, so its staff only. The officer, 係長 and 課長 set a contract's review cycle and
 * complete its reviews (`update`); inspectors read them. Coverage is read by all four — not by
 * companies (it would show a contractor which checks of it and its chain are still missing; see
 * forms/controls-crosswalk/README.md) and not by council reviewers.
 */
export function defineContractReviewRules({ can }: Builder, actor: Actor): void {
  if (actor.organisationKind !== 'ward' || !actor.wardId) return;
  const has = (...roles: string[]) => actor.roles.some((r) => roles.includes(r));
  const wardId = actor.wardId;
  if (has(...SIGNERS, 'inspector')) {
    can('read', 'ContractReview', { wardId });
    can('read', 'ControlCoverage', { wardId });
  }
  if (has(...SIGNERS)) can('update', 'ContractReview', { wardId });
}
