// Writes a table (or single cells) into one worksheet part:
// - rows the template already holds are overwritten in place: each cell keeps its format (s), a
//   formula cell is never overwritten, an equal value is not touched;
// - surplus template rows (fewer data rows than the template) are cleared: values go, formats and
//   formulas stay; no row is deleted;
// - new rows copy the template's last data row: its row attributes (height…) and cell formats, and
//   its formulas copied down with relative references moved (shared formulas expanded from their
//   master) — in mapped columns too, as in the rows above, where a formula is never overwritten;
//   its constant values are not copied. Per-row merged cells of that row are repeated;
// - a data row the template lacks (a blank row inside the table) gets the values alone.
// Room for new rows is made first by resize.ts when there is content below the table.
import { fail } from './errors.js';
import { sheetPrefix } from '../../../common/excel/model.js';
import { translate } from './formula.js';
import { positionalValue } from './formula-value.js';
import { newCellXml, normalize, numText, showsValue, rewriteCellXml, sameValue, targetStyle, valueParts, type CellEnv } from './cells.js';
import type { Package, SheetInfo } from './package.js';
import { resizeWorkbook, type ResizeOutcome } from './resize.js';
import type { DirtyCells } from './stale.js';
import { colIndex, colName, isIdentity, remapOf, RowOverflow } from './refs.js';
import { cellHasContent, columnStyles, findSheetData, parseCells, parseRows, RowOrderError, rowsContaining, type CellTok, type RowTok, type SheetDataSpan } from './sheet-rows.js';
import type { CellOut, TableWrite } from './types.js';
import { attr, escapeText, setAttr, Splicer, tagEnd, toBytes } from './xml-text.js';
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from '../limits.js';

export interface FillContext extends CellEnv {
  pkg: Package;
  /** A formula was added or changed (cached results are stale). */
  formulasChanged: boolean;
  /** Rows inserted per table write. */
  inserted: { sheet: string; at: number; count: number }[];
  /** The cells whose value changed (for dropping stale formula results). */
  dirty: DirtyCells;
}

/** One worksheet part being edited: offsets into `xml`, edits collected in a Splicer. */
class SheetEditor {
  readonly sd: SheetDataSpan;
  readonly rows: RowTok[];
  readonly byNum = new Map<number, RowTok>();
  readonly p: string;
  readonly sp: Splicer;
  readonly colStyle: (col: number) => number;
  /** Row elements removed or replaced whole (no further edits inside them). */
  private readonly replaced = new Set<RowTok>();
  /** New rows' XML by insertion offset, in order. */
  private readonly inserts = new Map<number, string[]>();
  private readonly cellCache = new Map<RowTok, CellTok[]>();
  private mergeInfo: { refs: string[]; openStart: number; openEnd: number; close: number; prefix: string } | null | undefined;
  private readonly newMerges: string[] = [];
  private readonly mergeSet = new Set<string>();
  /**
   * Columns whose group merges the write lays anew (TableWrite.regroup): a cell that the new ranges
   * hide is cleared when the write asks (the label a moved row carried as its group's first row), so
   * no stale label lies under the range that Excel shows and a reader may take.
   */
  clearHidden: ReadonlySet<number> = new Set();

  constructor(
    readonly xml: string,
    readonly sheet: SheetInfo,
    readonly ctx: FillContext,
  ) {
    const sd = findSheetData(xml);
    if (!sd) fail(ctx.pkg.fileName, 'DAMAGED', `sheet "${sheet.name}" has no sheetData`, sheetPrefix(sheet.name));
    this.sd = sd;
    this.p = sd.prefix;
    this.rows = parseRows(xml, sd);
    for (const r of this.rows) this.byNum.set(r.num, r);
    this.sp = new Splicer(xml);
    this.colStyle = columnStyles(xml, sd.start);
  }

  cells(row: RowTok): CellTok[] {
    let c = this.cellCache.get(row);
    if (!c) {
      c = parseCells(this.xml, row, this.p);
      this.cellCache.set(row, c);
    }
    return c;
  }

  /** The format a new cell gets in a row: the row's own (customFormat) or the column's. */
  defaultStyle(row: RowTok | undefined, col: number): number {
    if (row) {
      const tag = this.xml.slice(row.start, row.openEnd);
      const cf = attr(tag, 'customFormat');
      if (cf === '1' || cf === 'true') return Number(attr(tag, 's') ?? 0) || 0;
    }
    return this.colStyle(col);
  }

  /** Where a new row numbered `num` goes: before the first row after it, else at the end of sheetData. */
  rowInsertAt(num: number): number {
    for (const r of this.rows) if (r.num > num) return r.start;
    return this.sd.innerEnd;
  }

  insertRow(num: number, xmlText: string): void {
    const at = this.rowInsertAt(num);
    const list = this.inserts.get(at);
    if (list) list.push(xmlText);
    else this.inserts.set(at, [xmlText]);
  }

  removeRow(row: RowTok): void {
    this.replaced.add(row);
    this.sp.replace(row.start, row.end, '');
  }

