import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { municipalityWords } from '../organisations/municipality-words.js';
import { DIRECTION_JA } from '../registers/register-document.js';
import type { Plain } from '../shared/plain.js';
import type { HandoverPackage } from './package.repository.js';

/** What the パスワード通知書 (src/pdf/password-notice) shows, the password among it. */
export type PasswordNoticeData = Plain<{
  wardName: string;
  /** How the municipality speaks of itself (区, 市, …). */
  selfWord: string;
  departmentName: string;
  recipientName: string;
  contractTitle: string;
  contractNumber: string | null;
  preparedBy: string;
  preparedAt: Date;
  packageId: string;
  /** 受渡データ番号 R8-受渡-0012, printed instead of the id. */
  packageNumber: string;
  packageTitle: string;
  /** Per subject group: 撤去車両所有者（委託先に提供する項目） — 住所、氏名、… */
  items: Array<{ group: string; names: string[] }>;
  files: Array<{ name: string; sizeBytes: number }>;
  sha256: string;
  ciphertextBytes: number;
  method: string;
  password: string;
  /** Where the recipient can open the package in a browser: the page's path on the product. */
  openPageUrl: string;
}>;

/**
 * Gathers the names the notice shows besides the package and its password. Called by
 * preparePackage, which has checked that the actor may prepare the package: the notice exists only
 * in that answer.
 */
export async function gatherPasswordNotice(
  db: Kysely<Database>,
  p: HandoverPackage,
  password: string,
  openPageUrl: string,
): Promise<PasswordNoticeData> {
  const contract = await db
    .selectFrom('contracts')
    .innerJoin('organisations as ward', 'ward.id', 'contracts.ward_id')
    .innerJoin('organisations as recipient', 'recipient.id', 'contracts.contractor_org_id')
    .innerJoin('departments', (j) =>
      j
        .onRef('departments.ward_id', '=', 'contracts.ward_id')
        .onRef('departments.id', '=', 'contracts.department_id'),
    )
    .select([
      'contracts.title',
      'contracts.contract_number',
      'ward.name as ward_name',
      'ward.municipality_kind',
      'ward.self_word',
      'ward.council_name',
      'ward.ordinance_name',
      'ward.head_title',
      'ward.report_body_name',
      'recipient.name as recipient_name',
      'departments.name as department_name',
    ])
    .where('contracts.ward_id', '=', p.wardId)
    .where('contracts.id', '=', p.contractId)
    .executeTakeFirstOrThrow();
  const preparer = await db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', p.preparedBy)
    .executeTakeFirst();
  const groups = new Map<string, string[]>();
  for (const item of p.items) {
    const key = `${item.subjectGroup}（${DIRECTION_JA[item.direction]}）`;
    groups.set(key, [...(groups.get(key) ?? []), item.name]);
  }
  return {
    wardName: contract.ward_name,
    selfWord: municipalityWords(contract).self.ja,
    departmentName: contract.department_name,
    recipientName: contract.recipient_name,
    contractTitle: contract.title,
    contractNumber: contract.contract_number,
    preparedBy: preparer?.display_name ?? '',
    preparedAt: p.preparedAt.toISOString(),
    packageId: p.id,
    packageNumber: p.number,
    packageTitle: p.title,
    items: [...groups].map(([group, names]) => ({ group, names })),
    files: p.files.map((f) => ({ name: f.name, sizeBytes: f.sizeBytes })),
    sha256: p.ciphertextSha256,
    ciphertextBytes: p.ciphertextBytes,
    method: `JWE（${p.jweAlg}、${p.jweEnc}）　PBKDF2-HMAC-SHA512 反復回数 ${p.pbes2Count.toLocaleString('ja-JP')}`,
    password,
    openPageUrl,
  };
}
