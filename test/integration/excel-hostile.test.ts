// Hostile and broken files through the real reader worker: each is refused with one message that
// names the file (or read safely), nothing crashes the test process, and Object.prototype is the same
// afterwards. The files are generated here, never stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  fillTemplateInWorker,
  inflatedSize,
  IN_THREAD_MAX_BYTES,
  inspectTemplateInWorker,
  lastReaderProcess,
  readerWorkerFile,
  readerWorkerKept,
  readWorkbook,
  setReaderWorkerFile,
} from '../../electron/core/excel/capped-worker.js';
import { TemplateError } from '../../electron/core/excel/template/index.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { ReaderProcess } from '../../electron/core/excel/capped-worker-process.js';
import { ExcelReadError, type ReadErrorCode } from '../../electron/core/excel/errors.js';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { billionLaughs, externalEntity, manyNamesTemplate, randomBytes, zipBomb } from '../fixtures/excel/hostile.js';
import { japaneseWbs, rawXlsx, rowXml, sheetXml, sstXml, workbook, workbookXml } from '../fixtures/excel/xlsx.js';
import { zip } from '../fixtures/excel/zip.js';

const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  await buildReaderWorker();
}, 60_000);

afterAll(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
});

/** The read's refusal: code and message (the message starts with the file name). */
async function refusal(bytes: Buffer, fileName: string, opts?: Parameters<typeof readWorkbook>[2]): Promise<{ code: ReadErrorCode; message: string }> {
  try {
    await readWorkbook(bytes, fileName, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(ExcelReadError);
    const e = err as ExcelReadError;
    expect(e.message.startsWith(`${fileName}: `)).toBe(true);
    return { code: e.code, message: e.message };
  }
  throw new Error(`${fileName} was read, not refused`);
}

function untouched() {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('zip bombs are refused before inflating', () => {
  it('a 100 MB sheet in a ~100 KB file: refused from the zip directory', async () => {
    const bomb = await zipBomb(100);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = await refusal(bomb, 'bomb.xlsx');
    expect(r.code).toBe('ZIP_BOMB');
    expect(r.message).toMatch(/^bomb\.xlsx: looks like a zip bomb: the part xl\/worksheets\/sheet1\.xml would inflate \d+ times/);
  });

  it('the same bomb declaring a small size: stopped at the declared size while inflating', async () => {
    const r = await refusal(await zipBomb(100, { declaredSize: 50_000 }), 'liar.xlsx');
    expect(r).toMatchObject({ code: 'ZIP_BOMB', message: 'liar.xlsx: the part xl/worksheets/sheet1.xml inflates beyond the size it declares' });
  });

  it('declared sizes past the limits, ZIP64 markers, overlapping entries', async () => {
    const huge = zip([
      { name: '[Content_Types].xml', data: '<Types/>', declaredSize: 700 * 1024 * 1024 },
      { name: 'xl/workbook.xml', data: '<workbook/>', declaredSize: 700 * 1024 * 1024 },
    ]);
    expect((await refusal(huge, 'huge.xlsx')).code).toBe('ZIP_BOMB');
    const zip64 = zip([{ name: '[Content_Types].xml', data: '<Types/>', declaredSize: 0xffffffff }]);
    expect(await refusal(zip64, 'z64.xlsx')).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('ZIP64') });
    // Two directory entries pointing at the same bytes: how "overlapping" zip bombs multiply.
    const good = rawXlsx();
    const overlapped = Buffer.from(good);
    const eocd = overlapped.length - 22;
    const cd = overlapped.readUInt32LE(eocd + 16);
    const secondEntry = cd + 46 + overlapped.readUInt16LE(cd + 28);
    overlapped.writeUInt32LE(0, secondEntry + 42); // the second part's data now starts where the first's does
    expect(await refusal(overlapped, 'overlap.xlsx')).toMatchObject({ code: 'DAMAGED' });
  });
});

