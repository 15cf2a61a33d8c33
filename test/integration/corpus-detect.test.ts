// Import detection against what a person sees in each corpus workbook (issue 11): every workbook of
// ../shared/corpus is previewed through the API in-process, for the register its expectation names
// (test/fixtures/corpus-expectations/tune.json and holdout.json), and compared aspect by aspect by
// test/helpers/corpus-expectations.ts. Where the dialog asks which table, the person chooses the one they
// mean among the tables it offers (answerAsk), as a user does in the dialog. The outcome per file and the figures per split go to
// test-output/excel/detect-corpus.md. Files that do not match yet are listed with the aspects that are
// wrong in known-gaps.json: an unlisted mismatch fails, and so does a listed file whose aspects changed
// (fixed ones must be removed from the list, so it can only shrink). Without the corpus the test skips.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answerAsk,
  cachedPreview,
  compareFile,
  countViolations,
  figures,
  figuresLine,
  gapViolations,
  loadExpectations,
  loadGapCounts,
  loadKnownGaps,
  renderGapCounts,
  renderKnownGaps,
  renderSplit,
  type FileResult,
} from '../helpers/corpus-expectations.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const OUT = path.join(ROOT, 'test-output/excel/detect-corpus.md');
/** The gaps as they stand now, in known-gaps.json's form: copy entries from it when the list shrinks. */
const GAPS_NOW = path.join(ROOT, 'test-output/excel/detect-corpus-gaps.json');
/** What is still right in each of those files, in gap-counts.json's form. */
const COUNTS_NOW = path.join(ROOT, 'test-output/excel/detect-corpus-counts.json');
const present = fs.existsSync(path.join(CORPUS, 'SOURCES.tsv'));

const SPLITS = ['tune', 'holdout'] as const;

/**
 * A helper's own build/held-out split (README: the 25 workbooks whose sha256(prefix + file name) is
 * smallest are held out), drawn fresh each session with CORPUS_SPLIT=<prefix>: only the two halves'
 * figures are written, so the held-out half can be measured without reading its failures.
 */
function helperSplit(all: FileResult[]): string[] {
  const prefix = process.env.CORPUS_SPLIT;
  if (!prefix) return [];
  const hash = (f: string) => createHash('sha256').update(prefix + f).digest('hex');
  const held = new Set([...all].sort((a, b) => (hash(a.file) < hash(b.file) ? -1 : 1)).slice(0, 25).map((r) => r.file));
  return [
    `- BUILD (CORPUS_SPLIT=${prefix}, ${all.length - held.size} workbooks): ${figuresLine(figures(all.filter((r) => !held.has(r.file))))}`,
    `- HELD OUT (CORPUS_SPLIT=${prefix}, ${held.size} workbooks): ${figuresLine(figures(all.filter((r) => held.has(r.file))))}`,
  ];
}
const results: Record<(typeof SPLITS)[number], FileResult[]> = { tune: [], holdout: [] };

describe.skipIf(!present)('detection against what a person sees (../shared/corpus)', () => {
  beforeAll(async () => {
    await buildReaderWorker();
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      for (const split of SPLITS) {
        for (const exp of loadExpectations(split).files) {
          const bytes = fs.readFileSync(path.join(CORPUS, exp.file));
          const dataBase64 = bytes.toString('base64');
          // A fresh project per file: nothing stored changes what the preview matches.
          const { id: projectId } = await call('project.create', { name: exp.file });
          // Where the dialog asks which table, the person chooses the one they mean among those it offers; where it
          // asks which of two columns is the key, the one they read as the key.
          const preview = cachedPreview(async ({ register, sheet, person }) => {
            const first = await call('excel.previewImport', { projectId, register, fileName: exp.file, dataBase64, ...(sheet ? { mapping: { sheet } } : {}) });
            if (!first.detection?.ask || !person) return first;
            const answer = answerAsk(first, person);
            if (!answer) return first.detection.ask === 'table' ? { ...first, answered: `the table shown (${first.sheet} rows ${first.header.top}–${first.header.bottom})` } : first;
            const again = await call('excel.previewImport', { projectId, register, previewId: first.previewId, mapping: answer });
            const chose = answer.columns ? answer.columns.map((c) => `${c.column} as the ${c.field}`).join(', ') : `${answer.sheet} rows ${answer.headerTop}–${answer.headerBottom}`;
            return { ...again, answered: chose };
          });
          results[split].push(await compareFile(exp, preview));
        }
      }
    } finally {
      ws.close();
    }
    const report = [
      '# Import detection against what a person sees',
      '',
      `Generated by test/integration/corpus-detect.test.ts on ${new Date().toISOString().slice(0, 10)}: each workbook of ../shared/corpus previewed through the API for the register its expectation names (test/fixtures/corpus-expectations). ✓ right, ✗ wrong, — not judged (the sheet is given for a register's second table).`,
      '',
      `- TUNE (${results.tune.length} workbooks): ${figuresLine(figures(results.tune))}`,
      `- HOLDOUT (${results.holdout.length} workbooks): ${figuresLine(figures(results.holdout))}`,
      ...helperSplit([...results.tune, ...results.holdout]),
      '',
      renderSplit('TUNE', results.tune),
      renderSplit('HOLDOUT', results.holdout),
    ].join('\n');
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, report);
    fs.writeFileSync(GAPS_NOW, renderKnownGaps([...results.tune, ...results.holdout]));
    fs.writeFileSync(COUNTS_NOW, renderGapCounts([...results.tune, ...results.holdout]));
  }, 600_000);

  it('has an expectation for every workbook of the corpus, in exactly one split', () => {
    const corpus = fs.readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f)).sort();
    const expected = [...results.tune, ...results.holdout].map((r) => r.file).sort();
    expect(expected).toEqual(corpus);
  });

  it('matches every file outside known-gaps.json, and every listed file fails exactly as listed', () => {
    const gaps = loadKnownGaps();
    const all = [...results.tune, ...results.holdout];
    const stale = Object.keys(gaps).filter((f) => !all.some((r) => r.file === f));
    expect(stale, 'known-gaps.json names files with no expectation').toEqual([]);
    expect(gapViolations(all, gaps)).toEqual([]);
  });

  it('keeps what is right inside each file that does not match yet: no column or record lost, no row added', () => {
    expect(countViolations([...results.tune, ...results.holdout], loadGapCounts())).toEqual([]);
  });

  it('wrote the report', () => {
    expect(fs.readFileSync(OUT, 'utf8')).toContain('## HOLDOUT');
  });
});
