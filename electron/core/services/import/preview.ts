// excel.previewImport and excel.applyImport. A preview reads the file (in the capped worker), finds
// the table (the user's mapping, else the chosen or recognized profile, else detection), reads and
// normalizes its records and plans them against the stored rows; nothing is written. The preview is
// kept in memory under its id until applied, replaced or expired; apply plans again inside its
// transaction, so it writes against what is stored at that moment.
import { workbookRefusal } from '../../excel/error-text.js';
import { decodeBase64 } from '../../yielding.js';
import { pace } from '../../call-scope.js';
import { randomUUID } from 'node:crypto';
import { betterTarget, detectLayout, headerAbove, headerSignature, layoutAt, otherRegisterTable, type Detection, type TableLayout } from '../../excel/import/detect.js';
import { KEY_FIELD, TARGET_FIELDS, type ImportTarget } from '../../../common/excel/fields.js';
import { overrideFields } from '../../excel/import/mapping.js';
import { stackedByRow, withBlockRows } from '../../excel/import/block-rows.js';
import { SheetIndex } from '../../excel/import/sheet-index.js';
import { columnName, type WorkbookModel } from '../../../common/excel/model.js';
import { columnKey, keyColumn, PREVIEW_PROBLEMS_PAGE, type ApplyOptions, ApplyResult, AskWhy, FileDatesKept, ImportAsk, ImportPreview, LayoutConfidence, MappingInput, ProfileLayout, TableProfile } from '../../../common/excel/preview.js';
import { rowOfCell, type Problem } from '../../../common/excel/problems.js';
import { readTable, type ImportTable } from '../../excel/import/read-table.js';
import { columnChoices, columnDoubts, columnFits, detectionDoubts, type ColumnFit } from '../../excel/import/doubts.js';
import { textError } from '../../../common/errors.js';
import { inBatch, type Actor } from '../../batch.js';
import type { SqlDb as Db } from '../../db/sql.js';
import { plannedSpan } from '../../db/queries/wbs.js';
import { batchExists, lastAuditId } from '../../db/queries/history.js';
import { readWorkbook } from '../../excel/capped-worker.js';
import { MAX_IMPORT_ROWS } from '../../excel/limits.js';
import { EXTRA_LIMITS } from '../../../common/registers.js';
import { getProjectRow } from '../projects.js';
import { loadVocabularies, setVocabulary } from '../registers/vocabularies.js';
import type { NewListItem } from '../../excel/import/client-values.js';
import type { VocabListName } from '../../../common/registers.js';
import { applyPlan, BATCH_LABEL } from './apply.js';
import { deriveWbsMilestones, deriveWbsStatus, flagDuplicateRefs, planImport, statusCounts, storedTitles, type ImportPlan } from './plan.js';
import { flagPredecessors, predecessorReading, predecessorsByHyphenCode, predecessorsById, predecessorsByWrittenCode } from './predecessors.js';
import { findProfile, getTableProfile, replaceProfileLayout, saveProfile, type RecordLinks } from './profiles.js';
import { listTasks, wbsStore } from '../wbs.js';
import { WBS_ROLLED_UP_FIELDS } from '../../../common/dto.js';

/** A preview is kept this long for apply. */
export const PREVIEW_TTL_MS = 30 * 60 * 1000;
/** Previews kept at once (each holds its workbook's bytes for saving a profile). */
const MAX_PREVIEWS = 4;

interface Kept {
  projectId: number;
  register: ImportTarget;
  fileName: string;
  bytes: Uint8Array;
  /** The workbook read, for refining this preview without the file again. */
  model: WorkbookModel;
  /** The profile the preview was made with (chosen, or found by its header). */
  profile: TableProfile | null;
  chosenProfile: boolean;
  /** The user's readings of client words so far: field → word → code (null: add to the list). */
  choices: Record<string, Record<string, string | null>>;
  /** The year the user chose for dates without one that nothing decides. */
  year?: number;
  /** Why the layout is a guess (no table found), carried while the user refines other things. */
  layoutProblems: Problem[];
  /**
   * What detection found, while the user refines the layout it found (the same sheet and header rows):
   * the columns it asked about and the user has not answered are asked still.
   */
  detection?: Detection & { ok: true };
  /** The columns whose question the user answered (a field chosen, or kept as the client's own). */
  answered: string[];
  table: ImportTable;
  layout: TableLayout;
  signature: string;
  keyMapped: boolean;
  /** The plan shown, and the last audit row when it was made: still valid while no write came since. */
  plan: ImportPlan;
  version: number;
  at: number;
}

