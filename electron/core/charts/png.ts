// PNG of a rectangle of an RGBA pixmap (8 bits per channel, no interlace, every row filter 0): what a
// chart cut out of a larger rendering needs, without a decoder or another package.
import zlib from 'node:zlib';
import { crc32 } from '../excel/crc32.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The `width`×`height` rectangle at (x, y) of a pixmap `stride` pixels wide, as a PNG. */
export function encodePng(rgba: Uint8Array, stride: number, x: number, y: number, width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 6; // RGBA
  const rowBytes = width * 4;
  const raw = Buffer.alloc((rowBytes + 1) * height);
  for (let r = 0; r < height; r++) {
    const from = ((y + r) * stride + x) * 4;
    raw.set(rgba.subarray(from, from + rowBytes), r * (rowBytes + 1) + 1); // filter byte 0: none
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
