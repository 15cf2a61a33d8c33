// A workbook's cells as tests of painted gantt bands compare them: each cell as value | fill colour |
// left border, by address; a row's band as text (# a bar cell, . an empty one); the cells that differ
// outside given rows. Shared by the export's band tests and the import of a plan painted as fills.
import ExcelJS from 'exceljs';

/** Every cell of the sheet as value + fill colour + left border, by address. */
export async function cellsOf(bytes: Buffer, sheet: string): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const fg = cell.fill && cell.fill.type === 'pattern' && cell.fill.pattern === 'solid' ? (cell.fill.fgColor ?? {}) : null;
      const fill = fg === null ? '' : (fg.argb ?? ('theme' in fg ? `theme${String(fg.theme)}` : 'indexed' in fg ? `indexed${String(fg.indexed)}` : 'solid'));
      // A formula is compared by its text: the writer drops a result that a changed date makes stale.
      const v = cell.formula ? `=${cell.formula}` : cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : typeof cell.value === 'object' && cell.value !== null ? JSON.stringify(cell.value) : String(cell.value ?? '');
      out.set(cell.address, `${v}|${fill}|${cell.border?.left?.style ?? ''}`);
    }),
  );
  return out;
}

const letter = (c: number) => new ExcelJS.Workbook().addWorksheet('x').getColumn(c).letter;

/** The band of one row (`columns` columns from 1-based column `first`) as text: # a bar cell (by fill or ■ mark), . any other. */
export function bandOf(cells: Map<string, string>, row: number, columns: number, paint: 'fill' | 'mark' | 'formula', first: number, isBar: (fill: string) => boolean): string {
  let s = '';
  for (let k = 0; k < columns; k++) {
    const [v, fill] = (cells.get(`${letter(first + k)}${row}`) ?? '||').split('|');
    s += (paint === 'fill' ? isBar(fill!) : v === '■') ? '#' : '.';
  }
  return s;
}

/** Addresses whose value, fill or border differ, other than in the rows given. */
export function changedOutside(a: Map<string, string>, b: Map<string, string>, rows: number[]): string[] {
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const row = Number(/\d+$/.exec(k)![0]);
    if (rows.includes(row)) continue;
    if ((a.get(k) ?? '||') !== (b.get(k) ?? '||')) out.push(`${k}: ${a.get(k)} → ${b.get(k)}`);
  }
  return out;
}
