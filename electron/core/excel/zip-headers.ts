// The zip records PMO Desk writes, for both of its zip writers: the template writer's re-deflated
// and added parts (template/zip-write.ts) and the new packages it builds (zip-build.ts). One layout:
// local header with the sizes (no data descriptor, no extra field), version 2.0, no ZIP64 (zip.ts
// refuses it on the way in, and nothing PMO Desk writes comes near 4 GB).

export const LOCAL_SIGNATURE = 0x04034b50;
export const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
/** The version a reader needs: 2.0 (deflate). */
const VERSION = 20;

/** 2025-01-01 in DOS date form: a part's date when nothing else gives one, so output does not depend on the clock. */
export const FIXED_DOS_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1;

/** The general-purpose flag for a name: bit 11 (UTF-8) unless it is printable ASCII. */
export function nameFlags(name: string): number {
  return /^[\x20-\x7e]*$/.test(name) ? 0 : 0x800;
}

export interface EntryHeader {
  /** The name as stored (UTF-8 bytes). */
  name: Buffer;
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** DOS time and date. */
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The central record's "version made by" (default 2.0), internal and external attributes (default 0). */
  madeBy?: number;
  internal?: number;
  external?: number;
}

/** The local file header of an entry (its data follows it). */
export function localHeader(h: EntryHeader): Buffer {
  const b = Buffer.alloc(30 + h.name.length);
  b.writeUInt32LE(LOCAL_SIGNATURE, 0);
  b.writeUInt16LE(VERSION, 4);
  b.writeUInt16LE(h.flags, 6);
  b.writeUInt16LE(h.method, 8);
  b.writeUInt16LE(h.time, 10);
  b.writeUInt16LE(h.date, 12);
  b.writeUInt32LE(h.crc, 14);
  b.writeUInt32LE(h.compressedSize, 18);
  b.writeUInt32LE(h.size, 22);
  b.writeUInt16LE(h.name.length, 26);
  // 28: extra field length 0
  h.name.copy(b, 30);
  return b;
}

/** The central-directory record of an entry whose local header is at `offset`. */
export function centralHeader(h: EntryHeader, offset: number): Buffer {
  const b = Buffer.alloc(46 + h.name.length);
  b.writeUInt32LE(CENTRAL_SIGNATURE, 0);
  b.writeUInt16LE(h.madeBy ?? VERSION, 4);
  b.writeUInt16LE(VERSION, 6);
  b.writeUInt16LE(h.flags, 8);
  b.writeUInt16LE(h.method, 10);
  b.writeUInt16LE(h.time, 12);
  b.writeUInt16LE(h.date, 14);
  b.writeUInt32LE(h.crc, 16);
  b.writeUInt32LE(h.compressedSize, 20);
  b.writeUInt32LE(h.size, 24);
  b.writeUInt16LE(h.name.length, 28);
  // 30, 32, 34: extra and comment length, disk number 0
  b.writeUInt16LE(h.internal ?? 0, 36);
  b.writeUInt32LE(h.external ?? 0, 38);
  b.writeUInt32LE(offset, 42);
  h.name.copy(b, 46);
  return b;
}

/** The end-of-central-directory record: `count` entries, the directory `length` bytes long at `start`. */
export function endOfCentralDirectory(count: number, length: number, start: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(END_SIGNATURE, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(length, 12);
  b.writeUInt32LE(start, 16);
  return b;
}
