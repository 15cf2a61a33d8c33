// A 議事録 sheet written as a document, read with no form profile: the sheet's lines (a row's cells
// joined, a cell's own line breaks kept) read top to bottom by minutes-lines.ts — label lines fill the
// header, headings open the agenda / decisions / ToDo sections, agenda items collect the paragraphs and
// bullets under them as notes, and each line of a ToDo section (or a line marked ToDo / 宿題 / Action
// anywhere, or a bullet naming both an owner and a due date) is an action item. Blind set 7, M1.
import type { SheetModel, WorkbookModel } from '../../../common/excel/model.js';
import type { AgendaItem, Attendee, Decision, MeetingFields } from '../../../common/meetings.js';
import { textOf } from '../../excel/import/cell-values.js';
import { actionCells, actionColumns, actionLine, actionMarked, dateAfter, agendaTitle, decisionMarked, labelLine, labelWord, documentSlashOrder, sectionHeading, stripBullet, whenLine, type ActionCells, type ActionColumn, type ActionLine, type MinutesLabel, type MinutesSection } from '../../excel/import/minutes-lines.js';
import { parseAttendees } from './form-values.js';

export interface MinutesRead {
  sheet: string;
  values: Partial<MeetingFields>;
  actions: ActionLine[];
  /** How many lines were read as the meeting's header (labels): a sheet with none is no minutes. */
  labels: number;
}

/** A line of the sheet: its text, and the row's cells where it stands for a row of two or more (a ToDo table's row). */
export interface SheetLine {
  text: string;
  cells?: string[];
}

/** The sheet's lines, top to bottom: a label cell and the cells after it as `label：value`, other rows' cells joined by a space. */
export function sheetLines(sheet: SheetModel, date1904: boolean): SheetLine[] {
  const out: SheetLine[] = [];
  for (const row of sheet.rows) {
    const texts = row.cells.filter((c) => c.t !== 'e').map((c) => textOf(c, date1904).trim()).filter((t) => t !== '');
    if (texts.length === 0) continue;
    if (texts.length > 1 && labelWord(texts[0]!) !== null) {
      out.push({ text: `${texts[0]!.replace(/[:：]\s*$/, '')}：${texts.slice(1).join(' ')}` });
      continue;
    }
    const lines = texts.join(' ').split(/\r?\n/).filter((l) => l.trim() !== '');
    if (texts.length > 1 && lines.length === 1) out.push({ text: lines[0]!.trim(), cells: texts });
    else for (const line of lines) out.push({ text: line.trim() });
  }
  return out;
}

const MAX_TITLE = 500;

