import QRCode from 'qrcode';

/**
 * A QR code as SVG markup, drawn here (nothing is fetched): the otpauth:// URI of a second factor,
 * for an authenticator app to scan. Error correction M, as authenticator enrolments commonly use.
 */
export function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The same QR code as a data: URI, for an <img> under the pages' CSP (img-src 'self' data:). */
export async function qrCodeDataUri(text: string): Promise<string> {
  // the SVG is ASCII, so btoa takes it as it is
  return `data:image/svg+xml;base64,${btoa(await qrCodeSvg(text))}`;
}
