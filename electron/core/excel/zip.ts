// The zip container of an xlsx, read by hand: the central directory first (declared sizes, ratios,
// counts, required parts — refused before anything is inflated), then only the parts we need, each
// inflated with a hard output cap (zlib's maxOutputLength) so a part that lies about its size stops at
// the lie. Entries must not overlap (the "overlapping files" zip bomb), must not be encrypted, and
// ZIP64 is refused: no workbook of a size we read needs it.
import zlib from 'node:zlib';
import { crc32 } from './crc32.js';
import { refuse } from './errors.js';
import {
  MAX_DECLARED_TOTAL_BYTES,
  MAX_PART_BYTES,
  MAX_PART_RATIO,
  MAX_READ_BYTES,
  MAX_TOTAL_RATIO,
  MAX_ZIP_ENTRIES,
  RATIO_CHECK_BYTES,
} from './limits.js';

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Where the compressed data starts (after the local header). */
  dataStart: number;
  /** This entry's central-directory record: where it starts and its length (the template writer copies it). */
  cenOffset: number;
  cenLength: number;
}

export interface ZipDirectory {
  entries: Map<string, ZipEntry>;
  declaredTotal: number;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Reads and checks the central directory; throws ExcelReadError for anything unsafe or broken. */
export function readZipDirectory(buf: Buffer, fileName: string): ZipDirectory {
  const damaged = (what: string): never => refuse(fileName, 'DAMAGED', `the file is damaged or incomplete (${what})`);
  if (buf.length < 22) damaged('too short for a zip archive');
  // The end-of-central-directory record: the last 22 bytes, or before a comment of up to 64 KB.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD && i + 22 + buf.readUInt16LE(i + 20) <= buf.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) damaged('no zip directory at the end — was the file cut short?');
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const onDisk = buf.readUInt16LE(eocd + 8);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if ((eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) || count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    refuse(fileName, 'UNSUPPORTED', 'is a ZIP64 archive, which no workbook PMO Desk can read needs; save it again from Excel');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) refuse(fileName, 'UNSUPPORTED', 'is a multi-part (split) zip archive');
  if (count > MAX_ZIP_ENTRIES) refuse(fileName, 'TOO_LARGE', `has ${count} parts; PMO Desk reads workbooks of up to ${MAX_ZIP_ENTRIES}`);
  if (cdOffset + cdSize > eocd) damaged('the zip directory points past its end');

  const entries = new Map<string, ZipEntry>();
  let declaredTotal = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CEN) damaged('a zip directory entry is broken');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > eocd) damaged('a zip directory entry runs past the directory');
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    const cenOffset = p;
    const cenLength = 46 + nameLen + extraLen + commentLen;
    p += cenLength;
    if (flags & 0x1 || flags & 0x40 || method === 99) refuse(fileName, 'ENCRYPTED', `is encrypted (part ${name}); remove the password in Excel and save it again`, name);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
      refuse(fileName, 'UNSUPPORTED', 'is a ZIP64 archive, which no workbook PMO Desk can read needs; save it again from Excel');
    if (method !== 0 && method !== 8) refuse(fileName, 'UNSUPPORTED', `uses zip compression method ${method} (part ${name}); save it again from Excel`, name);
    if (entries.has(name)) damaged(`the part ${name} appears twice`);
    declaredTotal += size;
    if (declaredTotal > MAX_DECLARED_TOTAL_BYTES)
      refuse(fileName, 'ZIP_BOMB', `declares more than ${mb(MAX_DECLARED_TOTAL_BYTES)} of content; that is not a workbook PMO Desk will open`);
    if (size > RATIO_CHECK_BYTES && size / Math.max(compressedSize, 1) > MAX_PART_RATIO)
      refuse(fileName, 'ZIP_BOMB', `looks like a zip bomb: the part ${name} would inflate ${Math.round(size / Math.max(compressedSize, 1))} times (${mb(size)} from ${mb(compressedSize)})`);
    if (method === 0 && compressedSize !== size) damaged(`the stored part ${name} has two sizes`);
    // Local header: where the data really starts.
    if (localOffset + 30 > cdOffset || buf.readUInt32LE(localOffset) !== LOC) damaged(`the part ${name} is missing`);
    const dataStart = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > cdOffset) damaged(`the part ${name} runs past the end of the data`);
    entries.set(name, { name, method, flags, crc, compressedSize, size, localOffset, dataStart, cenOffset, cenLength });
  }
  if (declaredTotal > RATIO_CHECK_BYTES && declaredTotal / buf.length > MAX_TOTAL_RATIO)
    refuse(fileName, 'ZIP_BOMB', `looks like a zip bomb: ${mb(buf.length)} would inflate to ${mb(declaredTotal)}`);
  // Entries must not share bytes: overlapping entries are how a small zip inflates to terabytes.
  const spans = [...entries.values()].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < spans.length; i++)
    if (spans[i]!.localOffset < spans[i - 1]!.dataStart + spans[i - 1]!.compressedSize) damaged(`the parts ${spans[i - 1]!.name} and ${spans[i]!.name} overlap`);
  return { entries, declaredTotal };
}

/** Inflates parts of one archive, each within MAX_PART_BYTES and all together within MAX_READ_BYTES. */
export class ZipReader {
  private read = 0;

  constructor(
    private readonly buf: Buffer,
    readonly dir: ZipDirectory,
    private readonly fileName: string,
  ) {}

  has(name: string): boolean {
    return this.dir.entries.has(name);
  }

  /** The part's bytes, or null when the archive has no such part. */
  bytes(name: string): Buffer | null {
    const e = this.dir.entries.get(name);
    if (!e) return null;
    const damaged = (what: string): never => refuse(this.fileName, 'DAMAGED', `the file is damaged (${name}: ${what})`, name);
    if (e.size > MAX_PART_BYTES) refuse(this.fileName, 'TOO_LARGE', `the part ${name} is ${mb(e.size)}; PMO Desk reads parts of up to ${mb(MAX_PART_BYTES)}`, name);
    if (this.read + e.size > MAX_READ_BYTES) refuse(this.fileName, 'TOO_LARGE', `holds more than ${mb(MAX_READ_BYTES)} of sheets and text`);
    const raw = this.buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
    let out: Buffer;
    if (e.method === 0) out = raw;
    else if (e.size === 0) out = Buffer.alloc(0);
    else {
      try {
        // One byte more than declared: a part that inflates past its declared size is caught, not followed.
        // Inflated into one buffer of that size (its size is capped above): in zlib's default 16 KB chunks
        // a 52 MB sheet took ~3,000 calls and a copy of every chunk into the result (~25 % of a
        // 100,000-row read).
        out = zlib.inflateRawSync(raw, { maxOutputLength: e.size + 1, chunkSize: Math.max(64, e.size + 1) });
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'ERR_BUFFER_TOO_LARGE') refuse(this.fileName, 'ZIP_BOMB', `the part ${name} inflates beyond the size it declares`, name);
        return damaged('its compressed data is corrupt');
      }
    }
    if (out.length !== e.size) damaged(`inflates to ${out.length} bytes, not the ${e.size} it declares`);
    if (crc32(out) !== e.crc) damaged('checksum mismatch');
    this.read += e.size;
    return out;
  }
}
