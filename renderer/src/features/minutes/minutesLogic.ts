// Pure logic of the minutes screen: the meeting kinds, the lists that live inside one meeting
// (attendees, agenda, decisions) seen as grids with synthetic row ids, a grid's CellPlan turned into
// a whole new list (one meeting.update: one batch, one undo step), action rows as issue-log cells,
// and the parsing of what people type into the form (times, the next meeting's date).
import { parseDateInput, toHalfWidth } from '../../../../electron/common/dates.js';
import type { AgendaItem, Attendee, Decision } from '../../../../electron/common/meetings.js';
import type { Issue, VocabItem, VocabList, Vocabularies } from '../../../../electron/common/registers.js';
import type { CellPlan } from '../../grid/cellPlan.js';

// ---------------------------------------------------------------- value lists

const item = (code: string, labelJa: string, labelEn: string): VocabItem => ({ code, labelJa, labelEn, closed: false });

/** The kinds of meeting when the project has no 'meeting.kind' list. */
export const FALLBACK_MEETING_KINDS: readonly VocabItem[] = [
  item('regular', '定例', 'Regular'),
  item('review', 'レビュー', 'Review'),
  item('steering', 'ステアリング', 'Steering'),
  item('kickoff', 'キックオフ', 'Kickoff'),
  item('other', 'その他', 'Other'),
];

/** The project's 'meeting.kind' list, or the fallback while the project (or the core) has none. */
export function meetingKinds(vocab: Vocabularies | null | undefined): readonly VocabItem[] {
  const list = (vocab as Record<string, VocabList | undefined> | null | undefined)?.['meeting.kind'];
  return list && list.items.length > 0 ? list.items : FALLBACK_MEETING_KINDS;
}

/** Whose side an attendee is on; typed or pasted as the code or either label. */
export const SIDE_ITEMS: readonly VocabItem[] = [item('ours', '自社', 'Ours'), item('client', '顧客', 'Client'), item('other', 'その他', 'Other')];

/** Present or absent: ○ / ×, 出席 / 欠席, Present / Absent. */
export const PRESENT_ITEMS: readonly VocabItem[] = [item('○', '出席', 'Present'), item('×', '欠席', 'Absent')];

/** The first closed status of the issue log ('done' by default): what "close" sets. */
export function closingStatus(list: VocabList | undefined): string {
  return list?.items.find((i) => i.closed)?.code ?? 'done';
}

// ---------------------------------------------------------------- the lists of one meeting

/** A grid row of a list that has no ids of its own: id = position + 1; `blank` marks the new-row line. */
export type ListRow<R> = R & { id: number; blank?: true };

export interface ListSpec<I, R> {
  /** A new item before anything is typed into it. */
  empty: I;
  /** The grid row of an item (its id is added by the caller). */
  toRow(item: I, index: number): R;
  /** Grid cells (already parsed by the column kinds) → item fields. */
  fromCells(cells: Record<string, unknown>): Partial<I>;
  /** Nothing worth keeping: a new row left empty is not added. */
  isEmpty(item: I): boolean;
  /** Cells of an item that cannot be stored; field = the grid column. */
  problems?(item: I): { field: string; reason: string }[];
}

/** The rows a list grid shows: one per item, plus (when editable) an empty line to type a new item into. */
export function listRows<I, R>(spec: ListSpec<I, R>, items: readonly I[], withBlank: boolean): ListRow<R>[] {
  const rows: ListRow<R>[] = items.map((it, i) => ({ ...spec.toRow(it, i), id: i + 1 }));
  if (withBlank) rows.push({ ...spec.toRow(spec.empty, items.length), id: items.length + 1, blank: true });
  return rows;
}

export interface ListBadCell {
  /** 0-based row of the grid. */
  row: number;
  field: string;
  reason: string;
}

/**
 * A plan over a list grid → the whole new list: updates by synthetic id, anything past the last item
 * (the new-row line, pasted rows below it) appended in order; new rows left empty are dropped.
 * `changed` is false when the plan changes nothing.
 */
