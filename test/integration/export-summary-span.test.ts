// A summary row the client left without dates (要件定義 over its tasks) in a plan whose other summary
// shows its span (設計): its rolled-up dates stay unwritten while the roll-up is what the import made of
// it; once one end moves (its first task deleted: the start moves, the finish not), both ends are
// written: a start alone beside a blank finish reads as a span that never ends (blind G18's note).
// (Where no summary row of the client shows dates, none gets them: export-summary-blank.test.ts.)
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function plan(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.addRow(['WBS', '作業名', '開始日', '終了日']);
  ws.addRow(['1', '要件定義']);
  ws.addRow(['1.1', '業務要件整理', d('2025-06-02'), d('2025-06-06')]);
  ws.addRow(['1.2', '機能要件定義', d('2025-06-09'), d('2025-06-13')]);
  ws.addRow(['1.3', '非機能要件定義', d('2025-06-16'), d('2025-06-20')]);
  ws.addRow(['2', '設計', d('2025-06-23'), d('2025-06-27')]);
  ws.addRow(['2.1', '基本設計', d('2025-06-23'), d('2025-06-27')]);
  for (let r = 2; r <= 7; r++) for (const c of [3, 4]) ws.getRow(r).getCell(c).numFmt = 'yyyy/m/d';
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function cellsOf(b64: string, row: number): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ArrayBuffer);
  const r = wb.worksheets[0]!.getRow(row);
  return [1, 2, 3, 4].map((c) => {
    const v = r.getCell(c).value;
    return v instanceof Date ? v.toISOString().slice(0, 10) : v;
  });
}

describe('the rolled-up dates of a summary row the client left blank', () => {
  it('stay blank while unmoved, and are written as a pair once one end moves', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: await plan() });
      const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'WBS' } });
      const untouched = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
      expect(await cellsOf(untouched.dataBase64, 2)).toEqual(['1', '要件定義', null, null]);
      const first = (await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.name === '業務要件整理')!;
      await call('wbs.delete', { ids: [first.id] });
      const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
      expect(await cellsOf(out.dataBase64, 2)).toEqual(['1', '要件定義', '2025-06-09', '2025-06-20']);
    } finally {
      ws.close();
    }
  });
});
