// A workbook past the import's limits (200,000 rows × 5 columns, as the durability audit built it), read
// through the web host while a small call (app.info) is made every 50 ms: how long the small calls wait,
// and the host's RSS before, at its peak and 2 s after the file (the host process and the reader's child
// process it starts for a big file, capped-worker-process.ts, summed). The host runs in a child process of its own
// (big-workbook-host.ts, bundled and run with plain node as the app is) and this one is its browser, so
// the RSS is the host's alone (not this side's copy of the file); the same pings with no file being
// read are the floor, and the same pings while another process spins as long the busy floor, from the
// same run. Twice: with the workspace on the
// host's own thread (the stricter case: that thread also decodes the file and runs every call), and in
// its worker thread as the app opens it (workspace-thread.ts).
//
// Use from test/bench/run.ts:   lines.push(...(await benchBigWorkbook()));
// or alone:                     node --import tsx test/bench/big-workbook.ts
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../helpers/node-bundle.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { rawXlsx } from '../fixtures/excel/xlsx.js';
import { MIGRATIONS } from '../helpers/workspace.js';
import { buildWorkspaceWorker } from '../fixtures/workspace-worker.js';
import type { BenchLine } from './excel-import.js';
import { stats } from './stats.js';

const ROWS = 200_000;
const ME = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(ME), '../..');

/** 200,000 rows × 5 columns of a register (text, dates as numbers, a status), inline strings. */
export function bigWorkbook(rows = ROWS): Buffer {
  const head = '<row r="1"><c r="A1" t="inlineStr"><is><t>課題名</t></is></c><c r="B1" t="inlineStr"><is><t>担当者</t></is></c><c r="C1" t="inlineStr"><is><t>期限</t></is></c><c r="D1" t="inlineStr"><is><t>状況</t></is></c><c r="E1" t="inlineStr"><is><t>備考</t></is></c></row>';
  const parts = [head];
  for (let r = 2; r <= rows + 1; r++)
    parts.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>課題 ${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>担当${r % 7}</t></is></c><c r="C${r}"><v>${45000 + (r % 365)}</v></c><c r="D${r}" t="inlineStr"><is><t>未着手</t></is></c><c r="E${r}" t="inlineStr"><is><t>メモ</t></is></c></row>`);
  return rawXlsx({ sheet: `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.join('')}</sheetData></worksheet>` });
}

interface Run {
  bigMs: number;
  bigOutcome: string;
  during: number[];
  idle: number[];
  /** This side's (the browser's) longest event-loop stall meanwhile. */
  clientStallMs: number;
  /** Pings while another process spins as long as the read took. */
  busy: number[];
  startRss: number;
  peakRss: number;
  afterRss: number;
  /** The most processes (the host and its children) seen while reading. */
  processes: number;
}

let hostBundle: Promise<string> | undefined;

/** The host (big-workbook-host.ts) bundled as the app's build bundles it, run with plain node. */
function buildHost(): Promise<string> {
  hostBundle ??= (async () => {
    return bundleForNode('test/bench/big-workbook-host.ts', 'bench', 'big-workbook-host');
  })();
  return hostBundle;
}

/** POSTs a prepared body to excel.previewImport from a process of its own; answers the envelope. */
function upload(port: number, token: string, bodyFile: string): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  const script = `const body = require('node:fs').readFileSync(process.argv[1]);
fetch('http://127.0.0.1:${port}/api/excel.previewImport', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-PMO-Token': '${token}' }, body })
  .then((r) => r.text()).then((t) => process.stdout.write(t));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, bodyFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.once('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`the upload ended with exit code ${code}`))));
  });
}

/** RSS of a process and every process under it (Linux /proc), and how many there are. */
function treeRss(pid: number): { rss: number; processes: number } {
  let rss = 0;
  let processes = 0;
  const walk = (p: number) => {
    try {
      rss += Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      processes++;
      for (const task of fs.readdirSync(`/proc/${p}/task`))
        for (const child of fs.readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) walk(Number(child));
    } catch {
      // The process ended while being looked at.
    }
  };
  walk(pid);
  return { rss, processes };
}

