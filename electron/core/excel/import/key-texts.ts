// What a column's cells say about whether it names the records (issue 11, blind set 16 I2): the key of
// a register is the column of long texts, each record its own (a finding's deviation, a risk's event);
// a column repeating a handful of short words over the records (Technical / Supplier / Budget) sorts
// them into groups — a category — however its header reads (Topic was read as the risk's title, and
// every risk was named "Technical"). Signals of the cells' shape only, never of their words.
import type { Cell } from '../../../common/excel/model.js';

/** Fewest filled cells before a column's shape says anything. */
const LEAST = 5;
/** A category's word: this many characters and words at most (Technical, 設備, Third party). */
const SHORT_CHARS = 16;
const SHORT_WORDS = 3;
/** A long text: on average this many characters, most records their own. */
const LONG_CHARS = 15;
const OWN_SHARE = 0.8;

/** The texts typed in a column's cells (NFKC, trimmed, spaces joined), or null when most cells are no text. */
export function cellTexts(cells: readonly Cell[]): string[] | null {
  const filled = cells.filter((c) => c.t !== 'e' && !(c.t === 's' && (c.v as string).trim() === ''));
  const texts = filled.filter((c) => c.t === 's' && !c.f).map((c) => (c.v as string).normalize('NFKC').trim().replace(/\s+/g, ' '));
  return texts.length >= LEAST && texts.length === filled.length ? texts : null;
}

/** A handful of short words, each used on two records or more on average: a category's values, not names. */
export function repeatsFewWords(texts: readonly string[] | null): boolean {
  if (!texts || texts.length < LEAST) return false;
  const distinct = new Set(texts.map((t) => t.toLowerCase())).size;
  return distinct * 2 <= texts.length && texts.every((t) => t.length <= SHORT_CHARS && t.split(' ').length <= SHORT_WORDS);
}

/** Long texts, nearly every record its own: what names (or describes) each record. */
export function namesEach(texts: readonly string[] | null): boolean {
  if (!texts || texts.length < LEAST) return false;
  const distinct = new Set(texts).size;
  return distinct >= texts.length * OWN_SHARE && texts.reduce((n, t) => n + t.length, 0) / texts.length >= LONG_CHARS;
}

/** A name's least average length: a few characters (夜間作業員の確保困難 is ten, Vendor delay twelve). */
const NAME_CHARS = 4;

/**
 * Texts nearly every record its own, a few characters or more: names of the records however short
 * (a Japanese risk's event is often under LONG_CHARS), told from codes and category words by being distinct.
 */
export function ownTexts(texts: readonly string[] | null): boolean {
  if (!texts || texts.length < LEAST) return false;
  return new Set(texts).size >= texts.length * OWN_SHARE && texts.reduce((n, t) => n + t.length, 0) / texts.length >= NAME_CHARS;
}
