// Fidelity through the product's own path, on every real client workbook of ../shared/corpus that
// imports (when the folder is there; the test skips without it): import it with a profile, export
// through the profile with no edit — every zip entry must be the original's, byte for byte — then edit
// a text cell of two rows and add a row, export again, and check that the edits are where they should
// be and nothing above the table moved. ../shared/tools/fidelity/pair.py compares the original and the
// edited export feature by feature (when python3 with openpyxl is there); the outcome per file goes
// to test-output/excel/export-corpus.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace, type Call } from '../helpers/workspace.js';
import { readZipDirectory, ZipReader } from '../../electron/core/excel/zip.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { KEY_FIELD, TARGET_FIELDS, type ImportTarget } from '../../electron/common/excel/fields.js';
import { cellRef } from '../../electron/common/excel/model.js';
import type { ImportPreview } from '../../electron/common/excel/preview.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const PAIR = path.resolve(ROOT, '../shared/tools/fidelity/pair.py');
const OUT = path.join(ROOT, 'test-output/excel/export-corpus.md');
const present = fs.existsSync(path.join(CORPUS, 'SOURCES.tsv'));

const KINDS: [RegExp, ImportTarget][] = [
  [/^(wbs|tasks|schedule|gantt|progress|pmtool)-/, 'wbs'],
  [/^issues-/, 'issue'],
  [/^risk-/, 'risk'],
];

interface Outcome {
  file: string;
  target: ImportTarget;
  unchanged: string;
  edited: string;
  pair: string;
}
const outcomes: Outcome[] = [];

function entries(bytes: Buffer): Map<string, Buffer> {
  const zip = new ZipReader(bytes, readZipDirectory(bytes, 'x.xlsx'), 'x.xlsx');
  return new Map([...zip.dir.entries.keys()].map((n) => [n, zip.bytes(n)!]));
}

/** Values as typed (not formulas: their cached results are dropped when what they read changed). */
function cells(bytes: Buffer, sheet: string): Map<string, string> {
  const s = readWorkbookBytes(bytes, 'x.xlsx').sheets.find((x) => x.name === sheet)!;
  return new Map(s.rows.flatMap((r) => r.cells.filter((c) => !c.f).map((c) => [cellRef(r.r, c.c), String(c.v)] as const)));
}

function pair(a: string, b: string): string {
  if (!fs.existsSync('/usr/bin/python3') || !fs.existsSync(PAIR)) return 'pair.py not run (no python3 or tool)';
  const run = spawnSync('/usr/bin/python3', [PAIR, a, b], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0 && run.stdout.trim() === '') return `pair.py not run: ${run.stderr.trim().split('\n').pop()}`;
  return run.stdout.trim().split('\n').filter((l) => l.trim() !== '').slice(0, 12).join('<br>').replace(/\|/g, '\\|');
}

/** A text field the file maps (not the key, not the ID): the cell the edit test changes. */
function editableField(p: ImportPreview): { field: string; column: number } | null {
  const key = KEY_FIELD[p.register];
  for (const m of p.columns) {
    if (!m.field || m.field === key || m.field === 'ref' || m.span > 1) continue;
    if (['assignee', 'owner', 'notes', 'detail', 'description', 'deliverable', 'resolution', 'raisedBy', 'responsePlan'].includes(m.field) && TARGET_FIELDS[p.register][m.field])
      return { field: m.field, column: m.c };
  }
  return null;
}

