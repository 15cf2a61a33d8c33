// Excel import figures (printed, never asserted): a generated 10,000-row × 15-column Japanese WBS
// imported end to end through the API, as the UI does it: excel.previewImport (base64 decoded, read in
// the capped worker, table detected, mapped, normalized, planned against the stored rows) and then
// excel.applyImport (10,000 tasks with their audit rows and roll-ups, one transaction) into a new
// project of a real SQLite workspace. Peak memory is measured in a fresh child process (its maxRSS covers exactly one
// import plus Node's own baseline). When /usr/bin/python3 has openpyxl, openpyxl's read_only reading of
// the same file is timed in the same run for comparison.
//
// Use from test/bench/run.ts:   import { benchExcelImport } from './excel-import.js';
//                               for (const l of await benchExcelImport()) lines.push(l);
// or alone:                     node --import tsx test/bench/excel-import.ts
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setReaderWorkerFile } from '../../electron/core/excel/capped-worker.js';
import type { ApplyResult, ImportPreview } from '../../electron/common/excel/preview.js';
import type { Handlers } from '../../electron/core/envelope.js';
import { tempWorkspace } from '../helpers/workspace.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { japaneseWbs } from '../fixtures/excel/xlsx.js';
import { stats } from './stats.js';

export interface BenchLine {
  what: string;
  n: number;
  p50: number;
  p95: number | null;
  target: string;
  /** What the figures count when not milliseconds (nodes, MB). */
  unit?: string;
}

const ROWS = 10_000;
const RUNS = 7;
const ME = fileURLToPath(import.meta.url);

/**
 * One import into a new project, end to end through the API: preview, then apply. Between them, as the
 * dialog asks it after the preview, excel.suggestRegister (timed apart, not counted in the total).
 */
async function importOnce(handlers: Handlers, bytes: Uint8Array, run: number): Promise<{ total: number; preview: number; suggest: number; records: number }> {
  const call = async <T>(method: string, args: unknown): Promise<T> => {
    const env = await handlers.invoke(method, args);
    if (!env.ok) throw new Error(env.error.message);
    return env.result as T;
  };
  const project = await call<{ id: number }>('project.create', { name: `import ${run}` });
  const t0 = performance.now();
  const dataBase64 = Buffer.from(bytes).toString('base64');
  const preview = await call<ImportPreview>('excel.previewImport', { projectId: project.id, register: 'wbs', fileName: 'wbs-10000.xlsx', dataBase64 });
  const t1 = performance.now();
  await call<{ register: string | null }>('excel.suggestRegister', { previewId: preview.previewId });
  const suggest = performance.now() - t1;
  const t2 = performance.now();
  const applied = await call<ApplyResult>('excel.applyImport', { previewId: preview.previewId });
  const t3 = performance.now();
  return { total: t1 - t0 + (t3 - t2), preview: t1 - t0, suggest, records: applied.created };
}

