// A ○/△/× progress sheet (作業項目 | 担当 | 完了予定日 | 進捗, a legend 凡例：○…完了 △…作業中 ×…未着手)
// previewed as the issue register (blind set 4, J13): its name column is named by the WBS's own word while
// the register only takes it loosely as a title, so the preview offers the WBS (excel.suggestRegister, the
// dialog's "switch" banner); as a WBS, 進捗 in marks is the task's status. Before, nothing was suggested
// and the WBS left 進捗 out.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function progressSheet(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('進捗管理');
  ws.getCell('A1').value = '作業進捗表';
  ws.getCell('A2').value = '凡例：○…完了　△…作業中　×…未着手';
  ws.getRow(4).values = ['No.', '作業項目', '担当', '完了予定日', '進捗', '状況・コメント'];
  const rows = [
    ['要件ヒアリング', '佐藤', d('2025-04-10'), '○', ''],
    ['要件定義書作成', '佐藤', d('2025-04-25'), '○', 'レビュー済'],
    ['基本設計', '鈴木', d('2025-05-20'), '△', '画面設計中'],
    ['詳細設計', '鈴木', d('2025-06-10'), '×', ''],
    ['製造', '田中', d('2025-07-15'), '×', ''],
    ['結合テスト', '田中', d('2025-08-05'), '×', '環境調整中'],
  ];
  rows.forEach((r, i) => (ws.getRow(5 + i).values = [i + 1, ...r]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function previewed(bytes: Uint8Array, register: 'issue' | 'risk' | 'wbs') {
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64: Buffer.from(bytes).toString('base64') });
}

describe('a progress sheet previewed as a register', () => {
  it.each(['issue', 'risk'] as const)('previewed as %s, the preview offers the WBS', async (register) => {
    const p = await previewed(await progressSheet(), register);
    expect(await call('excel.suggestRegister', { previewId: p.previewId })).toEqual({ register: 'wbs' });
  });

  it('as a WBS, 進捗 in marks is each task’s status', async () => {
    const p = await previewed(await progressSheet(), 'wbs');
    expect(p.columns.find((c) => c.label === '進捗')!.field).toBe('status');
    expect(p.rows.map((r) => r.values?.status)).toEqual(['done', 'done', 'in_progress', 'not_started', 'not_started', 'not_started']);
  });

  it('an issue log whose title column is named as one is not pointed elsewhere', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('課題');
    ws.addRow(['No.', '課題', '担当', '期限', '状況']);
    [['帳票の仕様未確定', '佐藤', '対応中'], ['テスト環境不足', '鈴木', '未着手'], ['性能要件', '田中', '完了']].forEach((r, i) => ws.addRow([i + 1, r[0], r[1], d('2025-05-01'), r[2]]));
    const p = await previewed(new Uint8Array(await wb.xlsx.writeBuffer()), 'issue');
    expect(await call('excel.suggestRegister', { previewId: p.previewId })).toEqual({ register: null });
  });
});
