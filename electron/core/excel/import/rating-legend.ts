// A rating scale the client states in words: in the column's header (`発生確率⏎(3:高 2:中 1:低)`,
// `Impact (1-3)`) or in a note above the table (`評価：3＝高、2＝中、1＝低`). A 1–3 register's 3 is its
// top, 高, which is our 5: read as 3 of 1–5 it would turn every high risk into a medium one (blind set 3,
// H13). Pure.
import { parseRating } from '../../../common/registers.js';

export interface Scale {
  min: number;
  max: number;
}

// The scales a stated range or legend may name; 1–5 is ours and needs nothing.
const TOPS = new Set([3, 4, 10]);

/** The scale a text states, or null when it states none (or states 1–5). */
export function statedScale(text: string): Scale | null {
  const s = text.normalize('NFKC');
  return legendScale(s) ?? rangeScale(s) ?? stepsScale(s);
}

/**
 * The scale a note above the table states: a legend or a number of steps only. A bare range there is
 * a period or a span of phases as often as a scale (リスク管理表（2025年1-3月）, Phase 1-3): read as a
 * 1–3 scale it stored every 3 of a 1–5 log as 5.
 */
export function noteScale(text: string): Scale | null {
  const s = text.normalize('NFKC');
  return legendScale(s) ?? stepsScale(s);
}

// `3段階` / `3段階評価`: so many steps from 1.
function stepsScale(s: string): Scale | null {
  const m = /(?:^|\D)(\d{1,2})\s*段階/.exec(s);
  return m && TOPS.has(Number(m[1])) ? { min: 1, max: Number(m[1]) } : null;
}

// `(1-3)`, `1～3`, `1〜10段階`: a range of whole numbers from 1 (or 0 to 10 / 100 is not a rating header).
function rangeScale(s: string): Scale | null {
  const m = /(?:^|[^\d./])([01])\s*[-~〜～ー―–]\s*(\d{1,2})(?![\d./:])/.exec(s);
  if (!m) return null;
  const min = Number(m[1]);
  const max = Number(m[2]);
  return min === 1 && TOPS.has(max) ? { min, max } : null;
}

// Pairs of a number and a rating word, either way round: `3:高`, `3＝高`, `高=3`, `High (3)`.
function legendScale(s: string): Scale | null {
  const pairs = new Map<number, number>();
  const word = String.raw`([^\s\d,、，;；:=()（）/|]+)`;
  for (const m of s.matchAll(new RegExp(String.raw`(\d{1,2})\s*[:=]\s*${word}`, 'g'))) add(pairs, Number(m[1]), m[2]!);
  for (const m of s.matchAll(new RegExp(String.raw`${word}\s*(?:[:=]\s*|\(\s*)(\d{1,2})(?!\d)`, 'g'))) add(pairs, Number(m[2]), m[1]!);
  if (pairs.size < 2) return null;
  const numbers = [...pairs.keys()].sort((a, b) => a - b);
  const min = numbers[0]!;
  const max = numbers[numbers.length - 1]!;
  // The legend must rank the way its numbers do: the top number names the highest word.
  if (min !== 1 || !TOPS.has(max) || !(pairs.get(max)! > pairs.get(min)!)) return null;
  return { min, max };
}

function add(pairs: Map<number, number>, n: number, w: string): void {
  const r = parseRating(w);
  // Only words (高, Low, 大): a number beside a number is no legend.
  if (r.ok && r.value !== null && !/^\d+$/.test(w)) pairs.set(n, r.value);
}

/**
 * Whether a legend's numbers are the points of our own 1–5 scale (5 ほぼ確実 … 1 まれ, 1 Very low … 5 Very
 * high): such a table defines the points a column of numbers is written in, it maps no number to another.
 * Read as a code legend its coarse words moved the ratings (高い 4 → 5, 低い 2 → 1: blind set 13, I3); the
 * numbers are the ratings, turned round only where the definitions put 1 at the top (rank-codes.ts
 * criteriaTop). (Its other codes are no matter: the table's own head, 点 | 発生可能性, reads as a pair.)
 */
export function definesOwnScale(codes: Iterable<string>): boolean {
  const numbers = [...codes].filter((c) => /^\d+$/.test(c)).map(Number);
  return numbers.every((n) => n >= 1 && n <= 5) && numbers.includes(1) && numbers.includes(5);
}
