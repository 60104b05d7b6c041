import type { verifyJa } from './verify-ja.js';

// English strings of the public verification page (/verify), key for key with verify-ja.ts.

export const verifyEn: typeof verifyJa = {
  title: 'Verify an erasure certificate',
  intro:
    'Check that an erasure certificate (消去証明書) is as it was issued (valid) and has not been altered (tampered). No sign-in is needed. The QR code on the certificate opens this page with its number and code filled in.',
  byCode: 'Check from the paper certificate',
  number: 'Certificate number',
  numberHint:
    'Printed at the top right, e.g. 「第2026-0001号」 (enter 2026-0001). The verification code alone also works.',
  code: 'Verification code (SHA-256)',
  codeHint: 'The 64 letters and digits in the certificate’s signature box; spaces do not matter.',
  check: 'Check',
  byJws: 'Check from the signed file (JWS)',
  jws: 'Paste the signature (JWS)',
  jwsHint: 'The content of the signed file (.jws) received with the certificate.',
  result: 'Result',
  results: {
    valid: 'Valid: this certificate is as it was issued',
    tampered: 'Possibly tampered: it does not match the certificate issued; ask its issuer',
    unknown: 'Unknown: no certificate with this number and code can be found; check what you entered',
  },
  missing: 'Enter the verification code (and the certificate number if you have it).',
  fields: {
    certificateNumber: 'Certificate number',
    certifiedBy: 'Certified by',
    ward: 'Submitted to',
    contractTitle: 'Contract',
    erasedAt: 'Erased at',
    issuedAt: 'Issued at',
    sha256: 'Verification code',
  },
  timeNote: 'Times are Japan time (JST).',
  apiNote: 'Systems can check certificates through the API (POST /api/v1/certificate-verification).',
};