  /**
   * Writes values into an existing row (or a new one when `row` is undefined). `values` are
   * [column, CellOut] pairs in ascending column order.
   */
  editRow(num: number, row: RowTok | undefined, values: [number, CellOut][]): void {
    const { ctx, p } = this;
    // A cell hidden under a merged range is not shown and is never written (the range's value is its anchor's).
    const hidden = this.hiddenIn(num);
    if (hidden) values = values.filter(([col, out]) => !hidden.some(([a, b]) => col >= a && col <= b) || (this.clearHidden.has(col) && normalize(out.value) === null && !!row));
    // A cell of a block one array formula spans (its anchor holds the formula, the others only its
    // results) is the formula's: a value there would break the block (Excel: part of an array).
    const arrays = this.arrayCellsIn(num);
    if (arrays) values = values.filter(([col]) => !arrays.some(([a, b]) => col >= a && col <= b));
    if (values.length === 0) return;
    if (!row) {
      const cells: string[] = [];
      for (const [col, out] of values) {
        const v = normalize(out.value);
        if (v === null && out.style === undefined) continue;
        const s = targetStyle(ctx, this.colStyle(col), out);
        const { t, body } = valueParts(ctx, v, p);
        cells.push(newCellXml(p, `${colName(col)}${num}`, s, t, body));
      }
      if (cells.length === 0) return;
      ctx.dirty.add(this.sheet.name, num, num, values[0]![0], values[values.length - 1]![0]);
      this.insertRow(num, `<${p}row r="${num}">${cells.join('')}</${p}row>`);
      return;
    }
    const cells = this.cells(row);
    const byCol = new Map<number, CellTok>();
    for (const c of cells) byCol.set(c.col, c);
    const added: { col: number; xml: string }[] = [];
    const changed: number[] = [];
    for (const [col, out] of values) {
      const v = normalize(out.value);
      const ex = byCol.get(col);
      // Never overwrite a formula with a value, unless typed over one that no other cell reads.
      if (ex?.f && !(out.overFormula && ex.f.type !== 'array' && !(ex.f.type === 'shared' && attr(ex.f.openTag, 'ref') !== undefined))) continue;
      // A formula that shows the value already (its result, kept or computed where its row moved) stays.
      if (ex?.f && showsValue(ex, v)) continue;
      const base = ex ? ex.s : this.defaultStyle(row, col);
      const s = targetStyle(ctx, base, out);
      if (ex) {
        if (s === ex.s && sameValue(ctx, ex, v)) continue;
        const { t, body } = valueParts(ctx, v, p);
        if (ex.t === 's') ctx.sst.refDelta--;
        if (t === 's') ctx.sst.refDelta++;
        this.sp.replace(ex.start, ex.end, rewriteCellXml(p, ex, `${colName(col)}${num}`, s, t, body));
        changed.push(col);
      } else {
        // An empty cell is added only to carry a format asked for (a gantt bar's fill).
        if (v === null && (out.style === undefined || s === base)) continue;
        const { t, body } = valueParts(ctx, v, p);
        if (t === 's') ctx.sst.refDelta++;
        added.push({ col, xml: newCellXml(p, `${colName(col)}${num}`, s, t, body) });
        changed.push(col);
      }
    }
    // Each run of adjacent changed cells, not the span from the first to the last: a row whose code (A) and
    // 先行 (G) were rewritten kept the result of =J12-F12, which reads neither (F lies between them).
    const sorted = changed.sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1]! === sorted[j]! + 1) j++;
      ctx.dirty.add(this.sheet.name, num, num, sorted[i]!, sorted[j]!);
      i = j + 1;
    }
    if (added.length === 0) return;
    // Cells are kept in column order; a row whose cells rely on implicit positions gets explicit r's.
    const rowTag = this.xml.slice(row.start, row.openEnd);
    for (const c of cells) if (!c.hasR) this.sp.replace(c.start, c.openEnd, setAttr(c.openTag, 'r', `${colName(c.col)}${num}`));
    let newTag = rowTag;
    if (!row.hasR) {
      newTag = setAttr(newTag, 'r', String(num));
      this.replaced.add(row);
    }
    const spans = attr(rowTag, 'spans');
    if (spans !== undefined) {
      const m = /^(\d+):(\d+)$/.exec(spans);
      const cols = [...cells.map((c) => c.col + 1), ...added.map((a) => a.col + 1)];
      const lo = Math.min(...cols, m ? Number(m[1]) : Infinity);
      const hi = Math.max(...cols, m ? Number(m[2]) : 0);
      const next = `${lo}:${hi}`;
      if (next !== spans) newTag = setAttr(newTag, 'spans', next);
    }
    if (row.selfClosing) {
      this.replaced.add(row);
      this.sp.replace(row.start, row.end, `${newTag.slice(0, -2).trimEnd()}>${added.map((a) => a.xml).join('')}</${p}row>`);
      return;
    }
    if (newTag !== rowTag) this.sp.replace(row.start, row.openEnd, newTag);
    for (const a of added) {
      const before = cells.find((c) => c.col > a.col);
      this.sp.insert(before ? before.start : row.innerEnd, a.xml);
    }
  }

  private hiddenByRow: Map<number, [number, number][]> | undefined;
  private arrayByRow: Map<number, [number, number][]> | undefined;

  /** The cells (spans of columns) on row `num` that an array formula anchored elsewhere spans. */
  arrayCellsIn(num: number): [number, number][] | undefined {
    if (!this.arrayByRow) {
      // (Found in the XML itself: most sheets hold none, and parsing every row's cells to learn so would cost.)
      // (A tag ends at its '>' or, unclosed, at the next '<': never a scan to the part's end from each one.)
      const tag = /<(?:[A-Za-z_][\w.-]*:)?f\s[^<>]*>/g;
      const refs: string[] = [];
      for (let m = tag.exec(this.xml); m; m = tag.exec(this.xml)) if (attr(m[0], 't') === 'array') refs.push(attr(m[0], 'ref') ?? '');
      this.arrayByRow = spansBeyondAnchor(refs);
    }
    return this.arrayByRow.get(num);
  }

  /** The column spans of row `num` hidden under merged ranges (all but each range's anchor). */
  hiddenIn(num: number): [number, number][] | undefined {
    this.hiddenByRow ??= spansBeyondAnchor(this.merges().refs);
    return this.hiddenByRow.get(num);
  }

  /** Clears the values of a surplus row: formats and formulas stay. */
  clearRow(num: number, row: RowTok): void {
    for (const c of this.cells(row)) {
      if (c.f || !cellHasContent(c)) continue;
      if (c.t === 's') this.ctx.sst.refDelta--;
      this.sp.replace(c.start, c.end, rewriteCellXml(this.p, c, `${colName(c.col)}${num}`, c.s, undefined, ''));
      this.ctx.dirty.add(this.sheet.name, num, num, c.col, c.col);
    }
  }

  /** The sheet's <mergeCells>: its merged ranges and where to add more. */
  merges(): { refs: string[]; openStart: number; openEnd: number; close: number; prefix: string } | { refs: string[] } {
    if (this.mergeInfo === undefined) {
      this.mergeInfo = null;
      const tailAt = this.sd.end;
      const m = /<((?:[A-Za-z_][\w.-]*:)?)mergeCells(?=[\s>])[^<>]*>/.exec(this.xml.slice(tailAt));
      if (m && !m[0].endsWith('/>')) {
        const openStart = tailAt + m.index;
        const openEnd = tagEnd(this.xml, openStart);
        const close = this.xml.indexOf(`</${m[1]}mergeCells>`, openEnd);
        if (close >= 0) {
          const refs = [...this.xml.slice(openEnd, close).matchAll(/<(?:[A-Za-z_][\w.-]*:)?mergeCell(?=[\s/>])[^<>]*>/g)].map((x) => attr(x[0], 'ref') ?? '');
          this.mergeInfo = { refs, openStart, openEnd, close, prefix: m[1] ?? '' };
        }
      }
    }
    return this.mergeInfo ?? { refs: [] };
  }

  addMerge(ref: string): void {
    const info = this.merges();
    if (!('close' in info)) return;
    if (this.mergeSet.size === 0) for (const r of info.refs) this.mergeSet.add(r);
    if (this.mergeSet.has(ref)) return;
    this.mergeSet.add(ref);
    this.newMerges.push(ref);
  }

  /** The edited part. */
  finish(): string {
    const { sp, sd, p } = this;
    const info = this.merges();
    if (this.newMerges.length > 0 && 'close' in info) {
      const openTag = this.xml.slice(info.openStart, info.openEnd);
      if (attr(openTag, 'count') !== undefined) sp.replace(info.openStart, info.openEnd, setAttr(openTag, 'count', String(info.refs.length + this.newMerges.length)));
      sp.insert(info.close, this.newMerges.map((r) => `<${info.prefix}mergeCell ref="${r}"/>`).join(''));
    }
    if (this.inserts.size > 0) {
      if (sd.selfClosing) {
        const open = this.xml.slice(sd.start, sd.end);
        const all = [...this.inserts.values()].flat().join('');
        sp.replace(sd.start, sd.end, `${open.slice(0, -2).trimEnd()}>${all}</${p}sheetData>`);
      } else for (const [at, list] of this.inserts) sp.insert(at, list.join(''));
    }
    // Rows numbered implicitly would be renumbered by rows inserted before them: make them explicit.
    if (sp.changed)
      for (const r of this.rows)
        if (!r.hasR && !this.replaced.has(r)) sp.insert(r.start + 1 + p.length + 3, ` r="${r.num}"`);
    return sp.toString();
  }
}

