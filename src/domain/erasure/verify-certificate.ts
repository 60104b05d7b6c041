import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { TokenService } from '../auth/token-service.js';
import { toJapanIso } from '../shared/japan-date.js';
import { CERTIFICATE_TYP, type CertificateContent, contentSha256 } from './certificate-content.js';

// The public check of a certificate (消去証明書), for anyone holding one: valid, tampered or unknown.
// Either the signed file (compact JWS) or, from the paper, the certificate number with the
// verification code (the SHA-256 of its canonical content) printed on it.

export type VerificationResult = 'valid' | 'tampered' | 'unknown';

export interface Verification {
  result: VerificationResult;
  /** For a valid certificate: what it certifies, as registered; instants in Japan time (+09:00). */
  certificate?: {
    certificateNumber: string;
    issuedAt: string;
    ward: string;
    certifiedBy: string;
    contractTitle: string;
    erasedAt: string;
    sha256: string;
  };
}

async function registered(db: Kysely<Database>, by: { id?: string; number?: string; sha256?: string }) {
  let q = db
    .selectFrom('erasure_certificates')
    .select(['id', 'certificate_number', 'payload', 'payload_sha256']);
  if (by.id) q = q.where('id', '=', by.id);
  if (by.number) q = q.where('certificate_number', '=', by.number);
  if (by.sha256) q = q.where('payload_sha256', '=', by.sha256);
  return q.execute();
}

function summary(payload: CertificateContent, sha256: string): Verification['certificate'] {
  return {
    certificateNumber: payload.certificateNumber,
    issuedAt: toJapanIso(payload.issuedAt),
    ward: payload.ward.name,
    certifiedBy: payload.certifiedBy.name,
    contractTitle: payload.contract.title,
    erasedAt: toJapanIso(payload.erasedAt),
    sha256,
  };
}

function parse(bytes: Uint8Array | null): Partial<CertificateContent> | null {
  if (!bytes) return null;
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes));
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

const isUuid = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v);

/**
 * A signed certificate is valid when our key signed it as a certificate and it is the one we
 * registered; tampered when it names one of our keys or one of our certificates but its content or
 * signature no longer match; unknown otherwise (not ours, or not a certificate at all).
 */
export async function verifyCertificateJws(
  db: Kysely<Database>,
  tokens: Pick<TokenService, 'verifyDocument'>,
  jws: string,
): Promise<Verification> {
  const checked = await tokens.verifyDocument(jws.trim(), CERTIFICATE_TYP);
  if (checked.status === 'malformed') return { result: 'unknown' };
  const claimed = parse(checked.payload);
  const rows = isUuid(claimed?.certificateId) ? await registered(db, { id: claimed.certificateId }) : [];
  if (checked.status === 'bad-signature') return { result: 'tampered' };
  if (checked.status === 'unknown-key') return { result: rows.length ? 'tampered' : 'unknown' };
  const row = rows[0];
  if (!row || !claimed) return { result: 'unknown' };
  const sha256 = await contentSha256(claimed);
  if (sha256 !== row.payload_sha256) return { result: 'tampered' };
  return { result: 'valid', certificate: summary(row.payload as CertificateContent, sha256) };
}

/**
 * From the verification code alone (a QR code or link that carries only the code): valid when a
 * certificate with that code was registered, unknown otherwise — without its number there is no
 * certificate it could be a tampered copy of.
 */
export async function verifyCertificateByCode(db: Kysely<Database>, sha256: string): Promise<Verification> {
  const code = sha256.toLowerCase().replace(/[^0-9a-f]/g, '');
  if (code.length !== 64) return { result: 'unknown' };
  const [match] = await registered(db, { sha256: code });
  if (!match) return { result: 'unknown' };
  return { result: 'valid', certificate: summary(match.payload as CertificateContent, code) };
}

/** From the paper: the certificate number and the verification code printed on it. */
export async function verifyCertificateCode(
  db: Kysely<Database>,
  certificateNumber: string,
  sha256: string,
): Promise<Verification> {
  const rows = await registered(db, { number: certificateNumber.trim() });
  const code = sha256.toLowerCase().replace(/[^0-9a-f]/g, '');
  const match = rows.find((r) => r.payload_sha256 === code);
  if (match) return { result: 'valid', certificate: summary(match.payload as CertificateContent, code) };
  return { result: rows.length ? 'tampered' : 'unknown' };
}
