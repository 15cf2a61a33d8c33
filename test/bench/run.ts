// npm run bench: measures, never asserts. Real SQLite files in a temp folder, a generated 10,000-task
// WBS (depth 4), and the figures the WBS issue sets targets for, printed as one table.
import fs from 'node:fs';
import { startHost } from '../../electron/host/server.js';
import { listTasks, wbsStore } from '../../electron/core/services/wbs.js';
import { rollUpAll } from '../../electron/core/services/rollup.js';
import { tempWorkspace } from '../helpers/workspace.js';
import { ensureRenderer } from './renderer.js';
import { benchExcelImport } from './excel-import.js';
import { benchExcelExport } from './excel-export.js';
import { benchProgress } from './progress.js';
import { benchBackup } from './backup.js';
import { benchBigWorkbook } from './big-workbook.js';
import { buildWbs } from './fixture.js';
import { editInProcess, editOverHttp } from './edit.js';
import { screenLoads } from './screen.js';
import { benchProjectDelete, benchScale } from './scale.js';
import { benchScreenScale } from './screen-scale.js';
import { benchBigImport } from './big-import.js';
import { benchStart } from './start.js';
import { benchSchedule } from './schedule.js';
import { benchThread } from './thread.js';
import { benchSearch } from './search.js';
import { benchPortfolio } from './portfolio.js';
import { benchHome } from './home-screen.js';
import { benchPg } from './pg.js';
import { ganttLines, ganttScreen } from './gantt.js';
import { tempWorkspaceThread } from '../fixtures/workspace-worker.js';
import { repeat, time, type Stats } from './stats.js';

const EDITS = 400;
const LOADS = 5;

export interface Line {
  what: string;
  n: number;
  p50: number;
  p95: number | null;
  target: string;
  /** What the figures count when not milliseconds (nodes). */
  unit?: string;
}
const lines: Line[] = [];
const add = (what: string, s: Stats, target = '', p95 = true) => lines.push({ what, n: s.n, p50: s.p50, p95: p95 ? s.p95 : null, target });

// `npm run bench -- --only <section>` runs one section: wbs (the 10,000-task figures and the export
// through a profile), import, big (a 200,000-row workbook read through the web host: small calls and RSS
// meanwhile), bigimport (a 100,000-row workbook imported, CPU time, and the search after it), scale (100,000 tasks and 20 projects; minutes on a busy machine), delete (a project's delete among 20, its undo and redo; part of scale), screen (the WBS screen
// at 50,000 tasks in Chromium), start (the web host on a 1 GB workspace), schedule, search (50,000 rows of Japanese text), thread, portfolio
// (50 projects × 5,000 tasks), home (the home screen with those 50 projects in Chromium), or pg (team mode: statements through the PostgreSQL bridge vs SQLite).
const SECTIONS = ['wbs', 'import', 'big', 'bigimport', 'scale', 'delete', 'screen', 'start', 'schedule', 'search', 'thread', 'portfolio', 'home', 'pg'] as const;
type Section = (typeof SECTIONS)[number];
function chosen(): Set<Section> {
  const i = process.argv.indexOf('--only');
  if (i < 0) return new Set(SECTIONS);
  const names = (process.argv[i + 1] ?? '').split(',');
  const bad = names.filter((n) => !SECTIONS.includes(n as Section));
  if (bad.length > 0 || names.length === 0) throw new Error(`--only takes ${SECTIONS.join(', ')} (comma-separated), not ${bad.join(', ')}`);
  return new Set(names as Section[]);
}

async function main() {
  const started = performance.now();
  const only = chosen();
  if (only.has('wbs')) await benchWbs();
  if (only.has('import')) lines.push(...(await benchExcelImport()));
  if (only.has('big')) lines.push(...(await benchBigWorkbook()));
  if (only.has('bigimport')) lines.push(...(await benchBigImport()));
  if (only.has('scale')) lines.push(...(await benchScale()));
  else if (only.has('delete')) lines.push(...(await benchProjectDelete()));
  if (only.has('screen')) lines.push(...(await benchScreenScale()));
  if (only.has('start')) lines.push(...(await benchStart()));
  if (only.has('schedule')) await benchScheduleSection();
  if (only.has('search')) lines.push(...(await benchSearch()));
  if (only.has('thread')) lines.push(...(await benchThread()));
  if (only.has('portfolio')) lines.push(...(await benchPortfolio()));
  if (only.has('home')) lines.push(...(await benchHome()));
  if (only.has('pg')) lines.push(...(await benchPg()));
  print();
  console.log(`\n(bench took ${((performance.now() - started) / 1000).toFixed(0)} s; sections: ${[...only].join(', ')})`);
}

