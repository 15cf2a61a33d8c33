// A weekly report written while others write: each project's sheet is one state of it. report.export
// lets other calls run between projects (pace); the test holds it there (CallScope.hold) through the
// real workspace thread, adds an issue to the first project and moves a task of the second, then lets it
// go. Each sheet's figures must agree with its own lists, and the summary with the project's sheet.
// (Before: the rows of every project were read at the start, the lists when each sheet came: 未完了課題 2
// over a list of 3 issues, 進捗率 0.0% over a task in progress at 50%.)
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiError } from '../../electron/common/errors.js';
import type { Input, Method, Output } from '../../electron/common/api.js';
import type { JobInfo } from '../../electron/common/api/jobs.js';
import type { WorkspaceThread } from '../../electron/core/workspace-thread.js';
import { tempWorkspaceThread } from '../fixtures/workspace-worker.js';
import { tempDir } from '../helpers/workspace.js';

const STATUS = '2025-06-13';
const who = { user: 'tester', client: 'report-snapshot' };
const hold = new Int32Array(new SharedArrayBuffer(4));
let thread: WorkspaceThread;

async function call<M extends Method>(method: M, args: Input<M>): Promise<Output<M>> {
  const env = await thread.handlers.invoke(method, args, who);
  if (!env.ok) throw ApiError.from(env.error);
  return env.result as Output<M>;
}

beforeAll(async () => {
  thread = await tempWorkspaceThread(tempDir(), 'tester', { hold });
}, 120_000);

afterAll(async () => {
  Atomics.store(hold, 0, 0);
  await thread?.close();
});

/** Each row of a sheet as the texts of its cells (merged cells once); the spacer rows between sections as []. */
function rowsOf(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  for (let i = 1; i <= ws.rowCount; i++) {
    const cells: string[] = [];
    ws.getRow(i).eachCell({ includeEmpty: true }, (c) => {
      if (c.isMerged && c.master.address !== c.address) return;
      cells.push(c.value === null ? '' : String(c.value));
    });
    out.push(cells);
  }
  return out;
}

/** The value beside a figure's label in a project sheet's figures table (two columns of three cells). */
function figure(rows: string[][], label: string): string {
  for (const r of rows.slice(0, 12)) {
    if (r[0] === label) return r[1]!;
    if (r[4] === label) return r[5]!;
  }
  throw new Error(`no figure ${label}`);
}

/** The rows of a section's table: under its title (a row of one merged cell) and its header row, up to the next blank. */
function section(rows: string[][], title: string): string[][] {
  const i = rows.findIndex((r) => r.filter((c) => c !== '').length === 1 && r[0] === title);
  expect(i, title).toBeGreaterThanOrEqual(0);
  const out: string[][] = [];
  for (const r of rows.slice(i + 2)) {
    if (r.every((c) => c === '')) break;
    out.push(r);
  }
  return out.length === 1 && out[0]![0] === 'なし' ? [] : out;
}

it('writes each project as one read of it when other calls write between its projects', async () => {
  const alpha = (await call('project.create', { name: 'Alpha' })).id;
  await call('wbs.create', { projectId: alpha, values: { name: '設計', plannedStart: '2025-06-02', plannedFinish: '2025-06-20', plannedEffort: 10, progress: 20 } });
  for (const title of ['課題1', '課題2']) await call('issue.create', { projectId: alpha, values: { title, status: 'in_progress' } });
  const beta = (await call('project.create', { name: 'Beta' })).id;
  const work = await call('wbs.create', { projectId: beta, values: { name: '作業', plannedStart: '2025-06-09', plannedFinish: '2025-06-20', plannedEffort: 10 } });

  Atomics.store(hold, 0, 1);
  const exported = call('report.export', { projectIds: [alpha, beta], statusDate: STATUS });
  // Held at its first breath: it has said how far it is (0 of 2 projects) and waits there.
  await expect
    .poll(async () => ((await thread.handlers.invoke('job.list', {}, who)) as { result: JobInfo[] }).result.some((j) => j.method === 'report.export' && j.total === 2), { timeout: 60_000 })
    .toBe(true);
  await call('issue.create', { projectId: alpha, values: { title: '課題3', status: 'in_progress' } });
  await call('wbs.update', { id: work.id, patch: { progress: 50 } });
  Atomics.store(hold, 0, 0);
  const out = await exported;

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as unknown as ArrayBuffer);
  expect(wb.worksheets.map((s) => s.name)).toEqual(['サマリー', 'Alpha', 'Beta']);

  const a = rowsOf(wb.getWorksheet('Alpha')!);
  expect(section(a, '主要課題（未完了、期限超過を先に）').map((r) => r[1])).toEqual(['課題1', '課題2', '課題3']);
  expect(figure(a, '未完了課題')).toBe('3');

  const b = rowsOf(wb.getWorksheet('Beta')!);
  expect(section(b, '進行中のタスク').map((r) => [r[1], r[3]])).toEqual([['作業', '50%']]);
  expect(figure(b, '進捗率')).toBe('50.0%');
  const summary = rowsOf(wb.getWorksheet('サマリー')!);
  expect(summary.find((r) => r[0] === 'Beta')?.[3]).toBe('50.0%');
}, 120_000);
