// One change request per sheet, as a vertical form (field names merged down the left, each value merged
// beside its name, a 承認欄 under them; blind G11): no table. Read as one, its first pair was the header
// and the names under it (申請者, 申請日, 変更内容) records. The preview now says the sheet is a form and
// imports nothing; a table on another sheet of the same workbook is still found.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const FIELDS: [string, string, number?][] = [
  ['管理番号', 'CR-00N'],
  ['件名', '受注一覧に検索条件を追加'],
  ['申請者', '山田 太郎'],
  ['申請日', '2025/05/12'],
  ['変更内容', '受注一覧画面に得意先コードでの絞り込みを追加する。', 4],
  ['変更理由', '営業部からの要望'],
  ['影響範囲', '受注一覧画面、受注検索API'],
  ['スケジュールへの影響', '3日'],
  ['コストへの影響', '15万円'],
  ['承認者', '佐藤 部長'],
  ['承認日', '2025/05/20'],
  ['判定', '承認'],
];

function form(wb: ExcelJS.Workbook, n: number): void {
  const ws = wb.addWorksheet(`CR-00${n}`);
  for (let c = 1; c <= 36; c++) ws.getColumn(c).width = 2.6;
  ws.getCell('B2').value = '変更要求票';
  ws.mergeCells('B2:AI2');
  let r = 4;
  for (const [label, value, rows = 1] of FIELDS) {
    ws.getCell(r, 2).value = label;
    ws.mergeCells(r, 2, r + rows - 1, 9);
    ws.getCell(r, 10).value = value.replace('N', String(n));
    ws.mergeCells(r, 10, r + rows - 1, 35);
    r += rows;
  }
  ws.getCell(r + 1, 27).value = '承認';
  ws.getCell(r + 1, 31).value = '確認';
}

async function forms(withLog: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const guide = wb.addWorksheet('記入要領');
  guide.getCell('A1').value = '変更要求票の書き方';
  guide.getCell('A2').value = '1シートに1件、左の項目に沿って記入してください。';
  for (let n = 1; n <= 3; n++) form(wb, n);
  if (withLog) {
    const log = wb.addWorksheet('変更管理台帳');
    log.addRow(['No', '件名', '申請者', '申請日', '判定']);
    log.addRow(['CR-001', '受注一覧に検索条件を追加', '山田 太郎', '2025/05/12', '承認']);
    log.addRow(['CR-002', '帳票の出力形式変更', '鈴木 花子', '2025/05/14', '保留']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('a workbook of forms, one change request per sheet', () => {
  it('is said to be a form, not a table, and nothing is imported', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const p = await call('excel.previewImport', { projectId, register: 'change', fileName: 'cr.xlsx', dataBase64: await forms(false) });
      expect(p.problems.filter((x) => x.kind === 'header').map((x) => [x.code, x.sheet])).toEqual([['formNotTable', 'CR-001']]);
      expect(p.counts).toMatchObject({ new: 0 });
    } finally {
      ws.close();
    }
  });

  it('still finds the log sheet of the same workbook', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const p = await call('excel.previewImport', { projectId, register: 'change', fileName: 'cr.xlsx', dataBase64: await forms(true) });
      expect(p.sheet).toBe('変更管理台帳');
      expect(p.counts).toMatchObject({ new: 2 });
    } finally {
      ws.close();
    }
  });
});
