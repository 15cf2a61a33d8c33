// Makes room for a grown table: everything of the target sheet from row `at` on moves down `by`
// rows, and every range covering the table's data region grows to its new last row — in the sheet
// (cells, formulas, merges, conditional formats, validations incl. x14, hyperlinks, breaks,
// autoFilter; not the view state), its tables, drawings, comments and pivot tables, and everywhere a formula
// can point at the sheet: other sheets' cells and rules, defined names (print area included), chart
// series, pivot cache sources. Each place is edited by splicing; a part whose text comes out the
// same is not changed. When cells moved, calcChain.xml (a cache of formula cell positions) is
// dropped: Excel rebuilds it, and a stale one makes Excel "repair" the file.
import { EXCEL_MAX_ROWS } from '../limits.js';
import { sheetPrefix } from '../../../common/excel/model.js';
import { fail } from './errors.js';
import { resizeFormula, translate } from './formula.js';
import { keepsResult, knownCells, positionalValue, readsPosition, type RowCell } from './formula-value.js';
import { numText } from './cells.js';
import type { Package, SheetInfo } from './package.js';
import { cloneRanges, colName, outsideBand, resizeRangeText, resizeSqref, RowOverflow, shiftRow, shiftRowNear, type Resize } from './refs.js';
import { findSheetData, parseCells, parseRows, RowOrderError, rowsContaining, type CellTok, type RowTok } from './sheet-rows.js';
import { attr, closeEnd, escapeText, escapeXml, setAttr, Splicer, tagEnd, toBytes, xmlText } from './xml-text.js';

export interface ResizeOutcome {
  /** Some formula's text changed (its cached value is stale). */
  formulasChanged: boolean;
  /** Formula cells (sheet, new 1-based row, 0-based column) whose cached result changed or was dropped. */
  changed?: { sheet: string; row: number; col: number }[];
}

/** The region whose own formulas never grow (rows firstRow..regionEnd of the target sheet). */
export interface DataRows {
  first: number;
  last: number;
}

/**
 * `stringAt` reads the workbook's shared strings: a moved row's own texts decide the results of its
 * formulas that test them (=IF(B7="","",ROW()-6), formula-value.ts).
 */
export function resizeWorkbook(pkg: Package, target: SheetInfo, z: Resize, dataRows: DataRows, stringAt: (i: number) => string | undefined): ResizeOutcome {
  const out: ResizeOutcome = { formulasChanged: false };
  try {
    for (const sheet of pkg.sheets) {
      if (sheet.kind !== 'worksheet' || sheet.part === null) continue;
      const xml = pkg.read(sheet.part);
      if (xml === null) continue;
      const isTarget = sheet === target;
      // A sheet that never names the target sheet cannot point at it (its own refs are unprefixed).
      if (!isTarget && !mentions(xml, target.name)) continue;
      const next = resizeWorksheet(xml, z, sheet.name, isTarget, dataRows, out, pkg.fileName, stringAt);
      if (next !== xml) pkg.write(sheet.part, next);
    }
    resizeDefinedNames(pkg, z, out);
    for (const rel of pkg.rels(target.part!)) {
      if (rel.external || !pkg.has(rel.target)) continue;
      const xml = pkg.read(rel.target);
      if (xml === null) continue;
      let next = xml;
      if (rel.type === 'table') next = resizeTable(xml, z, target.name, out);
      else if (rel.type === 'drawing') next = resizeDrawing(xml, z);
      else if (rel.type === 'comments') next = resizeComments(xml, 'comment', z);
      else if (rel.type === 'threadedComment') next = resizeComments(xml, 'threadedComment', z);
      else if (rel.type === 'vmlDrawing') next = resizeVml(xml, z);
      else if (rel.type === 'pivotTable') next = replaceAttrs(xml, 'location', 'ref', (v) => resizeRangeText(v, z, false));
      if (next !== xml) pkg.write(rel.target, next);
    }
    for (const part of pkg.partNames()) {
      if (/^xl\/charts\/chart(Ex)?\d*\.xml$/i.test(part) || /\/charts\/chart[^/]*\.xml$/i.test(part)) {
        const xml = pkg.read(part);
        if (xml === null || !mentions(xml, target.name)) continue;
        const next = replaceElementText(xml, 'f', (f) => resizeFormula(f, z, null, true));
        if (next !== xml) pkg.write(part, next);
      } else if (/pivotCacheDefinition[^/]*\.xml$/i.test(part)) {
        const xml = pkg.read(part);
        if (xml === null) continue;
        const next = xml.replace(/<(?:[A-Za-z_][\w.-]*:)?worksheetSource(?=[\s/>])[^<>]*>/g, (tag) => {
          const sheet = attr(tag, 'sheet');
          const ref = attr(tag, 'ref');
          if (sheet === undefined || ref === undefined || xmlText(sheet).toLocaleUpperCase('en-US') !== target.name.toLocaleUpperCase('en-US')) return tag;
          const r = resizeRangeText(ref, z, true);
          return r === ref ? tag : setAttr(tag, 'ref', r);
        });
        if (next !== xml) pkg.write(part, next);
      }
    }
    if (z.by > 0 || z.remap) dropCalcChain(pkg);
  } catch (err) {
    if (err instanceof RowOverflow) fail(pkg.fileName, 'BAD_WRITE', `sheet "${target.name}": inserting ${z.by} rows would push content past the last row of the sheet (${err.message})`, sheetPrefix(target.name));
    if (err instanceof RowOrderError) fail(pkg.fileName, 'DAMAGED', `sheet "${target.name}": ${err.message}`, sheetPrefix(target.name));
    throw err;
  }
  return out;
}

