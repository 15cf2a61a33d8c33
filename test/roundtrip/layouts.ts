// Generated client layouts for the round-trip property (never copied from the corpus): each is a
// layout that once broke an export into the client's own workbook.
import ExcelJS from 'exceljs';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

export interface Layout {
  name: string;
  target: ImportTarget;
  build(): Promise<Buffer>;
}

const thin = { style: 'thin' as const };
const box = { top: thin, left: thin, bottom: thin, right: thin };
const yellow: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A gantt that spends two sheet rows per task: the task row and a row under it (実績 drawn there), the code and memo merged over both. */
async function twoRowGantt(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('ガント');
  ws.getCell('A1').value = '開発プロジェクト ガントチャート';
  ['WBS', 'タスク名', '担当者', '開始日', '終了日', '区分', 'メモ'].forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  const tasks: [string, string, string, string, string][] = [
    ['1', '要件定義', '山田', '2025-04-01', '2025-04-30'],
    ['1.1', '現行調査', '山田', '2025-04-01', '2025-04-10'],
    ['1.2', '要件定義書', '佐藤', '2025-04-11', '2025-04-30'],
    ['2', '設計', '佐藤', '2025-05-01', '2025-05-31'],
    ['2.1', '基本設計', '鈴木', '2025-05-01', '2025-05-20'],
    ['2.2', '詳細設計', '鈴木', '2025-05-21', '2025-05-31'],
  ];
  tasks.forEach((t, i) => {
    const r = 4 + i * 2;
    ws.getCell(r, 1).value = t[0];
    ws.getCell(r, 2).value = t[1];
    ws.getCell(r, 3).value = t[2];
    ws.getCell(r, 4).value = d(t[3]);
    ws.getCell(r, 5).value = d(t[4]);
    ws.getCell(r, 4).numFmt = 'yyyy/m/d';
    ws.getCell(r, 5).numFmt = 'yyyy/m/d';
    ws.getCell(r, 6).value = '予定';
    ws.getCell(r, 7).value = `メモ${i + 1}`;
    // The code and the memo are merged down over the task's two rows.
    ws.mergeCells(r, 1, r + 1, 1);
    ws.mergeCells(r, 7, r + 1, 7);
    for (let c = 1; c <= 7; c++) {
      ws.getCell(r, c).border = { top: thin, left: thin, right: thin };
      ws.getCell(r + 1, c).border = { bottom: thin, left: thin, right: thin };
    }
    if (i === 2) for (let c = 1; c <= 7; c++) ws.getCell(r, c).fill = yellow;
  });
  ws.getCell('A17').value = '凡例: 上段 予定 / 下段 実績';
  return save(wb);
}

/** A 方眼紙 issue log: every logical column is a merged cell group, on the header and on each data row. */
async function mergedColumns(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('課題一覧');
  ws.getCell('A1').value = '課題管理表';
  const groups: [string, string, string][] = [['A', 'B', 'No'], ['C', 'J', '課題名'], ['K', 'M', '担当者'], ['N', 'P', '期限'], ['Q', 'T', '備考']];
  for (const [a, b, h] of groups) {
    ws.mergeCells(`${a}3:${b}3`);
    ws.getCell(`${a}3`).value = h;
  }
  const rows: [number, string, string, string, string][] = [
    [1, 'ログイン仕様の確認', '山田', '2025-04-10', '顧客確認'],
    [2, '帳票レイアウト確定', '佐藤', '2025-04-20', ''],
    [3, 'テスト環境の手配', '鈴木', '2025-04-25', '至急'],
  ];
  rows.forEach((v, i) => {
    const r = 4 + i;
    for (const [a, b] of groups) ws.mergeCells(`${a}${r}:${b}${r}`);
    ws.getCell(`A${r}`).value = v[0];
    ws.getCell(`C${r}`).value = v[1];
    ws.getCell(`K${r}`).value = v[2];
    ws.getCell(`N${r}`).value = d(v[3]);
    ws.getCell(`N${r}`).numFmt = 'yyyy/m/d';
    if (v[4]) ws.getCell(`Q${r}`).value = v[4];
  });
  return save(wb);
}

