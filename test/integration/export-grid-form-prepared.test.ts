// A 方眼紙 form (every logical column a merged group of cells, No over B:C) with numbered prepared rows
// under its records (blind set 12, E4, issues-jichitai-hyoujunka): a new record fills the first prepared
// row and takes its number; the prepared rows below and the notes under the table stay on their rows.
// Before, the No. column's merge (span 2) kept a row holding its next number alone from being seen as a
// prepared row, and the prepared rows, drawn plainer than the records, were taken for rows below the
// table: the record was inserted above them, which moved down one with the notes (the number twice).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace, type Call } from '../helpers/workspace.js';
import { gridFormPrepared, type GridFormNumbers } from '../roundtrip/layouts.js';

let ws: ReturnType<typeof tempWorkspace>;
let call: Call;

beforeAll(async () => {
  await buildReaderWorker();
  ws = tempWorkspace();
  call = inProcessCaller(ws);
});

afterAll(() => ws.close());

/** Column B (No) and G (課題内容) of rows 5–17, as shown. */
async function shown(bytes: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const s = wb.getWorksheet('課題管理表')!;
  return Array.from({ length: 13 }, (_, k) => `${k + 5}: ${s.getCell(`B${k + 5}`).text} ${s.getCell(`G${k + 5}`).text}`.trim());
}

describe('a new record in a 方眼紙 form with numbered prepared rows fills the first of them', () => {
  for (const numbers of ['plain', 'code'] as GridFormNumbers[])
    it(`${numbers} numbers: the record takes row 9 and its number, the rows below stay`, async () => {
      const { id: projectId } = await call('project.create', { name: `grid ${numbers}` });
      const bytes = await gridFormPrepared(numbers);
      const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'form.xlsx', dataBase64: bytes.toString('base64') });
      expect(p.rows.map((r) => r.row)).toEqual([5, 6, 7, 8]);
      const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `grid ${numbers}` } });
      await call('issue.create', { projectId, values: { title: '窓口端末の更新時期を決める。' } });
      const out = Buffer.from((await call('excel.export', { projectId, register: 'issue', profileId: profileId! })).dataBase64, 'base64');
      const before = await shown(bytes);
      const after = await shown(out);
      // Rows 5–8 unchanged; row 9 the new record with the prepared row's number; rows 10–17 as they were.
      expect(after.slice(0, 4)).toEqual(before.slice(0, 4));
      expect(after[4]).toBe(`${before[4]} 窓口端末の更新時期を決める。`);
      expect(after.slice(5)).toEqual(before.slice(5));
    });
});
