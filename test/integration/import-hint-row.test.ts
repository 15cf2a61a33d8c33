// A fill-in hint row right under the header ((yyyy/mm/dd), (具体的に記入), (氏名), (選択); 例：…; e.g. …; a
// date format) tells the client how to fill each column: it is never imported as a record (the row came
// in as an issue named "(具体的に記入)" once a clear name column was taken without asking — b43b975).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function preview(hint: ExcelJS.CellValue[], head = ['No', '起票日', '課題', '担当', '状況'], register: 'issue' | 'wbs' = 'issue') {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('課題');
  ws.addRows([
    ['課題管理表'],
    [],
    head,
    hint,
    [1, d('2025-07-02'), 'ログイン画面で認証エラーが出る', '山田', '対応中'],
    [2, d('2025-07-03'), '月次帳票の合計が前月と一致しない', '佐藤', '未着手'],
    [3, d('2025-07-05'), 'CSV出力で文字化けが発生する', '鈴木', '完了'],
  ]);
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const projectId = (await call('project.create', { name: `P${Math.random()}` })).id;
  return call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64 });
}

describe('a fill-in hint row under the header', () => {
  it.each([
    [[null, '(yyyy/mm/dd)', '(具体的に記入)', '(氏名)', '(選択)']],
    [[null, '（yyyy/mm/dd）', '（具体的に記入）', '（氏名）', '（リストから選択）']],
    [[null, 'yyyy/mm/dd', '［課題の内容］', '［担当者名］', '［選択］']],
    [[null, 'YYYY-MM-DD', '(Describe the issue)', '(Name)', '(Select)']],
    [[null, '(日付)', '(内容を簡潔に)', '(氏名)', null]],
  ])('%j is left out, the three records read', async (hint) => {
    const p = await preview(hint);
    expect(p.header).toEqual({ top: 3, bottom: 3 });
    expect(p.rows.filter((r) => !r.skipped).map((r) => r.values?.title)).toEqual(['ログイン画面で認証エラーが出る', '月次帳票の合計が前月と一致しない', 'CSV出力で文字化けが発生する']);
    expect(p.leftOut.map((l) => [l.row, l.reason])).toContainEqual([4, 'instructions']);
  });

  it('a first record with a bracketed word in one cell is a record', async () => {
    const p = await preview([0, d('2025-07-01'), '(仮) 移行方式の決定', '(未定)', '未着手']);
    expect(p.rows.map((r) => r.values?.title)[0]).toBe('(仮) 移行方式の決定');
  });
});