export function applyListPlan<I, R>(
  spec: ListSpec<I, R>,
  items: readonly I[],
  plan: Pick<CellPlan, 'updates' | 'creates'>,
): { items: I[]; changed: boolean; bad: ListBadCell[] } {
  const next = items.slice();
  const touched = new Set<number>();
  const added = new Map<number, Record<string, unknown>>();
  for (const u of plan.updates) {
    const index = u.id - 1;
    if (index >= 0 && index < items.length) {
      next[index] = { ...next[index]!, ...spec.fromCells(u.patch) };
      touched.add(index);
    } else if (index >= items.length) added.set(index, { ...added.get(index), ...u.patch });
  }
  let at = Math.max(items.length, ...[...added.keys()].map((k) => k + 1));
  for (const c of plan.creates) added.set(at++, c.values);
  for (const [, cells] of [...added].sort((a, b) => a[0] - b[0])) {
    const it = { ...spec.empty, ...spec.fromCells(cells) };
    if (spec.isEmpty(it)) continue;
    touched.add(next.length);
    next.push(it);
  }
  const bad: ListBadCell[] = [];
  if (spec.problems) for (const i of [...touched].sort((a, b) => a - b)) for (const p of spec.problems(next[i]!)) bad.push({ row: i, ...p });
  const changed = next.length !== items.length || next.some((it, i) => JSON.stringify(it) !== JSON.stringify(items[i]));
  return { items: next, changed, bad };
}

/** The list without the rows of these synthetic ids (the new-row line is ignored). */
export function removeListRows<I>(items: readonly I[], ids: readonly number[]): I[] {
  const drop = new Set(ids);
  return items.filter((_, i) => !drop.has(i + 1));
}

export type AttendeeRow = Omit<Attendee, 'present'> & { present: string };

export const attendeeSpec: ListSpec<Attendee, AttendeeRow> = {
  empty: { name: '', side: 'ours', org: '', role: '', present: true },
  toRow: (a) => ({ ...a, present: a.present ? '○' : '×' }),
  fromCells(cells) {
    const out: Partial<Attendee> = {};
    for (const [k, v] of Object.entries(cells)) {
      if (k === 'present') out.present = v !== '×';
      else if (k === 'side') out.side = v === 'client' || v === 'other' ? v : 'ours';
      else if (k === 'name' || k === 'org' || k === 'role') out[k] = typeof v === 'string' ? v : '';
    }
    return out;
  },
  isEmpty: (a) => a.name.trim() === '' && a.org.trim() === '' && a.role.trim() === '',
};

export type AgendaRow = AgendaItem & { no: number };

export const agendaSpec: ListSpec<AgendaItem, AgendaRow> = {
  empty: { title: '', notes: '' },
  toRow: (a, i) => ({ ...a, no: i + 1 }),
  fromCells(cells) {
    const out: Partial<AgendaItem> = {};
    for (const [k, v] of Object.entries(cells)) if (k === 'title' || k === 'notes') out[k] = typeof v === 'string' ? v : '';
    return out;
  },
  isEmpty: (a) => a.title.trim() === '' && a.notes.trim() === '',
};

/** In the grid a decision names its agenda item by the number shown there (1-based); stored 0-based. */
export type DecisionRow = { no: number; text: string; agendaNo: number | null };

export const decisionSpec: ListSpec<Decision, DecisionRow> = {
  empty: { text: '', agendaIndex: null },
  toRow: (d, i) => ({ no: i + 1, text: d.text, agendaNo: d.agendaIndex === null ? null : d.agendaIndex + 1 }),
  fromCells(cells) {
    const out: Partial<Decision> = {};
    for (const [k, v] of Object.entries(cells)) {
      if (k === 'text') out.text = typeof v === 'string' ? v : '';
      // Kept as typed (NaN for a non-number) so problems() can name the cell.
      else if (k === 'agendaNo') out.agendaIndex = v === null || v === undefined || v === '' ? null : Number(v) - 1;
    }
    return out;
  },
  isEmpty: (d) => d.text.trim() === '' && d.agendaIndex === null,
  problems: (d) => (d.agendaIndex !== null && !(Number.isInteger(d.agendaIndex) && d.agendaIndex >= 0) ? [{ field: 'agendaNo', reason: 'agendaNo' }] : []),
};

// ---------------------------------------------------------------- action items (issue-log rows)

