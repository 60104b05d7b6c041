import type { Selectable } from 'kysely';
import { accessibleBy, type FieldMap } from '../../../policies/rules-to-sql.js';
import type { RegularMeetingsTable } from '../../db/tables/operational-reports.js';
import { findContract } from '../contracts/contract.repository.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { type FieldError, notFound, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';

// 定例会議 (seed 004 3, 4(5)): the monthly meeting of the 統括責任者 with the city, recorded by
// either side (date, attendees, minutes) and read by both. A record, not a workflow: once written
// it stays as it was (a correction is a new record).

export interface RegularMeeting {
  id: string;
  wardId: string;
  contractId: string;
  /** The contract's contractor, which reads the record beside the city. */
  organisationId: string;
  heldOn: string;
  attendees: string[];
  minutes: string;
  recordedBy: string;
  recordedByOrgId: string;
  recordedAt: Date;
}

export const meetingFields: FieldMap = {
  wardId: 'regular_meetings.ward_id',
  organisationId: 'regular_meetings.organisation_id',
};

const toMeeting = (r: Selectable<RegularMeetingsTable>): RegularMeeting => ({
  id: r.id,
  wardId: r.ward_id,
  contractId: r.contract_id,
  organisationId: r.organisation_id,
  heldOn: r.held_on,
  attendees: r.attendees,
  minutes: r.minutes,
  recordedBy: r.recorded_by,
  recordedByOrgId: r.recorded_by_org_id,
  recordedAt: r.recorded_at,
});

export interface MeetingInput {
  contractId: string;
  heldOn: string;
  attendees: string[];
  minutes: string;
}

/** Records a meeting held (not in the future, not before the contract starts); audited. */
export async function recordMeeting(ctx: UseCaseContext, input: MeetingInput): Promise<RegularMeeting> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const contract = await findContract(tx, input.contractId);
    if (!contract) throw notFound('Contract', '契約');
    authorize(ctx.ability, 'read', 'Contract', contract);
    authorize(ctx.ability, 'create', 'RegularMeeting', {
      wardId: contract.wardId,
      organisationId: contract.contractorOrgId,
    });
    const now = ctx.now();
    const today = toJapanDate(now);
    const attendees = input.attendees.map((a) => a.trim()).filter(Boolean);
    const errors: FieldError[] = [];
    if (input.heldOn > today)
      errors.push({
        path: 'heldOn',
        message: 'not in the future',
        message_ja: '開催日に未来の日付は指定できません',
      });
    if (input.heldOn < contract.periodFrom)
      errors.push({
        path: 'heldOn',
        message: `not before the contract starts (${contract.periodFrom})`,
        message_ja: `契約期間の開始日（${contract.periodFrom}）より前の日付は指定できません`,
      });
    if (!attendees.length)
      errors.push({ path: 'attendees', message: 'at least one', message_ja: '出席者を入力してください' });
    if (!input.minutes.trim())
      errors.push({ path: 'minutes', message: 'required', message_ja: '議事録を入力してください' });
    if (errors.length)
      throw new ValidationError(
        { en: 'The meeting record is incomplete', ja: '会議の記録に不足があります' },
        errors,
      );
    const row = await tx
      .insertInto('regular_meetings')
      .values({
        ward_id: contract.wardId,
        contract_id: contract.id,
        organisation_id: contract.contractorOrgId,
        held_on: input.heldOn,
        attendees,
        minutes: input.minutes.trim(),
        recorded_by: ctx.actor.userId,
        recorded_by_org_id: ctx.actor.organisationId,
        recorded_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      wardId: contract.wardId,
      action: 'regular_meeting.record',
      subjectType: 'RegularMeeting',
      subjectId: row.id,
      after: { contractId: contract.id, heldOn: row.held_on, attendees: attendees.length },
    });
    return toMeeting(row);
  });
}

export async function getMeeting(ctx: UseCaseContext, id: string): Promise<RegularMeeting> {
  const row = await ctx.db.selectFrom('regular_meetings').selectAll().where('id', '=', id).executeTakeFirst();
  const meeting = row && toMeeting(row);
  if (!meeting) throw notFound('Regular meeting', '定例会議');
  authorize(ctx.ability, 'read', 'RegularMeeting', meeting);
  return meeting;
}

/** The meetings this person may read, latest first; the rules run in SQL. */
export async function listMeetings(
  ctx: UseCaseContext,
  query: { contractId?: string; cursor?: string; limit: number },
): Promise<Page<RegularMeeting>> {
  let q = ctx.db
    .selectFrom('regular_meetings')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'RegularMeeting', meetingFields));
  if (query.contractId) q = q.where('contract_id', '=', query.contractId);
  if (query.cursor) {
    const [heldOn, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) => after(eb, ['regular_meetings.held_on', 'regular_meetings.id'], [heldOn, id], 'desc'));
  }
  const rows = await q
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.held_on, r.id], toMeeting);
}