/** Whether the row holds a value or formula (a row of formatted empty cells does not). */
function rowHasContent(xml: string, row: RowTok, p: string): boolean {
  if (row.selfClosing) return false;
  const inner = xml.slice(row.openEnd, row.innerEnd);
  return new RegExp(`<${p}(?:v|f|is)[\\s>/]`).test(inner);
}

function rowHasConstant(ed: SheetEditor, row: RowTok): boolean {
  return ed.cells(row).some((c) => !c.f && cellHasContent(c));
}

/** Single cells by address, for one sheet: [row, col, value]. */
export function writeCells(ctx: FillContext, sheet: SheetInfo, cells: [number, number, CellOut][]): void {
  const xml = ctx.pkg.read(sheet.part!)!;
  const ed = guard(ctx, sheet, () => new SheetEditor(xml, sheet, ctx));
  const byRow = new Map<number, [number, CellOut][]>();
  for (const [r, c, v] of cells) {
    const list = byRow.get(r) ?? [];
    // The last write to one cell wins.
    const i = list.findIndex(([col]) => col === c);
    if (i >= 0) list.splice(i, 1);
    list.push([c, v]);
    byRow.set(r, list);
  }
  for (const [r, list] of [...byRow].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a[0] - b[0]);
    guard(ctx, sheet, () => ed.editRow(r, ed.byNum.get(r), list));
  }
  if (ed.sp.changed) {
    const rows = [...byRow.keys()];
    growDimension(ed, Math.min(...rows), Math.max(...rows), cells.map(([, c]) => c));
  }
  ctx.pkg.write(sheet.part!, ed.finish());
}

function guard<T>(ctx: FillContext, sheet: SheetInfo, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RowOrderError) fail(ctx.pkg.fileName, 'DAMAGED', `sheet "${sheet.name}": ${err.message}`, sheetPrefix(sheet.name));
    if (err instanceof RowOverflow) fail(ctx.pkg.fileName, 'BAD_WRITE', `sheet "${sheet.name}": ${err.message}`, sheetPrefix(sheet.name));
    if (err instanceof RangeError) fail(ctx.pkg.fileName, 'BAD_WRITE', `sheet "${sheet.name}": ${err.message}`, sheetPrefix(sheet.name));
    throw err;
  }
}

/** Where the table's template rows are and what writing `rows` rows means for them. */
interface Layout {
  first: number;
  /** Data rows the template holds (rows first..first+existing-1 are overwritten in place). */
  existing: number;
  /** The last row of the template's region (its last data row, or the blank formatted row of an empty table). */
  regionEnd: number;
  /** The row new rows are modelled on, if any. */
  styleRow: number | null;
  newLast: number;
}

