// A filled-in 議事録 form read back through its form profile: the header cells, the agenda, decisions
// and attendees, and the action items — which become rows of the issue/action log linked to the new
// meeting, in the same batch (one undo step). A dry run reads and answers without writing. A cell that
// does not read (a date that is not one, a kind not on the list) is listed as `Sheet!B4: reason` and
// left out; the rest is imported.
import { workbookRefusal } from '../../excel/error-text.js';
import { readValue, textOf, type ValueContext } from '../../excel/import/cell-values.js';
import type { FormBlock, FormLayout, MinutesFormField } from '../../../common/excel/form.js';
import { cellRef, parseCellRef, type Cell, type WorkbookModel } from '../../../common/excel/model.js';
import { failure, shown, type Problem } from '../../../common/excel/problems.js';
import { SheetIndex } from '../../excel/import/sheet-index.js';
import { parseVocab } from '../../excel/import/value-words.js';
import { ApiError, textError } from '../../../common/errors.js';
import type { z } from 'zod';
import { agendaItem, attendee, decision, meetingFields, type Attendee, type Meeting, type MeetingFields } from '../../../common/meetings.js';
import { issueFields } from '../../../common/registers.js';
import type { Vocabularies } from '../../../common/registers.js';
import { inBatch, type Actor } from '../../batch.js';
import type { SqlDb as Db } from '../../db/sql.js';
import { readWorkbook } from '../../excel/capped-worker.js';
import { getFormProfile, profileTemplate, templateConflict } from '../import/profiles.js';
import { getProjectRow } from '../projects.js';
import { issues } from '../registers/index.js';
import { loadVocabularies } from '../registers/vocabularies.js';
import { readFormTemplate, type FormTemplate } from './form-export.js';
import { parseAttendees, parsePresence, parseSide } from './form-values.js';
import { actionLine, labelLine, parseTimeRange, whenLine, type MinutesLabel } from '../../excel/import/minutes-lines.js';
import { createMeetingIn, getMeeting } from './service.js';
import { readMinutesSheet } from './minutes-sheet.js';

export interface FormAction {
  title: string;
  owner: string;
  due: string | null;
  status: string | null;
}

export interface FormRead {
  values: Partial<MeetingFields>;
  actions: FormAction[];
  problems: Problem[];
}

export interface FormImportResult extends FormRead {
  /** The meeting created (null on a dry run). */
  meeting: Meeting | null;
}

const DATE = { kind: 'date' } as const;

function reader(model: WorkbookModel, vocab: Vocabularies, today: string) {
  const problems: Problem[] = [];
  const indexes = new Map<string, SheetIndex>();
  const ix = (sheet: string) => {
    let x = indexes.get(sheet);
    if (!x) {
      const s = model.sheets.find((m) => m.name === sheet);
      if (!s)
        throw textError('VALIDATION', 'form.noSheet', { file: model.fileName, sheet }, `${model.fileName} has no sheet named ${sheet}; is it the form of this profile?`, [{ field: 'dataBase64', message: `no sheet ${sheet}` }]);
      x = new SheetIndex(s);
      indexes.set(sheet, x);
    }
    return x;
  };
  /** A cell, or the top-left cell of the merged range covering it. */
  const cellAt = (sheet: string, r: number, c: number): Cell | undefined => {
    const x = ix(sheet);
    const m = x.mergeAt(r, c);
    return m ? x.cell(m.r1, m.c1) : x.cell(r, c);
  };
  const ctx: ValueContext = { date1904: model.date1904, vocab, reference: today, progressScale: 'percent', effortUnit: 'day', refPrefix: 'I-' };
  const problem = (sheet: string, r: number, c: number, what: Pick<Problem, 'code' | 'params' | 'reason'>, kind: Problem['kind'] = 'text') =>
    problems.push({ sheet, cell: cellRef(r, c), kind, code: what.code, params: what.params, reason: what.reason });
  const text = (cell: Cell | undefined) => (cell && cell.t !== 'e' ? textOf(cell, model.date1904).trim() : '');
  const date = (sheet: string, r: number, c: number): string | null => {
    const cell = cellAt(sheet, r, c);
    if (!cell) return null;
    const v = readValue(DATE, cell, ctx);
    if (!v.ok) {
      problem(sheet, r, c, v, 'date');
      return null;
    }
    return v.value as string | null;
  };
  /** The text when the field's schema takes it; else '' and a problem naming the cell. */
  const fits = (sheet: string, r: number, c: number, value: string, schema: z.ZodType): string => {
    const checked = schema.safeParse(value);
    if (checked.success) return value;
    problem(sheet, r, c, failure('notValid', { value: shown(value) }, `${shown(value)}: ${checked.error.issues[0]?.message ?? 'is not valid'}`));
    return '';
  };
  const rowTexts = (sheet: string, r: number) =>
    (ix(sheet).row(r)?.cells ?? []).filter((c) => c.t !== 'e').map((c) => ({ c: c.c, text: textOf(c, model.date1904).trim() })).filter((x) => x.text !== '');
  const lastRow = (sheet: string) => ix(sheet).sheet.rows.at(-1)?.r ?? 0;
  return { problems, cellAt, text, date, problem, fits, rowTexts, lastRow };
}

