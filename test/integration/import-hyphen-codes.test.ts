// A WBS numbered with hyphens (1, 1-1, 1-2) whose 先行 column names tasks by those codes (blind G1):
// "1-1" is task 1-1, not task 1 with a lag of -1 day. Read as a lag, a file whose 1-2 follows 1-1 made a
// cycle (1-2 → 1 → 1-2) and nothing was imported; without a cycle, the link went to the wrong task and a
// no-edit export rewrote the client's 1-1 as 1FS-1. The client's codes go back into its 先行 column.
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

async function plan(rows: [string, string, string, string, string | null][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.addRow(['WBS', '作業名', '開始日', '終了日', '先行']);
  for (const [code, name, start, finish, pred] of rows) ws.addRow([code, name, d(start), d(finish), pred]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const column = (b64: string, c: number) =>
  readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r > 0).map((r) => {
    const v = r.cells.find((x) => x.c === c)?.v;
    return v === undefined || v === null ? null : String(v);
  });
const columnE = (b64: string) => column(b64, 4);

describe('predecessors written as hyphen codes', () => {
  it('link to the tasks those codes name, round trip, and go back as the client wrote them', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const dataBase64 = await plan([
        ['1', '移行', '2025-04-01', '2025-04-10', null],
        ['1-1', '移行計画', '2025-04-01', '2025-04-03', null],
        ['1-2', 'リハーサル', '2025-04-04', '2025-04-10', '1-1'],
        ['2', '本番', '2025-04-11', '2025-04-15', null],
        ['2-1', '本番移行', '2025-04-11', '2025-04-15', '1-2FS+1'],
      ]);
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64 });
      expect(preview.problems.filter((p) => p.field === 'predecessors')).toEqual([]);
      const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'hyphen' } });
      const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
      const idOf = (name: string) => tasks.find((t) => t.name === name)!.id;
      const links = await call('dependency.list', { projectId });
      expect(links.map((l) => [l.predecessorId, l.successorId, l.type, l.lagDays]).sort()).toEqual(
        [
          [idOf('移行計画'), idOf('リハーサル'), 'FS', 0],
          [idOf('リハーサル'), idOf('本番移行'), 'FS', 1],
        ].sort(),
      );
      // No edit: the client's cells come back as written.
      const same = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
      expect(columnE(same.dataBase64)).toEqual([null, null, '1-1', null, '1-2FS+1']);
      expect(column(same.dataBase64, 0)).toEqual(['1', '1-1', '1-2', '2', '2-1']);
      // A link added and a task inserted after リハーサル: written in the client's codes too (the new
      // task is 1-3), and read back as stored.
      await call('dependency.create', { projectId, predecessorId: idOf('移行計画'), successorId: idOf('本番移行') });
      const added = await call('wbs.create', { projectId, afterId: idOf('リハーサル'), values: { name: '切替判定', plannedStart: '2025-04-10', plannedFinish: '2025-04-10' } });
      const addedId = (added as { task?: { id: number }; id?: number }).task?.id ?? (added as { id: number }).id;
      await call('dependency.create', { projectId, predecessorId: idOf('リハーサル'), successorId: addedId });
      const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
      const codes = column(out.dataBase64, 0);
      const names = column(out.dataBase64, 1);
      expect(codes[names.indexOf('切替判定')]).toBe('1-3');
      expect(columnE(out.dataBase64)[names.indexOf('切替判定')]).toBe('1-2');
      expect(columnE(out.dataBase64)[names.indexOf('本番移行')]!.split(',').sort()).toEqual(['1-1', '1-2FS+1']);
      const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'out.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
      expect(again.problems.filter((p) => p.field === 'predecessors')).toEqual([]);
      expect(again.counts).toMatchObject({ new: 0, changed: 0 });
      // 本番 (a row of the client's, 2) indented under 移行: it and its task are numbered anew, 1-4 and 1-4-1,
      // hyphenated in both columns (not left as the client's old 2 and 2-1).
      await call('wbs.indent', { ids: [idOf('本番')] });
      const moved = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
      const movedNames = column(moved.dataBase64, 1);
      const movedCodes = column(moved.dataBase64, 0);
      const at = (name: string) => movedCodes[movedNames.indexOf(name)];
      expect([at('本番'), at('本番移行')]).toEqual(['1-4', '1-4-1']);
      expect(column(moved.dataBase64, 4)[movedNames.indexOf('本番移行')]!.split(',').sort()).toEqual(['1-1', '1-2FS+1']);
      const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'moved.xlsx', dataBase64: moved.dataBase64, profileId: profileId! });
      expect(back.counts).toMatchObject({ new: 0, changed: 0 });
    } finally {
      ws.close();
    }
  });
});
