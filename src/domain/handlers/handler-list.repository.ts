import { type Kysely, sql } from 'kysely';
import { type FieldMap, membership } from '../../../policies/rules-to-sql.js';
import type { Database } from '../../db/database.js';
import type { RosterRole } from '../../db/tables/contracts.js';
import { type Handler, loadHandlers } from './handler.repository.js';

// 取扱責任者及び取扱者の名簿: the submissions of an organisation's list for a contract, with their
// entries and the people on them.

export const handlerListFields: FieldMap = {
  wardId: 'handler_list_submissions.ward_id',
  organisationId: 'handler_list_submissions.organisation_id',
  // a contractor supervises the lists of the sub-contracts below it
  chainOrgIds: membership((eb, orgId) =>
    eb.exists(
      eb
        .selectFrom('contracts as c')
        .select(sql`1`.as('one'))
        .whereRef('c.ward_id', '=', 'handler_list_submissions.ward_id')
        .whereRef('c.id', '=', 'handler_list_submissions.contract_id')
        .where(sql<boolean>`${orgId}::uuid = any(c.chain_org_ids)`),
    ),
  ),
};

export interface HandlerListEntryInput {
  handlerId: string;
  role: RosterRole;
  effectiveFrom: string;
  effectiveTo?: string | null;
  /** 業務: required of a 業務責任者 and 副業務責任者 (seed 004 4(2)). */
  task?: string | null;
  /** Named among the staff allowed to handle 特定個人情報 (My Number contracts). */
  handlesMyNumber?: boolean;
}

/** The order a list is read in: the contract's head first, the tasks' leads, then the people. */
export const ROLE_ORDER: readonly RosterRole[] = [
  'general_manager',
  'responsible',
  'task_lead',
  'deputy_task_lead',
  'handler',
  'worker',
];

export interface HandlerListSubmission {
  id: string;
  contractId: string;
  wardId: string;
  organisationId: string;
  status: 'submitted' | 'acknowledged' | 'returned';
  submittedBy: string | null;
  submittedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  comment: string | null;
  version: number;
  machine: { id: string; version: number };
  entries: Array<HandlerListEntryInput & { handler: Handler }>;
}

/** A submission with the organisations above its contract in the chain (for the policies). */
export type HandlerListInChain = HandlerListSubmission & { chainOrgIds: string[] };

/** One submission by id, with its contract's chain, optionally locked; undefined if there is none. */
export async function findSubmission(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<HandlerListInChain | undefined> {
  let q = db
    .selectFrom('handler_list_submissions as s')
    .innerJoin('contracts as c', (j) =>
      j.onRef('c.ward_id', '=', 's.ward_id').onRef('c.id', '=', 's.contract_id'),
    )
    .select(['s.ward_id', 'c.chain_org_ids'])
    .where('s.id', '=', id);
  if (lock) q = q.forUpdate('s');
  const row = await q.executeTakeFirst();
  return row && { ...(await loadSubmission(db, row.ward_id, id)), chainOrgIds: row.chain_org_ids };
}

export async function loadSubmission(
  db: Kysely<Database>,
  wardId: string,
  id: string,
): Promise<HandlerListSubmission> {
  const row = await db
    .selectFrom('handler_list_submissions')
    .selectAll()
    .where('ward_id', '=', wardId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const entries = await db
    .selectFrom('handler_list_entries')
    .selectAll()
    .where('ward_id', '=', wardId)
    .where('submission_id', '=', id)
    .execute();
  const handlers = await loadHandlers(
    db,
    entries.map((e) => e.handler_id),
  );
  return {
    id: row.id,
    contractId: row.contract_id,
    wardId: row.ward_id,
    organisationId: row.organisation_id,
    status: row.status,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    comment: row.comment,
    version: row.version,
    machine: { id: row.machine_id, version: row.machine_version },
    entries: entries
      .map((e) => ({
        handlerId: e.handler_id,
        role: e.role,
        effectiveFrom: e.effective_from,
        effectiveTo: e.effective_to,
        task: e.task,
        handlesMyNumber: e.handles_my_number,
        handler: handlers.find((h) => h.id === e.handler_id)!,
      }))
      .sort((a, b) =>
        a.role === b.role
          ? (a.task ?? '').localeCompare(b.task ?? '', 'ja') ||
            a.handler.fullName.localeCompare(b.handler.fullName, 'ja')
          : ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role),
      ),
  };
}
