// A numbering formula that tests a cell of its own row for blank (=IF(B7="","",ROW()-6), so prepared
// rows print no number) is computed where its row moved or was added, as a bare =ROW()-6 is: its cached
// result was dropped, and readers that take cached results (openpyxl, pandas, LibreOffice without
// recalculation, our own import) showed an empty No. (blind set 16 E2, defect-library-opac). Generated
// variants: several shapes of the formula × deletes, moves and adds; a formula beyond what the exporter
// evaluates (LEN, another row's cell) is left to the recalculation on open, as before.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { knownCells, positionalValue } from '../../electron/core/excel/template/formula-value.js';
import { writeIntoTemplate, type TableWrite } from '../../electron/core/excel/template/index.js';
import { readZipDirectory, ZipReader } from '../../electron/core/excel/zip.js';
import type { CellTok } from '../../electron/core/excel/template/sheet-rows.js';
import { unescapeXml } from '../../electron/core/excel/template/xml-text.js';

const HEADER = 6;
const FIRST = 7;
const RECORDS = 6; // rows 7..12
const PREPARED = 3; // rows 13..15: the formula, no title

/** A formula shape at row r, and what it shows there for a title that is given or blank. */
interface Shape {
  name: string;
  at: (r: number) => string;
  shows: (r: number, titled: boolean) => string;
  /** Whether the exporter evaluates it (else its result is left to the recalculation on open). */
  known: boolean;
}
const SHAPES: Shape[] = [
  { name: 'IF(B="","",ROW()-k)', at: (r) => `IF(B${r}="","",ROW()-${HEADER})`, shows: (r, t) => (t ? String(r - HEADER) : ''), known: true },
  { name: 'IF(B<>"",ROW()-k,"") with an absolute column', at: (r) => `IF($B${r}<>"",ROW()-${HEADER},"")`, shows: (r, t) => (t ? String(r - HEADER) : ''), known: true },
  { name: 'IF(B="","",ROW()-ROW(the header))', at: (r) => `IF(B${r}="","",ROW()-ROW($A$${HEADER}))`, shows: (r, t) => (t ? String(r - HEADER) : ''), known: true },
  { name: 'ROW()-ROW(the header)', at: () => `ROW()-ROW($A$${HEADER})`, shows: (r) => String(r - HEADER), known: true },
  { name: 'IF(B="","","D-"&TEXT(ROW()-k,"000"))', at: (r) => `IF(B${r}="","","D-"&TEXT(ROW()-${HEADER},"000"))`, shows: (r, t) => (t ? `D-${String(r - HEADER).padStart(3, '0')}` : ''), known: true },
  { name: 'IF(LEN(B)=0,"",ROW()-k)', at: (r) => `IF(LEN(B${r})=0,"",ROW()-${HEADER})`, shows: (r, t) => (t ? String(r - HEADER) : ''), known: false },
];

