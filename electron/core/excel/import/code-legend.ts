// Codes whose meaning the workbook writes down: a column of 1/2/3, A/B/C or ◎/○/△ explained on a legend
// sheet (凡例, 記入要領, Lookup: a `code | word` two-column table, often the source of the column's list
// validation) or in a note above the table (`状態は 1:未着手 2:対応中 3:完了 で記入`). A person reads the
// codes through that legend (blind set 5, K6: 1/2/3 were asked as new words with no suggestion). Pure.
//
// Legends are found wherever the workbook writes them; the one a column is read through must explain
// every code the column holds, and its words must read in the column's field (未着手/対応中/完了 as a
// status, 高/中/低 as a priority): so a legend of another column, or a numbered list that is no legend,
// never fits. Where several fit and disagree, the one titled with the column's header decides; else none.
import { textOf } from './cell-values.js';
import { labelKey } from './synonyms.js';
import type { Cell, WorkbookModel } from '../../../common/excel/model.js';

export interface Legend {
  /** Folded code (codeKey) → the word it stands for, as written. */
  words: Map<string, string>;
  /** The legend's title (状態, ・状態は, Priority), folded by labelKey; '' when none is written. */
  title: string;
  /** 0-based sheet index and row where it was found (for the tests and tie-breaks). */
  sheet: number;
  r: number;
}

/** A code as a column writes it: NFKC, trimmed, upper case (a, Ａ and A are one code). */
export function codeKey(s: string): string {
  return s.normalize('NFKC').trim().toUpperCase();
}

/** A cell that can be a code: a whole number, or a short token (A, S, ◎, P1, ｈ) with no spaces. */
export function isCode(text: string): boolean {
  const k = codeKey(text);
  return k !== '' && k.length <= 3 && !/\s/.test(k) && !/^\d+\.\d+$/.test(k);
}