function layoutOf(ed: SheetEditor, w: TableWrite): Layout {
  const F = w.firstRow;
  const N = w.rows.length;
  if (w.lastRow !== null && w.lastRow >= F) {
    let styleRow: number | null = null;
    for (let r = w.lastRow; r >= F; r--)
      if (ed.byNum.has(r)) {
        styleRow = r;
        break;
      }
    return { first: F, existing: w.lastRow - F + 1, regionEnd: w.lastRow, styleRow, newLast: F + N - 1 };
  }
  // An empty table: a formatted blank row at firstRow (formulas allowed) is the model and is written
  // into; a row with values there (a totals row right under the header) is content to move down.
  const rowF = ed.byNum.get(F);
  if (!rowF || !rowHasConstant(ed, rowF)) return { first: F, existing: 0, regionEnd: F, styleRow: rowF ? F : null, newLast: F + N - 1 };
  return { first: F, existing: 0, regionEnd: F - 1, styleRow: null, newLast: F + N - 1 };
}

/** The first row below `after` holding anything: a value or formula, a merge, a drawing, another table. */
function firstOccupiedBelow(ctx: FillContext, ed: SheetEditor, sheet: SheetInfo, after: number): number {
  let first = Infinity;
  for (const r of ed.rows)
    if (r.num > after && rowHasContent(ed.xml, r, ed.p)) {
      first = r.num;
      break;
    }
  const tail = ed.xml.slice(ed.sd.end);
  for (const m of tail.matchAll(/<(?:[A-Za-z_][\w.-]*:)?mergeCell(?=[\s/>])[^<>]*>/g)) {
    const ref = /(\d+)(?::[A-Za-z$]*(\d+))?$/.exec(attr(m[0], 'ref') ?? '');
    if (!ref) continue;
    const r1 = Number(ref[1]);
    const r2 = ref[2] ? Number(ref[2]) : r1;
    if (r2 > after) first = Math.min(first, Math.max(r1, after + 1));
  }
  for (const rel of ctx.pkg.rels(sheet.part!)) {
    if (rel.external) continue;
    if (rel.type === 'drawing') {
      const d = ctx.pkg.read(rel.target);
      if (!d) continue;
      for (const m of d.matchAll(/<((?:[A-Za-z_][\w.-]*:)?)(twoCellAnchor|oneCellAnchor)(?=[\s>])[^<>]*>((?:(?!<\1\2[\s>/])[\s\S])*?)<\/\1\2>/g)) {
        const p = m[1]!;
        const from = new RegExp(`<${p}from>(?:(?!</?${p}from>)[\\s\\S])*?<${p}row>(\\d+)</${p}row>`).exec(m[3]!);
        const to = new RegExp(`<${p}to>(?:(?!</?${p}to>)[\\s\\S])*?<${p}row>(\\d+)</${p}row>`).exec(m[3]!);
        if (!from) continue;
        const r1 = Number(from[1]) + 1;
        const r2 = to ? Number(to[1]) + 1 : r1;
        if (r2 > after) first = Math.min(first, Math.max(r1, after + 1));
      }
    } else if (rel.type === 'table') {
      const t = ctx.pkg.read(rel.target);
      const ref = t ? /<(?:[A-Za-z_][\w.-]*:)?table(?=[\s>])[^<>]*>/.exec(t) : null;
      const m = ref ? /[A-Za-z$]+(\d+):[A-Za-z$]+(\d+)/.exec(attr(ref[0], 'ref') ?? '') : null;
      if (m && Number(m[1]) > after) first = Math.min(first, Number(m[1]));
    }
  }
  return first;
}

export function writeTable(ctx: FillContext, sheet: SheetInfo, w: TableWrite): void {
  writeTableRows(ctx, sheet, w);
  if (w.outline?.some((n) => n !== undefined && n !== null)) setOutline(ctx, sheet, w.firstRow, w.outline);
}

/**
 * The written rows' outline levels (TableWrite.outline): the row's outlineLevel attribute (none at 0),
 * and the sheet's stated deepest level (sheetFormatPr outlineLevelRow, which sizes Excel's 1 2 3
 * buttons) raised to the deepest row. A row with no element (nothing in it) is left without one.
 */
function setOutline(ctx: FillContext, sheet: SheetInfo, first: number, levels: (number | undefined)[]): void {
  const xml = ctx.pkg.read(sheet.part!)!;
  const sd = findSheetData(xml);
  if (!sd) return;
  const sp = new Splicer(xml);
  let deepest = 0;
  for (const row of parseRows(xml, sd)) {
    const want = levels[row.num - first];
    const tag = xml.slice(row.start, row.openEnd);
    const own = Number(attr(tag, 'outlineLevel') ?? 0);
    if (want === undefined || want === null || row.num < first || want === own) {
      deepest = Math.max(deepest, own);
      continue;
    }
    deepest = Math.max(deepest, want);
    let next = setAttr(tag, 'outlineLevel', want > 0 ? String(want) : undefined);
    sp.replace(row.start, row.openEnd, next);
  }
  let out = sp.toString();
  if (out === xml) return;
  const pr = /<((?:[A-Za-z_][\w.-]*:)?)sheetFormatPr(?=[\s/>])[^<>]*>/.exec(out);
  const stated = pr ? Number(attr(pr[0], 'outlineLevelRow') ?? 0) : 0;
  if (pr && stated < deepest) out = out.slice(0, pr.index) + setAttr(pr[0], 'outlineLevelRow', String(deepest)) + out.slice(pr.index + pr[0].length);
  ctx.pkg.write(sheet.part!, out);
}

