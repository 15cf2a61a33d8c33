// Export into a client template (figures, never asserted): a Japanese WBS template built with
// ExcelJS (title, styled header, three styled data rows with date, percent and formula columns, a
// validation list, a conditional format, a print area), then 10,000 rows × 15 columns written into
// it — by our template writer (electron/core/excel/template), and by ExcelJS the way an ExcelJS
// exporter does it (load the template, set each cell's value and copy the template row's style,
// writeBuffer). Both produce the complete .xlsx bytes. Target: ours median ≤ 1.0 s and ≤ 0.5× ExcelJS.
//
// Use from test/bench/run.ts:   import { benchTemplateExport } from './template-export.js';
//                               const { ours, exceljs } = await benchTemplateExport();
// or alone:                     node --import tsx test/bench/template-export.ts
import ExcelJS from 'exceljs';
import { fileURLToPath } from 'node:url';
import { dateSerial, writeIntoTemplate, type CellOut, type TableWrite } from '../../electron/core/excel/template/index.js';

const ROWS = 10_000;
const RUNS = 5;
const FIRST = 4; // header in row 3, data from row 4
const TEMPLATE_ROWS = 3;

const HEADER = ['WBS番号', 'タスク名', '担当者', '予定開始日', '予定終了日', '実績開始日', '実績終了日', '予定工数(人日)', '実績工数(人日)', '進捗率', '状態', '成果物', '先行タスク', 'マイルストーン', '備考'];
const PEOPLE = ['山田 太郎', '佐藤 花子', '鈴木 一郎', '高橋 美咲', '田中 健', '伊藤 さくら'];
const STATUS = ['未着手', '進行中', '完了', '保留'];
const DATE_COLS = [3, 4, 5, 6];

