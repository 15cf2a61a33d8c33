// Rows of a hand-painted gantt drawn the client's own way (issue 13): when such a task's length changes,
// its bar is drawn again on its new days in the row's own style — never left on days the task no longer
// has — with its own colour, first and last day only where other rows of the sheet draw so, ◆ where the
// sheet draws its one-day tasks so. A drawing that never showed the row's dates and still lies inside them stays.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { paintedGantt } from '../roundtrip/layouts.js';
import { bandOf, cellsOf } from '../helpers/gantt-cells.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
// paintedGantt: header on row 2, Scope … Launch on rows 3–7, one column per day of April 2025 from F.
const ROW = { Scope: 3, Design: 4, Build: 5, Test: 6, Launch: 7 } as const;
const RED = 'FFFF0000';

async function edited(paint: 'mark' | 'fill', draw: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await paintedGantt({ step: 1, paint })) as unknown as ArrayBuffer);
  draw(wb.getWorksheet('Gantt')!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
/** Marks (or red fills) on the given April days of a row, nothing on its other days. */
const drawDays = (ws: ExcelJS.Worksheet, row: number, days: number[], how: string | 'red') => {
  for (let d = 1; d <= 30; d++) {
    const cell = ws.getCell(row, 5 + d);
    // A new style object per cell: ExcelJS shares one between the cells a file gave the same format.
    if (how === 'red') cell.style = { ...cell.style, fill: days.includes(d) ? { type: 'pattern', pattern: 'solid', fgColor: { argb: RED } } : { type: 'pattern', pattern: 'none' } };
    else cell.value = days.includes(d) ? how : null;
  }
};

async function exported(bytes: Buffer, name: string, edits: Record<string, [string, string]>) {
  const { projectId, profileId } = await importWithProfile(call, bytes, name);
  const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as { id: number; name: string }[];
  for (const [task, [plannedStart, plannedFinish]] of Object.entries(edits))
    await call('wbs.update', { id: tasks.find((t) => t.name === task)!.id, patch: { plannedStart, plannedFinish } });
  const out = await call('excel.export', { projectId, register: 'wbs', profileId });
  return cellsOf(Buffer.from(out.dataBase64, 'base64'), 'Gantt');
}
const marks = (cells: Map<string, string>, row: number, mark = '■') => bandOf(new Map([...cells].map(([k, v]) => [k, v.startsWith(`${mark}|`) ? `■${v.slice(mark.length)}` : v.startsWith('■|') ? `x${v.slice(1)}` : v])), row, 30, 'mark', 6, () => false);
const day = (d: number) => `2025-04-${String(d).padStart(2, '0')}`;

describe('a row drawn its own way whose task changes length', () => {
  it('is drawn on its first and last day only where another row of the sheet is drawn so', async () => {
    const bytes = await edited('mark', (ws) => {
      drawDays(ws, ROW.Build, [12, 18], '■');
      drawDays(ws, ROW.Test, [21, 25], '■');
    });
    const cells = await exported(bytes, 'ends only', { Test: [day(22), day(29)] });
    expect(marks(cells, ROW.Test)).toBe(`${'.'.repeat(21)}#......#.`);
    expect(marks(cells, ROW.Build)).toBe(`${'.'.repeat(11)}#.....#${'.'.repeat(12)}`);
  }, 120_000);

  it('is drawn whole in its own colour where its gaps were drawn by hand', async () => {
    // Test (4/21–4/25) painted red with 4/22 left blank by hand; the band's bars are blue.
    const bytes = await edited('fill', (ws) => drawDays(ws, ROW.Test, [21, 23, 24, 25], 'red'));
    const cells = await exported(bytes, 'own colour', { Test: [day(23), day(29)] });
    const red = bandOf(cells, ROW.Test, 30, 'fill', 6, (f) => f === RED);
    expect(red).toBe(`${'.'.repeat(22)}${'#'.repeat(7)}.`);
    expect(bandOf(cells, ROW.Test, 30, 'fill', 6, (f) => f !== '' && f !== RED && f !== 'FFD9D9D9')).toBe('.'.repeat(30));
  }, 120_000);

  // Corpus round trip seed 24 (schedule-jp-fintansprint): a row group whose empty band cells carry a
  // border of their own read as painted over the whole band, so a task moved to another length kept its
  // old bar. A bar is told by its fill; a border, font or number format paints nothing.
  it('is drawn again where the row’s empty cells have a format of their own (a border), told apart from its bar by fill', async () => {
    const bytes = await edited('fill', (ws) => {
      // Test (4/21–4/25) painted red with 4/22 left blank by hand; every band cell of its row, bar,
      // weekend shade or empty, with a dotted border the other rows do not have.
      for (let d = 1; d <= 30; d++) {
        const cell = ws.getCell(ROW.Test, 5 + d);
        const fill: ExcelJS.Fill | undefined = [21, 23, 24, 25].includes(d) ? { type: 'pattern', pattern: 'solid', fgColor: { argb: RED } } : d === 22 ? { type: 'pattern', pattern: 'none' } : undefined;
        cell.style = { ...cell.style, ...(fill ? { fill } : {}), border: { bottom: { style: 'dotted', color: { argb: 'FF808080' } } } };
      }
    });
    const cells = await exported(bytes, 'own empty format', { Test: [day(19), day(27)] });
    expect(bandOf(cells, ROW.Test, 30, 'fill', 6, (f) => f === RED)).toBe(`${'.'.repeat(18)}${'#'.repeat(9)}...`);
  }, 120_000);

  it('is drawn as the sheet draws one-day tasks (◆) when it becomes one day, and as a bar when a ◆ row becomes longer', async () => {
    // Launch a one-day task drawn ◆ on 4/28, Design one drawn ◆ on 4/9.
    const bytes = await edited('mark', (ws) => {
      ws.getCell(ROW.Launch, 5).value = new Date(Date.UTC(2025, 3, 28));
      drawDays(ws, ROW.Launch, [28], '◆');
      ws.getCell(ROW.Design, 4).value = new Date(Date.UTC(2025, 3, 9));
      ws.getCell(ROW.Design, 5).value = new Date(Date.UTC(2025, 3, 9));
      drawDays(ws, ROW.Design, [9], '◆');
    });
    const cells = await exported(bytes, 'milestones', { Scope: [day(3), day(3)], Launch: [day(28), day(30)] });
    expect(marks(cells, ROW.Scope, '◆')).toBe(`..#${'.'.repeat(27)}`);
    expect(marks(cells, ROW.Launch)).toBe(`${'.'.repeat(27)}###`);
    expect(marks(cells, ROW.Design, '◆')).toBe(`${'.'.repeat(8)}#${'.'.repeat(21)}`);
  }, 120_000);

  it('keeps a drawing that never showed its dates until the task leaves a day it covered', async () => {
    // Build (4/12–4/18) drawn on 4/14–4/15 only: a note in paint, not its bar.
    const bytes = await edited('mark', (ws) => drawDays(ws, ROW.Build, [14, 15], '■'));
    const inside = await exported(bytes, 'kept inside', { Build: [day(10), day(18)] });
    expect(marks(inside, ROW.Build)).toBe(`${'.'.repeat(13)}##${'.'.repeat(15)}`);
    // Once the new dates no longer hold it, the bar is drawn on them.
    const outside = await exported(bytes, 'redrawn outside', { Build: [day(16), day(18)] });
    expect(marks(outside, ROW.Build)).toBe(`${'.'.repeat(15)}###${'.'.repeat(12)}`);
  }, 120_000);

  it('draws a bar for a row the template left undated and unpainted once it has dates', async () => {
    const bytes = await edited('mark', (ws) => {
      ws.getCell(ROW.Test, 4).value = null;
      ws.getCell(ROW.Test, 5).value = null;
      drawDays(ws, ROW.Test, [], '■');
    });
    const cells = await exported(bytes, 'undated', { Test: [day(22), day(24)] });
    expect(marks(cells, ROW.Test)).toBe(`${'.'.repeat(21)}###${'.'.repeat(6)}`);
  }, 120_000);
});