function writeTableRows(ctx: FillContext, sheet: SheetInfo, w: TableWrite): void {
  if (w.unmerge && w.unmerge.length > 0) unmergeRanges(ctx, sheet, w.unmerge);
  if (w.remerge && w.remerge.length > 0) shrinkMerges(ctx, sheet, w.remerge);
  if (w.order && w.lastRow !== null) {
    const remap = remapOf(w.firstRow, w.lastRow, w.order);
    if (!isIdentity(remap)) return rearrangeTable(ctx, sheet, w, remap);
  }
  const { pkg } = ctx;
  let xml = pkg.read(sheet.part!)!;
  let ed = guard(ctx, sheet, () => new SheetEditor(xml, sheet, ctx));
  const lay = guard(ctx, sheet, () => layoutOf(ed, w));
  if (lay.newLast > EXCEL_MAX_ROWS) fail(pkg.fileName, 'BAD_WRITE', `sheet "${sheet.name}": ${w.rows.length} rows from row ${w.firstRow} would run past the last row of the sheet`, sheetPrefix(sheet.name));

  // Room for the new rows, and ranges over the data region grown to the new last row.
  if (lay.newLast > lay.regionEnd) {
    const below = guard(ctx, sheet, () => firstOccupiedBelow(ctx, ed, sheet, lay.regionEnd));
    const by = lay.newLast >= below ? lay.newLast - lay.regionEnd : 0;
    const growEnd = lay.regionEnd >= lay.first ? lay.regionEnd : -1;
    if (by > 0 || growEnd > 0) {
      const res = resizeWorkbook(pkg, sheet, { sheet: sheet.name, at: lay.regionEnd + 1, by, growFirst: lay.first, growEnd, growTo: lay.newLast }, { first: lay.first, last: lay.regionEnd }, (i) => ctx.sst.text(i));
      if (res.formulasChanged) ctx.formulasChanged = true;
      if (by > 0) {
        ctx.inserted.push({ sheet: sheet.name, at: lay.regionEnd + 1, count: by });
        // Cells recorded as changed by earlier writes moved with their rows.
        ctx.dirty.shift({ sheet: sheet.name, at: lay.regionEnd + 1, by, growFirst: lay.first, growEnd: growEnd, growTo: lay.newLast });
      }
      markChanged(ctx, res);
      xml = pkg.read(sheet.part!)!;
      ed = guard(ctx, sheet, () => new SheetEditor(xml, sheet, ctx));
    }
  }
  // A shared formula's master typed over (a record's name over ="task"&ROW() filled down) first
  // gives each cell of its group a formula of its own, so the cells that read it keep theirs.
  const unshare = guard(ctx, sheet, () => mastersTypedOver(ed, w, lay.first));
  if (unshare.size > 0) {
    xml = unshareFormulas(ed, unshare);
    ed = guard(ctx, sheet, () => new SheetEditor(xml, sheet, ctx));
  }
  if (w.regroup) {
    const next = regroupMerges(ed.xml, w.regroup);
    if (next !== ed.xml) ed = guard(ctx, sheet, () => new SheetEditor(next, sheet, ctx));
    ed.clearHidden = new Set(w.regroup.columns);
  }
  guard(ctx, sheet, () => fillRegion(ctx, ed, w, lay));
  if (ed.sp.changed && w.rows.length > 0) growDimension(ed, lay.first, lay.first + w.rows.length - 1, w.columns);
  pkg.write(sheet.part!, ed.finish());
}

/** The si of each shared formula master that a value is typed over (CellOut.overFormula) in place. */
function mastersTypedOver(ed: SheetEditor, w: TableWrite, first: number): Set<string> {
  const out = new Set<string>();
  w.rows.forEach((data, i) => {
    const row = ed.byNum.get(first + i);
    if (!row) return;
    w.columns.forEach((col, j) => {
      const o = data[j];
      if (!o?.overFormula) return;
      const c = ed.cells(row).find((x) => x.col === col);
      const si = c?.f?.type === 'shared' && attr(c.f.openTag, 'ref') !== undefined ? attr(c.f.openTag, 'si') : undefined;
      if (si !== undefined && !showsValue(c!, normalize(o.value))) out.add(si);
    });
  });
  return out;
}

/** The sheet with the shared formula groups `sis` written out cell by cell (each its own formula). */
function unshareFormulas(ed: SheetEditor, sis: Set<string>): string {
  const sp = new Splicer(ed.xml);
  const masters = new Map<string, { text: string; row: number; col: number }>();
  const hasF = rowsContaining(ed.xml, ed.rows, `<${ed.p}f`);
  for (const [i, row] of ed.rows.entries()) {
    if (!hasF[i]) continue;
    for (const c of ed.cells(row)) {
      const si = c.f?.type === 'shared' ? attr(c.f.openTag, 'si') : undefined;
      if (si === undefined || !sis.has(si)) continue;
      if (attr(c.f!.openTag, 'ref') !== undefined && !masters.has(si)) masters.set(si, { text: c.f!.text, row: row.num, col: c.col });
      const m = masters.get(si);
      if (!m) continue;
      sp.replace(c.f!.start, c.f!.end, `<${ed.p}f>${toBytes(escapeText(translate(m.text, row.num - m.row, c.col - m.col)))}</${ed.p}f>`);
    }
  }
  return sp.toString();
}

/** Formula cells whose cached result the move changed or dropped: what reads them is stale too (stale.ts). */
function markChanged(ctx: FillContext, res: ResizeOutcome): void {
  for (const c of res.changed ?? []) ctx.dirty.add(c.sheet, c.row, c.row, c.col, c.col);
}