/** The element (an open tag `re` finds, any prefix) that holds position `at`, as [start, end); null when none does. */
function enclosing(xml: string, at: number, re: RegExp): [number, number] | null {
  let best: [number, number] | null = null;
  for (const m of xml.slice(0, at).matchAll(re)) {
    const openEnd = tagEnd(xml, m.index);
    const end = closeEnd(xml, m[2]!, m[1]!, openEnd);
    if (end > at) best = [m.index, end];
  }
  return best;
}

/** Whether the part's bytes contain the sheet name (as written in formulas), ignoring ASCII case. */
function mentions(xml: string, sheet: string): boolean {
  const needle = toBytes(sheet).toLowerCase();
  const alt = toBytes(sheet.replaceAll("'", "''")).toLowerCase();
  const hay = xml.toLowerCase();
  return hay.includes(needle) || hay.includes(alt) || hay.includes(toBytes(sheet.replaceAll('&', '&amp;').replaceAll("'", "''")).toLowerCase());
}

/** A worksheet part after the resize. `home` is its own name; only the target sheet's cells move. */
function resizeWorksheet(xml: string, z: Resize, home: string, isTarget: boolean, dataRows: DataRows, out: ResizeOutcome, fileName: string, stringAt: (i: number) => string | undefined): string {
  const sd = findSheetData(xml);
  if (!sd) fail(fileName, 'DAMAGED', `sheet "${home}" has no sheetData`, sheetPrefix(home));
  const sp = new Splicer(xml);
  const rows = parseRows(xml, sd);
  resizeCells(xml, sd.prefix, rows, z, home, isTarget, dataRows, sp, out, stringAt);
  resizeOutside(xml, 0, sd.start, z, home, isTarget, sp);
  resizeOutside(xml, sd.end, xml.length, z, home, isTarget, sp);
  const next = sp.toString();
  const placed = isTarget && z.remap ? placeRegionRows(next, xml, rows, z, fileName) : next;
  return isTarget && z.band ? keepSideCells(placed, xml, rows, z, home, out) : placed;
}

/**
 * Cells beside the table's columns (z.band) stay at their own rows: whatever moved or was copied
 * with the table's rows there is taken out, and the template's cells are put back where they were
 * (their references to moved cells followed; a shared formula written out as its own).
 */
function keepSideCells(xml: string, original: string, originalRows: RowTok[], z: Resize, home: string, out: ResizeOutcome): string {
  const [lo, hi] = z.band!;
  const beside = (col: number) => col < lo || col > hi;
  const from = z.remap ? z.remap.first : z.at;
  const sd0 = findSheetData(original)!;
  const p = sd0.prefix;
  const shared = sharedOf(original, originalRows, p);
  /** The template's side cells by row, as XML. */
  const side = new Map<number, { col: number; text: string }[]>();
  const attrsOf = new Map<number, string>();
  for (const row of originalRows) {
    if (row.num < from || row.selfClosing) continue;
    const cells = parseCells(original, row, p).filter((c) => beside(c.col));
    if (cells.length === 0) continue;
    attrsOf.set(row.num, original.slice(row.start, row.openEnd));
    side.set(row.num, cells.map((c) => ({ col: c.col, text: sideCell(original, c, row.num, p, shared, z, home, out) })));
  }
  const sd = findSheetData(xml)!;
  const rows = parseRows(xml, sd, true);
  let touched = false;
  const merged: { num: number; text: string }[] = [];
  const seen = new Set<number>();
  for (const row of rows) {
    if (row.num < from) {
      merged.push({ num: row.num, text: xml.slice(row.start, row.end) });
      continue;
    }
    seen.add(row.num);
    const cells = row.selfClosing ? [] : parseCells(xml, row, p);
    const mine = side.get(row.num) ?? [];
    if (mine.length === 0 && !cells.some((c) => beside(c.col))) {
      merged.push({ num: row.num, text: xml.slice(row.start, row.end) });
      continue;
    }
    touched = true;
    const kept = cells.filter((c) => !beside(c.col)).map((c) => ({ col: c.col, text: withR(xml.slice(c.start, c.end), c, row.num) }));
    merged.push({ num: row.num, text: rowXml(xml.slice(row.start, row.openEnd), [...kept, ...mine], p) });
  }
  for (const [num, mine] of side) {
    if (seen.has(num)) continue;
    touched = true;
    merged.push({ num, text: rowXml(attrsOf.get(num)!, mine, p) });
  }
  if (!touched) return xml;
  merged.sort((a, b) => a.num - b.num);
  const open = xml.slice(sd.start, sd.openEnd);
  const head = sd.selfClosing ? `${open.slice(0, -2).trimEnd()}>` : open;
  return `${xml.slice(0, sd.start)}${head}${merged.map((r) => r.text).join('')}</${p}sheetData>${xml.slice(sd.end)}`;
}

/** A cell's XML with an explicit r (cells are re-listed, so none may rely on its position). */
function withR(text: string, c: CellTok, num: number): string {
  return c.hasR ? text : text.replace(c.openTag, setAttr(c.openTag, 'r', `${colName(c.col)}${num}`));
}