type Reader = ReturnType<typeof reader>;

/** Labels a form field's cell may repeat before its value (場所：第1会議室 mapped as the place). */
const FIELD_LABELS: Partial<Record<MinutesFormField, readonly MinutesLabel[]>> = {
  heldOn: ['when', 'date'], time: ['when', 'time'], startsAt: ['when', 'time'], endsAt: ['when', 'time'],
  attendees: ['attendees'], attendeesOurs: ['attendees'], attendeesClient: ['attendees'], absentees: ['absentees'],
  place: ['place'], title: ['title'], facilitator: ['facilitator'], recorder: ['recorder'], purpose: ['purpose'], nextMeeting: ['nextMeeting'],
};

/** A cell's text without the field's own label before it (出席者：佐藤、鈴木 → 佐藤、鈴木); as it is otherwise. */
function valueOf(text: string, field: MinutesFormField): string {
  const l = labelLine(text);
  return l && FIELD_LABELS[field]?.includes(l.label) ? l.value : text;
}

function readCells(rd: Reader, form: FormLayout, vocab: Vocabularies, template: FormTemplate, shift: (row0: number) => number, today: string): Partial<MeetingFields> {
  const values: Partial<MeetingFields> = {};
  const attendees: Attendee[] = [];
  const set = (field: MinutesFormField, sheet: string, r: number, c: number) => {
    const s = rd.text(rd.cellAt(sheet, r, c));
    switch (field) {
      case 'projectName':
        return;
      case 'heldOn': {
        // A cell holding its label, weekday and times as one line (日時：2025年4月3日（木）10:00～11:00) gives
        // the day, and the times where no cell of their own does.
        const w = s === '' ? null : whenLine(valueOf(s, field), today);
        if (w?.day) {
          values.heldOn = w.day;
          if (w.startsAt !== '' && values.startsAt === undefined) [values.startsAt, values.endsAt] = [w.startsAt, w.endsAt];
        } else values.heldOn = rd.date(sheet, r, c);
        return;
      }
      case 'kind': {
        if (s === '') return;
        const v = parseVocab(vocab['meeting.kind'].items, 'meeting.kind', s);
        if (v.ok && v.value !== null) values.kind = v.value;
        else rd.problem(sheet, r, c, v.ok ? failure('notInList', { value: s }, `${s} is not a kind of meeting`) : v, 'vocab');
        return;
      }
      case 'time':
      case 'startsAt':
      case 'endsAt': {
        if (s === '') return;
        const bare = valueOf(s, field);
        const w = whenLine(bare, today);
        const t = parseTimeRange(bare) ?? (w.startsAt !== '' ? w : null);
        if (!t) return void rd.problem(sheet, r, c, failure('notTime', { value: s }, `${s} is not a time (10:00〜11:00)`));
        if (field === 'endsAt') values.endsAt = t.startsAt;
        else {
          values.startsAt = t.startsAt;
          if (field === 'time' && t.endsAt !== '') values.endsAt = t.endsAt;
        }
        return;
      }
      case 'attendees':
      case 'attendeesOurs':
      case 'attendeesClient':
      case 'absentees': {
        const side = field === 'attendeesOurs' ? 'ours' : field === 'attendeesClient' ? 'client' : 'other';
        attendees.push(...parseAttendees(valueOf(s, field).replace(/[(（]敬称略[)）]/gu, ''), side, field !== 'absentees'));
        return;
      }
      default:
        values[field] = rd.fits(sheet, r, c, valueOf(s, field), meetingFields.shape[field]);
    }
  };
  for (const cell of form.cells) {
    // Names are looked up in the template, where the form was mapped (in the file, an export may have
    // moved them already), then moved like every other cell.
    const at = template.target(cell.ref);
    const p = parseCellRef(at.ref)!;
    set(cell.field, at.sheet, p.r + (at.sheet === form.sheet ? shift(p.r) : 0), p.c);
  }
  if (attendees.length > 0) values.attendees = attendees;
  return values;
}

