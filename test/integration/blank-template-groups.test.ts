// A blank client template whose logical columns are header cells merged across columns (No over A:B,
// 課題 over C:H …) while its rows below are not merged — drawn with borders only — is registered as a
// profile (様式を登録) and exported into: each record's value goes into its group's first cell, as a
// person types it, instead of the export refusing the profile as mapping no column (issue 11).
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const thin = { style: 'thin' as const };

async function template(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('課題');
  s.getCell('A1').value = '課題管理表';
  for (const [a, b, label] of [['A3', 'B3', 'No'], ['C3', 'H3', '課題'], ['I3', 'J3', '担当者'], ['K3', 'L3', '状況']]) {
    s.getCell(a!).value = label!;
    s.mergeCells(`${a}:${b}`);
  }
  for (let r = 4; r < 24; r++) for (let c = 1; c <= 12; c++) s.getCell(r, c).border = { top: thin, bottom: thin, left: thin, right: thin };
  for (let r = 4; r < 24; r++) s.getCell(r, 11).dataValidation = { type: 'list', allowBlank: true, formulae: ['"未着手,対応中,完了"'] };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a blank template with merged header groups over unmerged rows', () => {
  it('is registered and exported into: each value in its group’s first cell', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P', code: 'P' });
      await call('issue.create', { projectId, values: { title: 'Login fails', owner: 'Ann' } });
      await call('issue.create', { projectId, values: { title: 'Slow search', owner: 'Bob' } });
      const { profile, layout } = await call('profile.registerTable', { register: 'issue', fileName: 'template.xlsx', dataBase64: (await template()).toString('base64'), name: 'client' });
      expect(layout.columns.map((c) => [c.column, c.field])).toEqual([
        ['A:B', 'ref'],
        ['C:H', 'title'],
        ['I:J', 'owner'],
        ['K:L', 'status'],
      ]);
      const out = await call('excel.export', { projectId, register: 'issue', profileId: profile!.id });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as unknown as ArrayBuffer);
      const s = wb.getWorksheet('課題')!;
      expect(['A4', 'C4', 'I4', 'K4', 'C5', 'I5'].map((a) => s.getCell(a).value)).toEqual(['I-001', 'Login fails', 'Ann', '未着手', 'Slow search', 'Bob']);
      // Nothing written in the groups' other cells.
      expect(['B4', 'D4', 'J4', 'L4'].map((a) => s.getCell(a).value)).toEqual([null, null, null, null]);
      // Read back, the export is the same two issues.
      const again = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'out.xlsx', dataBase64: out.dataBase64 });
      expect(again.counts).toMatchObject({ new: 0, unchanged: 2 });
    } finally {
      ws.close();
    }
  });
});
