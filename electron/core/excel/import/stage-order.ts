// Two client words of one status column read as one item (検討中 and 対策中 both under way, 修正完了 and 確認完了
// both closed): the client keeps them apart, so one of its meanings would be lost and an export could write
// only one of them back (blind set 16, I4). A person reads them in the client's own order of stages — the
// order of its list validation, else the words' own stages along a record's life (done before effective,
// fixed before checked) — and gives the earlier word the list's free item before the shared one (the later
// word the free item after it, where the earlier one is the list's own word). Where the order cannot be
// told, or the list has no free item there, the words stay as read and the preview asks about each. Pure.
import type { VocabItem } from '../../../common/registers.js';
import { itemStage, wayRank, wordRank, wordStages, type Stage } from './status-stages.js';
import { wordKey } from './value-words.js';

export interface ColumnReading {
  word: string;
  code: string;
  /** Read by the list's own label or word table (not a suggestion): never moved. */
  direct: boolean;
  /** The item's own label (or code): the item itself, never asked about. */
  label: boolean;
}

export interface Spread {
  /** Folded word → the item it moves to. */
  moved: Map<string, string>;
  /** Folded words of a shared item whose order or room could not be told: each is asked. */
  asked: Set<string>;
}

/**
 * The column's words spread over the list's items where two or more share one. `readings` are the column's
 * distinct words with their codes; `clientList` the client's own list (its order), or empty.
 */
export function spreadShared(items: readonly VocabItem[], readings: readonly ColumnReading[], clientList: readonly string[]): Spread {
  const out: Spread = { moved: new Map(), asked: new Set() };
  const ranks = items.map((i) => wayRank(itemStage(i)));
  // Only a list that is a record's life (its items raised or under way: not a decision's or a category's).
  if (!ranks.some((r) => r !== null && r <= 2)) return out;
  const taken = new Set(readings.map((r) => r.code));
  const listAt = new Map(clientList.map((w, k) => [wordKey(w), k] as [string, number]));
  const byCode = new Map<string, ColumnReading[]>();
  for (const r of readings) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  for (const [code, group] of byCode) {
    if (group.length < 2) continue;
    const at = items.findIndex((i) => i.code === code);
    const ordered = order(group, listAt);
    const direct = group.filter((r) => r.direct);
    if (at < 0 || ranks[at] === null || ordered === null || direct.length > 1) {
      ask(out, group, listAt, ordered === null);
      continue;
    }
    const anchor = direct[0] ?? ordered[ordered.length - 1]!;
    const k = ordered.indexOf(anchor);
    // Outward from the shared item: the words before the anchor onto free items before it, nearest first.
    const before = room(items, ranks, taken, at, -1, k);
    const after = room(items, ranks, taken, at, +1, ordered.length - 1 - k);
    if (before === null || after === null) {
      ask(out, group, listAt, false);
      continue;
    }
    ordered.slice(0, k).reverse().forEach((r, n) => out.moved.set(wordKey(r.word), before[n]!));
    ordered.slice(k + 1).forEach((r, n) => out.moved.set(wordKey(r.word), after[n]!));
    for (const c of [...before, ...after]) taken.add(c);
  }
  return out;
}

/** The group in the client's order: its list's, else its words' stages (each distinct); null when it cannot be told. */
function order(group: readonly ColumnReading[], listAt: ReadonlyMap<string, number>): ColumnReading[] | null {
  if (group.every((r) => listAt.has(wordKey(r.word)))) return [...group].sort((a, b) => listAt.get(wordKey(a.word))! - listAt.get(wordKey(b.word))!);
  const rank = group.map((r) => wordRank(r.word));
  if (rank.some((x) => x === null) || new Set(rank).size < rank.length) return null;
  return group.map((r, k) => ({ r, n: rank[k]! })).sort((a, b) => a.n - b.n).map((x) => x.r);
}

/**
 * `n` free items walking from `at` in `step`'s direction, nearest first, before any item a word of the column
 * holds (past side states: held, dropped); null when there are not so many.
 */
function room(items: readonly VocabItem[], ranks: readonly (number | null)[], taken: ReadonlySet<string>, at: number, step: number, n: number): string[] | null {
  const got: string[] = [];
  for (let j = at + step; got.length < n && j >= 0 && j < items.length; j += step) {
    if (taken.has(items[j]!.code)) break;
    if (ranks[j] !== null) got.push(items[j]!.code);
  }
  return got.length === n ? got : null;
}

/**
 * A shared item's words asked, a word of the list's word tables too (対策中 beside a suggested 検討中), where the
 * client's list names them apart or their order is what cannot be told; never the item's own label (In
 * Progress beside Reopened), and not where only the list has no room — a word beyond its last stage is read
 * at it by design (Published beside Closed where the list stops at done). Suggested words are listed anyway.
 */
function ask(out: Spread, group: readonly ColumnReading[], listAt: ReadonlyMap<string, number>, unordered: boolean): void {
  const apart = group.every((r) => listAt.has(wordKey(r.word)));
  if (!apart && !unordered) return;
  if (group.every((r) => r.direct) && !apart) return;
  for (const r of group) if (!r.label) out.asked.add(wordKey(r.word));
}

/** Least words a client's list has for its first and last to be a record's first and closing stages. */
const STAGES_LISTED = 3;

/** Stages off a record's way: a list may put them anywhere, most often after its closing word (保留, 中止 last). */
const SIDE: ReadonlySet<Stage> = new Set<Stage>(['held', 'dropped', 'watching', 'reopened']);
const sideState = (word: string) => {
  const s = wordStages(word)?.[0];
  return s !== undefined && SIDE.has(s);
};

