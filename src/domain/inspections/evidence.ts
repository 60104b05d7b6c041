import { asSubject } from '../../../policies/app-ability.js';
import type { Tx, UseCaseContext } from '../shared/context.js';
import { type FieldError, ValidationError } from '../shared/errors.js';

/**
 * Evidence attached to an item or an improvement report: attachment ids from the attachments
 * feature. Each must exist, be readable by the actor, be tagged with the inspection's ward (so the
 * ward's staff can open it) and, for item photos, be a photo. Unknown and invisible look alike.
 */
export async function checkEvidence(
  ctx: UseCaseContext,
  tx: Tx,
  wardId: string,
  ids: string[],
  path: string,
  purpose?: 'photo',
): Promise<void> {
  if (!ids.length) return;
  const rows = await tx
    .selectFrom('attachments')
    .select(['id', 'organisation_id', 'ward_id', 'purpose'])
    .where('id', 'in', ids)
    .execute();
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    const row = rows.find((r) => r.id === id);
    const visible =
      row &&
      ctx.ability.can(
        'read',
        asSubject('Attachment', { organisationId: row.organisation_id, wardId: row.ward_id }),
      );
    if (ids.indexOf(id) !== i) {
      errors.push({
        path: `${path}.${i}`,
        message: 'listed twice',
        message_ja: '同じファイルが重複しています',
      });
    } else if (!row || !visible) {
      errors.push({
        path: `${path}.${i}`,
        message: 'no such attachment',
        message_ja: '添付ファイルが見つかりません',
      });
    } else if (row.ward_id !== wardId) {
      errors.push({
        path: `${path}.${i}`,
        message: 'upload the file for the {self} of this inspection (wardId)',
        message_ja: 'この実地検査の{self}を指定して（wardId）アップロードしたファイルを指定してください',
      });
    } else if (purpose && row.purpose !== purpose) {
      errors.push({
        path: `${path}.${i}`,
        message: 'not a photo',
        message_ja: '写真（purpose: photo）ではありません',
      });
    }
  });
  if (errors.length)
    throw new ValidationError(
      { en: 'The evidence is not valid', ja: '添付された証拠に誤りがあります' },
      errors,
    );
}
