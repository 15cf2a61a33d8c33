// A WBS whose phase is written once and merged down column A over its tasks' rows (no row of its own;
// blind finding F4): after a phase is indented under another, the export must not write the phase into a
// cell hidden under the other's merge, and the re-import must not read a phantom phase.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const PHASES: [string, [string, string, string, string][]][] = [
  ['要件定義', [['現行調査', '田中', '2025-04-01', '2025-04-04'], ['要件整理', '田中', '2025-04-07', '2025-04-11'], ['要件定義書作成', '佐藤', '2025-04-14', '2025-04-18']]],
  ['設計', [['基本設計', '佐藤', '2025-04-21', '2025-05-02'], ['詳細設計', '鈴木', '2025-05-07', '2025-05-16']]],
  ['製造', [['画面製造', '鈴木', '2025-05-19', '2025-05-30'], ['帳票製造', '山田', '2025-05-19', '2025-06-06'], ['バッチ製造', '山田', '2025-06-09', '2025-06-13']]],
  ['試験', [['結合試験', '田中', '2025-06-16', '2025-06-27'], ['総合試験', '佐藤', '2025-06-30', '2025-07-11']]],
];

/** 工程表: header row 4, the phase written once in A and merged down over its tasks' rows. */
async function mergedPhase(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('工程表');
  s.getCell('A1').value = '工程表';
  s.getRow(4).values = ['フェーズ', 'タスク', '担当', '開始', '終了', '備考'];
  let r = 5;
  for (const [phase, tasks] of PHASES) {
    s.getCell(r, 1).value = phase;
    s.getCell(r, 1).alignment = { vertical: 'middle' };
    if (tasks.length > 1) s.mergeCells(r, 1, r + tasks.length - 1, 1);
    for (const [name, who, start, finish] of tasks) {
      s.getRow(r).getCell(2).value = name;
      s.getRow(r).getCell(3).value = who;
      s.getRow(r).getCell(4).value = d(start);
      s.getRow(r).getCell(5).value = d(finish);
      s.getRow(r).getCell(6).value = `memo ${name}`;
      r++;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const imported = (bytes: Buffer, name: string) => importWithProfile(call, bytes, name);

describe('a WBS whose phase is merged down column A (F4)', () => {
  it('a phase indented under another comes back as what is stored: no phantom phase, no cell written under a merge', async () => {
    const { projectId, profileId } = await imported(await mergedPhase(), 'merged-phase');
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    expect(tasks.filter((t) => t.level === 0).map((t) => t.name)).toEqual(['要件定義', '設計', '製造', '試験']);
    await call('wbs.indent', { ids: [tasks.find((t) => t.name === '製造')!.id] });
    const stored = await call('wbs.rows', { projectId }).then(tasksOfTable);
    expect(stored.find((t) => t.name === '製造')!.level).toBe(1);
    const out = await call('excel.export', { projectId, register: 'wbs', profileId });
    expect(out.underMerge).toBeUndefined();
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'merged-phase.xlsx', dataBase64: out.dataBase64, profileId });
    // Tasks deeper than the file has places for come back under the deepest ancestor it can show (named in tooDeep).
    const deep = new Set((out.tooDeep ?? []).map((t) => t.name));
    const changed = again.rows.filter((r) => r.status !== 'unchanged').map((r) => ({ name: r.name, status: r.status, changes: (r.changes ?? []).filter((c) => !(c.field === 'parent' && deep.has(r.name))) })).filter((r) => r.status !== 'changed' || r.changes.length > 0);
    expect(changed).toEqual([]);
    expect(again.missing).toEqual([]);
    // The phases the file shows: the three left at the top, each once.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
    const s = wb.getWorksheet('工程表')!;
    const shown = [...new Set(Array.from({ length: 12 }, (_, i) => s.getCell(5 + i, 1).value).filter((v) => v !== null))];
    expect(shown).toEqual(['要件定義', '設計', '試験']);
  });
});
