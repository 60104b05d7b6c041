import type { RosterRole } from '../../db/tables/contracts.js';
import type { UseCaseContext } from '../shared/context.js';
import { ValidationError } from '../shared/errors.js';
import { toJapanDate, toJapanTimeText } from '../shared/japan-date.js';

// What the custody steps check besides the machine: the times recorded, and that each person named
// is on the acknowledged handler list (or a staff member of the ward) at that moment.

/** Clock skew allowed between the recording device and the server. */
const SKEW_MS = 5 * 60 * 1000;

/** A custody event's time: not in the future, and not before the package's previous event. */
export function checkEventTime(at: Date, now: Date, notBefore: Date, path: string): void {
  if (at.getTime() > now.getTime() + SKEW_MS) {
    throw new ValidationError({ en: 'The time is in the future', ja: '日時が未来になっています' }, [
      { path, message: 'must not be in the future', message_ja: '未来の日時は記録できません' },
    ]);
  }
  if (at.getTime() < notBefore.getTime()) {
    throw new ValidationError(
      { en: 'The time is before the previous step', ja: '日時が前の手続より前になっています' },
      [
        {
          path,
          message: `must not be before ${toJapanTimeText(notBefore)}, the package's previous step`,
          message_ja: `この受渡データの直前の手続（${toJapanTimeText(notBefore)}）より前の日時は記録できません`,
        },
      ],
    );
  }
}

export interface ListedHandler {
  id: string;
  fullName: string;
  organisationId: string;
  role: RosterRole;
}

/**
 * Whether a person is on the organisation's handler list (取扱責任者及び取扱者の名簿) for the
 * contract at an instant: the latest list the ward had acknowledged by then, with the entries in
 * effect on that Japanese calendar day.
 */
export async function handlerOnList(
  db: UseCaseContext['db'],
  where: { wardId: string; contractId: string; organisationId: string; handlerId: string; at: Date },
): Promise<ListedHandler | null> {
  const inForce = await db
    .selectFrom('handler_list_submissions')
    .select('id')
    .where('ward_id', '=', where.wardId)
    .where('contract_id', '=', where.contractId)
    .where('organisation_id', '=', where.organisationId)
    .where('status', '=', 'acknowledged')
    .where('decided_at', '<=', where.at)
    .orderBy('decided_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!inForce) return null;
  const day = toJapanDate(where.at);
  const row = await db
    .selectFrom('handler_list_entries as e')
    .innerJoin('handlers as h', 'h.id', 'e.handler_id')
    .select(['h.id', 'h.full_name', 'h.organisation_id', 'e.role'])
    .where('e.ward_id', '=', where.wardId)
    .where('e.submission_id', '=', inForce.id)
    .where('e.handler_id', '=', where.handlerId)
    .where('e.effective_from', '<=', day)
    .where((eb) => eb.or([eb('e.effective_to', 'is', null), eb('e.effective_to', '>=', day)]))
    .executeTakeFirst();
  return row
    ? { id: row.id, fullName: row.full_name, organisationId: row.organisation_id, role: row.role }
    : null;
}

/** The refusal for a person who is not on the list in force at that moment. */
export function notOnList(path: string, when: Date): ValidationError {
  return new ValidationError(
    {
      en: 'That person is not on the acknowledged handler list at that time',
      ja: 'その者はその時点で確認済みの取扱者名簿に記載されていません',
    },
    [
      {
        path,
        message: `not on the receiving organisation's acknowledged handler list for this contract at ${toJapanTimeText(when)}`,
        message_ja:
          'この契約の確認済みの取扱責任者及び取扱者の名簿（その時点のもの）に記載された者ではありません',
      },
    ],
  );
}

/** A ward user who gave or received on the ward's side (the actor when none is named). */
export async function wardPerson(
  db: UseCaseContext['db'],
  wardId: string,
  userId: string,
  path: string,
): Promise<{ id: string; name: string }> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', '=', userId)
    .where('organisation_id', '=', wardId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) {
    throw new ValidationError({ en: 'Unknown {self} staff', ja: '{self}の職員が見つかりません' }, [
      {
        path,
        message: 'not an active user of the {self}',
        message_ja: 'この{self}の有効な職員ではありません',
      },
    ]);
  }
  return { id: user.id, name: user.display_name };
}
