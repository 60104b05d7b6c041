import type { Actor } from '../../../policies/actor.js';
import { ForbiddenError } from './errors.js';

/**
 * The ward a new ward record (a contract, a council meeting, a suspension) belongs to: the
 * actor's own. System administrators belong to no ward (they set wards up, across wards); what a
 * ward records is recorded by its staff.
 */
export function actingWard(actor: Pick<Actor, 'wardId'>): string {
  if (actor.wardId) return actor.wardId;
  throw new ForbiddenError({
    en: 'This is done by the staff of a {self}; system administrators belong to no {self}',
    ja: 'この操作は{self}の職員のアカウントで行ってください（システム管理者はどの{self}にも所属しません）',
  });
}
