// A legend that spells out the header's abbreviations (L = Likelihood, I = Impact, P = Probability; Key:
// S = Severity): a column headed by the abbreviation alone is the field its words name. A person reads the
// legend so; without it, L | I are letters nothing names (kept as the client's own, offered the ratings).
// Only the abbreviation's words decide, and only a field no column fills: the rest stays as detected.
import type { ImportTarget } from '../../../common/excel/fields.js';
import type { ColumnMapping } from '../../../common/excel/preview.js';
import type { SheetIndex } from './sheet-index.js';
import { ownWord } from './header-rows.js';
import { matchLabel } from './synonyms.js';

/** A field named by a legend's words: as sure as a field read by its cells under a number's name. */
const LEGEND_NAMED = 0.8;
/** A legend line is short: longer texts (a cell of notes) are read up to here, keeping the scan linear in the sheet. */
const LEGEND_CHARS = 400;
/** A legend's words name a field plainly at this confidence (not a partial word). */
const PLAIN = 0.9;
/** Rows above the header a legend may stand in (a key under the title), and below it (under the data). */
const ROWS_ABOVE = 8;
const ROWS_BELOW = 200;

/** `L = Likelihood`, `P：Probability`, `I＝Impact`: one to three Latin letters, = or :, then words up to the next pair or separator. */
const PAIR = /(?:^|[\s,;、，；:：(（/|])([A-Za-z]{1,3})\s*[=＝:：]\s*([^,;、，；=＝:：\n()（）]+?)(?=\s*(?:$|[,;、，；\n()（）]|\s[A-Za-z]{1,3}\s*[=＝:：]))/gu;

/** The abbreviations the texts spell out (upper case) and the field each one's words name plainly. */
export function legendAbbreviations(target: ImportTarget, texts: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const text of texts) {
    for (const [, abbr, words] of text.slice(0, LEGEND_CHARS).normalize('NFKC').matchAll(PAIR)) {
      const field = matchLabel(target, [words!.trim()]).find((m) => m.confidence >= PLAIN)?.field;
      if (field) out.set(abbr!.toUpperCase(), field);
    }
  }
  return out;
}

/** The header's columns with those headed by a legend's abbreviation given its field (where no column fills it). */
export function legendNamed(target: ImportTarget, ix: SheetIndex, columns: ColumnMapping[], top: number, bottom: number): ColumnMapping[] {
  const abbreviated = columns.filter((m) => m.field === null && /^[A-Za-z]{1,3}\.?$/.test(ownWord(m.label)));
  if (abbreviated.length === 0) return columns;
  const texts: string[] = [];
  for (let r = Math.max(0, top - ROWS_ABOVE); r < top; r++) texts.push(...cellTexts(ix, r));
  for (const row of ix.rowsBelow(bottom, ROWS_BELOW)) texts.push(...row.cells.flatMap((c) => (c.t === 's' ? [c.v as string] : [])));
  const named = legendAbbreviations(target, texts);
  if (named.size === 0) return columns;
  const taken = new Set(columns.flatMap((m) => (m.field !== null ? [m.field] : [])));
  return columns.map((m) => {
    const field = abbreviated.includes(m) ? named.get(ownWord(m.label).replace(/\.$/, '').toUpperCase()) : undefined;
    if (!field || taken.has(field)) return m;
    taken.add(field);
    const { extraKey: _, ...rest } = m;
    return { ...rest, field, confidence: LEGEND_NAMED };
  });
}

function cellTexts(ix: SheetIndex, r: number): string[] {
  return (ix.row(r)?.cells ?? []).flatMap((c) => (c.t === 's' ? [c.v as string] : []));
}