/**
 * The rows of a block: every row of the form's block that holds something, and under it the rows an
 * export added — rows with text in the block's columns only (a row with text elsewhere, such as the
 * next section's label, ends the block).
 */
function blockItems(rd: Reader, sheet: string, block: FormBlock, shift: number): { r: number; get: (field: string) => { c: number; text: string } | null }[] {
  const cols = block.columns.map((c) => ({ field: c.field, c: parseCellRef(`${c.column}1`)!.c }));
  const own = new Set(cols.map((c) => c.c));
  const out: { r: number; get: (field: string) => { c: number; text: string } | null }[] = [];
  const first = block.firstRow - 1 + shift;
  const last = block.lastRow - 1 + shift;
  for (let r = first; r < first + 10_000; r++) {
    const texts = cols.map((col) => ({ ...col, text: rd.text(rd.cellAt(sheet, r, col.c)) }));
    const filled = texts.filter((t) => t.text !== '' && t.field !== 'no');
    if (r > last && (filled.length === 0 || rd.rowTexts(sheet, r).some((t) => !own.has(t.c)))) break;
    if (filled.length === 0) continue;
    out.push({ r, get: (field) => texts.find((t) => t.field === field) ?? null });
  }
  return out;
}

type Item = ReturnType<typeof blockItems>[number];

/**
 * Where the form's parts are in the file: an export that grew a block moved what is under it down.
 * Each block's label row in the template (the row with text just above the block) is looked for in the
 * file at or below where the template has it; the block's rows are read from there, and what lies below
 * the block moves by the label's shift plus the rows the block grew by.
 */
