// The round-trip harness's positive gantt oracle (check 6, test/roundtrip/harness.ts): after a date edit,
// the bar painted again in a client's hand-drawn gantt sits exactly on the new dates' days or weeks (its
// first and last painted columns are the first and last the dates reach), not merely "band cells of
// moved tasks are exempt". It holds on gantts painted by day with fills and marked by week with ■, and it
// names a bar left where the old dates were.
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { checkExport, roundTrip, type Op } from '../roundtrip/harness.js';
import { paintedGantt, planActualGantt } from '../roundtrip/layouts.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const DATE_EDITS: Op[] = ['dates', 'dates', 'fields', 'move', 'addEnd', 'deleteMiddle', 'rename'];

describe('a gantt bar painted again after a date edit', () => {
  for (const [name, style] of [
    ['by day, as fills', { step: 1, paint: 'fill' }],
    ['by week, as ■ marks', { step: 7, paint: 'mark' }],
    // Painted on working days only: a bar leaves 土日 and 祝日 (4/29) blank and shaded, and so must its repaint.
    ['by day on working days, as ■ marks under date heads', { step: 1, paint: 'mark', workingDays: true }],
    ['by day on working days, as fills under the days of a month', { step: 1, paint: 'fill', heads: 'monthDays', workingDays: true }],
    ['by day on working days, as ● marks under the days of a month', { step: 1, paint: 'mark', mark: '●', heads: 'monthDays', workingDays: true }],
  ] as const)
    it(`${name}: every script's moved bars sit on their new dates`, async () => {
      const o = await roundTrip(call, `gantt ${name}.xlsx`, await paintedGantt(style), 'wbs', { scripts: 12, seed: 15, steps: 6, ops: DATE_EDITS });
      expect(o.skipped).toBe('');
      expect(o.scripts.filter((s) => s.failures.length > 0).map((s) => `#${s.script} ${s.steps.join(', ')}: ${s.failures.join(' / ')}`)).toEqual([]);
    }, 300_000);

  it('names a bar left on the old dates (an export that did not paint it again)', async () => {
    const bytes = await paintedGantt({ step: 1, paint: 'fill' });
    const { id: projectId } = await call('project.create', { name: 'stale bar' });
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'gantt.xlsx', dataBase64: bytes.toString('base64') });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'stale bar' } });
    const original = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'gantt.xlsx', dataBase64: bytes.toString('base64'), profileId: profileId! });
    const design = ((await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as { id: number; name: string }[]).find((t) => t.name === 'Design')!;
    await call('wbs.update', { id: design.id, patch: { plannedStart: '2025-04-14', plannedFinish: '2025-04-16' } });
    const ctx = { projectId, target: 'wbs' as const, profileId: profileId!, file: 'gantt.xlsx', template: bytes, original };
    const was = new Map([[design.id, { start: '2025-04-07', finish: '2025-04-11' }]]);
    // The real export paints it again: no check fails.
    const exported = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64, 'base64');
    expect(await checkExport(call, ctx, exported, new Set(), new Set([design.id]), undefined, undefined, new Set([design.id]), was)).toEqual([]);
    // The workbook as it was (its dates and bar on the old days) is named by check 6.
    const stale = await checkExport(call, ctx, bytes, new Set(), new Set([design.id]), undefined, undefined, new Set([design.id]), was);
    expect(stale.filter((f) => f.startsWith('6:'))).toEqual([expect.stringContaining('row 4 (Design): bar painted over columns 11–15, its dates 2025-04-14–2025-04-16 reach 18–20')]);
  });
});

describe('a two-row plan (予定 / 実績) whose gantt paints both bars', () => {
  for (const style of [
    { step: 1, paint: 'fill' },
    { step: 1, paint: 'mark' },
    { step: 7, paint: 'mark' },
  ] as const)
    it(`${style.step === 1 ? 'by day' : 'by week'}, as ${style.paint}s: the plan row's bar sits on the planned dates and the actual row's on the actual dates`, async () => {
      const o = await roundTrip(call, `plan actual gantt ${style.step} ${style.paint}.xlsx`, await planActualGantt(style), 'wbs', { scripts: 12, seed: 16, steps: 6, ops: DATE_EDITS });
      expect(o.skipped).toBe('');
      expect(o.scripts.filter((s) => s.failures.length > 0).map((s) => `#${s.script} ${s.steps.join(', ')}: ${s.failures.join(' / ')}`)).toEqual([]);
    }, 300_000);
});
