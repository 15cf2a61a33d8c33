// A register whose ID column holds numbers stored as text ('1', '2', '3', or zero-padded '001' …: a CSV,
// a column formatted as 文字列) keeps that scheme for a new record (review U3): the next number, in the
// client's width, not PMO Desk's R-001 among them. The same IDs typed as numbers are PMO Desk's own
// (R-001 …) and go back to the file as numbers (export-numeric-no).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';

const { call } = fileWorkspace();

async function riskBook(ids: (string | number)[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Risks');
  ws.addRow(['ID', 'Risk', 'Probability', 'Impact', 'Status']);
  ids.forEach((id, i) => ws.addRow([id, `risk ${i + 1}`, 'High', 'Low', 'Open']));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** Column A of the first sheet, data rows, as the cells hold them. */
const columnA = (b64: string) =>
  readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r > 0).map((r) => r.cells.find((c) => c.c === 0)?.v ?? null);

describe('IDs written as text numbers', () => {
  it.each([
    [['1', '2', '3'], '4', ['1', '2', '3', '4']],
    [['001', '002', '003'], '004', ['001', '002', '003', '004']],
    [['１', '２', '３'], '4', ['１', '２', '３', '4']],
    [[1, 2, 3], 'R-004', [1, 2, 3, 4]],
  ])('%j: a new risk is %s', async (ids, next, column) => {
    const { id: projectId } = await call('project.create', { name: 'P' });
    const preview = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'r.xlsx', dataBase64: await riskBook(ids) });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: `ids ${JSON.stringify(ids)}` } });
    const created = await call('risk.create', { projectId, values: { title: 'new one' } });
    expect(created.ref).toBe(next);
    const out = await call('excel.export', { projectId, register: 'risk', profileId: profileId! });
    expect(columnA(out.dataBase64)).toEqual(column);
  });
});
