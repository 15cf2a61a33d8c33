// Export figures (printed, never asserted), issue 5: a 10,000-row WBS written into a client template.
//   - the template writer alone against ExcelJS loading the same template and writing the same rows
//     (benchTemplateExport, ./template-export.ts): the ratio the issue sets (ours ≤ 0.5×);
//   - the product path, excel.export through a client profile (read the template in the worker, match
//     its rows, turn 11,100 stored tasks into cells, write), on the bench's WBS.
import type { Handlers } from '../../electron/core/envelope.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { benchTemplateExport, buildTemplate } from './template-export.js';
import { stats } from './stats.js';
import type { BenchLine } from './excel-import.js';
import { call } from './call.js';

const RUNS = 5;

export async function benchExcelExport(handlers: Handlers, projectId: number, log: (line: string) => void = console.log): Promise<BenchLine[]> {
  await buildReaderWorker();
  const lines: BenchLine[] = [];
  const { ours, exceljs } = await benchTemplateExport();
  const o = stats(ours);
  const e = stats(exceljs);
  lines.push({ what: 'template export 10,000×15: our template writer', n: o.n, p50: o.p50, p95: o.p95, target: `median ≤ 1.0 s; ${(o.p50 / e.p50).toFixed(2)}× ExcelJS (≤ 0.5×)` });
  lines.push({ what: '  same rows by ExcelJS (load template, set cells, writeBuffer)', n: e.n, p50: e.p50, p95: e.p95, target: 'comparison' });

  // A client profile from the template (imported into a scratch project), then the bench WBS through it.
  const template = await buildTemplate();
  const scratch = await call<{ id: number }>(handlers, 'project.create', { name: 'template' });
  const preview = await call<{ previewId: string }>(handlers, 'excel.previewImport', { projectId: scratch.id, register: 'wbs', fileName: 'WBS_client.xlsx', dataBase64: template.toString('base64') });
  const { profileId } = await call<{ profileId: number }>(handlers, 'excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'bench' } });
  const samples: number[] = [];
  let size = 0;
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const out = await call<{ dataBase64: string }>(handlers, 'excel.export', { projectId, register: 'wbs', profileId });
    if (i > 0) samples.push(performance.now() - t0); // the first run warms up
    size = out.dataBase64.length;
  }
  const s = stats(samples);
  lines.push({ what: 'excel.export of the bench WBS (11,100 tasks) through a profile', n: s.n, p50: s.p50, p95: s.p95, target: '' });
  log(`excel export: the profile export is ${((size * 3) / 4 / 1024).toFixed(0)} KB`);
  return lines;
}
