// A WBS whose tree is only Excel's row grouping (outline levels 0/1/2, summary rows bold and empty;
// blind findings F5 and F14): a task indented one level deeper than the file's deepest, or outdented,
// is written at its new level (Excel groups up to 7 levels), and the re-import reads what is stored.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
// [outline level, name, owner, start, finish]
const PLAN: [number, string, string, string, string][] = [
  [0, 'Initiation', '', '', ''],
  [1, 'Project charter', 'Kim', '2025-04-01', '2025-04-04'],
  [1, 'Stakeholder list', 'Lee', '2025-04-07', '2025-04-09'],
  [0, 'Requirements', '', '', ''],
  [1, 'Workshops', '', '', ''],
  [2, 'Sales', 'Kim', '2025-04-14', '2025-04-16'],
  [2, 'Service', 'Park', '2025-04-17', '2025-04-18'],
  [1, 'Requirements document', 'Lee', '2025-04-21', '2025-04-30'],
  [0, 'Closing', '', '', ''],
  [1, 'Lessons learned', 'Kim', '2025-05-07', '2025-05-08'],
];

async function outlinePlan(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('Project Plan', { properties: { outlineProperties: { summaryBelow: false, summaryRight: false } } as never });
  s.getRow(1).values = ['Task', 'Owner', 'Start', 'Finish'];
  PLAN.forEach(([level, name, owner, start, finish], i) => {
    const row = s.getRow(2 + i);
    row.values = [name, owner || null, start ? d(start) : null, finish ? d(finish) : null];
    if (level > 0) row.outlineLevel = level;
    if (!owner) row.font = { bold: true };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function imported(name: string) {
  const { id: projectId } = await call('project.create', { name });
  const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: `${name}.xlsx`, dataBase64: (await outlinePlan()).toString('base64') });
  expect(p.hierarchy).toBe('outline');
  const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: name } });
  return { projectId, profileId: profileId! };
}

async function exportBack(projectId: number, profileId: number, name: string) {
  const out = await call('excel.export', { projectId, register: 'wbs', profileId });
  const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: `${name}.xlsx`, dataBase64: out.dataBase64, profileId });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
  const s = wb.getWorksheet('Project Plan')!;
  const levels = Array.from({ length: s.rowCount - 1 }, (_, i) => `${s.getRow(2 + i).outlineLevel ?? 0}:${String(s.getCell(2 + i, 1).value)}`);
  return { out, again, levels, deepest: s.properties.outlineLevelRow, changed: again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.name}: ${r.status} ${JSON.stringify(r.changes ?? [])}`) };
}

describe('a WBS grouped by Excel row outline levels (F5, F14)', () => {
  it('a task indented one level deeper than the file has is written at that level and reads back under its new parent', async () => {
    const { projectId, profileId } = await imported('outline-indent');
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    await call('wbs.indent', { ids: [tasks.find((t) => t.name === 'Service')!.id] });
    expect((await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.name === 'Service')!.level).toBe(3);
    const { out, changed, levels, again, deepest } = await exportBack(projectId, profileId, 'outline-indent');
    expect(out.tooDeep).toBeUndefined();
    expect(levels).toContain('3:Service');
    // Excel's outline buttons (1 2 3 4) reach the new level.
    expect(deepest).toBe(3);
    expect(changed).toEqual([]);
    expect(again.missing).toEqual([]);
  });

  it('an outdented task is written at its new level: it no longer reads back under its old parent', async () => {
    const { projectId, profileId } = await imported('outline-outdent');
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    await call('wbs.outdent', { ids: [tasks.find((t) => t.name === 'Project charter')!.id] });
    const { changed, levels, again } = await exportBack(projectId, profileId, 'outline-outdent');
    expect(levels.slice(0, 3)).toEqual(['0:Initiation', '1:Stakeholder list', '0:Project charter']);
    expect(changed).toEqual([]);
    expect(again.missing).toEqual([]);
  });
});
