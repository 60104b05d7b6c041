import { OPEN_FINDING_STATES } from '../../../workflows/inspection/finding.machine.js';
import {
  type Blocker,
  type InspectionEvent,
  inspectionMachine,
  type SignOffRole,
} from '../../../workflows/inspection/inspection.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import { wardApprovalSettings } from '../approvals/approval.repository.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type Tx, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';
import { findInspection, type Inspection } from './inspection.repository.js';
import { authorizePart } from './inspection-access.js';
import { appendStep } from './inspection-steps.js';

export type InspectionCommand = 'start' | 'cancel' | 'submit' | 'approve' | 'send-back';

const ROLE_JA: Record<SignOffRole, string> = {
  ward_officer: '担当者',
  ward_chief: '係長',
  ward_manager: '課長',
};

/** What stands between the record and its sign-off: unanswered items and findings still open. */
async function blockersOf(tx: Tx, inspection: Inspection): Promise<Blocker[]> {
  const unanswered = await tx
    .selectFrom('inspection_items')
    .select('item_key')
    .where('ward_id', '=', inspection.wardId)
    .where('inspection_id', '=', inspection.id)
    .where('result', 'is', null)
    .orderBy('position')
    .execute();
  const open = await tx
    .selectFrom('inspection_findings')
    .select(['id', 'item_key'])
    .where('ward_id', '=', inspection.wardId)
    .where('inspection_id', '=', inspection.id)
    .where('status', 'in', [...OPEN_FINDING_STATES])
    .orderBy('created_at')
    .execute();
  return [
    ...unanswered.map((r): Blocker => ({ code: 'unanswered_item', itemKey: r.item_key })),
    ...open.map((r): Blocker => ({ code: 'open_finding', itemKey: r.item_key, findingId: r.id })),
  ];
}

function refusal(inspection: Inspection, command: InspectionCommand, blockers: Blocker[], reason: string) {
  const open = blockers.filter((b) => b.code === 'open_finding');
  const unanswered = blockers.filter((b) => b.code === 'unanswered_item');
  if (reason === 'guard' && blockers.length) {
    const keys = (list: Blocker[]) => list.map((b) => b.itemKey).join(', ');
    return new ConflictError(
      {
        en: [
          open.length &&
            `findings still open on items ${keys(open)} (close them after re-inspection, or carry them with a reason)`,
          unanswered.length && `${unanswered.length} items not yet answered (${keys(unanswered)})`,
        ]
          .filter(Boolean)
          .join('; '),
        ja: [
          open.length &&
            `改善が確認されていない指摘事項があります（確認項目 ${keys(open)}）。再確認により完了するか、理由を付して持ち越してください`,
          unanswered.length && `未確認の項目が${unanswered.length}件あります（${keys(unanswered)}）`,
        ]
          .filter(Boolean)
          .join('。'),
      },
      {
        state: inspection.status,
        openFindings: open.map((b) => ({ id: b.findingId, itemKey: b.itemKey })),
        unansweredItems: unanswered.map((b) => b.itemKey),
      },
    );
  }
  const awaited = inspection.chain[inspection.step];
  if (reason === 'guard' && awaited && inspection.status === 'submitted') {
    return new ConflictError(
      {
        en: `This step awaits the ${awaited} (${ROLE_JA[awaited]})`,
        ja: `この段階は${ROLE_JA[awaited]}の決裁待ちです`,
      },
      { state: inspection.status, awaitedRole: awaited },
    );
  }
  return new ConflictError(
    {
      en: `An inspection in state ${inspection.status} cannot ${command}`,
      ja: `状態「${inspection.status}」の実地検査にはこの操作（${command}）はできません`,
    },
    { state: inspection.status },
  );
}

/**
 * Every step of an inspection's life: lock it, check the ability and version, gather what blocks
 * sign-off, let the machine decide (state, chain order, blockers), save, record the step, audit.
 */
export async function actOnInspection(
  ctx: UseCaseContext,
  id: string,
  command: InspectionCommand,
  input: { comment?: string | null },
  expectedVersion: number,
): Promise<Inspection> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const before = await findInspection(tx, id, true);
    if (!before) throw notFound('Inspection', '実地検査');
    const signing = command === 'approve' || command === 'send-back';
    if (signing) authorize(ctx.ability, 'sign', 'Inspection', before);
    else authorizePart(ctx.ability, 'update', 'Inspection', before, 'lifecycle');
    checkVersion('実地検査 / Inspection', expectedVersion, before.version);

    const chain =
      command === 'submit' ? (await wardApprovalSettings(tx, before.wardId)).signOffChain : before.chain;
    const held = chain.filter((r) => ctx.actor.roles.includes(r));
    const role = held.find((r) => r === chain[before.step]) ?? held[0] ?? 'ward_officer';
    const blockers = command === 'submit' || command === 'approve' ? await blockersOf(tx, before) : [];
    const event: InspectionEvent =
      command === 'start'
        ? { type: 'START' }
        : command === 'cancel'
          ? { type: 'CANCEL' }
          : command === 'submit'
            ? { type: 'SUBMIT', blockers }
            : command === 'approve'
              ? { type: 'APPROVE', role, blockers }
              : { type: 'SEND_BACK', role };
    const decision = decide(inspectionMachine, before.status, event, { chain, step: before.step });
    if (!decision.allowed) throw refusal({ ...before, chain }, command, blockers, decision.reason);

    const now = ctx.now();
    const next = decision.next;
    await tx
      .updateTable('inspections')
      .set({
        status: next,
        step: decision.context.step as number,
        ...(command === 'submit' && { chain, submitted_at: now }),
        ...(command === 'start' && { started_at: now }),
        ...(next === 'signed_off' && { signed_off_at: now }),
        updated_at: now,
        version: before.version + 1,
      })
      .where('ward_id', '=', before.wardId)
      .where('id', '=', id)
      .execute();
    await appendStep(tx, before, {
      role: signing ? role : 'inspector',
      decision: command === 'send-back' ? 'send_back' : command,
      comment: input.comment ?? null,
      userId: ctx.actor.userId,
      at: now,
    });
    const after = (await findInspection(tx, id))!;
    await audit({
      wardId: before.wardId,
      action: `inspection.${command}`,
      subjectType: 'Inspection',
      subjectId: id,
      before: { status: before.status, step: before.step, version: before.version },
      after: {
        status: after.status,
        step: after.step,
        version: after.version,
        role,
        comment: input.comment ?? null,
      },
    });
    return after;
  });
}
