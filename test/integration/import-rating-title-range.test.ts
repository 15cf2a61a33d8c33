// a title over a 1–5 risk log naming a period or phases (2025年1-3月, Phase 1-3) is no rating
// scale: a 3 stays 3 (a8d5c27 read the title as a stated 1–3 scale, so every 3 was stored as 5, 2 as 3).
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';

beforeAll(async () => {
  await buildReaderWorker();
});

async function riskLog(title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('リスク管理表');
  ws.getCell('A1').value = title;
  ws.getRow(3).values = ['No', 'リスク内容', '発生確率', '影響度', '担当'];
  const rows: [string, number, number][] = [
    ['要員不足', 3, 3],
    ['仕様変更', 2, 3],
    ['納期遅延', 1, 2],
  ];
  rows.forEach(([t, p, i], k) => (ws.getRow(4 + k).values = [k + 1, t, p, i, '山田']));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a title naming a range of months or phases over a risk log', () => {
  it.each(['リスク管理表（2025年1-3月）', 'Phase 1-3 リスク一覧', 'リスク管理表 第1～3四半期'])('states no rating scale: %s', async (title) => {
    const call = inProcessCaller(tempWorkspace());
    const { id: projectId } = await call('project.create', { name: 'P' });
    const p = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risk.xlsx', dataBase64: (await riskLog(title)).toString('base64') });
    await call('excel.applyImport', { previewId: p.previewId, options: {} });
    const risks = await call('risk.list', { projectId });
    expect(risks.map((r) => [r.title, r.probability, r.impact])).toEqual([
      ['要員不足', 3, 3],
      ['仕様変更', 2, 3],
      ['納期遅延', 1, 2],
    ]);
  });
});
