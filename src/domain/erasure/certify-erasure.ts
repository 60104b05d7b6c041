import { decodeProtectedHeader } from 'jose';
import type { Blocker } from '../../../workflows/contract-lifecycle/contract-lifecycle.machine.js';
import { custodyMachine } from '../../../workflows/custody/custody.machine.js';
import { erasureMachine } from '../../../workflows/custody/erasure.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import type { TokenService } from '../auth/token-service.js';
import { findContract } from '../contracts/contract.repository.js';
import { findPackage } from '../handover/package.repository.js';
import { notify, usersWithRoles } from '../notifications/notify.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type Tx, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { checkVersion } from '../shared/versioning.js';
import { fiscalYearOf } from '../shared/wareki.js';
import { CERTIFICATE_TYP, canonicalBytes, certificateContent, contentSha256 } from './certificate-content.js';
import {
  type ErasureCertificate,
  type ErasureRecord,
  findCertificateOf,
  findErasure,
} from './erasure.repository.js';

/** The next number of the ward's certificates in a fiscal year: 2026-0001, 2026-0002, … */
async function nextNumber(tx: Tx, wardId: string, fiscalYear: number) {
  // one issuer at a time per ward, so two certificates never get the same number
  await tx.selectFrom('organisations').select('id').where('id', '=', wardId).forUpdate().execute();
  const row = await tx
    .selectFrom('erasure_certificates')
    .select((eb) => eb.fn.coalesce(eb.fn.max('serial'), eb.val(0)).as('max'))
    .where('ward_id', '=', wardId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirstOrThrow();
  const serial = Number(row.max) + 1;
  return { serial, number: `${fiscalYear}-${String(serial).padStart(4, '0')}` };
}

/** What stands in the way: a listed package that this organisation no longer holds in its cabinet. */
async function blockersOf(tx: Tx, record: ErasureRecord): Promise<Blocker[]> {
  const blockers: Blocker[] = [];
  for (const id of record.packageIds) {
    const pkg = await findPackage(tx, id, true);
    if (!pkg || !decide(custodyMachine, pkg.status, { type: 'ERASE' }).allowed) {
      blockers.push({
        code: 'package-not-held',
        en: `Package ${pkg?.title ?? id} is no longer in the cabinet (${pkg?.status ?? 'unknown'})`,
        ja: `受渡データ「${pkg?.title ?? id}」は保管中ではありません`,
      });
    }
  }
  return blockers;
}

/**
 * Issues the certificate (消去証明書): its content, in canonical form, is signed as a compact JWS
 * with the server's ES256 key so anyone can check it later; the packages it lists become erased.
 * A sub-contractor's certificate goes to both the ward and the contractor (丙13): both are
 * recipients in the content, both may read it, and both are notified.
 */
export async function certifyErasure(
  ctx: UseCaseContext,
  signer: Pick<TokenService, 'signDocument'>,
  id: string,
  expectedVersion: number,
): Promise<{ record: ErasureRecord; certificate: ErasureCertificate }> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const record = await findErasure(tx, id, true);
    if (!record) throw notFound('Erasure record', '消去の記録');
    authorize(ctx.ability, 'update', 'ErasureRecord', record);
    checkVersion('消去の記録 / Erasure record', expectedVersion, record.version);
    const blockers = await blockersOf(tx, record);
    const decision = decide(erasureMachine, record.status, { type: 'CERTIFY', blockers });
    if (!decision.allowed) {
      throw new ConflictError(
        decision.reason === 'guard'
          ? {
              en: `Cannot certify: ${blockers.map((b) => b.en).join('; ')}`,
              ja: `証明書を発行できません：${blockers.map((b) => b.ja).join('、')}`,
            }
          : { en: 'The certificate was issued already', ja: '消去証明書は発行済みです' },
        { state: record.status, ...(blockers.length && { missing: blockers }) },
      );
    }
    const contract = (await findContract(tx, record.contractId))!;
    const now = ctx.now();
    const fiscalYear = fiscalYearOf(toJapanDate(now));
    const { serial, number } = await nextNumber(tx, record.wardId, fiscalYear);
    const certificateId = crypto.randomUUID();
    const content = await certificateContent(tx, record, contract, { id: certificateId, number, at: now });
    const jws = await signer.signDocument(canonicalBytes(content), CERTIFICATE_TYP);
    const kid = String(decodeProtectedHeader(jws).kid);
    await tx
      .insertInto('erasure_certificates')
      .values({
        ward_id: record.wardId,
        id: certificateId,
        erasure_record_id: record.id,
        fiscal_year: fiscalYear,
        serial,
        certificate_number: number,
        recipient_org_ids: content.recipients.map((r) => r.organisationId),
        payload: JSON.stringify(content),
        payload_sha256: await contentSha256(content),
        jws,
        kid,
        issued_by: ctx.actor.userId,
        issued_at: now,
      })
      .execute();
    await tx
      .updateTable('erasure_records')
      .set({ status: decision.next, updated_at: now, version: record.version + 1 })
      .where('ward_id', '=', record.wardId)
      .where('id', '=', record.id)
      .execute();
    for (const packageId of record.packageIds) {
      const pkg = (await findPackage(tx, packageId))!;
      const erased = decide(custodyMachine, pkg.status, { type: 'ERASE' });
      if (!erased.allowed) throw new Error(`package ${pkg.id} cannot be erased from ${pkg.status}`); // checked above
      await tx
        .updateTable('handover_packages')
        .set({ status: erased.next, updated_at: now, version: pkg.version + 1 })
        .where('ward_id', '=', pkg.wardId)
        .where('id', '=', pkg.id)
        .execute();
      await audit({
        wardId: pkg.wardId,
        action: 'handover_package.erase',
        subjectType: 'HandoverPackage',
        subjectId: pkg.id,
        before: { status: pkg.status, version: pkg.version },
        after: { status: erased.next, version: pkg.version + 1, certificateNumber: number },
      });
    }
    const recipients = [
      ...(await usersWithRoles(tx, record.wardId, ['ward_officer'])),
      ...(content.parentContract
        ? await usersWithRoles(tx, content.recipients[1]!.organisationId, ['contractor_manager'])
        : []),
    ];
    await notify(
      tx,
      {
        userIds: recipients,
        wardId: record.wardId,
        kind: 'erasure_certificate',
        subjectType: 'ErasureRecord',
        subjectId: record.id,
        deadlineKey: `erasure-certificate:${certificateId}`,
        title: `消去証明書 第${number}号（${content.certifiedBy.name}）`,
        body: `${content.contract.title}に係る消去証明書が提出されました。`,
      },
      now,
    );
    const after = (await findErasure(tx, record.id))!;
    const certificate = (await findCertificateOf(tx, record.wardId, record.id))!;
    await audit({
      wardId: record.wardId,
      action: 'erasure.certify',
      subjectType: 'ErasureRecord',
      subjectId: record.id,
      before: { status: record.status, version: record.version },
      after: {
        status: after.status,
        version: after.version,
        certificateNumber: number,
        payloadSha256: certificate.payloadSha256,
      },
    });
    return { record: after, certificate };
  });
}