// A code and its word written in a line: `1:未着手`, `A＝高`, `◎…完了`, `1. Open`, `3)低`.
const CODE = String.raw`[0-9A-Za-z０-９Ａ-Ｚａ-ｚ◎○◯〇△▲▽×✕✖●■□◆◇★☆]{1,3}`;
const PAIR = new RegExp(String.raw`(?<=^|[\s\u3000,、，;；/／|｜(（【\[「:：])(${CODE})\s*(?:[:：=＝]|[.．)）](?=\s|\p{L}))\s*([^\s\u3000,、，;；/／|｜:：=＝()（）【】「」\[\]]+)`, 'gu');
// A title before a line's pairs is its words up to them: `・状態は` `重要度：` `Status -`.
const TITLE_TAIL = /[\s\u3000:：=＝\-–—は(（【\[]+$/u;

/** The legends a line of text writes, one per run of pairs (a title between two runs starts the next). */
export function lineLegends(text: string, sheet: number, r: number): Legend[] {
  const out: Legend[] = [];
  let current: Legend | null = null;
  let last = 0;
  for (const m of text.matchAll(PAIR)) {
    const gap = text.slice(last, m.index);
    // Words between two pairs (not only separators) are the next legend's title.
    if (!current || /[\p{L}\p{N}]/u.test(gap)) {
      if (current && current.words.size >= 2) out.push(current);
      current = { words: new Map(), title: labelKey(gap.replace(TITLE_TAIL, '').replace(/^[・\s\u3000※*●■◆]+/u, '')), sheet, r };
    }
    const code = codeKey(m[1]!);
    if (!current.words.has(code)) current.words.set(code, m[2]!);
    last = m.index + m[0].length;
  }
  if (current && current.words.size >= 2) out.push(current);
  return out;
}

/** Rows of a sheet looked at for legends: a legend sheet is short; a second big table is not read whole. */
const MAX_ROWS = 2000;

// Headers of a legend table's own columns, not its title: コード | 意味, Value | Meaning.
const GENERIC = new Set(['コード', '値', '番号', '記号', '区分', '意味', '内容', '説明', '名称', '表示', 'code', 'value', 'key', 'id', 'no', 'no.', 'meaning', 'description', 'label', 'name', 'text'].map((w) => labelKey(w)));

/**
 * Every legend the workbook writes outside the table itself (`skip(sheet, r, c)` is true for the table's
 * own cells): `code | word` tables of two adjacent columns (two rows or more, titled by the text above
 * them), and lines of `code:word` pairs (a note above the table, a legend box, one pair per cell).
 */
export function workbookLegends(model: WorkbookModel, skip: (sheet: number, r: number, c: number) => boolean): Legend[] {
  const out: Legend[] = [];
  model.sheets.forEach((sheet, s) => {
    if (sheet.skipped) return;
    const rows = sheet.rows.length > MAX_ROWS ? sheet.rows.slice(0, MAX_ROWS) : sheet.rows;
    const text = (cell: Cell | undefined) => (cell && cell.t !== 'e' ? textOf(cell, model.date1904).trim() : '');
    const byRow = new Map(rows.map((row) => [row.r, row]));
    const at = (r: number, c: number) => {
      const cells = byRow.get(r)?.cells;
      return cells?.find((x) => x.c === c);
    };
    // Lines of pairs.
    for (const row of rows) {
      const line = row.cells
        .filter((cell) => cell.t === 's' && !skip(s, row.r, cell.c))
        .map((cell) => cell.v as string)
        .join(' ');
      if (line !== '') out.push(...lineLegends(line, s, row.r));
    }
    // `code | word` tables: runs of rows with a code in column c and a word in c + 1.
    const pairAt = (r: number, c: number): [string, string] | null => {
      if (skip(s, r, c) || skip(s, r, c + 1)) return null;
      const code = at(r, c);
      const word = at(r, c + 1);
      if (!code || !word || word.t !== 's' || (code.t !== 's' && code.t !== 'n')) return null;
      const k = text(code);
      const w = text(word);
      return isCode(k) && w !== '' && !/^\d+$/.test(w) ? [codeKey(k), w] : null;
    };
    const seen = new Set<string>();
    for (const row of rows)
      for (const cell of row.cells) {
        const key = `${row.r}:${cell.c}`;
        if (seen.has(key) || !pairAt(row.r, cell.c)) continue;
        const words = new Map<string, string>();
        let r = row.r;
        for (let p = pairAt(r, cell.c); p; p = pairAt(++r, cell.c)) {
          seen.add(`${r}:${cell.c}`);
          if (!words.has(p[0])) words.set(p[0], p[1]);
        }
        if (words.size < 2) continue;
        // The title: the text above the run (over the code or the word), past a row of column headers.
        let title = '';
        for (let up = row.r - 1; up >= Math.max(0, row.r - 2) && title === ''; up--) {
          const t = labelKey(text(at(up, cell.c)) || text(at(up, cell.c + 1)) || text(at(up, cell.c - 1)));
          if (t !== '' && !GENERIC.has(t)) title = t;
          else if (t === '') break;
        }
        out.push({ words, title, sheet: s, r: row.r });
      }
  });
  return out;
}

/**
 * The legend a column is read through: it explains every code of the column (`codes`, folded), and
 * `reads` gives a code of ours for each of their words. The codes read, or null when no legend fits, or
 * several fit with different readings and no single one is titled with the column's `label`.
 */
export function legendFor(legends: readonly Legend[], codes: ReadonlySet<string>, label: string, reads: (word: string) => string | null, named: (title: string) => boolean): Map<string, string> | null {
  if (codes.size === 0) return null;
  const fits: { legend: Legend; reading: Map<string, string> }[] = [];
  for (const legend of legends) {
    if (![...codes].every((c) => legend.words.has(c))) continue;
    const reading = new Map<string, string>();
    for (const [code, word] of legend.words) {
      const ours = reads(word);
      if (ours !== null) reading.set(code, ours);
    }
    if ([...codes].every((c) => reading.has(c))) fits.push({ legend, reading });
  }
  if (fits.length === 0) return null;
  const same = (a: Map<string, string>, b: Map<string, string>) => [...codes].every((c) => a.get(c) === b.get(c));
  if (fits.every((f) => same(f.reading, fits[0]!.reading))) return fits[0]!.reading;
  const key = labelKey(label);
  const titled = fits.filter((f) => f.legend.title !== '' && (f.legend.title.includes(key) || key.includes(f.legend.title) || named(f.legend.title)));
  return titled.length > 0 && titled.every((f) => same(f.reading, titled[0]!.reading)) ? titled[0]!.reading : null;
}

/** A legend's word as a list reads it: whole, else without its note in brackets (高（業務停止）→ 高), else its first word. */
export function legendWordForms(word: string): string[] {
  const w = word.normalize('NFKC').trim();
  const bare = w.replace(/[(（[【][^)）\]】]*[)）\]】]?/gu, '').trim();
  const first = bare.split(/[\s\u3000:：、,，。・/／-]+/u)[0] ?? '';
  return [...new Set([w, bare, first].filter((x) => x !== ''))];
}