/**
 * The item a word stands for by its place at either end of the client's own list of the column's stages (a
 * validation list, or a note "状態：素案 → 確定 → 周知済"), read along the record's way: the list less the words
 * whose own meaning is a side state (保留, 中止, Voided, Reopened), which a list often puts last. Its first word
 * is the list's first item (a record as raised: 素案 → draft), its last the list's closing item (the first
 * closed item that is no side state: 承諾 → approved, 終結 → closed, Executed before Voided → done). Only
 * for a list that is a record's life and runs forward (no word whose own stage is later than the last's, or
 * earlier than the first's), and null for a word between the ends, whose stage its place alone does not say
 * (blind set 17, I6: 素案, 承諾 and 計画待ち became new items; blind set 18, I5: a list's side state at its end
 * was taken as its closing word — 取下げ written for closed — and 受理, its closing word, read as not begun).
 */
export function listEndCode(items: readonly VocabItem[], clientList: readonly string[], word: string): string | null {
  if (clientList.length < STAGES_LISTED || sideState(word)) return null;
  const stages = items.map((i) => itemStage(i));
  if (!stages.some((s) => s !== null && (wayRank(s) ?? Infinity) <= 2)) return null;
  const way = clientList.filter((w) => !sideState(w));
  if (way.length < 2) return null;
  const ranks = way.map(wordRank).filter((r): r is number => r !== null);
  const [first, last] = [wordRank(way[0]!), wordRank(way[way.length - 1]!)];
  if ((first !== null && ranks.some((r) => r < first)) || (last !== null && ranks.some((r) => r > last))) return null;
  const keys = way.map(wordKey);
  const at = keys.indexOf(wordKey(word));
  if (at === 0) return items.find((_, k) => wayRank(stages[k]!) !== null)?.code ?? null;
  if (at === keys.length - 1) return items.find((i, k) => i.closed && wayRank(stages[k]!) !== null)?.code ?? null;
  return null;
}

/**
 * The item a word of work under way stands for where the client's list puts it after a check (作成中 → 照査中
 * → 修正中 → 受理; Drafting → In Review → Revising → Accepted): the work done again on what the check sent
 * back, the list's way-back item (差戻し, Returned), where the list has one. Null elsewhere: a word of work
 * before any check, a list that has no way back, a word that is no work under way (blind set 18, I5: 修正中
 * after 照査中 shared 作成中's item, and the column was asked).
 */
export function reworkCode(items: readonly VocabItem[], clientList: readonly string[], word: string): string | null {
  const keys = clientList.map(wordKey);
  const at = keys.indexOf(wordKey(word));
  const checking = wayRank('checking')!;
  if (at <= 0 || wordStages(word)?.[0] !== 'working') return null;
  if (!clientList.slice(0, at).some((w) => (wordRank(w) ?? -1) >= checking && (wordRank(w) ?? -1) < wayRank('done')!)) return null;
  const back = items.filter((i) => itemStage(i) === 'reopened');
  return back.length === 1 ? back[0]!.code : null;
}

/**
 * The item a word stands for by its place between two words of the client's list that read as items (a
 * validation list Draft → Endorsed → Published; 作成前 → 作成中 → 提出済 → 返却 → 承認済): where the list's
 * items between those two that no other word of the list takes are exactly as many as the unread words
 * between them, each unread word takes the free item at its place, in order (Endorsed the approved between
 * draft and shared; 返却, after the check and before the closing word, the way back). Side states off the
 * way (held, dropped) are no free item and their words are left out, as listEndCode leaves them; a way
 * back is, where the list puts it between two stages. Null where the count differs or the ends are not
 * read in order (blind set 19, I7: Endorsed and 返却 became new items). `readOf` reads a word by its own
 * meaning or its place at an end, never by this rule.
 */
export function betweenCode(items: readonly VocabItem[], clientList: readonly string[], word: string, readOf: (w: string) => string | null): string | null {
  if (clientList.length < STAGES_LISTED || sideState(word)) return null;
  const stages = items.map((i) => itemStage(i));
  if (!stages.some((s) => s !== null && (wayRank(s) ?? Infinity) <= 2)) return null;
  const way = clientList.filter((w) => !sideState(w));
  const at = way.map(wordKey).indexOf(wordKey(word));
  if (at <= 0 || at >= way.length - 1) return null;
  const codeAt = way.map((w, k) => (k === at ? null : readOf(w)));
  const itemAt = (code: string | null) => (code === null ? -1 : items.findIndex((i) => i.code === code));
  let lo = at - 1;
  while (lo >= 0 && itemAt(codeAt[lo]!) < 0) lo--;
  let hi = at + 1;
  while (hi < way.length && itemAt(codeAt[hi]!) < 0) hi++;
  if (lo < 0 || hi >= way.length) return null;
  const [from, to] = [itemAt(codeAt[lo]!), itemAt(codeAt[hi]!)];
  if (from >= to) return null;
  const taken = new Set(codeAt.filter((c): c is string => c !== null));
  const free = items.slice(from + 1, to).filter((i, k) => !taken.has(i.code) && stages[from + 1 + k] !== 'held' && stages[from + 1 + k] !== 'dropped');
  const unread = way.slice(lo + 1, hi);
  if (free.length !== unread.length) return null;
  return free[unread.map(wordKey).indexOf(wordKey(word))]!.code;
}
