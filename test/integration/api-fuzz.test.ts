// The mutation fuzz through the API, a short fixed-seed run in npm test (npm run fuzz is the long one):
// mutated workbooks (the corpus when ../shared/corpus is there, else two generated client-like ones)
// go to sheetPreview, previewImport, and every tenth to applyImport and an export through the profile
// saved from it. Not one answer may be INTERNAL, not one call may throw, Object.prototype stays as it was.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { workbook } from '../fixtures/excel/xlsx.js';
import { unzip } from '../fixtures/excel/zip.js';
import type { MutationBase } from '../fixtures/excel/mutate.js';
import { tempWorkspace } from '../helpers/workspace.js';
import { formatCounts, fuzzThroughApi } from '../fuzz/api-fuzz.js';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');
let bases: MutationBase[] = [];

beforeAll(async () => {
  await buildReaderWorker();
  if (fs.existsSync(CORPUS))
    bases = fs
      .readdirSync(CORPUS)
      .filter((f) => /\.xlsx$/i.test(f))
      .sort()
      .map((f) => ({ name: f, parts: unzip(fs.readFileSync(path.join(CORPUS, f))) }));
  else
    bases = [
      { name: 'issues.xlsx', parts: unzip(await workbook([{ name: '課題', rows: [['No', '課題名', '重要度', '期限', '状態'], [1, '仕様確認', '高', '4/1', '対応中'], [2, '性能', '低', '2025/5/1', '完了']] }])) },
      { name: 'risks.xlsx', parts: unzip(await workbook([{ name: 'Risks', rows: [['ID', 'Title', 'Probability', 'Impact', 'Status'], ['R-1', 'Vendor', 'High', 'Medium', 'Open']] }])) },
    ];
}, 60_000);

describe('mutated workbooks through the API (fixed seed)', () => {
  it('are never answered INTERNAL, never throw, never change Object.prototype', async () => {
    const ws = tempWorkspace();
    try {
      const project = await ws.handlers.invoke('project.create', { name: 'fuzz' });
      if (!project.ok) throw new Error(project.error.message);
      const counts = await fuzzThroughApi(ws.handlers, (project.result as { id: number }).id, bases, { runs: 60, seed: 20251204 });
      console.log(formatCounts(counts));
      expect(counts.failures).toEqual([]);
      expect(counts.outcomes.INTERNAL ?? 0).toBe(0);
      expect(counts.outcomes.crash ?? 0).toBe(0);
      expect(counts.protoChanges).toBe(0);
      // The run reached both sides: files read and files refused.
      expect(counts.outcomes.ok ?? 0).toBeGreaterThan(10);
      expect(counts.outcomes.VALIDATION ?? 0).toBeGreaterThan(5);
    } finally {
      ws.close();
    }
  }, 300_000);
});
