// A gantt whose columns are parts of months — 上旬 | 中旬 | 下旬 under 2026年4月 | 5月 …, Early | Mid | Late
// under Apr 2026, 前半 | 後半 under month dates — its bars painted as fills, no date column: each task's
// dates are its painted parts' days (上旬 the 1st–10th, 中旬 the 11th–20th, 下旬 the 21st to the month's end;
// halves the 1st–15th and the rest), the month columns are the chart, not extra columns, and the export
// paints a moved task again by the same columns (issue 11; blind set 8, B1: the plan gave no dates).
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const BAR = 'FF5B9BD5';

interface Band {
  name: string;
  parts: string[];
  /** Each month's head (text, or a date cell shown as a month). */
  months: (string | Date)[];
  /** Each task: name and the first and last part painted (0-based over the band). */
  tasks: [string, number, number][];
  /** Each task's dates as a person reads them. */
  want: [string, string, string][];
  /** The header words of the name and owner columns. */
  head: [string, string];
}

const BANDS: Band[] = [
  {
    name: '上旬 | 中旬 | 下旬 under 2026年4月 | 5月 | 6月 (merged over each month)',
    parts: ['上旬', '中旬', '下旬'],
    months: ['2026年4月', '5月', '6月'],
    tasks: [['業務要件整理', 0, 2], ['非機能要件定義', 1, 3], ['画面設計', 4, 7]],
    want: [['業務要件整理', '2026-04-01', '2026-04-30'], ['非機能要件定義', '2026-04-11', '2026-05-10'], ['画面設計', '2026-05-11', '2026-06-20']],
    head: ['作業項目', '担当'],
  },
  {
    name: '上 | 中 | 下 under 2025年11月 | 12月 | 1月 | 2月: the year carried across a new year',
    parts: ['上', '中', '下'],
    months: ['2025年11月', '12月', '1月', '2月'],
    tasks: [['移行リハーサル', 2, 4], ['本番移行', 6, 8], ['定着支援', 9, 11]],
    want: [['移行リハーサル', '2025-11-21', '2025-12-20'], ['本番移行', '2026-01-01', '2026-01-31'], ['定着支援', '2026-02-01', '2026-02-28']],
    head: ['作業名', '担当者'],
  },
  {
    name: 'Early | Mid | Late under Apr 2026 | May 2026 | Jun 2026',
    parts: ['Early', 'Mid', 'Late'],
    months: ['Apr 2026', 'May 2026', 'Jun 2026'],
    tasks: [['Requirements', 0, 1], ['Design', 2, 5], ['Build', 6, 8]],
    want: [['Requirements', '2026-04-01', '2026-04-20'], ['Design', '2026-04-21', '2026-05-31'], ['Build', '2026-06-01', '2026-06-30']],
    head: ['Task', 'Owner'],
  },
  {
    name: '前半 | 後半 under month dates (a date cell shown as its month)',
    parts: ['前半', '後半'],
    months: [new Date(Date.UTC(2026, 6, 1)), new Date(Date.UTC(2026, 7, 1)), new Date(Date.UTC(2026, 8, 1))],
    tasks: [['結合テスト', 0, 2], ['総合テスト', 3, 5], ['受入テスト', 4, 5]],
    want: [['結合テスト', '2026-07-01', '2026-08-15'], ['総合テスト', '2026-08-16', '2026-09-30'], ['受入テスト', '2026-09-01', '2026-09-30']],
    head: ['作業項目', '担当'],
  },
];

/** The sheet: a title, the header (name, owner merged over both rows; months over their parts), the tasks painted. */
async function workbook(b: Band): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('全体スケジュール');
  ws.getCell('A1').value = '全体スケジュール（旬単位）';
  ws.getCell('A3').value = b.head[0];
  ws.getCell('B3').value = b.head[1];
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:B4');
  const width = b.parts.length;
  b.months.forEach((m, i) => {
    const c = 3 + i * width;
    const cell = ws.getCell(3, c);
    cell.value = m;
    if (m instanceof Date) cell.numFmt = 'yyyy"年"m"月"';
    ws.mergeCells(3, c, 3, c + width - 1);
    b.parts.forEach((p, k) => (ws.getCell(4, c + k).value = p));
  });
  b.tasks.forEach(([name, from, to], i) => {
    const r = 5 + i;
    ws.getCell(r, 1).value = name;
    ws.getCell(r, 2).value = i % 2 ? '開発G' : '業務G';
    for (let k = 0; k < b.months.length * width; k++) {
      const cell = ws.getCell(r, 3 + k);
      cell.border = { left: { style: 'hair' } };
      if (k >= from && k <= to) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: BAR } };
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a gantt painted per part of a month (旬, early/mid/late, halves)', () => {
  it.each(BANDS)('$name: the painted parts give the dates; a moved task is painted again and reads back as stored', async (b) => {
    const ws = tempWorkspace();
    try {
      const call = inProcessCaller(ws);
      const { id: projectId } = await call('project.create', { name: 'P' });
      const file = await workbook(b);
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: file.toString('base64') });
      // The month columns are the chart: only the name and owner are columns of the table.
      expect(preview.columns.filter((m) => m.field === null && m.extraKey)).toEqual([]);
      const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'plan' } });
      const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as { id: number; name: string; plannedStart: string | null; plannedFinish: string | null }[];
      expect(tasks.map((t) => [t.name, t.plannedStart, t.plannedFinish])).toEqual(b.want);
      // Move the first task into the next part of its month and back its finish: painted anew, read back as stored.
      const moved = { ...tasks[0]! };
      await call('wbs.update', { id: moved.id, patch: { plannedStart: b.want[1]![1], plannedFinish: b.want[1]![2] } });
      const out = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64, 'base64');
      const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: out.toString('base64'), profileId: profileId! });
      expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.status} ${JSON.stringify(r.changes ?? {})}`)).toEqual([]);
    } finally {
      ws.close();
    }
  });
});