export interface PreviewInput {
  projectId: number;
  register: ImportTarget;
  fileName?: string;
  dataBase64?: string;
  previewId?: string;
  profileId?: number;
  mapping?: MappingInput;
}

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** A refusal of the preview's input; `key` names its text in the renderer's serverErrors.import (the UI's language). */
const invalid = (field: string, message: string, key: string, params: Record<string, string | number> = {}) =>
  textError('VALIDATION', `import.${key}`, params, `${field}: ${message}`, [{ field, message }]);

/** A chosen file of no bytes at all (an empty download, a file still being written). */
export const emptyFile = (fileName: string) => invalid('dataBase64', `${fileName} is empty`, 'emptyFile', { file: fileName });

/** The profile's layout as detection would have answered it (0-based rows). */
function profileLayout(register: ImportTarget, p: ProfileLayout): TableLayout {
  return { target: register, sheet: p.sheet, headerTop: p.headerTop - 1, headerBottom: p.headerBottom - 1, columns: p.columns.map((m) => ({ ...m })), score: 0 };
}

/** Where a table is looked for when nothing was found: the first sheet with values, its first row. */
function fallbackLayout(model: WorkbookModel, register: ImportTarget, sheetName?: string): TableLayout | null {
  const sheet = model.sheets.find((s) => !s.skipped && s.rows.length > 0 && (sheetName === undefined || s.name === sheetName));
  if (!sheet) return null;
  const top = sheet.rows[0]!.r;
  return layoutAt(model, register, sheet.name, top, top);
}

/** The doubts left of a detected layout the user refines: the columns asked about and not answered yet. */
function refinedDoubts(confidence: LayoutConfidence, fits: ColumnFit[]): { confidence: LayoutConfidence; why: AskWhy[]; ask: ImportAsk | null; noRegister: false } {
  const why = columnDoubts(fits);
  return { confidence, why, ask: why.length > 0 ? 'columns' : null, noRegister: false };
}

/**
 * The preview's word that the table detection found is no register (its key holds figures, or — a WBS —
 * no row holds anything of a task: `taskless`), naming the file, sheet and column.
 */
function noRegisterProblem(register: ImportTarget, fileName: string, table: ImportTable, taskless: boolean): Problem {
  const key = table.columns.find((m) => m.field === KEY_FIELD[register]);
  const column = key ? `${key.column} (${key.label})` : '';
  if (taskless)
    return {
      sheet: table.sheet,
      kind: 'header',
      code: 'noTaskTable',
      params: { file: fileName, sheet: table.sheet, column },
      reason: `${fileName}: the table on sheet ${table.sheet} is no WBS (beside the names in ${column}, no row has a date, a person, a progress or a status, only figures and marks): nothing is imported unless a table is pointed at`,
    };
  return {
    sheet: table.sheet,
    kind: 'header',
    code: 'noRegisterTable',
    params: { register, file: fileName, sheet: table.sheet, column },
    reason: `${fileName}: the table on sheet ${table.sheet} is no ${register} register (the column read as the ${KEY_FIELD[register]}, ${column}, holds figures, and no other column is named for the register): nothing is imported unless a table is pointed at`,
  };
}

/** The preview's word that the table detection found is another register's (otherRegisterTable), naming it, the file, sheet and key column. */
function otherRegisterProblem(register: ImportTarget, other: ImportTarget, fileName: string, sheet: string, key: { column: string; label: string }): Problem {
  const column = `${key.column} (${key.label})`;
  return {
    sheet,
    kind: 'header',
    code: 'otherRegisterTable',
    params: { register, other, file: fileName, sheet, column },
    reason: `${fileName}: the table on sheet ${sheet} reads as a ${other} table (column ${column} names its items, and more of its columns are named for ${other}), not as a ${register} register: nothing is imported unless a table is pointed at`,
  };
}

export function chooseLayout(
  model: WorkbookModel,
  register: ImportTarget,
  profile: TableProfile | null,
  mapping: MappingInput,
  opts: { vocab: ReturnType<typeof loadVocabularies>; today: string; kept?: TableLayout; keptProblems?: Problem[] },
): { layout: TableLayout; problems: Problem[]; detection?: Detection & { ok: true }; same?: true } {
  const problems: Problem[] = [];
  const detectOpts = { vocab: opts.vocab, reference: opts.today };
  if (mapping.sheet !== undefined && !model.sheets.some((s) => s.name === mapping.sheet)) throw invalid('mapping.sheet', `${model.fileName} has no sheet named ${mapping.sheet}`, 'noSheet', { file: model.fileName, sheet: mapping.sheet });
  let layout: TableLayout | null = null;
  let detection: (Detection & { ok: true }) | undefined;
  const kept = opts.kept;
  // Refining a preview: the same sheet and header rows keep the layout shown, so a column change
  // applies to exactly the columns the user sees (never re-derived from the header).
  const sameAsKept =
    kept &&
    mapping.firstDataRow === undefined &&
    (mapping.sheet === undefined || mapping.sheet === kept.sheet) &&
    (mapping.headerTop === undefined || (mapping.headerTop === kept.headerTop + 1 && (mapping.headerBottom ?? mapping.headerTop) === kept.headerBottom + 1));
  if (mapping.firstDataRow !== undefined && mapping.headerTop === undefined) {
    const name = mapping.sheet ?? kept?.sheet ?? defaultSheet(model, register, detectOpts);
    const rows = headerAbove(model, register, name, mapping.firstDataRow - 1);
    if (!rows) throw invalid('mapping.firstDataRow', `${model.fileName}: the row above row ${mapping.firstDataRow} of sheet ${name} holds no header words`, 'noHeaderAbove', { file: model.fileName, sheet: name, row: mapping.firstDataRow });
    mapping = { ...mapping, sheet: name, headerTop: rows.top + 1, headerBottom: rows.bottom + 1 };
  }
  if (sameAsKept) {
    layout = { ...kept, columns: kept.columns.map((m) => ({ ...m })) };
    problems.push(...(opts.keptProblems ?? []));
  } else if (mapping.headerTop !== undefined) {
    const profileSheet = profile && model.sheets.some((s) => s.name === profile.layout.sheet) ? profile.layout.sheet : undefined;
    const name = mapping.sheet ?? profileSheet ?? defaultSheet(model, register, detectOpts);
    const bottom = mapping.headerBottom ?? mapping.headerTop;
    if (bottom < mapping.headerTop) throw invalid('mapping.headerBottom', 'must not be above headerTop', 'headerOrder');
    layout = layoutAt(model, register, name, mapping.headerTop - 1, bottom - 1, { ...detectOpts, ...(mapping.column ? { column: columnNumber(mapping.column) } : {}) });
    if (!layout) throw invalid('mapping.headerTop', `${model.fileName}: row ${mapping.headerTop} of sheet ${name} holds no header words`, 'noHeaderWords', { file: model.fileName, sheet: name, row: mapping.headerTop });
  } else if (profile && (mapping.sheet === undefined || mapping.sheet === profile.layout.sheet) && model.sheets.some((s) => s.name === profile.layout.sheet)) {
    layout = profileLayout(register, profile.layout);
  } else {
    const found = detectLayout(model, register, { ...detectOpts, sheet: mapping.sheet });
    if (found.ok) {
      layout = found.layout;
      detection = found;
    } else {
      problems.push(
        found.form !== undefined
          ? { sheet: found.form, kind: 'header', code: 'formNotTable', params: { register, sheet: found.form }, reason: `${model.fileName}: ${found.reason}` }
          : { kind: 'header', code: 'noTable', params: { register }, reason: `${model.fileName}: ${found.reason}` },
      );
      layout = fallbackLayout(model, register, mapping.sheet);
      if (!layout) throw invalid('dataBase64', `${model.fileName}: ${found.reason}`, 'noTable', { file: model.fileName });
    }
  }
  if (mapping.columns && mapping.columns.length > 0) {
    // Answers to a layout not yet split per row (no preview kept: the header given anew): a stacked header
    // is split as the reading would split it first, so each answer lands on its row and the reading does
    // not split it again from the header's words, dropping the answers (review of I7).
    if (!sameAsKept && !layout.columns.some((m) => m.rowOffset || m.blockLabels)) {
      const sheet = model.sheets.find((s) => s.name === layout!.sheet)!;
      const byRow = withBlockRows(new SheetIndex(sheet), layout, true, { vocab: opts.vocab, today: opts.today });
      if (stackedByRow(byRow)) layout = { ...layout, columns: byRow };
    }
    const o = overrideFields(register, layout.columns, mapping.columns);
    if (o.problems.length > 0) {
      const column = /^column (\S+) is not a column of the header$/.exec(o.problems[0]!)?.[1];
      const joined = /^columns (.+) are one column (\S+) of this reading/.exec(o.problems[0]!);
      const twice = /^column (\S+) is given two fields/.exec(o.problems[0]!);
      if (joined) throw invalid('mapping.columns', o.problems.join('; '), 'joinedColumns', { columns: joined[1]!, column: joined[2]! });
      if (twice) throw invalid('mapping.columns', o.problems.join('; '), 'columnTwice', { column: twice[1]!.replace(/\+\d$/, '') });
      // (A column of a two-row record's second row is said by its letter and row, not by its key 'C+1'.)
      const named = column ? keyColumn(column) : undefined;
      if (named?.rowOffset) throw invalid('mapping.columns', o.problems.join('; '), 'notAColumnRow', { column: named.column, row: named.rowOffset + 1 });
      throw invalid('mapping.columns', o.problems.join('; '), column ? 'notAColumn' : 'badMapping', column ? { column } : {});
    }
    layout = { ...layout, columns: o.columns };
  }
  // A column the user kept as it is stays the client's own, whatever the header read now names it: the
  // answer is never overridden by words (blind set 19, I6: answered with the header's rows too, 対策後 ›
  // 重大度 became the impact again). A field the same mapping gives it comes first.
  const named = new Set((mapping.columns ?? []).map(columnKey));
  const keep = (mapping.answered ?? []).filter((k) => !named.has(k) && layout!.columns.some((m) => columnKey(m) === k && m.field !== null));
  if (keep.length > 0) layout = { ...layout, columns: overrideFields(register, layout.columns, keep.map((k) => ({ ...keyColumn(k), field: null }))).columns };
  return { layout, problems, ...(detection ? { detection } : {}), ...(sameAsKept ? { same: true as const } : {}) };
}

function defaultSheet(model: WorkbookModel, register: ImportTarget, opts: { vocab: ReturnType<typeof loadVocabularies>; reference: string }): string {
  const found = detectLayout(model, register, opts);
  if (found.ok) return found.layout.sheet;
  const first = model.sheets.find((s) => !s.skipped && s.rows.length > 0);
  if (!first) throw invalid('dataBase64', `${model.fileName} has no sheet with values`, 'noValues', { file: model.fileName });
  return first.name;
}

/** The project's period as its WBS spans it: the year of a date written without one. */
function projectPeriod(db: Db, projectId: number): { start: string | null; end: string | null } {
  return plannedSpan(db, projectId);
}

/** Client words the user added to the project's lists (one list write each; the rows then use them). */
function addListItems(db: Db, projectId: number, items: NewListItem[]): void {
  if (items.length === 0) return;
  const vocab = loadVocabularies(db, projectId);
  const byList = new Map<VocabListName, NewListItem[]>();
  for (const it of items) byList.set(it.list, [...(byList.get(it.list) ?? []), it]);
  for (const [list, add] of byList) {
    const current = vocab[list].items;
    const fresh = add.filter((a) => !current.some((i) => i.code === a.code));
    if (fresh.length === 0) continue;
    setVocabulary(db, projectId, list, [
      ...current.map((i) => ({ code: i.code, labelJa: i.labelJa, labelEn: i.labelEn, closed: i.closed })),
      ...fresh.map((a) => ({ code: a.code, labelJa: a.label, labelEn: a.label })),
    ]);
  }
}

/** Thrown to roll a dry run back. */
const DRY_RUN = Symbol('dry run');

/**
 * What applying a WBS plan would do to keep the dates the file gives automatic tasks (days off made
 * working days, tasks made manual: schedule-file-dates.ts), found by applying it in a transaction that is
 * rolled back: the fit needs the tasks as rows and the whole reschedule. Only for a plan that dates an
 * automatic task (an MS Project export, a plan with a scheduling column): any other plan pays nothing.
 * Undefined when the import would change neither, or when the apply would fail (it says why then).
 */
function fileDatesBeforehand(db: Db, actor: Actor, projectId: number, table: ImportTable, plan: ImportPlan, today: string): FileDatesKept | undefined {
  const dated = (patch: Record<string, unknown>) => patch.plannedStart != null || patch.plannedFinish != null;
  const datesAuto = plan.planned.some(
    (p) => (p.status === 'new' || p.status === 'changed') && dated(p.patch) && (p.patch.scheduling ?? (p.id !== undefined ? wbsStore.get(db, p.id)?.scheduling : undefined)) === 'auto',
  );
  if (!datesAuto) return undefined;
  let found: FileDatesKept | undefined;
  try {
    db.sql.tx(() => {
      inBatch(db, actor, BATCH_LABEL, projectId, (batch) => {
        addListItems(db, projectId, table.newItems);
        found = applyPlan(db, batch, projectId, 'wbs', plan, {}, today).fileDates;
      });
      throw DRY_RUN;
    });
  } catch (e) {
    if (e !== DRY_RUN) return undefined;
  }
  return found && (found.workingDays.length > 0 || found.manual.length > 0) ? found : undefined;
}

/** The problems a preview answers (ImportPreview.problems): all, or beyond a page those of no cell and of the rows listed. */
function shownProblems(problems: Problem[], sheet: string, rows: readonly { row: number }[]): Problem[] {
  if (problems.length <= PREVIEW_PROBLEMS_PAGE) return problems;
  const listed = new Set(rows.map((r) => r.row));
  return problems.filter((p) => p.cell === undefined || (p.sheet === sheet && listed.has(rowOfCell(p.cell) ?? -1)));
}

/** Every write of the workspace adds audit rows: an unchanged maximum means nothing was written since. */
function auditVersion(db: Db): number {
  return lastAuditId(db);
}

export class ImportPreviews {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
    private readonly today: () => string,
  ) {}

  async preview(input: PreviewInput): Promise<ImportPreview> {
    const { db } = this;
    getProjectRow(db, input.projectId);
    let kept: Kept | undefined;
    let model: WorkbookModel;
    let bytes: Uint8Array;
    let fileName: string;
    let profile: TableProfile | null;
    let chosenProfile: boolean;
    if (input.previewId !== undefined) {
      this.sweep();
      kept = this.kept.get(input.previewId);
      if (!kept) throw textError('NOT_FOUND', 'import.previewGone', {}, 'this import preview has expired or was already applied; choose the file again', { field: 'previewId' });
      if (kept.projectId !== input.projectId || kept.register !== input.register)
        throw invalid('previewId', `this preview is of another project or register`, 'previewGone');
      ({ model, bytes, fileName, profile, chosenProfile } = kept);
    } else {
      fileName = input.fileName!;
      bytes = await decodeBase64(input.dataBase64!);
      if (bytes.length === 0) throw emptyFile(fileName);
      const chosen = input.profileId !== undefined ? getTableProfile(db, input.profileId) : null;
      if (chosen && chosen.register !== input.register)
        throw textError('VALIDATION', 'export.otherRegister', { profile: chosen.name }, `profileId: profile ${chosen.name} is for the ${chosen.register} register, not ${input.register}`, [
          { field: 'profileId', message: `profile ${chosen.name} is for the ${chosen.register} register, not ${input.register}` },
        ]);
      try {
        model = await readWorkbook(bytes, fileName);
        await pace(1, 4);
      } catch (err) {
        throw workbookRefusal(err, { field: 'dataBase64' });
      }
      chosenProfile = chosen !== null;
      profile = chosen ?? findProfile(db, input.register, model);
    }
    const vocab = loadVocabularies(db, input.projectId);
    const today = this.today();
    const mapping = input.mapping ?? {};
    const { layout, problems: found, detection: detected, same } = chooseLayout(model, input.register, profile, mapping, { vocab, today, ...(kept ? { kept: kept.layout, keptProblems: kept.layoutProblems } : {}) });
    // Refining the layout detection found keeps what it found: the columns it asked about are asked until
    // each is answered — by the field the user gives it, or by keeping it (mapping.answered) — not all
    // dropped with the first answer. (A question of the table or its header is answered by a layout the user sends.)
    const refined = same && kept?.detection ? kept.detection : undefined;
    const detection = detected ?? refined;
    const keptFields = new Map((kept?.layout.columns ?? []).map((m) => [columnKey(m), m.field]));
    const answered = refined
      ? [...new Set([...(kept?.answered ?? []), ...(mapping.answered ?? []), ...(mapping.columns ?? []).filter((m) => keptFields.has(columnKey(m)) && keptFields.get(columnKey(m)) !== m.field).map(columnKey)])]
      : [];
    // A table the user pointed at is one to import, even the one said to be no register.
    const pointed = mapping.headerTop !== undefined || mapping.firstDataRow !== undefined;
    const problems = pointed ? found.filter((p) => p.code !== 'noRegisterTable' && p.code !== 'noTaskTable') : found;
    const choices = structuredClone(kept?.choices ?? {});
    for (const v of mapping.values ?? []) (choices[v.field] ??= {})[v.word.trim()] = v.code;
    const year = mapping.year ?? kept?.year;
    const usedProfile = profile && layout.sheet === profile.layout.sheet && layout.headerTop === profile.layout.headerTop - 1 ? profile : null;
    const extraColumns = layout.columns.filter((m) => m.field === null).length;
    if (extraColumns > EXTRA_LIMITS.keys)
      throw invalid('dataBase64', `${fileName}: sheet ${layout.sheet} has ${extraColumns.toLocaleString('en-US')} columns PMO Desk has no field for; a row keeps at most ${EXTRA_LIMITS.keys.toLocaleString('en-US')}`, 'tooManyColumns', { file: fileName, sheet: layout.sheet, count: extraColumns, max: EXTRA_LIMITS.keys });
    await pace(2, 4);
    const table = readTable(model, layout, { vocab, today, valueChoices: choices, period: projectPeriod(db, input.projectId), ...(year !== undefined ? { year } : {}), ...(usedProfile?.layout.valueMaps ? { valueMaps: usedProfile.layout.valueMaps } : {}), ...(usedProfile?.layout.positionalRefs ? { positionalRefs: true } : {}), ...(usedProfile && !mapping.columns?.length ? { savedLayout: true, ...(usedProfile.layout.hierarchy === 'phases' ? { phaseRows: true } : {}), ...(usedProfile.layout.below ? { below: usedProfile.layout.below } : {}), titles: storedTitles(db, input.projectId, input.register) } : {}) });
    if (table.records.length > MAX_IMPORT_ROWS)
      throw invalid('dataBase64', `${fileName}: sheet ${layout.sheet} has ${table.records.length.toLocaleString('en-US')} rows of data; PMO Desk imports up to ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows at a time: split the file`, 'tooManyRows', { file: fileName, sheet: layout.sheet, count: table.records.length, max: MAX_IMPORT_ROWS });
    // What was read weighs in: a key of figures makes the table no register, or a guess to ask about.
    // Columns kept as the client's own whose cells fit a field no column fills: offered, and asked about.
    const fits = usedProfile ? [] : columnFits(input.register, model, table, { vocab, today });
    const doubts = detected
      ? detectionDoubts(input.register, table, { sheet: layout.sheet, headerTop: layout.headerTop, confidence: detected.layout.confidence! }, detected.candidates, fits)
      : refined
        ? refinedDoubts(refined.layout.confidence!, fits.filter((f) => !answered.includes(columnKey(f))))
        : null;
    if (doubts?.noRegister) problems.push(noRegisterProblem(input.register, fileName, table, doubts.why.some((w) => w.code === 'noTasks')));
    else if (detected) {
      const other = otherRegisterTable(model, layout, { vocab, reference: today });
      if (other) problems.push(otherRegisterProblem(input.register, other.target, fileName, layout.sheet, other.column));
    }
    // The key column shows the doubt too (its confidence in the mapping step), not only the question.
    if (doubts?.why.some((w) => w.code === 'keyFigures' || w.code === 'keyClose')) for (const m of table.columns) if (m.field === KEY_FIELD[input.register]) m.confidence = Math.min(m.confidence, doubts.confidence.key);
    const layoutProblems = mapping.columns?.length ? [] : [...problems];
    const maybeFields = columnChoices(fits);
    flagDuplicateRefs(table);
    const reading = predecessorReading(table, model);
    predecessorsById(table, reading);
    // (The IDs a parent column names rows by — Backlog's キー — are the client's numbering the same way: the export gives a new task the next.)
    const idColumnAt = reading?.by === 'id' ? reading.idColumn!.c : table.hierarchy === 'parent' ? table.parentKeys?.c : undefined;
    const idExtra = idColumnAt !== undefined ? table.columns.find((m) => m.c === idColumnAt && m.field === null)?.extraKey : undefined;
    if (idExtra !== undefined) table.idExtraKey = idExtra;
    predecessorsByHyphenCode(table, model);
    predecessorsByWrittenCode(table, model, reading);
    flagPredecessors(table);
    deriveWbsStatus(table);
    deriveWbsMilestones(table);
    table.problems.unshift(...problems);
    const key = KEY_FIELD[input.register];
    const keyMapped = layout.columns.some((m) => m.field === key);
    if (!keyMapped && problems.length === 0) table.problems.unshift({ sheet: layout.sheet, kind: 'header', code: 'noKey', params: {}, field: key, reason: `no column is mapped to the ${key} field; choose the column that holds it` });
    else if (table.records.length === 0 && problems.length === 0)
      table.problems.unshift({ sheet: layout.sheet, kind: 'header', code: 'noRows', params: { sheet: layout.sheet, row: layout.headerTop + 1 }, reason: `the table on sheet ${layout.sheet} (header in row ${layout.headerTop + 1}) has no rows of data` });
    // Nothing is planned from a table that was not found, until the user points at its header.
    const guessed = (problems.length > 0 || !!doubts?.noRegister) && mapping.headerTop === undefined && mapping.firstDataRow === undefined && !mapping.columns?.length;
    await pace(3, 4);
    const plan: ImportPlan = keyMapped && !guessed ? planImport(db, input.projectId, table, today) : { matchBy: 'name', planned: [], missing: [], rows: [], rowCount: 0 };
    const signature = headerSignature(model, layout.sheet, layout.headerTop, layout.headerBottom) ?? '';
    const fileDates = input.register === 'wbs' ? fileDatesBeforehand(db, this.actor, input.projectId, table, plan, today) : undefined;

    const confidence = doubts?.confidence;
    const ask = doubts?.ask ?? null;

    if (kept) this.kept.delete(input.previewId!);
    const previewId = randomUUID();
    this.expireLater();
    this.sweep();
    this.kept.set(previewId, {
      projectId: input.projectId,
      register: input.register,
      fileName,
      bytes,
      model,
      profile,
      chosenProfile,
      choices,
      ...(year !== undefined ? { year } : {}),
      layoutProblems,
      ...(detection ? { detection } : {}),
      answered,
      table,
      // (Two-row records: the columns as the reading split them per row, for the next refinement to answer.)
      layout: table.layoutColumns ? { ...layout, columns: table.layoutColumns } : layout,
      signature,
      keyMapped: keyMapped && !guessed,
      plan,
      version: auditVersion(db),
      at: Date.now(),
    });
    const n = statusCounts(plan.planned);
    return {
      previewId,
      fileName,
      register: input.register,
      sheet: layout.sheet,
      sheets: model.sheets.map((s) => s.name),
      header: table.header,
      data: table.data,
      columns: table.columns,
      fields: Object.keys(TARGET_FIELDS[input.register]),
      ...(table.hierarchy ? { hierarchy: table.hierarchy } : {}),
      ...(fileDates ? { fileDates } : {}),
      ...(table.paintedDates ? { paintedDates: { from: columnName(table.paintedDates.first), to: columnName(table.paintedDates.last), days: table.paintedDates.days } } : {}),
      ...(reading ? { predecessorsReading: { by: reading.by, ...(reading.idColumn ? { column: columnName(reading.idColumn.c) } : {}) } } : {}),
      matchBy: plan.matchBy,
      profile: usedProfile ? { id: usedProfile.id, name: usedProfile.name, how: chosenProfile ? 'chosen' : 'signature' } : null,
      headerSignature: signature,
      rows: plan.rows,
      rowCount: plan.rowCount,
      missing: plan.missing.map(({ id, key: k, name }) => ({ id, key: k, name })),
      counts: {
        new: n.new,
        changed: n.changed,
        unchanged: n.unchanged,
        missing: plan.missing.length,
        skipped: n.skipped,
        problems: table.problems.length,
        leftOut: table.leftOut.length,
      },
      problems: shownProblems(table.problems, layout.sheet, plan.rows),
      leftOut: table.leftOut,
      values: table.unknownValues,
      ...(table.undecidedYears ? { years: table.undecidedYears } : {}),
      ...(detection && doubts && confidence ? { detection: { confidence, ask, why: doubts.why, candidates: detection.candidates.map((c) => ({ ...c, headerTop: c.headerTop + 1, headerBottom: c.headerBottom + 1 })) } } : {}),
      ...(maybeFields.size > 0 ? { columnChoices: [...maybeFields].map(([key, fields]) => ({ ...keyColumn(key), fields })) } : {}),
    };
  }

  apply(previewId: string, options: ApplyOptions = {}): ApplyResult {
    const { db } = this;
    this.sweep();
    const kept = this.kept.get(previewId);
    if (!kept) throw textError('NOT_FOUND', 'import.previewGone', {}, 'this import preview has expired or was already applied; preview the file again', { field: 'previewId' });
    if (!kept.keyMapped) throw invalid('previewId', `no column is mapped to the ${KEY_FIELD[kept.register]} field`, 'noKeyMapped');
    const today = this.today();
    const result = db.sql.tx(() => {
      let batchId: string | null = null;
      const counts = inBatch(db, this.actor, BATCH_LABEL, kept.projectId, (batch) => {
        batchId = batch.id;
        addListItems(db, kept.projectId, kept.table.newItems);
        const plan = auditVersion(db) === kept.version ? kept.plan : planImport(db, kept.projectId, kept.table, today, false);
        return applyPlan(db, batch, kept.projectId, kept.register, plan, options, today);
      });
      const wrote = batchId !== null && batchExists(db, batchId);
      const profileId = this.saveProfile(kept, options, today);
      return { ...counts, batchId: wrote ? batchId : null, profileId };
    });
    this.kept.delete(previewId);
    return result;
  }

  private saveProfile(kept: Kept, options: ApplyOptions, today: string): number | null {
    if (options.saveProfileAs === undefined && options.updateProfileId === undefined) return null;
    const layout: ProfileLayout = {
      sheet: kept.layout.sheet,
      headerTop: kept.layout.headerTop + 1,
      headerBottom: kept.layout.headerBottom + 1,
      columns: kept.table.columns,
      ...(kept.table.hierarchy ? { hierarchy: kept.table.hierarchy } : {}),
      ...(kept.table.progressScale ? { progressScale: kept.table.progressScale } : {}),
      ...(Object.keys(kept.table.valueMaps).length ? { valueMaps: kept.table.valueMaps } : {}),
      ...(kept.table.positionalRefs ? { positionalRefs: true as const } : {}),
      ...(kept.table.below ? { below: kept.table.below } : {}),
    };
    // The stored row each record now is (planned again after the apply: new records have their ids).
    const after = planImport(this.db, kept.projectId, kept.table, today, false);
    const rows: [number, number][] = after.planned.flatMap((q) => (q.id !== undefined && q.status !== 'skipped' && !kept.table.records[q.record]!.group ? [[kept.table.records[q.record]!.row, q.id] as [number, number]] : []));
    const groups = after.planned.flatMap((q) => (q.id !== undefined && kept.table.records[q.record]!.group ? [q.id] : []));
    const records: RecordLinks = { projectId: kept.projectId, rows, groups };
    if (kept.register === 'wbs') {
      const linked = new Set(rows.map(([, id]) => id));
      records.rolled = listTasks(this.db, kept.projectId, today)
        .filter((t) => t.summary && linked.has(t.id))
        .map((t) => [t.id, Object.fromEntries(WBS_ROLLED_UP_FIELDS.map((f) => [f, t[f]]))]);
    }
    const p = { register: kept.register, headerSignature: kept.signature, template: kept.bytes, fileName: kept.fileName, layout, records };
    if (options.saveProfileAs !== undefined) return saveProfile(this.db, { ...p, name: options.saveProfileAs });
    if (options.updateProfileId !== undefined) {
      replaceProfileLayout(this.db, options.updateProfileId, p);
      return options.updateProfileId;
    }
    return null;
  }

  /**
   * Drops a preview the user will not apply (the import dialog closed): a 10,000-row preview holds the
   * file, its table and plan, ~15 MB, which would otherwise wait for its 30 minutes. Answers whether
   * there was one; an unknown or already applied id is not an error.
   */
  /** A register the kept preview's workbook fits clearly better than its own (see betterTarget). */
  suggest(previewId: string): { register: ImportTarget | null } {
    this.sweep();
    const kept = this.kept.get(previewId);
    if (!kept) throw textError('NOT_FOUND', 'import.previewGone', {}, 'this import preview has expired or was already applied; choose the file again', { field: 'previewId' });
    return { register: betterTarget(kept.model, kept.register, { vocab: loadVocabularies(this.db, kept.projectId), reference: this.today() }) };
  }

  /** A page of the kept preview's problems (excel.previewProblems). */
  problems(previewId: string, offset: number, limit: number): { problems: Problem[]; total: number } {
    this.sweep();
    const kept = this.kept.get(previewId);
    if (!kept) throw textError('NOT_FOUND', 'import.previewGone', {}, 'this import preview has expired or was already applied; choose the file again', { field: 'previewId' });
    const all = kept.table.problems;
    return { problems: all.slice(offset, offset + limit), total: all.length };
  }

  discard(previewId: string): { discarded: boolean } {
    return { discarded: this.kept.delete(previewId) };
  }

  // Expiry runs on a timer too, not only on the next preview: a window left alone releases its memory.
  private timer: ReturnType<typeof setTimeout> | null = null;
  private expireLater(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const now = Date.now();
      for (const [id, k] of this.kept) if (now - k.at > PREVIEW_TTL_MS) this.kept.delete(id);
      if (this.kept.size > 0) this.expireLater();
    }, PREVIEW_TTL_MS / 10);
    // Never the reason a process stays alive.
    this.timer.unref?.();
  }

  /** Drops expired previews, and the oldest beyond the limit. */
  private sweep(): void {
    const now = Date.now();
    for (const [id, k] of this.kept) if (now - k.at > PREVIEW_TTL_MS) this.kept.delete(id);
    while (this.kept.size >= MAX_PREVIEWS) this.kept.delete(this.kept.keys().next().value!);
  }
}
