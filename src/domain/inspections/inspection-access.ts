import { type Action, type AppAbility, asSubject, type SubjectType } from '../../../policies/app-ability.js';
import { subjectName } from '../shared/authorize.js';
import { ForbiddenError, NotFoundError } from '../shared/errors.js';

/** The calendar day in Japan (UTC+9, no daylight saving) at an instant: deadlines and 実施日 are
 * Japanese calendar days. */
export function japanToday(now: Date): string {
  return new Date(now.getTime() + 9 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * Like `authorize`, for one part (field) of a record: an assistant may record items but not
 * submit, a company may write its improvement report but nothing else. A record the actor may not
 * read is not found; one it reads but may not change in that part is forbidden.
 */
export function authorizePart(
  ability: AppAbility,
  action: Action,
  type: Exclude<SubjectType, 'all'>,
  record: object,
  part: string,
): void {
  const tagged = asSubject(type, record);
  if (ability.can(action, tagged, part)) return;
  const name = subjectName(type);
  if (ability.can('read', tagged)) {
    throw new ForbiddenError({
      en: `You may not ${action} this ${name.en.toLowerCase()} (${part})`,
      ja: `この${name.ja}に対する操作（${action}: ${part}）は許可されていません`,
    });
  }
  throw new NotFoundError({ en: `${name.en} not found`, ja: `${name.ja}が見つかりません` });
}

/** The actor's ward. Inspections, templates and monitoring belong to a ward; an account outside
 * any ward (a system administrator) acts in them only through a ward account. */
export function actorWard(actor: { wardId: string | null }): string {
  if (actor.wardId) return actor.wardId;
  throw new ForbiddenError({
    en: 'This is done by the staff of a ward',
    ja: 'この操作は区の職員のアカウントで行ってください',
  });
}
