import { accessibleBy, type FieldMap } from '../../../policies/rules-to-sql.js';
import { findOrganisation } from '../organisations/organisation.repository.js';
import { actingWard } from '../shared/acting-ward.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ValidationError } from '../shared/errors.js';

// The ward's suspension list (指名停止): companies that may not be approved as sub-contractors.

const fields: FieldMap = { wardId: 'subcontractor_suspensions.ward_id' };

export async function listSuspensions(ctx: UseCaseContext) {
  const rows = await ctx.db
    .selectFrom('subcontractor_suspensions')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Suspension', fields))
    .orderBy('suspended_from', 'desc')
    .execute();
  return rows.map((r) => ({
    wardId: r.ward_id,
    companyId: r.company_id,
    reason: r.reason,
    suspendedFrom: r.suspended_from,
    suspendedTo: r.suspended_to,
  }));
}

/**
 * Suspends a company of the ward. A company the ward does not know (one known only to other wards,
 * or another ward) is answered exactly like an id that does not exist, so that the answer does
 * not tell which companies exist elsewhere.
 */
export async function addSuspension(
  ctx: UseCaseContext,
  input: { companyId: string; reason: string; suspendedFrom: string; suspendedTo?: string | null },
) {
  const wardId = actingWard(ctx.actor);
  authorize(ctx.ability, 'create', 'Suspension', { wardId });
  return inTransaction(ctx, async ({ tx, audit }) => {
    const company = await findOrganisation(tx, input.companyId);
    if (company?.kind !== 'company' || !company.linkedOrgIds.includes(wardId)) {
      throw new ValidationError({ en: 'Unknown company', ja: '事業者が見つかりません' }, [
        {
          path: 'companyId',
          message: 'no company of this {self} has this id',
          message_ja: 'この{self}に登録されている事業者ではありません',
        },
      ]);
    }
    await tx
      .insertInto('subcontractor_suspensions')
      .values({
        ward_id: wardId,
        company_id: input.companyId,
        reason: input.reason,
        suspended_from: input.suspendedFrom,
        suspended_to: input.suspendedTo ?? null,
        created_by: ctx.actor.userId,
      })
      .onConflict((oc) =>
        oc
          .columns(['ward_id', 'company_id', 'suspended_from'])
          .doUpdateSet({ reason: input.reason, suspended_to: input.suspendedTo ?? null }),
      )
      .execute();
    await audit({
      wardId,
      action: 'suspension.add',
      subjectType: 'Suspension',
      subjectId: input.companyId,
      after: input,
    });
    return { wardId, ...input, suspendedTo: input.suspendedTo ?? null };
  });
}
