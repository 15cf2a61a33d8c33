// The client's words in list and rating columns, read through its value maps (value-map.ts). A word
// not on the project's list does not drop its row: it is read as the user's choice (from the profile
// or the import dialog), else as the suggestion, and listed once per distinct word so the dialog can
// ask. Every word read is remembered with its code, so the profile saved from this import writes the
// client's own words back on export.
import type { VocabListName, Vocabularies } from '../../../common/registers.js';
import { textOf } from './cell-values.js';
import type { FieldSpec } from '../../../common/excel/fields.js';
import type { Cell } from '../../../common/excel/model.js';
import { parseNumberText } from './numbers.js';
import type { Failure } from '../../../common/excel/problems.js';
import { gradedCodes, isOpenWord, levelCode, likelyCode, markStatus, negationPairCode, notYetWord, openWordReading, parseRatingValue, parseVocab, readsAsStatus, wordKey } from './value-words.js';
import { vocabCode } from '../../../common/registers.js';
import { mappedCode, scaledRating, suggestCode, withWord } from './value-map.js';
import { fractionScale, numberSteps, ratingNumber, wordSteps, type WordSteps } from './rating-scales.js';
import type { Suggestion, UnknownValue, ValueMap, ValueMaps } from '../../../common/excel/preview.js';
import { codeKey } from './code-legend.js';
import { decisionCode, knownStageWord, stageCode } from './status-stages.js';
import { criteriaTop, rankRatings, rankRun } from './rank-codes.js';
import type { Legend } from './code-legend.js';
import { betweenCode, listEndCode, reworkCode, spreadShared, type ColumnReading, type Spread } from './stage-order.js';


/** An item an import adds to a project's list (a client word the user chose to add). */
export interface NewListItem {
  list: VocabListName;
  code: string;
  label: string;
}


/** A rating cell of free text (Medium at the beginning, gets higher with time): kept as text, no rating. */
const FREE_TEXT = (s: string) => s.length > 12 || s.trim().split(/\s+/).length > 2;

/** A cell of only a dash or a slash: "none", as clients mark a value that does not apply. */
const NONE_MARK = /^[\s\u3000]*[-－ー―—–‐/／][\s\u3000]*$/;

export class ClientValues {
  private readonly maps: ValueMaps;
  /** The profile's maps as they came (the maps above grow with the words of this file). */
  private readonly stored: ValueMaps;
  private readonly unknown = new Map<string, UnknownValue>();
  private readonly scales = new Map<string, { min: number; max: number }>();
  /** Rating columns whose words are steps of a five-step scale of their own (rating-scales.ts wordSteps). */
  private readonly steps = new Map<string, WordSteps>();
  /** Rating columns of ranks (A / B / C, Ⅰ / Ⅱ / Ⅲ: rank-codes.ts): rank (wordKey) → rating; `sure` where criteria said which end is the top. */
  private readonly ranks = new Map<string, WordSteps>();
  /** A rating column's few numbers that its scale would read onto one rating, each with its own (numberSteps). */
  private readonly numberSteps = new Map<string, Map<number, number>>();
  /** Columns of codes the workbook explains in a legend (code-legend.ts): folded code → our code. */
  private readonly legends = new Map<string, Map<string, string>>();
  /** Status columns whose own words make their Open the state before in progress (value-words.ts openWordReading). */
  private readonly openAs = new Map<string, string>();
  /** A list column's own words, all of them: what one of them means can depend on the others (◎ beside ○). */
  private readonly columnSets = new Map<string, string[]>();
  /** Status columns whose words shared one item, spread in the client's order or asked (stage-order.ts). */
  private readonly spreads = new Map<string, Spread>();

  constructor(
    private readonly vocab: Vocabularies,
    maps: ValueMaps | undefined,
    /** The user's choices in the dialog: field → word → code (null: add the word to the list). */
    private readonly choices: Record<string, Record<string, string | null>> = {},
  ) {
    this.maps = structuredClone(maps ?? {});
    this.stored = maps ?? {};
  }

