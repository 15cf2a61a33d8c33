// A bar the client's hand-painted gantt has no days for (issue 13): a task moved outside the band's days
// is cleared from the band, never left on its old days, and the export names it; one moved past the
// band's edge is drawn up to the edge and named too. Tasks whose bars fit are not named.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { paintedGantt } from '../roundtrip/layouts.js';
import { bandOf, cellsOf } from '../helpers/gantt-cells.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();

describe('a bar whose dates leave the gantt band', () => {
  for (const style of [
    { step: 1, paint: 'mark', workingDays: true },
    { step: 1, paint: 'fill', heads: 'monthDays' },
    { step: 7, paint: 'mark', mark: '●' },
  ] as const)
    it(`is cleared or cut at the edge, and named (${JSON.stringify(style)})`, async () => {
      const bytes = await paintedGantt(style);
      const { id: projectId } = await call('project.create', { name: `off band ${JSON.stringify(style)}` });
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'gantt.xlsx', dataBase64: bytes.toString('base64') });
      const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: `off ${JSON.stringify(style)}` } });
      const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as { id: number; name: string }[];
      const id = (name: string) => tasks.find((t) => t.name === name)!.id;
      // Design into May (after the band), Scope into March (before it), Launch over the band's end.
      await call('wbs.update', { id: id('Design'), patch: { plannedStart: '2025-05-12', plannedFinish: '2025-05-16' } });
      await call('wbs.update', { id: id('Scope'), patch: { plannedStart: '2025-03-10', plannedFinish: '2025-03-14' } });
      await call('wbs.update', { id: id('Launch'), patch: { plannedStart: '2025-04-24', plannedFinish: '2025-05-09' } });
      const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
      const h = style.heads === 'monthDays' ? 3 : 2;
      const [from, to] = style.step === 1 ? ['2025-04-01', '2025-04-30'] : ['2025-04-01', '2025-05-05'];
      expect(out.offBand).toEqual([
        { sheet: 'Gantt', cell: `B${h + 1}`, name: 'Scope', start: '2025-03-10', finish: '2025-03-14', bandFrom: from, bandTo: to, shown: 'none' },
        { sheet: 'Gantt', cell: `B${h + 2}`, name: 'Design', start: '2025-05-12', finish: '2025-05-16', bandFrom: from, bandTo: to, shown: 'none' },
        { sheet: 'Gantt', cell: `B${h + 5}`, name: 'Launch', start: '2025-04-24', finish: '2025-05-09', bandFrom: from, bandTo: to, shown: 'part' },
      ]);
      const cells = await cellsOf(Buffer.from(out.dataBase64, 'base64'), 'Gantt');
      const columns = style.step === 1 ? 30 : 5;
      const mark = style.paint === 'fill' ? 'fill' : 'mark';
      const bar = (row: number) =>
        style.paint === 'fill'
          ? bandOf(cells, row, columns, 'fill', 6, (f) => f === 'FF4F81BD')
          : bandOf(new Map([...cells].map(([k, v]) => [k, v.replace(/^●/, '■')])), row, columns, mark, 6, () => false);
      // Scope and Design: no bar left on their old days.
      expect(bar(h + 1)).toBe('.'.repeat(columns));
      expect(bar(h + 2)).toBe('.'.repeat(columns));
      // Launch: from 4/24 to the band's last column (on working days only where the client paints so).
      expect(bar(h + 5)).toBe(
        style.step === 7 ? '...##' : style.paint === 'mark' ? '.'.repeat(23) + '##..#.#' : '.'.repeat(23) + '#######',
      );
    }, 120_000);
});

describe('a bar the client painted its own way', () => {
  it('is kept where its dates stay in the band, and cleared and named where they leave it', async () => {
    // Test (row 6) painted on its first and last day only: a row the band's rule does not hold on.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await paintedGantt({ step: 1, paint: 'mark' })) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Gantt')!;
    for (let k = 0; k < 30; k++) ws.getCell(6, 6 + k).value = k === 20 || k === 24 ? '■' : null;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const { id: projectId } = await call('project.create', { name: 'own way' });
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'gantt.xlsx', dataBase64: bytes.toString('base64') });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'own way' } });
    const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as { id: number; name: string }[];
    const test = tasks.find((t) => t.name === 'Test')!.id;
    const exportRow = async () => {
      const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
      return { out, band: bandOf(await cellsOf(Buffer.from(out.dataBase64, 'base64'), 'Gantt'), 6, 30, 'mark', 6, () => false) };
    };
    // Moved inside the band by a day, its length kept: the client's own drawing moves with it, gaps and
    // all (left where it was, it showed the task on days it no longer has: corpus fintansprint at seed 11).
    await call('wbs.update', { id: test, patch: { plannedStart: '2025-04-22', plannedFinish: '2025-04-26' } });
    expect((await exportRow()).band).toBe(`${'.'.repeat(21)}#...#${'.'.repeat(4)}`);
    // Given another length, its bar is drawn again on its new days (kept as drawn, it showed 4/21, a day
    // the task no longer has). No other row draws first and last day only, so it is drawn whole.
    await call('wbs.update', { id: test, patch: { plannedStart: '2025-04-22', plannedFinish: '2025-04-28' } });
    expect((await exportRow()).band).toBe(`${'.'.repeat(21)}${'#'.repeat(7)}..`);
    // Moved out of it: no bar is left on the old days, and the export says so.
    await call('wbs.update', { id: test, patch: { plannedStart: '2025-06-02', plannedFinish: '2025-06-06' } });
    const { out, band } = await exportRow();
    expect(band).toBe('.'.repeat(30));
    expect(out.offBand?.map((n) => [n.name, n.shown])).toEqual([['Test', 'none']]);
  }, 120_000);
});