/** A register with prepared rows: three filled, then numbered, bordered blank rows; a grey-out rule and a list over all of them. */
async function preparedRows(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('課題管理表');
  ws.getCell('A1').value = '課題管理表';
  ['No', '課題', '状況', '担当', '期限', '備考'].forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  const filled: [string, string, string, string][] = [
    ['仕様の確認', '未着手', '山田', '2025-04-10'],
    ['帳票の確定', '対応中', '佐藤', '2025-04-20'],
    ['環境の手配', '完了', '鈴木', '2025-04-25'],
  ];
  for (let i = 0; i < 13; i++) {
    const r = 4 + i;
    ws.getCell(r, 1).value = i + 1;
    for (let c = 1; c <= 6; c++) ws.getCell(r, c).border = box;
    ws.getCell(r, 5).numFmt = 'yyyy/m/d';
    const f = filled[i];
    if (f) {
      ws.getCell(r, 2).value = f[0];
      ws.getCell(r, 3).value = f[1];
      ws.getCell(r, 4).value = f[2];
      ws.getCell(r, 5).value = d(f[3]);
    }
    ws.getCell(r, 3).dataValidation = { type: 'list', allowBlank: true, formulae: ['"未着手,対応中,完了"'] };
  }
  ws.addConditionalFormatting({
    ref: 'A4:F16',
    rules: [{ type: 'expression', priority: 1, formulae: ['$C4="完了"'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFD9D9D9' } } } }],
  });
  ws.getCell('A18').value = '※ 完了した課題は灰色で表示されます';
  return save(wb);
}

/** A risk register whose No. and score columns are shared formulas, with a row the import leaves out (its ID written twice). */
async function sharedFormulas(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Risk Register');
  ws.getCell('A1').value = 'Risk Register';
  ['Line', 'ID', 'Risk', 'Probability', 'Impact', 'Score', 'Owner', 'Notes'].forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  const risks: [string, string, number, number, string, string][] = [
    ['R1', 'Key supplier fails', 3, 4, 'Kim', 'watch'],
    ['R2', 'Scope creep', 4, 3, 'Lee', ''],
    ['R2', 'Staff turnover', 2, 2, 'Park', 'left out: R2 twice'],
    ['R3', 'Budget cut', 2, 5, 'Choi', 'board'],
    ['R4', 'Late hardware', 3, 3, 'Kim', ''],
  ];
  const last = 3 + risks.length;
  risks.forEach((v, i) => {
    const r = 4 + i;
    ws.getCell(r, 1).value = i === 0 ? ({ formula: 'ROW()-3', result: 1, shareType: 'shared', ref: `A4:A${last}` } as never) : ({ sharedFormula: 'A4', result: i + 1 } as never);
    ws.getCell(r, 2).value = v[0];
    ws.getCell(r, 3).value = v[1];
    ws.getCell(r, 4).value = v[2];
    ws.getCell(r, 5).value = v[3];
    ws.getCell(r, 6).value = i === 0 ? ({ formula: 'D4*E4', result: v[2] * v[3], shareType: 'shared', ref: `F4:F${last}` } as never) : ({ sharedFormula: 'F4', result: v[2] * v[3] } as never);
    ws.getCell(r, 7).value = v[4];
    if (v[5]) ws.getCell(r, 8).value = v[5];
  });
  ws.getCell(`F${last + 2}`).value = { formula: `SUM(F4:F${last})`, result: 0 } as never;
  return save(wb);
}

/** A WBS numbered under the client's project code (1.1, 1.2, 1.2.1 under an unlisted 1), with an unmapped date column and a highlighted row. */
async function prefixedCodes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ['WBS', 'タスク名', '担当', '開始', '終了', '登録日'].forEach((h, i) => (ws.getCell(1, i + 1).value = h));
  const rows: [string, string, string, string, string, string][] = [
    ['1.1', '企画', '山田', '2025-04-01', '2025-04-15', '2025-03-01'],
    ['1.1.1', '企画書作成', '山田', '2025-04-01', '2025-04-10', '2025-03-02'],
    ['1.1.2', '企画承認', '佐藤', '2025-04-11', '2025-04-15', '2025-03-03'],
    ['1.2', '開発', '鈴木', '2025-04-16', '2025-06-30', '2025-03-04'],
    ['1.2.1', '設計', '鈴木', '2025-04-16', '2025-05-15', '2025-03-05'],
    ['1.2.2', '実装', '高橋', '2025-05-16', '2025-06-30', '2025-03-06'],
  ];
  rows.forEach((v, i) => {
    const r = 2 + i;
    ws.getCell(r, 1).value = v[0];
    ws.getCell(r, 2).value = v[1];
    ws.getCell(r, 3).value = v[2];
    for (const [c, iso] of [[4, v[3]], [5, v[4]], [6, v[5]]] as const) {
      ws.getCell(r, c).value = d(iso);
      ws.getCell(r, c).numFmt = 'yyyy/m/d';
    }
    if (i === 4) for (let c = 1; c <= 6; c++) ws.getCell(r, c).fill = yellow;
  });
  return save(wb);
}

/**
 * An issue log in A:F with, past an empty column, a master list (the 状態 column's validation reads
 * it through a name) and a people table beside it, their rows among the log's rows.
 */
async function sideTables(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('課題管理');
  ws.getCell('A1').value = '課題管理表';
  ['No', '課題', '担当', '状態', '期限', '備考'].forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  const rows: [string, string, string, string][] = [
    ['ログイン画面の文言', '山田', '未着手', '2025-04-10'],
    ['帳票の改ページ', '佐藤', '対応中', '2025-04-15'],
    ['性能要件の確認', '鈴木', '完了', '2025-04-20'],
    ['権限の申請', '山田', '未着手', '2025-04-25'],
    ['移行手順の確認', '佐藤', '対応中', '2025-04-30'],
    ['バックアップ設計', '鈴木', '未着手', '2025-05-10'],
  ];
  rows.forEach((r, i) => {
    const row = 4 + i;
    ws.getCell(row, 1).value = i + 1;
    ws.getCell(row, 2).value = r[0];
    ws.getCell(row, 3).value = r[1];
    ws.getCell(row, 4).value = r[2];
    ws.getCell(row, 5).value = d(r[3]);
    ws.getCell(row, 5).numFmt = 'yyyy/m/d';
    ws.getCell(row, 6).value = `備考${i + 1}`;
    for (let c = 1; c <= 6; c++) ws.getCell(row, c).border = box;
  });
  // The master list (H3:H6) and a people table (J3:K6), both beside the log.
  ['状態一覧', '未着手', '対応中', '完了'].forEach((v, i) => (ws.getCell(3 + i, 8).value = v));
  [['担当者', '内線'], ['山田', 101], ['佐藤', 102], ['鈴木', 103]].forEach(([a, b], i) => {
    ws.getCell(3 + i, 10).value = a;
    ws.getCell(3 + i, 11).value = b;
    ws.getCell(3 + i, 10).border = box;
  });
  ws.getCell('K7').value = { formula: 'SUM(K4:K6)', result: 306 };
  ws.mergeCells('J8:K8');
  ws.getCell('J8').value = '※ 内線は変更あり';
  wb.definedNames.add("'課題管理'!$H$4:$H$6", '状態一覧');
  for (let r = 4; r <= 9; r++) ws.getCell(r, 4).dataValidation = { type: 'list', allowBlank: true, formulae: ['状態一覧'] };
  ws.getCell('A11').value = '以上';
  return save(wb);
}

/** A WBS written as 大分類/中分類 columns (each label once, on its group's first row) and the task name. */
async function categoryColumns(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ['大分類', '中分類', 'タスク', '担当', '開始日', '終了日', 'タスクID'].forEach((h, i) => (ws.getCell(2, i + 1).value = h));
  const rows: [string, string, string, string, string, string][] = [
    ['要件定義', '現行調査', '業務フロー作成', '山田', '2025-04-01', '2025-04-05'],
    ['', '', '課題一覧作成', '佐藤', '2025-04-06', '2025-04-10'],
    ['', '要件整理', '要件定義書作成', '山田', '2025-04-11', '2025-04-20'],
    ['設計', '基本設計', '画面設計', '鈴木', '2025-04-21', '2025-05-10'],
    ['', '', '帳票設計', '鈴木', '2025-05-11', '2025-05-20'],
    ['', '詳細設計', 'DB設計', '高橋', '2025-05-21', '2025-05-31'],
  ];
  rows.forEach((v, i) => {
    const r = 3 + i;
    v.slice(0, 4).forEach((x, c) => x && (ws.getCell(r, c + 1).value = x));
    ws.getCell(r, 5).value = d(v[4]);
    ws.getCell(r, 6).value = d(v[5]);
    ws.getCell(r, 5).numFmt = 'yyyy/m/d';
    ws.getCell(r, 6).numFmt = 'yyyy/m/d';
    ws.getCell(r, 7).value = `T${String(i + 1).padStart(3, '0')}`;
    for (let c = 1; c <= 7; c++) ws.getCell(r, c).border = box;
  });
  return save(wb);
}

/** A plan whose 工程 stands on every task row, with a 小計 row summing each group's effort and a 合計 at the end. */
async function groupSubtotals(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.getCell('A1').value = 'WBS 工程表';
  ['No', '工程', '作業', '担当', '開始', '終了', '工数(人日)'].forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  const groups: [string, string[]][] = [['要件定義', ['ヒアリング', '要件定義書']], ['設計', ['基本設計', '詳細設計', 'DB設計']], ['テスト', ['結合テスト']]];
  let r = 4;
  let n = 1;
  let day = Date.UTC(2025, 5, 2);
  const subtotals: number[] = [];
  for (const [group, tasks] of groups) {
    const first = r;
    for (const task of tasks) {
      [n++, group, task, '山田'].forEach((v, c) => (ws.getCell(r, c + 1).value = v));
      ws.getCell(r, 5).value = new Date(day);
      ws.getCell(r, 6).value = new Date(day + 3 * 86_400_000);
      ws.getCell(r, 5).numFmt = 'yyyy/mm/dd';
      ws.getCell(r, 6).numFmt = 'yyyy/mm/dd';
      ws.getCell(r, 7).value = 3;
      day += 7 * 86_400_000;
      r++;
    }
    ws.getCell(r, 3).value = '小計';
    ws.getCell(r, 7).value = { formula: `SUM(G${first}:G${r - 1})`, result: 3 * tasks.length };
    for (let c = 1; c <= 7; c++) ws.getCell(r, c).fill = yellow;
    subtotals.push(r++);
  }
  ws.getCell(r, 3).value = '合計';
  ws.getCell(r, 7).value = { formula: subtotals.map((x) => `G${x}`).join('+'), result: 18 };
  return save(wb);
}

/** The minimal H8 plan: No | 作業名 | 区分 | 開始日 | 終了日, No and 作業名 merged over each task's two rows. */
export async function h8Minimal(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['No', '作業名', '区分', '開始日', '終了日']);
  const rows: [number | null, string | null, string, string | null, string | null][] = [
    [1, '移行計画', '予定', '2025-06-02', '2025-06-06'],
    [null, null, '実績', '2025-06-03', '2025-06-09'],
    [2, '移行リハーサル', '予定', '2025-06-09', '2025-06-13'],
    [null, null, '実績', '2025-06-10', null],
  ];
  for (const [no, name, label, a, b] of rows) {
    const row = ws.addRow([no, name, label, a && d(a), b && d(b)]);
    row.getCell(4).numFmt = 'yyyy/m/d';
    row.getCell(5).numFmt = 'yyyy/m/d';
  }
  ws.mergeCells('A2:A3');
  ws.mergeCells('B2:B3');
  ws.mergeCells('A4:A5');
  ws.mergeCells('B4:B5');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A query log whose long queries the client wrapped by hand into the rows below (only the query cell filled there). */
async function wrappedTitles(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('QA');
  ['Module', 'Query', 'Raised by', 'Date', 'Status'].forEach((h, i) => (ws.getCell(1, i + 1).value = h));
  const rows: [string, string[], string, string, string][] = [
    ['Login', ['If a returning user enters a wrong password three times', 'should the account be locked'], 'Fujita', '2025-04-01', 'Open'],
    ['Report', ['Is the page break of the monthly report fixed?'], 'Ito', '2025-04-02', 'Open'],
    ['Checks', ['Where do the data checks go: in the action definition', 'or in a separate sheet that', 'lists every field'], 'Fujita', '2025-04-03', 'Closed'],
    ['Calendar', ['Does the calendar open on today?'], 'Nakamura', '2025-04-04', 'Open'],
  ];
  let r = 2;
  for (const [module, lines, who, day, status] of rows) {
    ws.getCell(r, 1).value = module;
    ws.getCell(r, 3).value = who;
    ws.getCell(r, 4).value = d(day);
    ws.getCell(r, 4).numFmt = 'yyyy/m/d';
    ws.getCell(r, 5).value = status;
    for (const line of lines) ws.getCell(r++, 2).value = line;
  }
  return save(wb);
}

/** An issue log whose No. is the client's running-number formula (=ROW()-2): it renumbers when rows go. */
async function formulaNumbers(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('課題');
  ws.getCell('A1').value = '課題一覧';
  ['No.', '課題', '担当', '期限'].forEach((h, i) => (ws.getCell(2, i + 1).value = h));
  ['環境の準備', '権限の申請', '帳票の確認', '移行手順', '性能試験'].forEach((t, i) => {
    const r = 3 + i;
    ws.getCell(r, 1).value = { formula: 'ROW()-2', result: i + 1 };
    ws.getCell(r, 2).value = t;
    ws.getCell(r, 3).value = ['山田', '佐藤', '鈴木'][i % 3];
    ws.getCell(r, 4).value = d(`2025-05-${String(10 + i).padStart(2, '0')}`);
    ws.getCell(r, 4).numFmt = 'yyyy/m/d';
  });
  return save(wb);
}

/** A risk sheet rating 発生可能性 / 影響度 by a 〇 in one of the columns 大 | 中 | 小 under each (blind G4). */
async function ratingStepMarks(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('リスク管理表');
  ws.getCell('A1').value = 'リスク管理表';
  ws.addRow([]);
  ws.addRow(['No', 'リスク', '発生可能性', null, null, '影響度', null, null, '担当', '対策']);
  ws.addRow([null, null, '大', '中', '小', '大', '中', '小', null, null]);
  const risks: [string, number, number, string][] = [
    ['要員不足', 0, 2, '山田'],
    ['仕様変更', 1, 0, '佐藤'],
    ['納期遅延', 2, 1, '鈴木'],
    ['性能未達', 0, 0, '山田'],
    ['環境障害', 1, 2, '佐藤'],
  ];
  risks.forEach(([title, p, i, who], k) => {
    const row = ws.addRow([k + 1, title, null, null, null, null, null, null, who, `対策${k + 1}`]);
    row.getCell(3 + p).value = '〇';
    row.getCell(6 + i).value = '〇';
    for (let c = 1; c <= 10; c++) row.getCell(c).border = box;
  });
  for (const r of ['A3:A4', 'B3:B4', 'C3:E3', 'F3:H3', 'I3:I4', 'J3:J4']) ws.mergeCells(r);
  return save(wb);
}

/** A WBS numbered by its code column (1, 1.1 …), no ID column, 先行 naming those codes (blind G18). */
async function dottedCodeLinks(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.addRow(['WBS', '作業名', '開始日', '終了日', '先行', '備考']);
  const rows: [string, string, string | null, string | null, string | null][] = [
    ['1', '要件定義', null, null, null],
    ['1.1', '業務要件整理', '2025-06-02', '2025-06-06', null],
    ['1.2', '機能要件定義', '2025-06-09', '2025-06-13', '1.1'],
    ['1.3', '非機能要件定義', '2025-06-16', '2025-06-20', '1.2'],
    ['2', '設計', null, null, null],
    ['2.1', '基本設計', '2025-06-23', '2025-06-27', '1.3'],
    ['2.2', '詳細設計', '2025-06-30', '2025-07-04', '2.1'],
    ['3', '製造', null, null, null],
    ['3.1', '画面製造', '2025-07-07', '2025-07-18', '2.2FS+1'],
  ];
  rows.forEach(([code, name, start, finish, pred], k) => {
    const row = ws.addRow([code, name, start && d(start), finish && d(finish), pred, `メモ${k + 1}`]);
    row.getCell(3).numFmt = 'yyyy/m/d';
    row.getCell(4).numFmt = 'yyyy/m/d';
  });
  return save(wb);
}

/** How a hand-painted gantt band is drawn (paintedGantt). */
export interface GanttStyle {
  /** Days per column: 1 (a column per day) or 7 (per week). */
  step: 1 | 7;
  /** Bars as filled cells or as marks. */
  paint: 'fill' | 'mark';
  /** The mark (■ unless given: ● ○ ━ ▬ 1). */
  mark?: string;
  /**
   * The heads: dates (the default), the days of the month (1 … 30) under a row naming the month, or week
   * numbers W1 … over a row giving each week's Monday as text (4/7).
   */
  heads?: 'dates' | 'monthDays';
  /** Bars painted on working days only: weekends and national holidays left blank (and shaded) inside a bar. */
  workingDays?: boolean;
}

/**
 * A WBS with a gantt painted by hand right of it: a column per day (`step` 1, weekends shaded) or per week
 * (`step` 7) of April 2025, each task's bar as filled cells or marks over the columns its dates reach (on
 * working days only, with `workingDays`: 4/29 昭和の日 is a Tuesday).
 */
export async function paintedGantt({ step, paint, mark = '■', heads = 'dates', workingDays = false }: GanttStyle): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Gantt');
  ws.getCell('A1').value = 'Release plan';
  // Day numbers need the month above them: the header is one row lower, under a row naming the month.
  const h = heads === 'monthDays' ? 3 : 2;
  if (heads === 'monthDays') {
    ws.getCell(2, 6).value = '2025年4月';
    ws.mergeCells(2, 6, 2, 6 + (step === 1 ? 29 : 4));
  }
  ['No', 'Task', 'Owner', 'Start', 'Finish'].forEach((x, i) => (ws.getCell(h, i + 1).value = x));
  const day = (n: number) => new Date(Date.UTC(2025, 3, n)); // April 2025: the 5th and 6th a weekend
  const columns = step === 1 ? 30 : 5;
  for (let k = 0; k < columns; k++) {
    const cell = ws.getCell(h, 6 + k);
    if (heads === 'monthDays') cell.value = 1 + k * step;
    else {
      cell.value = day(1 + k * step);
      cell.numFmt = 'd';
    }
  }
  const tasks: [string, string, number, number][] = [
    ['Scope', 'Kim', 1, 4],
    ['Design', 'Lee', 7, 11],
    ['Build', 'Park', 12, 18],
    ['Test', 'Kim', 21, 25],
    ['Launch', 'Lee', 28, 30],
  ];
  const off = (n: number) => [5, 6, 12, 13, 19, 20, 26, 27].includes(n) || (workingDays && n === 29);
  tasks.forEach(([name, who, from, to], i) => {
    const r = h + 1 + i;
    ws.getCell(r, 1).value = i + 1;
    ws.getCell(r, 2).value = name;
    ws.getCell(r, 3).value = who;
    ws.getCell(r, 4).value = day(from);
    ws.getCell(r, 5).value = day(to);
    ws.getCell(r, 4).numFmt = 'yyyy/mm/dd';
    ws.getCell(r, 5).numFmt = 'yyyy/mm/dd';
    for (let k = 0; k < columns; k++) {
      const cell = ws.getCell(r, 6 + k);
      const [a, b] = [1 + k * step, k * step + step];
      const shaded = step === 1 && off(a);
      const on = a <= to && b >= from && !(workingDays && shaded);
      if (on && paint === 'mark') cell.value = mark;
      const argb = on && paint === 'fill' ? 'FF4F81BD' : shaded ? 'FFD9D9D9' : null;
      if (argb) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
    }
  });
  return save(wb);
}

/**
 * A two-row plan (予定 row, 実績 row per task, No and name merged down both) with a gantt beside it that
 * paints the plan's bar on the plan row and the actual bar on the actual row, each its own way: by day
 * (`step` 1, June–July 2025) or by week (`step` 7), as fills (blue plan, orange actual) or as marks (■ plan,
 * ● actual).
 */
export async function planActualGantt({ step, paint }: { step: 1 | 7; paint: 'fill' | 'mark' }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工程表');
  ws.getCell('A1').value = '移行スケジュール（上段：予定　下段：実績）';
  ['No', '作業名', '区分', '開始日', '終了日'].forEach((x, i) => (ws.getCell(3, i + 1).value = x));
  const day0 = Date.UTC(2025, 5, 2); // Monday 2025-06-02
  const columns = step === 1 ? 42 : 10;
  const serialDay = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - day0) / 86_400_000;
  for (let k = 0; k < columns; k++) {
    const cell = ws.getCell(3, 6 + k);
    cell.value = new Date(day0 + k * step * 86_400_000);
    cell.numFmt = 'm/d';
  }
  const tasks: [string, string, string, string | null, string | null][] = [
    ['移行計画', '2025-06-02', '2025-06-06', '2025-06-03', '2025-06-10'],
    ['データ棚卸', '2025-06-09', '2025-06-18', '2025-06-09', '2025-06-20'],
    ['移行ツール作成', '2025-06-16', '2025-06-27', '2025-06-17', '2025-06-30'],
    ['リハーサル', '2025-06-30', '2025-07-04', '2025-07-01', '2025-07-03'],
    ['本番移行', '2025-07-07', '2025-07-09', null, null],
    ['稼働確認', '2025-07-10', '2025-07-11', null, null],
  ];
  const paintRow = (r: number, from: string | null, to: string | null, argb: string, mark: string) => {
    if (!from || !to) return;
    const [a, b] = [serialDay(from), serialDay(to)];
    for (let k = 0; k < columns; k++) {
      if (k * step > b || k * step + step - 1 < a) continue;
      const cell = ws.getCell(r, 6 + k);
      if (paint === 'mark') cell.value = mark;
      else cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
    }
  };
  tasks.forEach(([name, ps, pf, as, af], i) => {
    const r = 4 + i * 2;
    ws.getCell(r, 1).value = i + 1;
    ws.getCell(r, 2).value = name;
    ws.getCell(r, 3).value = '予定';
    ws.getCell(r + 1, 3).value = '実績';
    for (const [row, iso, c] of [[r, ps, 4], [r, pf, 5], [r + 1, as, 4], [r + 1, af, 5]] as const)
      if (iso) {
        ws.getCell(row, c).value = d(iso);
        ws.getCell(row, c).numFmt = 'yyyy/m/d';
      }
    ws.mergeCells(r, 1, r + 1, 1);
    ws.mergeCells(r, 2, r + 1, 2);
    paintRow(r, ps, pf, 'FF4F81BD', '■');
    paintRow(r + 1, as, af, 'FFF79646', '●');
  });
  return save(wb);
}

