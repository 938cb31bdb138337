// Reads the emulator's `qr_code` as a phone would: the PNG decoded (greyscale, unfiltered rows, as
// a QR code image is), then the code read by jsQR — an encoder-independent reader.
import { inflateSync } from 'node:zlib';
import jsqrModule from 'jsqr';

type Reader = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

// jsqr is CommonJS with a default export: Node hands over module.exports, bundlers its default.
const jsQR = ((jsqrModule as unknown as { default?: unknown }).default ?? jsqrModule) as Reader;

export function readPngQr(dataUrl: string): string {
  const png = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 0) throw new Error('expected 8-bit greyscale');
    }
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    if (rows[y * (width + 1)] !== 0) throw new Error('expected unfiltered rows');
    for (let x = 0; x < width; x++) {
      const v = rows[y * (width + 1) + 1 + x]!;
      rgba.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  const found = jsQR(rgba, width, height);
  if (!found) throw new Error('no QR code in the PNG');
  return found.data;
}
