// A plain one-row header over its data rows whose name column has a word no synonym knows (blind set 5,
// K3 C: Redmine's 題名 before it was a synonym; the dialog asked to confirm the header, confidence 0.614,
// although row 1 is plainly the header). The name is the one column of distinct texts; a column that
// repeats one long word on every row (the project's name) is no name however long. Two alike text
// columns still ask.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (k: number) => new Date(Date.UTC(2025, 5, 9 + k));
const NAMES = ['基盤構築', 'サーバ調達', 'OS・ミドルウェア導入', '監視設定', '機能開発', 'ログイン機能', '認証API実装', 'ログイン画面実装', '検索機能', '検索API実装', '検索画面実装', 'リリース準備', 'リリース手順書作成', '本番リリース'];

async function preview(header: string[], row: (name: string, k: number) => ExcelJS.CellValue[], register: 'wbs' | 'issue' = 'wbs') {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('issues');
  ws.addRow(header);
  NAMES.forEach((n, k) => ws.addRow(row(n, k)));
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64 });
}

describe('a plain header whose name word is unknown', () => {
  it.each<[string, string[], (n: string, k: number) => ExcelJS.CellValue[], string]>([
    ['Japanese, beside a project column repeating one long name', ['#', 'プロジェクト', 'トラッカー', 'ステータス', '見出し', '担当者', '開始日', '期日'], (n, k) => [1203 + k, '会員ポータル刷新プロジェクト', '機能', '新規', n, '吉田', d(k), d(k + 2)], '見出し'],
    ['English, the name column first, a team column of two words', ['Headline', 'Team', 'Status', 'Owner', 'Start', 'Finish'], (n, k) => [`${n} work`, k % 2 ? 'Platform Engineering' : 'Customer Experience', 'Open', 'Ann', d(k), d(k + 2)], 'Headline'],
  ])('%s: the distinct texts are the name, nothing asked', async (_, header, row, name) => {
    const p = await preview(header, row);
    expect(p.header).toEqual({ top: 1, bottom: 1 });
    expect(p.columns.find((c) => c.field === 'name')!.label).toBe(name);
    expect(p.detection?.ask ?? null).toBeNull();
    expect(p.rows.map((r) => r.name)).toEqual(NAMES.map((n) => (name === 'Headline' ? `${n} work` : n)));
  });

  it('two text columns of distinct texts alike in length: asked', async () => {
    const p = await preview(['見出し', '説明文', '担当者', '開始日', '期日'], (n, k) => [n, `${n}の説明`, '吉田', d(k), d(k + 2)]);
    expect(p.detection?.ask).toBe('header');
  });
});