/** How a two-row plan (a plan row and an actual row per task) is drawn: its label words, merges, extra columns. */
export interface PlanActualStyle {
  /** The label column's words: plan row, actual row (予定/実績, 計画/実績, Plan/Actual, P/A). */
  labels: [string, string];
  /** The header words: No, name, label, start, finish, progress (null: no progress column). */
  header: [string, string, string, string, string, string | null];
  /** The No and name cells merged down over both rows (else written on the plan row, the actual row's blank). */
  mergeName: boolean;
  /** Date cells as text in this form ('m/d'), else date serials. */
  textDates?: 'm/d';
  /** A WBS code column, the tree by code (else a flat list). */
  codes?: boolean;
  /**
   * Where the 予定/実績 words stand: on every task's two rows (default); on the first task's only (the
   * client labelled the first block and left the others blank); or once, in one cell merged down over the
   * label column of every task's rows (予定\n実績).
   */
  labelsIn?: 'every' | 'first' | 'merged';
}

/**
 * A plan that spends two sheet rows per task (blind set 3, H8): the plan row and the actual row under
 * it, told apart by a label column, the dates in the same columns (the actual row's: the actual dates),
 * a progress typed on the actual row, a memo column no field maps; the No column numbered down the tasks.
 */
export async function planActualRows(style: PlanActualStyle): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Schedule');
  ws.getCell('A1').value = 'Migration schedule';
  const [no, name, label, start, finish, progress] = style.header;
  const head = [no, ...(style.codes ? ['WBS'] : []), name, label, start, finish, ...(progress ? [progress] : []), 'Memo'];
  head.forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  const col = (h: string) => head.indexOf(h) + 1;
  const tasks: [string, string, string, string, string | null, string | null, number | null][] = [
    ['1', 'Plan the move', '2025-06-02', '2025-06-06', '2025-06-03', '2025-06-09', 100],
    ['1.1', 'Inventory', '2025-06-09', '2025-06-13', '2025-06-10', null, 50],
    ['1.2', 'Rehearsal', '2025-06-16', '2025-06-20', null, null, 0],
    ['2', 'Cut over', '2025-06-23', '2025-06-27', null, null, null],
    ['2.1', 'Freeze', '2025-06-30', '2025-07-04', null, null, null],
  ];
  const date = (ws: ExcelJS.Worksheet, r: number, c: number, iso: string | null) => {
    if (iso === null) return;
    if (style.textDates) ws.getCell(r, c).value = `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`;
    else {
      ws.getCell(r, c).value = d(iso);
      ws.getCell(r, c).numFmt = 'yyyy/m/d';
    }
  };
  tasks.forEach(([code, title, ps, pf, as, af, pct], i) => {
    const r = 4 + i * 2;
    ws.getCell(r, 1).value = i + 1;
    if (style.codes) ws.getCell(r, col('WBS')).value = code;
    ws.getCell(r, col(name)).value = style.codes ? title : `${title} ${code}`;
    if ((style.labelsIn ?? 'every') === 'every' || (style.labelsIn === 'first' && i === 0)) {
      ws.getCell(r, col(label)).value = style.labels[0];
      ws.getCell(r + 1, col(label)).value = style.labels[1];
    }
    date(ws, r, col(start), ps);
    date(ws, r, col(finish), pf);
    date(ws, r + 1, col(start), as);
    date(ws, r + 1, col(finish), af);
    if (progress && pct !== null) {
      ws.getCell(r + 1, col(progress)).value = pct / 100;
      ws.getCell(r + 1, col(progress)).numFmt = '0%';
    }
    ws.getCell(r, col('Memo')).value = `memo ${i + 1}`;
    if (style.mergeName) for (const c of [1, ...(style.codes ? [col('WBS')] : []), col(name), col('Memo')]) ws.mergeCells(r, c, r + 1, c);
    for (let c = 1; c <= head.length; c++) {
      ws.getCell(r, c).border = { top: thin, left: thin, right: thin };
      ws.getCell(r + 1, c).border = { bottom: thin, left: thin, right: thin };
    }
    if (i === 2) for (let c = 1; c <= head.length; c++) ws.getCell(r + 1, c).fill = yellow;
  });
  if (style.labelsIn === 'merged') {
    ws.getCell(4, col(label)).value = `${style.labels[0]}\n${style.labels[1]}`;
    ws.mergeCells(4, col(label), 3 + tasks.length * 2, col(label));
  }
  ws.getCell(`A${5 + tasks.length * 2}`).value = 'Note: upper row plan, lower row actual';
  return save(wb);
}

