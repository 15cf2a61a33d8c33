// Predecessors a client writes by its ID column (MS Project: ID 1…n over the whole plan, Predecessors
// "3,5FS+2d", hierarchy by the rows' outline levels) are written back in the client's IDs after edits
// too (blind check F14): a link added, a task inserted. Re-importing the export with its profile reads
// what is stored, and the preview says which reading of the column it took.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** An MS Project-style plan: ID in A, hierarchy by outline level only (no WBS column). */
async function msProjectPlan(predecessors: Record<number, string> = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Project Plan');
  ws.addRow(['ID', 'Task Name', 'Duration', 'Start', 'Finish', 'Predecessors', 'Resource Names']);
  const rows: [number, number, string, string, string, string, string | null, string | null][] = [
    [0, 1, 'Initiation', '10 days', '2025-04-01', '2025-04-14', null, null],
    [1, 2, 'Project charter', '5 days', '2025-04-01', '2025-04-07', null, 'Ann'],
    [1, 3, 'Kickoff meeting', '1 day', '2025-04-08', '2025-04-08', '2', 'Ann'],
    [0, 4, 'Build', '10 days', '2025-04-11', '2025-04-24', null, null],
    [1, 5, 'Write code', '8 days', '2025-04-11', '2025-04-22', '3FS+2d', 'Bob'],
    [1, 6, 'Test code', '2 days', '2025-04-23', '2025-04-24', '5', 'Cy'],
  ];
  for (const [level, id, name, dur, start, finish, pred, who] of rows) {
    const r = ws.addRow([id, name, dur, d(start), d(finish), predecessors[id] ?? pred, who]);
    r.outlineLevel = level;
    if (level === 0) r.font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const columnOf = (b64: string, c: number) =>
  readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.slice(1).map((r) => {
    const v = r.cells.find((x) => x.c === c)?.v;
    return v === undefined || v === null ? null : String(v);
  });

describe('predecessors in the client’s IDs, both ways', () => {
  it('after a link is added and a task inserted, the export writes IDs and its re-import is what is stored', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const dataBase64 = await msProjectPlan();
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
      expect(preview.problems.filter((p) => p.field === 'predecessors')).toEqual([]);
      // The preview says how it read the column: by the client's IDs in column A.
      expect(preview.predecessorsReading).toEqual({ by: 'id', column: 'A' });
      const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'MSP' } });
      const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
      const idOf = (name: string) => tasks.find((t) => t.name === name)!.id;
      // Edits: a link added (charter → test), a task inserted after 'Write code' that follows it.
      await call('dependency.create', { projectId, predecessorId: idOf('Project charter'), successorId: idOf('Test code') });
      const inserted = await call('wbs.create', { projectId, afterId: idOf('Write code'), values: { name: 'Write docs', plannedStart: '2025-04-23', plannedFinish: '2025-04-24' } });
      const docsId = (inserted as { task?: { id: number }; id?: number }).task?.id ?? (inserted as { id: number }).id;
      await call('dependency.create', { projectId, predecessorId: idOf('Write code'), successorId: docsId });
      const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
      const ids = columnOf(out.dataBase64, 0);
      const names = columnOf(out.dataBase64, 1);
      const preds = columnOf(out.dataBase64, 5);
      const idByName = new Map(names.map((n, i) => [n, ids[i]]));
      // The client's IDs stay on their rows; the new row gets an ID of its own, not one of theirs.
      expect(idByName.get('Project charter')).toBe('2');
      expect(idByName.get('Test code')).toBe('6');
      expect(idByName.get('Write docs')).toBe('7');
      // Every Predecessors cell names rows by those IDs (not our outline codes 1.1, 2.1…).
      const predOf = (n: string) => preds[names.indexOf(n)];
      expect(predOf('Kickoff meeting')).toBe('2');
      expect(predOf('Write code')).toBe('3FS+2d');
      expect(predOf('Test code')?.split(',').sort()).toEqual(['2', '5']);
      expect(predOf('Write docs')).toBe('5');
      // The export read back with its profile is what is stored: nothing new, nothing changed.
      const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'out.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
      expect(again.problems.filter((p) => p.field === 'predecessors')).toEqual([]);
      expect(again.counts).toMatchObject({ new: 0, changed: 0 });
    } finally {
      ws.close();
    }
  });

  it('reads every other cell by the IDs when one cell does not read as links, and names that cell (blind set 5, K1)', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      // Task 6's lag in elapsed days has no working-day reading; task 5's lag in weeks has (1w = 5 days).
      const dataBase64 = await msProjectPlan({ 5: '3FS+1w', 6: '5FS+2edays' });
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
      expect(preview.predecessorsReading).toEqual({ by: 'id', column: 'A' });
      expect(preview.problems.filter((p) => p.field === 'predecessors').map((p) => p.cell)).toEqual(['F7']);
      await call('excel.applyImport', { previewId: preview.previewId });
      const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
      const nameOf = new Map(tasks.map((t) => [t.id, t.name]));
      const links = (await call('dependency.list', { projectId })).map((l) => `${nameOf.get(l.predecessorId)} → ${nameOf.get(l.successorId)} ${l.type}${l.lagDays}`);
      expect(links.sort()).toEqual(['Kickoff meeting → Write code FS5', 'Project charter → Kickoff meeting FS0']);
      expect(tasks.find((t) => t.name === 'Test code')!.predecessors).toBe('5FS+2edays');
    } finally {
      ws.close();
    }
  });
});

describe('a task ID column kept as an extra column (Unique ID 11, 12, 15: no running number)', () => {
  it('gives a new task the next ID on export, and the re-import shows no change for it', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('Plan');
      sheet.addRow(['Unique ID', 'Task Name', 'Start', 'Finish', 'Predecessors']);
      sheet.addRow([11, 'Design', d('2025-04-07'), d('2025-04-11'), null]);
      sheet.addRow([12, 'Build', d('2025-04-14'), d('2025-04-25'), 11]);
      sheet.addRow([15, 'Test', d('2025-04-28'), d('2025-05-02'), 12]);
      const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
      const { id: projectId } = await call('project.create', { name: 'P' });
      const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
      expect(p.columns.find((c) => c.column === 'A')).toMatchObject({ field: null });
      expect(p.predecessorsReading).toEqual({ by: 'id', column: 'A' });
      const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'Plan' } });
      await call('wbs.create', { projectId, values: { name: 'Release', plannedStart: '2025-05-05', plannedFinish: '2025-05-05' } });
      const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
      expect(columnOf(out.dataBase64, 0)).toEqual(['11', '12', '15', '16']);
      const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
      expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 4 });
    } finally {
      ws.close();
    }
  });
});