function placeBlocks(rd: Reader, template: WorkbookModel, form: FormLayout): { shift: (row0: number) => number; items: Map<FormBlock, Item[]> } {
  const tsheet = template.sheets.find((s) => s.name === form.sheet);
  const tix = tsheet ? new SheetIndex(tsheet) : null;
  const textsOf = (cells: { c: number; text: string }[]) => cells.map((x) => `${x.c}:${x.text}`).join('|');
  const placed: { label: number; last: number; at: number; after: number }[] = [];
  const items = new Map<FormBlock, Item[]>();
  let shift = 0;
  for (const block of [...form.blocks].sort((a, b) => a.firstRow - b.firstRow)) {
    const label = tsheet ? [...tsheet.rows].reverse().find((r) => r.r < block.firstRow - 1 && r.cells.some((c) => c.t === 's')) : undefined;
    let at = shift;
    if (label && tix) {
      const labelCells = label.cells.filter((c) => c.t === 's').map((c) => ({ c: c.c, text: String(tix.cell(label.r, c.c)?.v ?? '').trim() }));
      const columns = new Set(labelCells.map((x) => x.c));
      const want = textsOf(labelCells);
      for (let d = shift; label.r + d <= rd.lastRow(form.sheet); d++)
        if (textsOf(rd.rowTexts(form.sheet, label.r + d).filter((x) => columns.has(x.c))) === want) {
          at = d;
          break;
        }
    }
    const found = blockItems(rd, form.sheet, block, at);
    items.set(block, found);
    const last = block.lastRow - 1;
    const grew = Math.max(0, (found.at(-1)?.r ?? 0) - (last + at));
    shift = at + grew;
    placed.push({ label: label?.r ?? block.firstRow - 1, last, at, after: shift });
  }
  return {
    // Below a block: its shift and its growth; from its label to its end: its label's shift.
    shift: (row0) => {
      let out = 0;
      for (const p of placed) if (row0 > p.last) out = p.after;
        else if (row0 >= p.label) out = p.at;
      return out;
    },
    items,
  };
}

function readBlocks(rd: Reader, form: FormLayout, values: Partial<MeetingFields>, vocab: Vocabularies, placed: Map<FormBlock, Item[]>, today: string): FormAction[] {
  const actions: FormAction[] = [];
  for (const block of form.blocks) {
    const items = placed.get(block) ?? [];
    // A cell's text, or '' and a problem when it is longer than the field takes.
    const t = (item: (typeof items)[number], field: string, schema?: z.ZodType) => {
      const hit = item.get(field);
      if (!hit) return '';
      return schema ? rd.fits(form.sheet, item.r, hit.c, hit.text, schema) : hit.text;
    };
    switch (block.list) {
      case 'agenda':
        values.agenda = items.map((it) => ({ title: t(it, 'title', agendaItem.shape.title), notes: t(it, 'notes', agendaItem.shape.notes) }));
        break;
      case 'decisions':
        values.decisions = items.map((it) => {
          const n = Number(t(it, 'agenda').normalize('NFKC'));
          return { text: t(it, 'text', decision.shape.text), agendaIndex: Number.isInteger(n) && n >= 1 ? n - 1 : null };
        });
        break;
      case 'attendees':
        values.attendees = [
          ...(values.attendees ?? []),
          ...items.map((it) => ({
            org: t(it, 'org', attendee.shape.org),
            name: t(it, 'name', attendee.shape.name),
            role: t(it, 'role', attendee.shape.role),
            present: parsePresence(t(it, 'presence')) ?? true,
            side: parseSide(t(it, 'side')) ?? 'other',
          })),
        ];
        break;
      case 'actions':
        for (const it of items) {
          const title = t(it, 'title', issueFields.shape.title);
          if (title === '') continue;
          const due = it.get('due');
          const status = t(it, 'status');
          let code: string | null = null;
          if (status !== '') {
            const v = parseVocab(vocab['issue.status'].items, 'issue.status', status);
            if (v.ok) code = v.value;
            else rd.problem(form.sheet, it.r, it.get('status')!.c, v, 'vocab');
          }
          const owner = t(it, 'owner', issueFields.shape.owner);
          const dueDay = due && due.text !== '' ? rd.date(form.sheet, it.r, due.c) : null;
          // A title cell holding the owner and due too (・佐藤：仕様書を更新する（4/10まで）, Update spec — Sato, by Apr 10)
          // gives them where their own cells are not on the form or left empty; the year from the meeting.
          const line = actionLine(title, values.heldOn ?? today);
          const split = (owner === '' && line.owner !== '') || (dueDay === null && line.due !== null);
          actions.push({
            title: split ? line.title : title,
            owner: owner !== '' ? owner : line.owner,
            due: dueDay ?? line.due,
            status: code,
          });
        }
        break;
    }
  }
  // A decision's agenda number beyond the agenda read is not kept.
  if (values.decisions) {
    const n = values.agenda?.length ?? 0;
    values.decisions = values.decisions.map((d) => (d.agendaIndex !== null && d.agendaIndex >= n ? { ...d, agendaIndex: null } : d));
  }
  return actions;
}

