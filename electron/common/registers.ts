// The flat registers (リスク管理表, 課題管理表, 変更管理表) and their value lists: fields, DTOs, default
// vocabularies and the rules derived from stored values (risk score and level, overdue, age, IDs).
// Plain TypeScript, so the renderer and the Excel import apply exactly the rules the core applies.
import { z } from 'zod';
import { localToday } from './dates.js';
import { item, type RegisterDescriptor, type VocabField, type VocabItem } from './registers/descriptor.js';
import type { changeFields } from './registers/change.js';
import { DESCRIPTORS, REGISTER_LIST, type RegisterListName, type RegisterName } from './registers/index.js';
import type { issueFields } from './registers/issue.js';
import type { riskFields } from './registers/risk.js';

// ---------------------------------------------------------------- fields (each register's descriptor has them)

export { EXTRA_LIMITS } from './registers/descriptor.js';
export { riskFields } from './registers/risk.js';
export { issueFields } from './registers/issue.js';
export { changeFields } from './registers/change.js';
export type { RegisterName } from './registers/index.js';

export type RiskFields = z.output<typeof riskFields>;
export type IssueFields = z.output<typeof issueFields>;
export type ChangeFields = z.output<typeof changeFields>;

/** What every stored register row has besides its fields. */
export interface RowKeys {
  id: number;
  projectId: number;
  createdAt: string;
  updatedAt: string;
}

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_LABELS: Record<RiskLevel, { ja: string; en: string }> = {
  high: { ja: '高', en: 'High' },
  medium: { ja: '中', en: 'Medium' },
  low: { ja: '低', en: 'Low' },
};

export type Risk = RiskFields & RowKeys & { score: number | null; level: RiskLevel | null };
export type Issue = IssueFields & RowKeys & { overdue: boolean; ageDays: number };
export type Change = ChangeFields & RowKeys;

/** One point of a risk's score over time, read from the audit trail. */
export interface ScorePoint {
  at: string;
  who: string;
  probability: number | null;
  impact: number | null;
  score: number | null;
}

/** A bad cell of a bulk write: which entry of the request (`part`, `row`), which row (`id`), which field. */
export interface CellProblem {
  part: 'updates' | 'creates';
  row: number;
  id: number | null;
  field: string;
  message: string;
}

export interface CellsResult<D> {
  updated: D[];
  created: D[];
}

// ---------------------------------------------------------------- vocabularies

export type VocabListName = RegisterListName | 'meeting.kind';
/** Every value list: the registers' (from their descriptors), then the meetings' kind. */
export const VOCAB_LISTS = [...REGISTER_LIST.flatMap((d) => Object.keys(d.lists)), 'meeting.kind'] as unknown as [VocabListName, ...VocabListName[]];

export type { VocabItem };

export interface VocabList {
  list: VocabListName;
  /** False while the project uses the default items. */
  customized: boolean;
  items: VocabItem[];
}

export type Vocabularies = Record<VocabListName, VocabList>;

export const DEFAULT_VOCABULARIES = Object.fromEntries([
  ...REGISTER_LIST.flatMap((d) => Object.entries(d.lists) as [VocabListName, VocabItem[]][]),
  [
    'meeting.kind',
    [
      item('regular', '定例', 'Regular'),
      item('review', 'レビュー', 'Review'),
      item('steering', 'ステアリング', 'Steering'),
      item('kickoff', 'キックオフ', 'Kickoff'),
      item('other', 'その他', 'Other'),
    ],
  ],
]) as Record<VocabListName, VocabItem[]>;

/** How typed text is compared with codes and labels: full-width and case folded, trimmed. */
export function normalizeLabel(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase();
}

/**
 * The code for what a user typed or pasted: a code, a Japanese or an English label (case-insensitive,
 * full-width folded). '' for empty input (= not set), null when nothing matches.
 */
export function vocabCode(items: readonly VocabItem[], typed: string): string | null {
  const key = normalizeLabel(typed);
  if (key === '') return '';
  const hit =
    items.find((i) => normalizeLabel(i.code) === key) ??
    items.find((i) => normalizeLabel(i.labelJa) === key || (i.labelEn !== '' && normalizeLabel(i.labelEn) === key));
  return hit ? hit.code : null;
}

/** The label to show for a stored code; the code itself when the list does not know it. */
export function vocabLabel(items: readonly VocabItem[], code: string, lang: 'ja' | 'en'): string {
  const hit = items.find((i) => i.code === code);
  if (!hit) return code;
  return lang === 'en' && hit.labelEn !== '' ? hit.labelEn : hit.labelJa;
}

export function closedCodes(list: VocabList): Set<string> {
  return new Set(list.items.filter((i) => i.closed).map((i) => i.code));
}

// ---------------------------------------------------------------- register definitions

export type { VocabField } from './registers/descriptor.js';

/** Any register's descriptor, seen generically (its lists as the app's list names). */
export type RegisterDef = Omit<RegisterDescriptor, 'name' | 'vocab'> & { name: RegisterName; vocab: Record<string, VocabField<VocabListName>> };

/** The registers' descriptors by name (./registers/index.ts lists them). */
export const REGISTERS: Record<RegisterName, RegisterDef> = DESCRIPTORS;

