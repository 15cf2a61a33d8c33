// Review U15 (3d382d4: a row drawn as the phases are is a phase after the last task too): a footer merged
// across the table under the last task — a copyright line, the next section's title alone in brackets, a
// sign-off line — is no phase; a phase worded as the others are (【フェーズ3】…) still is.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
async function book(footer: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.getCell(1, 1).value = 'WBS';
  ['ID', 'タスク名', '担当', '開始予定', '終了予定', 'ステータス'].forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  let r = 4;
  const phases: [string, [string, string, string, string][]][] = [
    ['【フェーズ1】要件定義', [['T-001', '業務フロー作成', '渡辺', '2025-05-19'], ['T-002', '非機能要件整理', '吉田', '2025-05-27']]],
    ['【フェーズ2】外部設計', [['T-003', '画面遷移図作成', '松本', '2025-06-02'], ['T-004', 'セキュリティ設計', '佐藤', '2025-06-19']]],
  ];
  for (const [phase, tasks] of phases) {
    ws.getCell(r, 1).value = phase;
    ws.mergeCells(r, 1, r, 6);
    r++;
    for (const [id, name, who, start] of tasks) {
      ws.getRow(r).values = [id, name, who, d(start), d(start), '未着手'];
      r++;
    }
  }
  ws.getCell(r, 1).value = footer;
  ws.mergeCells(r, 1, r, 6);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
describe('a footer merged across under the last task', () => {
  it.each(['© 2025 Example Corp. All rights reserved.', '【変更履歴】', '作成：PMO室　承認：山田', 'Confidential - internal use only'])('%s', async (footer) => {
    const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'w.xlsx', dataBase64: await book(footer) });
    const names = p.rows.map((r) => r.name);
    expect(names).not.toContain(footer);
  });
  // A top-level task the export wrote as a phase row at the end, and a phase worded as the others, stay records.
  it.each(['【フェーズ3】総合テスト', 'リリース判定', 'Phase 3: Cut-over'])('keeps %s as a phase', async (last) => {
    const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'w.xlsx', dataBase64: await book(last) });
    expect(p.rows.map((r) => r.name)).toContain(last);
  });
});