async function readThroughForm(db: Db, profile: ReturnType<typeof getFormProfile>, model: WorkbookModel, vocab: Vocabularies, today: string): Promise<FormRead> {
  const rd = reader(model, vocab, today);
  const templateBytes = profileTemplate(db, profile.id);
  const template = await readWorkbook(templateBytes, profile.fileName).catch((err: unknown) => {
    throw templateConflict(err);
  });
  const form = await readFormTemplate(templateBytes, profile.form, profile.form.cells.map((c) => c.ref), profile.fileName).catch((err: unknown) => {
    throw templateConflict(err);
  });
  const { shift, items } = placeBlocks(rd, template, profile.form);
  const values = readCells(rd, profile.form, vocab, form, shift, today);
  const actions = readBlocks(rd, profile.form, values, vocab, items, today);
  return { values, actions, problems: rd.problems };
}

/**
 * Minutes with no form profile: the sheet written as a document (minutes-sheet.ts). A workbook with no
 * such sheet (a register, a plan) is refused, naming the file: nothing is imported.
 */
function readAsDocument(model: WorkbookModel, today: string): FormRead {
  const read = readMinutesSheet(model, today);
  if (!read)
    throw textError('VALIDATION', 'form.noMinutes', { file: model.fileName }, `${model.fileName} holds no minutes (no sheet with 日時 / 場所 / 出席者 lines, an agenda or action items)`, [{ field: 'dataBase64', message: 'no minutes' }]);
  // (Header texts are cut to their fields' lengths as they are read; an action's text and owner here.)
  const actions = read.actions.map((a) => ({ ...a, title: a.title.slice(0, 500), owner: a.owner.slice(0, 200), status: null }));
  return { values: read.values, actions, problems: [] };
}

export async function importMinutesForm(
  db: Db,
  actor: Actor,
  input: { projectId: number; profileId?: number; fileName: string; dataBase64: string; dryRun?: boolean },
  today: string,
): Promise<FormImportResult> {
  getProjectRow(db, input.projectId);
  const profile = input.profileId === undefined ? null : getFormProfile(db, input.profileId);
  const bytes = Buffer.from(input.dataBase64, 'base64');
  let model: WorkbookModel;
  try {
    model = await readWorkbook(bytes, input.fileName);
  } catch (err) {
    throw workbookRefusal(err, { field: 'dataBase64' });
  }
  const vocab = loadVocabularies(db, input.projectId);
  const read = profile ? await readThroughForm(db, profile, model, vocab, today) : readAsDocument(model, today);
  // A form without a 種別 cell makes a meeting of the list's first kind, as a new meeting starts.
  if (read.values.kind === undefined) read.values.kind = vocab['meeting.kind'].items[0]?.code ?? '';
  if (input.dryRun) return { ...read, meeting: null };
  const { values, actions } = read;
  const id = inBatch(db, actor, 'excel.importForm', input.projectId, (batch) => {
    const meetingId = createMeetingIn(db, batch, input.projectId, values);
    if (actions.length > 0)
      issues.writeIn(
        db,
        batch,
        input.projectId,
        {
          updates: [],
          creates: actions.map((a) => ({ values: { kind: 'action', title: a.title, owner: a.owner, due: a.due, meetingId, ...(a.status ? { status: a.status } : {}) } })),
        },
        { label: 'excel.importForm' },
        { today },
      );
    return meetingId;
  });
  return { ...read, meeting: getMeeting(db, id, { today }) };
}
