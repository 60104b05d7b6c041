import type { SignOffRole } from '../../../workflows/approval/approval.machine.js';
import { type IncidentEvent, incidentMachine } from '../../../workflows/incident/incident.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound, ValidationError } from '../shared/errors.js';
import { appendStep } from '../shared/sign-off.js';
import { checkVersion } from '../shared/versioning.js';
import { findIncident, type Incident } from './incident.repository.js';

export type IncidentCommand = 'instruct' | 'respond' | 'sign' | 'send-back' | 'publish';

export interface IncidentCommandInput {
  instructions?: string | null;
  response?: string | null;
  rootCause?: string | null;
  prevention?: string | null;
  publishedOn?: string | null;
  comment?: string | null;
}

/** The ward instructs (指示), the organisation responds (対応・原因・再発防止策), the ward signs it off. */
export async function actOnIncident(
  ctx: UseCaseContext,
  id: string,
  command: IncidentCommand,
  input: IncidentCommandInput,
  expectedVersion: number,
): Promise<Incident> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const before = await findIncident(tx, id, true);
    if (!before) throw notFound('Incident', '事故報告');
    const byOrganisation = command === 'respond';
    authorize(ctx.ability, byOrganisation ? 'update' : 'sign', 'Incident', before);
    checkVersion('事故報告 / Incident', expectedVersion, before.version);
    const now = ctx.now();

    if (command === 'publish') {
      // 公表: a fact the ward records whenever it decides, not a step of the workflow
      if (!input.publishedOn)
        throw new ValidationError({
          en: 'The date of publication is required',
          ja: '公表日を入力してください',
        });
      await tx
        .updateTable('incidents')
        .set({
          published: true,
          published_on: input.publishedOn,
          updated_at: now,
          version: before.version + 1,
        })
        .where('ward_id', '=', before.wardId)
        .where('id', '=', id)
        .execute();
    } else {
      const held = before.chain.filter((r) => ctx.actor.roles.includes(r));
      const role: SignOffRole =
        held.find((r) => r === before.chain[before.step]) ?? held[0] ?? 'ward_officer';
      const event: IncidentEvent =
        command === 'instruct'
          ? { type: 'INSTRUCT', role }
          : command === 'respond'
            ? { type: 'RESPOND' }
            : command === 'sign'
              ? { type: 'SIGN', role }
              : { type: 'SEND_BACK', role };
      if (command === 'instruct' && !input.instructions?.trim()) {
        throw new ValidationError({ en: 'Write the instructions', ja: '指示内容を入力してください' }, [
          { path: 'instructions', message: 'required', message_ja: '入力してください' },
        ]);
      }
      if (
        command === 'respond' &&
        !(input.response?.trim() && input.rootCause?.trim() && input.prevention?.trim())
      ) {
        throw new ValidationError(
          {
            en: 'Response, root cause and prevention are all required',
            ja: '対応内容・原因・再発防止策をすべて入力してください',
          },
          [
            {
              path: 'response',
              message: 'response, rootCause and prevention are required',
              message_ja: '対応内容・原因・再発防止策が必要です',
            },
          ],
        );
      }
      const decision = decide(incidentMachine, before.status, event, {
        chain: before.chain,
        step: before.step,
      });
      if (!decision.allowed) {
        throw new ConflictError(
          {
            en: `An incident in state ${before.status} cannot ${command} now`,
            ja: `状態「${before.status}」の事故報告にはこの操作（${command}）はできません`,
          },
          { state: before.status, event: event.type, awaitedRole: before.chain[before.step] },
        );
      }
      await tx
        .updateTable('incidents')
        .set({
          status: decision.next,
          step: decision.context.step as number,
          ...(command === 'instruct' && {
            ward_instructions: [before.wardInstructions, input.instructions].filter(Boolean).join('\n'),
          }),
          ...(command === 'respond' && {
            response: input.response,
            root_cause: input.rootCause,
            prevention: input.prevention,
          }),
          ...(decision.next === 'closed' && { closed_at: now }),
          updated_at: now,
          version: before.version + 1,
        })
        .where('ward_id', '=', before.wardId)
        .where('id', '=', id)
        .execute();
    }
    await appendStep(
      tx,
      { table: 'incident_steps', key: 'incident_id' },
      {
        wardId: before.wardId,
        recordId: id,
        role: byOrganisation ? 'reporter' : (ctx.actor.roles[0] ?? 'ward'),
        decision: command,
        comment: input.comment ?? input.instructions ?? null,
        userId: ctx.actor.userId,
        at: now,
      },
    );
    const after = (await findIncident(tx, id))!;
    await audit({
      wardId: before.wardId,
      action: `incident.${command}`,
      subjectType: 'Incident',
      subjectId: id,
      before,
      after,
    });
    return after;
  });
}
