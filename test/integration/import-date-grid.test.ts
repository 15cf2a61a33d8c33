// A gantt's date grid beside a WBS with header words (blind check F8): the columns under a row of dates
// (weeks under months merged across them, days over a row of weekdays, week heads written as text 10/6)
// are the chart, not the client's data: no extra column per date on import. The export keeps the grid
// as the client drew it, paints a moved task's bar where its dates are, and reads back unchanged.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const BAR = 'FF4F81BD';
const WEEKEND = 'FFD9D9D9';
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const dayMs = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const letter = (c: number) => new ExcelJS.Workbook().addWorksheet('x').getColumn(c).letter;

const TASKS: [string, string, string, string][] = [
  ['要件定義', '山田', '2025-04-07', '2025-04-11'],
  ['基本設計', '佐藤', '2025-04-14', '2025-04-25'],
  ['詳細設計', '鈴木', '2025-04-28', '2025-05-09'],
  ['製造', '田中', '2025-05-12', '2025-05-23'],
];
/** Header words in A:G, the grid from H. */
const FIRST = 8;

/**
 * The table left of the grid, its first record in row `first`: header words merged down rows 4–5
 * ('merged'), 計画 merged over 開始日 / 終了日 in row 5 as merged-phase writes it ('group'), or one header
 * row 4 ('single', records from row 5).
 */
function table(ws: ExcelJS.Worksheet, shape: 'merged' | 'group' | 'single'): number {
  ws.getCell('A1').value = '開発工程表';
  const words = ['No', 'タスク', '担当', '開始日', '終了日', '工数', '備考'];
  words.forEach((h, i) => {
    ws.getCell(4, i + 1).value = h;
    if (shape === 'merged' || (shape === 'group' && (i < 3 || i > 4))) ws.mergeCells(4, i + 1, 5, i + 1);
  });
  if (shape === 'group') {
    ws.getCell('D4').value = '計画';
    ws.mergeCells('D4:E4');
    ws.getCell('D5').value = '開始';
    ws.getCell('E5').value = '終了';
  }
  const first = shape === 'single' ? 5 : 6;
  TASKS.forEach(([name, who, s, f], i) => {
    const r = first + i;
    ws.getCell(r, 1).value = i + 1;
    ws.getCell(r, 2).value = name;
    ws.getCell(r, 3).value = who;
    ws.getCell(r, 4).value = utc(s);
    ws.getCell(r, 5).value = utc(f);
    ws.getCell(r, 4).numFmt = 'yyyy/mm/dd';
    ws.getCell(r, 5).numFmt = 'yyyy/mm/dd';
    ws.getCell(r, 6).value = 5;
  });
  return first;
}

/** Paints each task's bar in the grid: columns whose days [from, to] meet its dates. */
function paint(ws: ExcelJS.Worksheet, first: number, days: [Date, Date][], how: (cell: ExcelJS.Cell, on: boolean, k: number) => void): void {
  TASKS.forEach(([, , s, f], i) =>
    days.forEach(([from, to], k) => {
      const on = iso(from) <= f && iso(to) >= s;
      how(ws.getCell(first + i, FIRST + k), on, k);
    }),
  );
}