/** A row element with these cells, in column order (its spans hint dropped: the cells changed). */
function rowXml(openTag: string, cells: { col: number; text: string }[], p: string): string {
  let tag = setAttr(openTag, 'spans', undefined);
  if (tag.endsWith('/>')) tag = `${tag.slice(0, -2).trimEnd()}>`;
  return `${tag}${[...cells].sort((a, b) => a.col - b.col).map((c) => c.text).join('')}</${p}row>`;
}

/** A side cell as it stays: its formula's references to moved cells follow them; a shared formula becomes its own. */
function sideCell(xml: string, c: CellTok, num: number, p: string, shared: SharedText, z: Resize, home: string, out: ResizeOutcome): string {
  const text = withR(xml.slice(c.start, c.end), c, num);
  if (!c.f || c.f.type === 'dataTable') return text;
  const si = c.f.type === 'shared' ? attr(c.f.openTag, 'si') : undefined;
  const own = si !== undefined ? shared(si, num, c.col) : c.f.text;
  if (own === null) return text;
  const next = resizeFormula(own, z, home, true);
  // Nothing it reads moved: the cell stays as written (a shared group beside the table stays one).
  if (next === own) return text;
  const fTag = c.f.type === 'array' ? c.f.openTag.replace(/\/>$/, '>') : `<${p}f>`;
  const fXml = `${fTag}${toBytes(escapeText(next))}</${p}f>`;
  let open = setAttr(c.openTag, 'r', `${colName(c.col)}${num}`);
  if (open.endsWith('/>')) open = `${open.slice(0, -2).trimEnd()}>`;
  out.formulasChanged = true;
  return `${setAttr(open, 't', undefined)}${fXml}</${p}c>`;
}

/**
 * A rearranged region's rows in their new order, and the copied blocks added: a copy is its source
 * row as it now is (its formulas already point where its cells went), moved to the copy's row with
 * its formulas copied there as Excel copies them, its constants and cached results left out.
 */
function placeRegionRows(xml: string, original: string, originalRows: RowTok[], z: Resize, fileName: string): string {
  const m = z.remap!;
  const sd = findSheetData(xml)!;
  const p = sd.prefix;
  const rows = parseRows(xml, sd, true);
  const byNum = new Map(rows.map((r) => [r.num, r]));
  const copies: { num: number; text: string }[] = [];
  for (const c of m.clones)
    for (let src = c.src1; src <= c.src2; src++) {
      const num = c.at + src - c.src1;
      const now = shiftRow(src, z);
      const from = now > 0 ? byNum.get(now) : undefined;
      if (from) copies.push({ num, text: copyRow(xml, from, p, num, num - now, sharedOf(xml, rows, p)) });
      else {
        // A copy of a removed record's block (every record of the table was removed): as it was.
        const orig = originalRows.find((r) => r.num === src);
        if (orig) copies.push({ num, text: copyRow(original, orig, p, num, num - src, sharedOf(original, originalRows, p)) });
      }
    }
  const all = [...rows.map((r) => ({ num: r.num, text: xml.slice(r.start, r.end) })), ...copies].sort((a, b) => a.num - b.num);
  for (let i = 1; i < all.length; i++) if (all[i]!.num === all[i - 1]!.num) fail(fileName, 'BAD_WRITE', `row ${all[i]!.num} would be written twice`);
  const before = rows.length > 0 ? xml.slice(sd.openEnd, rows[0]!.start) : '';
  const after = rows.length > 0 ? xml.slice(rows[rows.length - 1]!.end, sd.innerEnd) : '';
  const open = xml.slice(sd.start, sd.openEnd);
  const head = sd.selfClosing ? `${open.slice(0, -2).trimEnd()}>` : open;
  const tail = recount(recount(recount(xml.slice(sd.end), 'mergeCells', 'mergeCell'), 'dataValidations', 'dataValidation'), 'conditionalFormattings', 'conditionalFormatting');
  return `${xml.slice(0, sd.start)}${head}${before}${all.map((r) => r.text).join('')}${after}</${p}sheetData>${tail}`;
}

