// Dues written as a calendar week (KW 17, CW17, W17, Week 17, 第17週, 2025-W17: blind set 11, C6, left
// empty) read as that ISO week's Friday for a due or finish date and its Monday for a start, in the year
// the week names, else the year of the sheet's other dates (flagged with the year assumed); where nothing in
// the file dates it, the year is asked (yearAmbiguous), as for 4/18 without a year. A year the title states
// alone (2025年 課題一覧, Issue Log 2025) dates them as a date above the table does.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { roundTrip } from '../roundtrip/harness.js';
import { readRows } from '../helpers/read-sheet.js';
import { parseDateText } from '../../electron/common/excel/client-dates.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The ISO week (year and number) of a day, computed from its Thursday: the oracle the reading must agree with. */
function isoWeek(iso: string): { year: number; week: number; weekday: number } {
  const t = Date.parse(`${iso}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // 0 Monday … 6 Sunday
  const thursday = new Date(t + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return { year, week, weekday };
}

describe('a week written with its year', () => {
  it.each([
    ['2025-W17', '2025-04-25'],
    ['2025W17', '2025-04-25'],
    ['KW 17/2025', '2025-04-25'],
    ['CW17 2025', '2025-04-25'],
    ['2025年第17週', '2025-04-25'],
    ['2026-W01', '2026-01-02'],
    ['2020-W53', '2021-01-01'],
  ])('%s → %s', (text, iso) => {
    expect(parseDateText(text, '2025-06-15')).toEqual({ ok: true, iso });
  });

  it.each(['2025-W53', 'KW 0', 'W54', '第60週'])('no such week: %s', (text) => {
    expect(parseDateText(text, '2025-06-15').ok).toBe(false);
  });

  it('property: every week of a year reads as the Friday of that ISO week', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2060 }), fc.integer({ min: 1, max: 53 }), (year, week) => {
        const read = parseDateText(`${year}-W${String(week).padStart(2, '0')}`, '2025-06-15');
        const weeks = isoWeek(`${year}-12-28`).week; // 28 December is always in the year's last week
        if (week > weeks) expect(read.ok).toBe(false);
        else expect(read.ok && isoWeek(read.iso)).toEqual({ year, week, weekday: 4 });
      }),
    );
  });
});

describe('a week without its year, in a register', () => {
  it.each([
    ['KW 17', '2025-04-25'],
    ['CW18', '2025-05-02'],
    ['W19', '2025-05-09'],
    ['Week 20', '2025-05-16'],
    ['wk 21', '2025-05-23'],
    ['第17週', '2025-04-25'],
  ])('%s → %s (the year of the sheet’s dates)', async (text, iso) => {
    const t = await readRows(
      [
        ['No.', 'Title', 'Raised', 'Due', 'Owner'],
        [1, 'Login fails', d('2025-04-01'), text, 'Ann'],
        [2, 'Report misaligned', d('2025-04-03'), text, 'Bob'],
        [3, 'CSV garbled', d('2025-04-07'), text, 'Ann'],
      ],
      'issue',
      'Sheet1',
    );
    expect(t.columns.find((c) => c.label === 'Due')?.field).toBe('due');
    expect(t.records.map((r) => r.values.due)).toEqual([iso, iso, iso]);
    expect(t.problems.filter((p) => p.field === 'due').every((p) => p.code === 'yearAssumed')).toBe(true);
  });

  it('a week starts on its Monday and finishes on its Friday', async () => {
    const t = await readRows(
      [
        ['WBS', 'Task', 'Start', 'Finish'],
        ['1', 'Design', 'KW 17', 'KW 18'],
        ['2', 'Build', 'KW 19', 'KW 22'],
        ['3', 'Test', d('2025-06-02'), d('2025-06-13')],
      ],
      'wbs',
      'Plan',
    );
    expect(t.records.map((r) => [r.values.plannedStart, r.values.plannedFinish])).toEqual([
      ['2025-04-21', '2025-05-02'],
      ['2025-05-05', '2025-05-30'],
      ['2025-06-02', '2025-06-13'],
    ]);
  });

  it('where nothing in the file dates the week, the year is asked', async () => {
    const t = await readRows([['No.', 'Title', 'Due', 'Owner'], [1, 'Login fails', 'KW 17', 'Ann'], [2, 'Report misaligned', 'KW 18', 'Bob']], 'issue', 'Sheet1');
    expect(t.columns.find((c) => c.label === 'Due')?.field).toBe('due');
    expect(t.problems.filter((p) => p.field === 'due').map((p) => p.code)).toEqual(['yearAmbiguous', 'yearAmbiguous']);
    expect(t.undecidedYears?.count).toBe(2);
  });
});

describe('the year a title states', () => {
  // (The tests read against 2025-06-15: a title of another year shows where the year came from.)
  it.each(['2023年 課題一覧', 'Issue Log 2023', '課題管理表（2023）'])('%s dates the weeks and the days written without a year', async (title) => {
    const t = await readRows([[title], [], ['No.', 'Title', 'Due', 'Owner'], [1, 'a', 'KW 17', 'Ann'], [2, 'b', '4/18', 'Bob'], [3, 'c', 'KW 52', 'Ann']], 'issue', 'Sheet1');
    expect(t.records.map((r) => r.values.due)).toEqual(['2023-04-28', '2023-04-18', '2023-12-29']);
    expect(t.problems.filter((p) => p.field === 'due').map((p) => [p.code, p.params?.from])).toEqual([['yearAssumed', 'title'], ['yearAssumed', 'title'], ['yearAssumed', 'title']]);
  });

  it.each(['ISO 9001:2015 監査指摘', 'FY2023 Issue Log', 'Template v2023'])('%s states no year of the table’s dates: asked', async (title) => {
    const t = await readRows([[title], [], ['No.', 'Title', 'Due', 'Owner'], [1, 'a', 'KW 17', 'Ann'], [2, 'b', '4/18', 'Bob']], 'issue', 'Sheet1');
    expect(t.problems.filter((p) => p.field === 'due').map((p) => p.code)).toEqual(['yearAmbiguous', 'yearAmbiguous']);
  });
});

describe('weeks through an export', () => {
  const { call } = fileWorkspace();
  /** A register whose dues (or a plan whose starts and finishes) are weeks without a year, beside dated cells. */
  async function book(target: 'issue' | 'wbs'): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(target === 'wbs' ? 'Plan' : 'Issues');
    if (target === 'wbs') {
      // (The first task's dates are typed as dates: they give the weeks their year.)
      ws.addRow(['WBS', 'Task', 'Owner', 'Start', 'Finish']);
      ws.addRow(['1', 'Task 1', 'Ann', d('2025-04-14'), d('2025-04-18')]);
      [17, 18, 19, 20, 21].forEach((w, i) => ws.addRow([`${i + 2}`, `Task ${i + 2}`, 'Ann', `KW ${w}`, `KW ${w + 1}`]));
    } else {
      ws.addRow(['No.', 'Title', 'Owner', 'Raised', 'Due', 'Status']);
      [17, 18, 19, 20, 21].forEach((w, i) => ws.addRow([i + 1, `Issue ${i + 1}`, 'Ann', d(`2025-04-0${i + 1}`), `KW ${w}`, 'Open']));
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  it.each<['issue' | 'wbs']>([['issue'], ['wbs']])('%s: the export reads back as stored after random edits', async (target) => {
    const o = await roundTrip(call, `weeks-${target}.xlsx`, await book(target), target, { scripts: 12, seed: 11, steps: 6, ops: ['fields', 'dates', 'rename', 'addEnd', 'deleteMiddle'] });
    expect(o.skipped).toBe('');
    expect(o.scripts.filter((s) => s.failures.length > 0).map((s) => `#${s.script} ${s.steps.join(', ')}: ${s.failures.join(' / ')}`)).toEqual([]);
  }, 600_000);
});
