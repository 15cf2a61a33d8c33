// A WBS numbered the common x.0 way (1.0 要件定義, 1.1, 1.2, 2.0 設計, 2.1 …): 1.0 is phase 1's own code
// and 1.1 its child. Read flat (every task at the top), 先行 "1.0" named no row; and a no-edit export
// renumbered the client's codes after 1.2 (2.0 → 1.3, 2.1 → 1.4) and its 先行 with them (review R7).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { exportedColumn } from '../helpers/exported-column.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const column = exportedColumn;

const ROWS: [string, string, string, string, string | null][] = [
  ['1.0', '要件定義', '2025-04-01', '2025-04-10', null],
  ['1.1', '業務要件', '2025-04-01', '2025-04-04', null],
  ['1.2', '機能要件', '2025-04-07', '2025-04-10', '1.1'],
  ['2.0', '設計', '2025-04-11', '2025-04-25', '1.0'],
  ['2.1', '基本設計', '2025-04-11', '2025-04-18', '1.2'],
  ['2.2', '詳細設計', '2025-04-21', '2025-04-25', '2.1'],
];

async function imported(name: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.addRow(['WBS', '作業名', '開始日', '終了日', '先行']);
  for (const [c, n, s, f, p] of ROWS) ws.addRow([c, n, d(s), d(f), p]);
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const { id: projectId } = await call('project.create', { name });
  const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64 });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: name } });
  return { projectId, profileId: profileId!, preview };
}

describe('x.0 phase codes', () => {
  it('are read as phases, 先行 links by them, and a no-edit export gives the cells back', async () => {
    const { projectId, profileId, preview } = await imported('x0');
    expect(preview.problems).toEqual([]);
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    expect(tasks.map((t) => `${t.code} ${t.name}`)).toEqual(['1 要件定義', '1.1 業務要件', '1.2 機能要件', '2 設計', '2.1 基本設計', '2.2 詳細設計']);
    const name = (id: number) => tasks.find((t) => t.id === id)!.name;
    const links = (await call('dependency.list', { projectId })).map((l) => `${name(l.predecessorId)} → ${name(l.successorId)}`).sort();
    expect(links).toEqual(['業務要件 → 機能要件', '機能要件 → 基本設計', '基本設計 → 詳細設計', '要件定義 → 設計'].sort());
    const same = await call('excel.export', { projectId, register: 'wbs', profileId });
    expect(column(same.dataBase64, 0)).toEqual(ROWS.map((r) => r[0]));
    expect(column(same.dataBase64, 4)).toEqual(ROWS.map((r) => r[4]));
  });

  it('numbers a new task under 2.0 as 2.3 and a new phase as 3.0', async () => {
    const { projectId, profileId } = await imported('x0-new');
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const idOf = (n: string) => tasks.find((t) => t.name === n)!.id;
    await call('wbs.create', { projectId, afterId: idOf('詳細設計'), values: { name: '方式設計' } });
    await call('wbs.create', { projectId, afterId: idOf('設計'), values: { name: '開発' } });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId });
    const names = column(out.dataBase64, 1);
    const codes = column(out.dataBase64, 0);
    expect(names.map((n, i) => `${codes[i]} ${n}`)).toEqual(['1.0 要件定義', '1.1 業務要件', '1.2 機能要件', '2.0 設計', '2.1 基本設計', '2.2 詳細設計', '2.3 方式設計', '3.0 開発']);
  });

  // Blind set 4, J1: a task outdented from under 1.0 kept its 1.2 at the top, which reads as under 1.0 again.
  it('writes an outdented task as the next phase (2.0), the later phases after it, and reads back as stored', async () => {
    const { projectId, profileId } = await imported('x0-outdent');
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    await call('wbs.outdent', { ids: [tasks.find((t) => t.name === '機能要件')!.id] });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId });
    const names = column(out.dataBase64, 1);
    const codes = column(out.dataBase64, 0);
    expect(names.map((n, i) => `${codes[i]} ${n}`)).toEqual(['1.0 要件定義', '1.1 業務要件', '2.0 機能要件', '3.0 設計', '3.1 基本設計', '3.2 詳細設計']);
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: out.dataBase64, profileId });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });
});
