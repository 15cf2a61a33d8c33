// A gantt band painted with fills whose rows also carry a one-symbol mark: ◆ (or ●, ★) on a milestone's
// week or day, and on some tasks on their bar's last column (blind set 16 E1, wbs-game-milestone). The
// marks made the export take the band for one with labels written over it and leave it alone, so no bar
// moved when its task's dates did. Now the band is still repainted, and each mark belongs to its row: a
// milestone's mark moves to its new week or day, a bar's mark to its new last column, every other row
// stays as drawn. A label of words on the band still leaves the band alone.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { cellsOf, changedOutside } from '../helpers/gantt-cells.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const BAR = 'FF70AD47';
const BASE = Date.UTC(2027, 2, 1); // Monday 1 March 2027
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

interface Variant {
  /** Days per band column: 1 a day grid, 7 a week grid (Mondays). */
  step: 1 | 7;
  mark: string;
  /** Whether some bars carry the mark on their last column too (else only the milestones do). */
  onBars: boolean;
}

// name, first and last band column; a milestone has one column and no fill.
type Task = { name: string; from: number; to: number; milestone?: true; barMark?: true };
const TASKS: Task[] = [
  { name: 'Pitch', from: 0, to: 2 },
  { name: 'Prototype', from: 1, to: 3 },
  { name: 'Art bible', from: 2, to: 4, barMark: true },
  { name: 'Slice review', from: 3, to: 3, milestone: true },
  { name: 'Greybox', from: 4, to: 6 },
  { name: 'Alpha review', from: 6, to: 6, milestone: true },
  { name: 'Combat', from: 5, to: 7, barMark: true },
];
const COLUMNS = 10;
const FIRST = 5; // column E

/** A task's dates for its band columns: Monday to Friday of its weeks, or its days. */
function datesOf(v: Variant, from: number, to: number, milestone = false): [string, string] {
  if (v.step === 1) return [iso(BASE + from * DAY), iso(BASE + to * DAY)];
  if (milestone) return [iso(BASE + (from * 7 + 2) * DAY), iso(BASE + (from * 7 + 2) * DAY)];
  return [iso(BASE + from * 7 * DAY), iso(BASE + (to * 7 + 4) * DAY)];
}

async function workbook(v: Variant, label?: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Schedule');
  ws.getCell('A1').value = 'Production schedule';
  ['No', 'Activity', 'Begin', 'End'].forEach((h, i) => (ws.getCell(2, i + 1).value = h));
  for (let k = 0; k < COLUMNS; k++) {
    const c = ws.getCell(2, FIRST + k);
    c.value = new Date(BASE + k * v.step * DAY);
    c.numFmt = 'm/d';
  }
  TASKS.forEach((t, i) => {
    const r = 3 + i;
    const [s, f] = datesOf(v, t.from, t.to, t.milestone);
    ws.getRow(r).values = [i + 1, t.name, new Date(`${s}T00:00:00Z`), new Date(`${f}T00:00:00Z`)];
    ws.getCell(r, 3).numFmt = 'mm/dd/yy';
    ws.getCell(r, 4).numFmt = 'mm/dd/yy';
    for (let k = t.from; k <= t.to; k++) {
      const cell = ws.getCell(r, FIRST + k);
      if (t.milestone) cell.value = v.mark;
      else cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: BAR } };
    }
    if (t.barMark && v.onBars) ws.getCell(r, FIRST + t.to).value = v.mark;
  });
  if (label) ws.getCell(3, FIRST).value = label;
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** A row's band as text: the mark where one is, # a filled cell, . an empty one. */
function band(cells: Map<string, string>, row: number): string {
  let s = '';
  for (let k = 0; k < COLUMNS; k++) {
    const letter = String.fromCharCode(64 + FIRST + k);
    const [value, fill] = (cells.get(`${letter}${row}`) ?? '||').split('|');
    s += value ? value : fill === BAR ? '#' : '.';
  }
  return s;
}

async function exportAfterMoves(v: Variant, label?: string) {
  const dataBase64 = await workbook(v, label);
  const { id: projectId } = await call('project.create', { name: `P ${v.step} ${v.mark} ${v.onBars} ${label ?? ''}` });
  const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'schedule.xlsx', dataBase64 });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: `s${Math.random()}` } });
  const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
  const move = async (name: string, from: number, to: number, milestone = false) => {
    const [plannedStart, plannedFinish] = datesOf(v, from, to, milestone);
    await call('wbs.update', { id: tasks.find((t) => t.name === name)!.id, patch: { plannedStart, plannedFinish } });
  };
  await move('Prototype', 3, 4); // a bar: later and shorter
  await move('Slice review', 5, 5, true); // a milestone: two columns later
  await move('Art bible', 4, 6); // a bar that may carry the mark on its last column
  const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
  const before = await cellsOf(Buffer.from(dataBase64, 'base64'), 'Schedule');
  const after = await cellsOf(Buffer.from(out.dataBase64, 'base64'), 'Schedule');
  return { before, after };
}

const VARIANTS: Variant[] = [
  { step: 7, mark: '◆', onBars: false },
  { step: 7, mark: '●', onBars: true },
  { step: 7, mark: '★', onBars: true },
  { step: 1, mark: '◆', onBars: true },
  { step: 1, mark: '●', onBars: false },
  { step: 1, mark: '★', onBars: false },
];

describe('a gantt band of fills with one-symbol marks on its rows', () => {
  it.each(VARIANTS)('repaints moved rows and moves their marks (step $step, $mark, on bars: $onBars)', async (v) => {
    const { before, after } = await exportAfterMoves(v);
    const m = v.mark;
    expect(band(after, 4)).toBe('...##.....'); // Prototype
    expect(band(after, 6)).toBe(`.....${m}....`); // Slice review
    expect(band(after, 5)).toBe(v.onBars ? `....##${m}...` : '....###...'); // Art bible
    // Every other row (and the heads) is as the client drew it.
    expect(changedOutside(before, after, [4, 5, 6])).toEqual([]);
    expect(band(after, 8)).toBe(`......${m}...`);
    expect(band(after, 9)).toBe(v.onBars ? `.....##${m}..` : '.....###..');
  });

  it('still leaves alone a band with a label of words written over a bar', async () => {
    const { before, after } = await exportAfterMoves({ step: 7, mark: '◆', onBars: false }, 'Kickoff');
    expect(band(after, 4)).toBe(band(before, 4));
    expect(band(after, 3)).toBe('Kickoff##.......');
  });
});