/** Each list element's count attribute (x14 lists too) after items were removed or copied; an x14 list left empty goes with its <ext>. */
function recount(xml: string, list: string, item: string): string {
  const re = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?)${list}(?=[\\s>])`, 'g');
  const sp = new Splicer(xml);
  let changed = false;
  for (const m of xml.matchAll(re)) {
    const openEnd = tagEnd(xml, m.index);
    const open = xml.slice(m.index, openEnd);
    if (open.endsWith('/>')) continue;
    const end = closeEnd(xml, list, m[1]!, openEnd);
    if (end < 0) continue;
    const n = xml.slice(openEnd, end).split(new RegExp(`<${m[1]}${item}(?=[\\s/>])`)).length - 1;
    if (n === 0) {
      // A list with nothing left in it goes (an x14 one with its <ext>).
      const ext = /<((?:[A-Za-z_][\w.-]*:)?)ext(?=[\s>])[^<>]*>\s*$/.exec(xml.slice(0, m.index));
      const extEnd = ext ? closeEnd(xml, 'ext', ext[1]!, tagEnd(xml, ext.index)) : -1;
      if (ext && extEnd > 0 && xml.slice(end, extEnd).replace(/<\/[^<>]+>/, '').trim() === '') sp.replace(ext.index, extEnd, '');
      else sp.replace(m.index, end, '');
      changed = true;
      continue;
    }
    if (attr(open, 'count') === undefined || String(n) === attr(open, 'count')) continue;
    sp.replace(m.index, openEnd, setAttr(open, 'count', String(n)));
    changed = true;
  }
  if (!changed) return xml;
  // An extension list left empty is dropped too.
  return sp.toString().replace(/<((?:[A-Za-z_][\w.-]*:)?)extLst>\s*<\/\1extLst>/, '');
}

/** A shared formula's text in one of its cells (from its master), or null. */
type SharedText = (si: string, row: number, col: number) => string | null;

function sharedOf(xml: string, rows: RowTok[], p: string): SharedText {
  let masters: Map<string, { row: number; col: number; text: string }> | undefined;
  return (si, row, col) => {
    if (!masters) {
      masters = new Map();
      const hasF = rowsContaining(xml, rows, `<${p}f`);
      rows.forEach((r, i) => {
        if (!hasF[i]) return;
        for (const c of parseCells(xml, r, p)) {
          const k = c.f && c.f.type === 'shared' && attr(c.f.openTag, 'ref') !== undefined ? attr(c.f.openTag, 'si') : undefined;
          if (k !== undefined && !masters!.has(k)) masters!.set(k, { row: r.num, col: c.col, text: c.f!.text });
        }
      });
    }
    const m = masters.get(si);
    return m ? translate(m.text, row - m.row, col - m.col) : null;
  };
}

/** One row copied to row `num`: formats, row attributes and formulas (moved `by` rows); no values. */
function copyRow(xml: string, row: RowTok, p: string, num: number, by: number, shared: SharedText): string {
  let tag = setAttr(xml.slice(row.start, row.openEnd), 'r', String(num));
  if (row.selfClosing) return tag;
  const cells = parseCells(xml, row, p);
  let body = '';
  for (const c of cells) {
    let open = setAttr(c.openTag, 'r', `${colName(c.col)}${num}`);
    const si = c.f?.type === 'shared' ? attr(c.f.openTag, 'si') : undefined;
    const text = !c.f ? null : c.f.type === 'shared' && si !== undefined ? shared(si, row.num, c.col) : c.f.text;
    if (c.f && text !== null && c.f.type !== 'dataTable') {
      open = setAttr(open, 't', undefined);
      if (open.endsWith('/>')) open = `${open.slice(0, -2).trimEnd()}>`;
      const ref = attr(c.f.openTag, 'ref');
      const fTag = c.f.type === 'array' && ref !== undefined && !ref.includes(':') ? `<${p}f t="array" ref="${colName(c.col)}${num}">` : `<${p}f>`;
      if (c.f.type === 'array' && ref !== undefined && ref.includes(':')) {
        body += selfClose(setAttr(open, 't', undefined));
        continue;
      }
      const copied = translate(text, by, 0);
      // A formula of its own position (=ROW()-4) gets its result at the copy's row (formula-value.ts).
      const shown = positionalValue(copied, num, c.col);
      if (shown?.t === 's') open = setAttr(open, 't', 'str');
      const v = shown ? `<${p}v>${shown.t === 'n' ? numText(shown.v) : toBytes(escapeText(shown.v))}</${p}v>` : '';
      body += `${open}${fTag}${toBytes(escapeText(copied))}</${p}f>${v}</${p}c>`;
      continue;
    }
    open = setAttr(open, 't', undefined);
    body += selfClose(open);
  }
  if (tag.endsWith('/>')) tag = `${tag.slice(0, -2).trimEnd()}>`;
  return `${tag}${body}</${p}row>`;
}

const selfClose = (open: string) => (open.endsWith('/>') ? open : `${open.slice(0, -1).trimEnd()}/>`);

interface SharedMaster {
  row: number;
  col: number;
  text: string;
  r1: number;
  r2: number;
}

function resizeCells(xml: string, p: string, rows: RowTok[], z: Resize, home: string, isTarget: boolean, dataRows: DataRows, sp: Splicer, out: ResizeOutcome, stringAt: (i: number) => string | undefined): void {
  // Rows whose cells we need: moved rows (target) and rows holding a formula.
  const parsed: { row: RowTok; cells: CellTok[]; moves: boolean }[] = [];
  const hasF = rowsContaining(xml, rows, `<${p}f`);
  for (const [i, row] of rows.entries()) {
    const moves = isTarget && (z.remap ? shiftRow(row.num, z) !== row.num : z.by > 0 && row.num >= z.at);
    if (!moves && !hasF[i]) continue;
    parsed.push({ row, cells: parseCells(xml, row, p), moves });
  }
  // Shared formulas: masters by si; a group the insertion splits is written out cell by cell, since
  // its cells above and below the inserted rows no longer share one relative formula.
  const masters = new Map<string, SharedMaster>();
  const split = new Set<string>();
  const changedMasters = new Set<string>();
  for (const { row, cells } of parsed)
    for (const c of cells) {
      if (!c.f || c.f.type !== 'shared') continue;
      const si = attr(c.f.openTag, 'si');
      const ref = attr(c.f.openTag, 'ref');
      if (si === undefined || ref === undefined || masters.has(si)) continue;
      const m = /^[A-Za-z$]*(\d+)(?::[A-Za-z$]*(\d+))?$/.exec(ref);
      const r1 = m ? Number(m[1]) : row.num;
      const r2 = m?.[2] ? Number(m[2]) : r1;
      masters.set(si, { row: row.num, col: c.col, text: c.f.text, r1, r2 });
      if (isTarget && z.by > 0 && r1 < z.at && r2 >= z.at) split.add(si);
      // A rearranged region: a group in it no longer has one relative formula (rows move apart).
      if (isTarget && z.remap && r1 <= z.remap.last && r2 >= z.remap.first) split.add(si);
    }

  for (const { row, cells, moves } of parsed) {
    const newNum = moves ? shiftRow(row.num, z) : row.num;
    if (newNum < 1) {
      // A removed record's row goes with everything in it.
      sp.replace(row.start, row.end, '');
      continue;
    }
    if (newNum > EXCEL_MAX_ROWS) throw new RowOverflow(`row ${row.num} would move past row ${EXCEL_MAX_ROWS}`);
    if (moves) sp.replace(row.start, row.openEnd, setAttr(xml.slice(row.start, row.openEnd), 'r', String(newNum)));
    const grow = !isTarget || row.num < dataRows.first || row.num > dataRows.last;
    let own: RowCell | undefined;
    const rowCell: RowCell = (col) => (own ??= knownCells(cells, stringAt))(col);
    for (const c of cells) {
      let openTag = c.openTag;
      if (moves && c.hasR) openTag = setAttr(openTag, 'r', `${colName(c.col)}${newNum}`);
      if (c.f) {
        const f = c.f;
        const si = attr(f.openTag, 'si');
        let text = f.text;
        let fTag = f.openTag;
        let rewrite = false;
        if (f.type === 'shared' && si !== undefined && split.has(si)) {
          const m = masters.get(si);
          if (m) {
            text = translate(m.text, row.num - m.row, c.col - m.col);
            fTag = `<${p}f>`;
            rewrite = true;
          }
        }
        const isChild = f.type === 'shared' && attr(f.openTag, 'ref') === undefined && !rewrite;
        if (!isChild) {
          const next = resizeFormula(text, z, home, grow, isTarget ? row.num : undefined);
          if (next !== f.text || rewrite) {
            text = next;
            rewrite = true;
          }
          // A shared master's or array formula's range moves with its cells (a split group's is gone).
          const ref = attr(fTag, 'ref');
          if (ref !== undefined) {
            const r = resizeSqref(ref, z, false);
            if (r !== ref) fTag = setAttr(fTag, 'ref', r);
          }
          if (next !== f.text && f.type === 'shared' && si !== undefined) changedMasters.add(si);
        }
        // Whether the cached result still holds (formula-value.ts): a formula whose references all
        // followed their cells keeps it; one of its own position (="task"&ROW()) is computed at its
        // new row; any other is recomputed on open (fullCalcOnLoad), its result dropped.
        const childChanged = isChild && si !== undefined && changedMasters.has(si);
        const own = isChild ? (si !== undefined && masters.has(si) ? translate(masters.get(si)!.text, row.num - masters.get(si)!.row, c.col - masters.get(si)!.col) : null) : f.text;
        const now = isChild ? own : text;
        const moved = rewrite || childChanged || (moves && !!z.remap);
        const stale = (moved && (own === null || !keepsResult(own, home, z))) || (moves && now !== null && readsPosition(now));
        if (rewrite || fTag !== f.openTag) {
          const selfClosing = fTag.endsWith('/>');
          const body = text === '' && selfClosing ? fTag : `${selfClosing ? `${fTag.slice(0, -2).trimEnd()}>` : fTag}${toBytes(escapeText(text))}</${p}f>`;
          sp.replace(f.start, f.end, body);
        }
        if (moved) out.formulasChanged = true;
        if (stale) {
          out.formulasChanged = true;
          const shown = now !== null ? positionalValue(now, newNum, c.col, rowCell) : null;
          const was = c.vStart >= 0 ? xml.slice(c.vStart, c.vEnd) : '';
          const v = shown ? `<${p}v>${shown.t === 'n' ? numText(shown.v) : toBytes(escapeText(shown.v))}</${p}v>` : '';
          if (c.vStart >= 0) sp.replace(c.vStart, c.vEnd, v);
          else if (v !== '') sp.insert(f.end, v);
          openTag = setAttr(openTag, 't', shown?.t === 's' ? 'str' : undefined);
          // Formulas reading this one are stale in turn (stale.ts), unless it shows what it showed.
          if (v !== was || (shown?.t === 's') !== (c.t === 'str')) (out.changed ??= []).push({ sheet: home, row: newNum, col: c.col });
        }
      }
      if (openTag !== c.openTag) sp.replace(c.start, c.openEnd, openTag);
    }
  }
}

const TARGET_ATTRS: Record<string, [string, 'grow' | 'shift'][]> = {
  dimension: [['ref', 'grow']],
  mergeCell: [['ref', 'shift']],
  hyperlink: [['ref', 'shift']],
  conditionalFormatting: [['sqref', 'grow']],
  dataValidation: [['sqref', 'grow']],
  autoFilter: [['ref', 'grow']],
  sortState: [['ref', 'grow']],
  sortCondition: [['ref', 'grow']],
  protectedRange: [['sqref', 'grow']],
  ignoredError: [['sqref', 'grow']],
  cellWatch: [['r', 'shift']],
};
// Sheet views (selection, pane scroll position) are view state and stay as the client left them.
const TAG_RE = /<(?:[A-Za-z_][\w.-]*:)?(dimension|mergeCell|hyperlink|conditionalFormatting|dataValidation|autoFilter|sortState|sortCondition|protectedRange|ignoredError|cellWatch)(?=[\s/>])[^<>]*>/g;
const TEXT_RE = /<((?:[A-Za-z_][\w.-]*:)?)(formula|formula1|formula2|f|sqref)>([^<]*)<\/\1\2>/g;

/** Ranges and rule formulas outside sheetData, in [from, to). */
function resizeOutside(xml: string, from: number, to: number, z: Resize, home: string, isTarget: boolean, sp: Splicer): void {
  const part = xml.slice(from, to);
  /** Elements removed whole ([start, end) in xml): nothing inside them is edited. */
  const removed: [number, number][] = [];
  for (const m of part.matchAll(TAG_RE)) {
    if (removed.some(([a, b]) => from + m.index >= a && from + m.index < b)) continue;
    const tag = m[0];
    let next = tag;
    let gone = false;
    let extra = '';
    if (isTarget)
      for (const [name, how] of TARGET_ATTRS[m[1]!]!) {
        const v = attr(next, name);
        if (v === undefined) continue;
        // Merges, validations and conditional formats of a copied block are copied with it.
        const copies = m[1] === 'conditionalFormatting' || m[1] === 'dataValidation';
        const r = resizeSqref(v, z, how === 'grow', copies);
        if (m[1] === 'mergeCell') for (const c of cloneRanges(v, z)) extra += setAttr(tag, 'ref', c);
        // A merge shrunk to one cell (the other rows of a group label removed) merges nothing: it goes.
        const oneCell = m[1] === 'mergeCell' && r !== '' && (!r.includes(':') || r.split(':')[0] === r.split(':')[1]);
        if ((r === '' && z.remap) || oneCell) gone = true;
        else if (r !== v) next = setAttr(next, name, r);
      }
    if (gone && (m[1] === 'mergeCell' || m[1] === 'hyperlink' || m[1] === 'conditionalFormatting' || m[1] === 'dataValidation')) {
      // Everything it covered was removed: so is it (with its rules, when it has any).
      const start = from + m.index;
      let end = start + tag.length;
      if (!tag.endsWith('/>')) {
        const prefix = /^<([A-Za-z_][\w.-]*:)?/.exec(tag)?.[1] ?? '';
        const e = closeEnd(xml, m[1]!, prefix, end);
        if (e > 0) end = e;
      }
      sp.replace(start, end, extra);
      removed.push([start, end]);
      continue;
    }
    if (extra !== '') {
      sp.replace(from + m.index, from + m.index + tag.length, next + extra);
      continue;
    }
    if (m[1] === 'hyperlink') {
      const loc = attr(next, 'location');
      if (loc !== undefined) {
        const f = xmlText(loc);
        const r = resizeFormula(f, z, null, false);
        if (r !== f) next = setAttr(next, 'location', toBytes(escapeXml(r)));
      }
    }
    if (next !== tag) sp.replace(from + m.index, from + m.index + tag.length, next);
  }
  // A sparkline's location (<xm:sqref> inside <x14:sparkline>) is one cell: it moves, never grows.
  const sparklines = [...part.matchAll(/<(?:[A-Za-z_][\w.-]*:)?sparklineGroups[\s>](?:(?!<(?:[A-Za-z_][\w.-]*:)?sparklineGroups[\s>])[\s\S])*?<\/(?:[A-Za-z_][\w.-]*:)?sparklineGroups>/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const inSparklines = (at: number) => sparklines.some(([a, b]) => at >= a && at < b);
  // Ranges first (a rule whose range is all gone goes whole), then the formulas of what is left.
  const texts = [...part.matchAll(TEXT_RE)];
  for (const m of [...texts.filter((t) => t[2] === 'sqref'), ...texts.filter((t) => t[2] !== 'sqref')]) {
    if (removed.some(([a, b]) => from + m.index >= a && from + m.index < b)) continue;
    const local = m[2]!;
    const raw = m[3]!;
    let next = raw;
    if (local === 'sqref') {
      if (isTarget) next = resizeSqref(raw, z, !inSparklines(m.index), !inSparklines(m.index));
      if (next === '') {
        // Everything an x14 rule or validation covered was removed: so is it (a sparkline keeps its cell).
        const whole = inSparklines(m.index) ? null : enclosing(xml, from + m.index, /<((?:[A-Za-z_][\w.-]*:)?)(conditionalFormatting|dataValidation)(?=[\s>])/g);
        if (whole) {
          sp.replace(whole[0], whole[1], '');
          removed.push(whole);
          continue;
        }
        next = raw;
      }
    } else {
      const f = xmlText(raw);
      const r = resizeFormula(f, z, home, true);
      if (r !== f) next = toBytes(escapeText(r));
    }
    if (next !== raw) {
      const at = from + m.index + m[1]!.length + local.length + 2;
      sp.replace(at, at + raw.length, next);
    }
  }
  if (isTarget && (z.by > 0 || z.remap)) {
    // Form controls and OLE objects anchored in the sheet itself (<controlPr><anchor moveWithCells="1">).
    for (const m of part.matchAll(/<((?:[A-Za-z_][\w.-]*:)?)anchor(?=[\s>])([^<>]*)>((?:(?!<\1anchor[\s>/])[\s\S])*?)<\/\1anchor>/g)) {
      const tag = `<x ${m[2]}>`;
      const moves = attr(tag, 'moveWithCells') === '1' || attr(tag, 'moveWithCells') === 'true';
      const sizes = attr(tag, 'sizeWithCells') === '1' || attr(tag, 'sizeWithCells') === 'true';
      if (!moves && !sizes) continue;
      const next = moveAnchor(m[3]!, z, sizes ? 'twoCell' : 'oneCell');
      if (next !== m[3]) {
        const at = from + m.index + m[0].length - m[3]!.length - `</${m[1]}anchor>`.length;
        sp.replace(at, at + m[3]!.length, next);
      }
    }
    // Manual page breaks below the insertion move with their rows (rowBreaks only: colBreaks are columns).
    for (const m of part.matchAll(/<((?:[A-Za-z_][\w.-]*:)?)rowBreaks(?=[\s>])[^<>]*>((?:(?!<\1rowBreaks[\s>/])[\s\S])*?)<\/\1rowBreaks>/g)) {
      const bodyAt = from + m.index + m[0].indexOf('>') + 1;
      for (const b of m[2]!.matchAll(/<(?:[A-Za-z_][\w.-]*:)?brk(?=[\s/>])[^<>]*>/g)) {
        const id = Number(attr(b[0], 'id'));
        if (!Number.isInteger(id) || (!z.remap && id < z.at)) continue;
        const to = Math.min(z.remap ? shiftRowNear(id, z) : id + z.by, EXCEL_MAX_ROWS);
        if (to !== id) sp.replace(bodyAt + b.index, bodyAt + b.index + b[0].length, setAttr(b[0], 'id', String(to)));
      }
    }
  }
}

function resizeDefinedNames(pkg: Package, z: Resize, out: ResizeOutcome): void {
  const xml = pkg.read(pkg.workbookPart)!;
  const next = xml.replace(/<((?:[A-Za-z_][\w.-]*:)?)definedName(?=[\s>])([^<>]*)>([^<]*)<\/\1definedName>/g, (whole, _p: string, attrs: string, raw: string) => {
    const local = attr(`<x ${attrs}>`, 'localSheetId');
    const home = local !== undefined ? (pkg.sheets[Number(local)]?.name ?? null) : null;
    const f = xmlText(raw);
    const r = resizeFormula(f, z, home, true);
    if (r === f) return whole;
    out.formulasChanged = true;
    return whole.replace(`>${raw}<`, `>${toBytes(escapeText(r))}<`);
  });
  if (next !== xml) pkg.write(pkg.workbookPart, next);
}

function resizeTable(xml: string, z: Resize, home: string, out: ResizeOutcome): string {
  let next = xml.replace(/<(?:[A-Za-z_][\w.-]*:)?(table|autoFilter|sortState|sortCondition)(?=[\s/>])[^<>]*>/g, (tag) => {
    const ref = attr(tag, 'ref');
    if (ref === undefined) return tag;
    const r = resizeSqref(ref, z, true);
    return r === ref ? tag : setAttr(tag, 'ref', r);
  });
  next = replaceElementText(next, 'calculatedColumnFormula', (f) => resizeFormula(f, z, home, true), out);
  next = replaceElementText(next, 'totalsRowFormula', (f) => resizeFormula(f, z, home, true), out);
  return next;
}

/** Replaces the text of every <local>…</local> (any prefix) through fn (on decoded text). */
function replaceElementText(xml: string, local: string, fn: (text: string) => string, out?: ResizeOutcome): string {
  const re = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?)${local}((?:\\s[^<>]*)?)>([^<]*)</\\1${local}>`, 'g');
  return xml.replace(re, (whole, p: string, attrs: string, raw: string) => {
    const f = xmlText(raw);
    const r = fn(f);
    if (r === f) return whole;
    if (out) out.formulasChanged = true;
    return `<${p}${local}${attrs}>${toBytes(escapeText(r))}</${p}${local}>`;
  });
}

