// The new-package zip writer: a part written in pieces (each deflated with a sync flush) reads back
// whole, byte for byte, through the same zip reader the import uses, and through node's inflate.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ZipBuilder } from '../../electron/core/excel/zip-build.js';
import { readZipDirectory, ZipReader } from '../../electron/core/excel/zip.js';
import { crc32 } from '../../electron/core/excel/crc32.js';

describe('ZipBuilder', () => {
  it('writes a part larger than one piece as one deflate stream, and small parts whole', () => {
    const zip = new ZipBuilder();
    const rows = Array.from({ length: 40_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${(i * 7919) % 1000}</v></c><c r="B${i + 1}"><v>${i / 3}</v></c></row>`);
    const big = zip.part('xl/worksheets/sheet1.xml');
    for (const r of rows) big.write(r);
    big.end();
    zip.add('[Content_Types].xml', '<Types>日本語</Types>');
    const bytes = zip.finish();
    const dir = readZipDirectory(bytes, 'x.xlsx');
    expect([...dir.entries.keys()]).toEqual(['xl/worksheets/sheet1.xml', '[Content_Types].xml']);
    const reader = new ZipReader(bytes, dir, 'x.xlsx');
    const text = rows.join('');
    expect(text.length).toBeGreaterThan(2 << 20);
    const sheet = reader.bytes('xl/worksheets/sheet1.xml')!;
    expect(sheet.toString('utf8')).toBe(text);
    expect(reader.bytes('[Content_Types].xml')!.toString('utf8')).toBe('<Types>日本語</Types>');
    // The checksum written is that of the whole part, computed piece by piece.
    const e = dir.entries.get('xl/worksheets/sheet1.xml')!;
    expect(e.crc).toBe(crc32(Buffer.from(text, 'utf8')));
    expect(zlib.inflateRawSync(bytes.subarray(e.dataStart, e.dataStart + e.compressedSize)).toString('utf8')).toBe(text);
  });

  it('checksums in pieces equal the checksum of the whole', () => {
    const a = Buffer.from('PMO Desk ', 'utf8');
    const b = Buffer.from('スケール', 'utf8');
    expect(crc32(b, crc32(a))).toBe(crc32(Buffer.concat([a, b])));
  });
});
