// The xlsx reader reads a sheet's <sheetData> straight from its text when it is written plainly
// (parse-xlsx.ts readDataFast), and the general way otherwise (a comment before <sheetData>, an inline
// string, a prefix…). Both readings must give the same model, the same refusals and the same notes, for
// every shape a cell is written in. (That the plain reading is the cheaper one is `npm run bench -- --only bigimport`'s
// to show, beside its floor: a CPU ratio asserted here failed on a loaded CI machine.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unpackWorkbook } from '../../electron/core/excel/model-pack.js';
import { readWorkbookBytes, readWorkbookPacked } from '../../electron/core/excel/parse-file.js';
import { readXlsx } from '../../electron/core/excel/parse-xlsx.js';
import { rawXlsx, sstXml } from '../fixtures/excel/xlsx.js';
import { zip } from '../fixtures/excel/zip.js';

const SST = sstXml(['タスク名', '担当者', 'a & b', '']);
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">';
const VIEW = '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="13.5"/><cols><col min="3" max="3" width="9" hidden="1"/></cols>';
const TAIL = '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="C2:C9"><formula1>"未着手,完了"</formula1></dataValidation></dataValidations></worksheet>';

/** The sheet part around `data`; `general` puts a comment before <sheetData>, which turns the plain reading off. */
const part = (data: string, general: boolean) => `${HEAD}${VIEW}${general ? '<!-- read the general way -->' : ''}<sheetData>${data}</sheetData>${TAIL}`;

const col = (c: number) => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** Every way a cell is written that the reader knows (k picks one), at column c of row r (1-based). */
function cellXml(k: number, r: number, c: number, withRef: boolean): string {
  const ref = withRef ? ` r="${col(c)}${r}"` : '';
  switch (k) {
    case 0: return `<c${ref} t="s"><v>${(r + c) % 5}</v></c>`; // 4 is past the shared strings: a note
    case 1: return `<c${ref}><v>${r * 1.5}</v></c>`;
    case 2: return `<c${ref} s="1"><v>${45000 + r}</v></c>`; // a date by its style
    case 3: return `<c${ref} s="2"><v>0.${r % 10}</v></c>`;
    case 4: return `<c${ref} s="3" t="s"><v>1</v></c>`; // indented
    case 5: return `<c${ref} t="str"><f>A1&amp;"x"</f><v>a&amp;b&lt;c</v></c>`;
    case 6: return `<c${ref} t="b"><v>${r % 2}</v></c>`;
    case 7: return `<c${ref} t="e"><v>#N/A</v></c>`;
    case 8: return `<c${ref} t="d"><v>2025-04-0${(r % 9) + 1}T00:00:00</v></c>`;
    case 9: return `<c${ref}><f>ROW()-1</f></c>`; // a formula never calculated
    case 10: return `<c${ref} s="1"/>`;
    case 11: return `<c${ref}><f t="shared" si="0"/><v>${r}</v></c>`;
    case 12: return `<c${ref} t="str"><v>行1\r\n行2&#13;</v></c>`;
    case 13: return `<c${ref} t="str"><v>設計 ${r}（画面）</v></c>`;
    case 14: return `<c ${ref.trim()} t = 's' ><v>2</v></c >`;
    case 15: return `<c${ref}><v></v></c>`;
    case 16: return `<c${ref} t="s"><v/></c>`;
    case 17: return `<c${ref}><v>abc</v></c>`; // no number: a note
    case 18: return `<c${ref} t="inlineStr"><is><t>インライン</t></is></c>`; // the general way from here
    case 19: return `<c${ref} t="s"><v>3</v></c>`; // an empty shared string
    case 20: return `<c${ref} t="s"><v>1</v><v> 2 </v></c>`; // the last value counts
    case 21: return `<c${ref} t="s"><v>2</v><v>x</v></c>`;
    case 22: return `<c${ref.toLowerCase()} s="0001" t="&#115;"><v>0</v></c>`;
    case 23: return `<c${ref} s="12345678"><v>1</v></c>`; // past the styles
    case 24: return `<c r="AAAA${r}"><v>1</v></c>`; // a malformed reference: refused
    case 25: return `<c${ref} t="n" s=""><v>00012</v></c>`;
    case 26: return `<c${ref} t="s"><v/></c>`;
    default: return `<x:c${ref}><x:v>7</x:v></x:c>`; // a prefix: the general way
  }
}

