// Progress figures on the 10,000-task WBS (issue 14 targets): baseline.create ≤ 200 ms, baseline.compare
// and evm.compute ≤ 50 ms, through the in-process handlers (validation and envelope included). Peers
// from the same run, interleaved with the calls: reading the whole current plan, and decoding a stored
// baseline (paid on a baseline's first use after start; later uses read it from memory), whole or its
// numbers alone. The load average is printed before and after.
// Alone: node --import tsx test/bench/progress.ts
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import type { Handlers } from '../../electron/core/envelope.js';
import type { Db } from '../../electron/core/db/open.js';
import { readCurrentPlan } from '../../electron/core/progress/plan.js';
import { decodeColumns, decodePlan } from '../../electron/core/progress/snapshot-codec.js';
import { tempWorkspace } from '../helpers/workspace.js';
import { buildWbs } from './fixture.js';
import { repeat, stats, time, type Stats } from './stats.js';
import { call } from './call.js';
import os from 'node:os';

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

export interface BenchLine {
  what: string;
  n: number;
  p50: number;
  p95: number | null;
  target: string;
}

export async function benchProgress(h: Handlers, db: Db, projectId: number, leaves: number[], log: (line: string) => void = console.log): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const add = (what: string, s: Stats, target = '') => lines.push({ what, n: s.n, p50: s.p50, p95: s.p95, target });
  let baselineId = 0;
  add(
    'baseline.create of 10,000 tasks',
    await repeat(10, async () => (baselineId = (await call<{ id: number }>(h, 'baseline.create', { projectId, name: 'bench' })).id)),
    'median ≤ 200 ms',
  );
  // Slip 500 tasks by a week and re-estimate them, so the comparison has something to report.
  const tasks = readCurrentPlan(db, projectId).tasks;
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const shift = (iso: string | null) => (iso === null ? null : new Date(Date.parse(iso) + 7 * 86_400_000).toISOString().slice(0, 10));
  const updates = leaves.slice(0, 500).map((id) => {
    const t = byId.get(id)!;
    return { id, patch: { plannedStart: shift(t.plannedStart), plannedFinish: shift(t.plannedFinish), plannedEffort: (t.plannedEffort ?? 0) + 1 } };
  });
  await call(h, 'wbs.applyCells', { projectId, updates });
  const statusDate = '2025-09-30';
  log(`progress: load (uptime 1/5/15 min) before ${load()}`);
  // The targets interleaved with their peer, so a burst of load on the shared machine falls on each
  // alike (the heavier calls below run apart: their garbage would be collected in these).
  const runs = { compare: [] as number[], evmBaseline: [] as number[], evmCurrent: [] as number[], read: [] as number[] };
  for (let i = 0; i < 20; i++) {
    runs.compare.push(await time(() => call(h, 'baseline.compare', { projectId, baselineId })));
    runs.evmBaseline.push(await time(() => call(h, 'evm.compute', { projectId, statusDate, baselineId })));
    runs.evmCurrent.push(await time(() => call(h, 'evm.compute', { projectId, statusDate })));
    runs.read.push(await time(() => readCurrentPlan(db, projectId, false)));
  }
  add('baseline.compare with the current plan (500 changed)', stats(runs.compare), 'median ≤ 50 ms');
  add('evm.compute against a baseline', stats(runs.evmBaseline), 'median ≤ 50 ms');
  add('evm.compute against the current plan', stats(runs.evmCurrent), '');
  add('peer: reading the current plan (floor of each call)', stats(runs.read), 'same run');
  add('evm.adherence against a baseline (late lists named)', await repeat(20, () => call(h, 'evm.adherence', { projectId, statusDate, baselineId })), '');
  add('evm.compute by task (10,000 rows)', await repeat(10, () => call(h, 'evm.compute', { projectId, statusDate, baselineId, by: 'task' })), '');
  add('peer: wbs.rows of the same 10,000 tasks', await repeat(10, () => call(h, 'wbs.rows', { projectId })), '');
  const text = db.prepare('SELECT snapshot FROM baselines WHERE id = ?').pluck().get(baselineId) as string;
  add(`peer: decoding a stored baseline (${Math.round(text.length / 1024)} KB, first use)`, await repeat(20, () => decodePlan(text)), '');
  add("  its numbers alone (what figures read on a baseline's first use)", await repeat(20, () => decodeColumns(text)), '');
  log(`progress: load (uptime 1/5/15 min) after ${load()}`);
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ws = tempWorkspace();
  try {
    const env = await ws.handlers.invoke('project.create', { name: 'ベンチ' });
    if (!env.ok) throw new Error(env.error.message);
    const projectId = (env.result as { id: number }).id;
    const { leaves } = buildWbs(ws.db, projectId);
    for (const l of await benchProgress(ws.handlers, ws.db, projectId, leaves))
      console.log(`${l.what.padEnd(60)} n=${String(l.n).padStart(3)}  p50 ${l.p50.toFixed(1).padStart(7)} ms  p95 ${l.p95?.toFixed(1).padStart(7)} ms  ${l.target}`);
  } finally {
    ws.close();
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
}
