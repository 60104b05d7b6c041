import { sql } from 'kysely';
import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { type Inspection, inspectionFields, toInspection } from '../inspections/inspection.repository.js';
import { inspectionCommands, inspectionWorkflow } from '../inspections/inspection.workflow.js';
import { mayTake } from '../shared/allowed-actions.js';
import type { UseCaseContext } from '../shared/context.js';

/** An inspection record (実地検査結果) whose 決裁 awaits the actor, with what to call it. */
export interface InspectionAwaitingSignOff {
  inspection: Inspection;
  organisationName: string;
  contractTitle: string;
}

/**
 * 決裁待ちの実地検査: submitted inspection records whose awaited step (chain[step]) is one of the
 * actor's roles, oldest submission first. The `sign Inspection` rules run in the SQL; the machine
 * then confirms the actor may sign (the same question the detail page's buttons ask).
 */
export async function listInspectionQueue(
  ctx: UseCaseContext,
  limit: number,
): Promise<{ items: InspectionAwaitingSignOff[]; more: boolean }> {
  const roles = [...ctx.actor.roles] as string[];
  const rows = await ctx.db
    .selectFrom('inspections')
    .innerJoin('organisations', 'organisations.id', 'inspections.organisation_id')
    .innerJoin('contracts', (j) =>
      j
        .onRef('contracts.ward_id', '=', 'inspections.ward_id')
        .onRef('contracts.id', '=', 'inspections.contract_id'),
    )
    .selectAll('inspections')
    .select(['organisations.name as organisation_name', 'contracts.title as contract_title'])
    .where('inspections.status', '=', 'submitted')
    // PostgreSQL arrays count from 1: chain[step + 1] is the awaited role
    .where(sql<boolean>`inspections.chain[inspections.step + 1] = any(${roles}::text[])`)
    .where((eb) => accessibleBy(eb, ctx.ability, 'sign', 'Inspection', inspectionFields))
    .orderBy('inspections.submitted_at')
    .orderBy('inspections.id')
    .limit(limit + 1)
    .execute();
  const items = rows
    .map((r) => ({
      inspection: toInspection(r),
      organisationName: r.organisation_name,
      contractTitle: r.contract_title,
    }))
    .filter((x) => mayTake(ctx, inspectionWorkflow, inspectionCommands.approve, x.inspection));
  return { items: items.slice(0, limit), more: rows.length > limit };
}
