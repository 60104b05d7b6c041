import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { findRegisterRevision } from '../registers/register.repository.js';
import type { RegisterDocument } from '../registers/register-document.js';

// What makes a contract a My Number contract, and its profile: a leaf module (no use cases), so that
// the contract gates can ask it without importing the contracts' use cases.

/** The legal basis printed beside the rules. */
export const MY_NUMBER_BASIS = {
  ja: '行政手続における特定の個人を識別するための番号の利用等に関する法律（番号法）第10条',
  en: 'My Number Act (番号法), art. 10: sub-contracting only with the permission of whoever entrusted the work',
};

/** Whether a register holds 特定個人情報 (an item flagged 個人番号). */
export function isMyNumberRegister(doc: RegisterDocument): boolean {
  return doc.subjectGroups.some((g) => g.items.some((i) => i.myNumber));
}

export interface MyNumberProfile {
  contractId: string;
  myNumberContract: boolean;
  /** The register's items flagged 個人番号: 「group：item」. */
  items: string[];
  /** 取扱区域, as the municipality named them (empty: not named yet). */
  areas: string[];
  areasVersion: number;
  basis: { ja: string; en: string };
}

export async function profileOf(
  db: Kysely<Database>,
  wardId: string,
  contractId: string,
): Promise<MyNumberProfile> {
  const register = await findRegisterRevision(db, wardId, contractId);
  const areas = await db
    .selectFrom('contract_my_number_areas')
    .select(['areas', 'version'])
    .where('ward_id', '=', wardId)
    .where('contract_id', '=', contractId)
    .executeTakeFirst();
  return {
    contractId,
    myNumberContract: isMyNumberRegister(register.document),
    items: register.document.subjectGroups.flatMap((g) =>
      g.items.filter((i) => i.myNumber).map((i) => `${g.name}：${i.name}`),
    ),
    areas: areas?.areas ?? [],
    areasVersion: areas?.version ?? 0,
    basis: MY_NUMBER_BASIS,
  };
}
