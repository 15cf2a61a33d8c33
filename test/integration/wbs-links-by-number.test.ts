// A WBS whose tasks are numbered in a task-number column and whose 先行 names them by it (review R5, R13).
// - No | タスク名 | … | 先行 with no WBS-code column: 先行 "2" is the row numbered 2 (it was read as outline
//   code 2, the second phase, and linked there without a word).
// - # | タスク名 | … | 先行 with 先行 empty at import: links added in PMO Desk are written in the # numbers
//   the export runs down the rows (they went out as outline codes: "2" beside # 2 named another task, and
//   the next import read them by # and relinked silently).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const cellsOf = (b64: string) =>
  readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r > 0).map((r) => [0, 1, 4].map((c) => r.cells.find((x) => x.c === c)?.v ?? null));

async function plan(head: string, rows: [string, number, string, string, number | null][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.addRow([head, 'タスク名', '開始日', '終了日', '先行']);
  rows.forEach(([name, level, s, f, pred], i) => ws.addRow([i + 1, name, d(s), d(f), pred]).getCell(2).alignment = { indent: level * 2 });
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function imported(dataBase64: string) {
  const { id: projectId } = await call('project.create', { name: 'P' });
  const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'w.xlsx', dataBase64 });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'w' } });
  const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
  const name = (id: number) => tasks.find((t) => t.id === id)!.name;
  const links = async () => (await call('dependency.list', { projectId })).map((l) => `${name(l.predecessorId)} → ${name(l.successorId)}`).sort();
  return { projectId, profileId: profileId!, preview, tasks, links };
}

describe('links by a task-number column', () => {
  it('reads 先行 by a running No where the sheet has no WBS-code column, and writes new links so', async () => {
    const file = await plan('No', [
      ['要件定義', 0, '2025-04-01', '2025-04-10', null],
      ['業務要件', 1, '2025-04-01', '2025-04-04', null],
      ['機能要件', 1, '2025-04-07', '2025-04-10', 2],
      ['設計', 0, '2025-04-11', '2025-04-25', null],
      ['基本設計', 1, '2025-04-11', '2025-04-18', 3],
      ['詳細設計', 1, '2025-04-21', '2025-04-25', 5],
    ]);
    const { projectId, profileId, preview, tasks, links } = await imported(file);
    expect(preview.problems).toEqual([]);
    expect(await links()).toEqual(['基本設計 → 詳細設計', '業務要件 → 機能要件', '機能要件 → 基本設計']);
    const id = (n: string) => tasks.find((t) => t.name === n)!.id;
    await call('dependency.create', { projectId, predecessorId: id('業務要件'), successorId: id('詳細設計') });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId });
    expect(cellsOf(out.dataBase64).map((r) => r[2])).toEqual([null, null, 2, null, 3, expect.stringMatching(/^(2,5|5,2)$/)]);
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'w.xlsx', dataBase64: out.dataBase64, profileId });
    expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.status} ${JSON.stringify(r.changes ?? [])}`)).toEqual([]);
  });

  it('writes links added to a plan whose 先行 was empty in the # numbers, after a task above them is deleted', async () => {
    const file = await plan('#', [
      ['要件定義', 0, '2025-04-01', '2025-04-10', null],
      ['業務要件', 1, '2025-04-01', '2025-04-04', null],
      ['機能要件', 1, '2025-04-07', '2025-04-10', null],
      ['設計', 0, '2025-04-11', '2025-04-25', null],
      ['基本設計', 1, '2025-04-11', '2025-04-18', null],
      ['製造', 0, '2025-04-28', '2025-05-30', null],
      ['画面製造', 1, '2025-04-28', '2025-05-30', null],
    ]);
    const { projectId, profileId, tasks, links } = await imported(file);
    const id = (n: string) => tasks.find((t) => t.name === n)!.id;
    await call('dependency.create', { projectId, predecessorId: id('要件定義'), successorId: id('設計') });
    await call('dependency.create', { projectId, predecessorId: id('設計'), successorId: id('製造') });
    await call('wbs.delete', { ids: [id('業務要件')] });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId });
    expect(cellsOf(out.dataBase64)).toEqual([
      [1, '要件定義', null],
      [2, '機能要件', null],
      [3, '設計', '1'],
      [4, '基本設計', null],
      [5, '製造', '3'],
      [6, '画面製造', null],
    ]);
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'w.xlsx', dataBase64: out.dataBase64, profileId });
    expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.status} ${JSON.stringify(r.changes ?? [])}`)).toEqual([]);
    expect(again.problems).toEqual([]);
    expect(await links()).toEqual(['要件定義 → 設計', '設計 → 製造']);
  });
});