/** A register drawn two rows per record under a header of two rows: per column, the top word and the bottom one (null: merged down over both; '': under the bottom word of a `wide` group to its left). */
export interface StackedStyle {
  sheet: string;
  header: [string, string | null][];
  /** Per record, per column: the first row's value and the second's (a single value: merged down over both rows). */
  records: (string | number | [string | number | null, string | number | null])[][];
  /** Columns (0-based) holding dates (yyyy-mm-dd values written as dates). */
  dates: number[];
  /**
   * Bottom words merged across several columns, each with its own top word (詳細 over D:E under 件名 |
   * 担当): [first, last] (0-based). Each record's second row is merged over the same columns.
   */
  wide?: [number, number][];
  /** Numbered blank two-row blocks prepared after the records (the No. column goes on 1, 2, …), drawn as records are. */
  prepared?: number;
}

/**
 * A register whose record spends two rows under a two-row header (件名 over 担当, 期限 over 備考; No. and
 * 状態 merged down over both header rows and over each record's two rows), boxed per record.
 */
export async function stackedRegister(style: StackedStyle): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(style.sheet);
  ws.getCell('A1').value = style.sheet;
  const wide = style.wide ?? [];
  style.header.forEach(([top, bottom], c) => {
    ws.getCell(3, c + 1).value = top;
    if (bottom === null) ws.mergeCells(3, c + 1, 4, c + 1);
    else if (bottom !== '') ws.getCell(4, c + 1).value = bottom;
  });
  for (const [a, b] of wide) ws.mergeCells(4, a + 1, 4, b + 1);
  const put = (r: number, c: number, v: string | number | null) => {
    if (v === null) return;
    if (style.dates.includes(c) && typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v)) {
      ws.getCell(r, c + 1).value = d(v);
      ws.getCell(r, c + 1).numFmt = 'yyyy/m/d';
    } else ws.getCell(r, c + 1).value = v;
  };
  // The prepared blocks: the No. column's next numbers, every other cell blank, merged and boxed as a record.
  const blank = (n: number) => style.header.map(([, bottom], c) => (bottom === null ? (c === 0 ? n : null) : ([null, null] as [null, null])));
  const rows = [...style.records, ...Array.from({ length: style.prepared ?? 0 }, (_, i) => blank(style.records.length + i + 1))];
  rows.forEach((rec, i) => {
    const r = 5 + i * 2;
    rec.forEach((v, c) => {
      if (Array.isArray(v)) {
        put(r, c, v[0]);
        put(r + 1, c, v[1]);
      } else {
        put(r, c, v);
        ws.mergeCells(r, c + 1, r + 1, c + 1);
      }
      ws.getCell(r, c + 1).border = { top: thin, left: thin, right: thin };
      ws.getCell(r + 1, c + 1).border = { bottom: thin, left: thin, right: thin };
    });
    for (const [a, b] of wide) ws.mergeCells(r + 1, a + 1, r + 1, b + 1);
  });
  ws.getCell(`A${6 + rows.length * 2}`).value = '※ 上段・下段で1件';
  return save(wb);
}

