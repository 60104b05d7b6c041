import { type Action, asSubject } from '../../../policies/app-ability.js';
import { subjectName } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { ForbiddenError } from '../shared/errors.js';

/**
 * The municipality's own view of a contract the viewer may read (checked before): a company of the
 * contract, an inspector asked to change it, a council reviewer get 403 — the contract exists for
 * them, so a 404 would say nothing true.
 */
export function requireWardView(
  ctx: UseCaseContext,
  action: Action,
  subject: 'ContractReview' | 'ControlCoverage',
  wardId: string,
): void {
  if (ctx.ability.can(action, asSubject(subject, { wardId }))) return;
  const name = subjectName(subject);
  throw new ForbiddenError({
    en: `Only the municipality's staff may ${action === 'read' ? 'read' : 'change'} the ${name.en.toLowerCase()}`,
    ja: `${name.ja}は{self}の職員のみが${action === 'read' ? '閲覧' : '変更'}できます`,
  });
}
