import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

const SIGNERS = ['ward_officer', 'ward_chief', 'ward_manager'];

/**
 * 業務報告 (OperationalReport), 定例会議 (RegularMeeting) and 改善勧告 (ImprovementRecommendation),
 * seed 004: between the city and its contractor only. The city's signers receive and sign reports,
 * record meetings, recommend improvements and close them (the `decision` part); inspectors read.
 * The contractor (its manager: 統括責任者, and its staff: 業務責任者・業務従事者) reads what is
 * its own, submits and files reports, records meetings; only its manager answers a recommendation
 * (the `answer` part). A sub-contractor, another company and council reviewers see none of it.
 */
export function defineOperationalReportRules({ can }: Builder, actor: Actor): void {
  const has = (...roles: string[]) => actor.roles.some((r) => roles.includes(r));

  if (actor.organisationKind === 'ward' && actor.wardId) {
    const wardId = actor.wardId;
    if (has(...SIGNERS, 'inspector')) {
      can('read', ['OperationalReport', 'RegularMeeting', 'ImprovementRecommendation'], { wardId });
    }
    if (has(...SIGNERS)) {
      can('sign', 'OperationalReport', { wardId });
      can('create', 'RegularMeeting', { wardId });
      can('create', 'ImprovementRecommendation', { wardId });
      can('update', 'ImprovementRecommendation', 'decision', { wardId });
    }
    return;
  }

  if (actor.organisationKind === 'company' && has('contractor_manager', 'contractor_staff')) {
    const organisationId = actor.organisationId;
    can('read', ['OperationalReport', 'RegularMeeting', 'ImprovementRecommendation'], { organisationId });
    can(['create', 'update'], 'OperationalReport', { organisationId });
    can('create', 'RegularMeeting', { organisationId });
    if (has('contractor_manager')) can('update', 'ImprovementRecommendation', 'answer', { organisationId });
  }
}
