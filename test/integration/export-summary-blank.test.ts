// A client whose phase rows show no roll-up (gantt templates: a phase row holds its name and '-' for
// effort, its dates blank): after edits that move a phase's roll-up, the export leaves the phase row as the
// client draws it. Written there, the phase read back as a task, and a task under it holding only its
// name as the phase's wrapped text (gantt-jp-officetemplate, round-trip script #6 of seed 7).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
// [phase?, name, progress, start, finish, effort]
const PLAN: [boolean, string, number | null, string, string, number | string][] = [
  [true, 'phase 1 title', null, '', '', '-'],
  [false, 'task 1.1', 0.3, '2025-10-15', '2025-10-20', 4],
  [false, 'task 1.2', 0.5, '2025-10-27', '2025-10-31', 5],
  [true, 'phase 2 title', null, '', '', '-'],
  [false, 'task 2.1', 0, '2025-11-05', '2025-11-07', 3],
  [false, 'task 2.2', 0, '2025-11-07', '2025-11-07', 1],
];

async function ganttPlan(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('Sheet1');
  s.getRow(1).values = ['タスク', '担当', '進捗', '開始日', '終了日', '工数(日)'];
  PLAN.forEach(([phase, name, progress, start, finish, effort], i) => {
    const row = s.getRow(2 + i);
    row.getCell(1).value = name;
    if (!phase) row.getCell(1).alignment = { indent: 1 };
    if (progress !== null) row.getCell(3).value = progress;
    if (start) row.getCell(4).value = d(start);
    if (finish) row.getCell(5).value = d(finish);
    row.getCell(6).value = effort;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cellsOfRow = async (base64: string, row: number) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as never);
  return [2, 3, 4, 5, 6].map((c) => wb.getWorksheet('Sheet1')!.getRow(row).getCell(c).value ?? null);
};

describe('summary rows the client leaves without roll-ups', () => {
  it('stay so after edits move the roll-up, and the plan reads back as stored', async () => {
    const { id: projectId } = await call('project.create', { name: 'phases' });
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'gantt.xlsx', dataBase64: (await ganttPlan()).toString('base64') });
    expect(p.hierarchy).toBe('indent');
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'gantt' } });
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const phase2 = tasks.find((t) => t.name === 'phase 2 title')!;
    expect(phase2.summary).toBe(true);
    // The phase's first task loses its dates, effort and progress (only its name is left); the other moves.
    const t21 = tasks.find((t) => t.name === 'task 2.1')!;
    const t22 = tasks.find((t) => t.name === 'task 2.2')!;
    await call('wbs.update', { id: t21.id, patch: { plannedStart: null, plannedFinish: null, plannedEffort: null, progress: 0 } });
    await call('wbs.update', { id: t22.id, patch: { plannedStart: '2025-11-10', plannedFinish: '2025-11-12', progress: 50 } });
    const moved = (await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.id === phase2.id)!;
    expect(moved.plannedStart).toBe('2025-11-10'); // the roll-up moved

    const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    // Row 5 is phase 2 as the client drew it: no progress, no dates, '-' for effort.
    expect(await cellsOfRow(out.dataBase64, 5)).toEqual([null, null, null, null, '-']);
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'gantt.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => ({ name: r.name, status: r.status, changes: r.changes }))).toEqual([]);
    expect(again.missing).toEqual([]);
  });
});