const fill = (cell: ExcelJS.Cell, argb: string) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** sier-gantt's shape: months merged across row 4, each week's Monday in row 5 (=prev+7, shown as its day). */
async function weeks(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工程表');
  const first = table(ws, 'merged');
  const mondays = Array.from({ length: 9 }, (_, k) => new Date(utc('2025-04-07').getTime() + k * 7 * dayMs));
  mondays.forEach((d, k) => {
    const cell = ws.getCell(5, FIRST + k);
    cell.value = k === 0 ? d : ({ formula: `${letter(FIRST + k - 1)}5+7`, result: d } as ExcelJS.CellFormulaValue);
    cell.numFmt = 'd';
  });
  // April: 4 Mondays (H:K), May: 4 (L:O), June: 1 (P).
  ws.getCell(4, FIRST).value = '2025年4月';
  ws.mergeCells(4, FIRST, 4, FIRST + 3);
  ws.getCell(4, FIRST + 4).value = '5月';
  ws.mergeCells(4, FIRST + 4, 4, FIRST + 7);
  ws.getCell(4, FIRST + 8).value = '6月';
  paint(ws, first, mondays.map((d) => [d, new Date(d.getTime() + 6 * dayMs)]), (cell, on) => on && fill(cell, BAR));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** merged-phase's shape: a date per day in row 4 (=prev+1), its weekday as text in row 5 (=TEXT(…,"aaa")). */
async function days(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工程表');
  const first = table(ws, 'group');
  const all = Array.from({ length: 56 }, (_, k) => new Date(utc('2025-04-07').getTime() + k * dayMs));
  all.forEach((d, k) => {
    const cell = ws.getCell(4, FIRST + k);
    cell.value = k === 0 ? d : ({ formula: `${letter(FIRST + k - 1)}4+1`, result: d } as ExcelJS.CellFormulaValue);
    cell.numFmt = 'd';
    ws.getCell(5, FIRST + k).value = { formula: `TEXT(${letter(FIRST + k)}4,"aaa")`, result: '月火水木金土日'[k % 7] } as ExcelJS.CellFormulaValue;
  });
  paint(ws, first, all.map((d) => [d, d]), (cell, on, k) => (on ? fill(cell, BAR) : k % 7 >= 5 && fill(cell, WEEKEND)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Days of the month written as numbers shown as 7日 (format 0"日"), weekdays under them: the import and the export's band read one rule. */
async function dayNumbers(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工程表');
  const first = table(ws, 'group');
  const all = Array.from({ length: 24 }, (_, k) => new Date(utc('2025-04-07').getTime() + k * dayMs));
  all.forEach((d, k) => {
    const cell = ws.getCell(4, FIRST + k);
    cell.value = d.getUTCDate();
    cell.numFmt = '0"日"';
    ws.getCell(5, FIRST + k).value = '月火水木金土日'[k % 7];
  });
  paint(ws, first, all.map((d) => [d, d]), (cell, on) => on && fill(cell, BAR));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** stepped's shape: one header row, each week headed as text (10/6 …), bars drawn as ■ (● on a milestone week). */
async function textWeeks(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工程表');
  const first = table(ws, 'single');
  const mondays = Array.from({ length: 9 }, (_, k) => new Date(utc('2025-04-07').getTime() + k * 7 * dayMs));
  mondays.forEach((d, k) => (ws.getCell(4, FIRST + k).value = `${d.getUTCMonth() + 1}/${d.getUTCDate()}`));
  paint(ws, first, mondays.map((d) => [d, new Date(d.getTime() + 6 * dayMs)]), (cell, on) => on && (cell.value = '■'));
  ws.getCell(first + 3, FIRST + 7).value = '●';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Day heads written as text across a new year (12/22 … 1/16), bars as
 * fills; the tasks run from December into January.
 */
async function textDaysOverNewYear(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工程表');
  ws.getCell('A1').value = '年末年始移行計画';
  ['No', 'タスク', '担当', '開始日', '終了日', '工数', '備考'].forEach((h, i) => (ws.getCell(4, i + 1).value = h));
  const tasks: [string, string, string][] = [
    ['移行準備', '2025-12-22', '2025-12-26'],
    ['データ移行', '2025-12-24', '2026-01-07'],
    ['切替', '2026-01-05', '2026-01-09'],
    ['安定化', '2026-01-08', '2026-01-15'],
  ];
  tasks.forEach(([name, s, f], i) => {
    const r = 5 + i;
    ws.getCell(r, 1).value = i + 1;
    ws.getCell(r, 2).value = name;
    ws.getCell(r, 3).value = '山田';
    ws.getCell(r, 4).value = utc(s);
    ws.getCell(r, 5).value = utc(f);
    ws.getCell(r, 4).numFmt = 'yyyy/mm/dd';
    ws.getCell(r, 5).numFmt = 'yyyy/mm/dd';
    ws.getCell(r, 6).value = 3;
  });
  const days = Array.from({ length: 26 }, (_, k) => new Date(utc('2025-12-22').getTime() + k * dayMs));
  days.forEach((d, k) => (ws.getCell(4, FIRST + k).value = `${d.getUTCMonth() + 1}/${d.getUTCDate()}`));
  tasks.forEach(([, s, f], i) => days.forEach((d, k) => iso(d) >= s && iso(d) <= f && fill(ws.getCell(5 + i, FIRST + k), BAR)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A row of the grid: # where the cell holds `mark`, . elsewhere. */
const marksOf = (cells: Map<string, string>, row: number, n: number, mark = '■') =>
  Array.from({ length: n }, (_, k) => ((cells.get(`${letter(FIRST + k)}${row}`) ?? '|').split('|')[0] === mark ? '#' : '.')).join('');

/** Every cell of the sheet as value|fill, by address. */
async function cellsOf(bytes: Buffer): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out = new Map<string, string>();
  wb.getWorksheet('工程表')!.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const fg = cell.fill && cell.fill.type === 'pattern' && cell.fill.pattern === 'solid' ? (cell.fill.fgColor?.argb ?? 'solid') : '';
      const v = cell.formula ? `=${cell.formula}` : cell.value instanceof Date ? iso(cell.value) : String(cell.value ?? '');
      out.set(cell.address, `${v}|${fg}`);
    }),
  );
  return out;
}

function changed(a: Map<string, string>, b: Map<string, string>, rows: number[] = []): string[] {
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()]))
    if (!rows.includes(Number(/\d+$/.exec(k)![0])) && (a.get(k) ?? '|') !== (b.get(k) ?? '|')) out.push(`${k}: ${a.get(k)} → ${b.get(k)}`);
  return out;
}

/** A row of the grid: # where the cell is a bar (fill BAR), . elsewhere. */
const barsOf = (cells: Map<string, string>, row: number, n: number) =>
  Array.from({ length: n }, (_, k) => ((cells.get(`${letter(FIRST + k)}${row}`) ?? '|').split('|')[1] === BAR ? '#' : '.')).join('');

async function roundTrip(file: Buffer) {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const { id: projectId } = await call('project.create', { name: 'P' });
  const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: '工程表.xlsx', dataBase64: file.toString('base64') });
  const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: '工程表' } });
  const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
  const exportNow = async () => Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64, 'base64');
  const reimport = async (bytes: Buffer) => {
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: '工程表.xlsx', dataBase64: bytes.toString('base64'), profileId: profileId! });
    return again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.status} ${JSON.stringify(r.changes ?? [])}`);
  };
  return { ws, call, columns: p.columns, tasks, exportNow, reimport };
}

describe('a gantt date grid beside a WBS with header words (F8)', () => {
  it('weeks under months merged across them: no extra column per week; a moved bar is painted again; the rest kept', async () => {
    const file = await weeks();
    const { ws, call, columns, tasks, exportNow, reimport } = await roundTrip(file);
    expect(columns.map((c) => [c.column, c.numbering ? 'numbering' : c.field])).toEqual([
      ['A', 'numbering'], // No 1, 2, 3 … : the form's numbering (review R10)
      ['B', 'name'],
      ['C', 'assignee'],
      ['D', 'plannedStart'],
      ['E', 'plannedFinish'],
      ['F', 'plannedEffort'],
      ['G', 'notes'],
    ]);
    expect(tasks.map((t) => [t.name, Object.keys(t.extra)])).toEqual(TASKS.map(([n]) => [n, []]));
    const before = await cellsOf(file);
    const same = await exportNow();
    expect(changed(before, await cellsOf(same))).toEqual([]);
    expect(await reimport(same)).toEqual([]);
    // 基本設計 moves two weeks later: its bar follows, the months and Mondays above stay.
    await call('wbs.update', { id: tasks[1]!.id, patch: { plannedStart: '2025-04-28', plannedFinish: '2025-05-09' } });
    const moved = await exportNow();
    const after = await cellsOf(moved);
    expect(barsOf(before, 7, 9)).toBe('.##......');
    expect(barsOf(after, 7, 9)).toBe('...##....');
    expect(changed(before, after, [7])).toEqual([]);
    expect(await reimport(moved)).toEqual([]);
    ws.close();
  });

  it('days over a row of weekdays: no extra column per day (a weekday is no header word); weekends stay shaded', async () => {
    const file = await days();
    const { ws, call, columns, tasks, exportNow, reimport } = await roundTrip(file);
    expect(columns.filter((c) => !c.numbering).map((c) => c.column)).toEqual(['B', 'C', 'D', 'E', 'F', 'G']);
    expect(tasks.every((t) => Object.keys(t.extra).length === 0)).toBe(true);
    const before = await cellsOf(file);
    const same = await exportNow();
    expect(changed(before, await cellsOf(same))).toEqual([]);
    expect(await reimport(same)).toEqual([]);
    await call('wbs.update', { id: tasks[0]!.id, patch: { plannedStart: '2025-04-09', plannedFinish: '2025-04-15' } });
    const moved = await exportNow();
    const after = await cellsOf(moved);
    expect(barsOf(before, 6, 14)).toBe('#####.........');
    expect(barsOf(after, 6, 14)).toBe('..#######.....');
    // Where the bar left, the client's weekday blank and weekend grey are back (H6: the 7th, a Monday).
    expect(after.get(`${letter(FIRST)}6`)).toBe('|');
    expect(after.get(`${letter(FIRST + 12)}6`)).toBe(`|${WEEKEND}`);
    expect(changed(before, after, [6])).toEqual([]);
    expect(await reimport(moved)).toEqual([]);
    ws.close();
  });

  it('day heads written as numbers shown as 7日: no extra column per day, as the export already took them for its band (review R4)', async () => {
    const file = await dayNumbers();
    const { ws, columns, tasks, exportNow, reimport } = await roundTrip(file);
    expect(columns.filter((c) => !c.numbering).map((c) => c.column)).toEqual(['B', 'C', 'D', 'E', 'F', 'G']);
    expect(tasks.every((t) => Object.keys(t.extra).length === 0)).toBe(true);
    const same = await exportNow();
    expect(changed(await cellsOf(file), await cellsOf(same))).toEqual([]);
    expect(await reimport(same)).toEqual([]);
    ws.close();
  });

  it('week heads written as text (10/6 …) with ■ marks: no extra column per week; a moved task\'s marks are written at its new weeks', async () => {
    const file = await textWeeks();
    const { ws, call, columns, tasks, exportNow, reimport } = await roundTrip(file);
    expect(columns.filter((c) => !c.numbering).map((c) => c.column)).toEqual(['B', 'C', 'D', 'E', 'F', 'G']);
    expect(tasks.every((t) => Object.keys(t.extra).length === 0)).toBe(true);
    const before = await cellsOf(file);
    const same = await exportNow();
    expect(changed(before, await cellsOf(same))).toEqual([]);
    expect(await reimport(same)).toEqual([]);
    // 基本設計 (row 6) moves two weeks later: its ■ follow it; the heads, the other rows and the ● stay.
    await call('wbs.update', { id: tasks[1]!.id, patch: { plannedStart: '2025-04-28', plannedFinish: '2025-05-09' } });
    const moved = await exportNow();
    const after = await cellsOf(moved);
    expect(marksOf(before, 6, 9)).toBe('.##......');
    expect(marksOf(after, 6, 9)).toBe('...##....');
    expect(changed(before, after, [6])).toEqual([]);
    expect(await reimport(moved)).toEqual([]);
    ws.close();
  });

  it('day heads written as text across a new year (12/22 … 1/16): a moved bar is painted on the right days of the next year', async () => {
    const file = await textDaysOverNewYear();
    const { ws, call, columns, tasks, exportNow, reimport } = await roundTrip(file);
    expect(columns.filter((c) => !c.numbering).map((c) => c.column)).toEqual(['B', 'C', 'D', 'E', 'F', 'G']);
    const before = await cellsOf(file);
    const same = await exportNow();
    expect(changed(before, await cellsOf(same))).toEqual([]);
    // 切替 (row 7) moves from 1/5–1/9 to 12/30–1/13: painted over the year's end, read back as those dates.
    await call('wbs.update', { id: tasks[2]!.id, patch: { plannedStart: '2025-12-30', plannedFinish: '2026-01-13' } });
    const moved = await exportNow();
    const after = await cellsOf(moved);
    expect(barsOf(before, 7, 26)).toBe('..............#####.......');
    expect(barsOf(after, 7, 26)).toBe('........###############...');
    expect(changed(before, after, [7])).toEqual([]);
    expect(await reimport(moved)).toEqual([]);
    ws.close();
  });
});
