// A workbook past the import's limits (200,000 rows × 5 columns, as the durability audit built it), read
// through the web host while a small call (app.info) is made every 50 ms: how long the small calls wait,
// and the host process's peak and after-the-file RSS. Measured in a fresh child process so the RSS is this
// file's alone; the same pings with no file being read are the floor, from the same run. Twice: with the
// workspace on the host's own thread (the stricter case: the host thread also decodes the file and runs
// every call), and in its worker thread as the app opens it (workspace-thread.ts).
//
// Use from test/bench/run.ts:   lines.push(...(await benchBigWorkbook()));
// or alone:                     node --import tsx test/bench/big-workbook.ts
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setReaderWorkerFile } from '../../electron/core/excel/reader.js';
import { startHost } from '../../electron/host/server.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { rawXlsx } from '../fixtures/excel/xlsx.js';
import { tempWorkspace } from '../helpers/workspace.js';
import { tempWorkspaceThread } from '../fixtures/workspace-worker.js';
import type { BenchLine } from './excel-import.js';
import { stats } from './stats.js';

const ROWS = 200_000;
const ME = fileURLToPath(import.meta.url);

/** 200,000 rows × 5 columns of a register (text, dates as numbers, a status), inline strings. */
export function bigWorkbook(rows = ROWS): Buffer {
  const head = '<row r="1"><c r="A1" t="inlineStr"><is><t>課題名</t></is></c><c r="B1" t="inlineStr"><is><t>担当者</t></is></c><c r="C1" t="inlineStr"><is><t>期限</t></is></c><c r="D1" t="inlineStr"><is><t>状況</t></is></c><c r="E1" t="inlineStr"><is><t>備考</t></is></c></row>';
  const parts = [head];
  for (let r = 2; r <= rows + 1; r++)
    parts.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>課題 ${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>担当${r % 7}</t></is></c><c r="C${r}"><v>${45000 + (r % 365)}</v></c><c r="D${r}" t="inlineStr"><is><t>未着手</t></is></c><c r="E${r}" t="inlineStr"><is><t>メモ</t></is></c></row>`);
  return rawXlsx({ sheet: `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.join('')}</sheetData></worksheet>` });
}

interface ChildResult {
  bigMs: number;
  bigOutcome: string;
  during: number[];
  idle: number[];
  peakRss: number;
  startRss: number;
  afterRss: number;
}

async function child(file: string, worker: string, thread: boolean): Promise<void> {
  setReaderWorkerFile(worker);
  const ws = thread ? await tempWorkspaceThread() : tempWorkspace();
  const host = await startHost(0, { handlers: ws.handlers });
  const post = async (method: string, args: unknown) => {
    const res = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-PMO-Token': host.token }, body: JSON.stringify(args) });
    return (await res.json()) as { ok: boolean; result?: unknown; error?: { code: string; message: string } };
  };
  try {
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
    const startRss = process.memoryUsage().rss;
    let peakRss = startRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
    const dataBase64 = fs.readFileSync(file).toString('base64');
    const t0 = performance.now();
    let done = false;
    const big = post('excel.previewImport', { projectId: project.id, register: 'issue', fileName: 'big.xlsx', dataBase64 }).then((r) => {
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
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    await new Promise((r) => setTimeout(r, 2000));
    const result: ChildResult = { bigMs, bigOutcome: answer.ok ? 'ok' : `${answer.error!.code}: ${answer.error!.message}`, during, idle, peakRss, startRss, afterRss: process.memoryUsage().rss };
    process.stdout.write(JSON.stringify(result));
  } finally {
    await host.close();
    await ws.close();
    fs.rmSync(ws.dir, { recursive: true, force: true });
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
      const run = spawnSync(process.execPath, ['--import', 'tsx', ME, '--child', file, worker, ...(thread ? ['--thread'] : [])], { encoding: 'utf8', cwd: path.resolve(path.dirname(ME), '../..'), maxBuffer: 16 * 1024 * 1024 });
      if (run.status !== 0) {
        log(`big workbook (${where}): the child failed: ${run.stderr.trim().split('\n').slice(-3).join(' / ')}`);
        continue;
      }
      const c = JSON.parse(run.stdout) as ChildResult;
      const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
      log(`big workbook (${where}): answered in ${(c.bigMs / 1000).toFixed(1)} s with ${c.bigOutcome}`);
      log(`big workbook (${where}): host RSS ${mb(c.startRss)} before, peak ${mb(c.peakRss)} while reading (target ≤ 400 MB), ${mb(c.afterRss)} 2 s after`);
      const during = stats(c.during);
      const idle = stats(c.idle);
      const ms = (v: number) => `${v.toFixed(1)} ms`;
      log(`big workbook (${where}): app.info while reading: median ${ms(during.p50)}, p95 ${ms(during.p95)}, max ${ms(during.max)} (n ${during.n}); floor: median ${ms(idle.p50)}, p95 ${ms(idle.p95)}, max ${ms(idle.max)} (n ${idle.n}); load ${os.loadavg()[0]!.toFixed(2)}`);
      lines.push(
        { what: `app.info over HTTP while the ${ROWS.toLocaleString('en-US')}-row workbook is read (${where})`, n: during.n, p50: during.p50, p95: during.p95, target: `max ${ms(during.max)} (target max ≤ 250 ms)` },
        { what: '  floor: app.info over HTTP, nothing else running', n: idle.n, p50: idle.p50, p95: idle.p95, target: `max ${ms(idle.max)}` },
      );
    }
    return lines;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === ME) {
  if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!, process.argv[5] === '--thread');
  else await benchBigWorkbook();
}
