// The fields of the columns under a group label (予定 over 開始 | 終了, Plan over Kickoff | Wrap-up, 審査 over
// 結論 | 年月日) whose own words name none: each column's cells choose its field, read with its group's word
// and its neighbours' (blind set 18, I2: with the words under the group unknown, the columns stayed the
// client's own and the planned and actual dates of every task, a change's decision and its date, were lost).
// - Two columns of dates under one group are its start and its finish, in that order; in a plan they are
//   the planned dates, or the actual ones where the group's word says actual (実績, 実施, Actual, Forecast),
//   or where the plan's are taken and the group's word says neither.
// - In a register, a column of one list's words is that list's field (承認 / 却下 / 保留: the decision), a
//   column of dates is the date of what a neighbour under the group holds (the decision's: decidedOn),
//   else the date the group's word names with a date word (審議 → 審議日); a column of people is the person of
//   what a neighbour holds (the decision's: decidedBy).
import type { Cell } from '../../../common/excel/model.js';
import { fieldSpec, TARGET_FIELDS, type ImportTarget } from '../../../common/excel/fields.js';
import { REGISTERS } from '../../../common/registers.js';
import type { HeaderColumn } from './header-rows.js';
import { holdsDates, holdsPeople, personFields } from './content-fields.js';
import { impactSideOf, labelKey, matchLabel } from './synonyms.js';
import { fit, type SampleContext, type Samples } from './mapping.js';

/** How sure a field chosen by the cells under a group is: a word names it no better, the cells say it. */
const UNDER_GROUP = 0.7;
/** Share of a column's texts that must read as dates for it to be a date column. */
const DATE_SHARE = 0.9;
/** Share of a column's words that must read as one list's values. */
const LIST_SHARE = 0.8;
/** A group's word that says actual (the dates done, or expected now), not the plan. */
const ACTUAL_GROUP = /実績|実施|実働|見込|actual|forecast|achieved|done/i;
/** The sides of a change's impact (synonyms.ts IMPACT_SIDES names them by a column's own word). */
export const IMPACT_FIELDS = ['impactScope', 'impactSchedule', 'impactCost'];
/** A group's word that says the plan. */
const PLAN_GROUP = /予定|計画|当初|基準|plan|baseline|scheduled|target|original/i;

type Assigned = Map<number, { field: string; confidence: number }>;

/** Runs of two or more neighbouring columns under one group label (the second last part of their labels). */
function groupsOf(header: HeaderColumn[]): number[][] {
  const out: number[][] = [];
  const label = (i: number) => (header[i]!.parts.length >= 2 ? labelKey(header[i]!.parts[header[i]!.parts.length - 2]!) : '');
  for (let i = 0; i < header.length; ) {
    let j = i;
    while (label(i) !== '' && j + 1 < header.length && label(j + 1) === label(i) && header[j + 1]!.c === header[j]!.c + header[j]!.span) j++;
    if (j > i) out.push(Array.from({ length: j - i + 1 }, (_, k) => i + k));
    i = j + 1;
  }
  return out;
}

/**
 * Whether a column's cells are dates: as the import reads dates anywhere, or texts that read as dates once
 * a column is taken as one (yy/mm/dd — 27/06/13 — is a date only when the column is known to hold dates,
 * the way a header naming a date field makes it one: here the group's place says so).
 */
function holdsDateTexts(target: ImportTarget, col: HeaderColumn, cells: Cell[], ctx: SampleContext): boolean {
  if (holdsDates(cells, ctx)) return true;
  const filled = cells.filter((c) => !(c.t === 's' && (c.v as string).trim() === ''));
  const field = Object.entries(TARGET_FIELDS[target]).find(([, spec]) => spec.kind === 'date')?.[0];
  return !!field && filled.length >= 2 && filled.every((c) => c.t === 's' && /\d/.test(c.v as string)) && (fit(target, field, col.label, filled, ctx) ?? 0) >= DATE_SHARE;
}

/** The one list field whose values the column's words are (LIST_SHARE of them), or undefined. */
function listOf(target: ImportTarget, col: HeaderColumn, cells: Cell[], ctx: SampleContext, taken: Set<string>): string | undefined {
  const texts = cells.filter((c) => c.t === 's' && (c.v as string).trim() !== '');
  if (texts.length < 2 || texts.length < cells.length || new Set(texts.map((c) => (c.v as string).trim())).size < 2) return undefined;
  const fits = Object.entries(TARGET_FIELDS[target]).filter(([field, spec]) => (spec.kind === 'vocab' || spec.kind === 'wbsStatus') && !taken.has(field) && (fit(target, field, col.label, texts, ctx) ?? 0) >= LIST_SHARE);
  return fits.length === 1 ? fits[0]![0] : undefined;
}

/** The date field of what `field` records (decision → decidedOn): the register's words for it with a date word. */
function dateOfField(target: ImportTarget, field: string): string | undefined {
  if (target === 'wbs') return undefined;
  const own = REGISTERS[target].columns[field];
  if (!own) return undefined;
  const words = [labelKey(own.ja), labelKey(own.en)].filter((k) => k !== '');
  const named = words.flatMap((k) => [...matchLabel(target, [`${k}日`]), ...matchLabel(target, [`${k} date`])]);
  return named.find((m) => m.confidence >= 0.9 && fieldSpec(target, m.field)?.kind === 'date')?.field ?? (/By$/.test(field) ? field.replace(/By$/, 'On') : undefined);
}

