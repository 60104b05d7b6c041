import { ForbiddenError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';

/** The calendar day in Japan at an instant: deadlines and 実施日 are Japanese calendar days. */
export const japanToday = toJapanDate;

/** The actor's ward. Inspections, templates and monitoring belong to a ward; an account outside
 * any ward (a system administrator) acts in them only through a ward account. */
export function actorWard(actor: { wardId: string | null }): string {
  if (actor.wardId) return actor.wardId;
  throw new ForbiddenError({
    en: 'This is done by the staff of a {self}',
    ja: 'この操作は{self}の職員のアカウントで行ってください',
  });
}
