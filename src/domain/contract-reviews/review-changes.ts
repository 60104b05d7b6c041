import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { contractChain } from '../controls/contract-chain.js';
import { toJapanDate } from '../shared/japan-date.js';

// What changed since the last review (前回の見直し以降の変更), counted from the records and the audit
// trail of the contract and its sub-contracts: the reviewer reads it before writing the note, and
// the completed review keeps the counts it was made on. Certificates of the companies are not in
// this branch's schema, so they are not counted.

export interface ReviewChanges {
  /** 情報項目の変更: register revisions saved. */
  registerChanges: number;
  /** 取扱者の追加・削除: between the acknowledged handler lists in force then and now. */
  handlersAdded: number;
  handlersRemoved: number;
  /** 再委託の承認 given. */
  subcontractsApproved: number;
  /** 事故 reported. */
  incidents: number;
  /** 指摘事項 opened, and those open past their agreed day now. */
  findingsOpened: number;
  findingsOverdue: number;
  /** Every audited change of the contract and its sub-contracts. */
  auditEntries: number;
}

export const CHANGE_NAMES: Record<keyof ReviewChanges, { ja: string; en: string }> = {
  registerChanges: { ja: '情報項目の変更', en: 'Register changes' },
  handlersAdded: { ja: '取扱者の追加', en: 'Handlers added' },
  handlersRemoved: { ja: '取扱者の削除', en: 'Handlers removed' },
  subcontractsApproved: { ja: '再委託の承認', en: 'Sub-contracts approved' },
  incidents: { ja: '事故報告', en: 'Incidents' },
  findingsOpened: { ja: '新たな指摘事項', en: 'Findings opened' },
  findingsOverdue: { ja: '改善期限超過の指摘事項', en: 'Findings overdue' },
  auditEntries: { ja: '記録された変更（監査ログ）', en: 'Audited changes' },
};

/** The handlers on the acknowledged lists in force at an instant (latest per contract and company). */
async function handlersAt(db: Kysely<Database>, wardId: string, contractIds: string[], at: Date) {
  const lists = await db
    .selectFrom('handler_list_submissions')
    .select(['id', 'contract_id', 'organisation_id', 'decided_at'])
    .where('ward_id', '=', wardId)
    .where('contract_id', 'in', contractIds)
    .where('status', '=', 'acknowledged')
    .where('decided_at', '<=', at)
    .orderBy('decided_at', 'desc')
    .execute();
  const latest = new Map<string, string>();
  for (const l of lists) {
    const key = `${l.contract_id}/${l.organisation_id}`;
    if (!latest.has(key)) latest.set(key, l.id);
  }
  if (!latest.size) return new Set<string>();
  const entries = await db
    .selectFrom('handler_list_entries')
    .select(['submission_id', 'handler_id'])
    .where('ward_id', '=', wardId)
    .where('submission_id', 'in', [...latest.values()])
    .execute();
  return new Set(entries.map((e) => `${e.handler_id}`));
}

const count = (row: { n: string | number | bigint } | undefined) => Number(row?.n ?? 0);

/** The changes of a contract's chain between `since` and `now`. */
export async function countChangesSince(
  db: Kysely<Database>,
  wardId: string,
  contractId: string,
  since: Date,
  now: Date,
): Promise<ReviewChanges> {
  const chain = await contractChain(db, wardId, contractId);
  const ids = chain.map((c) => c.id);
  const subIds = ids.filter((id) => id !== contractId);
  const today = toJapanDate(now);
  const [register, subs, incidents, opened, overdue, audited, before, after] = await Promise.all([
    db
      .selectFrom('register_revisions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('ward_id', '=', wardId)
      .where('contract_id', 'in', ids)
      .where('changed_at', '>', since)
      .executeTakeFirst(),
    subIds.length
      ? db
          .selectFrom('approvals')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('ward_id', '=', wardId)
          .where('kind', '=', 'subdelegation')
          .where('contract_id', 'in', subIds)
          .where('status', '=', 'approved')
          .where('decided_at', '>', since)
          .executeTakeFirst()
      : undefined,
    db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('ward_id', '=', wardId)
      .where('contract_id', 'in', ids)
      .where('reported_at', '>', since)
      .executeTakeFirst(),
    db
      .selectFrom('inspection_findings as f')
      .innerJoin('inspections as i', (j) =>
        j.onRef('i.ward_id', '=', 'f.ward_id').onRef('i.id', '=', 'f.inspection_id'),
      )
      .select((eb) => eb.fn.countAll().as('n'))
      .where('f.ward_id', '=', wardId)
      .where('i.contract_id', 'in', ids)
      .where('f.created_at', '>', since)
      .executeTakeFirst(),
    db
      .selectFrom('inspection_findings as f')
      .innerJoin('inspections as i', (j) =>
        j.onRef('i.ward_id', '=', 'f.ward_id').onRef('i.id', '=', 'f.inspection_id'),
      )
      .select((eb) => eb.fn.countAll().as('n'))
      .where('f.ward_id', '=', wardId)
      .where('i.contract_id', 'in', ids)
      .where('f.status', '=', 'open')
      .where('f.due_on', '<', today)
      .executeTakeFirst(),
    db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('subject_type', '=', 'Contract')
      .where('subject_id', 'in', ids)
      .where('ward_id', '=', wardId)
      .where('at', '>', since)
      .executeTakeFirst(),
    handlersAt(db, wardId, ids, since),
    handlersAt(db, wardId, ids, now),
  ]);
  return {
    registerChanges: count(register),
    handlersAdded: [...after].filter((h) => !before.has(h)).length,
    handlersRemoved: [...before].filter((h) => !after.has(h)).length,
    subcontractsApproved: count(subs),
    incidents: count(incidents),
    findingsOpened: count(opened),
    findingsOverdue: count(overdue),
    auditEntries: count(audited),
  };
}