/** The meeting a sheet's lines describe; `reference` dates a day written without a year (the file's or today's). */
export function readMinutesLines(sheet: readonly (SheetLine | string)[], reference: string): Omit<MinutesRead, 'sheet'> {
  const rows = sheet.map((l): SheetLine => (typeof l === 'string' ? { text: l } : l));
  const lines = rows.map((l) => l.text);
  const values: Partial<MeetingFields> = {};
  const attendees: Attendee[] = [];
  const agenda: AgendaItem[] = [];
  const decisions: Decision[] = [];
  const pending: (string | ActionCells)[] = [];
  // The columns of the ToDo table being read (its header row), while in one.
  let columns: ActionColumn[] | null = null;
  let labels = 0;
  let section: MinutesSection | null = null;
  let title: string | null = null;
  const order = documentSlashOrder(lines);
  const set = (label: MinutesLabel, value: string) => {
    if (value === '') return;
    switch (label) {
      case 'when':
      case 'date':
      case 'time': {
        const w = whenLine(value, reference, order);
        if (w.day && !values.heldOn) values.heldOn = w.day;
        if (w.startsAt && !values.startsAt) [values.startsAt, values.endsAt] = [w.startsAt, w.endsAt];
        return;
      }
      case 'attendees':
      case 'absentees':
        attendees.push(...parseAttendees(value.replace(/[(（]敬称略[)）]/gu, ''), 'other', label === 'attendees'));
        return;
      case 'place':
        values.place = value.slice(0, 500);
        return;
      case 'title':
        values.title = value.slice(0, MAX_TITLE);
        return;
      default:
        values[label] = value.slice(0, label === 'purpose' ? 5000 : label === 'nextMeeting' ? 1000 : 200);
    }
  };
  const note = (line: string) => {
    const item = agenda.at(-1);
    if (item) item.notes = item.notes === '' ? line : `${item.notes}\n${line}`;
  };
  for (const { text: line, cells } of rows) {
    // A ToDo table's header (No | 内容 | 担当 | 期限) names its columns and opens the actions: no action itself.
    const named = cells ? actionColumns(cells) : null;
    if (named) {
      [columns, section] = [named, 'actions'];
      continue;
    }
    if (!cells) columns = null;
    const label = labelLine(line);
    if (label && !(section === 'actions' || section === 'decisions')) {
      labels++;
      set(label.label, label.value);
      continue;
    }
    const heading = sectionHeading(line);
    if (heading) {
      section = heading;
      continue;
    }
    const item = agendaTitle(line);
    if (item !== null) {
      agenda.push({ title: item.slice(0, 500), notes: '' });
      section = 'agenda';
      continue;
    }
    const marked = actionMarked(line);
    if (marked !== null) {
      pending.push(marked);
      continue;
    }
    const decided = decisionMarked(line);
    if (decided !== null) {
      decisions.push({ text: decided, agendaIndex: agenda.length > 0 ? agenda.length - 1 : null });
      continue;
    }
    const { text, bulleted } = stripBullet(line);
    switch (section) {
      case 'actions':
        // A row of cells is read by its cells (review U17): text, owner and due each from its own.
        pending.push(cells ? actionCells(cells, columns) : line);
        break;
      case 'decisions':
        decisions.push({ text, agendaIndex: null });
        break;
      case 'agenda': {
        // Under 議題, a numbered line with no sentence in it is the next item; bullets and paragraphs are notes.
        const numbered = /^(?:\d{1,2}[.)．、]|\(\d{1,2}\)|[\u2460-\u2473])/u.test(line.trim()) && !/[。.]$/.test(text);
        if (numbered && text.length <= 60) agenda.push({ title: text, notes: '' });
        else if (ownedAndDated(line, reference)) pending.push(line);
        else if (agenda.length === 0) agenda.push({ title: text.slice(0, 500), notes: '' });
        else note(line);
        break;
      }
      default:
        if (title === null && !bulleted && labels === 0) title = text;
        else if (bulleted && ownedAndDated(line, reference)) pending.push(line);
        else if (agenda.length > 0) note(line);
    }
  }
  if (!values.title && title) values.title = title.slice(0, MAX_TITLE);
  if (attendees.length > 0) values.attendees = attendees;
  if (agenda.length > 0) values.agenda = agenda;
  if (decisions.length > 0) values.decisions = decisions;
  const day = values.heldOn ?? reference;
  const actions = pending.map((l) => (typeof l === 'string' ? actionLine(l, day) : fromCells(l, day))).filter((a) => a.title !== '');
  return { values, actions, labels };
}

/** An action read from cells: its text read as an action line (an owner or due written in it), the cells' owner and due first. */
function fromCells(a: ActionCells, day: string): ActionLine {
  const line = actionLine(a.text, day);
  const due = a.due === '' ? null : dateAfter(a.due.replace(/まで(?:に)?$/u, '').trim(), day);
  return { title: line.title, owner: a.owner || line.owner, due: due ?? line.due };
}

/** A bullet under an agenda item that names both an owner and a due date (・佐藤：仕様書を更新する（4/10まで）) is an action, wherever it is. */
function ownedAndDated(line: string, reference: string): boolean {
  const a = actionLine(line, reference);
  return a.owner !== '' && a.due !== null;
}

/**
 * The sheet of a workbook that reads best as minutes (the most label lines: 日時, 場所, 出席者…), read; null
 * when no sheet has two label lines or any agenda / action (a register or a plan, not minutes).
 */
export function readMinutesSheet(model: WorkbookModel, reference: string): MinutesRead | null {
  let best: MinutesRead | null = null;
  for (const sheet of model.sheets) {
    if (sheet.state !== 'visible') continue;
    const read = readMinutesLines(sheetLines(sheet, model.date1904), reference);
    if (read.labels < 2 && read.actions.length === 0 && !read.values.agenda) continue;
    if (!best || read.labels > best.labels) best = { sheet: sheet.name, ...read };
  }
  return best;
}
