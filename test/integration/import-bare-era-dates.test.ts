// 和暦 dates written without the era letter (9.6.3 = 令和9年6月3日), as 自治体 staff write them (blind set
// 17, I5: both date columns were kept as the client's own, silently). A column of dotted y.m.d texts is
// read in 令和 where its numbers are no western date (a one-digit year and a one-digit day somewhere), or
// where the sheet's title or notes name 令和; a changed date is written back in the same form. (The cases
// without 令和 head their columns otherwise: a profile saved from a 令和 sheet reads its columns so.)
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { importedPlan } from '../helpers/coded-plan.js';

const { call } = fileWorkspace();

/** [start, finish] per task as the client writes them; the 令和 year of each case. */
interface Case {
  label: string;
  title: string;
  note?: string;
  heads: [string, string];
  dates: [string, string][];
  /** What the dates read as (yyyy-mm-dd), or null where they are no 令和 dates. */
  want: [string, string][] | null;
}

const r = (y: number, m: number, d: number) => `${2018 + y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const CASES: Case[] = [
  {
    label: 'one-digit years and days: 令和 by the numbers alone',
    title: '工事工程表',
    heads: ['着手日', '完了日'],
    dates: [['9.6.3', '9.6.21'], ['9.6.10', '9.7.2'], ['9.7.5', '9.8.30'], ['9.11.4', '10.1.8']],
    want: [[r(9, 6, 3), r(9, 6, 21)], [r(9, 6, 10), r(9, 7, 2)], [r(9, 7, 5), r(9, 8, 30)], [r(9, 11, 4), r(10, 1, 8)]],
  },
  {
    label: 'zero-padded (08.04.01 is also yy.mm.dd), the title names 令和',
    title: '令和8年度 整備計画',
    heads: ['開始日', '終了日'],
    dates: [['08.04.01', '08.04.20'], ['08.05.07', '08.06.30'], ['08.09.01', '09.03.19']],
    want: [[r(8, 4, 1), r(8, 4, 20)], [r(8, 5, 7), r(8, 6, 30)], [r(8, 9, 1), r(9, 3, 19)]],
  },
  {
    label: 'two-digit days only, the title names 令和',
    title: '令和9年度 施設改修 工程',
    heads: ['開始日', '終了日'],
    dates: [['9.6.13', '9.6.28'], ['9.7.14', '9.7.30'], ['9.10.15', '9.11.20']],
    want: [[r(9, 6, 13), r(9, 6, 28)], [r(9, 7, 14), r(9, 7, 30)], [r(9, 10, 15), r(9, 11, 20)]],
  },
  {
    label: 'two-digit days only, a note under the table names 令和',
    title: '工程表',
    note: '※ 日付は令和の年.月.日',
    heads: ['開始日', '終了日'],
    dates: [['9.6.13', '9.6.28'], ['9.7.14', '9.7.30'], ['9.10.15', '9.11.20']],
    want: [[r(9, 6, 13), r(9, 6, 28)], [r(9, 7, 14), r(9, 7, 30)], [r(9, 10, 15), r(9, 11, 20)]],
  },
  {
    label: 'zero-padded, no 令和 on the sheet: yy.mm.dd is read as ever',
    title: '整備計画',
    heads: ['予定開始日', '予定終了日'],
    dates: [['08.04.01', '08.04.20'], ['08.05.07', '08.06.30'], ['08.09.01', '09.03.19']],
    want: null,
  },
  {
    label: 'a d.m.yy column (9.6.25: 9 June 2025), no 令和 on the sheet',
    title: 'Bauzeitenplan',
    heads: ['開始予定', '終了予定'],
    dates: [['9.6.25', '20.6.25'], ['3.7.25', '18.7.25'], ['1.9.25', '30.9.25']],
    want: null,
  },
];

async function imported(c: Case) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工程');
  ws.addRow([c.title]);
  ws.addRow([]);
  ws.addRow(['作業', '担当', ...c.heads]);
  c.dates.forEach(([s, f], i) => ws.addRow([`作業${i + 1}`, '佐藤', s, f]));
  if (c.note) {
    ws.addRow([]);
    ws.addRow([c.note]);
  }
  return importedPlan(call, c.label, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe.each(CASES)('dotted dates: $label', (c) => {
  it(c.want ? 'read as 令和 dates' : 'not read as 令和 dates', async () => {
    const { preview, tasks } = await imported(c);
    const fields = preview.columns.filter((m) => m.column === 'C' || m.column === 'D').map((m) => m.field);
    if (c.want) {
      expect(fields).toEqual(['plannedStart', 'plannedFinish']);
      expect(tasks.map((t) => [t.plannedStart, t.plannedFinish])).toEqual(c.want);
    } else {
      // No cell is read as its 令和 day (9.6.25 as 2027-06-25, 08.04.01 as 2026-04-01).
      const asReiwa = c.dates.map((pair) => pair.map((t) => { const [y, m, d] = t.split('.').map(Number); return r(y!, m!, d!); }));
      const read = tasks.map((t) => [t.plannedStart, t.plannedFinish]);
      expect(read.flatMap((pair, i) => pair.filter((day, k) => day === asReiwa[i]![k]))).toEqual([]);
    }
  });

  it.runIf(c.want !== null)('a moved date is written back in the same form, the others as they were', async () => {
    const { projectId, profileId, tasks } = await imported(c);
    // Three days later, in the same month: 9.6.3 → 9.6.6 (08.04.01 → 08.04.04).
    const moved = tasks[0]!;
    const later = `${moved.plannedStart!.slice(0, 8)}${String(Number(moved.plannedStart!.slice(8)) + 3).padStart(2, '0')}`;
    await call('wbs.update', { id: moved.id, patch: { plannedStart: later } });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId });
    const rows = readWorkbookBytes(Buffer.from(out.dataBase64, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((row) => row.r >= 3 && row.r < 3 + c.dates.length);
    const written = rows.map((row) => [2, 3].map((col) => String(row.cells.find((x) => x.c === col)?.v ?? '')));
    const [y, m, d] = c.dates[0]![0].split('.');
    const pad = (n: number, like: string) => String(n).padStart(like.length, '0');
    expect(written).toEqual([[`${y}.${m}.${pad(Number(d) + 3, d!)}`, c.dates[0]![1]], ...c.dates.slice(1)]);
  });
});