  /**
   * Settles a rating column's scale from its cells: its words' steps (Very Low … Very High keep five), and
   * its numbers' scale: 1–5 unless they go higher (1–10, 0–100) or are percentages or fractions (0–1).
   */
  rateColumn(field: string, cells: Cell[]): void {
    this.stepWords(field, cells);
    const stored = this.maps[field]?.scale;
    if (stored) {
      this.scales.set(field, stored);
      return this.stepNumbers(field, cells, stored);
    }
    // (Not Math.max(...numbers): a column of ~120,000 numbers overflows the call stack as arguments.)
    const max = cells.reduce((top, c) => (c.t === 'n' && (c.v as number) > top ? (c.v as number) : top), 0);
    const scale = fractionScale(cells) ?? (max > 10 && max <= 100 ? { min: 0, max: 100 } : max > 5 && max <= 10 ? { min: 1, max: 10 } : null);
    if (scale) {
      this.scales.set(field, scale);
      this.maps[field] = { ...(this.maps[field] ?? { words: {}, exportAs: {} }), scale };
      this.stepNumbers(field, cells, scale);
    }
  }

  private stepNumbers(field: string, cells: Cell[], scale: { min: number; max: number }): void {
    const numbers = cells.flatMap((c) => {
      const n = ratingNumber(c);
      return n ? [n.value] : [];
    });
    const steps = numberSteps(numbers, (n) => scaledRating(n, scale));
    if (steps) this.numberSteps.set(field, steps);
  }

  /**
   * The five steps of a column's words (and its own list's), where it has more than our three
   * (rating-scales.ts): every such word is remembered with its step, and the step's export word is the
   * client's word for it (the list's, else the first in the column), so High goes back as High, not as
   * the Very High that shared its 5 before.
   */
  private stepWords(field: string, cells: Cell[]): void {
    const list = this.maps[field]?.clientList ?? [];
    const words = [...list, ...cells.flatMap((c) => (c.t === 's' && ratingNumber(c) === null ? [(c.v as string).trim()] : []))];
    const steps = wordSteps(words);
    if (!steps) return;
    this.steps.set(field, steps);
    const map = this.maps[field] ?? { words: {}, exportAs: {} };
    const exportAs = { ...map.exportAs };
    const given = new Set<string>();
    const out = { ...map.words };
    for (const w of words) {
      const code = steps.steps.get(wordKey(w));
      if (code === undefined || w === '') continue;
      out[w] = String(code);
      if (!given.has(String(code))) exportAs[String(code)] = w;
      given.add(String(code));
    }
    this.maps[field] = { ...map, words: out, exportAs };
  }

  /**
   * A rating column whose cells are ranks (rank-codes.ts: A / B / C, Ⅰ / Ⅱ / Ⅲ, with its list's): each rank
   * read as its rating, asked (listed with it) unless the workbook's criteria say which end is the top.
   */
  rankColumn(field: string, words: readonly string[], legends: readonly Legend[]): void {
    const run = rankRun([...(this.maps[field]?.clientList ?? []), ...words]);

    if (run === null) return;
    const top = criteriaTop(run, legends);
    // Numbers are ratings as they stand (1 low … 5 high) unless the criteria put 1 at the top.
    if (/^\d$/.test(run[0]!) && top !== 'first') return;
    this.ranks.set(field, { steps: rankRatings(run, top ?? 'first'), sure: top !== null });
  }

  /**
   * A scale the client states for a rating column in words (rating-legend.ts), where its list or the
   * profile does not already give one: its numbers are steps of that scale from then on.
   */
  statedScale(field: string, scale: { min: number; max: number }): void {
    if (this.maps[field]?.scale) return;
    this.scales.set(field, scale);
    this.maps[field] = { ...(this.maps[field] ?? { words: {}, exportAs: {} }), scale };
  }

