// A client's own words for the values of a list or rating column, mapped to the project's codes and
// back. Stored in the client's profile (ProfileLayout.valueMaps), so import reads the client's words
// (進行中, Open/Closed, High/Medium/Low, ◎○△, a 1–10 score) into our codes, and export writes our codes
// back as the client's words — the client's sheet never shows a word its own list does not have.
//
// Stored shape, per field (status, category, priority, probability…):
//   words:      client word (trimmed, as the client writes it) → our code. For a list field the code
//               is a code of the project's list; for a rating field it is '1'…'5'. A word the user
//               chose to add to the project's list maps to the code that item was given.
//   exportAs:   our code → the client word an export writes. Filled from `words` (the first word the
//               client used for that code) and from the client's own list; a code with no entry has no
//               client word: the export says so per cell instead of writing ours.
//   clientList: the client's own list for the column (the template's list validation, in its order),
//               when it has one.
//   scale:      ratings only: the client's scale when it is not 1–5 (1–10, 0–100, decimals 1.5);
//               a number n is read as round(1 + (n - min) * 4 / (max - min)) unless `words` has it.
//
// Import: a cell whose value is neither on the project's list nor in `words` does not drop its row; the
// preview lists each distinct unknown word with a suggestion (see suggestCode) and the user's choice is
// added to `words`. Export (electron/core/services/export/*): code → exportAs[code] ?? (no client word).
import { normalizeLabel, vocabLabel, type VocabItem } from '../../../common/registers.js';
import type { Suggestion, ValueMap } from '../../../common/excel/preview.js';



/** Folded for lookup as people type: NFKC, lower case, spaces collapsed. */
export function valueKey(s: string): string {
  return normalizeLabel(s).replace(/[\s\u3000_]+/g, ' ');
}

/** The code a client word maps to in `map`, compared folded; null when the map does not have it. */
export function mappedCode(map: ValueMap | undefined, word: string): string | null {
  if (!map) return null;
  const own = map.words[word.trim()];
  if (own !== undefined) return own;
  const key = valueKey(word);
  for (const [w, code] of Object.entries(map.words)) if (valueKey(w) === key) return code;
  return null;
}

/**
 * The client word an export writes for our code: the map's choice, where that word reads back as the code
 * (a word whose reading changed after it was chosen — a list's last word first taken as closing, then read
 * by its meaning as dropped — gives way to the first word, the client list's first, that reads as the code);
 * else null (no client word). The one place an export reads the map, so what it writes reads back the same.
 */
export function clientWord(map: ValueMap | undefined, code: string): string | null {
  const chosen = map?.exportAs[code];
  if (chosen === undefined) return null;
  if ((mappedCode(map, chosen) ?? code) === code) return chosen;
  return readingAs(map!, code);
}

/** The first word of the map (in the client list's order, then as read) that reads as `code`; null when none. */
function readingAs(map: ValueMap, code: string): string | null {
  for (const w of [...(map.clientList ?? []), ...Object.keys(map.words)]) if (mappedCode(map, w) === code) return w.trim();
  return null;
}

/**
 * A map with `word → code` added; the code's export word stays the first one chosen (or the client
 * list's word for it). Where the word was the export word of another code, that code takes the next word
 * that reads as it (or none): the map never writes a word for a code it reads as another.
 */
export function withWord(map: ValueMap | undefined, word: string, code: string): ValueMap {
  const w = word.trim();
  const out: ValueMap = { ...map, words: { ...map?.words, [w]: code }, exportAs: { ...map?.exportAs } };
  for (const [other, written] of Object.entries(out.exportAs)) {
    if (other === code || valueKey(written) !== valueKey(w)) continue;
    const next = readingAs(out, other);
    if (next === null) delete out.exportAs[other];
    else out.exportAs[other] = next;
  }
  if (out.exportAs[code] === undefined) out.exportAs[code] = w;
  return out;
}

