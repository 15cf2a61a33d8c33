// The client's own list for a column: the list validation of its cells in the client's workbook
// ("Open,Closed", $X$1:$X$5, Lists!$A$2:$A$6, or a defined name for one), read as the cells show it.
// Import keeps it in the profile's value map (ValueMap.clientList), so an export writes only words the
// client's list has.
import { textOf } from './cell-values.js';
import { columnName, parseCellRef, parseRange, type WorkbookModel } from '../../../common/excel/model.js';

/** Items of a client list kept at most. */
const MAX_ITEMS = 200;

/** A sheet-qualified range: 'My Sheet'!$A$2:$A$6, Lists!A:A, $B$1:$B$9 (the validation's own sheet). */
function rangeOf(formula: string, ownSheet: string): { sheet: string; range: string } | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?(\$?[A-Z]{1,3}\$?\d*(?::\$?[A-Z]{1,3}\$?\d*)?)$/.exec(formula.trim());
  if (!m) return null;
  const sheet = m[1]?.replace(/''/g, "'") ?? m[2] ?? ownSheet;
  return { sheet, range: m[3]!.replace(/\$/g, '') };
}

/**
 * The range a list's formula computes where it is written the ways templates grow their lists on a
 * (often hidden) sheet of choices: INDIRECT("選択肢!A2:A9") names it as text; OFFSET(選択肢!$A$2,0,0,
 * COUNTA(選択肢!$A:$A)-1,1) starts at the anchor moved by its whole rows and columns and runs down the
 * column as far as the count says — read as the column's cells from there down (what COUNTA counts), or
 * as many rows as a height written as a number. Null for any other formula.
 */
function dynamicRange(formula: string): string | null {
  const call = /^(indirect|offset)\((.*)\)$/is.exec(formula.trim());
  if (!call) return null;
  const args = topLevelArgs(call[2]!);
  if (call[1]!.toLowerCase() === 'indirect') return /^"[^"]+"$/.test(args[0] ?? '') && args.length <= 2 ? args[0]!.slice(1, -1) : null;
  const anchor = /^((?:'(?:[^']|'')+'|[^'!]+)!)?(\$?[A-Z]{1,3}\$?\d+)$/.exec(args[0] ?? '');
  const at = anchor ? parseCellRef(anchor[2]!) : null;
  const [rows, cols] = [args[1] ?? '0', args[2] ?? '0'].map((a) => (/^\d+$/.test(a.trim()) ? Number(a) : a.trim() === '' ? 0 : NaN));
  if (!anchor || !at || !Number.isInteger(rows) || !Number.isInteger(cols)) return null;
  const height = /^\d+$/.test((args[3] ?? '').trim()) ? Number(args[3]) : null;
  const col = columnName(at.c + cols!);
  const top = at.r + 1 + rows!;
  return `${anchor[1] ?? ''}${col}${top}:${col}${height !== null ? top + Math.max(1, height) - 1 : 1048576}`;
}

/** A call's arguments split at its own commas (not those inside nested calls or quotes). */
function topLevelArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let part = '';
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && ch === ',') {
      out.push(part.trim());
      part = '';
    } else part += ch;
  }
  out.push(part.trim());
  return out;
}

/** The words of a list validation's formula, in its order; null when it names nothing readable. */
export function listWords(model: WorkbookModel, ownSheet: string, formula: string): string[] | null {
  let f = formula.trim().replace(/^=/, '');
  if (/^".*"$/s.test(f))
    return f
      .slice(1, -1)
      .split(',')
      .map((w) => w.trim())
      .filter((w) => w !== '')
      .slice(0, MAX_ITEMS);
  const named = model.names?.[f];
  if (named !== undefined) f = named.trim().replace(/^=/, '');
  const ref = rangeOf(dynamicRange(f) ?? f, ownSheet);
  if (!ref) return null;
  const sheet = model.sheets.find((s) => s.name === ref.sheet);
  // Whole columns (A:A) as rows 1 to the sheet's end.
  const whole = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(ref.range);
  const box = parseRange(whole ? `${whole[1]}1:${whole[2]}1048576` : ref.range.includes(':') ? ref.range : `${ref.range}:${ref.range}`);
  if (!sheet || !box) return null;
  const out: string[] = [];
  for (const row of sheet.rows) {
    if (row.r < box.r1 || row.r > box.r2) continue;
    for (const cell of row.cells)
      if (cell.c >= box.c1 && cell.c <= box.c2 && cell.t !== 'e') {
        const w = textOf(cell, model.date1904).trim();
        if (w !== '' && !out.includes(w)) out.push(w);
      }
    if (out.length >= MAX_ITEMS) break;
  }
  return out.length ? out : null;
}

/** The client list of the cell (r, c) of `sheet` (0-based): the first list validation covering it. */
export function clientListAt(model: WorkbookModel, sheet: string, r: number, c: number): string[] | null {
  const s = model.sheets.find((x) => x.name === sheet);
  for (const v of s?.lists ?? []) {
    const covers = v.sqref
      .split(/\s+/)
      .map((part) => parseRange(part.includes(':') ? part : `${part}:${part}`))
      .some((b) => b !== null && r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2);
    if (covers) return listWords(model, sheet, v.formula);
  }
  return null;
}

/** What separates a note's list words (the split below): a text without one lists nothing. */
// (And arrows, the way a note gives a status column's stages in order: 状態：素案 → 確定 → 周知済.)
const LIST_SEPARATOR = /[／/・、,，→⇒＞>]/;

/**
 * A column's words as a note on the sheet lists them, the way forms without validation close a column's
 * list: `※区分　課題／質問／要望` or `区分：課題・質問・要望` (the column's header word, then two or more
 * words between ／ ・ 、 , or /). Only where every word the column uses is one of them (a note of the
 * same word about something else names other words). Codes explained one by one (A：至急 B：通常) are a
 * legend (code-legend.ts), not a list. Null where no note lists the column's words.
 */
export function noteListOf(model: WorkbookModel, sheet: string, label: string, used: readonly string[]): string[] | null {
  const s = model.sheets.find((x) => x.name === sheet);
  const key = (w: string) => w.normalize('NFKC').trim().toLowerCase();
  const head = label.trim();
  if (!s || head === '' || used.length === 0) return null;
  const headKey = key(head);
  for (const row of s.rows)
    for (const cell of row.cells) {
      // (Asked of every text cell of the sheet, per list column: a cell with no list separator in it is
      // passed over before it is normalized — a 100,000-row sheet's records are all such cells.)
      if (cell.t !== 's' || !LIST_SEPARATOR.test(cell.v as string)) continue;
      const text = (cell.v as string).trim().replace(/^[※*＊]\s*/, '');
      if (key(text.slice(0, head.length)) !== headKey) continue;
      const words = text.slice(head.length).replace(/^\s*[:：=＝]?\s*/, '').split(/\s*[／/・、,，→⇒＞>]\s*/).map((w) => w.trim());
      // (A word of a few English words — In progress — is one word of the list; a phrase of more is a sentence.)
      if (words.length < 2 || words.some((w) => w === '' || w.length > 20 || /[:：=＝]|\s\s|\u3000|(?:\S+\s+){3}/u.test(w))) continue;
      const listed = new Set(words.map(key));
      if (used.every((w) => listed.has(key(w)))) return words;
    }
  return null;
}