const rowAttrs = (r: number, a: number, withRef: boolean) =>
  `${withRef ? ` r="${r}"` : ''}${a & 1 ? ` spans="1:5"` : ''}${a & 2 ? ` outlineLevel="${(a >> 2) % 8}"` : ''}${a & 32 ? ` hidden="1"` : ''}${a & 64 ? ` x14ac:dyDescent="0.25"` : ''}`;

const sheetArb = (kinds: number): fc.Arbitrary<RowSpec[]> =>
  fc.array(
    fc.record({
      gap: fc.integer({ min: 0, max: 3 }),
      attrs: fc.integer({ min: 0, max: 127 }),
      rowRef: fc.boolean(),
      cells: fc.array(fc.record({ k: fc.integer({ min: 0, max: kinds - 1 }), gap: fc.integer({ min: 0, max: 2 }), ref: fc.boolean() }), { maxLength: 8 }),
      selfClosing: fc.boolean(),
    }),
    { maxLength: 12 },
  );

interface RowSpec {
  gap: number;
  attrs: number;
  rowRef: boolean;
  selfClosing: boolean;
  cells: { k: number; gap: number; ref: boolean }[];
}

function sheetData(rows: RowSpec[]): string {
  let r = 0;
  return rows
    .map((row) => {
      r += 1 + row.gap;
      let c = -1;
      const cells = row.cells.map((x) => cellXml(x.k, r, (c += 1 + x.gap), x.ref || !row.rowRef)).join('\n');
      return cells === '' && row.selfClosing ? `<row${rowAttrs(r, row.attrs, row.rowRef)}/>` : `<row${rowAttrs(r, row.attrs, row.rowRef)}>${cells}</row>`;
    })
    .join('\n');
}

/** The model, or the refusal, of the sheet read one way. */
function read(data: string, general: boolean): unknown {
  try {
    return readXlsx(rawXlsx({ sheet: part(data, general), sst: SST }), 't.xlsx');
  } catch (err) {
    return { refused: (err as Error).message };
  }
}

describe('the plain reading of sheet data', () => {
  it('gives the model, the notes and the refusals of the general reading, for every shape of cell', () => {
    fc.assert(
      fc.property(sheetArb(28), (rows) => {
        const data = sheetData(rows);
        expect(read(data, false)).toEqual(read(data, true));
      }),
      { numRuns: 400 },
    );
  });

  it('reads a plain sheet as the general way does, cell for cell', () => {
    const data = sheetData(Array.from({ length: 30 }, (_, i) => ({ gap: i % 2, attrs: i * 5, rowRef: i % 3 !== 0, selfClosing: false, cells: Array.from({ length: 18 }, (_, k) => ({ k, gap: 0, ref: k % 4 !== 0 })) })));
    const model = read(data, false) as { sheets: { rows: unknown[]; frozen?: unknown; hiddenColumns?: unknown; lists?: unknown }[]; notes: string[] };
    expect(model).toEqual(read(data, true));
    expect(model.sheets[0]!.rows).toHaveLength(30);
    // What lies around the data is read too (the pane, the hidden column, the list, the merge).
    expect(model.sheets[0]!.frozen).toEqual({ rows: 1, cols: 0 });
    expect(model.sheets[0]!.hiddenColumns).toEqual([{ c1: 2, c2: 2 }]);
    expect(model.sheets[0]!.lists).toHaveLength(1);
    expect(model.notes.length).toBe(2);
  });

  it('refuses what the general reading refuses, naming the same cell', () => {
    for (const bad of ['<row r="1"><c r="1A"><v>1</v></c></row>', '<row r="0"><c><v>1</v></c></row>', '<row r="2"><c r="XFE2"><v>1</v></c></row>']) {
      const plain = read(bad, false) as { refused?: string };
      expect(plain.refused).toMatch(/damaged/);
      expect(plain).toEqual(read(bad, true));
    }
  });
});