  /**
   * The client's own list for a list or rating column (its cells' list validation): kept in the map, and
   * each word our list reads is remembered with its code, so an export writes the client's word.
   */
  clientList(field: string, spec: FieldSpec, words: string[]): void {
    this.maps[field] = { ...(this.maps[field] ?? { words: {}, exportAs: {} }), clientList: words };
    // A rating list of exactly the numbers 1…3 (or 1…4) is the client's own scale, not the first steps
    // of 1–5: its top is the top (3 of 1–3 reads 5, as 高 does), read through the scale like 7 of 1–10.
    const numbers = words.map((w) => (/^\s*\d\s*$/.test(w) ? Number(w) : NaN));
    const top = Math.max(...numbers);
    if (spec.kind === 'rating' && !this.maps[field]!.scale && (top === 3 || top === 4) && numbers.every(Number.isInteger) && new Set(numbers).size === top && Math.min(...numbers) === 1) {
      const scale = { min: 1, max: top };
      this.scales.set(field, scale);
      this.maps[field] = { ...this.maps[field]!, scale };
      return;
    }
    // On a scale of the client's own (kept in the profile: 1–3, 1–10), a number on its list is a step of
    // that scale, read through it: never a rating of its own (2 of 1–3 is 3, so 2 → 2 would have an
    // export write 2 for our 2, which reads back as 3).
    const scale = spec.kind === 'rating' ? this.maps[field]!.scale : undefined;
    if (scale) this.scales.set(field, scale);
    for (const w of words) {
      if (scale && parseNumberText(w) !== null) continue;
      const read = spec.kind === 'rating' ? parseRatingValue(w) : parseVocab(this.vocab[spec.list as VocabListName].items, spec.list as VocabListName, w);
      if (read.ok && read.value !== null) this.remember(field, w, String(read.value));
      else if (spec.kind === 'vocab') {
        // A word no table reads (素案 first on 素案 → 確定 → 周知済, though no record uses it yet): the item
        // the cells' reading gives it (suggest: its meaning, its place at an end, its stage), so an export
        // writes the client's word for that item, and the word reads back as it. Not a look-alike's guess.
        // (A record's word is still listed with that suggestion when its cell is read, for the user to confirm.)
        const items = this.vocab[spec.list as VocabListName].items;
        const s = suggest(items, spec.list as VocabListName, w, words);
        if (s.code !== null && s.by !== 'similar' && items.some((i) => i.code === s.code)) this.remember(field, w, s.code);
      }
    }
  }

  /**
   * The legend a column of codes is read through (code-legend.ts: 1 → 未着手 → not_started): its codes are
   * suggested with their legend's reading (listed, so the user confirms them), and every code of the
   * legend is remembered, so an export writes the client's code (4 for on hold, though no row had it).
   */
  legend(field: string, reading: Map<string, string>): void {
    this.legends.set(field, reading);
  }

  /**
   * A status column's words, all of them, before its cells are read: where they name in progress besides
   * Open (Open | In Progress | Resolved), Open reads as not started.
   */
  columnWords(field: string, spec: FieldSpec, words: Iterable<string>): void {
    if (spec.kind !== 'vocab') return;
    // (With the client's own list: a level no cell holds yet still places the others — P1 … P4 with no P4.)
    this.columnSets.set(field, [...new Set([...(this.maps[field]?.clientList ?? []), ...words])]);
    const open = readsAsStatus(spec.list as VocabListName) ? openWordReading(words) : null;
    if (open) this.openAs.set(field, open);
    const list = spec.list as VocabListName;
    const readings = [...new Set(words)].flatMap((w) => {
      const r = this.reading(field, spec, w);
      return r ? [r] : [];
    });
    this.spreads.set(field, spreadShared(this.vocab[list].items, readings, this.maps[field]?.clientList ?? []));
  }

  /**
   * How readList reads a word, without noting or remembering it: `direct` where the user, the profile, the
   * workbook's legend or the list's own words say so; else the suggestion. Null for an empty value or a new word.
   */
  private reading(field: string, spec: FieldSpec, text: string): ColumnReading | null {
    const list = spec.list as VocabListName;
    if (text.trim() === '' || (spec.optional && (NONE_MARK.test(text) || notYetWord(list, text)))) return null;
    const items = this.vocab[list].items;
    const chosen = this.choice(field, text);
    const open = this.openAs.get(field);
    const legend = this.legendCode(field, text);
    const direct = parseVocab(items, list, text);
    const fixed = chosen
      ? chosen.code
      : open !== undefined && isOpenWord(text) && vocabCode(items, text) === null && items.some((i) => i.code === open)
        ? open
        : legend !== undefined && items.some((i) => i.code === legend)
          ? legend
          : direct.ok
            ? direct.value
            : undefined;
    if (fixed !== undefined) return fixed === null ? null : { word: text, code: fixed, direct: true, label: vocabCode(items, text) !== null };
    const byColumn = this.columnReading(field, list, text);
    const code = byColumn !== null && items.some((i) => i.code === byColumn) ? byColumn : suggest(items, list, text, this.maps[field]?.clientList).code;
    return code === null ? null : { word: text, code, direct: false, label: false };
  }