describe('XML tricks', () => {
  it('refuses a DTD with entity expansion (billion laughs) in a sheet', async () => {
    const sheet = `${billionLaughs('worksheet')}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol10;</t></is></c></row></sheetData></worksheet>`;
    const r = await refusal(rawXlsx({ sheet }), 'laughs.xlsx');
    expect(r).toMatchObject({ code: 'UNSAFE', message: 'laughs.xlsx: contains an XML document type or entity declaration (sheet WBS, xl/worksheets/sheet1.xml); PMO Desk does not read those' });
  });

  it('refuses an external entity in the shared strings', async () => {
    const sst = `${externalEntity('sst')}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>`;
    expect(await refusal(rawXlsx({ sst }), 'xxe.xlsx')).toMatchObject({ code: 'UNSAFE' });
  });

  it('leaves undeclared entities as written and expands only the five predefined ones', async () => {
    const sheet = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&lt;a&gt; &amp; &#x3042; &foo;</t></is></c></row>');
    const model = await readWorkbook(rawXlsx({ sheet }), 'ent.xlsx');
    expect(model.sheets[0]!.rows[0]!.cells[0]!.v).toBe('<a> & あ &foo;');
  });
});

describe('__proto__ and friends', () => {
  it('reads prototype-ish strings, attributes and sheet names as plain data; Object.prototype stays clean', async () => {
    const sst = sstXml(['タスク名', '__proto__', 'constructor', '{"__proto__":{"polluted":true}}', 'prototype']);
    const sheet = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s" __proto__="x" constructor="y"><v>4</v></c></row>' +
        '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="inlineStr"><is><t>{"constructor":{"prototype":{"polluted":1}}}</t></is></c></row>',
    );
    const comments = '<?xml version="1.0"?><comments><commentList><comment ref="A1"><text><t>__proto__</t></text></comment></commentList></comments>';
    const bytes = rawXlsx({ sst, sheet, workbook: workbookXml('__proto__'), extra: [{ name: 'xl/comments1.xml', data: comments }] });
    for (const model of [await readWorkbook(bytes, 'proto.xlsx'), readWorkbookBytes(bytes, 'proto.xlsx')]) {
      expect(model.sheets[0]!.name).toBe('__proto__');
      const a = analyzeWorkbook(model, 'wbs');
      expect(a.ok).toBe(true);
      if (!a.ok) return;
      expect(a.table.columns.map((c) => c.extraKey ?? c.field)).toEqual(['name', 'B: __proto__', 'C: constructor', 'D: prototype']);
      expect(a.table.records[0]!.extra).toEqual({ 'B: __proto__': '{"__proto__":{"polluted":true}}', 'C: constructor': '{"constructor":{"prototype":{"polluted":1}}}' });
      expect(Object.getPrototypeOf(a.table.records[0]!.extra)).toBe(Object.prototype);
    }
    untouched();
  });
});

