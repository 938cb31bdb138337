// The QR encoder (`uqr`: an ES module with no dependencies), loaded when the scan step first shows.
// It gives the module matrix; <totp-setup> draws it as SVG itself, so no data: image is needed.
import { encode } from 'uqr';

export interface QrPath {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** An SVG path drawing every dark module as a 1×1 square. */
  d: string;
}

export function qrPath(text: string): QrPath {
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
  let d = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (data[y]![x]) d += `M${x} ${y}h1v1h-1z`;
    }
  }
  return { size, d };
}
