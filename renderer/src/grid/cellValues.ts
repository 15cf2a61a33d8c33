// How a typed (or, later, pasted) cell text becomes a field value, per kind of column.
import { parseDateInput, toHalfWidth } from '../../../electron/common/dates.js';
import { parseRating, vocabCode, type VocabItem } from '../../../electron/common/registers.js';

export type CellKind =
  | 'text'
  | 'date'
  | 'number'
  | 'percent'
  | 'bool'
  /** Probability / impact: 1–5, or a word (高/中/低, High…) as parseRating reads it; '' = not rated. */
  | 'rating'
  | { choices: readonly string[]; labels: (code: string) => string }
  /** A project vocabulary: a code, or a Japanese or English label (case and full-width folded); '' = not set. */
  | { vocab: readonly VocabItem[] };

export type Parsed =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'notDate' | 'notNumber' | 'notPercent' | 'notStatus' | 'notRating' | 'notChoice' };

export function parseCell(kind: CellKind, raw: unknown): Parsed {
  if (typeof raw !== 'string') return { ok: true, value: raw ?? null };
  const text = raw.trim();
  if (kind === 'text') return { ok: true, value: raw };
  if (kind === 'bool') return { ok: true, value: ['1', 'true', 'yes', '○', '◯', '●', 'y'].includes(text.toLowerCase()) };
  if (kind === 'date') {
    if (text === '') return { ok: true, value: null };
    const iso = parseDateInput(text);
    return iso ? { ok: true, value: iso } : { ok: false, reason: 'notDate' };
  }
  if (kind === 'number' || kind === 'percent') {
    const s = toHalfWidth(text).replace(/[％%]$/, '').replace(/,/g, '');
    if (s === '') return kind === 'number' ? { ok: true, value: null } : { ok: true, value: 0 };
    const n = Number(s);
    if (!Number.isFinite(n)) return { ok: false, reason: kind === 'number' ? 'notNumber' : 'notPercent' };
    if (kind === 'percent') return Number.isInteger(n) && n >= 0 && n <= 100 ? { ok: true, value: n } : { ok: false, reason: 'notPercent' };
    return { ok: true, value: n };
  }
  if (kind === 'rating') {
    const r = parseRating(text);
    return r.ok ? { ok: true, value: r.value } : { ok: false, reason: 'notRating' };
  }
  if ('vocab' in kind) {
    const code = vocabCode(kind.vocab, text);
    return code === null ? { ok: false, reason: 'notChoice' } : { ok: true, value: code };
  }
  // A vocabulary: accept the stored code or its label in the current language.
  const hit = kind.choices.find((c) => c === text || kind.labels(c) === text);
  return hit ? { ok: true, value: hit } : { ok: false, reason: 'notStatus' };
}