/**
 * An issue register of two-row records whose words beside the title are the client's own (申出日 over 目標日,
 * 申出部署 over 対応部署): detection reads it two rows a record and asks about those columns.
 */
export const STACKED_CLIENT_WORDS: StackedStyle = {
  sheet: '検討事項一覧',
  header: [['整理No', null], ['件名', '対応メモ'], ['申出日', '目標日'], ['申出部署', '対応部署'], ['状況', null]],
  records: [
    [1, ['外来予約の締切時刻', '診療部と調整中'], ['2027-04-05', '2027-04-30'], ['医事課', '情報システム室'], '対応中'],
    [2, ['検査結果の返却経路', '部門システム側で改修'], ['2027-04-08', '2027-05-14'], ['検査部', 'ベンダー'], '完了'],
    [3, ['病棟端末の台数', '追加 12 台で合意'], ['2027-04-12', '2027-05-21'], ['看護部', '施設課'], '未着手'],
    [4, ['旧カルテの参照期間', '5 年で確定'], ['2027-04-15', '2027-06-04'], ['診療録管理室', '情報システム室'], '対応中'],
  ],
  dates: [2],
};

export const STACKED_STYLES: Record<string, { target: ImportTarget; style: StackedStyle }> = {
  '課題 (件名/担当, 期限/備考)': {
    target: 'issue',
    style: {
      sheet: '課題管理表',
      header: [['No', null], ['件名', '担当'], ['期限', '備考'], ['状態', null]],
      records: [
        [1, ['ログイン仕様の確認', '山田'], ['2025-04-10', '顧客確認'], '未着手'],
        [2, ['帳票レイアウト確定', '佐藤'], ['2025-04-20', null], '対応中'],
        [3, ['テスト環境の手配', '鈴木'], ['2025-04-25', '至急'], '完了'],
        [4, ['権限の申請', '山田'], ['2025-05-07', null], '未着手'],
      ],
      dates: [2],
    },
  },
  'Risk (Risk/Owner, Raised/Response)': {
    target: 'risk',
    style: {
      sheet: 'Risks',
      header: [['ID', null], ['Risk', 'Owner'], ['Date Raised', 'Response'], ['Probability', null], ['Impact', null], ['Status', null]],
      records: [
        ['R1', ['Key supplier fails', 'Kim'], ['2025-03-01', 'Second source'], 3, 4, 'Open'],
        ['R2', ['Scope creep', 'Lee'], ['2025-03-05', null], 4, 3, 'Open'],
        ['R3', ['Budget cut', 'Choi'], ['2025-03-09', 'Board review'], 2, 5, 'Closed'],
      ],
      dates: [2],
    },
  },
  // The second row's word merged over the columns of two (or three) top words, as is each record's second
  // row (issues-giga-tanmatsu: 件名 | 担当 over 詳細, 期限 over 完了日), with numbered blank blocks prepared.
  '課題 (件名|担当 over 詳細 merged, 期限 over 完了日, prepared blocks)': {
    target: 'issue',
    style: {
      sheet: '課題一覧',
      header: [['No.', null], ['受付日', null], ['学校名', null], ['件名', '詳細'], ['担当', ''], ['期限', '完了日'], ['優先度', null], ['状況', null]],
      records: [
        [1, '2025-05-12', '第一小学校', ['充電保管庫のブレーカーが落ちる', '充電時刻をずらす設定に変更。'], ['支援員 松田', null], ['2025-05-16', '2025-05-15'], 'A', '完了'],
        [2, '2025-05-14', '北中学校', ['旧端末のデータ移行方法が不明', '手順書の作成を依頼された。'], ['指導主事 岡', null], ['2025-05-30', null], 'B', '対応中'],
        [3, '2025-05-19', '南小学校', ['校内Wi-Fiが3階で途切れる', null], ['業者 ネクスト', null], ['2025-06-13', null], 'A', '未対応'],
        [4, '2025-05-21', '西中学校', ['フィルタリングで授業用サイトが見られない', '許可リストへ追加申請。'], ['係長 堀', null], ['2025-06-06', '2025-06-03'], 'C', '完了'],
      ],
      dates: [1, 5],
      wide: [[3, 4]],
      prepared: 3,
    },
  },
  'Issue log (Issue|Owner|Due over Details merged over three, no prepared blocks)': {
    target: 'issue',
    style: {
      sheet: 'Issues',
      header: [['#', null], ['Raised', null], ['Issue', 'Details'], ['Owner', ''], ['Due', ''], ['Status', null]],
      records: [
        [1, '2025-03-03', ['Printer queue stalls at month end', 'Spooler restarted nightly as a stopgap.'], ['Ito', null], ['2025-03-14', null], 'Open'],
        [2, '2025-03-05', ['VPN drops on hotel networks', null], ['Kato', null], ['2025-03-21', null], 'Open'],
        [3, '2025-03-10', ['Licence count short by 12 seats', 'Order raised with the reseller.'], ['Mori', null], ['2025-03-28', null], 'Closed'],
      ],
      dates: [1, 4],
      wide: [[2, 4]],
    },
  },
};