/** Makes merged ranges of the sheet smaller (TableWrite.remerge): the <mergeCell> keeps its top-left cell. */
function shrinkMerges(ctx: FillContext, sheet: SheetInfo, pairs: { from: string; to: string }[]): void {
  const to = new Map(pairs.map((p) => [p.from.replaceAll('$', '').toUpperCase(), p.to.replaceAll('$', '').toUpperCase()]));
  const xml = ctx.pkg.read(sheet.part!)!;
  const out = xml.replace(/<((?:[A-Za-z_][\w.-]*:)?)mergeCell(?=[\s/>])[^<>]*?(?:\/>|>\s*<\/\1mergeCell>)/g, (tag) => {
    const ref = attr(tag, 'ref');
    const next = ref !== undefined ? to.get(ref.toUpperCase()) : undefined;
    return next === undefined ? tag : setAttr(tag, 'ref', next);
  });
  if (out !== xml) ctx.pkg.write(sheet.part!, out);
}

/**
 * TableWrite.regroup on a sheet whose rows are where they go: the merged ranges it manages that are not
 * wanted go, the wanted ones missing are added (where the first one that went stood, else at the end).
 */
function regroupMerges(xml: string, g: NonNullable<TableWrite['regroup']>): string {
  const want = new Set(g.merges.map((r) => r.toUpperCase()));
  const cols = new Set(g.columns);
  const seen = new Set<string>();
  let removed = 0;
  let at = -1;
  const out = xml.replace(/<((?:[A-Za-z_][\w.-]*:)?)mergeCell(?=[\s/>])[^<>]*?(?:\/>|>\s*<\/\1mergeCell>)/g, (tag, _p: string, offset: number) => {
    const ref = (attr(tag, 'ref') ?? '').replaceAll('$', '').toUpperCase();
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!m || m[1] !== m[3] || !cols.has(colIndex(m[1]!)) || Number(m[2]) < g.from || Number(m[4]) > g.to) return tag;
    if (want.has(ref) && !seen.has(ref)) {
      seen.add(ref);
      return tag;
    }
    removed++;
    if (at < 0) at = offset;
    return `\u0000`;
  });
  const add = g.merges.filter((r) => !seen.has(r.toUpperCase()));
  if (removed === 0 && add.length === 0) return xml;
  const prefix = /<((?:[A-Za-z_][\w.-]*:)?)mergeCells(?=[\s>])/.exec(xml)?.[1] ?? '';
  const tags = add.map((r) => `<${prefix}mergeCell ref="${r}"/>`).join('');
  let next = at >= 0 ? out.replace('\u0000', tags).replaceAll('\u0000', '') : out;
  const delta = add.length - removed;
  if (at < 0) {
    // Nothing went: the new ranges join the sheet's <mergeCells> (regroup manages columns the
    // template merges in, so it has one).
    const close = new RegExp(`</${prefix.replace('.', '\\.')}mergeCells>`).exec(next);
    if (!close) return xml;
    next = next.slice(0, close.index) + tags + next.slice(close.index);
  }
  // The count the <mergeCells> element states; an element left empty goes (Excel refuses count="0").
  return next.replace(/<((?:[A-Za-z_][\w.-]*:)?)mergeCells(?=[\s>])([^<>]*)>(\s*)<\/\1mergeCells>|<((?:[A-Za-z_][\w.-]*:)?)mergeCells(?=[\s>])[^<>]*>/, (tag, p1: string | undefined) => {
    if (p1 !== undefined) return '';
    const n = attr(tag, 'count');
    return n === undefined ? tag : setAttr(tag, 'count', String(Number(n) + delta));
  });
}

/** Undoes merged ranges of the sheet (TableWrite.unmerge): their <mergeCell> entries go, the cells stay. */
function unmergeRanges(ctx: FillContext, sheet: SheetInfo, refs: string[]): void {
  const want = new Set(refs.map((r) => r.replaceAll('$', '').toUpperCase()));
  const xml = ctx.pkg.read(sheet.part!)!;
  let removed = 0;
  const out = xml.replace(/<((?:[A-Za-z_][\w.-]*:)?)mergeCell(?=[\s/>])[^<>]*?(?:\/>|>\s*<\/\1mergeCell>)/g, (tag) => {
    const ref = attr(tag, 'ref');
    if (ref === undefined || !want.has(ref.toUpperCase())) return tag;
    removed++;
    return '';
  });
  if (removed === 0) return;
  // The count the <mergeCells> element states; an element left empty goes (Excel refuses count="0").
  const fixed = out.replace(/<((?:[A-Za-z_][\w.-]*:)?)mergeCells(?=[\s>])([^<>]*)>(\s*)<\/\1mergeCells>|<((?:[A-Za-z_][\w.-]*:)?)mergeCells(?=[\s>])[^<>]*>/, (tag, p1: string | undefined) => {
    if (p1 !== undefined) return '';
    const n = attr(tag, 'count');
    return n === undefined ? tag : setAttr(tag, 'count', String(Number(n) - removed));
  });
  ctx.pkg.write(sheet.part!, fixed);
}

/**
 * A table written block by block (see TableWrite.order): the region's rows are moved, removed and
 * copied across the workbook first (every reference follows its row), then the values are written
 * into the rows where they now are.
 */
function rearrangeTable(ctx: FillContext, sheet: SheetInfo, w: TableWrite, remap: ReturnType<typeof remapOf>): void {
  const { pkg } = ctx;
  const first = w.firstRow;
  const last = w.lastRow!;
  const by = remap.newLast - last;
  if (remap.newLast > EXCEL_MAX_ROWS) fail(pkg.fileName, 'BAD_WRITE', `sheet "${sheet.name}": ${w.order!.length} rows from row ${first} would run past the last row of the sheet`, sheetPrefix(sheet.name));
  const z = { sheet: sheet.name, at: last + 1, by, growFirst: first, growEnd: last, growTo: remap.newLast, remap, ...(w.band ? { band: w.band } : {}) };
  const res = guard(ctx, sheet, () => resizeWorkbook(pkg, sheet, z, { first, last }, (i) => ctx.sst.text(i)));
  ctx.formulasChanged = true;
  if (by > 0) ctx.inserted.push({ sheet: sheet.name, at: last + 1, count: by });
  ctx.dirty.shift(z);
  markChanged(ctx, res);
  const xml = w.regroup ? regroupMerges(pkg.read(sheet.part!)!, w.regroup) : pkg.read(sheet.part!)!;
  const ed = guard(ctx, sheet, () => new SheetEditor(xml, sheet, ctx));
  if (w.regroup) ed.clearHidden = new Set(w.regroup.columns);
  const order = w.columns.map((col, j) => [col, j] as const).sort((a, b) => a[0] - b[0]);
  guard(ctx, sheet, () => {
    w.rows.forEach((data, i) => {
      const num = first + i;
      const values: [number, CellOut][] = [];
      for (const [col, j] of order) {
        const out = data[j];
        if (out !== undefined) values.push([col, out]);
      }
      if (values.length > 0) ed.editRow(num, ed.byNum.get(num), values);
    });
  });
  if (w.rows.length > 0) growDimension(ed, first, first + w.rows.length - 1, w.columns);
  pkg.write(sheet.part!, ed.finish());
}