describe('broken and foreign files: one clear message each', () => {
  let valid: Buffer;
  beforeAll(async () => {
    valid = await workbook([{ name: 'WBS', rows: [['タスク名', '担当'], ['設計', '山田']] }]);
  });

  it('refuses a workbook cut short at any point', async () => {
    for (const keep of [0.1, 0.5, 0.9, 0.999]) {
      const r = await refusal(valid.subarray(0, Math.floor(valid.length * keep)), 'cut.xlsx');
      expect(r.code).toBe('DAMAGED');
      expect(r.message).toMatch(/^cut\.xlsx: the file is damaged/);
    }
  });

  it('refuses random bytes', async () => {
    for (const seed of [1, 2, 3]) {
      const r = await refusal(randomBytes(4096, seed), `random${seed}.xlsx`);
      expect(r).toEqual({ code: 'NOT_A_WORKBOOK', message: `random${seed}.xlsx: is not an Excel workbook or a CSV file (UTF-8 or Shift_JIS text)` });
    }
    // Random bytes behind a zip signature are a damaged zip, not a crash.
    const r = await refusal(Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(4096, 9)]), 'pk.xlsx');
    expect(r.code).toBe('DAMAGED');
  });

  it('reads a CSV renamed .xlsx as CSV, and says so', async () => {
    const model = await readWorkbook(Buffer.from('タスク名,担当者,開始日\n設計,山田,2025/4/1\n'), '工程表.xlsx');
    expect(model).toMatchObject({ format: 'csv', encoding: 'utf-8', notes: ['the file is named like a workbook but holds CSV text; it was read as CSV'] });
    const a = analyzeWorkbook(model, 'wbs');
    expect(a.ok && a.table.records[0]!.values).toEqual({ name: '設計', assignee: '山田', plannedStart: '2025-04-01' });
  });

  it('refuses a sheet claiming row 1,048,576, and reads a workbook whose other sheet is fine', async () => {
    const tall = sheetXml(`${rowXml(1, ['タスク名', '担当'])}${rowXml(2, ['設計', '山田'])}<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>`);
    const r = await refusal(rawXlsx({ sheet: tall }), 'tall.xlsx');
    expect(r.code).toBe('TOO_LARGE');
    expect(r.message).toBe(
      'tall.xlsx: has no sheet PMO Desk can read (WBS has values beyond row 101,000 (down to row 1,048,576 or more); PMO Desk reads sheets of up to 101,000 rows and imports up to 100,000 rows at a time: split the file)',
    );
    // A styled but empty cell down there is nothing: the sheet reads.
    const styledOnly = sheetXml(`${rowXml(1, ['タスク名'])}${rowXml(2, ['設計'])}<row r="1048576"><c r="A1048576" s="1"/></row>`);
    const model = await readWorkbook(rawXlsx({ sheet: styledOnly }), 'styled.xlsx');
    expect(model.sheets[0]!.rows.map((row) => row.r)).toEqual([0, 1]);
  });

  it('names what other files are', async () => {
    const cases: [Buffer, string, ReadErrorCode, RegExp][] = [
      [Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(504), 'hex'), 'old.xls', 'UNSUPPORTED', /Excel 97–2003 workbook \(\.xls\) or a password-protected workbook/],
      [zip([{ name: '[Content_Types].xml', data: '<Types/>', flags: 1 }]), 'locked.xlsx', 'ENCRYPTED', /is encrypted/],
      [Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'scan.xlsx', 'NOT_A_WORKBOOK', /is a PDF document/],
      [Buffer.from('<html><body><table><tr><td>1</td></tr></table></body></html>'), 'export.xls', 'UNSUPPORTED', /web page/],
      [Buffer.from('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), 'x2003.xml', 'UNSUPPORTED', /Excel 2003 XML/],
      [zip([{ name: 'word/document.xml', data: '<w:document/>' }]), 'memo.xlsx', 'NOT_A_WORKBOOK', /Word document/],
      [zip([{ name: '[Content_Types].xml', data: '<Types><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>' }]), 'b.xlsb', 'UNSUPPORTED', /\.xlsb/],
      [Buffer.alloc(0), 'empty.xlsx', 'NOT_A_WORKBOOK', /is empty/],
    ];
    for (const [bytes, name, code, message] of cases) {
      const r = await refusal(bytes, name);
      expect(r.code, name).toBe(code);
      expect(r.message, name).toMatch(message);
    }
  });
});

