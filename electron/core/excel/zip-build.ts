// A new zip (an .xlsx package PMO Desk writes from nothing, or a zip of exported files), built part by part. A large part is
// written in pieces as it is produced: each ~1 MB piece is deflated at once with a sync flush, so the
// pieces concatenate into one valid deflate stream and the part never exists whole, uncompressed, in
// memory (a 100,000-row sheet is ~150 MB of XML, ~10 MB deflated). The zip records are the template
// writer's (zip-headers.ts); every part is dated 2025-01-01 00:00, so output does not depend on the clock.
import zlib from 'node:zlib';
import { crc32 } from './crc32.js';
import { centralHeader, endOfCentralDirectory, FIXED_DOS_DATE, localHeader, nameFlags } from './zip-headers.js';

const PIECE = 1 << 20;
/** Room past a piece for the text that crosses its end. */
const BUFFER_ROOM = 256 * 1024;

export interface PartWriter {
  write(text: string): void;
  /** Text already encoded as UTF-8 (a run of cells written on every row alike): copied, not encoded again. */
  bytes(data: Uint8Array): void;
  end(): void;
}

export class ZipBuilder {
  private readonly chunks: Buffer[] = [];
  private readonly cens: Buffer[] = [];
  private offset = 0;

  /** A whole small part. */
  add(name: string, text: string | Buffer): void {
    const w = this.part(name);
    w.write(typeof text === 'string' ? text : text.toString('utf8'));
    w.end();
  }

  /**
   * A file of bytes stored as they are (method 0): what goes in is already compressed (a zip of .xlsx
   * files), and deflating it again would cost time for nothing.
   */
  addStored(name: string, bytes: Uint8Array): void {
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.entry(name, crc32(data, 0), data.length, data.length, [data], 0);
  }

  /** A part written in pieces; `end()` closes it. One part is open at a time. */
  part(name: string): PartWriter {
    const compressed: Buffer[] = [];
    // Text is encoded into one buffer as it comes, deflated each time it holds a piece: joining the
    // pieces' strings and encoding the join was a third of a 100,000-task sheet's writing (npm run bench).
    const buf = Buffer.allocUnsafe(PIECE + BUFFER_ROOM);
    let used = 0;
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    const deflate = (data: Buffer, last: boolean) => {
      crc = crc32(data, crc);
      size += data.length;
      // Level 4, as the template writer deflates big parts: half the time of level 6 for ~13% more bytes.
      const body = zlib.deflateRawSync(data, { level: 4, ...(last ? {} : { finishFlush: zlib.constants.Z_SYNC_FLUSH }) });
      compressed.push(body);
      compressedSize += body.length;
    };
    const flush = (last: boolean) => {
      if (used > 0 || last) deflate(buf.subarray(0, used), last);
      // Deflated synchronously into bytes of its own: the buffer is written over again.
      used = 0;
    };
    return {
      write: (text) => {
        // A UTF-16 unit is at most 3 bytes of UTF-8: a text that might not fit goes after a flush, and
        // one larger than a whole buffer is encoded on its own.
        if (text.length * 3 > PIECE + BUFFER_ROOM - used) {
          flush(false);
          if (text.length * 3 > PIECE + BUFFER_ROOM) {
            deflate(Buffer.from(text, 'utf8'), false);
            return;
          }
        }
        used += buf.write(text, used, 'utf8');
        if (used >= PIECE) flush(false);
      },
      bytes: (data) => {
        if (data.length > PIECE + BUFFER_ROOM - used) {
          flush(false);
          if (data.length > PIECE + BUFFER_ROOM) {
            deflate(Buffer.from(data.buffer, data.byteOffset, data.length), false);
            return;
          }
        }
        buf.set(data, used);
        used += data.length;
        if (used >= PIECE) flush(false);
      },
      end: () => {
        flush(true);
        this.entry(name, crc, size, compressedSize, compressed);
      },
    };
  }

  private entry(name: string, crc: number, size: number, compressedSize: number, body: Buffer[], method = 8): void {
    const header = { name: Buffer.from(name, 'utf8'), flags: nameFlags(name), method, time: 0, date: FIXED_DOS_DATE, crc, compressedSize, size };
    this.cens.push(centralHeader(header, this.offset));
    for (const b of [localHeader(header), ...body]) {
      this.chunks.push(b);
      this.offset += b.length;
    }
  }

  finish(): Buffer {
    const cdStart = this.offset;
    const cd = Buffer.concat(this.cens);
    return Buffer.concat([...this.chunks, cd, endOfCentralDirectory(this.cens.length, cd.length, cdStart)]);
  }
}
