// The process a bench measures one API call's peak memory in (report.export for the portfolio bench,
// excel.export for the scale bench): bundled with esbuild and run with plain node, the workspace in its
// worker thread as the hosts open it (workspace-thread.ts), on the bench's closed workspace. The bench
// process itself is no place to read an export's peak from: before it, it had built the fixture (100,000
// or 250,000 tasks) and loaded every bench's code under tsx (~420 MB of RSS, most of it never the
// export's). The calls the screen makes first (`before`) run once; then, `runs` times, the measured call:
// its wall and CPU time (every thread of the process) and the peak RSS of the process while it ran
// (Linux's VmHWM, reset before each; elsewhere RSS sampled every 20 ms), and the time of the `after` call
// (a peer in the same process), go to the parent over IPC (call-in-child.ts).
//   node call-child.mjs <data folder> <migrations folder> <workspace worker> <runs> <plan JSON>
import fs from 'node:fs';
import { setWorkspaceWorkerFile, startWorkspaceThread } from '../../electron/core/workspace-thread.js';
import type { ChildPlan, ChildRun } from './call-in-child.js';

const [dir, migrationsFolder, worker, runs, planJson] = process.argv.slice(2);
const plan = JSON.parse(planJson!) as ChildPlan;
setWorkspaceWorkerFile(worker!);
const ws = await startWorkspaceThread(dir!, { migrationsFolder: migrationsFolder!, context: { version: 'bench', osLocale: 'ja-JP', shell: 'web', user: 'bench' } });
// The answer is not read: the hosts send its bytes as the thread gave them (workspace-thread.ts
// lazyEnvelope), and parsing the export's base64 here was ~40 MB of this process's peak, none of it the app's.
const call = async ([method, args]: [string, unknown]) => {
  const env = await ws.handlers.invoke(method as never, args as never);
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
};

/** The process's peak RSS from now, read when the returned function is called. */
function peakRss(): () => number {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return () => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;
  } catch {
    let peak = process.memoryUsage().rss;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    return () => {
      clearInterval(sample);
      return Math.max(peak, process.memoryUsage().rss);
    };
  }
}

for (const c of plan.before) await call(c);
const rssBefore = process.memoryUsage().rss;
const out: ChildRun[] = [];
for (let i = 0; i < Number(runs); i++) {
  const rss = process.memoryUsage().rss;
  const peak = peakRss();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await call(plan.measured);
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const top = peak();
  const s0 = performance.now();
  if (plan.after) await call(plan.after);
  out.push({ rss, wall, cpu: (c.user + c.system) / 1000, peak: top, after: performance.now() - s0 });
}
await ws.close();
process.send!({ rssBefore, runs: out });
process.disconnect();