/** The template: 15 columns, three styled rows, a formula column outside the mapped ones is not needed here. */
export async function buildTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.getCell('A1').value = '○○システム開発プロジェクト WBS';
  ws.getCell('A1').font = { bold: true, size: 14 };
  const head = ws.getRow(3);
  head.values = HEADER;
  head.height = 30;
  head.eachCell((c) => {
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF305496' } };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  for (let i = 0; i < TEMPLATE_ROWS; i++) {
    const r = ws.getRow(FIRST + i);
    r.values = [`1.${i + 1}`, `サンプル作業 ${i + 1}`, PEOPLE[i], new Date(Date.UTC(2025, 3, 1 + i)), new Date(Date.UTC(2025, 3, 5 + i)), null, null, 2, null, 0, '未着手', '', '', '', ''];
    r.height = 18;
    for (let c = 1; c <= 15; c++) {
      const cell = r.getCell(c);
      cell.border = { top: { style: 'hair' }, bottom: { style: 'hair' }, left: { style: 'thin' }, right: { style: 'thin' } };
      cell.font = { name: 'Meiryo UI', size: 10 };
      if (DATE_COLS.includes(c - 1)) cell.numFmt = 'yyyy/m/d';
      if (c === 10) cell.numFmt = '0%';
    }
  }
  // A range validation (ExcelJS's typings lack dataValidations; the runtime has it).
  (ws as unknown as { dataValidations: { add(ref: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(`K${FIRST}:K${FIRST + TEMPLATE_ROWS - 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: ['"未着手,進行中,完了,保留"'],
  });
  ws.addConditionalFormatting({
    ref: `J${FIRST}:J${FIRST + TEMPLATE_ROWS - 1}`,
    rules: [{ type: 'cellIs', operator: 'equal', formulae: ['1'], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } } } }],
  });
  ws.pageSetup.printArea = `A1:O${FIRST + TEMPLATE_ROWS - 1}`;
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Row {
  code: string;
  name: string;
  who: string;
  start: string;
  end: string;
  aStart: string | null;
  aEnd: string | null;
  plan: number;
  actual: number | null;
  progress: number;
  status: string;
  deliverable: string;
  pred: string;
  milestone: string;
  note: string;
}

const iso = (n: number) => new Date(Date.UTC(2025, 3, 1 + n)).toISOString().slice(0, 10);

export function dataRows(n = ROWS): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < n; i++) {
    const a = Math.floor(i / 100) + 1;
    const r = i % 100;
    const done = i % 3 === 0;
    out.push({
      code: r === 0 ? `${a}` : r < 10 ? `${a}.${r}` : `${a}.${Math.floor(r / 10) + 9}.${r % 10}`,
      name: `${['要件定義', '基本設計', '詳細設計', '製造', '単体テスト'][i % 5]} ${i + 1}（画面・帳票）`,
      who: PEOPLE[i % PEOPLE.length]!,
      start: iso(i % 300),
      end: iso((i % 300) + 5),
      aStart: done ? iso(i % 300) : null,
      aEnd: done ? iso((i % 300) + 4) : null,
      plan: (i % 8) + 0.5,
      actual: done ? (i % 8) + 1 : null,
      progress: done ? 1 : (i % 10) / 10,
      status: STATUS[i % STATUS.length]!,
      deliverable: i % 7 === 0 ? `設計書_${i}.xlsx` : '',
      pred: i % 11 === 0 && i > 0 ? `${i}` : '',
      milestone: i % 50 === 0 ? '◆' : '',
      note: i % 13 === 0 ? '顧客確認待ち' : '',
    });
  }
  return out;
}

const values = (r: Row) => [r.code, r.name, r.who, r.start, r.end, r.aStart, r.aEnd, r.plan, r.actual, r.progress, r.status, r.deliverable, r.pred, r.milestone, r.note];

export async function exportOurs(template: Buffer, rows: Row[]): Promise<Uint8Array> {
  const s = (v: string | null): CellOut => ({ value: v ? { t: 's', v } : null });
  const d = (v: string | null): CellOut => ({ value: v ? { t: 'd', v: dateSerial(v) } : null });
  const n = (v: number | null): CellOut => ({ value: v === null ? null : { t: 'n', v } });
  const write: TableWrite = {
    sheet: 'WBS',
    firstRow: FIRST,
    lastRow: FIRST + TEMPLATE_ROWS - 1,
    columns: Array.from({ length: 15 }, (_, i) => i),
    rows: rows.map((r) => [s(r.code), s(r.name), s(r.who), d(r.start), d(r.end), d(r.aStart), d(r.aEnd), n(r.plan), n(r.actual), n(r.progress), s(r.status), s(r.deliverable), s(r.pred), s(r.milestone), s(r.note)]),
  };
  return writeIntoTemplate(template, [write]);
}

export async function exportExcelJs(template: Buffer, rows: Row[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('WBS')!;
  const model = ws.getRow(FIRST + TEMPLATE_ROWS - 1);
  const styles = Array.from({ length: 15 }, (_, c) => model.getCell(c + 1).style);
  rows.forEach((r, i) => {
    const row = ws.getRow(FIRST + i);
    row.height = model.height;
    values(r).forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v === null || v === '' ? null : DATE_COLS.includes(c) ? new Date(`${v as string}T00:00:00Z`) : v;
      cell.style = styles[c]!;
    });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Milliseconds per run: ours and ExcelJS's, RUNS each, after one warm-up run of each. */
export async function benchTemplateExport(): Promise<{ ours: number[]; exceljs: number[] }> {
  const template = await buildTemplate();
  const rows = dataRows();
  await exportOurs(template, rows);
  await exportExcelJs(template, rows);
  const ours: number[] = [];
  const exceljs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    await exportOurs(template, rows);
    ours.push(performance.now() - t);
    t = performance.now();
    await exportExcelJs(template, rows);
    exceljs.push(performance.now() - t);
  }
  return { ours, exceljs };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { ours, exceljs } = await benchTemplateExport();
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
  console.log(`template export, ${ROWS} rows × 15 columns: ours ${ours.map((x) => x.toFixed(0)).join(' ')} ms (median ${med(ours).toFixed(0)}), ExcelJS ${exceljs.map((x) => x.toFixed(0)).join(' ')} ms (median ${med(exceljs).toFixed(0)}), ratio ${(med(ours) / med(exceljs)).toFixed(2)}`);
}
