// The asks 2×2 (issue 11, "Confidence, and asking"): each table import reads, right or wrong, against
// whether the dialog asks about it. Wrong and silent is the failure to drive down; right and asked is a
// nuisance. Measured, never asserted: `node --import tsx test/bench/import-asks.ts` prints the figures
// and writes the cases to test-output/excel/import-asks.md.
//  - The corpus (../shared/corpus, skipped when missing): every register table a person sees
//    (test/fixtures/corpus-expectations), previewed through the API in-process and judged by
//    test/helpers/corpus-expectations.ts as corpus-detect.test.ts does — but on the first preview, the
//    question not answered: a reading is right when every aspect is. Asked: the preview's detection.ask.
//  - Generated layouts (test/helpers/synthetic-tables.ts): judged by synthetic-judge.ts. Only DEV seeds'
//    cases are listed (DEV-UNSEEN: dev tables with words the synonyms never hold); CHECK and HELD give
//    figures only (nobody tunes on them).
import fs from 'node:fs';
import path from 'node:path';
import type { ImportPreview } from '../../electron/common/excel/preview.js';
import { compareFile, loadExpectations, type Ask } from '../helpers/corpus-expectations.js';
import { judge, type Judged } from '../helpers/synthetic-judge.js';
import { CHECK_SEEDS, DEV_SEEDS, generateCase, HELD_SEEDS, UNSEEN_SEEDS } from '../helpers/synthetic-tables.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const OUT = path.join(ROOT, 'test-output/excel/import-asks.md');

interface Reading {
  id: string;
  right: boolean;
  asked: boolean;
  /** A person expects the question (another register of the kind on the sheet): no nuisance. */
  mustAsk?: boolean;
  /**
   * Wrong in its columns alone, and each wrong column either a column a person leaves out that is kept
   * as the client's own ('kept': nothing lost), or offered the field a person reads beside it
   * (columnChoices: 'offered', a quieter question). Silent readings are split by these.
   */
  columnsOnly?: 'kept' | 'offered';
  /** What is wrong, and why it asked. */
  detail: string;
}

function square(rs: readonly Reading[]): string {
  const n = (right: boolean, asked: boolean) => rs.filter((r) => r.right === right && r.asked === asked && !r.mustAsk).length;
  const expected = rs.filter((r) => r.mustAsk);
  const silent = rs.filter((r) => !r.right && !r.asked && !r.mustAsk);
  const split = (k: 'kept' | 'offered') => silent.filter((r) => r.columnsOnly === k).length;
  const softly = silent.some((r) => r.columnsOnly) ? ` (of which ${split('kept')} only keep a column a person leaves out, ${split('offered')} are offered the field beside the column)` : '';
  return `${rs.length} readings: right & silent ${n(true, false)}, right & asked (nuisance) ${n(true, true)}, wrong & asked ${n(false, true)}, wrong & silent ${n(false, false)}${softly}${expected.length ? `; ${expected.length} more where a person expects the question (another register beside), asked right ${expected.filter((r) => r.right && r.asked).length}` : ''}`;
}