  /** Whether the workbook gives a word as one of the column's values: its legend explains it, or its list holds it. */
  private explained(field: string, word: string): boolean {
    return this.legendCode(field, word) !== undefined || (this.maps[field]?.clientList ?? []).some((w) => wordKey(w) === wordKey(word));
  }

  /** The legend's reading of a word, if its column has a legend that explains it. */
  private legendCode(field: string, word: string): string | undefined {
    return this.legends.get(field)?.get(codeKey(word));
  }

  private remember(field: string, word: string, code: string): void {
    if (word.trim() === '') return;
    const map: ValueMap | undefined = this.maps[field];
    if (map?.words[word.trim()] === code) return;
    this.maps[field] = withWord(map, word, code);
  }

  private choice(field: string, word: string): { code: string | null } | undefined {
    const mine = this.choices[field];
    if (mine && Object.prototype.hasOwnProperty.call(mine, word.trim())) return { code: mine[word.trim()]! };
    const stored = mappedCode(this.stored[field], word);
    return stored === null ? undefined : { code: stored };
  }

  private note(field: string, list: VocabListName | null, word: string, row: number, make: () => Omit<UnknownValue, 'rows' | 'field' | 'list' | 'word'>): UnknownValue {
    const key = `${field}\u0001${wordKey(word)}`;
    let u = this.unknown.get(key);
    if (!u) this.unknown.set(key, (u = { field, list, word: word.trim(), rows: [], ...make() }));
    u.rows.push(row);
    return u;
  }

  /** A list cell → a code of the project's list (or a new item's code), never refused. */
  readList(field: string, spec: FieldSpec, text: string, row: number): string | null {
    // A lone dash in a list the register may leave empty says "none" (－ under 対応状況 of a rejected
    // change: blind set 3, H10), as an empty cell does; a required list keeps it as a word to map.
    // (Unless the workbook says what the dash means: its legend (－＝対象外) or the column's own list.)
    if (spec.optional && NONE_MARK.test(text) && !this.explained(field, text)) return null;
    const list = spec.list as VocabListName;
    if (spec.optional && notYetWord(list, text) && this.choice(field, text) === undefined) return null;
    const items = this.vocab[list].items;
    const chosen = this.choice(field, text);
    const direct = parseVocab(items, list, text);
    if (chosen && (chosen.code === null || items.some((i) => i.code === chosen.code))) {
      const code = chosen.code ?? text.trim().slice(0, 50);
      // Listed only when the project's list does not read it itself (the dialog shows what needs a choice).
      if (!direct.ok) this.note(field, list, text, row, () => ({ suggestion: suggest(items, list, text), code, chosen: true }));
      this.remember(field, text, code);
      return code;
    }
    const spread = this.spreads.get(field);
    const moved = spread?.moved.get(wordKey(text));
    if (moved !== undefined) {
      // A word that shared its item with another of the column's: the item its place in the client's order gives.
      const code = this.note(field, list, text, row, () => ({ suggestion: { code: moved, by: 'stage' }, code: moved, chosen: false })).code!;
      this.remember(field, text, code);
      return code;
    }
    const open = this.openAs.get(field);
    // (Not where the project's list has an item of that name: its own Open.)
    if (open !== undefined && isOpenWord(text) && vocabCode(items, text) === null && items.some((i) => i.code === open)) {
      this.remember(field, text, open);
      return open;
    }
    const legend = this.legendCode(field, text);
    if (legend !== undefined && items.some((i) => i.code === legend)) {
      // Suggested, not read unasked; not listed where our own words read it the same (A of 重要度 as high).
      const code = direct.ok && direct.value === legend ? legend : this.note(field, list, text, row, () => ({ suggestion: { code: legend, by: 'legend' }, code: legend, chosen: false })).code!;
      this.remember(field, text, code);
      return code;
    }
    if (direct.ok) {
      // Asked where another of the client's own words is read as the same item and their order cannot tell them apart.
      if (spread?.asked.has(wordKey(text))) this.note(field, list, text, row, () => ({ suggestion: { code: direct.value, by: 'label' }, code: direct.value, chosen: false }));
      this.remember(field, text, direct.value);
      return direct.value;
    }
    const u = this.note(field, list, text, row, () => {
      const byColumn = this.columnReading(field, list, text);
      if (byColumn !== null && items.some((i) => i.code === byColumn)) return { suggestion: { code: byColumn, by: 'scale' as const }, code: byColumn, chosen: false };
      const suggestion = suggest(items, list, text, this.maps[field]?.clientList);
      return { suggestion, code: suggestion.code ?? text.trim().slice(0, 50), chosen: false };
    });
    this.remember(field, text, u.code!);
    return u.code;
  }

