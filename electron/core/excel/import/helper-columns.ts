// Helper columns of a table: the workbook's own calculations for its formulas, not the client's data
// (issue 11: risk-en-tjeresources's BL.showValues / BL.impactIndex … and its Severity Index were kept
// as the client's columns, six to seven empty-to-a-person values on every risk). A person reads them as
// machinery and imports nothing from them. Three families, each filled by formulas only (a typed value
// is the client's, whatever its head says):
// - heads named as code names them, a namespace and a name (BL.showValues, calc.total), two or more
//   side by side under one namespace;
// - a head that is another column's head with an index word after it (Severity Index beside Severity,
//   優先度順 beside 優先度), holding numbers: that column's word as a number, for sorting or a matrix;
// - a hidden column (its formulas keep the sheet working; shown, it would be data).
// They are left out of the layout, like a date grid's days; the export leaves their cells as they are.
import type { Cell } from '../../../common/excel/model.js';
import type { ColumnMapping } from '../../../common/excel/preview.js';
import type { SheetIndex } from './sheet-index.js';

/** Rows under the header looked at. */
const LOOK_ROWS = 200;

/** A head as code names a value: a namespace, a dot, a name (no spaces). */
const CODE_NAME = /^([A-Za-z][A-Za-z0-9_]*)\.[A-Za-z_][A-Za-z0-9_]*$/;

/** Words after another column's head that make a number of it: Severity Index, Priority Order, 重要度順, 優先度(数値). */
const INDEX_WORD = /^(?:index|idx|order|sort(?:\s*(?:key|order))?|no\.?|num(?:ber)?|value|順|順位|番号|数値|値|ソート(?:用|キー)?)$/i;

const own = (m: ColumnMapping) => m.label.split(' / ').pop()!.trim();
const filled = (cell: Cell) => !(cell.t === 's' && (cell.v as string).trim() === '') && cell.v !== null;

/** The layout's columns without the helper columns no field took (see the file's head). */
export function withoutHelperColumns(ix: SheetIndex, columns: ColumnMapping[], bottom: number): ColumnMapping[] {
  const open = columns.filter((m) => m.field === null);
  if (open.length === 0) return columns;
  const below = ix.rowsBelow(bottom, LOOK_ROWS);
  // Each column's filled cells under the header; a column is a helper's only when all of them are formulas.
  const cellsOf = (m: ColumnMapping) => below.flatMap((row) => row.cells.filter((c) => c.c >= m.c && c.c < m.c + m.span && filled(c)));
  const formulasOnly = (cells: Cell[]) => cells.length > 0 && cells.every((c) => !!c.f);
  const hidden = ix.sheet.hiddenColumns ?? [];
  const namespaces = new Map<string, number>();
  for (const m of columns) {
    const ns = CODE_NAME.exec(own(m))?.[1];
    if (ns) namespaces.set(ns, (namespaces.get(ns) ?? 0) + 1);
  }
  const heads = columns.map(own);
  const helper = (m: ColumnMapping): boolean => {
    const cells = cellsOf(m);
    if (!formulasOnly(cells)) return false;
    if (hidden.some((h) => h.c1 <= m.c && m.c + m.span - 1 <= h.c2)) return true;
    const head = own(m);
    const ns = CODE_NAME.exec(head)?.[1];
    if (ns && namespaces.get(ns)! >= 2) return true;
    const indexOf = heads.some((other) => other !== head && other.length > 0 && head.startsWith(other) && INDEX_WORD.test(head.slice(other.length).replace(/^[\s(（_-]+|[)）]$/g, '').trim()));
    return indexOf && cells.every((c) => c.t === 'n');
  };
  const drop = new Set(open.filter(helper));
  return drop.size === 0 ? columns : columns.filter((m) => !drop.has(m));
}
