import type { Expression, ExpressionBuilder, OrderByItemBuilder, Selectable } from 'kysely';
import { accessibleBy, type FieldMap } from '../../../policies/rules-to-sql.js';
import type { Database } from '../../db/database.js';
import { findOrganisation } from '../organisations/organisation.repository.js';
import { actingWard } from '../shared/acting-ward.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type Tx, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound, ValidationError } from '../shared/errors.js';
import { likePattern } from '../shared/sorted-list.js';
import { checkVersion } from '../shared/versioning.js';
import type { Approval } from './approval.repository.js';

// The ward's suspension list (指名停止): companies that may not be approved as sub-contractors
// for any day of a suspension in force. A suspension may be lifted early (解除): from its
// `liftedOn` it is no longer in force.

export const suspensionFields: FieldMap = { wardId: 'subcontractor_suspensions.ward_id' };

export interface Suspension {
  id: string;
  wardId: string;
  companyId: string;
  reason: string;
  suspendedFrom: string;
  suspendedTo: string | null;
  liftedOn: string | null;
  liftReason: string | null;
  liftedAt: string | null;
  version: number;
}

type Row = Selectable<Database['subcontractor_suspensions']>;

function toSuspension(r: Row): Suspension {
  return {
    id: r.id,
    wardId: r.ward_id,
    companyId: r.company_id,
    reason: r.reason,
    suspendedFrom: r.suspended_from,
    suspendedTo: r.suspended_to,
    liftedOn: r.lifted_on,
    liftReason: r.lift_reason,
    liftedAt: r.lifted_at?.toISOString() ?? null,
    version: r.version,
  };
}

/**
 * A suspension in force on some day of `from`…`to` (dates, `to` inclusive): it starts on or before
 * the last day, has not ended before the first, and was not lifted on or before the first day.
 * The same test refuses an application and finds suspended engagements for the dashboard.
 */
export function suspensionOverlaps(
  eb: ExpressionBuilder<Database, 'subcontractor_suspensions'>,
  from: string | Expression<string>,
  to: string | Expression<string>,
) {
  return eb.and([
    eb('subcontractor_suspensions.suspended_from', '<=', to),
    eb.or([
      eb('subcontractor_suspensions.suspended_to', 'is', null),
      eb('subcontractor_suspensions.suspended_to', '>=', from),
    ]),
    eb.or([
      eb('subcontractor_suspensions.lifted_on', 'is', null),
      eb('subcontractor_suspensions.lifted_on', '>', from),
    ]),
    // lifted before it began: never in force
    eb.or([
      eb('subcontractor_suspensions.lifted_on', 'is', null),
      eb('subcontractor_suspensions.lifted_on', '>', eb.ref('subcontractor_suspensions.suspended_from')),
    ]),
  ]);
}

/** The columns the suspension list sorts by (the page's headings). */
export const SUSPENSION_SORT_KEYS = ['company', 'from', 'to', 'lifted'] as const;
export type SuspensionSortKey = (typeof SUSPENSION_SORT_KEYS)[number];

/**
 * The suspensions the actor may read (the rules in SQL), by a column or latest start first;
 * `words` keeps those whose company's name or 法人番号, or whose reason, holds them.
 */
export async function listSuspensions(
  ctx: UseCaseContext,
  sort?: { key: SuspensionSortKey; dir: 'asc' | 'desc' },
  words?: string,
): Promise<Suspension[]> {
  let q = ctx.db
    .selectFrom('subcontractor_suspensions')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Suspension', suspensionFields));
  if (words) {
    const pattern = likePattern(words);
    q = q.where((eb) =>
      eb.or([
        eb('subcontractor_suspensions.reason', 'ilike', pattern),
        eb.exists(
          eb
            .selectFrom('organisations')
            .select('organisations.id')
            .whereRef('organisations.id', '=', 'subcontractor_suspensions.company_id')
            .where((o) =>
              o.or([
                o('organisations.name', 'ilike', pattern),
                o('organisations.corporate_number', 'ilike', pattern),
              ]),
            ),
        ),
      ]),
    );
  }
  if (sort) {
    const dir = sort.dir;
    // an open end (no 終期) sorts as the latest; a suspension never lifted after the lifted ones
    const nulls = (ob: OrderByItemBuilder) => (dir === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsFirst());
    if (sort.key === 'company')
      q = q.orderBy(
        (eb) =>
          eb
            .selectFrom('organisations')
            .select('organisations.name')
            .whereRef('organisations.id', '=', 'subcontractor_suspensions.company_id'),
        dir,
      );
    else if (sort.key === 'from') q = q.orderBy('suspended_from', dir);
    else if (sort.key === 'to') q = q.orderBy('suspended_to', nulls);
    else q = q.orderBy('lifted_on', nulls);
  }
  const rows = await q.orderBy('suspended_from', 'desc').orderBy('id').execute();
  return rows.map(toSuspension);
}

/**
 * Suspends a company of the ward. A company the ward does not know (one known only to other wards,
 * or another ward) is answered exactly like an id that does not exist, so that the answer does
 * not tell which companies exist elsewhere.
 */