async function register(shape: Shape): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Defects');
  ws.getCell('A1').value = 'OPAC defects';
  ['No', 'Title', 'Days'].forEach((h, c) => (ws.getCell(HEADER, c + 1).value = h));
  for (let r = FIRST; r < FIRST + RECORDS + PREPARED; r++) {
    const titled = r < FIRST + RECORDS;
    const shown = shape.shows(r, titled);
    ws.getCell(r, 1).value = { formula: shape.at(r), result: /^\d+$/.test(shown) ? Number(shown) : shown } as never;
    if (titled) {
      ws.getCell(r, 2).value = `defect ${r}`;
      ws.getCell(r, 3).value = r;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sheetXml(buf: Uint8Array): string {
  const b = Buffer.from(buf);
  return new ZipReader(b, readZipDirectory(b, 'x.xlsx'), 'x.xlsx').bytes('xl/worksheets/sheet1.xml')!.toString('utf8');
}
const cell = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`).exec(xml)?.[0] ?? '';
const result = (xml: string, ref: string) => {
  const c = cell(xml, ref);
  const v = /<v>([^<]*)<\/v>/.exec(c);
  return v ? v[1]! : /<v\/>|<v><\/v>/.test(c) ? '' : null;
};

const formula = (xml: string, ref: string) => unescapeXml(/<f>([^<]*)<\/f>/.exec(cell(xml, ref))?.[1] ?? '');
const keep = (row: number) => ({ row });
const title = (v: string) => [undefined, { value: { t: 's' as const, v } }];
/** The edits: which template rows stay, in which order, and how many new titled rows follow. */
// A new record is a copy of a template row (as the export adds them), its title written after.
const EDITS: { name: string; order: { row: number; clone?: boolean }[]; added: number }[] = [
  { name: 'deletes at the top and middle', order: [8, 10, 11, 12].map(keep), added: 0 },
  { name: 'a move up and a delete', order: [12, 7, 8, 9, 11].map(keep), added: 0 },
  { name: 'adds after the records', order: [...[7, 8, 9, 10, 11, 12].map(keep), { row: 12, clone: true }, { row: 12, clone: true }], added: 2 },
  { name: 'a delete and an add', order: [...[7, 9, 10, 11, 12].map(keep), { row: 7, clone: true }], added: 1 },
];

describe('own-row formulas with a blank test, where rows moved or were added', () => {
  for (const shape of SHAPES)
    it.each(EDITS)(`${shape.name}: $name`, async ({ order, added }) => {
      const rows = [...order.slice(0, order.length - added).map(() => [undefined, undefined]), ...Array.from({ length: added }, (_, k) => title(`new ${k}`))];
      const w: TableWrite = { sheet: 'Defects', firstRow: FIRST, lastRow: FIRST + RECORDS - 1, columns: [0, 1], rows, order };
      const xml = sheetXml(await writeIntoTemplate(await register(shape), [w]));
      const last = FIRST + rows.length - 1;
      // Every record's No. (kept, moved or new) and every prepared row's, where it now is.
      for (let r = FIRST; r <= last + PREPARED; r++) {
        const at = `A${r}`;
        expect(formula(xml, at), at).toBe(shape.at(r));
        const moved = r > last ? rows.length !== RECORDS : order[r - FIRST]!.row !== r || !!order[r - FIRST]!.clone;
        if (!shape.known && moved) expect(result(xml, at), at).toBeNull();
        else expect(result(xml, at), at).toBe(shape.shows(r, r <= last));
      }
    });
});

describe('positionalValue over the cells of its own row', () => {
  const cells = { 1: { t: 's', v: 'defect' }, 2: null, 3: { t: 'n', v: 0 } } as const;
  const at = (col: number) => (col in cells ? cells[col as 1 | 2 | 3] : undefined);
  it('tests a cell of its row for blank, and reads a reference’s row', () => {
    expect(positionalValue('IF(B7="","",ROW()-6)', 7, 0, at)).toEqual({ t: 'n', v: 1 });
    expect(positionalValue('IF(C7="","",ROW()-6)', 7, 0, at)).toEqual({ t: 's', v: '' });
    expect(positionalValue('IF($B7<>"",ROW()-6,"")', 7, 0, at)).toEqual({ t: 'n', v: 1 });
    expect(positionalValue('IF(D7=0,"-",ROW())', 7, 0, at)).toEqual({ t: 's', v: '-' });
    expect(positionalValue('ROW()-ROW($A$6)', 9, 0)).toEqual({ t: 'n', v: 3 });
    expect(positionalValue('IF(b7="DEFECT",ROW(),0)', 7, 0, at)).toEqual({ t: 'n', v: 7 });
  });
  it('knows nothing of another row, a cell it is not told, or another function', () => {
    expect(positionalValue('IF(B6="","",ROW()-6)', 7, 0, at)).toBeNull();
    expect(positionalValue('IF(E7="","",ROW()-6)', 7, 0, at)).toBeNull();
    expect(positionalValue('IF(B7="","",ROW()-6)', 7, 0)).toBeNull();
    expect(positionalValue('IF(LEN(B7)=0,"",ROW()-6)', 7, 0, at)).toBeNull();
    expect(positionalValue('IF(B7="",TRUE,ROW())', 7, 0, at)).toBeNull();
    expect(positionalValue('ROW()=7', 7, 0, at)).toBeNull();
  });
  // Corpus round trip seed 27 (budget-en-rk): a comment written into I of a row whose total is
  // =SUM(C13:I13) made the total stale, and its result was dropped, though the figures it adds were not written.
  it('sums its own row’s figures (texts and blanks count nothing), and knows nothing of another row or a cell it is not told', () => {
    const figures = { 2: { t: 'n', v: 6000 }, 3: null, 7: { t: 'n', v: 1000 }, 8: { t: 's', v: 'Team formation' } } as const;
    const known = (col: number) => (col >= 2 && col <= 8 ? ((figures as Record<number, { t: 'n'; v: number } | { t: 's'; v: string } | null>)[col] ?? null) : undefined);
    expect(positionalValue('SUM(C13:I13)', 13, 9, known)).toEqual({ t: 'n', v: 7000 });
    expect(positionalValue('SUM($C13:$I13)+1', 13, 9, known)).toEqual({ t: 'n', v: 7001 });
    expect(positionalValue('SUM(C13:D13,H13)', 13, 9, known)).toEqual({ t: 'n', v: 7000 });
    expect(positionalValue('SUM(C12:I12)', 13, 9, known)).toBeNull();
    expect(positionalValue('SUM(B13:I13)', 13, 9, known)).toBeNull();
    expect(positionalValue('SUM(C13:I13)', 13, 9)).toBeNull();
    expect(positionalValue('SUM(I13)', 13, 9, known)).toBeNull();
  });
  it('reads a row’s constants, never a formula’s cached result', () => {
    const tok = (col: number, t: string | undefined, v: string | null, f = false) => ({ col, t, v, f: f ? { type: 'normal', text: 'X' } : null, inline: null }) as unknown as CellTok;
    const row = knownCells([tok(1, 's', '0'), tok(2, undefined, '12'), tok(3, 'str', 'x', true), tok(4, 'b', '1')], (i) => ['first'][i]);
    expect([row(0), row(1), row(2), row(3), row(4)]).toEqual([null, { t: 's', v: 'first' }, { t: 'n', v: 12 }, undefined, undefined]);
  });
});
