import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';
import { findOrganisation, type Organisation } from './organisation.repository.js';
import type { OrganisationPatch } from './organisation-input.js';

/** Changes an organisation's details, refusing a write based on a stale version. */
export async function updateOrganisation(
  ctx: UseCaseContext,
  id: string,
  patch: OrganisationPatch,
  expectedVersion: number,
): Promise<Organisation> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const before = await findOrganisation(tx, id, true);
    if (!before) throw notFound('Organisation', '組織');
    authorize(ctx.ability, 'update', 'Organisation', before);
    checkVersion('組織 / Organisation', expectedVersion, before.version);
    await tx
      .updateTable('organisations')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.nameKana !== undefined && { name_kana: patch.nameKana }),
        ...(patch.corporateNumber !== undefined && { corporate_number: patch.corporateNumber }),
        ...(patch.address !== undefined && { address: patch.address }),
        ...(patch.settings !== undefined &&
          before.kind === 'ward' && { settings: JSON.stringify(patch.settings) }),
        updated_at: ctx.now(),
        version: before.version + 1,
      })
      .where('id', '=', id)
      .execute();
    const after = (await findOrganisation(tx, id))!;
    await audit({
      wardId: before.kind === 'ward' ? before.id : (ctx.actor.wardId ?? null),
      action: 'organisation.update',
      subjectType: 'Organisation',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}