/** In a child: one import, then the process's peak RSS (and the peak before the import). */
async function child(file: string, worker: string): Promise<void> {
  setReaderWorkerFile(worker);
  const bytes = fs.readFileSync(file);
  const ws = tempWorkspace();
  try {
    const before = process.resourceUsage().maxRSS;
    const r = await importOnce(ws.handlers, bytes, 0);
    process.stdout.write(JSON.stringify({ ...r, before, after: process.resourceUsage().maxRSS }));
  } finally {
    ws.close();
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
}

function openpyxl(file: string): { samples: number[]; maxRssKb: number } | string {
  const py = '/usr/bin/python3';
  if (!fs.existsSync(py)) return 'no /usr/bin/python3';
  const probe = spawnSync(py, ['-c', 'import openpyxl; print(openpyxl.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) return '/usr/bin/python3 has no openpyxl';
  const script = `
import sys, time, json, resource, openpyxl
samples = []
for _ in range(${RUNS}):
    t = time.perf_counter()
    wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
    n = 0
    for row in wb.worksheets[0].iter_rows(values_only=True):
        for v in row:
            if v is not None: n += 1
    wb.close()
    samples.append((time.perf_counter() - t) * 1000)
print(json.dumps({"samples": samples, "maxRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
`;
  const out = execFileSync(py, ['-c', script, file], { encoding: 'utf8' });
  return JSON.parse(out) as { samples: number[]; maxRssKb: number };
}

export async function benchExcelImport(log: (line: string) => void = console.log): Promise<BenchLine[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-excel-bench-'));
  try {
    const file = path.join(dir, 'wbs-10000.xlsx');
    const bytes = await japaneseWbs(ROWS);
    fs.writeFileSync(file, bytes);
    const worker = await buildReaderWorker();
    log(`excel: ${ROWS.toLocaleString('en-US')} rows × 15 columns, ${(bytes.length / 1024).toFixed(0)} KB`);

    const ws = tempWorkspace();
    const totals: number[] = [];
    const previews: number[] = [];
    const suggests: number[] = [];
    try {
      await importOnce(ws.handlers, bytes, 0); // warm-up (file cache, JIT)
      for (let i = 1; i <= RUNS; i++) {
        const r = await importOnce(ws.handlers, bytes, i);
        if (r.records !== ROWS) throw new Error(`expected ${ROWS} tasks created, got ${r.records}`);
        totals.push(r.total);
        previews.push(r.preview);
        suggests.push(r.suggest);
      }
    } finally {
      ws.close();
      fs.rmSync(ws.dir, { recursive: true, force: true });
    }
    const lines: BenchLine[] = [];
    const total = stats(totals);
    const preview = stats(previews);
    const apply = stats(totals.map((t, i) => t - previews[i]!));
    lines.push({ what: 'excel import 10,000×15 JP WBS, end to end (preview + apply)', n: total.n, p50: total.p50, p95: total.p95, target: 'median ≤ 1.0 s' });
    lines.push({ what: '  of which: previewImport (read in worker, map, normalize, diff)', n: preview.n, p50: preview.p50, p95: preview.p95, target: '' });
    lines.push({ what: '  of which: applyImport (10,000 tasks + audit, one transaction)', n: apply.n, p50: apply.p50, p95: apply.p95, target: '' });
    const suggest = stats(suggests);
    lines.push({ what: '  after the preview: suggestRegister (the other registers, in the background)', n: suggest.n, p50: suggest.p50, p95: suggest.p95, target: `${(suggest.p50 / preview.p50).toFixed(2)}× the preview` });

    const run = spawnSync(process.execPath, ['--import', 'tsx', ME, '--child', file, worker], { encoding: 'utf8', cwd: path.resolve(path.dirname(ME), '../..') });
    if (run.status === 0) {
      const c = JSON.parse(run.stdout) as { total: number; before: number; after: number };
      log(`excel: peak RSS of a fresh process importing it: ${(c.after / 1024).toFixed(0)} MB (Node + tsx before the import: ${(c.before / 1024).toFixed(0)} MB) — target ≤ 250 MB; that import took ${c.total.toFixed(0)} ms cold`);
    } else log(`excel: the peak-memory child failed: ${run.stderr.trim().split('\n').slice(-3).join(' / ')}`);

    const py = openpyxl(file);
    if (typeof py === 'string') log(`excel: openpyxl comparison skipped (${py})`);
    else {
      const s = stats(py.samples);
      const ratio = (x: number) => `${(x / s.p50).toFixed(2)}×`;
      lines.push({ what: 'openpyxl read_only, same file (values only)', n: s.n, p50: s.p50, p95: s.p95, target: `ours/openpyxl: end to end ${ratio(total.p50)}, preview ${ratio(preview.p50)} (≤ 1.0×)` });
      log(`excel: openpyxl peak RSS ${(py.maxRssKb / 1024).toFixed(0)} MB`);
    }
    return lines;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === ME) {
  if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
  else {
    const lines = await benchExcelImport();
    for (const l of lines) console.log(`${l.what.padEnd(66)} n=${l.n}  p50 ${l.p50.toFixed(0)} ms  p95 ${l.p95?.toFixed(0) ?? ''} ms  ${l.target}`);
  }
}
