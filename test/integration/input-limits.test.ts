// What the API answers to input built to hurt it, found by the security audit (issue 20) and the
// durability audit (issue 19): every answer is VALIDATION or CONFLICT naming the file or field, never
// INTERNAL, and nothing is stored after a refusal.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { rawXlsx } from '../fixtures/excel/xlsx.js';
import { hostileTemplateParts, manyNamesTemplate } from '../fixtures/excel/hostile.js';
import type { ApiError } from '../../electron/common/errors.js';
import { failure } from '../helpers/failure.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const contentTypes = (overrides: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`;

describe('templates with a broken content-types entry', () => {
  it('sheetPreview reads the workbook the import reads (a stray Override typed as a workbook answered INTERNAL)', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    // A sheet part typed as a workbook, listed before the real one: the writer used to take the first
    // type that looked like a workbook and found no sheets in it.
    const stray = `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.sheet.main+xml"/><Override PartName="/xl/workbook.xml" ContentType="${MAIN}"/>`;
    const preview = await call('excel.sheetPreview', { fileName: 'stray.xlsx', dataBase64: rawXlsx({ contentTypes: contentTypes(stray) }).toString('base64') });
    expect(preview.sheets.map((s) => s.name)).toEqual(['WBS']);
    // A workbook part that lists no sheets: VALIDATION naming the file.
    const none = `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${MAIN}"/>`;
    const err = await failure(call('excel.sheetPreview', { fileName: 'none.xlsx', dataBase64: rawXlsx({ contentTypes: contentTypes(none) }).toString('base64') }));
    expect(err).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('none.xlsx: ') });
    expect(err.message).toContain('lists no sheets');
    ws.close();
  });
});

describe('a profile saved from a CSV import', () => {
  it('is refused for export with a message saying why (it answered "no zip directory")', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const csv = Buffer.from('課題名,状況,担当者\nログイン仕様の確認,未着手,山田\n');
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: '課題.csv', dataBase64: csv.toString('base64') });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'CSV' } });
    const err = await failure(call('excel.export', { projectId, register: 'issue', profileId: profileId! }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(
      "profile CSV was saved from a CSV file (課題.csv), which has no layout to write into: export in PMO Desk's own layout, or save a profile from the client's Excel workbook",
    );
    ws.close();
  });
});

describe('JSON inputs have a depth and a size', () => {
  const nested = (depth: number): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
    return v;
  };

  it('settings.set: 3,000 levels (a stack overflow, INTERNAL) and 2 MB are VALIDATION; nothing is stored', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    for (const [value, message] of [
      [nested(3_000), 'is nested deeper than 32 levels'],
      [nested(100_000), 'is nested deeper than 32 levels'],
      ['x'.repeat(2 * 1024 * 1024), 'is larger than 1,048,576 characters'],
      [Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])), 'holds more than 10,000 keys'],
    ] as const) {
      const err = await failure(call('settings.set', { key: 'grid.risk', value: value as never }));
      expect(err).toMatchObject({ code: 'VALIDATION', details: [{ field: 'value', message }] });
    }
    expect(await call('settings.get', { key: 'grid.risk' })).toBeNull();
    // Within the limits: stored and read back.
    await call('settings.set', { key: 'grid.risk', value: nested(30) as never });
    expect(await call('settings.get', { key: 'grid.risk' })).toEqual(nested(30));
    ws.close();
  });

  it("a row's extra: deep, too many keys or too large is VALIDATION on create, update and paste", async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const manyKeys = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`列${i}`, i]));
    const err = await failure(call('risk.create', { projectId, values: { title: 'r', extra: manyKeys } }));
    expect(err).toMatchObject({ code: 'VALIDATION', details: [{ field: 'values.extra', message: 'holds more than 1,000 keys' }] });
    expect(await failure(call('issue.create', { projectId, values: { title: 'i', extra: { a: nested(5_000) } as never } }))).toMatchObject({
      code: 'VALIDATION',
      details: [{ field: 'values.extra', message: 'is nested deeper than 8 levels' }],
    });
    const risk = await call('risk.create', { projectId, values: { title: 'r', extra: { 備考: 'a' } } });
    expect(await failure(call('risk.update', { id: risk.id, patch: { extra: { big: 'x'.repeat(2 * 1024 * 1024) } } }))).toMatchObject({
      code: 'VALIDATION',
      details: [{ field: 'patch.extra', message: 'is larger than 1,048,576 characters' }],
    });
    const pasted = await call('risk.applyCells', { projectId, updates: [{ id: risk.id, patch: { extra: manyKeys } }] }).catch((e: unknown) => e);
    expect(pasted).toMatchObject({ code: 'VALIDATION' });
    expect((await call('risk.list', { projectId })).map((r) => r.extra)).toEqual([{ 備考: 'a' }]);
    ws.close();
  });

  it('a register whose rows hold more extra columns than a sheet has is refused for xlsx with a message, written as CSV', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    for (let r = 0; r < 17; r++)
      await call('change.create', { projectId, values: { title: `c${r}`, extra: Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`r${r}c${i}`, i])) } });
    const err = await failure(call('excel.export', { projectId, register: 'change' }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/^the change register's rows hold 17,000 different extra columns; an Excel sheet holds 16,384 columns/);
    const csv = await call('excel.export', { projectId, register: 'change', format: 'csv' });
    expect(Buffer.from(csv.dataBase64, 'base64').toString('utf8').split('\n')[0]!.split(',').length).toBeGreaterThan(17_000);
    ws.close();
  });
});

