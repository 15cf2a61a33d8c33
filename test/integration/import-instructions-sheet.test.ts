// A risk register workbook with a cover, a revision history, an instructions sheet (記入方法: how to fill
// in, then the register's header again over two gray sample rows) and the register itself (リスク管理表):
// the register's sheet is the table, without asking, however alike the two headers score (blind set 3,
// H2: the instructions sheet came first in sheet order and won, its samples offered as the records).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

const HEADER = ['No', 'リスク内容', '発生確率', '影響度', '対応策', '担当者', '状況'];

async function workbook(howSheet: string, sampleTitle: string | null): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('表紙');
  cover.getCell('B3').value = '○○システム開発プロジェクト';
  cover.getCell('B5').value = 'リスク管理表';
  const history = wb.addWorksheet('改版履歴');
  history.addRow(['版', '改訂日', '改訂内容', '作成者']);
  history.addRow(['1.0', new Date('2025-04-01T00:00:00Z'), '初版作成', '山田']);
  const how = wb.addWorksheet(howSheet);
  how.getCell('A1').value = '記入方法';
  how.getCell('A3').value = '1. リスクを識別したら1行追加してください。';
  how.getCell('A4').value = '2. 発生確率・影響度は1～5で評価してください。';
  how.getCell('A5').value = '3. 状況は「未対応」「対応中」「完了」から選択してください。';
  if (sampleTitle) how.getCell('A7').value = sampleTitle;
  how.getRow(8).values = HEADER;
  how.getRow(9).values = [1, '主要メンバーの離脱', 3, 4, '引継ぎ資料を整備する', '山田', '対応中'];
  how.getRow(10).values = [2, 'ベンダー納期遅延', 2, 5, '週次で進捗を確認する', '佐藤', '未対応'];
  for (const r of [9, 10]) for (let c = 1; c <= HEADER.length; c++) how.getRow(r).getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  const register = wb.addWorksheet('リスク管理表');
  register.getCell('A1').value = 'リスク管理表';
  register.getRow(3).values = HEADER;
  register.getRow(4).values = [1, '要件確定の遅れ', 4, 4, '顧客と週次で合意する', '田中', '対応中'];
  register.getRow(5).values = [2, '性能要件の未達', 2, 4, '早期に性能試験を行う', '鈴木', '未対応'];
  register.getRow(6).values = [3, '要員不足', 3, 3, '協力会社に打診する', '高橋', '完了'];
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('an instructions sheet with the register header over sample rows', () => {
  it.each([
    ['記入方法', '記入例'],
    ['記入方法', null],
    ['How to fill in', null],
    ['Sheet3', '記入例'],
  ])('sheet %s, title %s: the register sheet is the table, without asking', async (howSheet, sampleTitle) => {
    const { id: projectId } = await call('project.create', { name: `${howSheet} ${sampleTitle}` });
    const p = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risks.xlsx', dataBase64: await workbook(howSheet, sampleTitle) });
    expect(p.sheet).toBe('リスク管理表');
    expect(p.header).toEqual({ top: 3, bottom: 3 });
    expect(p.rows.map((r) => r.name)).toEqual(['要件確定の遅れ', '性能要件の未達', '要員不足']);
    expect(p.detection?.ask ?? null).toBeNull();
    // The samples' sheet is still offered, for a user who means it.
    expect(p.detection?.candidates?.map((c) => c.sheet)).toContain(howSheet);
  });
});