/** Comments move with their cells; one whose cell was removed goes with it. */
function resizeComments(xml: string, local: string, z: Resize): string {
  const re = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?)${local}(?=[\\s/>])[^<>]*>`, 'g');
  const sp = new Splicer(xml);
  let changed = false;
  for (const m of xml.matchAll(re)) {
    const tag = m[0];
    const v = attr(tag, 'ref');
    if (v === undefined) continue;
    const r = resizeRangeText(v, z, false);
    if (r === v) continue;
    changed = true;
    if (r !== '') {
      sp.replace(m.index, m.index + tag.length, setAttr(tag, 'ref', r));
      continue;
    }
    const end = tag.endsWith('/>') ? m.index + tag.length : closeEnd(xml, local, m[1]!, m.index + tag.length);
    sp.replace(m.index, end > 0 ? end : m.index + tag.length, '');
  }
  return changed ? sp.toString() : xml;
}

function replaceAttrs(xml: string, local: string, name: string, fn: (v: string) => string): string {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])[^<>]*>`, 'g');
  return xml.replace(re, (tag) => {
    const v = attr(tag, name);
    if (v === undefined) return tag;
    const r = fn(v);
    return r === v ? tag : setAttr(tag, name, r);
  });
}

/**
 * The <from>/<to> rows (0-based) of one anchor's body after the resize: 'twoCell' moves each edge
 * with its row (move and size with cells), 'oneCell' moves the whole object when its top moves.
 */
