// Review U5 (2383c69, stacked two-row register headers): a 予定/実績 plan (blind set 3's H8: two rows per task,
// No and 作業名 merged down over each task's two rows, 区分 labelling them) under a header of TWO rows —
// (A) a group word typed in one cell over its dates (日程 over 開始日 | 終了日, not merged across), or
// (B) the form's hint under each date (開始日 over (yyyy/mm/dd)) — must still read each 実績 row as its
// task's actual dates, as with a one-row header.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function book(top: (string | null)[], bottom: (string | null)[], mergeHeader: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(top);
  ws.addRow(bottom);
  for (const m of mergeHeader) ws.mergeCells(m);
  const rows: [number | null, string | null, string, string | null, string | null][] = [
    [1, '移行計画', '予定', '2025-06-02', '2025-06-06'],
    [null, null, '実績', '2025-06-03', '2025-06-09'],
    [2, '移行リハーサル', '予定', '2025-06-09', '2025-06-13'],
    [null, null, '実績', '2025-06-10', null],
    [3, '本番移行', '予定', '2025-06-16', '2025-06-20'],
    [null, null, '実績', null, null],
  ];
  for (const [no, name, label, a, b] of rows) {
    const row = ws.addRow([no, name, label, a && d(a), b && d(b)]);
    row.getCell(4).numFmt = 'yyyy/m/d';
    row.getCell(5).numFmt = 'yyyy/m/d';
  }
  for (const r of [3, 5, 7]) {
    ws.mergeCells(`A${r}:A${r + 1}`);
    ws.mergeCells(`B${r}:B${r + 1}`);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('H8 under a two-row header', () => {
  it.each<[string, (string | null)[], (string | null)[], string[]]>([
    ['(A) 日程 over 開始日 | 終了日, typed in one cell', ['No', '作業名', '区分', '日程', null], [null, null, null, '開始日', '終了日'], ['A1:A2', 'B1:B2', 'C1:C2']],
    ['(B) hints under the dates', ['No', '作業名', '区分', '開始日', '終了日'], [null, null, null, '(yyyy/mm/dd)', '(yyyy/mm/dd)'], ['A1:A2', 'B1:B2', 'C1:C2']],
  ])('%s', async (name, top, bottom, merges) => {
    const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: (await book(top, bottom, merges)).toString('base64') });
    await call('excel.applyImport', { previewId: p.previewId, options: {} });
    const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as Record<string, unknown>[];
    expect(tasks.map((t) => [t.name, t.plannedStart, t.plannedFinish, t.actualStart, t.actualFinish])).toEqual([
      ['移行計画', '2025-06-02', '2025-06-06', '2025-06-03', '2025-06-09'],
      ['移行リハーサル', '2025-06-09', '2025-06-13', '2025-06-10', null],
      ['本番移行', '2025-06-16', '2025-06-20', null, null],
    ]);
  });
});
