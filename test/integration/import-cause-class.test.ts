// Two columns naming one text field, one of them its classification (issue 11; blind set 12, R4): a test's
// defect log writes 原因区分 (製造誤り / 設計誤り: short words) beside 原因内容 (the sentences). The first
// took the cause and the sentences were left the client's column; the category stayed empty. The
// classification is the category, the text is the cause — in either order, in Japanese and English; and
// where the category is taken (指摘分類), the lone 原因分類 stays the cause.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

const CLASSES = ['製造誤り', '設計誤り', '仕様誤り', '製造誤り'];
const TEXTS = ['配列添字の初期化漏れにより先頭行が欠落する', '締め日の境界条件を設計書で考慮していなかった', '顧客要望の税率切替が仕様に反映されていない', '排他制御の解放漏れでロックが残る'];
const EN_CLASSES = ['Coding error', 'Design error', 'Spec gap', 'Coding error'];
const EN_TEXTS = ['Array index not reset, so the first row is dropped', 'Month-end boundary not considered in the design', 'Tax rate switch requested by the client missing from the spec', 'Lock not released after the update'];

async function fields(head: string[], row: (i: number) => string[]): Promise<Record<string, string | null>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('障害一覧');
  ws.getCell('A1').value = '結合テスト 障害管理票';
  ws.getRow(3).values = head;
  for (let i = 0; i < 4; i++) ws.getRow(4 + i).values = row(i);
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  const p = await call('excel.previewImport', { projectId, register: 'defect', fileName: 'x.xlsx', dataBase64 });
  return Object.fromEntries(p.columns.map((c) => [c.column, c.field ?? null]));
}

const SUBJECTS = ['受注登録で先頭行が表示されない', '月末締めで売上が翌月に計上される', '税率切替後の請求額が誤っている', '更新後に他の担当者が編集できない'];

describe('a classification of the cause beside the cause text', () => {
  it('R4: 原因区分 | 原因内容 (built on)', async () => {
    const f = await fields(['障害No', '障害概要', '重要度', '原因区分', '原因内容', '対応内容', 'ステータス'], (i) => [`IT1-000${i + 1}`, SUBJECTS[i]!, 'B', CLASSES[i]!, TEXTS[i]!, '修正済', '完了']);
    expect([f.D, f.E]).toEqual(['category', 'cause']);
  });

  it('the text first: 原因 | 原因分類, elsewhere in the table', async () => {
    const f = await fields(['No.', '不具合内容', '原因', '原因分類', '担当者', '状態'], (i) => [String(i + 1), SUBJECTS[i]!, TEXTS[i]!, CLASSES[i]!, '吉田', '対応中']);
    expect([f.C, f.D]).toEqual(['cause', 'category']);
  });

  it('English: Cause Category | Root Cause', async () => {
    const f = await fields(['Defect ID', 'Summary', 'Severity', 'Cause Category', 'Root Cause', 'Status'], (i) => [`D-${i + 1}`, EN_TEXTS[(i + 1) % 4]!, 'Major', EN_CLASSES[i]!, EN_TEXTS[i]!, 'Open']);
    expect([f.D, f.E]).toEqual(['category', 'cause']);
  });

  it('where another column is the category (指摘分類), 原因分類 stays the cause', async () => {
    const f = await fields(['No.', '指摘内容', '指摘分類', '原因分類', '状態'], (i) => [String(i + 1), SUBJECTS[i]!, '誤記', CLASSES[i]!, '対応中']);
    expect([f.C, f.D]).toEqual(['category', 'cause']);
  });
});
