// npm run fuzz: ≥ 3,000 mutated corpus workbooks through the API (see api-fuzz.ts), counts printed by
// outcome. FUZZ_RUNS and FUZZ_SEED choose another length and seed. Skips when ../shared/corpus is absent.
import fs from 'node:fs';
import path from 'node:path';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { unzip } from '../fixtures/excel/zip.js';
import { tempWorkspace } from '../helpers/workspace.js';
import { formatCounts, fuzzThroughApi } from './api-fuzz.js';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 20251204);

async function main(): Promise<number> {
  if (!fs.existsSync(CORPUS)) {
    console.log(`npm run fuzz: skipped, ${CORPUS} is not there`);
    return 0;
  }
  const bases = fs
    .readdirSync(CORPUS)
    .filter((f) => /\.xlsx$/i.test(f))
    .sort()
    .map((f) => ({ name: f, parts: unzip(fs.readFileSync(path.join(CORPUS, f))) }));
  await buildReaderWorker();
  const ws = tempWorkspace();
  try {
    const project = await ws.handlers.invoke('project.create', { name: 'fuzz' });
    if (!project.ok) throw new Error(project.error.message);
    const started = performance.now();
    const counts = await fuzzThroughApi(ws.handlers, (project.result as { id: number }).id, bases, {
      runs: RUNS,
      seed: SEED,
      progress: (done, c) => {
        if (done % 250 === 0) console.log(`${done}/${RUNS} (${((performance.now() - started) / 1000).toFixed(0)} s) INTERNAL ${c.outcomes.INTERNAL ?? 0}, crash ${c.outcomes.crash ?? 0}`);
      },
    });
    console.log(`\n${formatCounts(counts)}\n(${bases.length} corpus workbooks, seed ${SEED}, ${((performance.now() - started) / 1000).toFixed(0)} s)`);
    return (counts.outcomes.INTERNAL ?? 0) + (counts.outcomes.crash ?? 0) + counts.protoChanges > 0 ? 1 : 0;
  } finally {
    ws.close();
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
