// An MS Project plan's automatic tasks keep the file's dates on import (blind set 3, H7): the client's
// calendar had no 海の日 on Mon 21 Jul 2025, so its 1FS+2 and 3-day spans count that day as work. Our
// calendar must not silently move the client's dates; the no-edit export writes them back unchanged.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { PG_SKIP } from '../helpers/pg-cluster.js';
import { tempPgWorkspace } from '../helpers/pg-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function plan(rows: (string | number | Date | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tasks');
  ws.addRow(['ID', 'Task Mode', 'Task Name', 'Duration', 'Start', 'Finish', 'Predecessors']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const cellsOf = (b64: string) =>
  readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.flatMap((r) => r.cells.map((c) => `${r.r}:${c.c}=${JSON.stringify(c.v)}`));

describe('an automatic plan imported over a holiday its client worked (H7)', () => {
  it('keeps the file dates, says why, and the no-edit export changes nothing', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const dataBase64 = await plan([
        [1, 'Auto Scheduled', 'Cut-over', '3d', d('2025-07-15'), d('2025-07-17'), null],
        [2, 'Auto Scheduled', 'Hypercare', '7d', d('2025-07-22'), d('2025-07-30'), '1FS+2 days'],
        [3, 'Auto Scheduled', 'Stabilise', '3d', d('2025-07-18'), d('2025-07-22'), '1'],
      ]);
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
      // The preview says it beforehand (a dry run rolled back), and writes nothing.
      expect(preview.fileDates).toEqual({ workingDays: [{ date: '2025-07-21', name: '海の日' }], manual: [] });
      expect((await call('calendar.get', { projectId })).workingDays).toEqual([]);
      expect(await call('wbs.rows', { projectId }).then(tasksOfTable)).toEqual([]);
      const applied = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'MSP' } });
      const { profileId } = applied;
      // The holiday the file works is a working day of the project now, named as it was; no task went manual.
      expect(applied.fileDates).toEqual({ workingDays: [{ date: '2025-07-21', name: '海の日' }], manual: [] });
      expect((await call('calendar.get', { projectId })).workingDays).toEqual([{ date: '2025-07-21', name: '海の日' }]);
      const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
      expect(tasks.map((t) => [t.name, t.scheduling, t.plannedStart, t.plannedFinish])).toEqual([
        ['Cut-over', 'auto', '2025-07-15', '2025-07-17'],
        ['Hypercare', 'auto', '2025-07-22', '2025-07-30'],
        ['Stabilise', 'auto', '2025-07-18', '2025-07-22'],
      ]);
      const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
      expect(cellsOf(out.dataBase64)).toEqual(cellsOf(dataBase64));
      // The next edit reschedules on that calendar: nothing else moves; Cut-over a day longer moves its successors a day.
      await call('wbs.update', { id: tasks[0]!.id, patch: { name: 'Cut-over (prod)' } });
      expect((await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => t.plannedFinish)).toEqual(['2025-07-17', '2025-07-30', '2025-07-22']);
      await call('wbs.update', { id: tasks[0]!.id, patch: { duration: 4 } });
      expect((await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => [t.plannedStart, t.plannedFinish])).toEqual([
        ['2025-07-15', '2025-07-18'],
        ['2025-07-23', '2025-07-31'],
        ['2025-07-21', '2025-07-23'],
      ]);
      // Undoing the import takes the calendar's day back with it.
      await call('history.undo', { projectId });
      await call('history.undo', { projectId });
      await call('history.undo', { projectId });
      expect(await call('wbs.rows', { projectId }).then(tasksOfTable)).toEqual([]);
      expect((await call('calendar.get', { projectId })).workingDays).toEqual([]);
    } finally {
      ws.close();
    }
  });

  it('keeps off a holiday the file keeps off, and imports as manual a task no calendar explains', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const dataBase64 = await plan([
        // Mon 15 Sep (敬老の日) off in the file too: 12, 16, 17, 18, 19 are its five days.
        [1, 'Auto Scheduled', 'Migration', '5d', d('2025-09-12'), d('2025-09-19'), null],
        // Mon 13 Oct (スポーツの日) worked by the file: 10, 13, 14 are its three days.
        [2, 'Auto Scheduled', 'Rehearsal', '3d', d('2025-10-10'), d('2025-10-14'), null],
        // Five days written over three: no calendar explains it; the dates stay, the task goes manual.
        [3, 'Auto Scheduled', 'Go-live', '5d', d('2025-10-20'), d('2025-10-22'), '2'],
        [4, 'Auto Scheduled', 'Handover', '2d', d('2025-10-23'), d('2025-10-24'), '3'],
      ]);
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
      expect(preview.fileDates).toEqual({ workingDays: [{ date: '2025-10-13', name: 'スポーツの日' }], manual: ['Go-live'] });
      const applied = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'MSP' } });
      expect(applied.fileDates).toEqual({ workingDays: [{ date: '2025-10-13', name: 'スポーツの日' }], manual: ['Go-live'] });
      const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
      expect(tasks.map((t) => [t.name, t.scheduling, t.plannedStart, t.plannedFinish])).toEqual([
        ['Migration', 'auto', '2025-09-12', '2025-09-19'],
        ['Rehearsal', 'auto', '2025-10-10', '2025-10-14'],
        ['Go-live', 'manual', '2025-10-20', '2025-10-22'],
        ['Handover', 'auto', '2025-10-23', '2025-10-24'],
      ]);
      // Only Go-live's Task Mode (row 4, column B; 0-based) is written otherwise, in the column's words: every date is the file's.
      const out = await call('excel.export', { projectId, register: 'wbs', profileId: applied.profileId! });
      const before = new Set(cellsOf(dataBase64));
      expect(cellsOf(out.dataBase64).filter((c) => !before.has(c))).toEqual(['3:1="Manually Scheduled"']);
    } finally {
      ws.close();
    }
  });

  it('an outline with a summary and a milestone, as MS Project exports it: every date kept, none made manual', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('Tasks');
      sheet.addRow(['ID', 'Task Mode', 'WBS', 'Task Name', 'Duration', 'Start', 'Finish', 'Predecessors']);
      for (const r of [
        [1, 'Auto Scheduled', '1', 'Release', '12d', d('2025-07-15'), d('2025-07-30'), null],
        [2, 'Auto Scheduled', '1.1', 'Cut-over', '3d', d('2025-07-15'), d('2025-07-17'), null],
        [3, 'Auto Scheduled', '1.2', 'Hypercare', '7d', d('2025-07-22'), d('2025-07-30'), '2FS+2 days'],
        [4, 'Auto Scheduled', '1.3', 'Stabilise', '3d', d('2025-07-18'), d('2025-07-22'), '2'],
        [5, 'Auto Scheduled', '1.4', 'Sign-off', '0d', d('2025-07-30'), d('2025-07-30'), '3'],
      ])
        sheet.addRow(r);
      const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
      const applied = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'MSP' } });
      expect(applied.fileDates).toEqual({ workingDays: [{ date: '2025-07-21', name: '海の日' }], manual: [] });
      const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
      expect(tasks.map((t) => [t.name, t.scheduling, t.plannedStart, t.plannedFinish])).toEqual([
        ['Release', 'auto', '2025-07-15', '2025-07-30'],
        ['Cut-over', 'auto', '2025-07-15', '2025-07-17'],
        ['Hypercare', 'auto', '2025-07-22', '2025-07-30'],
        ['Stabilise', 'auto', '2025-07-18', '2025-07-22'],
        ['Sign-off', 'auto', '2025-07-30', '2025-07-30'],
      ]);
      const out = await call('excel.export', { projectId, register: 'wbs', profileId: applied.profileId! });
      expect(cellsOf(out.dataBase64)).toEqual(cellsOf(dataBase64));
    } finally {
      ws.close();
    }
  });

  it('into a plan whose own automatic task spans the holiday, the calendar stays: the file\'s tasks keep their dates as manual', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      // Scheduled on our calendar: Fri 18, (海の日 off), Tue 22, Wed 23.
      await call('wbs.create', { projectId, values: { name: 'Training', scheduling: 'auto', duration: 3, plannedStart: '2025-07-18' } });
      expect((await call('wbs.rows', { projectId }).then(tasksOfTable))[0]!.plannedFinish).toBe('2025-07-23');
      const dataBase64 = await plan([
        [1, 'Auto Scheduled', 'Cut-over', '3d', d('2025-07-15'), d('2025-07-17'), null],
        [2, 'Auto Scheduled', 'Hypercare', '7d', d('2025-07-22'), d('2025-07-30'), '1FS+2 days'],
        [3, 'Auto Scheduled', 'Stabilise', '3d', d('2025-07-18'), d('2025-07-22'), '1'],
      ]);
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
      const applied = await call('excel.applyImport', { previewId: preview.previewId });
      expect(applied.fileDates).toEqual({ workingDays: [], manual: ['Hypercare', 'Stabilise'] });
      expect((await call('calendar.get', { projectId })).workingDays).toEqual([]);
      expect((await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => [t.name, t.scheduling, t.plannedStart, t.plannedFinish])).toEqual([
        ['Cut-over', 'auto', '2025-07-15', '2025-07-17'],
        ['Hypercare', 'manual', '2025-07-22', '2025-07-30'],
        ['Stabilise', 'manual', '2025-07-18', '2025-07-22'],
        ['Training', 'auto', '2025-07-18', '2025-07-23'],
      ]);
    } finally {
      ws.close();
    }
  });
});

describe.skipIf(PG_SKIP)('on a team database (PostgreSQL)', () => {
  it('the preview says beforehand what the import does to keep the dates, and writes nothing', async () => {
    const ws = await tempPgWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const dataBase64 = await plan([
        [1, 'Auto Scheduled', 'Cut-over', '3d', d('2025-07-15'), d('2025-07-17'), null],
        [2, 'Auto Scheduled', 'Hypercare', '7d', d('2025-07-22'), d('2025-07-30'), '1FS+2 days'],
      ]);
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64 });
      expect(preview.fileDates).toEqual({ workingDays: [{ date: '2025-07-21', name: '海の日' }], manual: [] });
      expect((await call('calendar.get', { projectId })).workingDays).toEqual([]);
      expect(await call('wbs.rows', { projectId }).then(tasksOfTable)).toEqual([]);
      const applied = await call('excel.applyImport', { previewId: preview.previewId });
      expect(applied.fileDates).toEqual(preview.fileDates);
      expect((await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => [t.name, t.plannedStart, t.plannedFinish])).toEqual([
        ['Cut-over', '2025-07-15', '2025-07-17'],
        ['Hypercare', '2025-07-22', '2025-07-30'],
      ]);
    } finally {
      ws.close();
    }
  });
});