async function run(call: Call, file: string, target: ImportTarget, dir: string): Promise<Outcome> {
  const bytes = fs.readFileSync(path.join(CORPUS, file));
  const { id: projectId } = await call('project.create', { name: file });
  const preview = await call('excel.previewImport', { projectId, register: target, fileName: file, dataBase64: bytes.toString('base64') });
  const o: Outcome = { file, target, unchanged: '', edited: '', pair: '' };
  if (preview.rows.length === 0) {
    o.unchanged = `not imported: ${preview.problems[0]?.reason ?? 'no rows'}`;
    return o;
  }
  const applied = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: file } });
  const profileId = applied.profileId!;

  // 1. No edit: the client's file back, byte for byte.
  const same = Buffer.from((await call('excel.export', { projectId, register: target, profileId })).dataBase64, 'base64');
  const a = entries(bytes);
  const b = entries(same);
  const differ = [...a.keys()].filter((k) => !b.get(k)?.equals(a.get(k)!));
  o.unchanged = differ.length === 0 && a.size === b.size ? 'identical' : `differs: ${differ.join(', ')}`;

  // 2. Two cells edited and a row added.
  const edit = editableField(preview);
  const stored = target === 'wbs' ? (await call('wbs.rows', { projectId }).then(tasksOfTable)).filter((t) => !t.summary) : await call(`${target}.list` as 'issue.list', { projectId });
  const rows = preview.rows.filter((r) => r.id !== undefined || r.status === 'new');
  if (!edit || stored.length < 2) {
    o.edited = 'no editable text column or too few rows';
    return o;
  }
  const picked = stored.slice(0, 2) as { id: number }[];
  for (const [i, row] of picked.entries()) {
    if (target === 'wbs') await call('wbs.update', { id: row.id, patch: { [edit.field]: `PMO変更${i + 1}` } });
    else await call(`${target}.update` as 'issue.update', { id: row.id, patch: { [edit.field]: `PMO変更${i + 1}` } });
  }
  const key = KEY_FIELD[target];
  if (target === 'wbs') await call('wbs.create', { projectId, values: { name: 'PMO追加タスク' } });
  else await call(`${target}.create` as 'issue.create', { projectId, values: { [key]: 'PMO追加行' } });
  const editedBytes = Buffer.from((await call('excel.export', { projectId, register: target, profileId })).dataBase64, 'base64');
  const before = cells(bytes, preview.sheet);
  const after = cells(editedBytes, preview.sheet);
  const texts = [...after.values()];
  const headerRows = new Set<number>();
  for (let r = 1; r <= preview.header.bottom; r++) headerRows.add(r);
  const movedAbove = [...before.entries()].filter(([ref, v]) => headerRows.has(Number(/\d+$/.exec(ref)![0])) && after.get(ref) !== v);
  o.edited = [
    texts.includes('PMO変更1') && texts.includes('PMO変更2') ? 'both edits written' : 'EDIT MISSING',
    texts.includes(target === 'wbs' ? 'PMO追加タスク' : 'PMO追加行') ? 'new row written' : 'NEW ROW MISSING',
    movedAbove.length === 0 ? 'title and header unchanged' : `header changed: ${movedAbove.slice(0, 3).map(([r]) => r).join(', ')}`,
    `${rows.length} rows`,
  ].join('; ');
  const fa = path.join(dir, `a-${file}`);
  const fb = path.join(dir, `b-${file}`);
  fs.writeFileSync(fa, bytes);
  fs.writeFileSync(fb, editedBytes);
  o.pair = pair(fa, fb);
  return o;
}

describe.skipIf(!present)('export through a profile, on the corpus (../shared/corpus)', () => {
  beforeAll(async () => {
    await buildReaderWorker();
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-export-corpus-'));
    try {
      const lines = fs.readFileSync(path.join(CORPUS, 'SOURCES.tsv'), 'utf8').trim().split('\n').slice(1);
      for (const line of lines) {
        const file = line.split('\t')[0]!;
        const kind = KINDS.find(([re]) => re.test(file));
        if (!kind || !fs.existsSync(path.join(CORPUS, file))) continue;
        outcomes.push(await run(call, file, kind[1], dir));
      }
    } finally {
      ws.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const esc = (s: string) => s.replace(/\n/g, ' ');
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(
      OUT,
      [
        '# Export through a client profile, on the corpus',
        '',
        'Generated by test/integration/export-corpus.test.ts: import with a profile → export with no edit (entries compared byte for byte) → two text cells edited and a row added → export; pair.py compares the original with the edited export.',
        '',
        '| file | as | export with no edit | after two edits and a new row | pair.py (original vs edited export) |',
        '| --- | --- | --- | --- | --- |',
        ...outcomes.map((o) => `| ${o.file} | ${o.target} | ${esc(o.unchanged)} | ${esc(o.edited)} | ${o.pair} |`),
        '',
      ].join('\n'),
    );
  }, 300_000);

  it('gives back every imported workbook byte for byte when nothing was edited', () => {
    const imported = outcomes.filter((o) => !o.unchanged.startsWith('not imported'));
    expect(imported.length).toBeGreaterThanOrEqual(10);
    for (const o of imported) expect(o.unchanged, o.file).toBe('identical');
  });

  it('writes the edits and the new row, and leaves the title and header as they were', () => {
    for (const o of outcomes) {
      if (o.unchanged.startsWith('not imported') || o.edited.startsWith('no editable')) continue;
      expect(o.edited, o.file).toMatch(/^both edits written; new row written; title and header unchanged;/);
    }
  });
});
