// A computed column (経過日数, a risk's score) is PMO Desk's to write only where the client's column holds
// that figure. An issue log's 経過 / 対応状況（経過） column of progress notes ("6/2 標準機能で対応可否確認中")
// was mapped to the age in days by its word, and every export — with no edit at all — wrote the age
// over the client's notes (a blind check: 11 of 12 cells replaced by 572, 544 …).
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace, type Call } from '../helpers/workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const NOTES = ['5/20 マッピング表ドラフト作成', '6/2 標準機能で対応可否確認中', '情シスで実施と合意'];

/** An issue log whose column F is headed `head`, holding `cells` (text notes, or ages); raised 2025/5/1. */
async function issueLog(head: string, cells: (string | number)[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('課題一覧');
  ws.addRow(['No', '課題', '担当', '期限', 'ステータス', head, '起票日']);
  cells.forEach((c, i) => {
    const row = ws.addRow([i + 1, `課題 ${i + 1}`, '田中', new Date(Date.UTC(2025, 5, 1 + i)), '対応中', c, new Date(Date.UTC(2025, 4, 1))]);
    row.getCell(4).numFmt = 'yyyy/m/d';
    row.getCell(7).numFmt = 'yyyy/m/d';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function preview(call: Call, projectId: number, file: Buffer) {
  return call('excel.previewImport', { projectId, register: 'issue', fileName: '課題管理表.xlsx', dataBase64: file.toString('base64') });
}

/** The text of column F (rows 2…) of the first sheet. */
function columnF(bytes: Buffer): string[] {
  const sheet = readWorkbookBytes(bytes, 'out.xlsx').sheets[0]!;
  return sheet.rows.filter((r) => r.r > 0).map((r) => String(r.cells.find((c) => c.c === 5)?.v ?? ''));
}

describe('a computed column in a client workbook', () => {
  it('経過 holding notes is no age column: kept as the client’s own column, and exported back unchanged', async () => {
    for (const head of ['経過', '対応状況（経過）']) {
      const ws = tempWorkspace();
      const call = inProcessCaller(ws);
      const { id: projectId } = await call('project.create', { name: 'P' });
      const file = await issueLog(head, NOTES);
      const p = await preview(call, projectId, file);
      const column = p.columns.find((m) => m.c === 5)!;
      expect(column.field, head).not.toBe('ageDays');
      const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'A社' } });
      const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
      expect(columnF(Buffer.from(out.dataBase64, 'base64')), head).toEqual(NOTES);
      ws.close();
    }
  });

  it('経過日数 holding numbers is still the age', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const p = await preview(call, projectId, await issueLog('経過日数', [12, 5, '3日']));
    expect(p.columns.find((m) => m.c === 5)!.field).toBe('ageDays');
    ws.close();
  });

  it('mapped to the age by hand, a column of notes still keeps its notes: an age is written only over an age', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const file = await issueLog('経過', ['', NOTES[1]!, 7]);
    const p = await preview(call, projectId, file);
    const again = await call('excel.previewImport', { projectId, register: 'issue', previewId: p.previewId, mapping: { columns: [{ column: 'F', field: 'ageDays' }] } });
    expect(again.columns.find((m) => m.c === 5)!.field).toBe('ageDays');
    const { profileId } = await call('excel.applyImport', { previewId: again.previewId, options: { saveProfileAs: 'A社' } });
    const out = columnF(Buffer.from((await call('excel.export', { projectId, register: 'issue', profileId: profileId! })).dataBase64, 'base64'));
    // Row 2 was empty and row 4 held an age: both get today's age; row 3's note stays.
    expect(out[1]).toBe(NOTES[1]);
    expect(Number(out[0])).toBeGreaterThan(100);
    expect(Number(out[2])).toBeGreaterThan(100);
    ws.close();
  });
});

describe("a risk's score column", () => {
  async function riskLog(rows: (string | number)[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('リスク一覧');
    ws.addRow(['No', 'リスク', '発生確率', '影響度', 'スコア']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const columnE = (bytes: Buffer) => readWorkbookBytes(bytes, 'out.xlsx').sheets[0]!.rows.filter((r) => r.r > 0).map((r) => r.cells.find((c) => c.c === 4)?.v ?? null);

  async function imported(file: Buffer) {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const p = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risk.xlsx', dataBase64: file.toString('base64') });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'A社' } });
    const exportNow = async () => Buffer.from((await call('excel.export', { projectId, register: 'risk', profileId: profileId! })).dataBase64, 'base64');
    return { ws, call, projectId, exportNow };
  }

  it('the client’s own figures (not 発生確率×影響度) come back as they were after a no-edit export (blind G2)', async () => {
    const { ws, exportNow } = await imported(await riskLog([[1, 'A', 5, 3, 9], [2, 'B', 1, 5, 9], [3, 'C', 2, 2, 2]]));
    expect(columnE(await exportNow())).toEqual([9, 9, 2]);
    ws.close();
  });

  it('a score the client computes as 発生確率×影響度 follows an edited rating', async () => {
    const { ws, call, projectId, exportNow } = await imported(await riskLog([[1, 'A', 5, 3, 15], [2, 'B', 1, 5, 5], [3, 'C', 2, 2, 4]]));
    expect(columnE(await exportNow())).toEqual([15, 5, 4]);
    const b = (await call('risk.list', { projectId })).find((r) => r.title === 'B')!;
    await call('risk.update', { id: b.id, patch: { probability: 3 } });
    expect(columnE(await exportNow())).toEqual([15, 15, 4]);
    ws.close();
  });
});