/** A one-character mark a client writes in a list column instead of a word (◎ ○ △ × ● ▲ ■ □ ◇ ◆ ☆ ★ ー). */
export const isMarkWord = (w: string): boolean => /^[◎○◯〇●◉△▲▽▼×✕✓✔■□◇◆☆★－ー−―]$/u.test(w.trim());

/**
 * The word a client's list column writes for one of our codes (the export's side of the map): the word the
 * client used for it (or its validation list's), else our label where the client writes our words (every
 * word it used is one of our labels, in its language), else null: the client has its own words and none
 * for this code.
 */
export function listWordFor(map: ValueMap | undefined, items: readonly VocabItem[], code: string, language: 'ja' | 'en'): string | null {
  const listed = map?.clientList ?? [];
  const own = clientWord(map, code);
  // (A profile kept from an earlier file of the template may remember a word its list has since dropped: the
  // current list's own word for the code first.)
  const onList = (w: string) => listed.length === 0 || listed.some((x) => valueKey(x) === valueKey(w));
  if (own !== null && onList(own)) return own;
  const listedWord = listed.find((w) => mappedCode(map, w) === code);
  if (listedWord !== undefined) return listedWord.trim();
  if (own !== null) return own;
  const item = items.find((i) => i.code === code);
  if (!item) return code;
  const words = Object.keys(map?.words ?? {});
  const isLabel = (w: string, l: string) => l !== '' && valueKey(w) === valueKey(l);
  for (const w of listed) if (isLabel(w, item.labelJa) || isLabel(w, item.labelEn)) return w;
  // A validation list allows nothing else: our label outside it (Occurred among Open / In Progress /
  // Monitoring / Closed, 中止 among 未着手/対応中/完了/保留) is named, not written (blind set 12, E2).
  if (listed.length > 0) return null;
  if (words.length === 0) return vocabLabel(items, code, language);
  const theirs = [...words, ...listed];
  // A column of marks (◎ ○ △ ×) takes only marks: a word among them is not the client's way (E3).
  if (theirs.every(isMarkWord)) return isMarkWord(item.labelJa) ? item.labelJa : null;
  const ours = (lang: 'labelJa' | 'labelEn') => theirs.every((w) => items.some((i) => isLabel(w, i[lang])));
  if (ours('labelJa')) return item.labelJa;
  if (ours('labelEn') && item.labelEn !== '') return item.labelEn;
  return null;
}

/** A rating read through a client's scale: 7 on 1–10 → 4; 2.5 on 1–5 → 3 (half up). Null outside the scale. */
export function scaledRating(n: number, scale: { min: number; max: number } = { min: 1, max: 5 }): number | null {
  if (!Number.isFinite(n) || n < scale.min || n > scale.max || scale.max <= scale.min) return null;
  return Math.min(5, Math.max(1, Math.floor(1 + ((n - scale.min) * 4) / (scale.max - scale.min) + 0.5)));
}

