import { renderToBuffer } from '@react-pdf/renderer';
import { createElement as h } from 'react';
import type { CertificateContent } from '../../domain/erasure/certificate-content.js';
import type { ErasureCertificate } from '../../domain/erasure/erasure.repository.js';
import { registerJapaneseFont } from '../fonts.js';
import { ErasureCertificateDocument } from './erasure-certificate-document.js';

/**
 * The certificate as a Japanese PDF. Everything it shows comes from the signed content stored with
 * the certificate, never from the records as they are now, so the paper and the signature agree.
 */
export async function renderErasureCertificate(
  certificate: ErasureCertificate,
  verificationUrl: string,
): Promise<Uint8Array> {
  registerJapaneseFont();
  const buffer = await renderToBuffer(
    h(ErasureCertificateDocument, {
      content: certificate.payload as unknown as CertificateContent,
      sha256: certificate.payloadSha256,
      kid: certificate.kid,
      verificationUrl,
    }) as never,
  );
  return new Uint8Array(buffer);
}
