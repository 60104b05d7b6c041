import { storedUserId } from '../../../policies/actor.js';
import { decide } from '../../../workflows/shared/decide.js';
import { citationFor, citeRefusal } from '../provisions/cite-provision.js';
import { findContractProvisions } from '../provisions/provisions.repository.js';
import { SIGN_OFF_ROLE_NAMES } from '../sign-off/role-names.js';
import { appendSignOffStep } from '../sign-off/sign-off-steps.js';
import { awaitedRole, signerRole } from '../sign-off/signer.js';
import { authorize } from './authorize.js';
import { inTransaction, type UnitOfWork, type UseCaseContext } from './context.js';
import { ConflictError, notFound } from './errors.js';
import { machineColumns, readSnapshot } from './stored-snapshot.js';
import { checkVersion } from './versioning.js';
import type { Command, CommandArgs, Snapshot, Workflow, WorkflowRecord } from './workflow.js';

/**
 * The one path of every workflow step: in one transaction, lock the record, check the ability
 * (404 for what the actor may not see), check the version, read the stored snapshot, ask the
 * machine about the command's event, let the command write what it adds, save the next state with
 * the next version, record the step with the role the machine accepted, apply what the step means,
 * append the audit entry; effects queued with `afterCommit` run once it has committed.
 */
export async function runStep<R extends WorkflowRecord, I, F>(
  ctx: UseCaseContext,
  workflow: Workflow<R>,
  command: Command<R, I, F>,
  id: string,
  input: I,
  expectedVersion: number,
): Promise<R> {
  return inTransaction(ctx, async (uow) => {
    const result = await takeStep(uow, ctx, workflow, command, id, input, { expectedVersion });
    if (result.refused) throw result.refused;
    return result.record;
  });
}

export interface StepOptions {
  /** The version the actor's change is based on. */
  expectedVersion?: number;
  /**
   * A step that follows from another one in the same transaction (a sub-contract ending with its
   * parent): no ability or version check of its own — the step that caused it had them.
   */
  follows?: boolean;
}

export type StepResult<R> = { refused: null; record: R } | { refused: ConflictError; record: R };

/**
 * One step inside the caller's transaction. A refusal by the machine is returned, not thrown, so a
 * following step may be skipped where it does not apply; anything else (not found, forbidden,
 * stale, invalid input) throws.
 */
export async function takeStep<R extends WorkflowRecord, I, F>(
  uow: UnitOfWork,
  ctx: UseCaseContext,
  workflow: Workflow<R>,
  command: Command<R, I, F>,
  id: string,
  input: I,
  options: StepOptions,
): Promise<StepResult<R>> {
  const { tx } = uow;
  const before = await workflow.load(tx, id, true);
  if (!before) throw notFound(workflow.name.en, workflow.name.ja);
  if (!options.follows) {
    const target = command.can.on?.(before) ?? { subject: workflow.subject, record: before };
    authorize(ctx.ability, command.can.action, target.subject, target.record, command.can.field);
    checkVersion(`${workflow.name.ja} / ${workflow.name.en}`, options.expectedVersion ?? -1, before.version);
  }
  const stored = readSnapshot(workflow, before);
  const blocked = command.requires?.(before);
  if (blocked) return { refused: blocked, record: before };
  try {
    return await decideAndApply(uow, ctx, workflow, command, id, input, before, stored);
  } catch (error) {
    throw await citeDuty(uow, workflow, command, before, error);
  }
}

/** The refusal with the article of the record's contract's 特記事項 that imposes the step's duty. */
async function citeDuty<R extends WorkflowRecord, I, F>(
  uow: UnitOfWork,
  workflow: Workflow<R>,
  command: Command<R, I, F>,
  record: R,
  error: unknown,
): Promise<unknown> {
  const duty = typeof command.duty === 'function' ? command.duty(record) : command.duty;
  const contractId = workflow.contractIdOf?.(record);
  if (!duty || !contractId) return error;
  const provisions = await findContractProvisions(uow.tx, record.wardId, contractId);
  return citeRefusal(error, citationFor(provisions, duty));
}

