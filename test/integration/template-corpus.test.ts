// The template writer on the real client workbooks in ../shared/corpus (when the folder is there;
// without it the suite skips). For every .xlsx:
// 1. writing back each sheet's existing values unchanged gives a byte-identical file;
// 2. a write into its largest table-like block that changes two cells and adds one row differs only
//    there: every other zip entry is byte-identical, the sheet's other cells and rows keep their
//    bytes (formulas reading a changed cell lose their stale cached result), the shared strings only
//    grow, and ../shared/tools/fidelity/pair.py (when /usr/bin/python3 has openpyxl) reports exactly
//    the two changed values, with any other difference on the new row, a range that grew over it, or
//    a dropped cached result.
// Outcomes per file go to test-output/excel/template-corpus.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Row, SheetModel } from '../../electron/common/excel/model.js';
import { readXlsx } from '../../electron/core/excel/parse-xlsx.js';
import { writeIntoTemplate, type CellOut, type TableWrite, type WriteReport } from '../../electron/core/excel/template/index.js';
import { entries, sheetPartOf } from '../fixtures/excel/xlsx-parts.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const PAIR = path.resolve(ROOT, '../shared/tools/fidelity/pair.py');
const OUT = path.join(ROOT, 'test-output/excel/template-corpus.md');
const files = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((f) => f.endsWith('.xlsx')).sort() : [];
const PY = '/usr/bin/python3';
// One workbook's test writes it up to seven times, reads it back twice and runs pair.py (allowed 120 s
// itself): quietly at most ~16 s, but 65–185 s on a 2-core machine at load 20 (session 13), past the
// suite's 60 s. A slow machine is not a failure of the writer.
const PER_WORKBOOK_MS = 240_000;
const pairUsable = fs.existsSync(PY) && fs.existsSync(PAIR) && spawnSync(PY, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;

const valueOf = (c: Row['cells'][number]): CellOut | undefined => {
  if (c.f || c.t === 'e') return undefined;
  if (c.t === 's') return { value: { t: 's', v: String(c.v) } };
  if (c.t === 'b') return { value: { t: 'b', v: Boolean(c.v) } };
  return { value: { t: c.t, v: Number(c.v) }, ...(c.indent ? { indent: c.indent } : {}) };
};

/** Every sheet's values (not formulas, not errors) written back where they are. */
function unchangedWrites(sheets: SheetModel[]): TableWrite[] {
  const out: TableWrite[] = [];
  for (const s of sheets) {
    if (s.skipped || s.rows.length === 0) continue;
    const columns = [...new Set(s.rows.flatMap((r) => r.cells.map((c) => c.c)))].sort((a, b) => a - b);
    const byRow = new Map(s.rows.map((r) => [r.r + 1, r]));
    const first = s.rows[0]!.r + 1;
    const last = s.rows[s.rows.length - 1]!.r + 1;
    const rows: (CellOut | undefined)[][] = [];
    for (let r = first; r <= last; r++) {
      const cells = new Map((byRow.get(r)?.cells ?? []).map((c) => [c.c, c]));
      rows.push(columns.map((c) => (cells.has(c) ? valueOf(cells.get(c)!) : undefined)));
    }
    out.push({ sheet: s.name, firstRow: first, lastRow: last, columns, rows });
  }
  return out;
}

/** Runs of ≥ 2 consecutive rows each holding ≥ 2 constant values, largest first. */
function blocks(s: SheetModel): { sheet: SheetModel; rows: Row[] }[] {
  const out: { sheet: SheetModel; rows: Row[] }[] = [];
  let run: Row[] = [];
  const flush = () => {
    if (run.length >= 2) out.push({ sheet: s, rows: run });
    run = [];
  };
  for (const r of s.rows) {
    const ok = r.cells.filter((c) => !c.f && c.t !== 'e').length >= 2;
    if (!ok) {
      flush();
      continue;
    }
    if (run.length > 0 && r.r !== run[run.length - 1]!.r + 1) flush();
    run.push(r);
  }
  flush();
  const size = (b: { rows: Row[] }) => b.rows.reduce((n, r) => n + r.cells.length, 0);
  return out.sort((a, b) => size(b) - size(a));
}

interface EditPlan {
  write: TableWrite;
  edited: string[];
  newRow: number;
}

function editPlan(b: { sheet: SheetModel; rows: Row[] }): EditPlan {
  const columns = [...new Set(b.rows.flatMap((r) => r.cells.filter((c) => !c.f && c.t !== 'e').map((c) => c.c)))].sort((x, y) => x - y);
  const rows = b.rows.map((r) => {
    const cells = new Map(r.cells.map((c) => [c.c, c]));
    return columns.map((c) => (cells.has(c) ? valueOf(cells.get(c)!) : undefined));
  });
  const first = b.rows[0]!.r + 1;
  const edited: string[] = [];
  const col = (c: number) => {
    let s = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const change = (i: number, last: boolean) => {
    const idx = rows[i]!.map((v, j) => (v ? j : -1)).filter((j) => j >= 0);
    const j = last ? idx[idx.length - 1]! : idx[0]!;
    rows[i]![j] = { value: { t: 's', v: `PMO変更${edited.length + 1}` } };
    edited.push(`${col(columns[j]!)}${first + i}`);
  };
  change(rows.length - 2, true);
  change(rows.length - 1, false);
  // The new row: the last row's values, its texts marked.
  rows.push(rows[rows.length - 1]!.map((v) => (v?.value?.t === 's' ? { value: { t: 's', v: `${v.value.v}（追加）` } } : v)));
  return { write: { sheet: b.sheet.name, firstRow: first, lastRow: first + b.rows.length - 1, columns, rows }, edited, newRow: first + b.rows.length };
}

/** The sheet's cells by address: their exact XML. */
function cellsXml(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?c\s[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)/g)) out.set(m[1]!, m[0]);
  return out;
}
const rowTags = (xml: string) => new Map([...xml.matchAll(/<(?:\w+:)?row\s[^>]*?\br="(\d+)"[^>]*>/g)].map((m) => [Number(m[1]), m[0].replace(/\s(spans)="[^"]*"/, '')]));
/** Range attributes may grow over the new row; merges may be repeated on it. */
const outsideNormalized = (xml: string) =>
  xml
    .replace(/<(\w+:)?sheetData[\s\S]*<\/(\w+:)?sheetData>/, '')
    .replace(/<(\w+:)?mergeCell\s[^>]*>/g, '')
    .replace(/\s(ref|sqref|count)="[^"]*"/g, ' $1=""')
    .replace(/<xm:sqref>[^<]*<\/xm:sqref>/g, '<xm:sqref/>');

interface Outcome {
  file: string;
  unchanged: string;
  sheet?: string;
  block?: string;
  edit?: string;
  parts?: string;
  pair?: string;
  ms?: number;
}
const outcomes: Outcome[] = [];

describe.skipIf(files.length === 0)('template writer on the client corpus (../shared/corpus)', () => {
  afterAll(() => {
    const lines = [
      '# Template writer on the corpus',
      '',
      'Per workbook: (1) every sheet\'s values written back unchanged; (2) two cells changed and one row added in the largest table-like block (a block whose new row lands on an empty row is preferred, so nothing moves), checked entry by entry, cell by cell, and with `../shared/tools/fidelity/pair.py`.',
      `pair.py: ${pairUsable ? 'run' : 'not run (no /usr/bin/python3 with openpyxl)'}.`,
      '',
      '| file | unchanged write | sheet | block (rows × cols) | edit | parts changed | pair.py (original vs edited) | ms |',
      '|---|---|---|---|---|---|---|---|',
      ...outcomes.map((o) => `| ${o.file} | ${o.unchanged} | ${o.sheet ?? ''} | ${o.block ?? ''} | ${o.edit ?? ''} | ${o.parts ?? ''} | ${(o.pair ?? '').replaceAll('|', '/')} | ${o.ms?.toFixed(0) ?? ''} |`),
      '',
    ];
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, lines.join('\n'));
  });

  for (const file of files) {
    it(file, async () => {
      const o: Outcome = { file, unchanged: '' };
      outcomes.push(o);
      const buf = fs.readFileSync(path.join(CORPUS, file));
      const model = readXlsx(buf, file);

      // 1. Unchanged: identical bytes.
      const same = Buffer.from(await writeIntoTemplate(buf, unchangedWrites(model.sheets), { fileName: file }));
      expect(Buffer.compare(same, buf), `${file}: unchanged write`).toBe(0);
      o.unchanged = 'identical';

      // 2. Two cells and one row.
      const candidates = model.sheets.flatMap((s) => (s.skipped ? [] : blocks(s)));
      if (candidates.length === 0) {
        o.edit = 'no block of ≥ 2 rows with ≥ 2 values';
        return;
      }
      let plan: EditPlan | null = null;
      let out: Buffer | null = null;
      let report: WriteReport = { inserted: [], recalc: false };
      const t0 = performance.now();
      for (const c of candidates.slice(0, 6)) {
        const p = editPlan(c);
        const r: WriteReport = { inserted: [], recalc: false };
        const o2 = Buffer.from(await writeIntoTemplate(buf, [p.write], { fileName: file, report: r }));
        if (!plan || r.inserted.length === 0) [plan, out, report] = [p, o2, r];
        if (r.inserted.length === 0) break;
      }
      o.ms = performance.now() - t0;
      const p = plan!;
      o.sheet = p.write.sheet;
      o.block = `${p.write.firstRow}–${p.write.lastRow} × ${p.write.columns.length}`;
      o.edit = `${p.edited.join(', ')} changed, row ${p.newRow} added${report.inserted.length ? `; ${report.inserted.map((i) => `${i.count} row(s) inserted at ${i.at}`).join(', ')}` : ''}`;

      // It opens in ExcelJS, and our reader sees the new values.
      await new ExcelJS.Workbook().xlsx.load(out! as unknown as ArrayBuffer);
      const after = readXlsx(out!, file);
      const sheetAfter = after.sheets.find((s) => s.name === p.write.sheet)!;
      const newRow = sheetAfter.rows.find((r) => r.r + 1 === p.newRow);
      expect(newRow, `${file}: the new row`).toBeDefined();

      const a = entries(buf);
      const b = entries(out!);
      const changed = [...new Set([...a.keys(), ...b.keys()])].filter((k) => !a.get(k)?.equals(b.get(k) ?? Buffer.alloc(0)) || !b.has(k));
      o.parts = changed.join(', ');
      if (report.inserted.length > 0) {
        // Rows moved: every constant is where it was, or `count` rows lower from `at` on.
        const [{ at, count }] = report.inserted as [WriteReport['inserted'][number]];
        const before = model.sheets.find((s) => s.name === p.write.sheet)!;
        const found = new Map(sheetAfter.rows.flatMap((r) => r.cells.map((c) => [`${r.r + 1}:${c.c}`, c.v] as const)));
        for (const r of before.rows)
          for (const c of r.cells) {
            if (c.f) continue; // a formula's cached value is dropped when its text changes
            const row = r.r + 1 >= at ? r.r + 1 + count : r.r + 1;
            const ref = `${String.fromCharCode(65 + (c.c % 26))}${r.r + 1}`;
            if (row >= p.write.firstRow && row <= p.newRow && p.write.columns.includes(c.c)) continue; // the written block
            expect(found.get(`${row}:${c.c}`), `${file}: ${ref} → row ${row}`).toEqual(c.v);
          }
        o.pair = runPair(file, out!) ?? '';
        return;
      }
      const sheetPart = sheetPartOf(a, p.write.sheet);
      for (const k of changed) {
        expect(a.has(k), `${file}: ${k} is not a new part`).toBe(true);
        const [x, y] = [a.get(k)!.toString('latin1'), b.get(k)!.toString('latin1')];
        if (k === sheetPart) continue;
        if (k.startsWith('xl/worksheets/')) {
          // Another sheet: only formula results that read the changed cells are dropped (an empty one is <v/>).
          const strip = (t: string) => t.replace(/(<(\w+:)?c\s[^>]*?)\st="[^"]*"([^>]*>(<(\w+:)?f[\s>]))/g, '$1$3').replace(/(<\/(\w+:)?f>|<(\w+:)?f\s[^>]*\/>)(<(\w+:)?v>[^<]*<\/(\w+:)?v>|<(\w+:)?v\s*\/>)/g, '$1');
          expect(strip(y), `${file}: ${k}`).toBe(strip(x));
          continue;
        }
        if (/sharedStrings/.test(k)) {
          // Only appended to: the old entries keep their bytes.
          const strip = (s: string) => s.replace(/\s(count|uniqueCount)="\d+"/g, '');
          const xs = strip(x);
          expect(strip(y).startsWith(xs.slice(0, xs.lastIndexOf('</'))), `${file}: shared strings only appended`).toBe(true);
        } else if (/workbook\.xml$/.test(k)) {
          const norm = (s: string) => s.replace(/<calcPr[^>]*>/, '').replace(/<definedName\b[^>]*>[^<]*<\/definedName>/g, '');
          expect(norm(y), `${file}: workbook.xml`).toBe(norm(x));
        } else if (/styles\.xml$/.test(k)) {
          const strip = (s: string) => s.replace(/<cellXfs count="\d+"/, '<cellXfs');
          expect(strip(y).startsWith(strip(x).slice(0, strip(x).indexOf('</cellXfs>'))), `${file}: styles only appended`).toBe(true);
        } else if (/tables\/|pivotCache/.test(k)) {
          expect(y.replace(/\sref="[^"]*"/g, ''), `${file}: ${k}`).toBe(x.replace(/\sref="[^"]*"/g, ''));
        } else if (/charts\//.test(k)) {
          expect(y.replace(/<c:f>[^<]*<\/c:f>/g, ''), `${file}: ${k}`).toBe(x.replace(/<c:f>[^<]*<\/c:f>/g, ''));
        } else throw new Error(`${file}: ${k} changed`);
      }
      const [sx, sy] = [a.get(sheetPart)!.toString('latin1'), b.get(sheetPart)!.toString('latin1')];
      const cx = cellsXml(sx);
      const cy = cellsXml(sy);
      const onNewRow = (ref: string) => Number(/\d+$/.exec(ref)![0]) === p.newRow;
      // A formula that reads a changed cell loses its stale cached result; nothing else changes.
      const noResult = (x: string) => x.replace(/<(\w+:)?v>[^<]*<\/(\w+:)?v>|<(\w+:)?v\s*\/>/, '').replace(/^(<(\w+:)?c\s[^>]*?)\st="[^"]*"/, '$1');
      let dropped = 0;
      for (const [ref, xml] of cx) {
        if (p.edited.includes(ref) || onNewRow(ref) || cy.get(ref) === xml) continue;
        expect(/<(\w+:)?f[\s>/]/.test(xml) && noResult(xml) === cy.get(ref), `${file}: cell ${ref}`).toBe(true);
        dropped++;
      }
      if (dropped) o.edit += `; ${dropped} stale formula result(s) dropped`;
      for (const ref of cy.keys()) if (!cx.has(ref)) expect(onNewRow(ref), `${file}: new cell ${ref}`).toBe(true);
      for (const ref of p.edited) expect(cy.get(ref), `${file}: ${ref} changed`).not.toBe(cx.get(ref));
      const [rx, ry] = [rowTags(sx), rowTags(sy)];
      for (const [r, tag] of rx) if (r !== p.newRow) expect(ry.get(r), `${file}: row ${r}`).toBe(tag);
      expect(outsideNormalized(sy), `${file}: the sheet outside its cells`).toBe(outsideNormalized(sx));

      const pair = runPair(file, out!);
      if (pair !== null) {
        o.pair = pair;
        checkPair(file, pair, p);
      }
    }, PER_WORKBOOK_MS);
  }
});

/** pair.py's report (its lines joined), or null when it cannot run. */
function runPair(file: string, out: Buffer): string | null {
  if (!pairUsable) return null;
  const tmp = path.join(os.tmpdir(), `pmo-template-${process.pid}-${file}`);
  fs.writeFileSync(tmp, out);
  try {
    const r = spawnSync(PY, [PAIR, path.join(CORPUS, file), tmp], { encoding: 'utf8', timeout: 120_000 });
    return (r.stdout ?? '').trim().split('\n').map((l) => l.replace(/\s+/g, ' ').slice(0, 160)).join('<br>');
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * pair.py compares by address: the two edited cells count as values not kept; style features may
 * differ only on the new row (it takes the last data row's formats); ranges that grew over the new
 * row (validations, conditional formats, tables, names) count as changed, which is the point.
 */
function checkPair(file: string, report: string, p: EditPlan): void {
  const lines = report.split('<br>');
  const values = lines.find((l) => l.startsWith('values '));
  if (values) {
    const m = /values (\d+)\/(\d+) kept/.exec(values)!;
    expect(Number(m[2]) - Number(m[1]), `${file}: values not kept (pair.py)`).toBe(2);
  }
  for (const l of lines) {
    const m = /^(\S+) \d+\/\d+ kept e\.g\. \('[^']*!([A-Z]+)(\d+)'/.exec(l);
    if (!m || m[1] === 'values') continue;
    if (['numFmt', 'font', 'fill', 'border', 'align', 'protection'].includes(m[1]!)) expect(Number(m[3]), `${file}: ${l}`).toBe(p.newRow);
  }
  // 'cached' may be short: results of formulas that read the changed cells are dropped on purpose.
  for (const l of lines) if (/^(formulas|merges|images|charts|shapes|comments|hyperlinks|pivots|rich|phonetic|theme) /.test(l) || l.startsWith('part ')) throw new Error(`${file}: pair.py: ${l}`);
}