  /**
   * A rating cell → 1–5: the client's words and numbers through one table (the profile's words, the
   * user's choices), else a whole 1–5 as itself, a number of another scale or a decimal through the scale
   * (1.5 → 2, 7 of 10 → 4) — listed with that suggestion so the user confirms the table —, free text →
   * `{ text }` (kept, no rating); an unknown short word → null and listed.
   */
  readRating(field: string, cell: Cell, row: number, date1904: boolean): { ok: true; value: number | null; text?: string; outside?: true } | Failure {
    const text = textOf(cell, date1904).trim();
    // A percentage as its fraction (30 % → 0.3): a point on the column's 0–1 scale.
    const number = ratingNumber(cell);
    const n = number?.value ?? null;
    // A number is looked up as the client writes it: 2.5, 7; a typed percentage as typed (30%), so the
    // export writes it back so, not as the fraction.
    const word = n !== null && !(cell.t === 's' && number!.percent) ? String(n) : text;
    const chosen = cell.t === 's' || n !== null ? this.choice(field, word) : undefined;
    if (chosen && chosen.code !== null && /^[1-5]$/.test(chosen.code)) {
      this.note(field, null, word, row, () => ({ suggestion: { code: chosen.code, by: 'label' }, code: chosen.code, chosen: true }));
      this.remember(field, word, chosen.code);
      return { ok: true, value: Number(chosen.code) };
    }
    const ranks = this.ranks.get(field);
    const ranked = ranks?.steps.get(wordKey(word));
    if (ranks && ranked !== undefined) {
      const code = ranks.sure ? String(ranked) : this.note(field, null, word, row, () => ({ suggestion: { code: String(ranked), by: 'scale' }, code: String(ranked), chosen: false })).code!;
      this.remember(field, word, code);
      return { ok: true, value: Number(code) };
    }
    const scale = this.scales.get(field);
    const legend = this.legendCode(field, word);
    if (legend !== undefined) {
      // A code the workbook's legend explains (A: 高, 1: 大): suggested where the plain reading differs.
      const plain = n !== null ? (scale ? null : n) : (() => {
        const r = parseRatingValue(text);
        return r.ok ? r.value : null;
      })();
      const code = plain !== null && String(plain) === legend ? legend : this.note(field, null, word, row, () => ({ suggestion: { code: legend, by: 'legend' }, code: legend, chosen: false })).code;
      if (code !== null) this.remember(field, word, code);
      return { ok: true, value: code === null ? null : Number(code) };
    }
    if (n !== null) {
      if (!scale && Number.isInteger(n) && n >= 1 && n <= 5) return { ok: true, value: n };
      const value = this.numberSteps.get(field)?.get(n) ?? scaledRating(n, scale);
      // A number outside the scale (-4 on 1–5) keeps its row: the number is kept as text, the rating left
      // empty, and listed so the user can say what it means.
      const u = this.note(field, null, word, row, () => ({ suggestion: { code: value === null ? null : String(value), by: value === null ? 'new' : 'scale' }, code: value === null ? null : String(value), chosen: false }));
      if (u.code === null) return { ok: true, value: null, text, outside: true };
      this.remember(field, word, u.code);
      return { ok: true, value: Number(u.code) };
    }
    const step = this.steps.get(field);
    const stepped = step?.steps.get(wordKey(text));
    if (step && stepped !== undefined) {
      // A step of the column's own five-step words: asked (listed with the step) where the words leave it open.
      const code = step.sure ? String(stepped) : this.note(field, null, text, row, () => ({ suggestion: { code: String(stepped), by: 'scale' }, code: String(stepped), chosen: false })).code!;
      this.remember(field, text, code);
      return { ok: true, value: Number(code) };
    }
    const direct = parseRatingValue(text);
    if (direct.ok) {
      if (direct.value !== null) this.remember(field, text, String(direct.value));
      return direct;
    }
    if (FREE_TEXT(text)) return { ok: true, value: null, text };
    const u = this.note(field, null, text, row, () => ({ suggestion: { code: null, by: 'new' }, code: null, chosen: false }));
    return { ok: true, value: u.code === null ? null : Number(u.code) };
  }

