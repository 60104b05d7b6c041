import { decodeProtectedHeader } from 'jose';
import type { Blocker } from '../../../workflows/contract-lifecycle/contract-lifecycle.machine.js';
import { custodyMachine } from '../../../workflows/custody/custody.machine.js';
import { ERASURE_MACHINE_VERSION, erasureMachine } from '../../../workflows/custody/erasure.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import type { TokenService } from '../auth/token-service.js';
import { findContract } from '../contracts/contract.repository.js';
import { custodyWorkflow, eraseOnCertificate } from '../handover/custody.workflow.js';
import { findPackage } from '../handover/package.repository.js';
import { notify, usersWithRoles } from '../notifications/notify.js';
import { allowedActions, type Viewer } from '../shared/allowed-actions.js';
import type { Tx, UseCaseContext } from '../shared/context.js';
import { ConflictError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { runStep, takeStep } from '../shared/run-step.js';
import { fiscalYearOf } from '../shared/wareki.js';
import type { Command, Workflow } from '../shared/workflow.js';
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

export const erasureWorkflow: Workflow<ErasureRecord> = {
  machine: erasureMachine,
  version: ERASURE_MACHINE_VERSION,
  subject: 'ErasureRecord',
  name: { en: 'Erasure record', ja: '消去の記録' },
  table: 'erasure_records',
  auditPrefix: 'erasure',
  load: findErasure,
  stateNames: {
    recorded: { en: 'recorded', ja: '記録済み' },
    certified: { en: 'certified', ja: '証明書発行済み' },
  },
};

type Signer = Pick<TokenService, 'signDocument'>;

/**
 * Issues the certificate (消去証明書): its content, in canonical form, is signed as a compact JWS
 * with the server's ES256 key so anyone can check it later; the packages it lists become erased.
 * A sub-contractor's certificate goes to both the ward and the contractor (丙13): both are
 * recipients in the content, both may read it, and both are notified.
 */
export const certifyCommand: Command<ErasureRecord, { signer: Signer }, Blocker[]> = {
  name: 'certify',
  label: { en: 'issue the certificate', ja: '消去証明書の発行' },
  can: { action: 'update' },
  facts: ({ tx, record }) => blockersOf(tx, record),
  event: ({ facts }) => ({ type: 'CERTIFY', blockers: facts ?? [] }),
  refusal: ({ reason, facts, record }) =>
    new ConflictError(
      reason === 'guard' && facts?.length
        ? {
            en: `Cannot certify: ${facts.map((b) => b.en).join('; ')}`,
            ja: `証明書を発行できません：${facts.map((b) => b.ja).join('、')}`,
          }
        : { en: 'The certificate was issued already', ja: '消去証明書は発行済みです' },
      { state: record.status, ...(facts?.length && { missing: facts }) },
    ),
  apply: async (step) => {
    const { tx, ctx, record, input, now, auditNote } = step;
    const contract = (await findContract(tx, record.contractId))!;
    const fiscalYear = fiscalYearOf(toJapanDate(now));
    const { serial, number } = await nextNumber(tx, record.wardId, fiscalYear);
    const certificateId = crypto.randomUUID();
    const content = await certificateContent(tx, record, contract, { id: certificateId, number, at: now });
    const jws = await input.signer.signDocument(canonicalBytes(content), CERTIFICATE_TYP);
    const payloadSha256 = await contentSha256(content);
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
        payload_sha256: payloadSha256,
        jws,
        kid: String(decodeProtectedHeader(jws).kid),
        issued_by: ctx.actor.userId,
        issued_at: now,
      })
      .execute();
    // the packages it lists become erased, each a step of its own custody (checked as facts above)
    for (const packageId of record.packageIds) {
      const erased = await takeStep(
        step,
        ctx,
        custodyWorkflow,
        eraseOnCertificate,
        packageId,
        { certificateNumber: number },
        { follows: true },
      );
      if (erased.refused) throw erased.refused;
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
    Object.assign(auditNote, { certificateNumber: number, payloadSha256 });
    return {};
  },
};

export async function certifyErasure(
  ctx: UseCaseContext,
  signer: Signer,
  id: string,
  expectedVersion: number,
): Promise<{ record: ErasureRecord; certificate: ErasureCertificate }> {
  const record = await runStep(ctx, erasureWorkflow, certifyCommand, id, { signer }, expectedVersion);
  const certificate = (await findCertificateOf(ctx.db, record.wardId, record.id))!;
  return { record, certificate };
}

/** What this person may do with the erasure record now (the certificate, once, by its organisation). */
export function erasureActions(viewer: Viewer, record: ErasureRecord): string[] {
  return allowedActions(viewer, erasureWorkflow, [certifyCommand], record);
}
