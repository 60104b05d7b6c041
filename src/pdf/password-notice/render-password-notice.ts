import { renderToBuffer } from '@react-pdf/renderer';
import type { Kysely } from 'kysely';
import { createElement as h } from 'react';
import type { Database } from '../../db/database.js';
import type { PasswordNoticeData } from '../../domain/handover/prepare-package.js';
import { DIRECTION_JA } from '../../domain/registers/register-document.js';
import { registerJapaneseFont } from '../fonts.js';
import { PasswordNoticeDocument, type PasswordNoticeView } from './password-notice-document.js';

/** Gathers the names the notice shows besides the package and its password. */
export async function gatherPasswordNotice(
  db: Kysely<Database>,
  data: PasswordNoticeData,
  openPageUrl: string,
): Promise<PasswordNoticeView> {
  const p = data.package;
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
    departmentName: contract.department_name,
    recipientName: contract.recipient_name,
    contractTitle: contract.title,
    contractNumber: contract.contract_number,
    preparedBy: preparer?.display_name ?? '',
    preparedAt: p.preparedAt,
    packageId: p.id,
    packageTitle: p.title,
    items: [...groups].map(([group, names]) => ({ group, names })),
    files: p.files,
    sha256: p.ciphertextSha256,
    ciphertextBytes: p.ciphertextBytes,
    method: `JWE（${p.jweAlg}、${p.jweEnc}）　PBKDF2-HMAC-SHA512 反復回数 ${p.pbes2Count.toLocaleString('ja-JP')}`,
    password: data.password,
    openPageUrl,
  };
}

/** The パスワード通知書 as a PDF: made in memory, returned once, never stored. */
export async function renderPasswordNotice(
  db: Kysely<Database>,
  data: PasswordNoticeData,
  openPageUrl: string,
): Promise<Uint8Array> {
  registerJapaneseFont();
  const view = await gatherPasswordNotice(db, data, openPageUrl);
  return new Uint8Array(await renderToBuffer(h(PasswordNoticeDocument, view) as never));
}