async function run(file: string, worker: string, workspaceWorker: string | undefined): Promise<Run> {
  const host = fork(await buildHost(), [worker, MIGRATIONS, ...(workspaceWorker ? [workspaceWorker] : [])], { execArgv: [], cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const { port, token } = await new Promise<{ port: number; token: string }>((resolve, reject) => {
      host.once('message', (m) => resolve(m as { port: number; token: string }));
      host.once('exit', (code) => reject(new Error(`the host ended (exit code ${code})`)));
    });
    const post = async (method: string, args: unknown) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-PMO-Token': token }, body: JSON.stringify(args) });
      return (await res.json()) as { ok: boolean; result?: unknown; error?: { code: string; message: string } };
    };
    const project = (await post('project.create', { name: 'big' })).result as { id: number };
    const ping = async () => {
      const t0 = performance.now();
      await post('app.info', {});
      return performance.now() - t0;
    };
    // The floor: pings with nothing else going on.
    const idle: number[] = [];
    for (let i = 0; i < 40; i++) {
      idle.push(await ping());
      await new Promise((r) => setTimeout(r, 50));
    }
    const startRss = treeRss(host.pid!).rss;
    let peakRss = startRss;
    let processes = 1;
    const sample = () => {
      const t = treeRss(host.pid!);
      peakRss = Math.max(peakRss, t.rss);
      processes = Math.max(processes, t.processes);
    };
    const sampler = setInterval(sample, 20);
    // The file is sent by a browser of its own (another process): making and sending 6 MB of JSON here
    // held this side's pings for up to 0.3 s on a loaded machine, which is no wait of the host's.
    const bodyFile = `${file}.json`;
    fs.writeFileSync(bodyFile, JSON.stringify({ projectId: project.id, register: 'issue', fileName: 'big.xlsx', dataBase64: fs.readFileSync(file).toString('base64') }));
    // This side's own event loop, watched: a ping it could not send or time on time is not the host's.
    const own = monitorEventLoopDelay({ resolution: 5 });
    own.enable();
    const t0 = performance.now();
    let done = false;
    const big = upload(port, token, bodyFile).then((r) => {
      done = true;
      return r;
    });
    const during: number[] = [];
    while (!done) {
      during.push(await ping());
      await new Promise((r) => setTimeout(r, 50));
    }
    const answer = await big;
    const bigMs = performance.now() - t0;
    own.disable();
    const clientStallMs = own.max / 1e6;
    sample();
    clearInterval(sampler);
    await new Promise((r) => setTimeout(r, 2000));
    const afterRss = treeRss(host.pid!).rss;
    // The busy floor: the same pings while another process only spins for as long as the read took. The
    // reader's child takes a core as this one does; on a machine with fewer free cores than busy
    // threads, a ping then waits for the CPU whatever the host does.
    const spinner = spawn(process.execPath, ['-e', `const end = Date.now() + ${Math.round(bigMs)}; while (Date.now() < end);`], { stdio: 'ignore' });
    let spun = false;
    spinner.once('exit', () => (spun = true));
    const busy: number[] = [];
    while (!spun) {
      busy.push(await ping());
      await new Promise((r) => setTimeout(r, 50));
    }
    return { clientStallMs, bigMs, bigOutcome: answer.ok ? 'ok' : `${answer.error!.code}: ${answer.error!.message}`, during, idle, busy, startRss, peakRss, afterRss, processes };
  } finally {
    host.send('stop');
    await new Promise((resolve) => host.once('exit', resolve));
  }
}

export async function benchBigWorkbook(log: (line: string) => void = console.log): Promise<BenchLine[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-big-bench-'));
  try {
    const file = path.join(dir, 'big.xlsx');
    const bytes = bigWorkbook();
    fs.writeFileSync(file, bytes);
    const worker = await buildReaderWorker();
    log(`big workbook: ${ROWS.toLocaleString('en-US')} rows × 5 columns, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);
    const lines: BenchLine[] = [];
    for (const thread of [false, true]) {
      const where = thread ? 'workspace thread' : 'workspace on the host thread';
      let c: Run;
      try {
        c = await run(file, worker, thread ? await buildWorkspaceWorker() : undefined);
      } catch (err) {
        log(`big workbook (${where}): ${(err as Error).message}`);
        continue;
      }
      const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
      log(`big workbook (${where}): answered in ${(c.bigMs / 1000).toFixed(1)} s with ${c.bigOutcome}`);
      log(`big workbook (${where}): host RSS ${mb(c.startRss)} before, peak ${mb(c.peakRss)} while reading (target ≤ 400 MB; up to ${c.processes} processes), ${mb(c.afterRss)} 2 s after`);
      const during = stats(c.during);
      const idle = stats(c.idle);
      const busy = stats(c.busy);
      const ms = (v: number) => `${v.toFixed(1)} ms`;
      const figures = (x: typeof idle) => `median ${ms(x.p50)}, p95 ${ms(x.p95)}, max ${ms(x.max)} (n ${x.n})`;
      log(`big workbook (${where}): app.info while reading: ${figures(during)}; floor: ${figures(idle)}; busy floor (another process spinning as long): ${figures(busy)}; this side's own longest stall ${ms(c.clientStallMs)}; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
      lines.push(
        { what: `app.info over HTTP while the ${ROWS.toLocaleString('en-US')}-row workbook is read (${where})`, n: during.n, p50: during.p50, p95: during.p95, target: `max ${ms(during.max)} (target max ≤ 250 ms)` },
        { what: '  floor: app.info over HTTP, nothing else running', n: idle.n, p50: idle.p50, p95: idle.p95, target: `max ${ms(idle.max)}` },
        { what: '  floor: the same while another process spins as long', n: busy.n, p50: busy.p50, p95: busy.p95, target: `max ${ms(busy.max)}` },
      );
    }
    return lines;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === ME) await benchBigWorkbook();
