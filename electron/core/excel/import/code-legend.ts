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

// A code and its word written in a line: `1:未着手`, `A＝高`, `◎…完了`, `1. Open`, `3)低`, `G - On track`,
// and a mark right before its word (`◎完了 ○対応中`) or one space before it (`◎ 承認済　○ レビュー中`: a mark
// is no word, so a space after it cannot start a sentence; a digit or letter before one space can: `1 未着手`,
// `A 案`, and stays unread — blind set 12, R5). The code starts the text or follows a separator or a
// closed title (`【状態】◎：完了`, blind set 6, L5: the 】 hid the first pair and the legend went unread).
// (A lone dash is a code too: `－＝対象外`, the mark of a check that does not apply.)
// The marks are the circles, half and quarter circles, triangles and bullets registers draw a state with
// (○◐●▲, ◔◑◕, ◇◆, ▽▼): a legend with one of them missing (◐ of ○ ◐ ● ▲) explained too few of its column's
// codes and was not read, so ▲ was guessed from its shape against the legend's ▲：保留 (blind set 19, I7).
const SHAPES = '◎○◯〇◉◐◑◒◓◔◕◖◗●△▲▽▼◬⊿';
const CODE = String.raw`(?:[0-9A-Za-z０-９Ａ-Ｚａ-ｚ${SHAPES}×✕✖✓✔✗■□◆◇★☆]{1,3}|[－ー―‐-])`;
const MARK = String.raw`[${SHAPES}×✕✖]`;
const BEFORE = String.raw`(?<=^|[\s\u3000,、，;；/／|｜(（【\[「」】)）\]:：])`;
const SEP = String.raw`\s*(?:[:：=＝]|[.．)）](?=\s|\p{L})|[…‥･・]+|[→⇒]|-+>|\s[-－–—](?=\s))\s*`;
const PAIR_START = new RegExp(String.raw`${BEFORE}(?:(${CODE})${SEP}|(${MARK})[ \u3000]?(?=[\p{L}]))`, 'gu');
// What ends a pair's word: a list separator (`,` `、` `/`), a full-width space, two spaces, a line break.
// (Not the slash of N/A, a word of its own: `- = N/A`.)
const WORD_END = /[,、，;；|｜\u3000\n]|(?<!^[Nn])[/／]|\s{2,}/u;
// Where a title starts inside the text between two pairs: a bracket or a heading mark (`【優先度】`, `■重要度`).
const TITLE_OPEN = /[【[■◆※]/u;
// A title before a line's pairs is its words up to them: `・状態は` `重要度：` `Status -` `【状態】`.
const TITLE_TAIL = /[\s\u3000:：=＝\-–—は(（【\[\]】)）]+$/u;
const TITLE_HEAD = /^[・\s\u3000※*●■◆【[(（]+/u;
const titleKey = (t: string) => labelKey(t.replace(TITLE_TAIL, '').replace(TITLE_HEAD, '').replace(TITLE_TAIL, ''));

/**
 * The text between a pair's separator and the next pair's code: the pair's word, and the next legend's
 * title where one is written between them (`完了 優先度：`, `完了 【優先度】`, `完了、重要度は`). A word may
 * hold spaces (`On track`, `At risk`): it ends at a list separator, a title, or the text's end.
 */
function splitSegment(seg: string, last: boolean): { word: string; title: string | null } {
  const trimmed = seg.replace(/^[\s\u3000]+/u, '');
  const open = trimmed.search(TITLE_OPEN);
  const end = trimmed.search(WORD_END);
  let cut = [open, end].filter((i) => i > 0).reduce((a, b) => Math.min(a, b), trimmed.length);
  // No separator: a title written as `… 優先度：` or `… 重要度は` is the last word before the next pair.
  if (cut === trimmed.length && !last && /[:：]\s*$|は\s*$/u.test(trimmed)) {
    const sp = trimmed.replace(/[\s\u3000]+$/u, '').search(/\s\S+$/u);
    if (sp > 0) cut = sp;
  }
  const word = trimmed.slice(0, cut).trim();
  const rest = trimmed.slice(cut);
  return { word, title: /[\p{L}\p{N}]/u.test(rest.replace(/[,、，;；/／|｜]/gu, '')) ? rest : null };
}

/** The legends a line of text writes, one per run of pairs (a title between two runs starts the next). */
export function lineLegends(text: string, sheet: number, r: number): Legend[] {
  const out: Legend[] = [];
  const starts = [...text.matchAll(PAIR_START)];
  let current: Legend | null = null;
  let title = starts.length ? text.slice(0, starts[0]!.index) : '';
  const close = () => {
    if (current && current.words.size >= 2) out.push(current);
    current = null;
  };
  starts.forEach((m, i) => {
    if (current === null) current = { words: new Map(), title: titleKey(title), sheet, r };
    const next = starts[i + 1];
    const { word, title: after } = splitSegment(text.slice(m.index + m[0].length, next ? next.index : text.length), !next);
    const code = codeKey((m[1] ?? m[2])!);
    const cur = current as Legend;
    // A short title written as a code would be (`RAG: G - On track`): no word before the next pair.
    if (word === '' && cur.words.size === 0 && after === null) cur.title = titleKey(title + m[0]);
    else if (word !== '' && !cur.words.has(code)) cur.words.set(code, word);
    if (after !== null) {
      close();
      title = after;
    }
  });
  close();
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
 * The legend a column is read through: it explains the column's codes (`codes`: folded code → how many of
 * the column's cells hold it), and `reads` gives a code of ours for each of their words. A legend explains
 * every code, or all but the codes of one stray cell in ten (a count line under the table, a typo: blind
 * set 8, B6 — a 3 under ◎○△×▲ hid the legend above the table); those are left to the column's other
 * readings. The codes read, or null when no legend fits, or several fit with different readings and no
 * single one is titled with the column's `label`. A code the legend leaves out that the list reads as it
 * stands (`readsAlone`: 差戻 beside ◎ 承認済 ○ 査閲中, blind set 16, I3) is no stray: the legend need not spell it.
 */
export function legendFor(legends: readonly Legend[], codes: ReadonlyMap<string, number>, label: string, reads: (word: string) => string | null, named: (title: string) => boolean, readsAlone: (code: string) => boolean = () => false): Map<string, string> | null {
  if (codes.size === 0) return null;
  const cells = [...codes.values()].reduce((a, b) => a + b, 0);
  const fits: { legend: Legend; reading: Map<string, string>; explained: string[] }[] = [];
  for (const legend of legends) {
    const explained = [...codes.keys()].filter((c) => legend.words.has(c));
    const stray = [...codes].filter(([c]) => !legend.words.has(c) && !readsAlone(c)).reduce((n, [, k]) => n + k, 0);
    if (stray > 0 && (explained.length < 2 || stray > Math.floor(cells / 10))) continue;
    const reading = new Map<string, string>();
    for (const [code, word] of legend.words) {
      const ours = reads(word);
      if (ours !== null) reading.set(code, ours);
    }
    // Every code read, or all but a few whose word is the client's own (S：即時対応 beside A：高 B：中
    // C：低): those are left to the column's other evidence; a legend reading fewer than two fits nothing.
    const read = explained.filter((c) => reading.has(c)).length;
    if (read === explained.length || (read >= 2 && read * 2 > explained.length)) fits.push({ legend, reading, explained });
  }
  if (fits.length === 0) return null;
  const same = (a: Map<string, string>, b: Map<string, string>) => [...codes.keys()].every((c) => a.get(c) === b.get(c) || !a.has(c) || !b.has(c));
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
