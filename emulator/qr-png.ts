// A QR code as the PNG data URL Stytch's `totp.create` returns in `qr_code`: black modules on white,
// a four-module quiet zone. Encoded with uqr (no dependencies), written with node:zlib.
import { crc32, deflateSync } from 'node:zlib';
import { encode } from 'uqr';

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type: string, body: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** `text` as a QR code (error correction M), `scale` pixels a module, as a PNG data URL. */
export function qrPngDataUrl(text: string, scale = 4): string {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  const width = size * scale;
  // 8-bit greyscale rows, each led by filter type 0 (none).
  const rows = Buffer.alloc((width + 1) * width, 255);
  for (let y = 0; y < width; y++) {
    const row = y * (width + 1);
    rows[row] = 0;
    for (let x = 0; x < width; x++)
      if (data[Math.floor(y / scale)]![Math.floor(x / scale)]) rows[row + 1 + x] = 0;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header[8] = 8; // bit depth; colour type 0 (greyscale), compression, filter and interlace 0
  const png = Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}
