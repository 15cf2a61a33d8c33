// Ranks a client grades a rating with (blind set 9, C4): probability and impact written A / B / C, S / A / B / C,
// Ⅰ / Ⅱ / Ⅲ, イ / ロ / ハ, 甲 / 乙 / 丙 — codes whose only meaning is their order. A person reads them by that
// order, on our 1–5 (A of A/B/C is 5, B 3, C 1), and which end is the top from the criteria table beside the
// register (A = 発生する見込みが高い … C = ほとんど発生しない); with no criteria, the first letter is the top as
// ranks usually go, and the reading is asked. Numbers (1 … 5) already read as ratings; they turn round only
// where the criteria put 1 at the top. Pure.
import { wordKey } from './value-words.js';
import { codeKey, type Legend } from './code-legend.js';

// Sequences of ranks in their written order (folded by wordKey: NFKC makes Ⅱ 'ii').
const RANKS: readonly (readonly string[])[] = [
  ['s', 'a', 'b', 'c', 'd', 'e'],
  ['i', 'ii', 'iii', 'iv', 'v'],
  ['イ', 'ロ', 'ハ', 'ニ', 'ホ'],
  ['甲', '乙', '丙', '丁'],
  ['1', '2', '3', '4', '5'],
];

/**
 * The column's codes (its cells' words and its list's) as one run of a rank sequence, in written order
 * (A, B, C): two or more codes with no gap (S may stand above A). Null for anything else.
 */
export function rankRun(words: Iterable<string>): string[] | null {
  const keys = [...new Set([...words].map(wordKey).filter((w) => w !== ''))];
  if (keys.length < 2) return null;
  for (const seq of RANKS) {
    if (!keys.every((k) => seq.includes(k))) continue;
    const at = keys.map((k) => seq.indexOf(k)).sort((a, b) => a - b);
    if (at.some((n, i) => n !== at[0]! + i) || at[0]! > (seq[0] === 's' ? 1 : 0)) return null;
    return at.map((n) => seq[n]!);
  }
  return null;
}

// What a criterion's text says of its level: words of the high end and of the low end, Japanese and English.
// (Low first, taken out before the high ones are looked for: "unlikely" holds "likely", 低い holds no 高.)
const LOW = /軽微|軽度|低い|小さい|少ない|小規模|ほとんど|まれ|稀|未満|以下|なし|無し|影響しない|影響はない|rare(?:ly)?|unlikely|improbable|minor|negligible|insignificant|low|little|small|less than|under|below|remote|slight/giu;
const HIGH = /甚大|重大|深刻|致命|高い|大きい|多い|大規模|頻繁|確実|必ず|見込みが高|以上|超|常に|停止|likely|almost certain|certain|frequent(?:ly)?|high|major|severe|significant|critical|catastrophic|more than|over|above|expected/giu;

/** A criterion's lean: the high-end words it holds less the low-end ones (工期1か月以上の遅延 +1, 影響は軽微 −1). */
export function criterionLean(text: string): number {
  const s = text.normalize('NFKC');
  const low = s.match(LOW)?.length ?? 0;
  const high = s.replace(LOW, ' ').match(HIGH)?.length ?? 0;
  return high - low;
}

/**
 * Which end of the run the workbook's criteria put at the top: 'first' (A is the highest), 'last', or null
 * when no legend explains the run's first and last codes, or the legends that do lean no way or disagree.
 */
export function criteriaTop(run: readonly string[], legends: readonly Legend[]): 'first' | 'last' | null {
  const first = codeKey(run[0]!);
  const last = codeKey(run[run.length - 1]!);
  const votes = new Set<'first' | 'last'>();
  for (const legend of legends) {
    const a = legend.words.get(first);
    const b = legend.words.get(last);
    if (a === undefined || b === undefined) continue;
    const lean = criterionLean(a) - criterionLean(b);
    if (lean !== 0) votes.add(lean > 0 ? 'first' : 'last');
  }
  return votes.size === 1 ? [...votes][0]! : null;
}

/** The run's codes (wordKey) on 1–5, the top end 5 and the bottom 1, the steps between spread evenly (A/B/C → 5, 3, 1). */
export function rankRatings(run: readonly string[], top: 'first' | 'last'): Map<string, number> {
  const n = run.length;
  return new Map(run.map((code, i) => [code, Math.round(1 + ((top === 'first' ? n - 1 - i : i) * 4) / (n - 1))]));
}