// ---------------------------------------------------------------- IDs

export function formatRef(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(3, '0')}`;
}

/** The key two IDs are compared by: r-００1 and R-001 are the same ID. */
export function refKey(ref: string): string {
  return ref.normalize('NFKC').trim().toUpperCase();
}

/** The number of an ID in the register's own pattern (R-012 → 12), else null. */
export function refNumber(prefix: string, ref: string): number | null {
  const key = refKey(ref);
  const p = refKey(prefix);
  if (!key.startsWith(p)) return null;
  const digits = key.slice(p.length);
  return /^\d{1,9}$/.test(digits) ? Number(digits) : null;
}

// ---------------------------------------------------------------- risk score and level

/**
 * A probability or impact as typed or pasted → 1–5. Three-level words take the ends and the middle of
 * the scale (高/大/High = 5, 中/Medium = 3, 低/小/Low = 1) so a client's 3-level register keeps its spread
 * and the default thresholds still read 高×高 and 高×中 as high, 中×中 as medium; やや高い = 4, やや低い = 2.
 * Digits may be full-width. '' → null (not assessed).
 */
export function parseRating(input: unknown): { ok: true; value: number | null } | { ok: false } {
  if (input === null || input === undefined) return { ok: true, value: null };
  if (typeof input === 'number') return Number.isInteger(input) && input >= 1 && input <= 5 ? { ok: true, value: input } : { ok: false };
  if (typeof input !== 'string') return { ok: false };
  const key = normalizeLabel(input);
  if (key === '') return { ok: true, value: null };
  const word = RATING_WORDS[key];
  if (word !== undefined) return { ok: true, value: word };
  if (!/^\d+(\.0+)?$/.test(key)) return { ok: false };
  return parseRating(Number(key));
}

const RATING_WORDS: Record<string, number> = {
  非常に高い: 5, 極大: 5, 'very high': 5, vh: 5,
  高: 5, 高い: 5, 大: 5, 大きい: 5, high: 5, h: 5,
  やや高い: 4, やや高: 4, やや大: 4,
  中: 3, 中程度: 3, medium: 3, mid: 3, m: 3,
  やや低い: 2, やや低: 2, やや小: 2,
  低: 1, 低い: 1, 小: 1, 小さい: 1, low: 1, l: 1,
  非常に低い: 1, 極小: 1, 'very low': 1, vl: 1,
  // The five steps of the likelihood × consequence matrix of AS/NZS 4360 and ISO 31000 guides, which
  // English risk registers use as they are (blind G5: every rating of such a register was left empty).
  rare: 1, unlikely: 2, possible: 3, likely: 4, 'almost certain': 5, certain: 5,
  insignificant: 1, negligible: 1, minor: 2, moderate: 3, major: 4, severe: 5, catastrophic: 5,
};

/** Score ≥ high → high; ≥ medium → medium; else low. */
export interface RiskThresholds {
  high: number;
  medium: number;
}

/**
 * The common three bands of a 5×5 matrix: 15–25 high, 8–12 medium, 1–6 low (7, 13 and 14 are not
 * products of two ratings, so these are the only cut points that matter there).
 */
export const DEFAULT_RISK_THRESHOLDS: RiskThresholds = { high: 15, medium: 8 };

export const riskThresholds = z
  .strictObject({
    high: z.number().int('must be a whole number').min(2, 'must be 2–25').max(25, 'must be 2–25'),
    medium: z.number().int('must be a whole number').min(1, 'must be 1–24').max(24, 'must be 1–24'),
  })
  .refine((t) => t.medium < t.high, { message: 'must be below high', path: ['medium'] });

export function riskScore(probability: number | null, impact: number | null): number | null {
  return probability === null || impact === null ? null : probability * impact;
}

export function riskLevel(score: number | null, t: RiskThresholds): RiskLevel | null {
  if (score === null) return null;
  return score >= t.high ? 'high' : score >= t.medium ? 'medium' : 'low';
}

/** Counts for the 5×5 heat map: counts[probability - 1][impact - 1]; unrated risks are left out. */
export function heatMap(risks: readonly { probability: number | null; impact: number | null }[]): number[][] {
  const counts = Array.from({ length: 5 }, () => Array<number>(5).fill(0));
  for (const r of risks) if (r.probability !== null && r.impact !== null) counts[r.probability - 1]![r.impact - 1]! += 1;
  return counts;
}

// ---------------------------------------------------------------- dates: overdue and age

/** The local calendar day (the user's "today"), yyyy-mm-dd. */
function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

export function isOverdue(due: string | null, closed: boolean, today: string): boolean {
  return !closed && due !== null && due < today;
}

/**
 * Days open: from raisedOn (or the day the row was created) to closedOn when the row is closed, else
 * to today. Never negative (a raisedOn in the future counts as 0).
 */
export function ageDays(row: { raisedOn: string | null; closedOn: string | null; createdAt: string }, closed: boolean, today: string): number {
  const from = row.raisedOn ?? localToday(new Date(row.createdAt));
  const to = closed && row.closedOn !== null ? row.closedOn : today;
  return Math.max(0, daysBetween(from, to));
}
