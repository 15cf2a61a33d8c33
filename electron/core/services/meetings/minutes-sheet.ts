// A 議事録 sheet written as a document, read with no form profile: the sheet's lines (a row's cells
// joined, a cell's own line breaks kept) read top to bottom by minutes-lines.ts — label lines fill the
// header, headings open the agenda / decisions / ToDo sections, agenda items collect the paragraphs and
// bullets under them as notes, and each line of a ToDo section (or a line marked ToDo / 宿題 / Action
// anywhere, or a bullet naming both an owner and a due date) is an action item. Blind set 7, M1.
import type { SheetModel, WorkbookModel } from '../../../common/excel/model.js';
import type { AgendaItem, Attendee, Decision, MeetingFields } from '../../../common/meetings.js';
import { textOf } from '../../excel/import/cell-values.js';
import { actionLine, actionMarked, agendaTitle, decisionMarked, labelLine, labelWord, sectionHeading, stripBullet, whenLine, type ActionLine, type MinutesLabel, type MinutesSection } from '../../excel/import/minutes-lines.js';
import { parseAttendees } from './form-values.js';

export interface MinutesRead {
  sheet: string;
  values: Partial<MeetingFields>;
  actions: ActionLine[];
  /** How many lines were read as the meeting's header (labels): a sheet with none is no minutes. */
  labels: number;
}

/** The sheet's lines, top to bottom: a label cell and the cells after it as `label：value`, other rows' cells joined by a space. */
export function sheetLines(sheet: SheetModel, date1904: boolean): string[] {
  const out: string[] = [];
  for (const row of sheet.rows) {
    const texts = row.cells.filter((c) => c.t !== 'e').map((c) => textOf(c, date1904).trim()).filter((t) => t !== '');
    if (texts.length === 0) continue;
    if (texts.length > 1 && labelWord(texts[0]!) !== null) {
      out.push(`${texts[0]!.replace(/[:：]\s*$/, '')}：${texts.slice(1).join(' ')}`);
      continue;
    }
    for (const line of texts.join(' ').split(/\r?\n/)) if (line.trim() !== '') out.push(line.trim());
  }
  return out;
}

const MAX_TITLE = 500;

/** The meeting a sheet's lines describe; `reference` dates a day written without a year (the file's or today's). */
export function readMinutesLines(lines: readonly string[], reference: string): Omit<MinutesRead, 'sheet'> {
  const values: Partial<MeetingFields> = {};
  const attendees: Attendee[] = [];
  const agenda: AgendaItem[] = [];
  const decisions: Decision[] = [];
  const pending: string[] = [];
  let labels = 0;
  let section: MinutesSection | null = null;
  let title: string | null = null;
  const set = (label: MinutesLabel, value: string) => {
    if (value === '') return;
    switch (label) {
      case 'when':
      case 'date':
      case 'time': {
        const w = whenLine(value, reference);
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
  for (const line of lines) {
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
        pending.push(line);
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
  const actions = pending.map((l) => actionLine(l, day)).filter((a) => a.title !== '');
  return { values, actions, labels };
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
