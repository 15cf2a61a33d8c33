// The real client workbooks in ../shared/corpus (when the folder is there): every WBS, task, issue,
// risk and schedule workbook listed in SOURCES.tsv is imported through the API into a project of a
// real workspace (excel.previewImport, then excel.applyImport) with no manual fix — or refused with a
// reason a user would accept — and previewed again, which must find every row unchanged. The outcome
// per file goes to test-output/excel/corpus-import.md. Without the folder the test skips.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile, type FileAnalysis } from '../../electron/core/excel/analyze.js';
import { KEY_FIELD, type ImportTarget } from '../../electron/common/excel/fields.js';
import { formatProblem } from '../../electron/common/excel/problems.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { readWorkbookBytes } from '../../electron/core/excel/read-workbook.js';
import { cellRef } from '../../electron/common/excel/model.js';
import type { ApplyResult, ImportPreview } from '../../electron/common/excel/preview.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const OUT = path.join(ROOT, 'test-output/excel/corpus-import.md');
const present = fs.existsSync(path.join(CORPUS, 'SOURCES.tsv'));

/** Register workbooks of the corpus by file name, and the target each is imported as. */
const KINDS: [RegExp, ImportTarget][] = [
  [/^wbs-/, 'wbs'],
  [/^tasks-/, 'wbs'],
  [/^schedule-/, 'wbs'],
  [/^gantt-/, 'wbs'],
  [/^progress-/, 'wbs'],
  [/^pmtool-/, 'wbs'],
  [/^issues-/, 'issue'],
  [/^risk-/, 'risk'],
];

/**
 * What each file must give. Mapped: the sheet and at least this many records. Refused: the reason
 * (both refusals are reasons a user accepts: a diagram is no table; an empty template has no rows).
 */
const EXPECTED: Record<string, { sheet: string; records: number } | { refused: RegExp }> = {
  'wbs-jp-neos.xlsx': { sheet: 'WBS', records: 3 },
  'wbs-en-rk.xlsx': { refused: /No table with a task name column .* was found/ },
  'schedule-jp-neos.xlsx': { sheet: '工程定義・マスタスケジュール', records: 10 },
  // Its ↓今日やるやつ / ↓明日以降やるやつ / ↓繰り返し rows are section labels, no tasks (data-range.ts SEPARATOR).
  'tasks-jp-kondo.xlsx': { sheet: 'タスク', records: 6 },
  'tasks-jp-znb.xlsx': { sheet: 'タスク一覧', records: 9 },
  'issues-jp-neos.xlsx': { sheet: '課題一覧', records: 1 },
  'issues-jp-kondo.xlsx': { sheet: '課題管理表', records: 1 },
  'issues-jp-znb.xlsx': { refused: /the table on sheet 課題管理表 \(header in row 2\) has no rows of data/ },
  'issues-en-nc.xlsx': { sheet: 'Issue Register', records: 5 },
  'risk-en-rk.xlsx': { sheet: 'Risk Register', records: 7 },
  'risk-en-nc.xlsx': { sheet: 'Issue Register', records: 3 },
  'gantt-jp-ohtake.xlsx': { sheet: 'ガントチャート', records: 7 },
  'gantt-en-kings.xlsx': { sheet: 'GanttChart', records: 25 },
  'progress-jp-shishi.xlsx': { sheet: 'ベースライン1', records: 84 },
  'pmtool-jp-yabuki.xlsx': { sheet: 'ガント', records: 50 },
};

interface Outcome {
  file: string;
  target: ImportTarget;
  what: string;
  result: FileAnalysis;
  ms: number;
  /** Through the API: the preview, what apply did, and the preview of the same file again. */
  preview: ImportPreview | string;
  applied?: ApplyResult;
  again?: ImportPreview;
}

const outcomes: Outcome[] = [];

function files(): { file: string; target: ImportTarget; what: string }[] {
  const lines = fs.readFileSync(path.join(CORPUS, 'SOURCES.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.flatMap((line) => {
    const cols = line.split('\t');
    const file = cols[0]!;
    const kind = KINDS.find(([re]) => re.test(file));
    return kind && fs.existsSync(path.join(CORPUS, file)) ? [{ file, target: kind[1], what: cols[cols.length - 1] ?? '' }] : [];
  });
}