/** The schedule on its own 10,000-task WBS, every leaf automatic and 10,000 links, and the Gantt screen. */
async function benchScheduleSection() {
  const ws = tempWorkspace();
  try {
    const project = await ws.handlers.invoke('project.create', { name: 'ベンチマーク 工程' });
    if (!project.ok) throw new Error(project.error.message);
    const projectId = (project.result as { id: number }).id;
    const { leaves } = buildWbs(ws.db, projectId);
    for (const l of await benchSchedule(ws, projectId, leaves)) add(l.what, l.s, l.target);
    ws.close();
    // The screens' workspace in its worker thread, as the hosts open it (host/cli.ts, Electron main):
    // on the host's own thread, every read of the plan stopped this process's event loop, where the
    // browser's driver runs too, so a wait that ended in the page was seen up to a second later.
    const thread = await tempWorkspaceThread(ws.dir);
    const ganttHost = await startHost(0, { handlers: thread.handlers, rendererDir: ensureRenderer() });
    try {
      const g = await ganttScreen(ganttHost, projectId, LOADS);
      for (const l of ganttLines(g)) lines.push(l);
    } finally {
      await ganttHost.close();
      await thread.close();
    }
  } finally {
    ws.close();
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
}

async function benchWbs() {
  const ws = tempWorkspace();
  console.log(`workspace: ${ws.dir}`);
  try {
    const project = await ws.handlers.invoke('project.create', { name: 'ベンチマーク 10,000 タスク' });
    if (!project.ok) throw new Error(project.error.message);
    const projectId = (project.result as { id: number }).id;
    let built: ReturnType<typeof buildWbs> | undefined;
    const buildMs = await time(() => (built = buildWbs(ws.db, projectId)));
    const { leaves, all } = built!;
    console.log(`built ${all.length} tasks in ${(buildMs / 1000).toFixed(1)} s`);

    const edits = await editInProcess(ws.handlers, leaves, EDITS);
    add('edit round trip, in-process (wbs.update)', edits.all, 'p95 ≤ 5 ms');
    add('  of which: rolled-up fields (3 ancestors recomputed)', edits.rolled);
    add('  of which: a text field (no roll-up)', edits.text);

    const host = await startHost(0, { handlers: ws.handlers, rendererDir: ensureRenderer() });
    try {
      add('edit round trip, web host over HTTP', await editOverHttp(host, leaves, EDITS), 'p95 ≤ 20 ms');

      // Why roll-ups are materialized: on read, an edit's answer would need the whole subtree of
      // its top-level phase (1,000 rows here) read and rolled up, on every edit.
      const phase = all[0]!;
      const subtree = ws.db.prepare(
        'WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT t.id FROM wbs_tasks t JOIN sub ON t.parent_id = sub.id) SELECT w.* FROM wbs_tasks w JOIN sub ON w.id = sub.id',
      );
      add(
        'alternative: roll-up on read of one phase (1,000 rows)',
        await repeat(50, () => rollUpAll((subtree.all(phase) as Record<string, unknown>[]).map(wbsStore.fromRaw))),
        'would be paid per edit',
      );
      add('listTasks of 10,000 tasks, in-process', await repeat(10, () => listTasks(ws.db, projectId)), '');

      const screen = await screenLoads(host, projectId, LOADS);
      add('WBS screen, navigation → rows shown (Chromium)', screen, 'median ≤ 1.5 s', false);
      add('  same, page clock at rows shown (from nav. start)', screen.inPage, '', false);
    } finally {
      await host.close();
    }

    // A large paste and its undo, for scale.
    const paste = leaves.slice(0, 500).map((id, i) => ({ id, patch: { assignee: `担当${i % 7}`, plannedEffort: 2 } }));
    add(
      'wbs.applyCells, 500-row paste',
      await repeat(1, async () => {
        const env = await ws.handlers.invoke('wbs.applyCells', { projectId, updates: paste });
        if (!env.ok) throw new Error(env.error.message);
      }),
      '',
      false,
    );
    add('history.undo of that paste', await repeat(1, () => ws.handlers.invoke('history.undo', { projectId })), '', false);
    lines.push(...(await benchExcelExport(ws.handlers, projectId)));

    // Last: it takes baselines and slips 500 tasks.
    lines.push(...(await benchProgress(ws.handlers, ws.db, projectId, leaves)));
    for (const b of await benchBackup(ws)) add(b.what, b.s, b.target);
  } finally {
    ws.close();
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
}

function print() {
  const ms = (v: number | null, unit = 'ms') => (v === null ? '' : unit !== 'ms' ? `${v} ${unit}` : v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`);
  const rows = [['measure', 'n', 'p50 / median', 'p95', 'target'], ...lines.map((l) => [l.what, String(l.n), ms(l.p50, l.unit), ms(l.p95, l.unit), l.target])];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const fmt = (r: string[]) => r.map((cell, c) => (c === 0 || c === 4 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(`\n${fmt(rows[0]!)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows.slice(1)) console.log(fmt(r));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
