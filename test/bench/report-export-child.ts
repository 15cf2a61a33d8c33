// The process the portfolio bench (portfolio.ts) measures report.export in: bundled with esbuild and run
// with plain node, the workspace in its worker thread as the hosts open it (workspace-thread.ts), on the
// bench's 50-project file. The bench process itself is no place to read an export's peak from: before
// the export it had built 250,000 tasks and run a thousand edits and evm.compute calls, and loaded every
// bench's code under tsx (~420 MB of RSS, most of it never the export's). As the app does, the home's
// portfolio.summary runs first and the report dialog's report.prepare readies the charts; then each
// export's wall and CPU time (every thread of the process) and the peak RSS of the process while it ran
// (Linux's VmHWM, reset before each; elsewhere RSS sampled every 20 ms) go to the parent over IPC.
//   node report-export-child.mjs <data folder> <migrations folder> <workspace worker> <runs> <projectIds JSON> <status date>
import fs from 'node:fs';
import { setWorkspaceWorkerFile, startWorkspaceThread } from '../../electron/core/workspace-thread.js';

const [dir, migrationsFolder, worker, runs, ids, statusDate] = process.argv.slice(2);
setWorkspaceWorkerFile(worker!);
const ws = await startWorkspaceThread(dir!, { migrationsFolder: migrationsFolder!, context: { version: 'bench', osLocale: 'ja-JP', shell: 'web', user: 'bench' } });
const call = async (method: string, args: unknown) => {
  const env = await ws.handlers.invoke(method as never, args as never);
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.result;
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

await call('portfolio.summary', {});
await call('report.prepare', {});
const rssBefore = process.memoryUsage().rss;
const out: { wall: number; cpu: number; peak: number; summary: number }[] = [];
for (let i = 0; i < Number(runs); i++) {
  const peak = peakRss();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await call('report.export', { projectIds: JSON.parse(ids!), statusDate });
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const top = peak();
  const s0 = performance.now();
  await call('portfolio.summary', {});
  out.push({ wall, cpu: (c.user + c.system) / 1000, peak: top, summary: performance.now() - s0 });
}
await ws.close();
process.send!({ rssBefore, runs: out });
process.disconnect();
