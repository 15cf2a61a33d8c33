// What the API answers to input built to hurt it, found by the security audit (issue 20) and the
// durability audit (issue 19): every answer is VALIDATION or CONFLICT naming the file or field, never
// INTERNAL, and nothing is stored after a refusal.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { rawXlsx } from '../fixtures/excel/xlsx.js';
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