function fillRegion(ctx: FillContext, ed: SheetEditor, w: TableWrite, lay: Layout): void {
  const N = w.rows.length;
  const order = w.columns.map((col, j) => [col, j] as const).sort((a, b) => a[0] - b[0]);
  // Rows the template holds: overwrite in place, or clear the surplus.
  for (let i = 0; i < lay.existing; i++) {
    const num = lay.first + i;
    const row = ed.byNum.get(num);
    if (i < N) {
      const values: [number, CellOut][] = [];
      for (const [col, j] of order) {
        const out = w.rows[i]![j];
        if (out !== undefined) values.push([col, out]);
      }
      // A data row the template lacks (a blank row inside the table) gets the values alone.
      if (values.length > 0) ed.editRow(num, row, values);
    } else if (row) ed.clearRow(num, row);
  }
  if (N > lay.existing) newRows(ctx, ed, w, lay, lay.first + lay.existing, lay.newLast);
}

interface ColumnPlan {
  col: number;
  /** Index into TableWrite.columns, or -1 for an unmapped column. */
  j: number;
  s: number;
  /** A formula to copy down: its text as of (row, col). */
  formula?: { text: string; row: number; col: number; array: boolean };
}

/** Writes data rows from..to (1-based) as new rows modelled on the template's style row. */
function newRows(ctx: FillContext, ed: SheetEditor, w: TableWrite, lay: Layout, from: number, to: number): void {
  const { p } = ed;
  const style = lay.styleRow !== null ? ed.byNum.get(lay.styleRow) : undefined;
  const plan = new Map<number, ColumnPlan>();
  const jOf = new Map<number, number>();
  w.columns.forEach((col, j) => jOf.set(col, j));
  let rowAttrs = '';
  if (style) {
    let tag = ed.xml.slice(style.start, style.openEnd);
    for (const a of ['r', 'spans', 'hidden', 'collapsed']) tag = setAttr(tag, a, undefined);
    rowAttrs = tag.replace(/^<[^\s/>]+/, '').replace(/\/?>$/, '').trimEnd();
    for (const c of ed.cells(style)) {
      const item: ColumnPlan = { col: c.col, j: jOf.get(c.col) ?? -1, s: c.s };
      if (c.f) item.formula = formulaModel(ed, style, c) ?? undefined;
      plan.set(c.col, item);
    }
  }
  for (const [col, j] of jOf) if (!plan.has(col)) plan.set(col, { col, j, s: ed.defaultStyle(style, col) });
  const cols = [...plan.values()].sort((a, b) => a.col - b.col);
  const letters = cols.map((c) => colName(c.col));
  const colAt = new Map(cols.map((c) => [c.col, c]));

  // Existing rows in the span (formatted blank rows, or the empty table's model row) are replaced.
  for (const r of ed.rows) if (r.num >= from && r.num <= to) ed.removeRow(r);

  // The hot loop of a big export: one string per row, built by concatenation (fewer objects for
  // the garbage collector than one string per cell).
  const out: string[] = [];
  const rowTail = `"${rowAttrs ? ` ${rowAttrs.trimStart()}` : ''}>`;
  const styleAttr = (s: number) => (s ? `" s="${s}"` : '"');
  const plainStyle = cols.map((c) => styleAttr(c.s));
  const v0 = `<${p}v>`;
  const v1 = `</${p}v></${p}c>`;
  for (let num = from; num <= to; num++) {
    const i = num - lay.first;
    const data = w.rows[i];
    let x = `<${p}row r="${num}${rowTail}`;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k]!;
      if (c.formula) {
        const ref = `${letters[k]}${num}`;
        const f = translate(c.formula.text, num - c.formula.row, c.col - c.formula.col);
        const fTag = c.formula.array ? `<${p}f t="array" ref="${ref}">` : `<${p}f>`;
        // A formula of its own position (=ROW()-4, or =IF(B7="","",ROW()-6) over this row's values) gets its result here (formula-value.ts).
        const shown = positionalValue(f, num, c.col, (col) => {
          const at = colAt.get(col);
          if (at === undefined || at.formula || at.j < 0) return undefined;
          const v = data?.[at.j] ? normalize(data[at.j]!.value) : null;
          return v === null ? null : v.t === 's' || v.t === 'n' ? v : undefined;
        });
        const v = shown ? `<${p}v>${shown.t === 'n' ? numText(shown.v) : toBytes(escapeText(shown.v))}</${p}v>` : '';
        x += `<${p}c r="${ref}${plainStyle[k]}${shown?.t === 's' ? ' t="str"' : ''}>${fTag}${toBytes(escapeText(f))}</${p}f>${v}</${p}c>`;
        ctx.formulasChanged = true;
        continue;
      }
      const cell = c.j >= 0 ? data?.[c.j] : undefined;
      const v = cell ? normalize(cell.value) : null;
      if (cell && v !== null) {
        const s = cell.indent === undefined && cell.style === undefined && v.t !== 'd' ? c.s : targetStyle(ctx, c.s, cell);
        const sa = s === c.s ? plainStyle[k] : styleAttr(s);
        switch (v.t) {
          case 's':
            ctx.sst.refDelta++;
            x += `<${p}c r="${letters[k]}${num}${sa} t="s">${v0}${ctx.sst.indexFor(v.v)}${v1}`;
            break;
          case 'b':
            x += `<${p}c r="${letters[k]}${num}${sa} t="b">${v0}${v.v ? 1 : 0}${v1}`;
            break;
          default:
            x += `<${p}c r="${letters[k]}${num}${sa}>${v0}${numText(v.v)}${v1}`;
        }
      } else if (cell?.style !== undefined) {
        const s = targetStyle(ctx, c.s, cell);
        if (s) x += `<${p}c r="${letters[k]}${num}${s === c.s ? plainStyle[k] : styleAttr(s)}/>`;
      } else if (c.s) x += `<${p}c r="${letters[k]}${num}${plainStyle[k]}/>`;
    }
    out.push(`${x}</${p}row>`);
  }
  ed.insertRow(to, out.join(''));
  ctx.dirty.add(ed.sheet.name, from, to, 0, EXCEL_MAX_COLUMNS - 1, true);
  replicateMerges(ed, lay.styleRow, from, to);
}