async function decideAndApply<R extends WorkflowRecord, I, F>(
  uow: UnitOfWork,
  ctx: UseCaseContext,
  workflow: Workflow<R>,
  command: Command<R, I, F>,
  id: string,
  input: I,
  before: R,
  stored: Snapshot,
): Promise<StepResult<R>> {
  const { tx } = uow;

  const facts = command.facts ? await command.facts({ tx, ctx, record: before, input }) : undefined;
  const role = roleFor(ctx.actor, workflow, command, before);
  const args: CommandArgs<R, I, F> = { record: before, input, facts, role };
  command.check?.({ ...args, input });
  const asked = { ...stored, context: { ...stored.context, ...command.context?.(args) } };
  const event = command.event(args);
  // a signature from someone holding no role of the record's chain is never theirs to give
  const decision =
    command.signs && !role
      ? ({ allowed: false, reason: 'guard' } as const)
      : decide(workflow.machine, asked.value, event as never, asked.context);
  if (!decision.allowed) {
    const refused =
      command.refusal?.({ ...args, reason: decision.reason }) ??
      refusal(workflow, command, before, role, event.type, decision.reason);
    return {
      refused: (await citeDuty(uow, workflow, command, before, refused)) as ConflictError,
      record: before,
    };
  }

  const now = ctx.now();
  const next: Snapshot = { value: decision.next, context: decision.context };
  const auditNote: Record<string, unknown> = {};
  const stepArgs = { ...uow, ctx, record: before, input, facts: facts as F, role, next, now, auditNote };
  const extra = (await command.apply?.(stepArgs)) ?? {};
  await tx
    // the table is one of the workflow tables, all of which have these columns
    .updateTable(workflow.table as 'approvals')
    .set({
      status: next.value,
      ...workflow.persist?.(next.context),
      ...machineColumns(workflow),
      ...(workflow.touchesUpdatedAt !== false && { updated_at: now }),
      ...extra,
      version: before.version + 1,
    } as never)
    .where('ward_id', '=', before.wardId)
    .where('id', '=', id)
    .execute();
  if (workflow.signOff && command.step !== false) {
    await appendSignOffStep(tx, workflow.signOff.steps, {
      wardId: before.wardId,
      recordId: id,
      role: command.signs ? (role ?? 'ward') : (command.stepRole ?? 'ward'),
      decision: command.step?.decision ?? command.name.replaceAll('-', '_'),
      comment: command.step?.comment?.(input) ?? null,
      userId: storedUserId(ctx.actor),
      at: now,
    });
  }
  const after = (await workflow.load(tx, id, false))!;
  await command.after?.({ ...stepArgs, before, after });
  const audited = command.audit?.({ ...stepArgs, before, after });
  const state = workflow.auditState ?? ((r: R) => ({ status: r.status, version: r.version }));
  await uow.audit({
    wardId: before.wardId,
    action: audited?.action ?? `${workflow.auditPrefix}.${command.name}`,
    subjectType: workflow.subject,
    subjectId: id,
    before: state(before),
    after: { ...state(after), ...(command.signs && { role }), ...auditNote, ...audited?.after },
  });
  return { refused: null, record: after };
}

/** The sign-off role a signature is given in; none for the other side's commands. */
export function roleFor<R extends WorkflowRecord>(
  actor: UseCaseContext['actor'],
  workflow: Workflow<R>,
  command: Pick<Command<R, never, never>, 'signs'>,
  record: R,
) {
  if (!command.signs || !workflow.signOff) return undefined;
  const position = workflow.signOff.position(record);
  return signerRole(actor, position.chain, awaitedRole(position, command.signs));
}

/** The default 409: not this signer's turn, or not in this state — in words, not state keys. */
function refusal<R extends WorkflowRecord>(
  workflow: Workflow<R>,
  command: Pick<Command<R, never, never>, 'signs' | 'label'>,
  record: R,
  role: string | undefined,
  event: string,
  reason: 'guard' | 'not-in-this-state',
): ConflictError {
  const position = workflow.signOff?.position(record);
  const awaited = position && command.signs ? awaitedRole(position, command.signs) : undefined;
  const extra = { state: record.status, event, ...(awaited && { awaitedRole: awaited }) };
  if (reason === 'guard' && awaited && role !== awaited) {
    const name = SIGN_OFF_ROLE_NAMES[awaited];
    return new ConflictError(
      {
        en: `This step awaits the ${name.en.toLowerCase()} (${name.ja}); it is not yours to take`,
        ja: `この段階は${name.ja}の決裁待ちです`,
      },
      extra,
    );
  }
  const state = workflow.stateNames[record.status] ?? { en: record.status, ja: record.status };
  return new ConflictError(
    {
      en: `A ${workflow.name.en.toLowerCase()} that is ${state.en} cannot be given this step (${command.label.en})`,
      ja: `「${state.ja}」の${workflow.name.ja}にはこの操作（${command.label.ja}）はできません`,
    },
    extra,
  );
}