describe("the import's limits hold", () => {
  const preview = async (fileName: string, bytes: Buffer) => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    try {
      return await failure(call('excel.previewImport', { projectId, register: 'issue', fileName, dataBase64: bytes.toString('base64') }));
    } finally {
      ws.close();
    }
  };

  it('more than 100,000 rows of data is refused naming the file and sheet (199,998 rows were previewed and applied)', async () => {
    const csv = Buffer.from(`課題名,状況\n${Array.from({ length: 100_500 }, (_, i) => `課題${i},未着手\n`).join('')}`);
    expect(await preview('課題.csv', csv)).toMatchObject({
      code: 'VALIDATION',
      message: 'dataBase64: 課題.csv: sheet 課題 has 100,500 rows of data; PMO Desk imports up to 100,000 rows at a time: split the file',
    });
    // An xlsx sheet going on past row 101,000 is not read on (its reading stops there) and is named.
    const rows = Array.from({ length: 150_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const err = await preview('big.xlsx', rawXlsx({ sheet: `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>` }));
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toBe(
      'dataBase64: big.xlsx: has no sheet PMO Desk can read (WBS has values beyond row 101,000 (down to row 150,000 or more); PMO Desk reads sheets of up to 101,000 rows and imports up to 100,000 rows at a time: split the file)',
    );
  });

  it('a cell longer than Excel allows (32,767 characters) is refused naming the cell', async () => {
    const long = 'あ'.repeat(40_000);
    expect((await preview('long.csv', Buffer.from(`課題名,状況\n${long},未着手\n`))).message).toBe(
      'dataBase64: long.csv: row 2 column 1 holds 40,000 characters; an Excel cell holds at most 32,767',
    );
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>課題名</t></is></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>${long}</t></is></c></row></sheetData></worksheet>`;
    expect((await preview('long.xlsx', rawXlsx({ sheet }))).message).toBe(
      'dataBase64: long.xlsx: sheet WBS cell B2 holds 40,000 characters; an Excel cell holds at most 32,767',
    );
  });
});

describe('hostile templates through the API', () => {
  it('a 2 KB workbook built to make the XML scans quadratic is saved as a card, previewed and exported at once', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const risk = await call('risk.create', { projectId, values: { title: 'ベンダー遅延' } });
    for (const { name, parts } of hostileTemplateParts().filter((h) => h.name.startsWith('workbook-'))) {
      const dataBase64 = rawXlsx(parts).toString('base64');
      const fileName = `${name}.xlsx`;
      // Each answers (before the fix the first alone took 27 s on the app's thread, then froze every export).
      const saved = await call('profile.createCard', { name, fileName, dataBase64, card: { register: 'risk', sheet: 'WBS', cells: [{ field: 'title', ref: 'B2' }] } }).catch((e: ApiError) => e);
      if (saved instanceof Error) {
        expect(saved.code, name).toBe('VALIDATION');
        expect(saved.message, name).toContain(fileName);
        continue;
      }
      const preview = await call('excel.sheetPreview', { profileId: saved.id }).catch((e: ApiError) => e);
      if (preview instanceof Error) expect(['VALIDATION', 'CONFLICT'], name).toContain(preview.code);
      const out = await call('excel.export', { projectId, register: 'risk', profileId: saved.id, recordId: risk.id });
      expect(out.fileName, name).toMatch(/\.xlsx$/);
    }
    ws.close();
  });

  it('a template with 100,000 defined names is looked at in the worker: the app answers other calls meanwhile, and a name it lacks is VALIDATION naming the file', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const risk = await call('risk.create', { projectId, values: { title: 'ベンダー遅延' } });
      const fileName = 'many-names.xlsx';
      const dataBase64 = rawXlsx(manyNamesTemplate(100_000)).toString('base64');
      /** Which answers first: `slow`, started before it, or a small call started right after it. */
      const first = async (slow: Promise<unknown>) => {
        const order: string[] = [];
        const small = call('app.info', {}).then(() => order.push('small'));
        await Promise.all([slow.then(() => order.push('slow'), () => order.push('slow')), small]);
        return order[0];
      };
      // Saving a card checks every named cell: before, the names were looked up on the app's thread, so
      // the call held it to the end and a call made after it could only answer after it.
      const card = { register: 'risk' as const, sheet: 'WBS', cells: [{ field: 'title', ref: 'Name_99999' }] };
      const saving = call('profile.createCard', { name: 'card', fileName, dataBase64, card });
      expect(await first(saving)).toBe('small');
      const saved = await saving;
      const missing = call('profile.createCard', { name: 'card 2', fileName, dataBase64, card: { ...card, cells: [{ field: 'title', ref: 'Name_100000' }] } });
      expect(await first(missing)).toBe('small');
      expect(await missing.catch((e: ApiError) => e)).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining(`${fileName}: the form names Name_100000`) });
      const updating = call('profile.updateCard', { id: saved.id, card: { ...card, cells: [{ field: 'title', ref: 'Name_5' }] } });
      expect(await first(updating)).toBe('small');
      await updating;
      // The preview lists every name (a few seconds on the app's thread before) and the export resolves them, both in the worker.
      const preview = await call('excel.sheetPreview', { profileId: saved.id });
      expect(preview.names).toHaveLength(100_000);
      expect(preview.names[5]).toEqual({ name: 'Name_5', sheet: 'WBS', ref: 'B6' });
      const out = await call('excel.export', { projectId, register: 'risk', profileId: saved.id, recordId: risk.id });
      expect(out.fileName).toMatch(/\.xlsx$/);
    } finally {
      ws.close();
    }
  });
});
