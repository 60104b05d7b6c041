import { z } from '@hono/zod-openapi';
import { erasureActions } from '../../domain/erasure/certify-erasure.js';
import type { ErasureCertificate, ErasureRecord } from '../../domain/erasure/erasure.repository.js';
import {
  DISPOSITIONS,
  ERASURE_METHODS,
  ERASURE_SCOPES,
  WITNESS_SIDES,
} from '../../domain/erasure/erasure-terms.js';
import { MEDIA_KINDS } from '../../domain/registers/register-document.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import { requiredText, text, Uuid } from './common.js';
import { Instant, PackageItemSchema } from './handover.js';

export const ErasureBody = z.object({
  contractId: Uuid,
  scope: z
    .enum(ERASURE_SCOPES)
    .openapi({ description: '不要となったとき no_longer_needed / 業務終了 contract_end' }),
  items: z
    .array(PackageItemSchema.extend({ disposition: z.enum(DISPOSITIONS) }))
    .min(1)
    .max(300),
  packageIds: z.array(Uuid).max(50).default([]),
  media: z
    .array(z.object({ kind: z.enum(MEDIA_KINDS), description: requiredText(300) }))
    .max(50)
    .default([]),
  devices: z
    .array(z.object({ description: requiredText(300), serialNumber: text(100).nullish() }))
    .max(50)
    .default([]),
  paper: z
    .array(z.object({ description: requiredText(300), quantity: text(100).nullish() }))
    .max(50)
    .default([]),
  methods: z
    .array(
      z.object({
        method: z.enum(ERASURE_METHODS),
        software: text(200).nullish().openapi({ description: 'データ消去ソフトの名称（版）' }),
        detail: text(1000).nullish(),
      }),
    )
    .max(10)
    .default([]),
  erasedAt: Instant,
  performedByHandlerId: Uuid,
  witnesses: z
    .array(
      z.object({
        name: requiredText(100),
        side: z.enum(WITNESS_SIDES),
        organisationName: text(200).nullish(),
      }),
    )
    .max(10)
    .default([]),
  evidenceAttachmentIds: z.array(Uuid).max(20).default([]),
  note: text(2000).nullish(),
});

export const ErasureSchema = z.object({}).passthrough().openapi('ErasureRecord');
export const CertificateSchema = z
  .object({
    id: z.string(),
    certificateNumber: z.string(),
    issuedAt: z.string(),
    recipientOrgIds: z.array(z.string()),
    payload: z.record(z.string(), z.unknown()),
    payloadSha256: z.string().openapi({ description: '検証コード: SHA-256 of the canonical content' }),
    jws: z.string().openapi({ description: 'Compact JWS (ES256) over the canonical content' }),
    kid: z.string(),
  })
  .openapi('ErasureCertificate');

export function presentCertificate(c: ErasureCertificate) {
  return {
    id: c.id,
    erasureRecordId: c.erasureRecordId,
    certificateNumber: c.certificateNumber,
    issuedAt: c.issuedAt.toISOString(),
    recipientOrgIds: c.recipientOrgIds,
    payload: c.payload,
    payloadSha256: c.payloadSha256,
    jws: c.jws,
    kid: c.kid,
  };
}

/** An erasure record as the API shows it, with what the viewer may do with it now. */
export function presentErasure(
  viewer: Viewer,
  r: ErasureRecord & { certificate?: ErasureCertificate | null },
) {
  const { chainOrgIds: _chain, machine: _m, certificate, ...rest } = r;
  return {
    ...rest,
    allowedActions: erasureActions(viewer, r),
    erasedAt: r.erasedAt.toISOString(),
    recordedAt: r.recordedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    ...(certificate !== undefined && { certificate: certificate ? presentCertificate(certificate) : null }),
  };
}
