// A rating column's own scale, read from its cells (blind set 4, J6/J7). Pure.
//
// Percentages: a probability written 10 % … 90 % (0.1 … 0.9 formatted 0 %, or typed "30%") or as a
// fraction (0.35) is a point on 0–1, read onto 1–5 through that scale (10 % → 1, 50 % → 3, 90 % → 5), the
// way a 1–10 score is; before, no cell of such a column was a rating and the column was dropped.
//
// Ordered words: our words read on three steps (Low 1, Medium 3, High 5). A column that also writes
// Very Low / Very High (非常に高い, 極大, Very Likely…) has five steps of its own; read on three, High and
// Very High both became 5 and Low and Very Low both 1, silently. Each word has a place on one ordered
// line (very low −3 … very high +3, やや高い +1); where the three-step reading gives two of a column's
// words one rating, the words keep their order on five steps instead.
import { parseRating } from '../../../common/registers.js';
import type { Cell } from '../../../common/excel/model.js';
import { isPercentFormat, parseNumberText } from './numbers.js';
import { wordKey } from './value-words.js';

export interface Scale {
  min: number;
  max: number;
}

/** A rating cell as a number: a percentage as its fraction (30 % → 0.3), plain numbers as they are; null for words. */
export function ratingNumber(cell: Cell): { value: number; percent: boolean } | null {
  if (cell.t === 'n') return { value: cell.v as number, percent: isPercentFormat(cell.fmt) };
  if (cell.t !== 's') return null;
  const p = parseNumberText(cell.v as string);
  if (!p || p.unit !== '') return null;
  return p.percent ? { value: p.value / 100, percent: true } : { value: p.value, percent: false };
}

const FRACTION: Scale = { min: 0, max: 1 };

/**
 * The 0–1 scale of a column whose numbers are percentages (formatted or typed with %) or fractions (0.1,
 * 0.35), all between 0 and 1; null where the column has none or any number beyond 1 (1–5, 1–10, 0–100).
 */
export function fractionScale(cells: Iterable<Cell>): Scale | null {
  let percent = false;
  let fraction = false;
  let any = false;
  for (const cell of cells) {
    const n = ratingNumber(cell);
    if (!n) continue;
    if (n.value < 0 || n.value > 1) return null;
    any = true;
    if (n.percent) percent = true;
    if (!Number.isInteger(n.value)) fraction = true;
  }
  return any && (percent || fraction) ? FRACTION : null;
}

/**
 * A column of a few numbers on a scale whose even reading gives two of them one rating (review S3: the PMBOK
 * impact scale 0.05 / 0.10 / 0.20 / 0.40 / 0.80 doubles each step, read evenly 1, 1, 2, 3, 4): each number
 * keeps its own rating, in order, moved as little as it can from its even reading (five numbers → 1 … 5;
 * 0.05 / 0.10 / 0.20 → 1, 2, 3). Null where the even reading already keeps them apart (0.1 / 0.3 … 0.9), or
 * where the column has more than five numbers (a continuous score, which shares ratings by nature).
 */
export function numberSteps(values: Iterable<number>, even: (n: number) => number | null): Map<number, number> | null {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const rated = distinct.map(even);
  if (distinct.length < 2 || distinct.length > 5 || rated.some((r) => r === null)) return null;
  if (new Set(rated).size === rated.length) return null;
  const steps: number[] = [];
  rated.forEach((r, i) => steps.push(Math.min(Math.max(r!, i === 0 ? 1 : steps[i - 1]! + 1), 5 - (distinct.length - 1 - i))));
  // Pushed down from the top, an earlier step may now sit on a later one's: settle downwards once more.
  for (let i = steps.length - 2; i >= 0; i--) steps[i] = Math.min(steps[i]!, steps[i + 1]! - 1);
  return new Map(distinct.map((n, i) => [n, steps[i]!]));
}

// Words that put a step past High or Low: Very High, 非常に高い, とても低い, Extremely Low.
const EXTREME = /^(?:very|extremely|非常に|とても|極めて|かなり)\s*/;
const EXTREME_WORDS: Record<string, number> = { 極大: 3, 極小: -3, 最大: 3, 最小: -3, 最高: 3, 最低: -3, vh: 3, vl: -3 };

/**
 * A word's place on the ordered line −3 … +3 (Low −2, Medium 0, High +2, Very High +3, やや高い +1; on a
 * five-word scale of its own, Unlikely −1 … Likely +1, Very Likely +2); null for what is no rating word.
 */
export function wordRank(text: string): number | null {
  const key = wordKey(text);
  if (key === '' || /^[\d.]+$/.test(key)) return null;
  if (EXTREME_WORDS[key] !== undefined) return EXTREME_WORDS[key]!;
  const very = EXTREME.exec(key);
  const base = parseRating(very ? key.slice(very[0].length) : key);
  if (!base.ok || base.value === null) return null;
  const b = base.value - 3;
  return very && b !== 0 ? b + Math.sign(b) : b;
}

/** How a column's words read on five steps: word (wordKey) → rating; `sure` false where the user should confirm. */
export interface WordSteps {
  steps: Map<string, number>;
  sure: boolean;
}

/** Five steps with nothing between High and Very High: Very Low, Low, Medium, High, Very High. */
const VERY_STEPS: Record<number, number> = { [-3]: 1, [-2]: 2, 0: 3, 2: 4, 3: 5 };

/**
 * The five-step reading of a column's words, where the three-step one would give two of them one rating
 * (High and Very High both 5) or cannot read one (Very Likely); null where it reads them all apart
 * (High/Medium/Low, 高/やや高/中/やや低/低). Sure where the words are one five-step scale — Very Low …
 * Very High with both ends or all five present, or five steps without Very (Unlikely … Likely) —;
 * otherwise (one end only, or more than five places) each word is spread by its place and asked.
 */
export function wordSteps(words: Iterable<string>): WordSteps | null {
  const ranked = new Map<string, number>();
  for (const w of words) {
    const r = wordRank(w);
    if (r !== null) ranked.set(wordKey(w), r);
  }
  const byRating = new Map<number, Set<number>>();
  let unread = false;
  for (const [w, r] of ranked) {
    const three = parseRating(w);
    if (!three.ok || three.value === null) {
      unread = true;
      continue;
    }
    if (!byRating.has(three.value)) byRating.set(three.value, new Set());
    byRating.get(three.value)!.add(r);
  }
  if (!unread && ![...byRating.values()].some((ranks) => ranks.size > 1)) return null;
  const places = [...new Set(ranked.values())].sort((a, b) => a - b);
  let rate: (r: number) => number;
  let sure: boolean;
  if (places.every((r) => r >= -2 && r <= 2)) [rate, sure] = [(r) => r + 3, true];
  else if (places.every((r) => VERY_STEPS[r] !== undefined)) [rate, sure] = [(r) => VERY_STEPS[r]!, (places.includes(3) && places.includes(-3)) || places.length === 5];
  else [rate, sure] = [(r) => (places.length === 1 ? 3 : Math.round(1 + (places.indexOf(r) * 4) / (places.length - 1))), false];
  return { steps: new Map([...ranked].map(([w, r]) => [w, rate(r)])), sure };
}
