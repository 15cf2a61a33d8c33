// Cached formula results that our writes made stale. A formula cell stores its last result (<v>);
// Excel recalculates on open when asked (fullCalcOnLoad), but LibreOffice (default "never
// recalculate" for Excel files) and any reader that takes cached values show the old result. So the
// result of every formula that reads a changed cell — directly, through a range, a defined name, a
// table, or another formula that does — is dropped, and those cells are computed on open. Formulas
// reading nothing we changed keep their results. Volatile references (INDIRECT, OFFSET), 3D
// references and structured references we cannot place count as reading everything. A formula of its
// own row's position and constants (=IF(B7="","",ROW()-6)) is computed from the row's final cells instead
// (formula-value.ts), as a reader that does not recalculate must show a number there.
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from '../limits.js';
import { rewriteRefs, translate } from './formula.js';
import type { Package } from './package.js';
import { colIndex, sameSheet, shiftRow, type Resize } from './refs.js';
import { findSheetData, parseCells, parseRows, rowsContaining, type CellTok, type RowTok } from './sheet-rows.js';
import { attr, escapeText, setAttr, Splicer, toBytes, xmlText } from './xml-text.js';
import { numText } from './cells.js';
import { knownCells, positionalValue, type RowCell } from './formula-value.js';

interface Rect {
  r1: number;
  r2: number;
  c1: number;
  c2: number;
}

const key = (sheet: string) => sheet.toLocaleUpperCase('en-US');

/** The cells our writes changed, per sheet, as rectangles (a superset is fine: it only drops more). */
export class DirtyCells {
  readonly bySheet = new Map<string, Rect[]>();
  /** Whole new rows per sheet: their formula cells are new (no cached result) and need no scan. */
  readonly newRows = new Map<string, Rect[]>();

  add(sheet: string, r1: number, r2: number, c1: number, c2: number, newRows = false): void {
    const list = this.bySheet.get(key(sheet)) ?? [];
    list.push({ r1, r2, c1, c2 });
    this.bySheet.set(key(sheet), list);
    if (newRows) {
      const n = this.newRows.get(key(sheet)) ?? [];
      n.push({ r1, r2, c1: 0, c2: EXCEL_MAX_COLUMNS - 1 });
      this.newRows.set(key(sheet), n);
    }
  }

  get empty(): boolean {
    return this.bySheet.size === 0;
  }

  /** Rows inserted on a sheet move what was recorded before. */
  shift(z: Resize): void {
    for (const map of [this.bySheet, this.newRows])
      for (const r of map.get(key(z.sheet)) ?? []) {
        r.r1 = shiftRow(r.r1, z);
        r.r2 = Math.min(shiftRow(r.r2, z), EXCEL_MAX_ROWS);
      }
  }

  hits(sheet: string, q: Rect): boolean {
    for (const r of this.bySheet.get(key(sheet)) ?? []) if (q.r1 <= r.r2 && r.r1 <= q.r2 && q.c1 <= r.c2 && r.c1 <= q.c2) return true;
    return false;
  }

  inNewRows(sheet: string, row: number): boolean {
    for (const r of this.newRows.get(key(sheet)) ?? []) if (row >= r.r1 && row <= r.r2) return true;
    return false;
  }
}

interface FormulaNode {
  sheet: string;
  part: string;
  row: number;
  col: number;
  cell: CellTok;
  /** Its formula's text (a shared child's translated), and its row. */
  text: string;
  rowTok: RowTok;
  /** The sheet's namespace prefix ('' or 'x:'). */
  prefix: string;
  deps: { sheet: string; rect: Rect }[];
  /** Reads something we cannot place: stale whenever anything changed. */
  always: boolean;
  stale: boolean;
}

interface Table {
  sheet: string;
  rect: Rect;
  /** Its columns' names, left to right (upper case). */
  columns: string[];
}

const VOLATILE = new Set(['INDIRECT', 'OFFSET', '_XLFN.INDIRECT']);

