// The new-package zip writer: a part written in pieces (each deflated with a sync flush) reads back
// whole, byte for byte, through the same zip reader the import uses, and through node's inflate.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ZipBuilder } from '../../electron/core/excel/zip-build.js';
import { readZipDirectory, ZipReader } from '../../electron/core/excel/zip.js';
import { crc32 } from '../../electron/core/excel/crc32.js';
import { writeZip } from '../../electron/core/excel/template/zip-write.js';
import { FIXED_DOS_DATE } from '../../electron/core/excel/zip-headers.js';

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

  it('reads back every byte of Japanese text across piece ends, a text larger than a piece, and an empty part', () => {
    const zip = new ZipBuilder();
    // Each row is 3-byte characters mostly: rows end at every offset of a piece, some mid-character if cut wrong.
    const rows = Array.from({ length: 30_000 }, (_, i) => `<row r="${i + 1}"><c><is><t>工程${'設計'.repeat(i % 17)}${i}</t></is></c></row>`);
    const huge = `<x>${'帳票'.repeat(700_000)}</x>`;
    const texts = [...rows.slice(0, 15_000), huge, ...rows.slice(15_000), '😀'.repeat(100)];
    const part = zip.part('xl/worksheets/sheet1.xml');
    for (const t of texts) part.write(t);
    part.end();
    zip.part('xl/empty.xml').end();
    const bytes = zip.finish();
    const dir = readZipDirectory(bytes, 'x.xlsx');
    const reader = new ZipReader(bytes, dir, 'x.xlsx');
    const text = texts.join('');
    expect(Buffer.byteLength(text)).toBeGreaterThan(6 << 20);
    expect(reader.bytes('xl/worksheets/sheet1.xml')!.toString('utf8')).toBe(text);
    expect(dir.entries.get('xl/worksheets/sheet1.xml')!.crc).toBe(crc32(Buffer.from(text, 'utf8')));
    expect(reader.bytes('xl/empty.xml')!.length).toBe(0);
  });

  it('reads back encoded bytes copied in among texts, across piece ends and larger than a piece', () => {
    const zip = new ZipBuilder();
    // Rows of text, each followed by a run of bytes of its own length (3-byte characters among them);
    // one run is larger than a whole piece.
    const texts: string[] = [];
    const part = zip.part('xl/worksheets/sheet1.xml');
    for (let i = 0; i < 20_000; i++) {
      const text = `<row r="${i + 1}"><c><v>${i}</v></c>`;
      const run = i === 9_000 ? `<c s="1"/>${'予定'.repeat(500_000)}` : `${'<c s="12"/>'.repeat(i % 50)}行${i}</row>`;
      part.write(text);
      part.bytes(Buffer.from(run, 'utf8'));
      texts.push(text, run);
    }
    part.end();
    const bytes = zip.finish();
    const dir = readZipDirectory(bytes, 'x.xlsx');
    const text = texts.join('');
    expect(Buffer.byteLength(text)).toBeGreaterThan(6 << 20);
    expect(new ZipReader(bytes, dir, 'x.xlsx').bytes('xl/worksheets/sheet1.xml')!.toString('utf8')).toBe(text);
    expect(dir.entries.get('xl/worksheets/sheet1.xml')!.crc).toBe(crc32(Buffer.from(text, 'utf8')));
  });

  it('checksums in pieces equal the checksum of the whole', () => {
    const a = Buffer.from('PMO Desk ', 'utf8');
    const b = Buffer.from('スケール', 'utf8');
    expect(crc32(b, crc32(a))).toBe(crc32(Buffer.concat([a, b])));
  });

  it('writes the same records as the template writer: one header writer serves both', () => {
    const zip = new ZipBuilder();
    zip.add('[Content_Types].xml', '<Types/>'.repeat(20));
    zip.add('xl/日本語.xml', '<a/>'.repeat(40));
    const built = zip.finish();
    const dir = readZipDirectory(built, 'x.xlsx');
    const jp = dir.entries.get('xl/日本語.xml')!;
    expect(jp).toMatchObject({ flags: 0x800, method: 8 });
    expect(built.readUInt16LE(jp.cenOffset + 14)).toBe(FIXED_DOS_DATE);
    // The template writer re-deflating the same part (a change) and adding one writes records of the same layout.
    const out = writeZip(built, dir, new Map([['xl/日本語.xml', Buffer.from('<b/>'.repeat(40))]]), new Map([['xl/新しい.xml', Buffer.from('<c/>'.repeat(40))]]));
    const again = readZipDirectory(out, 'x.xlsx');
    for (const name of ['xl/日本語.xml', 'xl/新しい.xml']) {
      const e = again.entries.get(name)!;
      expect(e, name).toMatchObject({ flags: 0x800, method: 8 });
      // Version needed 2.0, no extra field: the local header is 30 bytes and the name.
      expect(out.readUInt16LE(e.localOffset + 4), name).toBe(20);
      expect(e.dataStart - e.localOffset, name).toBe(30 + Buffer.byteLength(name));
    }
    expect(new ZipReader(out, again, 'x.xlsx').bytes('xl/新しい.xml')!.toString('utf8')).toBe('<c/>'.repeat(40));
    const root = path.resolve(import.meta.dirname, '../..');
    for (const f of ['electron/core/excel/zip-build.ts', 'electron/core/excel/template/zip-write.ts']) {
      const src = fs.readFileSync(path.join(root, f), 'utf8');
      expect(src, f).not.toMatch(/0x0(?:4034|2014|6054)b50/);
      expect(src, f).toMatch(/from '[./]+\/zip-headers\.js'/);
    }
  });
});

