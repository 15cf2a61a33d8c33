// Review R13, decided: links added in PMO Desk to a plan whose 先行/Predecessors column was empty, on a sheet
// with both a WBS-code column and a task-number column, are written in the numbering the sheet's own
// vocabulary gives its links:
// - beside an ID column as MS Project and its exports head it (ID, #) that numbers the rows (the export keeps
//   it running down them), by that ID: the tool's Predecessors name IDs even where a WBS column stands
//   beside them (3,5FS+2d);
// - beside a running No. / 番号 / 通番 (a Japanese WBS's row number), by the WBS code: its 先行 names WBS
//   numbers (先行 "2" is phase 2), and the No is renumbered as rows move.
// Either way the next import reads them back as the same links (by ID where every item is one of the
// column's IDs, else by code), and each row's cell names the task the link points to.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const TASKS: [string, string, string, string][] = [
  ['1', '要件定義', '2025-04-01', '2025-04-10'],
  ['1.1', '業務要件', '2025-04-01', '2025-04-04'],
  ['1.2', '機能要件', '2025-04-07', '2025-04-10'],
  ['2', '設計', '2025-04-11', '2025-04-25'],
  ['2.1', '基本設計', '2025-04-11', '2025-04-18'],
  ['3', '製造', '2025-04-28', '2025-05-30'],
];

async function plan(number: string, predecessors: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.addRow([number, 'WBS', 'Task', 'Start', 'Finish', predecessors]);
  TASKS.forEach(([code, name, s, f], i) => {
    const row = ws.addRow([i + 1, code, name, d(s), d(f), null]);
    row.getCell(4).numFmt = 'yyyy/m/d';
    row.getCell(5).numFmt = 'yyyy/m/d';
  });
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** Imports the plan, links 業務要件 → 機能要件 and 基本設計 → 製造, adds a task above them and exports. */
async function linked(number: string, predecessors: string) {
  const dataBase64 = await plan(number, predecessors);
  const { id: projectId } = await call('project.create', { name: `${number} ${predecessors}` });
  const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'w.xlsx', dataBase64 });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: `${number} ${predecessors}` } });
  const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as { id: number; name: string }[];
  const id = (n: string) => tasks.find((t) => t.name === n)!.id;
  await call('dependency.create', { projectId, predecessorId: id('業務要件'), successorId: id('機能要件') });
  await call('dependency.create', { projectId, predecessorId: id('基本設計'), successorId: id('製造') });
  // A task added above the linked ones: the numbers below it move, the links must follow.
  await call('wbs.create', { projectId, parentId: id('要件定義'), values: { name: '調査' } as never });
  const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
  const rows = readWorkbookBytes(Buffer.from(out.dataBase64, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r > 0).map((r) => [0, 1, 2, 5].map((c) => r.cells.find((x) => x.c === c)?.v ?? null));
  const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'w.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
  const links = (await call('dependency.list', { projectId })).length;
  return { rows, again, links };
}

describe('links added to an empty 先行 on a sheet with a WBS code and a task-number column (R13)', () => {
  for (const [number, predecessors] of [['#', 'Predecessors'], ['ID', '先行']] as const)
    it(`beside an ${number} column: written by that ID`, async () => {
      const { rows, again, links } = await linked(number, predecessors);
      const row = (name: string) => rows.find((r) => r[2] === name)!;
      expect(row('機能要件')[3]).toBe(String(row('業務要件')[0]));
      expect(row('製造')[3]).toBe(String(row('基本設計')[0]));
      expect(again.predecessorsReading).toMatchObject({ by: 'id' });
      expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.status} ${JSON.stringify(r.changes ?? [])}`)).toEqual([]);
      expect(links).toBe(2);
    });

  for (const number of ['No', '番号', '通番'])
    it(`beside a running ${number}: written by the WBS code`, async () => {
      const { rows, again, links } = await linked(number, '先行');
      const row = (name: string) => rows.find((r) => r[2] === name)!;
      expect(row('機能要件')[3]).toBe(row('業務要件')[1]);
      expect(row('製造')[3]).toBe(row('基本設計')[1]);
      expect(again.predecessorsReading?.by ?? 'code').toBe('code');
      expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.status} ${JSON.stringify(r.changes ?? [])}`)).toEqual([]);
      expect(links).toBe(2);
    });
});
