import { asSubject } from '../../../policies/app-ability.js';
import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { contractFields } from '../contracts/contract.repository.js';
import type { UseCaseContext } from '../shared/context.js';
import { ForbiddenError } from '../shared/errors.js';
import { japanToday } from './inspection-access.js';
import { type InspectionDue, listInspectionDue } from './list-inspection-due.js';

/**
 * The due/overdue listing for ward staff who may read the ward's inspections (a system
 * administrator names the ward, or sees all). The contracts pass through the actor's rules in SQL.
 */
export async function listDueForActor(
  ctx: UseCaseContext,
  query: { fiscalYear: number; wardId?: string },
): Promise<{ today: string; items: InspectionDue[] }> {
  const wardId = ctx.actor.wardId ?? query.wardId;
  const allowed = wardId
    ? ctx.ability.can('read', asSubject('Inspection', { wardId }))
    : ctx.ability.can('read', 'Inspection') && ctx.actor.roles.includes('system_admin');
  if (!allowed || (ctx.actor.wardId && query.wardId && query.wardId !== ctx.actor.wardId)) {
    throw new ForbiddenError({
      en: "Only the {self}'s staff may list inspections due",
      ja: '実地検査の予定・未実施の一覧は{self}の職員のみ参照できます',
    });
  }
  const today = japanToday(ctx.now());
  const items = await listInspectionDue(
    ctx.db,
    { ...(wardId && { wardId }), fiscalYear: query.fiscalYear, today },
    (eb) => accessibleBy(eb, ctx.ability, 'read', 'Contract', contractFields),
  );
  return { today, items };
}
