// npm run roundtrip -- --scripts N --seed S [--set tune|holdout|all|generated|layouts] [--files a.xlsx,b.xlsx] [--steps 20] [--min-steps 1] [--layouts 30] [--dir folder] [--script K]
// Runs the round-trip property (test/roundtrip/harness.ts) over the corpus (or, with --set generated,
// over --layouts seeded synthetic client layouts of test/roundtrip/synthetic.ts, seeds from S; with
// --set layouts, over the layouts of test/roundtrip/layouts.ts that once broke an export) and
// prints a table per file; the table and every failing script go to test-output/excel/roundtrip[-set].md.
// --dir runs the workbooks of any folder instead (named as the corpus is: wbs-…, risk-…, issues-…, change-…), for
// a check on workbooks kept outside the project that nobody tuned on.
import fs from 'node:fs';
import path from 'node:path';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { CORPUS, corpusFiles, folderFiles } from './corpus.js';
import { outcomeTable, roundTrip, type FileOutcome } from './harness.js';
import { syntheticLayout } from './synthetic.js';
import { LAYOUTS } from './layouts.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

function writeOut(name: string, data: string | Buffer): void {
  const out = path.resolve(import.meta.dirname, '../../test-output/excel', name);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, data);
}
if (process.argv.includes('--help')) {
  console.log(fs.readFileSync(import.meta.filename, 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const scripts = Number(arg('scripts', '5'));
const seed = Number(arg('seed', '1'));
const steps = Number(arg('steps', '20'));
const minSteps = Number(arg('min-steps', '1'));
const set = arg('set', 'all') as 'tune' | 'holdout' | 'all' | 'generated' | 'layouts';
const layouts = Number(arg('layouts', '30'));
const only = arg('files', '');
const dir = arg('dir', '');
// One script of each file (its number in the table), its export kept in test-output/excel/roundtrip-<file>-K.xlsx to look at.
const script = arg('script', '');
type Input = { file: string; target: ImportTarget; bytes: () => Promise<Buffer> };
let files: Input[] =
  set === 'generated'
    ? Array.from({ length: layouts }, (_, i) => syntheticLayout(seed * 1000 + i)).map((l) => ({ file: l.name, target: l.target, bytes: () => l.build() }))
    : set === 'layouts'
      ? LAYOUTS.map((l) => ({ file: `${l.name}.xlsx`, target: l.target, bytes: () => l.build() }))
    : dir
      ? fromFolder(dir)
      : corpusFiles(set).map((f) => ({ ...f, bytes: async () => fs.readFileSync(path.join(CORPUS, f.file)) }));
function fromFolder(folder: string): Input[] {
  const { files: found, unknown } = folderFiles(folder);
  if (unknown.length > 0) console.log(`left out (the name says no register: wbs-, risk-, issues-, change-, defect-, …): ${unknown.join(', ')}`);
  return found.map((f) => ({ ...f, bytes: async () => fs.readFileSync(path.join(folder, f.file)) }));
}
if (only) files = files.filter((f) => only.split(',').some((o) => f.file === o || f.file.startsWith(`${o} `)));
if (files.length === 0) {
  console.log(`no corpus workbooks (${CORPUS})`);
  process.exit(0);
}
await buildReaderWorker();
const outcomes: FileOutcome[] = [];
for (const { file, target, bytes } of files) {
  const ws = tempWorkspace();
  try {
    const o = await roundTrip(inProcessCaller(ws), file, await bytes(), target, { scripts, seed, steps, minSteps, ...(script !== '' ? { only: Number(script), keepBytes: true } : {}) });
    outcomes.push(o);
    for (const s of o.scripts) if (s.bytes) writeOut(`roundtrip-${file.replace(/[^\w.-]+/g, '_').slice(0, 60)}-${s.script}.xlsx`, s.bytes);
    const failed = o.scripts.filter((s) => s.failures.length > 0).length;
    console.log(`${file}: ${o.skipped || `${o.scripts.length - failed}/${o.scripts.length} passed`}`);
  } catch (err) {
    outcomes.push({ file, target, skipped: `error: ${(err as Error).message.slice(0, 200)}`, scripts: [] });
    console.log(`${file}: error ${(err as Error).message.slice(0, 200)}`);
  } finally {
    ws.close();
  }
}
const table = outcomeTable(outcomes);
const ran = outcomes.filter((o) => !o.skipped);
const passed = ran.reduce((n, o) => n + o.scripts.filter((s) => s.failures.length === 0).length, 0);
const total = ran.reduce((n, o) => n + o.scripts.length, 0);
const filesClean = ran.filter((o) => o.scripts.every((s) => s.failures.length === 0)).length;
const summary = `${passed}/${total} scripts passed; ${filesClean}/${ran.length} files with every script passing (seed ${seed}, ${scripts} scripts per file, ${minSteps > 1 ? `${minSteps} to ` : 'up to '}${steps} steps, set ${set})`;
console.log(`\n${table}\n\n${summary}`);
const details = outcomes.flatMap((o) => o.scripts.filter((s) => s.failures.length > 0).map((s) => `- ${o.file} #${s.script}: ${s.steps.join(', ')}\n  ${s.failures.join('\n  ')}`));
// A run over part of a set (some files, one script) does not overwrite the set's table.
writeOut(`roundtrip${dir ? '-dir' : set === 'all' ? '' : `-${set}`}${only || script !== '' ? '-part' : ''}.md`, `# Round trip through a client profile\n\n${summary}\n\n${table}\n\n## Failing scripts\n\n${details.join('\n')}\n`);
