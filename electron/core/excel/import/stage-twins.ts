// A risk's ratings written twice in one header, once per stage of its treatment (Inherent | Residual,
// Gross | Net, Pre- | Post-mitigation, 処置前 | 処置後, 固有 | 残存 over the same Likelihood | Consequence |
// Rating): the two groups are twins, each column read with its full path. The stage before the response
// is the register's probability, impact and score; the stage after it is the client's own, kept as it is
// (blind set 19, I6: 対策後 › 重大度 took the impact and 対策前 › 重大度 was dropped). A header whose words
// name only one stage (Residual Risk over L | I) is no pair: its ratings are the only ones, read as before.
import type { HeaderColumn } from './header-rows.js';

/** A header column as the twins are found by: its words top to bottom, and how many columns it covers. */
type Named = Pick<HeaderColumn, 'parts' | 'span'>;

/** A header word folded for comparing: NFKC, lower case, bracketed notes dropped, spaces kept single (Net Risk, not netrisk). */
const fold = (word: string) =>
  word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^()]*\)|\[[^[\]]*\]/g, '')
    .replace(/[\s_\u3000]+/g, ' ')
    .trim();

/**
 * A stage word of the assessment after the response: X後 (処置後, 低減後, 対応後), what is left (残存,
 * 残留, 残余, Residual, Remaining, Net), after or post anything (Post-mitigation, After Controls), or what is
 * aimed at (Target, 目標).
 */
const AFTER = /\p{Script=Han}後|残存|残留|残余|目標|residual|remaining|^post\b|\bafter\b|\bnet\b|target|\btreated\b|\bmitigated\b|\bcontrolled\b/u;
/**
 * A stage word of the assessment before it: X前 (処置前, 対策前), what is there by itself (固有, 現状, 当初,
 * 初期, Inherent, Gross, Initial, Current, Raw), before or pre anything, untreated.
 */
const BEFORE = /\p{Script=Han}前|固有|現状|現在|当初|初期|inherent|gross|initial|current|^raw\b|^pre\b|\bbefore\b|untreated|unmitigated|uncontrolled|original/u;

/** Which stage a group word names, if either. */
export function stageOf(word: string): 'before' | 'after' | null {
  const k = fold(word);
  if (k === '') return null;
  if (BEFORE.test(k)) return 'before';
  if (AFTER.test(k)) return 'after';
  return null;
}

const own = (col: Named) => fold(col.parts[col.parts.length - 1]!);
const stageWord = (col: Named) => (col.parts.length >= 2 ? col.parts[col.parts.length - 2]! : '');
/** The words above the stage (an umbrella over both stages, リスク評価), the same for twins. */
const above = (col: Named) => col.parts.slice(0, -2).map(fold).join('/');

/**
 * The columns of a stage after the response whose own word a stage before it repeats under the same
 * umbrella (two or more words shared): indexes into `header`. They are the client's own, whatever their
 * words would name.
 */
export function afterStageTwins(header: readonly Named[]): Set<number> {
  const out = new Set<number>();
  // Runs of columns under one stage word: the stage's group.
  const groups = new Map<string, number[]>();
  header.forEach((col, i) => {
    if (col.parts.length < 2 || col.span !== 1) return;
    const key = `${above(col)}\u0000${fold(stageWord(col))}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const list = [...groups.values()];
  for (const after of list) {
    if (stageOf(stageWord(header[after[0]!]!)) !== 'after') continue;
    const words = new Map(after.map((i) => [own(header[i]!), i]));
    for (const before of list) {
      if (before === after || above(header[before[0]!]!) !== above(header[after[0]!]!)) continue;
      // (The other group names the stage before, or no stage: a pair of stages either way, as 現状 | 対応後.)
      if (stageOf(stageWord(header[before[0]!]!)) === 'after') continue;
      const shared = before.map((i) => words.get(own(header[i]!))).filter((i): i is number => i !== undefined);
      if (shared.length >= 2) for (const i of shared) out.add(i);
    }
  }
  return out;
}
