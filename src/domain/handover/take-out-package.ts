import type { TakeOutPurpose } from '../../../workflows/custody/custody.machine.js';
import {
  initialTakeOutState,
  type TakeOutEvent,
  type TakeOutState,
  takeOutMachine,
} from '../../../workflows/custody/take-out.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import { fillWords, loadMunicipalityWords } from '../organisations/municipality-words.js';
import type { Tx, UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound, ValidationError } from '../shared/errors.js';
import { runStep } from '../shared/run-step.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import { type CustodyStep, custodyFacts, custodyWorkflow, OPEN_TAKE_OUTS } from './custody.workflow.js';
import { checkEventTime, handlerOnList, notOnList } from './custody-steps.js';
import { TAKE_OUT_PURPOSE_JA } from './handover-terms.js';
import { type HandoverPackage, latestEventAt, toTakeOut } from './package.repository.js';

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

/** The take-out machine (version 1) tags each take-out row. */
export const takeOutMachineColumns = () => machineColumns({ machine: takeOutMachine, version: 1 });

/** Moves one take-out through its own machine, or refuses with 409. */
export function stepTakeOut(state: TakeOutState, event: TakeOutEvent): TakeOutState {
  const decision = decide(takeOutMachine, state, event);
  if (decision.allowed) return decision.next;
  throw new ConflictError(
    {
      en: `A take-out in state ${state} cannot ${event.type}`,
      ja: 'この持出しの状態ではこの操作はできません',
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
export const takeOutCommand: CustodyStep<TakeOutInput> = {
  name: 'take-out',
  duty: 'take_out',
  label: { en: 'take out', ja: '持出し' },
  can: { action: 'update', field: 'takeOut' },
  facts: custodyFacts,
  event: ({ input }) =>
    !input || input.purpose === 'other'
      ? { type: 'REQUEST_TAKE_OUT' }
      : { type: 'TAKE_OUT', purpose: input.purpose, wardApproved: false },
  apply: async ({ tx, ctx, record: pkg, input, facts, auditNote }) => {
    if (facts.takeOuts.some((t) => OPEN_TAKE_OUTS.includes(t.status))) {
      throw new ConflictError(
        {
          en: 'Another take-out of this package is still open',
          ja: 'この受渡データには未完了の持出しがあります',
        },
        { state: pkg.status },
      );
    }
    const state = initialTakeOutState(input.purpose);
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
    if (outAt) checkEventTime(outAt, ctx.now(), latestEventAt(pkg, facts), 'outAt');
    const carrier = await listedCarrier(tx, pkg, input.handlerId, outAt ?? ctx.now());
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
        ...takeOutMachineColumns(),
        requested_by: ctx.actor.userId,
        requested_at: ctx.now(),
        out_at: outAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    auditNote.takeOut = {
      ...toTakeOut(row),
      purposeJa: fillWords(
        TAKE_OUT_PURPOSE_JA[input.purpose],
        await loadMunicipalityWords(tx, pkg.wardId),
        'ja',
      ),
      handler: carrier.fullName,
    };
    return {};
  },
  audit: ({ input }) => ({
    action: input.purpose === 'other' ? 'handover_package.request_take_out' : 'handover_package.take_out',
  }),
};

export function takeOutPackage(
  ctx: UseCaseContext,
  id: string,
  input: TakeOutInput,
  expectedVersion: number,
): Promise<HandoverPackage> {
  return runStep(ctx, custodyWorkflow, takeOutCommand, id, input, expectedVersion);
}