function report(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = outcomes.map(({ file, target, result, ms, applied, again }) => {
    if (!result.ok) return `| ${file} | ${target} | refused | — | — | — | — | ${esc(result.reason)} | ${ms.toFixed(0)} |`;
    const t = result.table;
    const mapped = t.columns.filter((c) => c.field);
    const cols = mapped.map((c) => `${c.column} ${esc(c.label.split(' / ').pop()!)}→${c.field}`).join(', ');
    const problems = t.problems.length ? `${t.problems.length}: ${esc(t.problems.slice(0, 2).map(formatProblem).join('; '))}${t.problems.length > 2 ? ' …' : ''}` : '0';
    const api = applied && again ? `created ${applied.created}, skipped ${applied.skipped}; again: ${again.counts.unchanged} unchanged, ${again.counts.new + again.counts.changed} not` : '—';
    return `| ${file} | ${target} | mapped: ${esc(t.sheet)} rows ${t.header.top}–${t.header.bottom} header, data ${t.data.first}–${t.data.last} (${t.data.end}) | ${t.records.length}${t.hierarchy && t.hierarchy !== 'none' ? `, tree by ${t.hierarchy}` : ''} | ${mapped.length}/${t.columns.length}: ${cols} | ${problems} | ${api} | | ${ms.toFixed(0)} |`;
  });
  return [
    '# Corpus import: detection, mapping and normalization per workbook',
    '',
    `Generated by test/integration/excel-corpus.test.ts on ${new Date().toISOString().slice(0, 10)} from ../shared/corpus (read through the capped reader worker).`,
    '',
    '| file | as | outcome | records | columns mapped (field columns / all) | problems (first two) | import through the API | refusal | ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

describe.skipIf(!present)('corpus workbooks (../shared/corpus)', () => {
  beforeAll(async () => {
    await buildReaderWorker();
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      for (const { file, target, what } of files()) {
        const bytes = fs.readFileSync(path.join(CORPUS, file));
        const t0 = performance.now();
        const result = await analyzeFile(bytes, file, target, { today: '2025-06-01' });
        const ms = performance.now() - t0;
        const { id: projectId } = await call('project.create', { name: file });
        const dataBase64 = bytes.toString('base64');
        const preview = await call('excel.previewImport', { projectId, register: target, fileName: file, dataBase64 }).catch((e: Error) => e.message);
        const outcome: Outcome = { file, target, what, result, ms, preview };
        if (typeof preview !== 'string' && preview.rows.length > 0) {
          outcome.applied = await call('excel.applyImport', { previewId: preview.previewId });
          outcome.again = await call('excel.previewImport', { projectId, register: target, fileName: file, dataBase64 });
        }
        outcomes.push(outcome);
      }
    } finally {
      ws.close();
    }
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, report());
  }, 120_000);

  it('covers every register workbook listed in SOURCES.tsv', () => {
    expect(outcomes.map((o) => o.file).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('maps each without manual fixes, or refuses it with a reason a user accepts', () => {
    for (const { file, target, result } of outcomes) {
      const want = EXPECTED[file]!;
      if ('refused' in want) {
        expect(result.ok, file).toBe(false);
        if (!result.ok) expect(result.reason, file).toMatch(want.refused);
        // The API answers a preview with nothing to import and the reason as its first problem.
        const o = outcomes.find((x) => x.file === file)!;
        if (typeof o.preview !== 'string') {
          expect(o.preview.rows, file).toEqual([]);
          expect(o.preview.problems[0]?.reason, file).toMatch(want.refused);
        }
        continue;
      }
      expect(result.ok, `${file}: ${result.ok ? '' : result.reason}`).toBe(true);
      if (!result.ok) continue;
      // Through the API the same table is found, imported, and found unchanged the second time.
      const o = outcomes.find((x) => x.file === file)!;
      expect(typeof o.preview, `${file}: ${String(o.preview)}`).toBe('object');
      if (typeof o.preview === 'string') continue;
      expect(o.preview.sheet, file).toBe(want.sheet);
      expect(o.applied!.created, file).toBeGreaterThan(0);
      expect(o.applied!.created + o.applied!.skipped, file).toBe(o.preview.rows.length);
      expect(o.again!.counts, file).toMatchObject({ new: 0, changed: 0, missing: 0, unchanged: o.applied!.created });
      const t = result.table;
      expect(t.sheet, file).toBe(want.sheet);
      expect(t.records.length, file).toBeGreaterThanOrEqual(want.records);
      // The key field is mapped and named on the records; problems stay a minority of the cells.
      expect(t.columns.some((c) => c.field === KEY_FIELD[target]), file).toBe(true);
      expect(t.records.filter((r) => typeof r.values[KEY_FIELD[target]] === 'string' && r.values[KEY_FIELD[target]] !== '').length, file).toBeGreaterThan(0);
      expect(t.problems.length, file).toBeLessThanOrEqual(t.records.length);
      for (const p of t.problems) expect(formatProblem(p), file).toMatch(/^.+![A-Z]+\d+: .+/);
    }
  });

  it('wrote the outcome table', () => {
    expect(fs.readFileSync(OUT, 'utf8')).toContain('| wbs-jp-neos.xlsx |');
  });
});

/** A cell value as exceljs gives it → the form our model keeps ('' for nothing). */
function excelJsValue(v: ExcelJS.CellValue, date1904: boolean): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    return `n:${Math.round(((v.getTime() - epoch) / 86_400_000) * 1e6) / 1e6}`;
  }
  if (typeof v === 'number') return `n:${Math.round(v * 1e6) / 1e6}`;
  if (typeof v === 'boolean') return `b:${v}`;
  if (typeof v === 'string') return v === '' ? '' : `s:${v}`;
  const o = v as unknown as Record<string, unknown>;
  if ('richText' in o) return excelJsValue((o.richText as { text: string }[]).map((r) => r.text).join(''), date1904);
  if ('error' in o) return `e:${String(o.error)}`;
  if ('formula' in o || 'sharedFormula' in o) return excelJsValue((o.result ?? null) as ExcelJS.CellValue, date1904);
  if ('text' in o) return excelJsValue(o.text as ExcelJS.CellValue, date1904);
  return `?:${JSON.stringify(o)}`;
}

/** exceljs 4.4.0 spends 10–20 s on these (it expands their whole-column data validations cell by cell). */
const EXCELJS_TOO_SLOW = new Set(['issues-en-nc.xlsx', 'risk-en-nc.xlsx']);

// Our reader against exceljs, cell by cell, on every corpus workbook: every value exceljs reads we read
// the same. Known exceljs quirks are not held against us: it reads a shared formula's cached string
// result as NaN, and drops some shared-formula results we keep; merged cells other than the top-left
// are compared through their top-left cell, as exceljs reports them.
describe.skipIf(!present)('the reader agrees with exceljs on every corpus workbook', () => {
  const all = present ? fs.readdirSync(CORPUS).filter((f) => f.endsWith('.xlsx') && !EXCELJS_TOO_SLOW.has(f)).sort() : [];
  it.each(all)('%s', async (file) => {
    const bytes = fs.readFileSync(path.join(CORPUS, file));
    const ours = readWorkbookBytes(bytes, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const mismatches: string[] = [];
    for (const sheet of ours.sheets) {
      if (sheet.skipped) continue;
      const ws = wb.getWorksheet(sheet.name);
      const theirs = new Map<string, string>();
      ws?.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (cell.isMerged && cell.master.address !== cell.address) return;
          const v = excelJsValue(cell.value, ours.date1904);
          if (v !== '' && v !== 's:' && !/^s:[\s\u3000]*$/.test(v)) theirs.set(cell.address, v);
        }),
      );
      const mine = new Map<string, { v: string; f: boolean }>();
      const slave = (r: number, c: number) => sheet.merges.some((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2 && (r !== m.r1 || c !== m.c1));
      for (const row of sheet.rows)
        for (const c of row.cells) {
          const v = c.t === 's' ? `s:${c.v}` : c.t === 'b' ? `b:${c.v}` : c.t === 'e' ? `e:${c.v}` : `n:${Math.round((c.v as number) * 1e6) / 1e6}`;
          if (!/^s:[\s\u3000]*$/.test(v) && !slave(row.r, c.c)) mine.set(cellRef(row.r, c.c), { v, f: !!c.f });
        }
      for (const [addr, v] of theirs)
        if (mine.get(addr)?.v !== v && !(v === 'n:NaN' && mine.get(addr)?.f)) mismatches.push(`${sheet.name}!${addr}: exceljs ${v} / ours ${mine.get(addr)?.v ?? '(none)'}`);
      for (const [addr, m] of mine) if (!theirs.has(addr) && !m.f) mismatches.push(`${sheet.name}!${addr}: exceljs (none) / ours ${m.v}`);
    }
    if (mismatches.length) console.log(`MISMATCH ${file}\n  ${mismatches.slice(0, 8).join("\n  ")}`);
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});