/** The person field of what `field` records (decision → decidedBy, decidedOn → decidedBy): the register's words for it with a person word. */
function personOfField(target: ImportTarget, field: string): string | undefined {
  if (target === 'wbs') return undefined;
  const own = REGISTERS[target].columns[field];
  const words = own ? [labelKey(own.ja), labelKey(own.en)].filter((k) => k !== '') : [];
  const named = words.flatMap((k) => [...matchLabel(target, [`${k}者`]), ...matchLabel(target, [`${k} by`])]);
  const by = field.replace(/On$/, 'By');
  return named.find((m) => m.confidence >= 0.9 && personFields(target).includes(m.field))?.field ?? (by !== field && personFields(target).includes(by) ? by : undefined);
}

/** The person field a group's word names with a person word (判定 → 判定者 → decidedBy), or undefined. */
function personOfGroup(target: ImportTarget, group: string): string | undefined {
  const k = labelKey(group);
  return [...matchLabel(target, [`${k}者`]), ...matchLabel(target, [`${k} by`])].find((m) => m.confidence >= 0.9 && personFields(target).includes(m.field))?.field;
}

/** The date field a group's word names with a date word (審議 → 審議日 → decidedOn), or undefined. */
function dateOfGroup(target: ImportTarget, group: string): string | undefined {
  const k = labelKey(group);
  const named = [...matchLabel(target, [`${k}日`]), ...matchLabel(target, [`${k} date`])];
  return named.find((m) => m.confidence >= 0.9 && fieldSpec(target, m.field)?.kind === 'date')?.field;
}

/**
 * The fields the cells under each group choose for its columns no word took, as [column index, field]:
 * added to `byColumn` and `taken` by the caller.
 */
export function groupFields(target: ImportTarget, header: HeaderColumn[], byColumn: Assigned, taken: Set<string>, samples: { cells: Samples; ctx: SampleContext }): [number, { field: string; confidence: number }][] {
  const out: [number, { field: string; confidence: number }][] = [];
  const used = new Set(taken);
  const take = (i: number, field: string) => {
    out.push([i, { field, confidence: UNDER_GROUP }]);
    used.add(field);
  };
  const free = (i: number) => !byColumn.has(i) && !out.some(([k]) => k === i);
  const fieldAt = (j: number) => byColumn.get(j)?.field ?? out.find(([k]) => k === j)?.[1].field;
  for (const members of groupsOf(header)) {
    const group = header[members[0]!]!.parts[header[members[0]!]!.parts.length - 2]!.normalize('NFKC');
    const dated = members.filter((i) => holdsDateTexts(target, header[i]!, samples.cells(header[i]!), samples.ctx));
    if (target === 'wbs') {
      // Two columns of dates: the group's start and finish. Words that took one of them keep it where it
      // is the same pair's (From → plannedStart beside an unknown finish).
      if (dated.length !== 2 || dated.every((i) => !free(i))) continue;
      const pairOf = (kind: 'planned' | 'actual') => [`${kind}Start`, `${kind}Finish`] as const;
      const mine = (f: string) => dated.some((i) => byColumn.get(i)?.field === f);
      const open = (kind: 'planned' | 'actual') => pairOf(kind).every((f) => !used.has(f) || mine(f));
      const says = ACTUAL_GROUP.test(group) ? 'actual' : PLAN_GROUP.test(group) ? 'planned' : undefined;
      const kind = says ?? (open('planned') ? 'planned' : open('actual') ? 'actual' : undefined);
      if (!kind || !open(kind)) continue;
      dated.forEach((i, k) => {
        const f = pairOf(kind)[k]!;
        if (free(i) && !used.has(f)) take(i, f);
      });
      continue;
    }
    // A register: list words first (their field names the date beside them), then the dates.
    for (const i of members) {
      if (!free(i) || dated.includes(i)) continue;
      const field = listOf(target, header[i]!, samples.cells(header[i]!), samples.ctx, used);
      if (field) take(i, field);
    }
    for (const i of dated) {
      if (!free(i)) continue;
      const fields = members.flatMap((j) => {
        const f = byColumn.get(j)?.field ?? out.find(([k]) => k === j)?.[1].field;
        return f && j !== i ? [f] : [];
      });
      const field = [...fields.map((f) => dateOfField(target, f)), dateOfGroup(target, group)].find((f) => f !== undefined && !used.has(f) && fieldSpec(target, f)?.kind === 'date');
      if (field) take(i, field);
    }
    // A group a neighbour's own word makes the impact (金額 under a group word no list holds → the cost's):
    // the others' own words name their sides as under 影響 (日数 → the schedule's; blind set 19, I3).
    if (members.some((j) => IMPACT_FIELDS.includes(fieldAt(j) ?? '')))
      for (const i of members) {
        const side = free(i) ? impactSideOf(target, header[i]!.parts[header[i]!.parts.length - 1]!) : undefined;
        if (side && !used.has(side)) take(i, side);
      }
    // People: the person of what a neighbour under the group holds (the decision's: decidedBy).
    for (const i of members) {
      if (!free(i) || dated.includes(i) || !holdsPeople(target, samples.cells(header[i]!), samples.ctx)) continue;
      const fields = members.flatMap((j) => {
        const f = byColumn.get(j)?.field ?? out.find(([k]) => k === j)?.[1].field;
        return f && j !== i ? [f] : [];
      });
      const field = [...fields.map((f) => personOfField(target, f)), personOfGroup(target, group)].find((f) => f !== undefined && !used.has(f));
      if (field) take(i, field);
    }
  }
  return out;
}
