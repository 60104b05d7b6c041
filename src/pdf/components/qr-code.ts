import { Path, Svg } from '@react-pdf/renderer';
import QRCode from 'qrcode';
import { createElement as h, type ReactElement } from 'react';

// A QR code drawn as vector paths from the symbol's modules: no image, no canvas, so the same code
// draws in Node and in the Worker's browser build of react-pdf.

/** The dark modules of `text`'s QR symbol as one SVG path, with a quiet zone of `margin` modules. */
export function qrPath(text: string, margin = 2): { path: string; size: number } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + margin} ${row + margin}h1v1h-1z`);
    }
  }
  return { path: parts.join(''), size: modules.size + 2 * margin };
}

/** The QR code of `text`, `width` points square. */
export function QrCode({ text, width }: { text: string; width: number }): ReactElement {
  const { path, size } = qrPath(text);
  return h(Svg, { width, height: width, viewBox: `0 0 ${size} ${size}` }, h(Path, { d: path, fill: '#000' }));
}
