import { type Kysely, sql } from 'kysely';
import { type FieldMap, membership } from '../../../policies/rules-to-sql.js';
import type { Database } from '../../db/database.js';

/** A person who handles the data (取扱責任者 / 取扱者), kept by their own organisation. */
export interface Handler {
  id: string;
  organisationId: string;
  fullName: string;
  fullNameKana: string | null;
  jobTitle: string | null;
  /** 誓約書: the dates signed, with the stored copy, the wording signed and what it binds. */
  pledges: Pledge[];
  /** 研修 */
  trainings: Array<{ id: string; heldOn: string; subject: string }>;
  version: number;
}

export const handlerFields: FieldMap = {
  id: 'handlers.id',
  organisationId: 'handlers.organisation_id',
  // ward staff see the people listed for their ward's contracts
  listedInWardIds: membership((eb, wardId) =>
    eb.exists(
      eb
        .selectFrom('handler_list_entries as e')
        .select(sql`1`.as('one'))
        .whereRef('e.handler_id', '=', 'handlers.id')
        .where('e.ward_id', '=', wardId as string),
    ),
  ),
};

/** 誓約書 (seed 004 5(1)③: binding after the contract ends and after leaving the company). */
export interface Pledge {
  id: string;
  signedOn: string;
  attachmentId: string | null;
  /** The pledge's wording (版), e.g. 「南国市様式 令和8年4月版」; null where none was recorded. */
  wordingVersion: string | null;
  bindsAfterContract: boolean;
  bindsAfterLeaving: boolean;
}

/** Loads handlers with their pledges and training records, three queries for any number of them. */
export async function loadHandlers(db: Kysely<Database>, ids: string[]): Promise<Handler[]> {
  if (!ids.length) return [];
  const [rows, pledges, trainings] = await Promise.all([
    db.selectFrom('handlers').selectAll().where('id', 'in', ids).orderBy('full_name').execute(),
    db
      .selectFrom('handler_pledges')
      .selectAll()
      .where('handler_id', 'in', ids)
      .orderBy('signed_on')
      .execute(),
    db
      .selectFrom('handler_trainings')
      .selectAll()
      .where('handler_id', 'in', ids)
      .orderBy('held_on')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    fullName: r.full_name,
    fullNameKana: r.full_name_kana,
    jobTitle: r.job_title,
    pledges: pledges
      .filter((p) => p.handler_id === r.id)
      .map((p) => ({
        id: p.id,
        signedOn: p.signed_on,
        attachmentId: p.attachment_id,
        wordingVersion: p.wording_version,
        bindsAfterContract: p.binds_after_contract,
        bindsAfterLeaving: p.binds_after_leaving,
      })),
    trainings: trainings
      .filter((t) => t.handler_id === r.id)
      .map((t) => ({ id: t.id, heldOn: t.held_on, subject: t.subject })),
    version: r.version,
  }));
}

/** The wards whose handler lists name this person (for the policies' listedInWardIds). */
export async function wardsListing(db: Kysely<Database>, handlerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('handler_list_entries')
    .select('ward_id')
    .distinct()
    .where('handler_id', '=', handlerId)
    .execute();
  return rows.map((r) => r.ward_id);
}
