import { headOf, loadMunicipalityWords } from '../organisations/municipality-words.js';
import type { UseCaseContext } from '../shared/context.js';
import type { CertificateContent } from './certificate-content.js';
import { getCertificate } from './read-erasures.js';

/**
 * What the 消去証明書 PDF (src/pdf/erasure-certificate) shows: exactly the content that was signed,
 * never the records as they are now, so the paper and the signature agree.
 */
export interface ErasureCertificateData {
  certificateNumber: string;
  content: CertificateContent;
  /** The verification code: SHA-256 of the signed content. */
  sha256: string;
  kid: string;
  /** How the municipality speaks of itself (区, 市, …): its staff are 区職員 / 市職員. */
  selfWord: string;
  /** The municipality's head as the certificate addresses it (新宿区長, ○○衛生組合管理者). */
  wardHead: string;
}

/**
 * The certificate of an erasure record, as its PDF shows it. Read like the certificate itself: its
 * recipients and the recording organisation read it; anyone else gets not found.
 */
export async function readErasureCertificate(
  ctx: UseCaseContext,
  erasureRecordId: string,
): Promise<ErasureCertificateData> {
  const certificate = await getCertificate(ctx, erasureRecordId);
  const content = certificate.payload as unknown as CertificateContent;
  const words = await loadMunicipalityWords(ctx.db, content.ward.id);
  return {
    certificateNumber: certificate.certificateNumber,
    content,
    selfWord: words.self.ja,
    wardHead: headOf(content.ward.name, words.head.ja),
    sha256: certificate.payloadSha256,
    kid: certificate.kid,
  };
}