/** The formula of a style-row cell as text at a known position, or null when it cannot be copied. */
function formulaModel(ed: SheetEditor, row: RowTok, c: CellTok): ColumnPlan['formula'] | null {
  const f = c.f!;
  if (f.type === 'dataTable') return null;
  if (f.type === 'array') {
    // A one-cell array formula copies as one; a multi-cell array block does not copy per row.
    const ref = attr(f.openTag, 'ref');
    if (ref !== undefined && ref.includes(':')) return null;
    return { text: f.text, row: row.num, col: c.col, array: true };
  }
  if (f.type === 'shared' && attr(f.openTag, 'ref') === undefined) {
    const si = attr(f.openTag, 'si');
    const m = si !== undefined ? sharedMaster(ed, si) : null;
    return m ? { text: m.text, row: m.row, col: m.col, array: false } : null;
  }
  return f.text === '' ? null : { text: f.text, row: row.num, col: c.col, array: false };
}

function sharedMaster(ed: SheetEditor, si: string): { text: string; row: number; col: number } | null {
  const hasF = rowsContaining(ed.xml, ed.rows, `<${ed.p}f`);
  for (const [i, row] of ed.rows.entries()) {
    if (!hasF[i]) continue;
    for (const c of ed.cells(row))
      if (c.f && c.f.type === 'shared' && attr(c.f.openTag, 'si') === si && attr(c.f.openTag, 'ref') !== undefined) return { text: c.f.text, row: row.num, col: c.col };
  }
  return null;
}

/** Merged cells confined to the style row are repeated on each new row (written out in finish()). */
function replicateMerges(ed: SheetEditor, styleRow: number | null, from: number, to: number): void {
  if (styleRow === null) return;
  const perRow: [string, string][] = [];
  for (const ref of ed.merges().refs) {
    const r = /^([A-Za-z]+)(\d+):([A-Za-z]+)(\d+)$/.exec(ref);
    if (r && Number(r[2]) === styleRow && Number(r[4]) === styleRow) perRow.push([r[1]!, r[3]!]);
  }
  for (let num = from; num <= to; num++) for (const [a, b] of perRow) ed.addMerge(`${a}${num}:${b}${num}`);
}

/** The dimension covers the written rows and columns. */
function growDimension(ed: SheetEditor, first: number, last: number, columns: number[]): void {
  const m = /<(?:[A-Za-z_][\w.-]*:)?dimension(?=[\s/>])[^<>]*>/.exec(ed.xml.slice(0, ed.sd.start));
  if (!m) return;
  const ref = attr(m[0], 'ref');
  const r = ref ? /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref) : null;
  if (!r) return;
  const c1 = colIndex(r[1]!);
  const r1 = Number(r[2]);
  const c2 = r[3] ? colIndex(r[3]) : c1;
  const r2 = r[4] ? Number(r[4]) : r1;
  const cols = columns.length > 0 ? columns : [c1];
  const nc1 = Math.min(c1, ...cols);
  const nc2 = Math.max(c2, ...cols);
  const nr1 = Math.min(r1, first);
  const nr2 = Math.max(r2, last);
  if (nc1 === c1 && nc2 === c2 && nr1 === r1 && nr2 === r2) return;
  ed.sp.replace(m.index, m.index + m[0].length, setAttr(m[0], 'ref', `${colName(nc1)}${nr1}:${colName(nc2)}${nr2}`));
}

/** The cells of ranges ('B2:D4') other than each one's top-left anchor, as column spans by row; a range of over 10,000 rows is passed over. */
function spansBeyondAnchor(refs: Iterable<string>): Map<number, [number, number][]> {
  const byRow = new Map<number, [number, number][]>();
  for (const ref of refs) {
    const m = /^\$?([A-Za-z]+)\$?(\d+):\$?([A-Za-z]+)\$?(\d+)$/.exec(ref);
    if (!m) continue;
    const [c1, r1, c2, r2] = [colIndex(m[1]!), Number(m[2]), colIndex(m[3]!), Number(m[4])];
    if (r2 - r1 > 10_000) continue;
    for (let r = r1; r <= r2; r++) {
      const span: [number, number] = r === r1 ? [c1 + 1, c2] : [c1, c2];
      if (span[0] > span[1]) continue;
      const list = byRow.get(r);
      if (list) list.push(span);
      else byRow.set(r, [span]);
    }
  }
  return byRow;
}
