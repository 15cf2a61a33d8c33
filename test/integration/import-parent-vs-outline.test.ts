// A parent column beside the file's own outline (a Lv column): where the parent cells can be read as
// another column's IDs but then give another tree than the outline, the outline is the tree and the
// parent column stays the client's (review T6: a 親タスク column of SHEET ROW numbers, 3 / 4 / 7, was
// matched to the # column, whose values 1…N hold the same numbers; the tree came out wrong, with loops,
// and the Lv column that gave the right one was ignored). The export leaves the parent cells as they are.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { failuresOf, roundTrip } from '../roundtrip/harness.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Title on row 1, header on row 2; 親タスク holds the parent's sheet row. */
async function plan(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('メイン');
  ws.addRow(['開発計画']);
  ws.addRow(['#', 'Lv', 'タスク名', '開始', '終了', '親タスク']);
  const rows: [number, string, number | null][] = [
    [1, '設計', null],
    [2, '機能1', 3],
    [3, 'タスクA', 4],
    [3, 'タスクB', 4],
    [2, '機能2', 3],
    [3, 'タスクC', 7],
    [3, 'タスクD', 7],
  ];
  rows.forEach(([lv, name, parent], k) => {
    const row = ws.addRow([k + 1, lv, name, d('2025-06-02'), d('2025-06-06'), parent]);
    row.getCell(4).numFmt = 'yyyy/mm/dd';
    row.getCell(5).numFmt = 'yyyy/mm/dd';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a parent column against the file outline', () => {
  it('takes the Lv column tree where the parent column read by # would give another', async () => {
    const bytes = await plan();
    const { id: projectId } = await call('project.create', { name: 'lv' });
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: bytes.toString('base64') });
    expect(preview.hierarchy).toBe('level');
    expect(preview.problems.filter((p) => p.code === 'parentCycle' || p.code === 'parentUnknown')).toEqual([]);
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'lv' } });
    const tasks = tasksOfTable(await call('wbs.rows', { projectId }));
    const depth = new Map<number, number>();
    for (const t of tasks) depth.set(t.id, t.parentId === null ? 0 : depth.get(t.parentId)! + 1);
    expect(tasks.map((t) => `${depth.get(t.id)}:${t.name}`)).toEqual(['0:設計', '1:機能1', '2:タスクA', '2:タスクB', '1:機能2', '2:タスクC', '2:タスクD']);
    // A rename elsewhere leaves every 親タスク cell as the client wrote it.
    const t = tasks.find((x) => x.name === 'タスクD')!;
    await call('wbs.update', { id: t.id, patch: { name: 'タスクD改' } });
    const out = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64, 'base64');
    const rows = readWorkbookBytes(out, 'x.xlsx').sheets[0]!.rows;
    expect(rows.filter((r) => r.r >= 2).map((r) => r.cells.find((c) => c.c === 5)?.v ?? null)).toEqual([null, 3, 4, 4, 3, 7, 7]);
  });

  it('comes back as stored after random edit scripts', async () => {
    const outcome = await roundTrip(call, 'wbs-parent-rows.xlsx', await plan(), 'wbs', { scripts: 8, seed: 3 });
    expect(failuresOf(outcome)).toEqual([]);
  });
});
