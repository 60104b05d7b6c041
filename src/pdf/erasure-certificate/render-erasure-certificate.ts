import { createElement as h } from 'react';
import type { ErasureCertificateData } from '../../domain/erasure/read-erasure-certificate.js';
import { renderPdf } from '../render-pdf.js';
import { ErasureCertificateDocument } from './erasure-certificate-document.js';

/**
 * Draws the certificate as a Japanese PDF from the data readErasureCertificate gathered, with the
 * address of the public page where anyone can check it.
 */
export async function renderErasureCertificate(
  data: ErasureCertificateData,
  verificationUrl: string,
): Promise<Uint8Array> {
  return renderPdf(
    h(ErasureCertificateDocument, {
      content: data.content,
      sha256: data.sha256,
      kid: data.kid,
      selfWord: data.selfWord,
      wardHead: data.wardHead,
      verificationUrl,
    }),
  );
}