/** Similarity of two words, 0–1: shared character bigrams (Dice), on folded text. */
function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const k = valueKey(s).replace(/\s+/g, '');
    if (k.length < 2) return [k];
    return Array.from({ length: k.length - 1 }, (_, i) => k.slice(i, i + 2));
  };
  const x = grams(a);
  const y = grams(b);
  const pool = [...y];
  let shared = 0;
  for (const g of x) {
    const at = pool.indexOf(g);
    if (at >= 0) {
      shared++;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (x.length + y.length || 1);
}


/**
 * A qualifier before a label that turns it into another state: not yet (未完了, Not done), again (再オープン,
 * Re open), needed (要修正), only partly (一部完了, Partly done). A word that ends so is not the label's item.
 */
const TURNS = /(?:未|不|非|無|要|再|一部|半|ほぼ|\bnot|\bnon|\bno|\bre|\bun|\bhalf|\bpartly|\bpartially|\balmost|\bnearly|\bpre)[\s-]*$/u;

/**
 * The one item whose label (two characters or more) a word ends with, after a qualifier of its own — 全社展開済
 * → 展開済, Fully Approved → Approved —, or opens with before a note in brackets (展開済（全社）); null where
 * none or two items' labels do (the longer label wins over one it ends with: 承認済 over 済), or where the
 * word's qualifier turns the label into another state (未完了, Re-open).
 */
export function labelAtEnd(items: readonly VocabItem[], key: string): string | null {
  const word = key.replace(/\s*[(（\[［【][^)）\]］】]*[)）\]］】]\s*$/u, '').trim();
  let best: { code: string; length: number; tie: boolean } | null = null;
  for (const i of items)
    for (const label of new Set([i.labelJa, i.labelEn].filter((l) => l !== '').map(valueKey))) {
      if (label.length < 2 || !word.endsWith(label) || (word === label && word === key)) continue;
      const before = word.slice(0, word.length - label.length);
      // (A Latin label is a whole word of the client's: Reopen does not end with Open.)
      if (/^[a-z0-9]/.test(label) && /[a-z0-9]$/.test(before)) continue;
      if (before !== '' && TURNS.test(before)) continue;
      if (!best || label.length > best.length) best = { code: i.code, length: label.length, tie: false };
      else if (label.length === best.length && best.code !== i.code) best.tie = true;
    }
  return best && !best.tie ? best.code : null;
}

/**
 * What an unknown client word most likely means on the project's list: an item whose label is inside
 * the word or the word inside it ("Technical risk" → 技術/Technical), an item whose label is similar,
 * else "add to the list". `synonym(word)` gives a code known words map to (the import's word tables),
 * `stage(word)` the item a status word's stage of a record's life is (status-stages.ts): surer than
 * a synonym of one of its parts or a look-alike label.
 */
export function suggestCode(items: readonly VocabItem[], word: string, synonym?: (w: string) => string | null, stage?: (w: string) => string | null): Suggestion {
  const key = valueKey(word);
  const labelsOf = (i: VocabItem) => [i.code, i.labelJa, i.labelEn].filter((l) => l !== '').map(valueKey);
  // The word with a generic tail removed: "Market risk" → "market", 技術リスク → 技術.
  const core = key.replace(/\s*(?:risks?|issues?|リスク|課題|系|関連|面)$/u, '').trim();
  for (const w of core !== key && core !== '' ? [core, key] : [key]) {
    const hit = items.find((i) => labelsOf(i).includes(w));
    if (hit) return { code: hit.code, by: 'label' };
    const syn = synonym?.(w);
    if (syn && items.some((i) => i.code === syn)) return { code: syn, by: 'synonym' };
  }
  // An item's own label at the word's end (全社展開済 → 展開済): the item, before any reading by stage
  // (全社展開済 was read as done, 承認済, by its 済: blind set 15, F4).
  const tail = labelAtEnd(items, key);
  if (tail !== null) return { code: tail, by: 'label' };
  // The whole word's stage (回答中, Ready for Retest) before any of its parts' (Ready alone is not started).
  const staged = stage?.(word) ?? null;
  if (staged !== null && items.some((i) => i.code === staged)) return { code: staged, by: 'stage' };
  for (const w of key.split(/[\s/・,、]+/).filter((x) => x.length >= 2)) {
    const syn = synonym?.(w);
    if (syn && items.some((i) => i.code === syn)) return { code: syn, by: 'synonym' };
  }
  let best: { code: string; s: number } | null = null;
  for (const i of items)
    for (const l of labelsOf(i)) {
      const s = l.length >= 2 && (key.includes(l) || l.includes(key)) ? 0.8 : similarity(l, key);
      if (!best || s > best.s) best = { code: i.code, s };
    }
  if (best && best.s >= 0.6) return { code: best.code, by: 'similar' };
  return { code: null, by: 'new' };
}