function rectOf(ref: string): Rect | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref);
  if (!m) return null;
  const c1 = colIndex(m[1]!);
  const c2 = m[3] ? colIndex(m[3]) : c1;
  const r1 = Number(m[2]);
  const r2 = m[4] ? Number(m[4]) : r1;
  return { r1: Math.min(r1, r2), r2: Math.max(r1, r2), c1: Math.min(c1, c2), c2: Math.max(c1, c2) };
}

/** The balanced '[…]' of f starting at `at`. */
function bracketAt(f: string, at: number): string {
  let depth = 0;
  for (let j = at; j < f.length; j++) {
    if (f[j] === '[') depth++;
    else if (f[j] === ']' && --depth === 0) return f.slice(at, j + 1);
    else if (f[j] === "'") j++;
  }
  return f.slice(at);
}

/**
 * What a structured reference's brackets name: the formula's own row (@, [#This Row]) and the columns
 * ([Key], [[#Data],[A]:[B]]; none: all of them). Special items other than #This Row (#All, #Data,
 * #Headers, #Totals) name rows of the whole table.
 */
function structuredRef(spec: string): { thisRow: boolean; columns: string[] } {
  let body = spec.slice(1, -1).trim();
  let thisRow = false;
  if (body.startsWith('@')) {
    thisRow = true;
    body = body.slice(1).trim();
  }
  const items = body.startsWith('[') ? [...body.matchAll(/\[((?:'.|[^\]'])*)\]/g)].map((m) => m[1]!) : body === '' ? [] : [body];
  const columns: string[] = [];
  for (const raw of items) {
    const item = raw.replace(/'(.)/g, '$1').trim();
    if (/^#this row$/i.test(item)) thisRow = true;
    else if (!item.startsWith('#')) columns.push(item);
  }
  return { thisRow, columns };
}

/** Drops stale cached results (computes those formula-value.ts can: positionalValue over the row's final constants); returns how many changed. */
export function dropStaleResults(pkg: Package, dirty: DirtyCells, stringAt: (i: number) => string | undefined): number {
  if (dirty.empty) return 0;
  const names = new Map<string, { text: string; local: string | null }[]>();
  const wb = pkg.read(pkg.workbookPart)!;
  for (const m of wb.matchAll(/<((?:[A-Za-z_][\w.-]*:)?)definedName(?=[\s>])([^<>]*)>([^<]*)<\/\1definedName>/g)) {
    const tag = `<x ${m[2]}>`;
    const name = key(xmlText(attr(tag, 'name') ?? ''));
    const local = attr(tag, 'localSheetId');
    const list = names.get(name) ?? [];
    list.push({ text: xmlText(m[3]!), local: local !== undefined ? (pkg.sheets[Number(local)]?.name ?? null) : null });
    names.set(name, list);
  }
  const tables = new Map<string, Table>();
  const tablesOf = new Map<string, Table[]>();
  for (const s of pkg.sheets) {
    if (s.kind !== 'worksheet' || s.part === null) continue;
    for (const rel of pkg.rels(s.part)) {
      if (rel.type !== 'table' || rel.external) continue;
      const t = pkg.read(rel.target);
      const tag = t ? /<(?:[A-Za-z_][\w.-]*:)?table(?=[\s>])[^<>]*>/.exec(t) : null;
      const rect = tag ? rectOf(attr(tag[0], 'ref') ?? '') : null;
      if (!tag || !rect) continue;
      const columns = [...t!.matchAll(/<(?:[A-Za-z_][\w.-]*:)?tableColumn(?=[\s>/])[^<>]*>/g)].map((c) => key(xmlText(attr(c[0], 'name') ?? '')));
      const table = { sheet: s.name, rect, columns };
      for (const a of ['name', 'displayName']) {
        const n = attr(tag[0], a);
        if (n) tables.set(key(xmlText(n)), table);
      }
      tablesOf.set(key(s.name), [...(tablesOf.get(key(s.name)) ?? []), table]);
    }
  }

  /** What a formula on `home` at (row, col) reads. */
  const depsOf = (f: string, home: string | null, row: number, col: number, depth = 0): { deps: FormulaNode['deps']; always: boolean } => {
    const deps: FormulaNode['deps'] = [];
    let always = false;
    rewriteRefs(
      f,
      (ref) => {
        if (ref.external) return null;
        if (ref.multiSheet) {
          always = true;
          return null;
        }
        const sheet = ref.sheet ?? home;
        if (sheet === null) return null;
        const rows = ref.rows.map((p) => p.row);
        const cols = ref.cols.map((p) => p.col);
        const rect: Rect =
          ref.kind === 'rows'
            ? { r1: Math.min(...rows), r2: Math.max(...rows), c1: 0, c2: EXCEL_MAX_COLUMNS - 1 }
            : ref.kind === 'cols'
              ? { r1: 1, r2: EXCEL_MAX_ROWS, c1: Math.min(...cols), c2: Math.max(...cols) }
              : { r1: Math.min(...rows), r2: Math.max(...rows), c1: Math.min(...cols), c2: Math.max(...cols) };
        deps.push({ sheet, rect });
        return null;
      },
      (word, next, at) => {
        const w = key(word);
        if (next === '(') {
          if (VOLATILE.has(w)) always = true;
          return;
        }
        if (next === '[') {
          // A reference to the formula's own row of a table ([@Key], Table[[#This Row],[Key]]) reads that
          // row alone: a row written elsewhere in the table (a new record) leaves its result as it was.
          // A reference to some of a table's columns (EXP_Risks[Summary]) reads those columns alone.
          const spec = at !== undefined ? structuredRef(bracketAt(f, at)) : { thisRow: false, columns: [] };
          const within = (t: Table, rowOfCell: boolean): Rect => {
            const at = spec.columns.map((c) => t.columns.indexOf(key(c)));
            const cols = at.length > 0 && at.every((k) => k >= 0) ? { c1: t.rect.c1 + Math.min(...at), c2: t.rect.c1 + Math.max(...at) } : { c1: t.rect.c1, c2: t.rect.c2 };
            return spec.thisRow && rowOfCell ? { r1: row, r2: row, ...cols } : { r1: t.rect.r1, r2: t.rect.r2, ...cols };
          };
          if (word === '') {
            // An unqualified structured reference ([@Amount]): the table around the cell.
            const t = home !== null ? (tablesOf.get(key(home)) ?? []).find((x) => row >= x.rect.r1 && row <= x.rect.r2 && col >= x.rect.c1 && col <= x.rect.c2) : undefined;
            if (t) deps.push({ sheet: t.sheet, rect: within(t, true) });
            else always = true;
            return;
          }
          const t = tables.get(w);
          // (#This Row of a table on another sheet than the formula's names no row of it: the whole table.)
          if (t) deps.push({ sheet: t.sheet, rect: within(t, home !== null && sameSheet(t.sheet, home)) });
          else always = true;
          return;
        }
        const defs = names.get(w);
        if (!defs) return; // TRUE, FALSE, and words that are neither
        if (depth > 4) {
          always = true;
          return;
        }
        const def = defs.find((d) => d.local !== null && home !== null && sameSheet(d.local, home)) ?? defs.find((d) => d.local === null) ?? defs[0]!;
        const inner = depsOf(def.text, def.local ?? home, row, col, depth + 1);
        deps.push(...inner.deps);
        if (inner.always) always = true;
      },
    );
    return { deps, always };
  };

  // Every formula cell with a cached result, or one that others may read through.
  const nodes: FormulaNode[] = [];
  const texts = new Map<string, string>();
  for (const s of pkg.sheets) {
    if (s.kind !== 'worksheet' || s.part === null) continue;
    const xml = pkg.read(s.part)!;
    texts.set(s.part, xml);
    const sd = findSheetData(xml);
    if (!sd) continue;
    const fOpen = `<${sd.prefix}f`;
    const firstF = xml.indexOf(fOpen, sd.openEnd);
    if (firstF < 0 || firstF >= sd.innerEnd) continue;
    const masters = new Map<string, { text: string; row: number; col: number }>();
    const rows = parseRows(xml, sd);
    const hasF = rowsContaining(xml, rows, fOpen);
    for (const [i, row] of rows.entries()) {
      if (!hasF[i] || dirty.inNewRows(s.name, row.num)) continue;
      for (const c of parseCells(xml, row, sd.prefix)) {
        if (!c.f) continue;
        let text = c.f.text;
        const si = attr(c.f.openTag, 'si');
        if (c.f.type === 'shared' && si !== undefined) {
          if (attr(c.f.openTag, 'ref') !== undefined) masters.set(si, { text, row: row.num, col: c.col });
          else {
            const m = masters.get(si);
            text = m ? translate(m.text, row.num - m.row, c.col - m.col) : '';
          }
        }
        const { deps, always } = text === '' ? { deps: [], always: true } : depsOf(text, s.name, row.num, c.col);
        nodes.push({ sheet: s.name, part: s.part, row: row.num, col: c.col, cell: c, text, rowTok: row, prefix: sd.prefix, deps, always, stale: false });
      }
    }
  }
  if (nodes.length === 0) return 0;

  // Readers by the cells they read: narrow ranges bucketed by row, wide ones listed.
  const narrow = new Map<string, Map<number, number[]>>();
  const wide: number[] = [];
  nodes.forEach((n, i) => {
    for (const d of n.deps) {
      if (d.rect.r2 - d.rect.r1 > 64) {
        wide.push(i);
        continue;
      }
      const sheetMap = narrow.get(key(d.sheet)) ?? new Map<number, number[]>();
      narrow.set(key(d.sheet), sheetMap);
      for (let r = d.rect.r1; r <= d.rect.r2; r++) {
        const list = sheetMap.get(r) ?? [];
        list.push(i);
        sheetMap.set(r, list);
      }
    }
  });
  const queue: number[] = [];
  const mark = (i: number) => {
    if (nodes[i]!.stale) return;
    nodes[i]!.stale = true;
    queue.push(i);
  };
  nodes.forEach((n, i) => {
    if (n.always || n.deps.some((d) => dirty.hits(d.sheet, d.rect))) mark(i);
  });
  const reads = (n: FormulaNode, sheet: string, row: number, col: number) => n.deps.some((d) => sameSheet(d.sheet, sheet) && row >= d.rect.r1 && row <= d.rect.r2 && col >= d.rect.c1 && col <= d.rect.c2);
  while (queue.length > 0) {
    const src = nodes[queue.pop()!]!;
    for (const i of narrow.get(key(src.sheet))?.get(src.row) ?? []) if (!nodes[i]!.stale && reads(nodes[i]!, src.sheet, src.row, src.col)) mark(i);
    for (const i of wide) if (!nodes[i]!.stale && reads(nodes[i]!, src.sheet, src.row, src.col)) mark(i);
  }

  let dropped = 0;
  const splicers = new Map<string, Splicer>();
  for (const n of nodes) {
    if (!n.stale) continue;
    // A formula of its own row's position and constants (=IF(B7="","",ROW()-6) on a record whose title
    // was written, or on a copied row) shows what those final cells give: computed, not dropped.
    let own: RowCell | undefined;
    const rowCell: RowCell = (col) => (own ??= knownCells(parseCells(texts.get(n.part)!, n.rowTok, n.prefix), stringAt))(col);
    const shown = n.text === '' ? null : positionalValue(n.text, n.row, n.col, rowCell);
    if (!shown && n.cell.vStart < 0) continue;
    const sp = splicers.get(n.part) ?? new Splicer(texts.get(n.part)!);
    splicers.set(n.part, sp);
    dropped++;
    if (shown) {
      const v = `<${n.prefix}v>${shown.t === 'n' ? numText(shown.v) : toBytes(escapeText(shown.v))}</${n.prefix}v>`;
      if (n.cell.vStart >= 0) sp.replace(n.cell.vStart, n.cell.vEnd, v);
      else sp.insert(n.cell.f!.end, v);
      const t = shown.t === 's' ? 'str' : undefined;
      if (n.cell.t !== t) sp.replace(n.cell.start, n.cell.openEnd, setAttr(n.cell.openTag, 't', t));
      continue;
    }
    sp.replace(n.cell.vStart, n.cell.vEnd, '');
    // Without a result the cell has no result type (t="str", "b", "e").
    if (n.cell.t !== undefined) sp.replace(n.cell.start, n.cell.openEnd, setAttr(n.cell.openTag, 't', undefined));
  }
  for (const [part, sp] of splicers) pkg.write(part, sp.toString());
  return dropped;
}