export async function addSuspension(
  ctx: UseCaseContext,
  input: { companyId: string; reason: string; suspendedFrom: string; suspendedTo?: string | null },
): Promise<Suspension> {
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
    if (input.suspendedTo && input.suspendedTo < input.suspendedFrom) {
      throw new ValidationError({ en: 'The period is not valid', ja: '停止期間に誤りがあります' }, [
        {
          path: 'suspendedTo',
          message: 'must not be before suspendedFrom',
          message_ja: '停止期間の終了日は開始日以降にしてください',
        },
      ]);
    }
    const row = await tx
      .insertInto('subcontractor_suspensions')
      .values({
        ward_id: wardId,
        company_id: input.companyId,
        reason: input.reason,
        suspended_from: input.suspendedFrom,
        suspended_to: input.suspendedTo ?? null,
        created_by: ctx.actor.userId,
      })
      // the same company from the same day: the suspension is restated (and in force again)
      .onConflict((oc) =>
        oc.columns(['ward_id', 'company_id', 'suspended_from']).doUpdateSet((eb) => ({
          reason: input.reason,
          suspended_to: input.suspendedTo ?? null,
          lifted_on: null,
          lift_reason: null,
          lifted_by: null,
          lifted_at: null,
          version: eb('subcontractor_suspensions.version', '+', 1),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    const added = toSuspension(row);
    await audit({
      wardId,
      action: 'suspension.add',
      subjectType: 'Suspension',
      subjectId: input.companyId,
      after: added,
    });
    return added;
  });
}

/**
 * 指名停止の解除: the ward ends a suspension early, from `liftedOn` (a day of the suspension, after
 * its first), for a reason. Lifted once; a suspension of another ward is a 404.
 */
export async function liftSuspension(
  ctx: UseCaseContext,
  id: string,
  input: { liftedOn: string; reason: string },
  expectedVersion: number,
): Promise<Suspension> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const row = await tx
      .selectFrom('subcontractor_suspensions')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('Suspension', '指名停止');
    const before = toSuspension(row);
    authorize(ctx.ability, 'update', 'Suspension', before);
    checkVersion('指名停止 / Suspension', expectedVersion, before.version);
    if (before.liftedOn) {
      throw new ConflictError(
        {
          en: `This suspension was already lifted from ${before.liftedOn}`,
          ja: `この指名停止は${before.liftedOn}に解除済みです`,
        },
        { liftedOn: before.liftedOn },
      );
    }
    const reason = input.reason.trim();
    const errors = [];
    if (input.liftedOn <= before.suspendedFrom) {
      errors.push({
        path: 'liftedOn',
        message: `must be after the first day of the suspension (${before.suspendedFrom})`,
        message_ja: `解除日は停止期間の初日（${before.suspendedFrom}）より後の日にしてください`,
      });
    } else if (before.suspendedTo && input.liftedOn > before.suspendedTo) {
      errors.push({
        path: 'liftedOn',
        message: `the suspension ends on ${before.suspendedTo} anyway`,
        message_ja: `停止期間は${before.suspendedTo}に終了します。解除日はそれ以前にしてください`,
      });
    }
    if (!reason) {
      errors.push({
        path: 'reason',
        message: 'say why it is lifted',
        message_ja: '解除の理由を記入してください',
      });
    }
    if (errors.length) {
      throw new ValidationError(
        { en: 'The suspension cannot be lifted so', ja: '指名停止を解除できません' },
        errors,
      );
    }
    const now = ctx.now();
    const updated = await tx
      .updateTable('subcontractor_suspensions')
      .set({
        lifted_on: input.liftedOn,
        lift_reason: reason,
        lifted_by: ctx.actor.userId,
        lifted_at: now,
        version: before.version + 1,
      })
      .where('ward_id', '=', before.wardId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toSuspension(updated);
    await audit({
      wardId: before.wardId,
      action: 'suspension.lift',
      subjectType: 'Suspension',
      subjectId: id,
      before: { liftedOn: null, version: before.version },
      after: {
        companyId: after.companyId,
        liftedOn: after.liftedOn,
        liftReason: reason,
        version: after.version,
      },
    });
    return after;
  });
}

/** Whether a suspension is in force on `day` (a Japan date). */
export function inForce(s: Suspension, day: string): boolean {
  return (
    s.suspendedFrom <= day &&
    (s.suspendedTo === null || s.suspendedTo >= day) &&
    (s.liftedOn === null || s.liftedOn > day)
  );
}

/**
 * At the final approval of a sub-contract: a suspension of the sub-contractor recorded since the
 * application, in force on some day of its period, refuses the approval (409).
 */
export async function checkSubcontractorNotSuspended(tx: Tx, approval: Approval): Promise<void> {
  if (approval.application.kind !== 'subdelegation') return;
  const { subcontractorOrgId, periodFrom, periodTo } = approval.application;
  const suspension = await tx
    .selectFrom('subcontractor_suspensions')
    .select(['reason', 'suspended_from', 'suspended_to'])
    .where('ward_id', '=', approval.wardId)
    .where('company_id', '=', subcontractorOrgId)
    .where((eb) => suspensionOverlaps(eb, periodFrom, periodTo))
    .orderBy('suspended_from')
    .executeTakeFirst();
  if (!suspension) return;
  const period = `${suspension.suspended_from}〜${suspension.suspended_to ?? ''}`;
  throw new ConflictError(
    {
      en: `The sub-contractor is on the ward's suspension list (${period}, ${suspension.reason}) for part of the period; it cannot be approved`,
      ja: `再委託先は再委託の期間中に区の指名停止措置の対象です（${period}、${suspension.reason}）。承認できません`,
    },
    { suspendedFrom: suspension.suspended_from, suspendedTo: suspension.suspended_to },
  );
}
