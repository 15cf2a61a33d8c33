// Seeded random writes into real workbooks (the client-like template, and every corpus workbook when
// ../shared/corpus is there): random table positions (overlapping content, past the end, empty
// tables), random columns, values of every kind (text that looks like a formula, dates, indents,
// clears) and single cells. The writer must never crash — a refusal is a TemplateError naming the
// file — and what it wrote must read back: every written cell holds its value, unless the template
// has a formula there (never overwritten).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../electron/core/excel/parse-xlsx.js';
import { ExcelReadError } from '../../electron/core/excel/errors.js';
import { inspectTemplate, TemplateError, writeIntoTemplate, type CellOut, type OutValue, type WriteReport } from '../../electron/core/excel/template/index.js';
import { hostileTemplateParts, twoSheetTemplate } from '../fixtures/excel/hostile.js';
import { rawXlsx } from '../fixtures/excel/xlsx.js';
import { clientTemplate } from '../fixtures/excel/template-client.js';
import { entries, formulaCells, sheetPartOf } from '../fixtures/excel/xlsx-parts.js';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');
const corpus = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((f) => f.endsWith('.xlsx')).sort() : [];

function rng(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  return { next, int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)) };
}

// TEMPLATE_FUZZ_SEED=n runs other seeds (the default run is fixed, so failures reproduce).
const BASE = Number(process.env.TEMPLATE_FUZZ_SEED ?? 0) * 10_000;

const TEXTS = ['=1+1', '+81-3-1234', '@home', '-5', 'テキスト', ' lead and trail ', 'a&b<c>"d"', '_x0041_', '改行\nあり', '\tタブ'];

async function fuzz(file: string, bytes: Buffer, seed: number, perSheet: number): Promise<void> {
  const r = rng(seed);
  const model = readXlsx(bytes, file);
  const value = (): CellOut | undefined => {
    const x = r.next();
    if (x < 0.1) return undefined;
    if (x < 0.2) return { value: null };
    if (x < 0.55) return { value: { t: 's', v: TEXTS[r.int(0, TEXTS.length - 1)]! }, ...(r.next() < 0.2 ? { indent: r.int(0, 3) } : {}) };
    if (x < 0.75) return { value: { t: 'n', v: Math.round((r.next() * 2000 - 1000) * 100) / 100 } };
    if (x < 0.9) return { value: { t: 'd', v: r.int(40_000, 47_000) } };
    return { value: { t: 'b', v: r.next() < 0.5 } };
  };
  for (const sheet of model.sheets) {
    if (sheet.skipped) continue;
    const maxRow = (sheet.rows.at(-1)?.r ?? 10) + 1;
    for (let k = 0; k < perSheet; k++) {
      const firstRow = r.int(1, maxRow + 3);
      const lastRow = r.next() < 0.2 ? null : r.int(firstRow, maxRow + 5);
      const columns = [...new Set(Array.from({ length: r.int(1, 6) }, () => r.int(0, 20)))];
      const rows = Array.from({ length: r.int(0, 25) }, () => columns.map(value));
      const what = `${file} ${sheet.name} rows ${firstRow}–${lastRow ?? '(empty)'} × [${columns.join(',')}], ${rows.length} rows (seed ${seed}, #${k})`;
      let out: Uint8Array;
      const report: WriteReport = { inserted: [], recalc: false };
      try {
        out = await writeIntoTemplate(bytes, [{ sheet: sheet.name, firstRow, lastRow, columns, rows }], { fileName: file, report });
      } catch (err) {
        expect(err, what).toBeInstanceOf(TemplateError);
        expect((err as Error).message.startsWith(`${file}: `), what).toBe(true);
        continue;
      }
      const back = readXlsx(Buffer.from(out), file).sheets.find((s) => s.name === sheet.name)!;
      const parts = entries(out);
      const sheetXml = parts.get(sheetPartOf(parts, sheet.name))!.toString('latin1');
      const formulas = formulaCells(sheetXml);
      // Cells hidden under a merged range (all but its anchor) are never written: the range shows its anchor.
      const hidden = (row: number, col: number) =>
        [...sheetXml.matchAll(/<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)].some((m) => {
          const [c1, r1, c2, r2] = [letters(m[1]!), Number(m[2]), letters(m[3]!), Number(m[4])];
          return row >= r1 && row <= r2 && col >= c1 && col <= c2 && !(row === r1 && col === c1);
        });
      const colName = (c: number) => (c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26)));
      const cells = new Map(back.rows.flatMap((row) => row.cells.map((c) => [`${row.r + 1}:${c.c}`, c] as const)));
      rows.forEach((row, i) =>
        row.forEach((cell, j) => {
          if (cell === undefined) return;
          const got = cells.get(`${firstRow + i}:${columns[j]!}`);
          // A formula in the template, or copied down from its last row (without a result yet).
          if (got?.f || formulas.has(`${colName(columns[j]!)}${firstRow + i}`)) return;
          if (hidden(firstRow + i, columns[j]!)) return;
          const v: OutValue = cell.value !== null && cell.value.t === 's' && cell.value.v === '' ? null : cell.value;
          const at = `${what}: row ${firstRow + i} column ${columns[j]}`;
          if (v === null) expect(got, at).toBeUndefined();
          else if (v.t === 's') expect(got?.v, at).toBe(v.v.replace(/\r\n?/g, '\n'));
          else if (v.t === 'b') expect(got?.v, at).toBe(v.v);
          else {
            expect(got?.v, at).toBe(v.v);
            if (v.t === 'd') expect(got?.t, at).toBe('d');
          }
        }),
      );
    }
  }
}

