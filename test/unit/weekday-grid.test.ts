// A gantt's day grid headed by weekdays under weeks and phases, with no date in its heads (issue 11:
// gantt-en-kings, M T W TH F under WEEK 1 … under PHASE 1 …, whose PHASE 2 was read as a level and the
// other phases kept as the client's columns): the grid is the chart, left out of the layout like a grid of
// dates. Generated variants, English and Japanese; a run that is no week is no grid.
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../electron/core/excel/import/detect.js';
import { dateGridColumns, weekdaysOf } from '../../electron/core/excel/import/date-grid.js';
import { SheetIndex } from '../../electron/core/excel/import/sheet-index.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const letter = (c: number): string => (c >= 26 ? letter(Math.floor(c / 26) - 1) : '') + String.fromCharCode(65 + (c % 26));
function columnsOf(target: ImportTarget, rows: ModelCell[][], merges: string[] = [], hidden?: { c1: number; c2: number }[]) {
  const s = sheet('S', rows, merges);
  if (hidden) s.hiddenColumns = hidden;
  const found = detectLayout(model(s), target);
  if (!found.ok) throw new Error(found.reason);
  return Object.fromEntries(found.layout.columns.map((m) => [m.column, m.field]));
}

/**
 * A gantt of `weeks` weeks under `phases` phase heads merged across them, the week heads merged across
 * their days, one row of weekday heads: the table's columns A:E, the grid from F.
 */
function weekdayGantt(dayHeads: string[], phaseWord: (n: number) => string, weekWord: (n: number) => string, weeksPerPhase = 2, phases = 2) {
  const per = dayHeads.length;
  const phaseRow: ModelCell[] = ['WBS', 'Task', 'Start', 'Finish', '% Done'];
  const weekRow: ModelCell[] = [null, null, null, null, null];
  const dayRow: ModelCell[] = [null, null, null, null, null];
  const merges = ['A1:A3', 'B1:B3', 'C1:C3', 'D1:D3', 'E1:E3'];
  let c = 5;
  for (let p = 0; p < phases; p++) {
    merges.push(`${letter(c)}1:${letter(c + per * weeksPerPhase - 1)}1`);
    for (let w = 0; w < weeksPerPhase; w++) {
      merges.push(`${letter(c)}2:${letter(c + per - 1)}2`);
      for (let k = 0; k < per; k++) {
        phaseRow[c] = k === 0 && w === 0 ? phaseWord(p + 1) : null;
        weekRow[c] = k === 0 ? weekWord(p * weeksPerPhase + w + 1) : null;
        dayRow[c] = dayHeads[k]!;
        c++;
      }
    }
  }
  const tasks: ModelCell[][] = [
    ['1', 'Planning', d('2026-06-01'), d('2026-06-05'), 1],
    ['1.1', 'Form the committee', d('2026-06-01'), d('2026-06-03'), 1],
    ['1.2', 'Draft the proposal', d('2026-06-04'), d('2026-06-05'), 0.5],
    ['2', 'Build', d('2026-06-08'), d('2026-06-19'), 0],
  ];
  return { rows: [phaseRow, weekRow, dayRow, ...tasks], merges, gridFrom: 5, gridTo: c - 1 };
}

describe('a day grid headed by weekdays', () => {
  it.each([
    ['M T W TH F under WEEK n under PHASE n', ['M', 'T', 'W', 'TH', 'F'], (n: number) => `PHASE ${n}`, (n: number) => `WEEK ${n}`],
    ['M T W T F S S (a letter for two days) under Week n under Stage n', ['M', 'T', 'W', 'T', 'F', 'S', 'S'], (n: number) => `Stage ${n}`, (n: number) => `Week ${n}`],
    ['Mon Tue Wed Thu Fri under Phase n', ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], (n: number) => `Phase ${n}`, (n: number) => `Wk ${n}`],
    ['月 火 水 木 金 土 日 under 第n週 under フェーズn', ['月', '火', '水', '木', '金', '土', '日'], (n: number) => `フェーズ${n}`, (n: number) => `第${n}週`],
    ['(月) (火) (水) (木) (金) under n週目 under 工程n', ['(月)', '(火)', '(水)', '(木)', '(金)'], (n: number) => `工程${n}`, (n: number) => `${n}週目`],
  ])('%s: the grid is the chart, no phase head a field', (_, heads, phase, week) => {
    const g = weekdayGantt(heads, phase, week);
    const ix = new SheetIndex(sheet('S', g.rows, g.merges));
    const grid = dateGridColumns(ix, 0, 2);
    for (let c = g.gridFrom; c <= g.gridTo; c++) expect(grid.has(c), letter(c)).toBe(true);
    expect(columnsOf('wbs', g.rows, g.merges)).toEqual({ A: 'wbsCode', B: 'name', C: 'plannedStart', D: 'plannedFinish', E: 'progress' });
  });

  it('reads a letter for two days by the run it is in, and only a run of following days', () => {
    expect(weekdaysOf({ c: 0, t: 's', v: 'T' })).toEqual([1, 3]);
    expect(weekdaysOf({ c: 0, t: 's', v: 'TH' })).toEqual([3]);
    expect(weekdaysOf({ c: 0, t: 's', v: '（土）' })).toEqual([5]);
    expect(weekdaysOf({ c: 0, t: 's', v: 'Team' })).toEqual([]);
    const row = (heads: string[]) => [...dateGridColumns(new SheetIndex(sheet('S', [['Task', ...heads]])), 0, 0)].sort((a, b) => a - b);
    expect(row(['M', 'T', 'W', 'T', 'F', 'M', 'T'])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Size columns, a shuffled week, a run too short for a week's grid: no grid.
    expect(row(['S', 'M', 'L', 'XL', 'S', 'M'])).toEqual([]);
    expect(row(['M', 'W', 'T', 'F', 'S'])).toEqual([]);
    expect(row(['月', '火', '水', '木'])).toEqual([]);
  });
});
