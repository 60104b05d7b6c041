import { accessibleBy, type FieldMap } from '../../../policies/rules-to-sql.js';
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

export async function addSuspension(
  ctx: UseCaseContext,
  input: { companyId: string; reason: string; suspendedFrom: string; suspendedTo?: string | null },
) {
  const wardId = ctx.actor.wardId;
  authorize(ctx.ability, 'create', 'Suspension', { wardId });
  return inTransaction(ctx, async ({ tx, audit }) => {
    const company = await tx
      .selectFrom('organisations')
      .select('kind')
      .where('id', '=', input.companyId)
      .executeTakeFirst();
    if (company?.kind !== 'company') {
      throw new ValidationError({ en: 'Not a company', ja: '事業者ではありません' }, [
        {
          path: 'companyId',
          message: 'not a registered company',
          message_ja: '登録されている事業者ではありません',
        },
      ]);
    }
    await tx
      .insertInto('subcontractor_suspensions')
      .values({
        ward_id: wardId!,
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
    return { wardId: wardId!, ...input, suspendedTo: input.suspendedTo ?? null };
  });
}
