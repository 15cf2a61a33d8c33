// A meeting written into the client's own 議事録 form (a form profile's template) through the lossless
// template writer: the picked cells and the rows of each block, nothing else. A block with more items
// than the form has rows grows, moving what is under it down.
import type { ExportedWorkbook } from '../../../common/api/excel.js';
import { ApiError, textError } from '../../../common/errors.js';
import type { FormBlock, FormLayout } from '../../../common/excel/form.js';
import { parseCellRef } from '../../../common/excel/model.js';
import { vocabLabel } from '../../../common/registers.js';
import type { SqlDb as Db } from '../../db/sql.js';
import { minutesFileName } from '../../excel/minutes-layout.js';
import { dateSerial, type CellOut, type CellWrite, type TableWrite } from '../../excel/template/index.js';
import { fillTemplateInWorker, inspectTemplateInWorker } from '../../excel/capped-worker.js';
import { getFormProfile, profileTemplate, templateConflict } from '../import/profiles.js';
import { getProjectRow } from '../projects.js';
import { loadVocabularies } from '../registers/vocabularies.js';
import { blockRows, cellValue, type FormContext, type FormValue } from './form-values.js';
import { getMeeting, type RunOptions } from './service.js';

/** A form's template as the form needs it: its date system and sheets, and where each of its cells is. */
export interface FormTemplate {
  date1904: boolean;
  sheets: { name: string; kind: string }[];
  /** Where a form cell is: its address on the form's sheet, or the cell a defined name points at (else CONFLICT naming the file). */
  target(ref: string): { sheet: string; ref: string };
}

/** Reads what a form needs of its template, in the reader's capped worker (every name of `refs` resolved at once). */
export async function readFormTemplate(template: Uint8Array, form: Pick<FormLayout, 'sheet'>, refs: readonly string[], fileName: string): Promise<FormTemplate> {
  const names = [...new Set(refs.filter((ref) => !parseCellRef(ref)))];
  const facts = await inspectTemplateInWorker(template, { names: names.map((name) => ({ name, sheet: form.sheet })) }, { fileName });
  const named = new Map(names.map((name, i) => [name, facts.named[i] ?? null]));
  return {
    date1904: facts.date1904,
    sheets: facts.sheets,
    target(ref) {
      if (parseCellRef(ref)) return { sheet: form.sheet, ref: ref.replaceAll('$', '') };
      const at = named.get(ref);
      if (!at) throw textError('CONFLICT', 'form.notOneCell', { file: fileName, ref }, `${fileName}: the form names ${ref}, which is not a defined name of one cell`, { field: 'profileId' });
      return { sheet: at.sheet, ref: at.ref.split(':')[0]! };
    },
  };
}

export const out = (v: FormValue, date1904: boolean): CellOut => ({
  value: v === null ? null : 'text' in v ? { t: 's', v: v.text } : 'date' in v ? { t: 'd', v: dateSerial(v.date, date1904) } : { t: 'n', v: v.number },
});

/** A block's rows written over the rows the form gives it (a 議事録's or a weekly report's block). */
export function blockWrite(block: Pick<FormBlock, 'firstRow' | 'lastRow'> & { columns: { field: string; column: string }[] }, sheet: string, rows: Record<string, FormValue>[], date1904: boolean): TableWrite {
  const columns = block.columns.map((c) => parseCellRef(`${c.column}1`)!.c);
  const capacity = block.lastRow - block.firstRow + 1;
  // The form's empty rows are written as empty in the picked columns only, so what else the form
  // prints on them (a No column, lines) stays.
  const padded = [...rows, ...Array.from({ length: Math.max(0, capacity - rows.length) }, () => ({}) as Record<string, FormValue>)];
  return {
    sheet,
    firstRow: block.firstRow,
    lastRow: block.lastRow,
    columns,
    rows: padded.map((r) => block.columns.map((c) => out(r[c.field] ?? null, date1904))),
  };
}

export async function exportMinutesForm(
  db: Db,
  input: { projectId: number; meetingId: number; profileId: number; language: 'ja' | 'en' },
  opts: RunOptions = {},
): Promise<ExportedWorkbook> {
  const project = getProjectRow(db, input.projectId);
  const profile = getFormProfile(db, input.profileId);
  const template = profileTemplate(db, profile.id);
  const meeting = getMeeting(db, input.meetingId, opts);
  if (meeting.projectId !== input.projectId)
    throw textError('NOT_FOUND', 'meeting.gone', { id: input.meetingId }, `Meeting ${input.meetingId} does not exist in this project`, { field: 'meetingId', id: input.meetingId });
  const vocab = loadVocabularies(db, input.projectId);
  const ctx: FormContext = {
    language: input.language,
    projectName: project.name,
    kindLabel: vocabLabel(vocab['meeting.kind'].items, meeting.kind, input.language),
    statusLabel: (code) => vocabLabel(vocab['issue.status'].items, code, input.language),
  };
  try {
    const form = profile.form;
    const tpl = await readFormTemplate(template, form, form.cells.map((c) => c.ref), profile.fileName);
    const { date1904 } = tpl;
    const cells: CellWrite[] = form.cells.map((c) => ({ ...tpl.target(c.ref), value: out(cellValue(meeting, c.field, ctx), date1904) }));
    const writes = form.blocks.map((b) => blockWrite(b, form.sheet, blockRows(meeting, b.list, ctx), date1904));
    const bytes = await fillTemplateInWorker(template, writes, { fileName: profile.fileName, cells, dateFormat: 'yyyy/mm/dd' });
    return { fileName: minutesFileName(meeting, input.language), dataBase64: Buffer.from(bytes).toString('base64') };
  } catch (err) {
    throw templateConflict(err);
  }
}