async function corpusReadings(): Promise<Reading[]> {
  if (!fs.existsSync(path.join(CORPUS, 'SOURCES.tsv'))) return [];
  await buildReaderWorker();
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const out: Reading[] = [];
  try {
    for (const split of ['tune', 'holdout'] as const) {
      for (const exp of loadExpectations(split).files) {
        const dataBase64 = fs.readFileSync(path.join(CORPUS, exp.file)).toString('base64');
        const { id: projectId } = await call('project.create', { name: exp.file });
        // The first preview only: what the import reads before anyone answers it.
        const seen = new Map<string, Promise<ImportPreview | Error>>();
        const keyOf = (register: string, sheet?: string) => `${register}|${sheet ?? ''}`;
        const preview = ({ register, sheet }: Ask) => {
          const k = keyOf(register, sheet);
          if (!seen.has(k))
            seen.set(
              k,
              call('excel.previewImport', { projectId, register, fileName: exp.file, dataBase64, ...(sheet ? { mapping: { sheet } } : {}) }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
            );
          return seen.get(k)!;
        };
        const r = await compareFile(exp, preview);
        for (const t of r.tables) {
          if (t.table.register === 'none') continue;
          const p = await seen.get(keyOf(t.table.register, t.aspects.sheet === null ? t.table.sheet : undefined));
          const d = p instanceof Error || !p ? null : p.detection;
          const wrong = Object.entries(t.aspects).filter(([, ok]) => ok === false).map(([a]) => (a === 'columns' ? `columns (${t.columns.filter((c) => !c.ok).map((c) => `${c.column}: ${String(c.want)} ≠ ${c.got}`).join('; ')})` : a));
          const why = d?.why.map((w) => w.code).join(',') ?? '';
          const bad = t.columns.filter((c) => !c.ok);
          const want = (c: (typeof bad)[number]) => (Array.isArray(c.want) ? c.want : [c.want]);
          const offers = p instanceof Error || !p ? [] : (p.columnChoices ?? []);
          const kept = (c: (typeof bad)[number]) => want(c).includes('ignore') && c.got === 'extra';
          const offered = (c: (typeof bad)[number]) => offers.some((o) => o.column === c.column && o.fields.some((f) => want(c).includes(f)));
          const columnsOnly = wrong.length === 1 && t.aspects.columns === false ? (bad.every(kept) ? 'kept' : bad.every((c) => kept(c) || offered(c)) ? 'offered' : undefined) : undefined;
          out.push({ id: `${exp.file} ${t.id}`, right: wrong.length === 0, asked: !!d?.ask, ...(columnsOnly ? { columnsOnly } : {}), detail: `${wrong.length ? `wrong: ${wrong.join(',')}` : 'right'}${d?.ask ? `; asks ${d.ask} (${why})` : ''}; conf ${d ? JSON.stringify(d.confidence) : '–'}; ${t.got}` });
        }
      }
    }
  } finally {
    ws.close();
  }
  return out;
}

const synthetic = (j: Judged): Reading => ({ id: `seed ${j.seed} [${j.features.join(', ')}]`, right: j.right, asked: j.asked, mustAsk: j.mustAsk, detail: `${j.asked ? `asks (${j.why.join(',')}); ` : ''}${j.found}` });

async function main() {
  const corpus = await corpusReadings();
  const dev = DEV_SEEDS.map((s) => synthetic(judge(generateCase(s))));
  const unseen = UNSEEN_SEEDS.map((s) => synthetic(judge(generateCase(s))));
  const check = CHECK_SEEDS.map((s) => synthetic(judge(generateCase(s))));
  const held = HELD_SEEDS.map((s) => synthetic(judge(generateCase(s))));
  const lines = [
    `corpus: ${corpus.length ? square(corpus) : 'skipped (no ../shared/corpus)'}`,
    `synthetic DEV: ${square(dev)}`,
    `synthetic DEV-UNSEEN: ${square(unseen)}`,
    `synthetic CHECK: ${square(check)}`,
    `synthetic HELD: ${square(held)}`,
  ];
  const cases = (title: string, rs: readonly Reading[], right: boolean, asked: boolean) => [
    `## ${title}`,
    '',
    ...rs.filter((r) => r.right === right && r.asked === asked && !r.mustAsk).map((r) => `- ${r.id}: ${r.detail}`),
    '',
  ];
  const report = [
    '# Import asks: right/wrong × asked/silent',
    '',
    'test/bench/import-asks.ts',
    '',
    ...lines.map((l) => `- ${l}`),
    '',
    ...cases('corpus: wrong and silent', corpus, false, false),
    ...cases('corpus: right and asked (nuisance)', corpus, true, true),
    ...cases('corpus: wrong and asked', corpus, false, true),
    ...cases('synthetic DEV: wrong and silent', dev, false, false),
    ...cases('synthetic DEV: right and asked (nuisance)', dev, true, true),
    ...cases('synthetic DEV-UNSEEN: wrong and silent', unseen, false, false),
    ...cases('synthetic DEV-UNSEEN: right and asked (nuisance)', unseen, true, true),
    ...cases('synthetic DEV-UNSEEN: wrong and asked', unseen, false, true),
  ].join('\n');
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, report);
  console.log(lines.join('\n'));
  console.log(`cases: ${path.relative(ROOT, OUT)}`);
}

await main();
