// Lines under (or at the foot of) a table that are no records, told by their shape rather than their
// words (issue 11; blind set 8, B2): a note or legend (◆マイルストーン | 要件凍結 5/15、…, 凡例：■ 工程全体…,
// Legend: R = red …) and a count or total line (承認済件数 | =COUNTIF(…), Open items | =COUNTA(…)). A
// record names itself in the key column or fills the table's columns as the records do; such a line
// holds one or two texts, led by a mark or a label with a colon, or overflowing its column — or a label
// beside a formula — and no record follows it.
import type { Cell, Row } from '../../../common/excel/model.js';

/** A mark a note or legend line starts with (◆ milestone notes, ※ remarks, ■ legends). */
const MARK = /^[◆◇■□●○◎★☆※＊*▲△▼▽→⇒►▶]/;
/** A short label and a colon before the line's text: 凡例：…, Legend: …, 備考 : …, 注）… */
const COLON_LABEL = /^[^:：\s\d]{1,10}\s*[:：)）]\s*\S/;
/** A label beside a count or total: a short text, not a sentence. */
const MAX_LABEL = 20;

const textOf = (cell: Cell) => (cell.t === 's' ? (cell.v as string).normalize('NFKC').trim() : '');

export interface LineContext {
  /** Columns of the key field (a record's name or title). */
  inKey: (c: number) => boolean;
  /** The longest text each column holds in the records so far (by column). */
  longest: (c: number) => number;
  /** How many cells the records fill, the median. */
  medianFill: number;
  /** Whether the records hold a formula in column c in half of them or more (numbering, a score worked out per row). */
  formulaColumn: (c: number) => boolean;
}

/** A line of one cell led by a mark or a label is a note from this long on (◆リリース alone may be a milestone). */
const NOTE_LENGTH = 12;

/** The most cells a legend line spreads its items over (凡例： | ■予定 | ■実績 | ■遅延 …). */
export const LEGEND_CELLS = 8;
/** A legend's item: a short word (予定, Actual, 完了), led by a colour mark or not. */
const ITEM_LENGTH = 12;
/** Two or more items in one text, each led by a mark (■予定　■実績, ● Plan ● Actual). */
const MARKED_ITEMS = /^(?:[■□●○◆◇▲△★☆━─▬]\s*\p{L}[^■□●○◆◇▲△★☆━─▬]*){2,}$/u;
/** One item led by its mark: the mark, then a word (■予定; a mark alone, ○ or ●, is a record's status). */
const MARKED_ITEM = /^[■□●○◆◇▲△★☆━─▬]\s*\p{L}/u;

/**
 * A legend line: the colours or marks of a gantt named, as a label and its items — 凡例： | 予定 | 実績,
 * Legend: | Plan | Actual, 凡例 | ■予定 | ■実績, ■予定 | ■実績, 凡例：■予定　■実績 in one cell. Its cells
 * are short texts (no number, date or formula): a label ending with a colon and its items, or items
 * each led by a mark (after a label or not). Blind set 9, C9: 凡例： | 予定 | 実績 under 予定/実績 row
 * pairs became a task, being three cells where a note holds one or two.
 */
function legendLine(cells: Cell[]): boolean {
  if (cells.length > LEGEND_CELLS || cells.some((c) => c.t !== 's' || c.f)) return false;
  const texts = cells.map(textOf);
  if (texts.some((t) => t === '' || t.length > MAX_LABEL)) return false;
  const [first, ...items] = texts as [string, ...string[]];
  const label = /[:：]$/.test(first) || COLON_LABEL.test(first);
  // One cell: a label and two or more marked items after it, or the marked items alone.
  if (items.length === 0) return MARKED_ITEMS.test(first.replace(/^[^:：]{1,10}[:：]\s*/, ''));
  if (items.some((t) => t.length > ITEM_LENGTH)) return false;
  if (/[:：]$/.test(first)) return true;
  return (label || first.length <= ITEM_LENGTH) && items.every((t) => MARKED_ITEM.test(t));
}

/**
 * A note or legend line: a legend (legendLine), or one or two text cells (`cells`: the row's values in the table's columns),
 * nothing else. Two: a label ending with a colon, then its text (Legend: | R = red), or led by a mark
 * before a text overflowing its column (◆マイルストーン | 要件凍結 5/15、設計承認 6/30、本番稼働 10/1). One: led by a mark or a colon label and NOTE_LENGTH long (凡例：■ 工程全体 …),
 * or — outside the key column, in a table whose records fill two or more cells — overflowing its column
 * (half as long again as any text the column holds in the records, as a line written across the sheet).
 */
export function noteLine(cells: Cell[], ctx: LineContext): boolean {
  if (cells.length > 0 && legendLine(cells)) return true;
  if (cells.length === 0 || cells.length > 2 || cells.some((c) => c.t !== 's' || c.f)) return false;
  const first = textOf(cells[0]!);
  const labelled = MARK.test(first) || COLON_LABEL.test(first) || /[:：]$/.test(first);
  // (A mark alone does not make a label of two cells: ◆リリース判定 | PMO is a milestone and its owner.)
  if (cells.length === 2) return labelled && first.length <= MAX_LABEL && (!MARK.test(first) || COLON_LABEL.test(first) || /[:：]$/.test(first) || overflows(cells[1]!, ctx));
  if (labelled) return first.length >= NOTE_LENGTH;
  return ctx.medianFill >= 2 && !ctx.inKey(cells[0]!.c) && overflows(cells[0]!, ctx);
}

/** A text of ten or more characters half as long again as any the column holds in the records. */
const overflows = (cell: Cell, ctx: LineContext) => textOf(cell).length >= 10 && textOf(cell).length > 1.5 * ctx.longest(cell.c);

/**
 * A count or total line: a formula in the table's columns (`row`'s cells between minC and maxC, numbering
 * columns left aside by `numbering`) in a column where the records carry none, beside one or two short
 * labels, nothing in the key column. (Formulas alone are a template's prepared row, read as such by the
 * data range.)
 */
export function summaryLine(row: Row, minC: number, maxC: number, numbering: (c: number) => boolean, ctx: LineContext): boolean {
  const cells = row.cells.filter((c) => c.c >= minC && c.c <= maxC && !numbering(c.c) && !(c.t === 's' && textOf(c) === '' && !c.f));
  // (A formula the records carry down their own column — =ROW()-1, a score — is no count of them.)
  const formulas = cells.filter((c) => c.f && !ctx.formulaColumn(c.c));
  const labels = cells.filter((c) => !c.f);
  if (formulas.length === 0) return false;
  return formulas.length >= 1 && labels.length >= 1 && labels.length <= 2 && labels.every((c) => c.t === 's' && textOf(c).length <= MAX_LABEL) && !cells.some((c) => ctx.inKey(c.c));
}
