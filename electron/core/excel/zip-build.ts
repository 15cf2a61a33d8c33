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
    return new PartStream((crc, size, compressedSize, compressed) => this.entry(name, crc, size, compressedSize, compressed));
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

/**
 * A part's text, encoded into one buffer as it comes and deflated each time it holds a piece: joining
 * the pieces' strings and encoding the join was a third of a 100,000-task sheet's writing (npm run
 * bench). A class, not closures made per part: the sheet's row loop calls write and bytes for every row,
 * and a new closure per part deoptimized that loop's compiled code in the next export.
 */
class PartStream implements PartWriter {
  private readonly compressed: Buffer[] = [];
  private readonly buf = Buffer.allocUnsafe(PIECE + BUFFER_ROOM);
  private used = 0;
  private crc = 0;
  private size = 0;
  private compressedSize = 0;

  constructor(private readonly done: (crc: number, size: number, compressedSize: number, compressed: Buffer[]) => void) {}

  private deflate(data: Buffer, last: boolean): void {
    this.crc = crc32(data, this.crc);
    this.size += data.length;
    // Level 4, as the template writer deflates big parts: half the time of level 6 for ~13% more bytes.
    const body = zlib.deflateRawSync(data, { level: 4, ...(last ? {} : { finishFlush: zlib.constants.Z_SYNC_FLUSH }) });
    this.compressed.push(body);
    this.compressedSize += body.length;
  }

  private flush(last: boolean): void {
    if (this.used > 0 || last) this.deflate(this.buf.subarray(0, this.used), last);
    // Deflated synchronously into bytes of its own: the buffer is written over again.
    this.used = 0;
  }

  write(text: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8: a text that might not fit goes after a flush, and
    // one larger than a whole buffer is encoded on its own.
    if (text.length * 3 > PIECE + BUFFER_ROOM - this.used) {
      this.flush(false);
      if (text.length * 3 > PIECE + BUFFER_ROOM) {
        this.deflate(Buffer.from(text, 'utf8'), false);
        return;
      }
    }
    this.used += this.buf.write(text, this.used, 'utf8');
    if (this.used >= PIECE) this.flush(false);
  }

  bytes(data: Uint8Array): void {
    if (data.length > PIECE + BUFFER_ROOM - this.used) {
      this.flush(false);
      if (data.length > PIECE + BUFFER_ROOM) {
        this.deflate(Buffer.from(data.buffer, data.byteOffset, data.length), false);
        return;
      }
    }
    this.buf.set(data, this.used);
    this.used += data.length;
    if (this.used >= PIECE) this.flush(false);
  }

  end(): void {
    this.flush(true);
    this.done(this.crc, this.size, this.compressedSize, this.compressed);
  }
}
