import type { TakeOutPurpose } from '../../../workflows/custody/custody.machine.js';
import {
  initialTakeOutState,
  type TakeOutEvent,
  type TakeOutState,
  takeOutMachine,
} from '../../../workflows/custody/take-out.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import { inTransaction, type Tx, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound, ValidationError } from '../shared/errors.js';
import {
  authorizeStep,
  checkEventTime,
  decideStep,
  handlerOnList,
  notOnList,
  saveState,
} from './custody-steps.js';
import { TAKE_OUT_PURPOSE_JA } from './handover-terms.js';
import {
  findPackage,
  type HandoverPackage,
  latestEventAt,
  loadCustody,
  toTakeOut,
} from './package.repository.js';

// 持出記録 (seed 000 キ: 持出記録(個人情報等の内容、持出・返却日時、担当者等)を作成し、返却時の確認を
// 行っている; seed 003 運用5: USBは納品時、返却時を除いて執務室外への持ち出しを禁止).

export interface TakeOutInput {
  purpose: TakeOutPurpose;
  purposeDetail: string;
  /** 個人情報等の内容: what leaves the office. */
  contents: string;
  /** 担当者: the handler carrying it, on the list at the time. */
  handlerId: string;
  /** For delivery and return, when it left; a request for another purpose has none yet. */
  outAt?: Date | null;
}

const OPEN: TakeOutState[] = ['requested', 'approved', 'out'];

/** Moves one take-out through its machine, or refuses with 409. */
export function stepTakeOut(state: TakeOutState, event: TakeOutEvent): TakeOutState {
  const decision = decide(takeOutMachine, state, event);
  if (decision.allowed) return decision.next;
  throw new ConflictError(
    {
      en: `A take-out in state ${state} cannot ${event.type}`,
      ja: `状態「${state}」の持出しにはこの操作はできません`,
    },
    { state, event: event.type },
  );
}

export async function findTakeOut(tx: Tx, pkg: HandoverPackage, takeOutId: string) {
  const row = await tx
    .selectFrom('package_take_outs')
    .selectAll()
    .where('ward_id', '=', pkg.wardId)
    .where('package_id', '=', pkg.id)
    .where('id', '=', takeOutId)
    .executeTakeFirst();
  if (!row) throw notFound('Take-out', '持出記録');
  return row;
}

export async function listedCarrier(tx: Tx, pkg: HandoverPackage, handlerId: string, at: Date) {
  const carrier = await handlerOnList(tx, {
    wardId: pkg.wardId,
    contractId: pkg.contractId,
    organisationId: pkg.recipientOrgId,
    handlerId,
    at,
  });
  if (!carrier) throw notOnList('handlerId', at);
  return carrier;
}

/**
 * Records a take-out: for delivery (納品) or return (返却) it happens now and the media is out; for
 * any other purpose it is a request the ward must approve before the media may leave.
 */
export async function takeOutPackage(
  ctx: UseCaseContext,
  id: string,
  input: TakeOutInput,
  expectedVersion: number,
): Promise<HandoverPackage> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const pkg = await findPackage(tx, id, true);
    if (!pkg) throw notFound('Handover package', '受渡データ');
    authorizeStep(ctx, pkg, 'takeOut');
    const state = initialTakeOutState(input.purpose);
    // A request for another purpose does not move the media yet, but only media in the cabinet
    // can be requested: ask the machine as if approved, to check the state alone.
    const next = decideStep(
      pkg,
      { type: 'TAKE_OUT', purpose: input.purpose, wardApproved: state === 'requested' },
      expectedVersion,
    );
    const custody = await loadCustody(tx, pkg);
    if (custody.takeOuts.some((t) => OPEN.includes(t.status as TakeOutState))) {
      throw new ConflictError(
        {
          en: 'Another take-out of this package is still open',
          ja: 'この受渡データには未完了の持出しがあります',
        },
        { state: pkg.status },
      );
    }
    const outAt = state === 'out' ? input.outAt : null;
    if (state === 'out' && !outAt) {
      throw new ValidationError({ en: 'When did it leave?', ja: '持出日時を入力してください' }, [
        {
          path: 'outAt',
          message: 'required for delivery and return',
          message_ja: '納品・返却の持出しには必須です',
        },
      ]);
    }
    const at = outAt ?? ctx.now();
    if (outAt) checkEventTime(outAt, ctx.now(), latestEventAt(pkg, custody), 'outAt');
    const carrier = await listedCarrier(tx, pkg, input.handlerId, at);

    const row = await tx
      .insertInto('package_take_outs')
      .values({
        ward_id: pkg.wardId,
        package_id: pkg.id,
        purpose: input.purpose,
        purpose_detail: input.purposeDetail.trim(),
        contents: input.contents.trim(),
        handler_id: carrier.id,
        status: state,
        requested_by: ctx.actor.userId,
        requested_at: ctx.now(),
        out_at: outAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (state === 'out') await saveState(tx, ctx, pkg, next);
    else {
      // the version still moves, so a stale screen cannot request twice
      await saveState(tx, ctx, pkg, pkg.status);
    }
    await audit({
      wardId: pkg.wardId,
      action: state === 'out' ? 'handover_package.take_out' : 'handover_package.request_take_out',
      subjectType: 'HandoverPackage',
      subjectId: pkg.id,
      before: { status: pkg.status, version: pkg.version },
      after: {
        status: state === 'out' ? next : pkg.status,
        version: pkg.version + 1,
        takeOut: {
          ...toTakeOut(row),
          purposeJa: TAKE_OUT_PURPOSE_JA[input.purpose],
          handler: carrier.fullName,
        },
      },
    });
    return (await findPackage(tx, pkg.id))!;
  });
}
