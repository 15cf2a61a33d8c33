// A 方眼紙 form (every logical column a merged group of cells, No over B:C) with numbered prepared rows
// under its records (blind set 12, E4, issues-jichitai-hyoujunka): a new record fills the first prepared
// row and takes its number (the next of the records' codes where the prepared rows are blank); the
// prepared rows below and the notes under the table stay on their rows.
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
  for (const numbers of ['plain', 'code', 'blank', 'formula'] as GridFormNumbers[])
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
      // (Under blank prepared rows the record's ID is the next of the records' codes.)
      expect(after[4]).toBe(`${before[4]}${numbers === 'blank' || numbers === 'formula' ? ' Q-005' : ''} 窓口端末の更新時期を決める。`);
      expect(after.slice(5)).toEqual(before.slice(5));
    });
});

// A removed record's row of such a form goes back to the prepared rows' state (blind set 13, E3,
// change-ecr-ecn: the last record deleted left its ECR-25-040 in the cleared row of a form whose
// prepared rows are blank, read back as a record under the table): blank where they are blank,
// numbered where they are numbered.
describe('a removed record of a 方眼紙 form with prepared rows is cleared to their state', () => {
  for (const [numbers, which] of [['blank', 'last'], ['blank', 'middle'], ['formula', 'last'], ['formula', 'middle'], ['plain', 'last'], ['code', 'middle']] as [GridFormNumbers, 'last' | 'middle'][])
    it(`${numbers} prepared rows, the ${which} record removed`, async () => {
      const { id: projectId } = await call('project.create', { name: `grid ${numbers} ${which}` });
      const bytes = await gridFormPrepared(numbers);
      const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'form.xlsx', dataBase64: bytes.toString('base64') });
      const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `grid ${numbers} ${which}` } });
      const issues = (await call('issue.list', { projectId })) as unknown as { id: number }[];
      const gone = which === 'last' ? 3 : 1;
      await call('issue.delete', { id: issues[gone]!.id });
      const out = Buffer.from((await call('excel.export', { projectId, register: 'issue', profileId: profileId! })).dataBase64, 'base64');
      const before = await shown(bytes);
      const after = await shown(out);
      // The removed record's row (6 or 8) shows what a prepared row shows in No (row 9's: a number, or nothing), nothing else.
      const row = 5 + gone;
      const printed = numbers === 'blank' || numbers === 'formula' ? '' : numbers === 'plain' ? String(gone + 1) : `Q-00${gone + 1}`;
      expect(after[gone]).toBe(`${row}: ${printed}`.trim());
      expect(after.filter((_, k) => k !== gone)).toEqual(before.filter((_, k) => k !== gone));
      const again = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'form.xlsx', dataBase64: out.toString('base64'), profileId: profileId! });
      expect([again.counts.new, again.counts.changed, again.missing.length]).toEqual([0, 0, 0]);
    });
});