describe('the worker keeps a runaway read away from the app', () => {
  it('ends a read that needs more memory than its cap, with a message', async () => {
    const big = await japaneseWbs(3_000);
    const r = await refusal(big, 'big.xlsx', { maxOldGenerationSizeMb: 4 });
    expect(r).toMatchObject({ code: 'OUT_OF_MEMORY', message: expect.stringMatching(/^big\.xlsx: needs more than 4 MB to read and was stopped/) });
    // …and the next read works.
    expect((await readWorkbook(big, 'big.xlsx')).sheets[0]!.rows.length).toBe(3_002); // title, header, 3,000 tasks
  });

  it('keeps the worker warm after a small file and ends it after a big one, so its memory goes back', async () => {
    await readWorkbook(rawXlsx(), 'small.xlsx');
    expect(readerWorkerKept()).toBe(true);
    // A big file whose reading grows no heap (3 MB of a picture it never inflates, so read in the thread)
    // ends it: what a file inflates lives outside the heap.
    const picture = rawXlsx({ extra: [{ name: 'xl/media/image1.png', data: randomBytes(3 * 1024 * 1024), method: 0 }] });
    expect(inflatedSize(picture)).toBeLessThan(IN_THREAD_MAX_BYTES);
    await readWorkbook(picture, 'picture.xlsx');
    expect(readerWorkerKept()).toBe(false);
  });

  it('ends the warm worker after a job that grew its heap past 64 MB, though the file was small', async () => {
    // A 10,000-row export into a small client template: the file stays in the thread (a few KB), but
    // the rows written grow the worker's heap to well over 64 MB, which V8 keeps committed.
    const tpl = await japaneseWbs(3);
    const write = (n: number) => [{ sheet: 'WBS', firstRow: 4, lastRow: 4, columns: [0, 1, 2, 3, 4, 5, 6, 7], rows: Array.from({ length: n }, (_, i) => Array.from({ length: 8 }, (_, j) => ({ value: { t: 's' as const, v: `行${i}列${j}` } }))) }];
    await fillTemplateInWorker(tpl, write(100), { fileName: 'wbs.xlsx' });
    expect(readerWorkerKept()).toBe(true);
    const out = await fillTemplateInWorker(tpl, write(10_000), { fileName: 'wbs.xlsx' });
    expect(out.length).toBeLessThan(2 * 1024 * 1024);
    expect(readerWorkerKept()).toBe(false);
  });

  /** Rows of text: 100,000 are ~11 MB inflated, past IN_THREAD_MAX_BYTES. */
  const hundredThousand = (n = 100_000) =>
    rawXlsx({ sheet: sheetXml(Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>タスク${i}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join('')) });

  it('reads a file that inflates past IN_THREAD_MAX_BYTES in a child process that ends after it, so all its memory goes back; the warm thread stays for small files', async () => {
    await readWorkbook(rawXlsx(), 'small.xlsx');
    expect(readerWorkerKept()).toBe(true);
    const big = hundredThousand();
    expect(inflatedSize(big)).toBeGreaterThan(IN_THREAD_MAX_BYTES);
    const model = await readWorkbook(big, 'big.xlsx');
    expect(model.sheets[0]!.rows.length).toBe(100_000);
    expect(model.sheets[0]!.rows[99_999]!.cells[0]!.v).toBe('タスク99999');
    const child = lastReaderProcess()!;
    expect(child.pid).toBeGreaterThan(0);
    expect(child.pid).not.toBe(process.pid);
    // The child ends by itself after its answer: nothing of it stays.
    await expect.poll(() => lastReaderProcess()!.ended).toBe(true);
    expect(() => process.kill(child.pid!, 0)).toThrow(/ESRCH/);
    expect(readerWorkerKept()).toBe(true);
    // Its refusals cross as the thread's do, naming the file.
    const truncated = big.subarray(0, big.length - 10);
    expect(inflatedSize(truncated)).toBe(0); // no directory to go by: read in the thread, refused there
    const tooLong = hundredThousand(101_001);
    expect(inflatedSize(tooLong)).toBeGreaterThan(IN_THREAD_MAX_BYTES);
    expect(await refusal(tooLong, 'long.xlsx')).toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/^long\.xlsx: has no sheet PMO Desk can read \(.*beyond row 101,000/) });
    expect(lastReaderProcess()!.pid).not.toBe(child.pid);
  });

  it('writes into and looks at a big template in a child process too; an undefined cell in a write stays untouched', async () => {
    const big = hundredThousand();
    const facts = await inspectTemplateInWorker(big, { rows: { sheet: 'WBS', from: 1, to: 2, columns: [0, 1] } }, { fileName: 'big.xlsx' });
    expect(facts.sheets.map((x) => x.name)).toEqual(['WBS']);
    expect(facts.rows.length).toBe(2);
    const inspected = lastReaderProcess()!.pid;
    const out = await fillTemplateInWorker(big, [{ sheet: 'WBS', firstRow: 1, lastRow: 1, columns: [0, 1], rows: [[{ value: { t: 's' as const, v: '追加' } }, undefined]] }], { fileName: 'big.xlsx' });
    expect(lastReaderProcess()!.pid).not.toBe(inspected);
    const first = (await readWorkbook(out, 'out.xlsx')).sheets[0]!.rows[0]!;
    expect(first.cells.find((c) => c.c === 0)?.v).toBe('追加');
    expect(first.cells.find((c) => c.c === 1)?.v).toBe(0);
  });

  it('ends a child process that runs out of its heap or its time, with the message a worker gives', async () => {
    const big = hundredThousand();
    // The read packs its cells as it goes (model-pack.ts CellPacker): 100,000 rows fit in ~13 MB of heap.
    expect(await refusal(big, 'big.xlsx', { maxOldGenerationSizeMb: 8 })).toMatchObject({ code: 'OUT_OF_MEMORY', message: expect.stringMatching(/^big\.xlsx: needs more than 8 MB to read and was stopped/) });
    await expect.poll(() => lastReaderProcess()!.ended).toBe(true);
    expect(await refusal(big, 'big.xlsx', { timeoutMs: 50 })).toMatchObject({ code: 'TIMEOUT', message: expect.stringMatching(/^big\.xlsx: reading took longer than 50 ms and was stopped/) });
    await expect.poll(() => lastReaderProcess()!.ended).toBe(true);
  });

  it('a child process that reads as out of memory once ended with no one listening (its read already stopped for time) is not an error thrown in the app', async () => {
    // A stand-in reader that prints what V8 prints when a heap runs out, then hangs; it is ended as
    // capped-worker.ts ends one whose time ran out (its listeners gone), and its stderr then reads as OOM.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-late-oom-'));
    const script = path.join(dir, 'late-oom.mjs');
    const printed = path.join(dir, 'printed');
    fs.writeFileSync(script, `import fs from 'node:fs'; process.stderr.write('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\\n', () => fs.writeFileSync(${JSON.stringify(printed)}, '')); setInterval(() => {}, 1000);`);
    try {
      const child = new ReaderProcess(script, 256);
      child.postMessage({ bytes: new Uint8Array(8), fileName: 'big.xlsx', job: { kind: 'read' } });
      await expect.poll(() => fs.existsSync(printed)).toBe(true);
      await child.terminate();
      expect(child.ended).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts the child process without the environment: NODE_OPTIONS cannot load code into it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-env-'));
    const marker = path.join(dir, 'ran');
    const script = path.join(dir, 'evil.cjs');
    fs.writeFileSync(script, `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');`);
    const before = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `--require ${script}`;
    try {
      expect((await readWorkbook(hundredThousand(), 'big.xlsx')).sheets[0]!.rows.length).toBe(100_000);
      await expect.poll(() => lastReaderProcess()!.ended).toBe(true);
      expect(fs.existsSync(marker)).toBe(false);
    } finally {
      if (before === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = before;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the worker script from code, never from the environment', async () => {
    const built = await buildReaderWorker();
    const before = process.env.PMO_EXCEL_READER_WORKER;
    process.env.PMO_EXCEL_READER_WORKER = '/tmp/not-ours.mjs';
    try {
      expect(readerWorkerFile()).not.toBe('/tmp/not-ours.mjs');
      setReaderWorkerFile(undefined);
      // Run from the sources (no dist beside them): not built, rather than the environment's script.
      expect(() => readerWorkerFile()).toThrow(/the Excel reader is not built/);
    } finally {
      setReaderWorkerFile(built);
      if (before === undefined) delete process.env.PMO_EXCEL_READER_WORKER;
      else process.env.PMO_EXCEL_READER_WORKER = before;
    }
  });

  it('writes into templates in the same capped worker: its refusals cross as they are, a runaway fill is ended', async () => {
    const tpl = await japaneseWbs(3_000);
    const rows = [[{ value: { t: 's' as const, v: '追加' } }]];
    const out = await fillTemplateInWorker(tpl, [{ sheet: 'WBS', firstRow: 4, lastRow: 4, columns: [1], rows }], { fileName: 'wbs.xlsx' });
    expect((await readWorkbook(out, 'out.xlsx')).sheets[0]!.rows.find((r) => r.r === 3)!.cells.find((c) => c.c === 1)?.v).toBe('追加');
    const missing = await fillTemplateInWorker(tpl, [{ sheet: 'Nope', firstRow: 1, lastRow: 1, columns: [0], rows }], { fileName: 'wbs.xlsx' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(TemplateError);
    expect(missing).toMatchObject({ code: 'NO_SHEET', message: expect.stringMatching(/^wbs\.xlsx: has no sheet named "Nope"/) });
    const capped = await fillTemplateInWorker(tpl, [{ sheet: 'WBS', firstRow: 4, lastRow: 4, columns: [1], rows }], { fileName: 'wbs.xlsx', worker: { maxOldGenerationSizeMb: 4 } }).catch((e: unknown) => e);
    expect(capped).toMatchObject({ code: 'OUT_OF_MEMORY', message: expect.stringMatching(/^wbs\.xlsx: needs more than 4 MB to write into and was stopped/) });
  });

  it('looks at templates (sheets, names, rows) in the same capped worker: a runaway look is ended naming the file', async () => {
    const tpl = rawXlsx(manyNamesTemplate(100_000));
    const facts = await inspectTemplateInWorker(tpl, { names: [{ name: 'name_7', sheet: 'WBS' }, { name: 'Nope' }], rows: { sheet: 'WBS', from: 1, to: 5, columns: [0, 1] } }, { fileName: 'names.xlsx' });
    expect(facts).toMatchObject({ date1904: false, sheets: [{ name: 'WBS', kind: 'worksheet' }], named: [{ sheet: 'WBS', ref: 'B8' }, null], definedNames: [] });
    const refused = await inspectTemplateInWorker(tpl, { rows: { sheet: 'Nope', from: 1, to: 5, columns: [0] } }, { fileName: 'names.xlsx' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'NO_SHEET', message: expect.stringMatching(/^names\.xlsx: has no sheet named "Nope"/) });
    const capped = await inspectTemplateInWorker(tpl, { listNames: true }, { fileName: 'names.xlsx', worker: { maxOldGenerationSizeMb: 4 } }).catch((e: unknown) => e);
    expect(capped).toMatchObject({ code: 'OUT_OF_MEMORY', message: expect.stringMatching(/^names\.xlsx: needs more than 4 MB to read and was stopped/) });
    const slow = await inspectTemplateInWorker(tpl, { listNames: true }, { fileName: 'names.xlsx', worker: { timeoutMs: 1 } }).catch((e: unknown) => e);
    expect(slow).toMatchObject({ code: 'TIMEOUT', message: expect.stringMatching(/^names\.xlsx: reading took longer than 1 ms and was stopped/) });
  });

  it('ends a read that takes too long', async () => {
    const r = await refusal(await japaneseWbs(2_000), 'slow.xlsx', { timeoutMs: 1 });
    expect(r).toMatchObject({ code: 'TIMEOUT', message: 'slow.xlsx: reading took longer than 1 ms and was stopped; the file is too large or malformed' });
    // The worker kept between files was the one stopped: the next read starts a fresh one and works.
    expect((await readWorkbook(await japaneseWbs(10), 'next.xlsx')).sheets[0]!.rows.length).toBe(12);
  });
});