/**
 * A staffing plan (要員体制表): one row per role under its team's row, who fills it, and the period as
 * text by month (2025/4〜2025/9), a load and a note no field maps (blind-set family: the 期間 cell of a
 * surviving, unchanged record was rewritten).
 */
export async function staffingPlan(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('要員体制表');
  ws.getCell('A1').value = '要員体制表';
  ['No', 'WBS', '項目', '担当者', '期間', '稼働率', '備考'].forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  const rows: [string, string, string, string, number | null, string | null][] = [
    ['1', 'PMO', '', '2025/4〜2026/3', null, null],
    ['1.1', 'PM', '山田', '2025/4〜2026/3', 1, null],
    ['1.2', 'PMO事務局', '佐藤', '2025/4〜2025/9', 0.5, '兼務'],
    ['2', '開発チーム', '', '2025/6〜2026/1', null, null],
    ['2.1', 'リーダー', '鈴木', '2025/6〜2026/1', 1, null],
    ['2.2', 'メンバー', '高橋', '2025/6〜2026/1', 1, '協力会社'],
    ['2.3', 'メンバー', '田中', '2025/10〜2026/1', 0.8, null],
    ['3', '運用チーム', '', '2026/1〜2026/3', null, null],
    ['3.1', '運用担当', '伊藤', '2026/1〜2026/3', 0.5, null],
  ];
  rows.forEach(([code, role, who, period, load, note], i) => {
    const r = 4 + i;
    ws.getCell(r, 1).value = i + 1;
    ws.getCell(r, 2).value = code;
    ws.getCell(r, 3).value = role;
    if (who) ws.getCell(r, 4).value = who;
    ws.getCell(r, 5).value = period;
    if (load !== null) {
      ws.getCell(r, 6).value = load;
      ws.getCell(r, 6).numFmt = '0%';
    }
    if (note) ws.getCell(r, 7).value = note;
    for (let c = 1; c <= 7; c++) ws.getCell(r, c).border = { top: thin, left: thin, bottom: thin, right: thin };
  });
  // A period the rows of a team share is one cell merged down over them (the team's row and its first two roles).
  ws.mergeCells('E7:E9');
  ws.mergeCells('E4:E5');
  return save(wb);
}

/** A plan of two rows per task (予定 over 実績) whose top level is a 大項目 column repeated on every task. */
export interface CategoryPairStyle {
  /** Header words: No (null: no No. column), category, task, assignee, row label, start, finish, effort (null: none). */
  header: [string | null, string, string, string, string, string, string, string | null];
  labels: [string, string];
  /** The No. column numbers the tasks by a formula of the row (=(ROW()-3)/2), else typed numbers. */
  rowFormula: boolean;
}

/**
 * No./大項目/作業/担当 each merged down over a task's two rows (予定 and 実績: dates and effort on each), the
 * 大項目 written on every task (blind set 12, T1: a top-level task without subtasks, written with its name in
 * 大項目 and 作業 blank, was read as a group heading, or past the table's end, and vanished).
 */
