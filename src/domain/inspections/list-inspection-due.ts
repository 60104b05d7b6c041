import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/database.js';

// 年度当たり1回以上の実地検査: every organisation in an active contract's chain (the contractor of each
// active contract, sub-contracts included) must have a signed-off personal-information inspection
// ('privacy' checklist) in each fiscal year (April–March) its contract runs in.
//
// Due or overdue: an inspection is due by the end of the fiscal year or by the end of the
// contract's period, whichever comes first — a contract ending in September is inspected before it
// ends. Once that day has passed (today > dueBy) it is overdue. No ward setting is involved, so the
// listing means the same for every ward and for the scheduler.

export interface InspectionDue {
  wardId: string;
  contractId: string;
  parentContractId: string | null;
  /** 1 = the contractor (受託者); 2 and more = sub-contractors (再委託先). */
  depth: number;
  contractTitle: string;
  contractNumber: string | null;
  organisationId: string;
  organisationName: string;
  fiscalYear: number;
  dueBy: string;
  status: 'due' | 'overdue';
  /** An inspection planned or under way for that year, not yet signed off. */
  plannedInspectionId: string | null;
  plannedOn: string | null;
}

export interface InspectionDueQuery {
  wardId?: string;
  /** The fiscal year by its starting Western year (2026 = 令和8年度, April 2026 – March 2027). */
  fiscalYear: number;
  /** Today as 'YYYY-MM-DD' (Japanese calendar day). */
  today: string;
}

/**
 * Every (contract, organisation) without a signed-off inspection in the fiscal year, flagged due
 * or overdue, in one SQL query. `restrict` narrows the contracts further (e.g. to what an actor may
 * read); the scheduler calls it without.
 */
export async function listInspectionDue(
  db: Kysely<Database>,
  { wardId, fiscalYear, today }: InspectionDueQuery,
  restrict?: (eb: ExpressionBuilder<Database, 'contracts'>) => Expression<SqlBool>,
): Promise<InspectionDue[]> {
  const fyStart = `${fiscalYear}-04-01`;
  const fyEnd = `${fiscalYear + 1}-03-31`;
  const dueBy = sql<string>`least(contracts.period_to, ${fyEnd}::date)`;
  let q = db
    .selectFrom('contracts')
    .innerJoin('organisations', 'organisations.id', 'contracts.contractor_org_id')
    .select([
      'contracts.ward_id',
      'contracts.id',
      'contracts.parent_contract_id',
      'contracts.depth',
      'contracts.title',
      'contracts.contract_number',
      'contracts.contractor_org_id',
      'organisations.name',
      sql<string>`to_char(${dueBy}, 'YYYY-MM-DD')`.as('due_by'),
      sql<boolean>`${today}::date > ${dueBy}`.as('overdue'),
      (eb) =>
        eb
          .selectFrom('inspections')
          .select(
            sql<string>`inspections.id::text || ' ' || to_char(inspections.planned_on, 'YYYY-MM-DD')`.as('p'),
          )
          .whereRef('inspections.ward_id', '=', 'contracts.ward_id')
          .whereRef('inspections.contract_id', '=', 'contracts.id')
          .where('inspections.purpose', '=', 'privacy')
          // the ward's own: a contractor's inspection of its sub-contractor does not stand for it
          .where('inspections.inspecting_org_id', 'is', null)
          .where('inspections.fiscal_year', '=', fiscalYear)
          .where('inspections.status', 'in', ['planned', 'in_progress', 'submitted'])
          .orderBy('inspections.planned_on')
          .limit(1)
          .as('planned'),
    ])
    .where('contracts.status', '=', 'active')
    .where('contracts.contractor_access', '=', true)
    .where('contracts.handles_personal_info', '=', true)
    .where('contracts.period_from', '<=', fyEnd)
    .where('contracts.period_to', '>=', fyStart)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('inspections')
            .select(sql`1`.as('one'))
            .whereRef('inspections.ward_id', '=', 'contracts.ward_id')
            .whereRef('inspections.contract_id', '=', 'contracts.id')
            .whereRef('inspections.organisation_id', '=', 'contracts.contractor_org_id')
            .where('inspections.purpose', '=', 'privacy')
            .where('inspections.inspecting_org_id', 'is', null)
            .where('inspections.status', '=', 'signed_off')
            .where('inspections.fiscal_year', '=', fiscalYear),
        ),
      ),
    );
  if (wardId) q = q.where('contracts.ward_id', '=', wardId);
  if (restrict) q = q.where(restrict);
  const rows = await q
    .orderBy('contracts.ward_id')
    .orderBy(dueBy)
    .orderBy('contracts.depth')
    .orderBy('contracts.id')
    .execute();
  return rows.map((r) => {
    const [plannedInspectionId, plannedOn] = r.planned ? r.planned.split(' ') : [null, null];
    return {
      wardId: r.ward_id,
      contractId: r.id,
      parentContractId: r.parent_contract_id,
      depth: r.depth,
      contractTitle: r.title,
      contractNumber: r.contract_number,
      organisationId: r.contractor_org_id,
      organisationName: r.name,
      fiscalYear,
      dueBy: r.due_by,
      status: r.overdue ? 'overdue' : 'due',
      plannedInspectionId: plannedInspectionId ?? null,
      plannedOn: plannedOn ?? null,
    };
  });
}
