// The unit of an effort column whose header names none (予定工数, Estimated time, Effort): person-days
// unless the file says hours another way (blind set 5, K4: Redmine's 予定工数 56 on a task of seven
// working days for one person was read as 56 person-days, eight people full time).
//   tracker  the sheet is a tracker's export whose estimates are always hours: Redmine (# with
//            トラッカー/Tracker and 題名/Subject), Jira (Original Estimate, Remaining Estimate, Time Spent);
//   dates    the numbers do not fit person-days against the rows' own dates and assignees: on most rows
//            the effort is more than twice the working days times the people, and as hours (÷ 8) it fits.
//   note     a note above the table or beside its header states the unit (単位：人月, (単位：人日), 単位:h,
//            Unit: hours, all effort in MD): it applies to every effort column whose header names none;
//   seconds  a Jira export's estimate columns hold seconds (28800 = 8 hours = 1 person-day);
// A unit the header names (工数(h), 人日, Hours) is the header's and never second-guessed.
import { cellRef } from '../../../common/excel/model.js';
import type { EffortUnit, EffortUnitWhy } from '../../../common/excel/preview.js';
import { HOURS_PER_DAY } from './numbers.js';
import type { SheetIndex } from './sheet-index.js';

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s\u3000_]+/g, '');

/** The unit a header states in so many words (工数(h), 人日, Hours, Effort (days)), or null when it names none. */
export function statedEffortUnit(label: string): EffortUnit | null {
  // (Effort_hrs as a database export writes it: the underscore parts words.)
  const s = label.normalize('NFKC').toLowerCase().replace(/_/g, ' ');
  if (/人月|man[\s-]?months?|person[\s-]?months?|\(mm\)/.test(s)) return 'month';
  if (/人時|時間|\(h\)|\bhours?\b|\bhrs?\b|\[h\]/.test(s)) return 'hour';
  if (/人日|日数|\(日\)|\(d\)|\[d\]|\bdays?\b|\bman[\s-]?days?\b|\bperson[\s-]?days?\b|\(md\)|\(pd\)/.test(s)) return 'day';
  return null;
}

/** Redmine's and Jira's words for their hours (an estimate, time spent). */
const JIRA_HOURS = new Set(['originalestimate', 'remainingestimate', 'timespent', 'σoriginalestimate', 'σremainingestimate', 'σtimespent']);

/** The tracker whose export the header row is, where its estimates are hours; null for any other sheet. */
export function hoursTracker(labels: readonly string[]): 'redmine' | 'jira' | null {
  const words = new Set(labels.map(fold));
  if (words.has('#') && (words.has('トラッカー') || words.has('tracker')) && (words.has('題名') || words.has('subject'))) return 'redmine';
  if ([...words].some((w) => JIRA_HOURS.has(w))) return 'jira';
  return null;
}