export async function categoryPairs(style: CategoryPairStyle): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('スケジュール');
  ws.getCell('A1').value = '基盤刷新 詳細スケジュール';
  const head = style.header.filter((h): h is string => h !== null);
  head.forEach((h, i) => {
    ws.getCell(4, i + 1).value = h;
    ws.getCell(4, i + 1).border = box;
  });
  const col = (k: number) => head.indexOf(style.header[k]!) + 1;
  const tasks: [string, string, string, string, string, string | null, string | null, number, number | null][] = [
    ['要件定義', '現行フロー分析', '大野', '2025-04-07', '2025-04-16', '2025-04-08', '2025-04-17', 16, 15],
    ['要件定義', 'IVR要件整理', '大野', '2025-04-17', '2025-04-23', '2025-04-17', '2025-04-24', 10, 12],
    ['基盤構築', 'PBX環境構築', '森田', '2025-05-09', '2025-05-20', '2025-05-09', null, 16, null],
    ['基盤構築', 'CRM連携開発', 'ケリー', '2025-05-19', '2025-05-30', null, null, 20, null],
    ['切替', 'オペレーター研修', '池田', '2025-06-26', '2025-07-02', null, null, 5, null],
  ];
  const date = (r: number, c: number, iso: string | null) => {
    if (iso === null) return;
    ws.getCell(r, c).value = d(iso);
    ws.getCell(r, c).numFmt = 'yyyy/m/d';
  };
  tasks.forEach(([category, name, who, ps, pf, as, af, pe, ae], i) => {
    const r = 5 + i * 2;
    if (style.header[0] !== null) ws.getCell(r, col(0)).value = style.rowFormula ? { formula: '(ROW()-3)/2', result: i + 1 } as ExcelJS.CellFormulaValue : i + 1;
    ws.getCell(r, col(1)).value = category;
    ws.getCell(r, col(2)).value = name;
    ws.getCell(r, col(3)).value = who;
    ws.getCell(r, col(4)).value = style.labels[0];
    ws.getCell(r + 1, col(4)).value = style.labels[1];
    date(r, col(5), ps);
    date(r, col(6), pf);
    date(r + 1, col(5), as);
    date(r + 1, col(6), af);
    if (style.header[7] !== null) {
      ws.getCell(r, col(7)).value = pe;
      if (ae !== null) ws.getCell(r + 1, col(7)).value = ae;
    }
    for (const k of [0, 1, 2, 3]) if (style.header[k] !== null) ws.mergeCells(r, col(k), r + 1, col(k));
    for (let c = 1; c <= head.length; c++) {
      ws.getCell(r, c).border = box;
      ws.getCell(r + 1, c).border = box;
    }
  });
  ws.getCell(`A${5 + tasks.length * 2 + 1}`).value = '※ 工数は人日。実績行は作業終了時に記入すること。';
  return save(wb);
}

/** How a 方眼紙 form numbers its records and prepared rows: plain numbers, or codes of the client's. */
/**
 * How the form numbers its rows: plain numbers or codes down the records and the prepared rows; or codes
 * on the records only, typed ('blank') or the client's formula of the row ('formula'), the prepared rows
 * blank (drawn as the records are).
 */
export type GridFormNumbers = 'plain' | 'code' | 'blank' | 'formula';

/**
 * A 方眼紙 issue form (every logical column a merged group of narrow cells: No over B:C, 課題内容 over
 * G:T …) with numbered prepared rows under the records, drawn plainer than the records (no wrap, no top
 * alignment), and two notes under the table (blind set 12, E4: a new record was inserted above the
 * prepared rows, which moved down one with the notes, the first prepared number twice).
 */
export async function gridFormPrepared(numbers: GridFormNumbers): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('課題管理表');
  for (let c = 1; c <= 40; c++) ws.getColumn(c).width = 2.6;
  ws.mergeCells('B1:AN1');
  ws.getCell('B1').value = '○○市 標準化 課題管理表';
  ws.mergeCells('B2:F2');
  ws.getCell('B2').value = '案件名：';
  ws.mergeCells('G2:T2');
  ws.getCell('G2').value = '標準準拠システム移行';
  const groups: [string, string, string][] = [['B', 'C', 'No'], ['D', 'F', '区分'], ['G', 'T', '課題内容'], ['U', 'AD', '対応方針'], ['AE', 'AH', '担当'], ['AI', 'AL', '期限'], ['AM', 'AN', '状況']];
  const no = (k: number) => (numbers === 'plain' ? k : `Q-${String(k).padStart(3, '0')}`);
  const blank = numbers === 'blank' || numbers === 'formula';
  const records: [string, string, string, string, string, string][] = [
    ['質問', '標準仕様書の差分のうち様式に影響する項目はどれか。', '差分一覧を作成し回答済み。', '市民課', '2025-06-26', '完了'],
    ['課題', 'ガバメントクラウド移行時期が推奨期限に間に合わない見込み。', '移行困難システムとして届出を調整中。', '税務課', '2025-05-19', '対応中'],
    ['要望', '帳票を現行どおりA4縦で出力したい。', '運用で対応。', '福祉課', '2025-05-15', '完了'],
    ['課題', '外字約1,200字の同定が未完了。', '', '情報政策課', '2025-05-14', '未着手'],
  ];
  const prepared = 5;
  const top = 5;
  groups.forEach(([a, b, h]) => {
    ws.mergeCells(`${a}4:${b}4`);
    ws.getCell(`${a}4`).value = h;
    ws.getCell(`${a}4`).border = box;
  });
  for (let i = 0; i < records.length + prepared; i++) {
    const r = top + i;
    for (const [a, b] of groups) ws.mergeCells(`${a}${r}:${b}${r}`);
    const rec = records[i];
    if (rec && numbers === 'formula') ws.getCell(`B${r}`).value = { formula: `"Q-"&TEXT(ROW()-${top - 1},"000")`, result: no(i + 1) };
    else if (rec || !blank) ws.getCell(`B${r}`).value = no(i + 1);
    for (const [a] of groups) {
      ws.getCell(`${a}${r}`).border = box;
      // (The records are drawn wrapped and top-aligned; numbered prepared rows are left plain, blank ones drawn as the records.)
      if (rec || blank) ws.getCell(`${a}${r}`).alignment = { vertical: 'top', wrapText: true };
    }
    if (!rec) continue;
    ws.getCell(`D${r}`).value = rec[0];
    ws.getCell(`G${r}`).value = rec[1];
    if (rec[2]) ws.getCell(`U${r}`).value = rec[2];
    ws.getCell(`AE${r}`).value = rec[3];
    ws.getCell(`AI${r}`).value = d(rec[4]);
    ws.getCell(`AI${r}`).numFmt = 'yyyy/m/d';
    ws.getCell(`AM${r}`).value = rec[5];
  }
  const after = top + records.length + prepared + 1;
  ws.getCell(`B${after}`).value = '※区分　課題／質問／要望';
  ws.getCell(`B${after + 1}`).value = '※期限を過ぎた課題は定例会で報告すること。';
  return save(wb);
}

/** What a risk register's prepared rows carry: the next IDs and the records' formulas, the IDs alone, or the formulas alone. */
export type PreparedCarry = 'both' | 'ids' | 'formulas';

