import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { handlerListFields } from '../handlers/handler-lists.js';
import type { UseCaseContext } from '../shared/context.js';
import { type Page, toPage } from '../shared/pagination.js';
import { afterCreated, createdKey } from './created-cursor.js';

/** A submitted handler list (取扱者名簿) that the ward has yet to acknowledge or return. */
export interface PendingHandlerList {
  id: string;
  contractId: string;
  contractTitle: string;
  organisationId: string;
  organisationName: string;
  submittedAt: Date;
  version: number;
}

/**
 * 確認待ちの名簿: submissions the actor may decide (acknowledge or return), oldest first. The
 * permission rules run inside the SQL (the same `update HandlerList` rules decideHandlerList checks).
 */
export async function listPendingHandlerLists(
  ctx: UseCaseContext,
  query: { cursor?: string; limit: number },
): Promise<Page<PendingHandlerList>> {
  let q = ctx.db
    .selectFrom('handler_list_submissions')
    .innerJoin('contracts', (join) =>
      join
        .onRef('contracts.ward_id', '=', 'handler_list_submissions.ward_id')
        .onRef('contracts.id', '=', 'handler_list_submissions.contract_id'),
    )
    .innerJoin('organisations', 'organisations.id', 'handler_list_submissions.organisation_id')
    .select([
      'handler_list_submissions.id',
      'handler_list_submissions.contract_id',
      'handler_list_submissions.organisation_id',
      'handler_list_submissions.submitted_at',
      'handler_list_submissions.version',
      'contracts.title',
      'organisations.name',
    ])
    .select(createdKey('handler_list_submissions', 'submitted_at').as('created_key'))
    .where('handler_list_submissions.status', '=', 'submitted')
    .where((eb) => accessibleBy(eb, ctx.ability, 'update', 'HandlerList', handlerListFields));
  if (query.cursor) {
    const cursor = query.cursor;
    q = q.where((eb) => afterCreated(eb, 'handler_list_submissions', cursor, 'submitted_at'));
  }
  const rows = await q
    .orderBy('handler_list_submissions.submitted_at')
    .orderBy('handler_list_submissions.id')
    .limit(query.limit + 1)
    .execute();
  return toPage(
    rows,
    query.limit,
    (r) => [r.created_key, r.id],
    (r) => ({
      id: r.id,
      contractId: r.contract_id,
      contractTitle: r.title,
      organisationId: r.organisation_id,
      organisationName: r.name,
      submittedAt: r.submitted_at,
      version: r.version,
    }),
  );
}