/** The model read as the reader's process reads it (cells packed as they are read), unpacked; or the refusal. */
function readPacked(buf: Buffer): unknown {
  try {
    return unpackWorkbook(readWorkbookPacked(buf, 't.xlsx').packed);
  } catch (err) {
    return { refused: (err as Error).message };
  }
}

/** The sheet data with its rows, and each row's cells, in the order `order` picks (a file another tool wrote). */
function shuffled(rows: RowSpec[], order: number): string {
  const data = sheetData(rows.map((row) => ({ ...row, rowRef: true, cells: row.cells.map((x) => ({ ...x, ref: true })) })));
  const rowTexts = data.split('\n<row').map((t, i) => (i === 0 ? t : `<row${t}`));
  const turn = <T,>(xs: T[], by: number) => (xs.length === 0 ? xs : [...xs.slice(by % xs.length), ...xs.slice(0, by % xs.length)]);
  return turn(rowTexts, order)
    .map((t) => {
      const m = /^(<row[^>]*>)([\s\S]*)(<\/row>)$/.exec(t);
      if (!m || order % 2 === 0) return t;
      return m[1] + m[2]!.split('\n').reverse().join('\n') + m[3];
    })
    .join('\n');
}

describe('the reader process packs the cells as it reads them (readWorkbookPacked)', () => {
  it('gives the model, the notes and the refusals readXlsx gives, rows and cells in order or not, read the plain way or the general', () => {
    fc.assert(
      fc.property(sheetArb(28), fc.integer({ min: 0, max: 20 }), fc.boolean(), (rows, order, general) => {
        for (const data of [sheetData(rows), shuffled(rows, order)]) {
          const buf = rawXlsx({ sheet: part(data, general), sst: SST });
          expect(readPacked(buf)).toEqual(read(data, general));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('packs each sheet of a workbook, empty and left-out sheets too, and a row repeated out of order stays two rows', () => {
    const sheet = (data: string) => `${HEAD}<sheetData>${data}</sheetData></worksheet>`;
    const twice = '<row r="3"><c r="B3"><v>2</v></c><c r="A3"><v>1</v></c></row><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="C3"><v>3</v></c></row>';
    // Four sheets: out of order, empty, one row, and one whose part is missing.
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const names = ['WBS', 'Empty', 'Lists', 'Gone'];
    const buf = zip([
      { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>' },
      { name: 'xl/workbook.xml', data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets>${names.map((n, k) => `<sheet name="${n}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join('')}</sheets></workbook>` },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, k) => `<Relationship Id="rId${k + 1}" Type="${R}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`).join('')}<Relationship Id="rId9" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      },
      { name: 'xl/worksheets/sheet1.xml', data: sheet(twice) },
      { name: 'xl/worksheets/sheet2.xml', data: sheet('') },
      { name: 'xl/worksheets/sheet3.xml', data: sheet('<row r="2"><c r="A2" t="s"><v>1</v></c></row>') },
      { name: 'xl/sharedStrings.xml', data: SST },
    ]);
    const model = readXlsx(buf, 't.xlsx');
    expect(model.sheets.map((s) => [s.name, s.rows.map((r) => [r.r, r.cells.map((c) => c.v)]), s.skipped ?? null])).toEqual([
      ['WBS', [[0, ['タスク名']], [2, [1, 2]], [2, [3]]], null],
      ['Empty', [], null],
      ['Lists', [[1, ['担当者']]], null],
      ['Gone', [], 'its part is missing from the file'],
    ]);
    expect(readPacked(buf)).toEqual(model);
  });

  it('refuses a file the way readWorkbookBytes does', () => {
    expect(() => readWorkbookPacked(Buffer.alloc(0), 'e.xlsx')).toThrow(/e\.xlsx: is empty/);
    expect(() => readWorkbookPacked(Buffer.from('%PDF-1.4'), 'p.xlsx')).toThrow(/PDF/);
    // A CSV is read as objects and packed after: the same model.
    const csv = Buffer.from('タスク名,担当者\n設計,山田\n');
    expect(unpackWorkbook(readWorkbookPacked(csv, 'plan.csv').packed)).toEqual(readWorkbookBytes(csv, 'plan.csv'));
  });
});