/**
 * A risk register with prepared rows under its records, drawn plainer than the records (no fill, another
 * date format), carrying the next IDs (R-005 …) and/or the records' Score and RAG formulas, with a note
 * under the table and a RAG format over every row (blind set 14, E1, risk-ph-bpo: a new risk filled the
 * first prepared row and also pushed the prepared rows and the note down one, R-009 twice).
 */
export async function preparedFormulaRisks(carry: PreparedCarry): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Risk Register');
  ws.getCell('A1').value = 'RISK REGISTER';
  ['Risk ID', 'Date Identified', 'Risk Description', 'Likelihood', 'Consequence', 'Rating', 'RAG', 'Owner'].forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  const risks: [string, string, number, number, string][] = [
    ['2025-03-24', 'Attrition of trained agents before go-live', 4, 4, 'HR Lead'],
    ['2025-03-31', 'VPN tokens not provisioned for the training batch', 3, 5, 'IT Lead'],
    ['2025-04-07', 'Knowledge transfer sessions cancelled at short notice', 3, 2, 'Transition Mgr'],
    ['2025-04-14', 'Number porting delayed by the regulator', 2, 2, 'Site Director'],
  ];
  const prepared = 5;
  const pale: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEAF1DD' } };
  for (let i = 0; i < risks.length + prepared; i++) {
    const r = 4 + i;
    const v = risks[i];
    if (v || carry !== 'formulas') ws.getCell(r, 1).value = `R-${String(i + 1).padStart(3, '0')}`;
    if (v) {
      ws.getCell(r, 2).value = d(v[0]);
      ws.getCell(r, 3).value = v[1];
      ws.getCell(r, 4).value = v[2];
      ws.getCell(r, 5).value = v[3];
      ws.getCell(r, 8).value = v[4];
    }
    const score = v ? v[2] * v[3] : 0;
    if (v || carry !== 'ids') {
      ws.getCell(r, 6).value = { formula: `D${r}*E${r}`, result: score } as never;
      // (The prepared rows test the score for 0, the records for "": written apart, as a client does.)
      const rag = score >= 15 ? 'Red' : score >= 8 ? 'Amber' : score > 0 ? 'Green' : '';
      ws.getCell(r, 7).value = { formula: v ? `IF(F${r}="","",IF(F${r}>=15,"Red",IF(F${r}>=8,"Amber","Green")))` : `IF(F${r}=0,"",IF(F${r}>=15,"Red",IF(F${r}>=8,"Amber","Green")))`, result: rag } as never;
    }
    for (let c = 1; c <= 8; c++) {
      ws.getCell(r, c).border = box;
      // The records are filled and dated m/d/yyyy; the prepared rows left plain, dated yyyy/m/d.
      if (v) ws.getCell(r, c).fill = pale;
    }
    ws.getCell(r, 2).numFmt = v ? 'm/d/yyyy' : 'yyyy/m/d';
  }
  const end = 3 + risks.length + prepared;
  ws.addConditionalFormatting({
    ref: `G4:G${end}`,
    rules: [{ type: 'containsText', operator: 'containsText', text: 'Red', priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF9999' } } } } as never],
  });
  ws.getCell(`A${end + 2}`).value = 'RAG: Red >= 15, Amber 8-14, Green <= 7.';
  return save(wb);
}

export const CATEGORY_PAIRS: Record<'numbered' | 'plain', CategoryPairStyle> = {
  numbered: { header: ['No.', '大項目', '作業', '担当', '区分', '開始', '終了', '工数(人日)'], labels: ['予定', '実績'], rowFormula: true },
  plain: { header: [null, '工程', 'タスク', '担当者', '計画/実績', '開始日', '終了日', null], labels: ['計画', '実績'], rowFormula: false },
};

export const LAYOUTS: Layout[] = [
  { name: 'two rows per task', target: 'wbs', build: twoRowGantt },
  { name: 'merged column groups', target: 'issue', build: mergedColumns },
  { name: 'prepared blank rows', target: 'issue', build: preparedRows },
  { name: 'shared formulas and a left-out row', target: 'risk', build: sharedFormulas },
  { name: 'client WBS numbering', target: 'wbs', build: prefixedCodes },
  { name: 'side tables', target: 'issue', build: sideTables },
  { name: 'category columns', target: 'wbs', build: categoryColumns },
  { name: 'group subtotals', target: 'wbs', build: groupSubtotals },
  { name: 'wrapped titles', target: 'issue', build: wrappedTitles },
  { name: 'formula numbering', target: 'issue', build: formulaNumbers },
  { name: 'rating step marks', target: 'risk', build: ratingStepMarks },
  { name: 'dotted code links', target: 'wbs', build: dottedCodeLinks },
  ...Object.entries(STACKED_STYLES).map(([name, { target, style }]) => ({ name: `two-row records: ${name}`, target, build: () => stackedRegister(style) })),
  { name: 'gantt painted by day', target: 'wbs', build: () => paintedGantt({ step: 1, paint: 'fill' }) },
  { name: 'gantt marked by week', target: 'wbs', build: () => paintedGantt({ step: 7, paint: 'mark' }) },
  { name: 'plan and actual rows', target: 'wbs', build: () => planActualRows({ labels: ['予定', '実績'], header: ['No', '作業名', '区分', '開始日', '終了日', '進捗率'], mergeName: true, codes: true }) },
  { name: 'staffing plan by month', target: 'wbs', build: staffingPlan },
  { name: 'plan and actual rows labelled in the first block', target: 'wbs', build: () => planActualRows({ labels: ['予定', '実績'], header: ['No', '作業名', '区分', '開始日', '終了日', '進捗率'], mergeName: true, codes: true, labelsIn: 'first' }) },
  { name: 'plan and actual rows labelled in one merged cell', target: 'wbs', build: () => planActualRows({ labels: ['予定', '実績'], header: ['No', '作業名', '区分', '開始日', '終了日', '進捗率'], mergeName: false, codes: true, labelsIn: 'merged' }) },
  { name: 'plan and actual rows labelled in the first block (names not merged)', target: 'wbs', build: () => planActualRows({ labels: ['予定', '実績'], header: ['No', '作業名', '区分', '開始日', '終了日', '進捗率'], mergeName: false, codes: true, labelsIn: 'first' }) },
  { name: 'plan and actual rows under a 大項目 column', target: 'wbs', build: () => categoryPairs(CATEGORY_PAIRS.numbered) },
  { name: 'plan and actual rows under a 工程 column (no No.)', target: 'wbs', build: () => categoryPairs(CATEGORY_PAIRS.plain) },
  { name: 'grid form with numbered prepared rows', target: 'issue', build: () => gridFormPrepared('plain') },
  { name: 'grid form with coded prepared rows', target: 'issue', build: () => gridFormPrepared('code') },
  { name: 'grid form with blank prepared rows', target: 'issue', build: () => gridFormPrepared('blank') },
  { name: 'grid form with blank prepared rows under formula IDs', target: 'issue', build: () => gridFormPrepared('formula') },
  ...(['both', 'ids', 'formulas'] as PreparedCarry[]).map((carry) => ({ name: `risk register with prepared rows carrying ${carry === 'both' ? 'IDs and formulas' : carry === 'ids' ? 'IDs' : 'formulas'}`, target: 'risk' as const, build: () => preparedFormulaRisks(carry) })),
];