  /**
   * What a word most likely means given the column's other words (a suggestion, never read unasked):
   * a status's marks graded by whether ◎ is among them (value-words.ts markStatus).
   */
  private columnReading(field: string, list: VocabListName, word: string): string | null {
    const words = this.columnSets.get(field) ?? [word];
    if (readsAsStatus(list)) return markStatus(word, words);
    // An ordered list (high, medium, low; value-words.ts gradedCodes): the column's levels graded by their order (S/A/B/C, 1…4).
    const codes = gradedCodes(this.vocab[list].items);
    if (codes !== null) {
      const items = this.vocab[list].items;
      return levelCode(word, words, codes, (w) => {
        const r = parseVocab(items, list, w);
        return r.ok ? r.value : null;
      });
    }
    return negationPairCode(this.vocab[list].items, list, word, words);
  }

  /** The value maps to save in the profile: every client word read, with its code. */
  valueMaps(): ValueMaps {
    // The legend's codes no cell used, after the cells' own (their spelling is the one written back).
    for (const [field, reading] of this.legends)
      for (const [code, ours] of reading) if (mappedCode(this.maps[field], code) === null) this.remember(field, code, ours);
    return this.maps;
  }

  unknownValues(): UnknownValue[] {
    return [...this.unknown.values()];
  }

  /** Items to add to the project's lists: words read as themselves (added), one per list and code. */
  newItems(): NewListItem[] {
    const out = new Map<string, NewListItem>();
    for (const u of this.unknown.values()) {
      if (u.list === null || u.code === null) continue;
      if (this.vocab[u.list].items.some((i) => i.code === u.code)) continue;
      out.set(`${u.list}\u0001${u.code}`, { list: u.list, code: u.code, label: u.word.slice(0, 100) });
    }
    return [...out.values()];
  }
}

/**
 * What an unknown word of a list most likely is. Its own meaning first: an item's label in it; work under
 * way that the client's list puts after a check, the work sent back (reworkCode); a word the tables know as
 * a whole (Accepted, 受理, 取下げ). Then its place at an end of the client's own list of the
 * column's stages (listEndCode: the first word opens, the last word on the record's way closes). Then the
 * guesses from its parts and look (a stage by its affixes, a synonym of one of its words, a similar label).
 * (Blind set 18, I5: 受理, the last word of a list, was read as not begun by a guess.)
 */
function suggest(items: Vocabularies[VocabListName]['items'], list: VocabListName, text: string, clientList: readonly string[] = [], between = true): Suggestion {
  const s = suggestCode(items, text, (w) => known(items, list, w), (w) => stageCode(items, w) ?? decisionCode(items, w));
  if (s.by === 'label') return s;
  // Work under way placed after a check in the client's own order: the work sent back (reworkCode).
  const back = reworkCode(items, clientList, text);
  if (back !== null) return { code: back, by: 'stage' };
  const own = (s.by === 'synonym' && known(items, list, text) !== null) || (s.by === 'stage' && knownStageWord(text));
  if (own) return s;
  const end = listEndCode(items, clientList, text);
  if (end !== null) return { code: end, by: 'stage' };
  // A word nothing of its own reads, between two of the list's words that read as items with one free item
  // between them: that item (betweenCode). Its neighbours are read without this rule.
  if (!between || (s.code !== null && s.by !== 'similar')) return s;
  // A word and its negation on the list (適 / 不適): a pass and a fail (negationPairCode).
  const paired = negationPairCode(items, list, text, clientList);
  if (paired !== null) return { code: paired, by: 'stage' };
  const placed = betweenCode(items, clientList, text, (w) => {
    const n = suggest(items, list, w, clientList, false);
    return n.by === 'similar' ? null : n.code;
  });
  return placed === null ? s : { code: placed, by: 'stage' };
}

/** A code the import's word tables give for a word (Market → external), when the project's list has it. */
function known(items: Vocabularies[VocabListName]['items'], list: VocabListName, word: string): string | null {
  const r = parseVocab(items, list, word);
  return r.ok ? r.value : likelyCode(items, list, word);
}