function moveAnchor(body: string, z: Resize, how: 'twoCell' | 'oneCell'): string {
  const shift0 = (r0: number) => Math.min(shiftRowNear(r0 + 1, z), EXCEL_MAX_ROWS) - 1;
  const edge = (name: string) => new RegExp(`(<(?:[A-Za-z_][\\w.-]*:)?${name}>(?:(?!</?(?:[A-Za-z_][\\w.-]*:)?${name}>)[\\s\\S])*?<(?:[A-Za-z_][\\w.-]*:)?row>)(\\d+)(</(?:[A-Za-z_][\\w.-]*:)?row>)`);
  const from = edge('from').exec(body);
  if (!from) return body;
  // An object wholly beside the table's columns stays with the content there.
  const colOf = (name: string) => new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}>(?:(?!</?(?:[A-Za-z_][\\w.-]*:)?${name}>)[\\s\\S])*?<(?:[A-Za-z_][\\w.-]*:)?col>(\\d+)<`).exec(body);
  const c1 = colOf('from');
  const c2 = colOf('to') ?? c1;
  if (c1 && outsideBand(z, Number(c1[1]), Number(c2![1]))) return body;
  const r0 = Number(from[2]);
  const moved = shift0(r0);
  let next = body.replace(edge('from'), `$1${moved}$3`);
  const to = edge('to').exec(body);
  if (to) {
    const t0 = Number(to[2]);
    next = next.replace(edge('to'), `$1${how === 'oneCell' ? t0 + (moved - r0) : shift0(t0)}$3`);
  }
  return next;
}

/**
 * Drawing anchors (rows are 0-based there). twoCell anchors move and size with cells (each edge by
 * its own row), oneCell anchors move without resizing, absolute ones stay.
 */
function resizeDrawing(xml: string, z: Resize): string {
  if (z.by <= 0 && !z.remap) return xml;
  return xml.replace(/<((?:[A-Za-z_][\w.-]*:)?)(twoCellAnchor|oneCellAnchor)(?=[\s>])([^<>]*)>((?:(?!<\1\2[\s>/])[\s\S])*?)<\/\1\2>/g, (whole, p: string, kind: string, attrs: string, body: string) => {
    const editAs = attr(`<x ${attrs}>`, 'editAs') ?? 'twoCell';
    if (kind === 'twoCellAnchor' && editAs === 'absolute') return whole;
    const next = moveAnchor(body, z, kind === 'twoCellAnchor' && editAs !== 'oneCell' ? 'twoCell' : 'oneCell');
    return next === body ? whole : `<${p}${kind}${attrs}>${next}</${p}${kind}>`;
  });
}

/** Legacy VML (comment boxes): <x:Row> and the rows of <x:Anchor>, 0-based. */
function resizeVml(xml: string, z: Resize): string {
  if (z.by <= 0 && !z.remap) return xml;
  // A note whose cell's row was removed goes with its comment.
  const next = xml.replace(/<(\w+:)?shape(?=[\s>])(?:(?!<\/(?:\w+:)?shape>)[\s\S])*?<\/(?:\w+:)?shape>/g, (shape) => {
    if (!/ObjectType="Note"/.test(shape)) return shape;
    const row = /<(?:\w+:)?Row>\s*(\d+)\s*</.exec(shape);
    const col = /<(?:\w+:)?Column>\s*(\d+)\s*</.exec(shape);
    if (col && outsideBand(z, Number(col[1]), Number(col[1]))) return shape;
    return row && shiftRow(Number(row[1]) + 1, z) < 1 ? '' : shape;
  });
  // A note beside the table's columns stays where it is.
  if (z.band)
    return next.replace(/<(\w+:)?shape(?=[\s>])(?:(?!<\/(?:\w+:)?shape>)[\s\S])*?<\/(?:\w+:)?shape>/g, (shape) => {
      const col = /<(?:\w+:)?Column>\s*(\d+)\s*</.exec(shape);
      return col && outsideBand(z, Number(col[1]), Number(col[1])) ? shape : moveVmlShape(shape, z);
    });
  return moveVmlShape(next, z);
}

/** The rows of VML notes (<x:Row>, the rows of <x:Anchor>) after the resize. */
function moveVmlShape(xml: string, z: Resize): string {
  const shift0 = (r0: number) => Math.min(shiftRowNear(r0 + 1, z), EXCEL_MAX_ROWS) - 1;
  let next = xml;
  next = next.replace(/(<(\w+:)?Row>)\s*(\d+)\s*(<\/(?:\w+:)?Row>)/g, (w, a: string, _p, r: string, b: string) => (shift0(Number(r)) === Number(r) ? w : `${a}${shift0(Number(r))}${b}`));
  next = next.replace(/(<(\w+:)?Anchor>)([^<]*)(<\/(?:\w+:)?Anchor>)/g, (w, a: string, _p, body: string, b: string) => {
    const n = body.split(',').map((s) => s.trim());
    if (n.length !== 8 || n.some((s) => !/^\d+$/.test(s))) return w;
    const r1 = shift0(Number(n[2]));
    const r2 = shift0(Number(n[6]));
    if (r1 === Number(n[2]) && r2 === Number(n[6])) return w;
    n[2] = String(r1);
    n[6] = String(r2);
    return `${a}${n.join(', ')}${b}`;
  });
  return next;
}

function dropCalcChain(pkg: Package): void {
  const rel = pkg.rels(pkg.workbookPart).find((r) => r.type === 'calcChain');
  const part = rel?.target ?? (pkg.has('xl/calcChain.xml') ? 'xl/calcChain.xml' : null);
  if (part === null || !pkg.has(part)) return;
  pkg.remove(part);
  pkg.removeRelsTo(pkg.workbookPart, part);
  pkg.removeContentType(part);
}
