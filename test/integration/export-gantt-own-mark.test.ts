// A gantt band of weeks under text heads (10/6, 10/13 …) whose legend reads ■予定 ●実績: a done task's
// weeks are marked ●, a planned task's ■ (blind set 1, wbs-jp-stepped). When a task's dates move its bar
// is painted again with the row's own mark: a planned task stays ■ (it was repainted with the band's
// commonest mark, ●, as if done), a done task stays ●, and no other row's marks change.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const HEADS = ['10/6', '10/13', '10/20', '10/27', '11/3', '11/10'];
// name, start, finish, status, mark: weeks run Monday 10/6 … 11/10 of 2025.
const TASKS: [string, string, string, string, string][] = [
  ['現状分析', '2025-10-06', '2025-10-10', '完了', '●'],
  ['要件定義', '2025-10-09', '2025-10-20', '完了', '●'],
  ['基本設計', '2025-10-14', '2025-10-24', '完了', '●'],
  ['詳細設計', '2025-10-27', '2025-11-07', '未着手', '■'],
  ['製造', '2025-11-03', '2025-11-14', '未着手', '■'],
];
const weekOf = (iso: string) => Math.floor((Date.parse(iso) - Date.parse('2025-10-06')) / (7 * 86_400_000));

async function stepped(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('ＷＢＳ');
  ws.getCell('A1').value = '凡例：■予定　●実績';
  ws.getRow(2).values = ['ID', '作業内容', '予定開始', '予定終了', '状態', ...HEADS];
  TASKS.forEach(([name, s, f, status, mark], i) => {
    const r = 3 + i;
    ws.getRow(r).values = [i + 1, name, d(s), d(f), status];
    for (let w = weekOf(s); w <= weekOf(f); w++) ws.getCell(r, 6 + w).value = mark;
  });
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const bandOf = (ws: ExcelJS.Worksheet, r: number) => HEADS.map((_, k) => String(ws.getCell(r, 6 + k).value ?? '.')).join('');

describe('a gantt band marked ■予定 ●実績', () => {
  it('repaints a moved task with its own mark and leaves the other rows as drawn', async () => {
    const dataBase64 = await stepped();
    const { id: projectId } = await call('project.create', { name: 'P' });
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'w.xlsx', dataBase64 });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'w' } });
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const id = (name: string) => tasks.find((t) => t.name === name)!.id;
    await call('wbs.update', { id: id('詳細設計'), patch: { plannedStart: '2025-10-20', plannedFinish: '2025-10-31' } });
    await call('wbs.update', { id: id('現状分析'), patch: { plannedStart: '2025-10-13', plannedFinish: '2025-10-17' } });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
    const ws = wb.getWorksheet('ＷＢＳ')!;
    expect([3, 4, 5, 6, 7].map((r) => bandOf(ws, r))).toEqual(['.●....', '●●●...', '.●●...', '..■■..', '....■■']);
  });
});