/** Mon–Fri days from start to finish, both included (yyyy-mm-dd); 0 when finish is before start. */
export function weekdaysBetween(start: string, finish: string): number {
  const a = Date.parse(`${start}T00:00:00Z`);
  const b = Date.parse(`${finish}T00:00:00Z`);
  if (!(b >= a)) return 0;
  let n = 0;
  for (let t = a; t <= b && n < 5_000; t += 86_400_000) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

/** People named in an assignee cell (山田・佐藤, 鈴木、高橋, Ann / Bob): at least one. */
export function peopleIn(text: string | null | undefined): number {
  return Math.max(1, namesIn(text).length);
}

/** The names an assignee cell lists (山田・佐藤, 鈴木、高橋, Ann / Bob). */
function namesIn(text: string | null | undefined): string[] {
  return (text ?? '').split(/[・、,，/／&＆;；\n]|\s+and\s+/).map((s) => s.trim()).filter((s) => s !== '');
}

/** A group's name, not a person's: a firm, a team, a department, a vendor (A社, 開発チーム, 情報システム部, インフラG, QA Team); 阿部, 服部, 小室 stay people. */
const GROUP_NAME = /(?:社|チーム|ﾁｰﾑ|.{3,}部|課|班|.{2,}室|グループ|G|Ｇ|ベンダー?|協力会社|全員)$|\b(?:team|teams|group|vendor|dept|department|inc|ltd|co|corp|all)\.?$/iu;

/** An assignee cell that names people (山田, 山田・佐藤, Ann / Bob), not a group or nothing. */
function namesPeople(text: string | null | undefined): boolean {
  const names = namesIn(text);
  return names.length > 0 && !names.some((n) => GROUP_NAME.test(n.normalize('NFKC')));
}

/** One row's figures: its effort as written (no unit), its planned dates, its assignee cell. */
export interface EffortRow {
  effort: number;
  start: string | null;
  finish: string | null;
  assignee: string | null;
}

/**
 * Hours, by the dates: the row whose reading shows it (its effort, working days and people), where on
 * most rows with all three the effort is more than twice what the people can give in the days as
 * person-days, and as hours it fits (the middle row at most 1.5 people-days per person per day). Null
 * where person-days fit, or too few rows say anything (fewer than two).
 */
export function hoursByDates(rows: readonly EffortRow[]): { value: number; days: number; people: number } | null {
  const loads = rows.flatMap((r) => {
    // Only a row that names its people says how many work the days: a team or a firm (A社, 開発チーム,
    // インフラG, QA Team) or no assignee at all may be several, and person-days of several people look
    // like hours of one (review U1: 15 人日 of a team over 5 days was read as 15 hours).
    if (!(r.effort > 0) || !r.start || !r.finish || !namesPeople(r.assignee)) return [];
    const days = weekdaysBetween(r.start, r.finish);
    if (days === 0) return [];
    const people = peopleIn(r.assignee);
    return [{ load: r.effort / (days * people), row: r, days, people }];
  });
  if (loads.length < 2) return null;
  const sorted = [...loads].sort((a, b) => a.load - b.load);
  const middle = sorted[Math.floor(sorted.length / 2)]!;
  const over = loads.filter((l) => l.load > 2).length;
  if (over * 2 < loads.length || middle.load <= 2 || middle.load / HOURS_PER_DAY > 1.5) return null;
  // The example shown: the first row that reads wrong as person-days, as the user sees it in the file.
  const shown = loads.find((l) => l.load > 2 && (l.row.assignee ?? '').trim() !== '') ?? loads.find((l) => l.load > 2)!;
  return { value: shown.row.effort, days: shown.days, people: shown.people };
}

/** A note's unit word (人月, MD, hours, h …) at the start of `word`, or null (千円, 件: no effort). */
function unitWord(word: string): EffortUnit | null {
  const w = word.replace(/^[(\[（「]+|[)\]）」。.,、]+$/g, '');
  if (/^(人月|mm|man-?months?|person-?months?)$/.test(w)) return 'month';
  if (/^(人日|md|pd|mds|man-?days?|person-?days?|days?|日)$/.test(w)) return 'day';
  if (/^(人時|時間|h|hrs?|hours?|mh|man-?hours?|person-?hours?)$/.test(w)) return 'hour';
  return null;
}

/** The effort unit a note's text states (単位：人月, (単位:h), Unit: hours, Effort in MD), or null. */
export function noteUnit(text: string): EffortUnit | null {
  const s = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (s.length > 60) return null;
  // Each 単位/unit in the note, the word after it (工数単位：人日、金額単位：千円 has two).
  for (const m of s.matchAll(/(?:単位|units?)\s*(?:[:=]|is|are)?\s*[(（]?\s*([^\s、,，/／)）;；]+)/g)) {
    const unit = unitWord(m[1]!);
    if (unit) return unit;
  }
  const inWords = /(?:^|[\s(（])in\s+([a-z-]+)[)）.]?$/.exec(s) ?? /(?:effort|estimates?|figures?|工数)\s*(?:are\s+)?in\s+([a-z-]+)/.exec(s);
  return inWords ? unitWord(inWords[1]!) : null;
}

/** Rows above a header searched for a unit note (a title block's few rows). */
const NOTE_ROWS = 6;

/**
 * A unit note of the table: a text cell in the few rows above its header (anywhere across: the note sits
 * at the right end of the title row as often as over the column), or on its header rows past its last
 * column. Null where none states an effort unit.
 */
export function effortUnitNote(ix: SheetIndex, headerTop: number, headerBottom: number, lastColumn: number): { unit: EffortUnit; cell: string; text: string } | null {
  const look = (r: number, from: number) => {
    for (const cell of ix.row(r)?.cells ?? []) {
      if (cell.c < from || cell.t !== 's') continue;
      const unit = noteUnit(cell.v as string);
      if (unit) return { unit, cell: cellRef(r, cell.c), text: (cell.v as string).trim() };
    }
    return null;
  };
  for (let r = headerTop - 1; r >= Math.max(0, headerTop - NOTE_ROWS); r--) {
    const hit = look(r, 0);
    if (hit) return hit;
  }
  for (let r = headerTop; r <= headerBottom; r++) {
    const hit = look(r, lastColumn + 1);
    if (hit) return hit;
  }
  return null;
}

/**
 * Seconds: the column is one of Jira's estimate fields (Original / Remaining Estimate, Time Spent) and
 * every value is whole minutes of at least 15, most of them an hour or more (an estimate in hours is
 * 4, 16, 40). The example shown: the first value.
 */
function jiraSeconds(label: string, values: readonly number[]): number | null {
  if (!JIRA_HOURS.has(fold(label))) return null;
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0 || !positive.every((v) => v >= 900 && v % 60 === 0)) return null;
  return positive.filter((v) => v >= 3600).length * 2 >= positive.length ? positive[0]! : null;
}

/** The unit of an effort column and why (EffortUnitWhy), from its header, a note, the tracker, or the rows. */
export function effortUnitFor(
  label: string,
  labels: readonly string[],
  rows: () => EffortRow[],
  note: { unit: EffortUnit; cell: string; text: string } | null = null,
): { unit: EffortUnit; why: EffortUnitWhy } {
  const stated = statedEffortUnit(label);
  if (stated) return { unit: stated, why: { from: 'header' } };
  if (note) return { unit: note.unit, why: { from: 'note', cell: note.cell, text: note.text } };
  const tracker = hoursTracker(labels);
  const seconds = tracker === 'jira' ? jiraSeconds(label, rows().map((r) => r.effort)) : null;
  if (seconds !== null) return { unit: 'second', why: { from: 'seconds', value: seconds } };
  if (tracker) return { unit: 'hour', why: { from: 'tracker', tracker } };
  const byDates = hoursByDates(rows());
  if (byDates) return { unit: 'hour', why: { from: 'dates', ...byDates } };
  return { unit: 'day', why: { from: 'default' } };
}
