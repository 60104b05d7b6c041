import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

/** Ward roles that read a company's certifications: its staff, not the council's reviewers (they
 * read the council report, which states the P-mark from these records). */
const WARD_READERS = ['ward_officer', 'ward_chief', 'ward_manager', 'inspector'];

/**
 * A company's certifications (CompanyCertification: プライバシーマーク, ISMS, ISMAP): the company's
 * managers (統括責任者・取扱責任者) record, change and withdraw them ('create', 'update'); its staff
 * read them. A ward's staff read those of the companies known to the ward (`wardIds`: ward_companies
 * — its contractors and, once applied for, their sub-contractors), the same link that lets them read
 * the company's organisation record. Nobody else, including another company in the same chain.
 */
export function defineCertificationRules({ can }: Builder, actor: Actor): void {
  const has = (...roles: string[]) => actor.roles.some((r) => roles.includes(r));

  if (actor.organisationKind === 'ward' && actor.wardId) {
    if (has(...WARD_READERS)) can('read', 'CompanyCertification', { wardIds: actor.wardId });
    return;
  }
  if (actor.organisationKind === 'company' && has('contractor_manager', 'contractor_staff')) {
    const organisationId = actor.organisationId;
    can('read', 'CompanyCertification', { organisationId });
    if (has('contractor_manager')) can(['create', 'update'], 'CompanyCertification', { organisationId });
  }
}
