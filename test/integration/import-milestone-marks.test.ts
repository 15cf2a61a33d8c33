// A Japanese WBS marks its milestones in the name (◆計画承認, ★サービスイン) on one day, with no
// milestone column: imported, they are milestones (the Gantt draws ◆), their names as written; a task
// with the mark over several days stays a task. Exported back through the profile and read again,
// nothing has changed, even after the user made a marked task a task again (only a new task takes the mark).
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const day = (d: number) => new Date(Date.UTC(2025, 3, d));

async function markedWbs(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.addRow(['No', 'タスク名', '担当', '開始予定', '終了予定']);
  const rows: [string, Date | null, Date | null][] = [
    ['要件整理', day(1), day(9)],
    ['◆計画承認', day(10), day(10)],
    ['基本設計', day(11), day(25)],
    ['★ サービスイン', null, day(30)],
    ['◆ 受入テスト', day(14), day(18)],
  ];
  rows.forEach(([name, s, f], i) => {
    const row = ws.addRow([i + 1, name, i % 2 ? '' : '山田', s, f]);
    row.getCell(4).numFmt = 'yyyy/m/d';
    row.getCell(5).numFmt = 'yyyy/m/d';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('milestones marked in the name', () => {
  it('are milestones on import, keep their names, and read back unchanged after an export', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const file = await markedWbs();
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'WBS.xlsx', dataBase64: file.toString('base64') });
    expect(p.problems).toEqual([]);
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'A社' } });
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    expect(tasks.map((t) => [t.name, t.milestone])).toEqual([
      ['要件整理', false],
      ['◆計画承認', true],
      ['基本設計', false],
      ['★ サービスイン', true],
      ['◆ 受入テスト', false],
    ]);
    const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'WBS.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 5 });

    // The user makes ◆計画承認 a one-day task again: the mark in the name, read back, does not undo that.
    const marked = tasks.find((t) => t.name === '◆計画承認')!;
    await call('wbs.update', { id: marked.id, patch: { milestone: false } });
    const out2 = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    const third = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'WBS.xlsx', dataBase64: out2.dataBase64, profileId: profileId! });
    expect(third.counts).toMatchObject({ new: 0, changed: 0, unchanged: 5 });
    await call('excel.applyImport', { previewId: third.previewId, options: {} });
    expect((await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.id === marked.id)!.milestone).toBe(false);
    ws.close();
  });
});

describe('tasks of zero duration (MS Project writes a milestone as `0 days`; blind G3)', () => {
  it('are milestones on import, and read back unchanged after an export', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('Plan');
      sheet.addRow(['Task Name', 'Duration', 'Start', 'Finish']);
      sheet.addRow(['Project charter', '3 days', 'Mon 4/7/25', 'Wed 4/9/25']);
      sheet.addRow(['Charter sign-off', '0 days', 'Wed 4/9/25', 'Wed 4/9/25']);
      sheet.addRow(['Design', '5 days', 'Thu 4/10/25', 'Wed 4/16/25']);
      const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
      const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: file });
      const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'MSP' } });
      const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
      expect(tasks.map((t) => [t.name, t.duration, t.milestone])).toEqual([
        ['Project charter', 3, false],
        ['Charter sign-off', 0, true],
        ['Design', 5, false],
      ]);
      const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
      const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
      expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 3 });
    } finally {
      ws.close();
    }
  });
});