/**
 * A row of the actions grid. Like the lists, its grid id is its place (index + 1), not the issue's id:
 * the row a user is typing into keeps its identity when the action item it creates comes back from
 * the core, so the cell being edited is not carried off to the new empty line.
 */
export type ActionRow = Omit<Issue, 'id'> & { id: number; issueId: number | null; blank?: true };

export function actionRows(actions: readonly Issue[], blank: Issue | null): ActionRow[] {
  const rows: ActionRow[] = actions.map((a, i) => ({ ...a, id: i + 1, issueId: a.id }));
  if (blank) rows.push({ ...blank, id: actions.length + 1, issueId: null, blank: true });
  return rows;
}

/**
 * A plan over the actions grid → issue.applyCells' updates and creates: rows of an action item update
 * it; the empty line and rows pasted below it become new action items of this meeting (empty ones are
 * left out).
 */
export function actionCells(
  plan: Pick<CellPlan, 'updates' | 'creates'>,
  issueIdOf: (rowId: number) => number | null,
  defaults: Record<string, unknown>,
): { updates: { id: number; patch: Record<string, unknown> }[]; creates: { values: Record<string, unknown> }[] } {
  const updates: { id: number; patch: Record<string, unknown> }[] = [];
  const typed: Record<string, unknown>[] = [];
  for (const u of plan.updates) {
    const id = issueIdOf(u.id);
    if (id === null) typed.push(u.patch);
    else updates.push({ id, patch: u.patch });
  }
  const created = [...typed, ...plan.creates.map((c) => c.values)].filter((v) => Object.values(v).some((x) => x !== '' && x !== null && x !== undefined));
  return { updates, creates: created.map((values) => ({ values: { ...defaults, ...values } })) };
}

// ---------------------------------------------------------------- the form

/** A time as typed (9:00, 0930, ９：３０, 18時) → hh:mm; '' for empty; null when it is not a time. */
export function parseTimeInput(input: string): string | null {
  const s = toHalfWidth(input.trim());
  if (s === '') return '';
  const m = /^(\d{1,2})(?::|時|h)?(\d{2})?分?$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/**
 * The date (and start time) written in a "next meeting" line such as `2025/4/15(火) 10:00 会議室A`
 * or `次回 ４月１５日 10時`, to start the next meeting on. A month/day without a year takes the year
 * of `after` (or the following year when that day has passed).
 */
export function nextMeetingStart(text: string, after: string | null): { heldOn?: string; startsAt?: string } {
  const s = toHalfWidth(text);
  let heldOn: string | undefined;
  let rest = s;
  const full = /(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?/.exec(s);
  if (full) {
    heldOn = parseDateInput(`${full[1]}/${full[2]}/${full[3]}`) ?? undefined;
    rest = s.slice(full.index + full[0].length);
  } else {
    const md = /(\d{1,2})[/月](\d{1,2})日?/.exec(s);
    if (md && after) {
      const year = Number(after.slice(0, 4));
      const on = (y: number) => parseDateInput(`${y}/${md[1]}/${md[2]}`);
      const same = on(year);
      heldOn = (same !== null && same > after ? same : on(year + 1)) ?? undefined;
      rest = s.slice(md.index + md[0].length);
    }
  }
  const tm = /(\d{1,2})(?::(\d{2})|時(?:(\d{1,2})分)?)/.exec(rest);
  const startsAt = tm ? (parseTimeInput(`${tm[1]}:${tm[2] ?? tm[3]?.padStart(2, '0') ?? '00'}`) ?? undefined) : undefined;
  return { ...(heldOn ? { heldOn } : {}), ...(startsAt ? { startsAt } : {}) };
}

/**
 * The title of a series' next meeting: its number counted on (第1回 → 第2回, full-width ９ → １０ in
 * full width); a title without a number stays as it is.
 */
export function nextMeetingTitle(title: string): string {
  return title.replace(/第\s*([0-9０-９]+)\s*回/, (whole, digits: string) => {
    const wide = /[０-９]/.test(digits);
    const n = Number(toHalfWidth(digits)) + 1;
    const text = wide ? String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : String(n);
    return whole.replace(digits, text);
  });
}