/** Column letters to a 0-based index: A → 0, AA → 26. */
const letters = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

describe('random writes never crash and read back', () => {
  it('into the client-like template', async () => {
    const tpl = await clientTemplate();
    for (let seed = 1; seed <= 15; seed++) await fuzz('client.xlsx', tpl, BASE + seed, 3);
  });

  it.skipIf(corpus.length === 0)('into every corpus workbook', async () => {
    for (const [i, f] of corpus.entries()) await fuzz(f, fs.readFileSync(path.join(CORPUS, f)), BASE + 1000 + i, 2);
  }, 300_000);
});

// Hostile templates: parts built so a backtracking scan of the XML would take quadratic time (a few KB
// froze the app for minutes). Each is filled (rows inserted, so every place rows are moved is scanned)
// and either written or refused with a TemplateError naming the file. Before the scans were bounded,
// the first one alone ran for 27 s and the test timed out.
describe('hostile templates are scanned in linear time', () => {
  for (const { name, parts } of hostileTemplateParts()) {
    it(name, async () => {
      const file = `${name}.xlsx`;
      const bytes = rawXlsx(parts);
      expect(bytes.length).toBeLessThan(64 * 1024);
      const rows = Array.from({ length: 3 }, (_, i) => [{ value: { t: 's', v: `r${i}` } }, { value: { t: 'n', v: i } }] as CellOut[]);
      try {
        inspectTemplate(bytes, { listNames: true }, file);
        await writeIntoTemplate(bytes, [{ sheet: 'WBS', firstRow: 1, lastRow: 1, columns: [0, 1], rows }], { fileName: file, cells: [{ sheet: 'WBS', ref: 'C1', value: { value: { t: 's', v: 'z' } } }] });
      } catch (err) {
        // The writer's own refusal, or the zip and XML reader's (content types are read by the reader's scanner).
        expect(err instanceof TemplateError || err instanceof ExcelReadError, String(err)).toBe(true);
        expect((err as Error).message.startsWith(`${file}: `)).toBe(true);
      }
    });
  }

  it('the app\'s thread never looks into a template: only the reader\'s capped worker does', () => {
    // Outside the template writer itself, only the worker's entry may call what parses a template
    // (the package, its workbook part, its rows); the host asks the worker (capped-worker.ts).
    const core = path.resolve(import.meta.dirname, '../../electron');
    const parses = /\b(?:inspectTemplate|writeIntoTemplate|writeIntoTemplateSync|readXlsx|readWorkbookBytes)\(|new Package\(|from '[^']*template\/(?:package|workbook|sheet-rows|stale|resize|fill)\.js'/;
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const f = path.join(dir, e.name);
        if (e.isDirectory()) walk(f);
        else if (f.endsWith('.ts') && !f.includes(`${path.sep}excel${path.sep}template${path.sep}`) && !/excel[\\/](capped-worker-entry|parse-file|parse-xlsx)\.ts$/.test(f) && parses.test(fs.readFileSync(f, 'utf8'))) offenders.push(path.relative(core, f));
      }
    };
    walk(core);
    expect(offenders).toEqual([]);
  });

  it('no template scan has the unbounded shapes', () => {
    // `[^>]*>` runs to the end of the part from every unclosed `<tag` (quadratic), and `[\s\S]*?</x>`
    // does the same from every unclosed element; a tag or element body must stop at the next `<` or
    // the next open of the same element.
    const dir = path.resolve(import.meta.dirname, '../../electron/core/excel/template');
    for (const f of fs.readdirSync(dir).map((x) => path.join(dir, x))) {
      const src = fs.readFileSync(f, 'utf8');
      expect(src.includes('[^>]*'), `${f}: [^>]*`).toBe(false);
      expect(src.includes('[\\s\\S]*') || src.includes('[\\\\s\\\\S]*'), `${f}: [\\s\\S]*`).toBe(false);
    }
  });
});

// Mutated templates (863 were tried in the audit; 8 answered INTERNAL): a part the writer scans
// besides the one it writes (here a second sheet whose formulas read the written cell) may be broken
// too, and whatever the writer finds wrong is a TemplateError naming the file, never a bare Error.
describe('malformed templates are refused naming the file', () => {
  const f = (ref: string) => `<c r="${ref}"><f>WBS!B2</f><v>1</v></c>`;
  const cases: [string, string, RegExp][] = [
    ['rows out of order', `<row r="3">${f('A3')}</row><row r="2">${f('A2')}</row>`, /rows are not in ascending order/],
    ['a row not closed', `<row r="2">${f('A2')}`, /row 2 is not closed/],
    ['a cell not closed', `<row r="2"><c r="A2"><f>WBS!B2</f><v>1</v></row>`, /is not closed/],
  ];
  for (const [what, data, message] of cases)
    it(what, async () => {
      const bytes = twoSheetTemplate(data);
      let err: unknown;
      try {
        await writeIntoTemplate(bytes, [], { fileName: 'form.xlsx', cells: [{ sheet: 'WBS', ref: 'B2', value: { value: { t: 'n', v: 2 } } }] });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TemplateError);
      expect((err as TemplateError).message).toMatch(/^form\.xlsx: /);
      expect((err as TemplateError).message).toMatch(message);
    });
});
