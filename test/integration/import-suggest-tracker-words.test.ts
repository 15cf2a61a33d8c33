// Unknown words a person reads at once get a suggestion to confirm (blind set 4, J9/J11/J12): an issue
// tracker's priorities, types and workflow states (P1…P4, Task / Story / Epic / Sub-task, In Review / In QA,
// Backlog's 処理中), a change decision 差戻し (sent back: rejected), a risk status 未着手 (not started: open).
// They were listed with no suggestion (by "new"). The words are only suggested: each is still listed, so
// the user confirms it, and a word no list reads keeps none.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function preview(register: 'issue' | 'risk' | 'change', head: string[], rows: ExcelJS.CellValue[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64 });
}
type Preview = Awaited<ReturnType<typeof preview>>;
/** Each unknown word of a field with the code suggested (null: none, add it to the list). */
const suggested = (p: Preview, field: string) => Object.fromEntries(p.values.filter((v) => v.field === field).map((v) => [v.word, v.suggestion.code]));

describe('a tracker’s words', () => {
  it('a Jira export: P1–P4, Task / Story / Epic / Sub-task, In Review / In QA / Blocked', async () => {
    const rows: [string, string, string, string][] = [
      ['Login fails', 'Bug', 'P1', 'In Review'],
      ['Add export', 'Story', 'P2', 'To Do'],
      ['Set up CI', 'Task', 'P3', 'Done'],
      ['Billing', 'Epic', 'P4', "Won't Do"],
      ['Write tests', 'Sub-task', 'P2', 'In QA'],
      ['Vendor API', 'Task', 'P3', 'Blocked'],
    ];
    const p = await preview('issue', ['Summary', 'Issue Type', 'Priority', 'Status', 'Created'], rows.map((r) => [...r, d('2025-05-01')]));
    // Four ranks on three levels (blind set 9, C5): the middle two are medium, not P2 a second high.
    expect(suggested(p, 'priority')).toEqual({ P1: 'high', P2: 'medium', P3: 'medium', P4: 'low' });
    expect(suggested(p, 'kind')).toEqual({ Story: 'request', Task: 'action', Epic: 'request', 'Sub-task': 'action' });
    expect(suggested(p, 'status')).toMatchObject({ 'In Review': 'in_progress', 'In QA': 'in_progress' });
    // Read as suggested until the user chooses otherwise, and still listed for the choice.
    expect(p.rows.map((r) => r.values?.priority)).toEqual(['high', 'medium', 'medium', 'low', 'medium', 'medium']);
    expect(p.values.every((v) => !v.chosen)).toBe(true);
  });

  it('Backlog / Redmine words in Japanese: 処理中, 機能追加, タスク', async () => {
    const p = await preview('issue', ['件名', '種別', '状態', '担当者'], [
      ['ログイン不可', 'バグ', '処理中', '佐藤'],
      ['CSV出力', '機能追加', '未対応', '鈴木'],
      ['環境構築', 'タスク', '完了', '田中'],
    ]);
    expect(suggested(p, 'kind')).toEqual({ 機能追加: 'request', タスク: 'action' });
    expect(suggested(p, 'status')).toEqual({ 処理中: 'in_progress' });
  });

  it('a word nobody reads as a list’s keeps no suggestion', async () => {
    const p = await preview('issue', ['Summary', 'Priority', 'Status'], [
      ['A', 'Whenever', 'Open'],
      ['B', 'High', 'Open'],
    ]);
    expect(suggested(p, 'priority')).toEqual({ Whenever: null });
  });
});

describe('words of another list for the same state', () => {
  it('a change decision 差戻し is suggested as rejected (J11)', async () => {
    const p = await preview('change', ['変更件名', '判定', '判定日', '対応状況'], [
      ['帳票変更', '承認済', d('2025-04-08'), '完了'],
      ['時刻変更', '差戻し', d('2025-04-20'), '未着手'],
      ['画面追加', '検討中', null, '未着手'],
    ]);
    expect(suggested(p, 'decision')).toEqual({ 差戻し: 'rejected' });
  });

  it('a risk status 未着手 / 対応中 / 完了 (J12): 未着手 is suggested as open', async () => {
    const p = await preview('risk', ['No', 'リスク項目', '発生可能性', '影響度', '対応方針', '担当', '状況'], [
      [1, '要員不足', '高', '大', '低減', '佐藤', '未着手'],
      [2, '仕様変更', '中', '中', '移転', '鈴木', '対応中'],
      [3, 'ベンダー遅延', '低', '小', '低減', '田中', '完了'],
    ]);
    expect(suggested(p, 'status')).toEqual({ 未着手: 'open' });
    expect(p.rows.map((r) => r.values?.status)).toEqual(['open', 'in_progress', 'closed']);
  });
});
