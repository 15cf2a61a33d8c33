// A register written into the client's own workbook (the profile's template) through the lossless
// template writer: only the table's data cells change, and of those only the ones whose meaning
// changed. A row that matches a row of the template keeps the template's own cell wherever the stored
// value still reads the same (the client's 済 stays 済, 0.333 stays 0.333, a date typed as text stays
// text); a changed value is written the way that column writes it (the client's word for a list code,
// a date serial in a date cell, a fraction in a % column, hours in an hours column).
import { digitCode, digitOutlineWidth, spreadDigits } from '../../excel/import/digit-codes.js';
import { HYPHEN_CODE, linksInClientIds, predecessorReading, sameLinks, taskNumberLabel } from '../import/predecessors.js';
import { learnLinkNotation } from '../../../common/schedule/links-text.js';
import type { WorkCalendar } from '../../../common/schedule/calendar.js';
import { calendarSettings, workCalendarOf } from '../schedule.js';
import type { ExportedWorkbook } from '../../../common/api/excel.js';
import { WBS_ROLLED_UP_FIELDS } from '../../../common/dto.js';
import { codeLetters, columnDateReading, isLetterTop, letterTopCode, letterTopNumbers, DAYS_WITH_UNIT, parseWbsCode, readValue, rowKey, textOf, type ValueContext } from '../../excel/import/cell-values.js';
import type { TableLayout } from '../../excel/import/detect.js';
import { fieldSpec, KEY_FIELD, type FieldSpec, type ImportTarget } from '../../../common/excel/fields.js';
import { WBS_SCHEDULING_LABELS, WBS_STATUS_LABELS } from '../../../common/excel/column-labels.js';
import { cellRef, type Cell, type Merge } from '../../../common/excel/model.js';
import { daysIn, effortUnitOf, parseNumberText } from '../../excel/import/numbers.js';
import { ClientValues } from '../../excel/import/client-values.js';
import { clientWord, listWordFor, mappedCode } from '../../excel/import/value-map.js';
import { wbsStatusOfStage } from '../../excel/import/status-stages.js';
import { checkMark, checkWriter } from '../../excel/import/check-columns.js';
import { isOpenWord, isStatusCode, openWordReading, statusCodes } from '../../excel/import/value-words.js';
import { SheetIndex } from '../../excel/import/sheet-index.js';
import { periodOfCell, rangeKey, rangeOrder, rangeWriter } from '../../excel/import/date-range.js';
import { numberLike, numbersRows, shownNumber } from '../../excel/import/numbering.js';
import { levelNumber, levelNumberCodes } from '../../excel/import/level-numbers.js';
import { isMark, markedItemColumns, markReading, otherParentColumns, ratingMarkColumns, readTable, type ImportTable } from '../../excel/import/read-table.js';
import { joinWrapped } from '../../excel/import/data-range.js';
import { ApiError, textError } from '../../../common/errors.js';
import { REGISTERS, riskScore, vocabLabel, type Vocabularies, type VocabItem, type VocabListName } from '../../../common/registers.js';
import type { SqlDb as Db } from '../../db/sql.js';
import { fillTemplateInWorker, inspectTemplateInWorker, readWorkbook } from '../../excel/capped-worker.js';
import { dateSerial, type CellOut, type OutValue, type RowShape, type TableWrite } from '../../excel/template/index.js';
import { sameValue, planImport, storedTitles } from '../import/plan.js';
import { lastBlockShape, planBlocks, type BlockPlan, type TemplateRecord } from './record-blocks.js';
import { barCells, ganttBandCandidates, learnBand, rowBarMark, rowBarStyle, type BandColumn, type BandRecord } from './gantt-marks.js';
import { keepsDrawing, learnOwnRules, ownBarCells, painted, shiftedCells } from './gantt-own-rows.js';
import { derivedStatus } from '../rollup.js';
import { dateTextStyle, dottedFormByContext, dottedForms, isoToSerial, parseDateText, serialToIso, shortYearChoices, weekOfText, weekStartDay, type ShortYearForm, type SlashOrder } from '../../../common/excel/client-dates.js';
import { tableBand } from './table-band.js';
import { blockColumns, withBlockRows } from '../../excel/import/block-rows.js';
import { REGISTER_SERVICES } from '../registers/index.js';
import { getTableProfile, profileRecords, profileTemplate, templateConflict } from '../import/profiles.js';
import { getProjectRow } from '../projects.js';
import { loadVocabularies } from '../registers/vocabularies.js';
import { listTasks, WBS_DEFAULTS } from '../wbs.js';
import { taskIdsOf } from '../../db/queries/wbs.js';
import type { ColumnMapping, ValueMap } from '../../../common/excel/preview.js';

type Row = Record<string, unknown> & { id: number; extra?: Record<string, unknown> };

interface Out {
  row: Row;
  level: number;
  summary: boolean;
  /** The template record (0-based sheet row) this row was matched to. */
  at: number | null;
}

const ROLLED_UP = new Set<string>(WBS_ROLLED_UP_FIELDS);
/** A summary's dates are one span: where one end of it moved, both are written (a start alone beside the client's blank finish reads as a span that never ends). */
const SPAN_PARTNER: Record<string, string> = { plannedStart: 'plannedFinish', plannedFinish: 'plannedStart', actualStart: 'actualFinish', actualFinish: 'actualStart' };

const textValue = (s: string): OutValue => (s === '' ? null : { t: 's', v: s });

/** A model cell as the writer's value, exactly as the template holds it. */
function rawValue(cell: Cell | undefined): OutValue {
  if (!cell || cell.t === 'e') return null;
  if (cell.t === 's') return { t: 's', v: cell.v as string };
  if (cell.t === 'b') return { t: 'b', v: cell.v as boolean };
  return { t: cell.t === 'd' ? 'd' : 'n', v: cell.v as number };
}

export async function exportToProfile(
  db: Db,
  input: { projectId: number; register: ImportTarget; profileId: number; language: 'ja' | 'en'; today: string },
): Promise<ExportedWorkbook> {
  getProjectRow(db, input.projectId);
  const profile = getTableProfile(db, input.profileId);
  if (profile.register !== input.register)
    throw textError('VALIDATION', 'export.otherRegister', { profile: profile.name }, `excel.export: profileId: profile ${profile.name} is for the ${profile.register} register, not ${input.register}`, [
      { field: 'profileId', message: `is a profile of the ${profile.register} register` },
    ]);
  const template = profileTemplate(db, profile.id);
  const target = input.register;
  const vocab = loadVocabularies(db, input.projectId);
  const model = await readWorkbook(template, profile.fileName).catch((err: unknown) => {
    throw templateConflict(err);
  });
  // A profile saved from a CSV import maps columns for the next import; a CSV has no layout of its own
  // (no styles, no zip to patch), so there is nothing to write into.
  if (model.format === 'csv')
    throw textError(
      'CONFLICT',
      'export.csvProfile',
      { profile: profile.name, file: profile.fileName },
      `profile ${profile.name} was saved from a CSV file (${profile.fileName}), which has no layout to write into: export in PMO Desk's own layout, or save a profile from the client's Excel workbook`,
      { field: 'profileId' },
    );
  const layout: TableLayout = {
    target,
    sheet: profile.layout.sheet,
    headerTop: profile.layout.headerTop - 1,
    headerBottom: profile.layout.headerBottom - 1,
    columns: profile.layout.columns,
    score: 0,
  };
  if (!model.sheets.some((s) => s.name === layout.sheet))
    throw textError('CONFLICT', 'export.noSheet', { file: profile.fileName, sheet: layout.sheet }, `${profile.fileName} has no sheet named ${layout.sheet}`, { field: 'profileId' });
  // Records of two rows (予定 / 実績): each field written on its row of the record (block-rows.ts), as the import reads it.
  layout.columns = withBlockRows(new SheetIndex(model.sheets.find((s) => s.name === layout.sheet)!), layout, false);
  const ownRows = blockColumns(layout.columns);
  const offsetOf = (m: ColumnMapping) => m.rowOffset ?? 0;
  const table = readTable(model, layout, { vocab, today: input.today, savedLayout: true, ...(profile.layout.hierarchy === 'phases' ? { phaseRows: true } : {}), ...(profile.layout.valueMaps ? { valueMaps: profile.layout.valueMaps } : {}), ...(profile.layout.positionalRefs ? { positionalRefs: true } : {}), titles: storedTitles(db, input.projectId, target) });
  // Predecessors the client writes by its task ID column (MS Project's "3,5FS+2d"), read as the import
  // reads them: written back in the client's IDs (idByCode, below), never in our outline codes.
  // A parent column naming each task's parent by an ID column the layout does not write (Redmine's #,
  // Backlog's キー): that ID column is the client's IDs too, given to a new task, written as its children's parent.
  const parentKeys = target === 'wbs' && table.hierarchy === 'parent' ? (table.parentKeys ?? null) : null;
  const parentKeyIsField = parentKeys !== null && layout.columns.some((m) => m.field !== null && parentKeys.c >= m.c && parentKeys.c < m.c + m.span);
  const otherParents = parentKeys ? otherParentColumns(target, layout.columns) : [];
  const linkReading = target === 'wbs' ? predecessorReading(table, model) : null;
  const linkIds = linkReading?.idColumn ?? null;
  const idColumn = linkIds ?? (target === 'wbs' && parentKeys && !parentKeyIsField ? parentKeys : null);
  // Keys the client's tracker gives (Redmine's #, Backlog's キー) where only the parent column names
  // tasks by them: a task the tracker has not seen yet has none (a key we made up could be one the
  // tracker has given another task since, and a tracker import would then update that task), so a new
  // task's key stays empty unless tasks under it must name it as their parent.
  const trackerKeys = idColumn !== null && linkIds === null;
  const sheet = model.sheets.find((s) => s.name === layout.sheet)!;
  const ix = new SheetIndex(sheet);
  // Text the client wrapped by hand into the next row (a left-out 'continued text' row), or the second
  // row of a record whose name is merged over both ('record continued'): the record's value goes on
  // there, as the import reads it (a wrapped text joined, a second row's text as a new line).
  const recordRows0 = table.records.map((r) => r.row - 1).sort((a, b) => a - b);
  const continuedRows = new Map<number, number[]>();
  const secondRows = new Set<number>();
  for (const l of table.leftOut) {
    if (l.reason !== 'continued text' && l.reason !== 'record continued') continue;
    if (l.reason === 'record continued') secondRows.add(l.row - 1);
    const parent = recordRows0.filter((r) => r < l.row - 1).at(-1);
    if (parent !== undefined) continuedRows.set(parent, [...(continuedRows.get(parent) ?? []), l.row - 1]);
  }

  /** Phase rows over their tasks (0-based; phase-rows.ts): a top-level record of such a layout is one. */
  const phaseRowSet = new Set((table.phaseCells ?? []).map((p) => p.r));
  // The template's rows matched to stored rows the way an import matches them.
  const plan = planImport(db, input.projectId, table, input.today, false);
  const rowOf = new Map<number, number>();
  /** Stored tasks made from a 大/中分類 value: no row of their own in the client's sheet. */
  const groups = new Set<number>();
  /** Stored rows whose record the import left out: the client's row, never written. */
  const clientRows = new Set<number>();
  const templateRecords: TemplateRecord[] = [];
  // Each template record's stored row: as linked when the template was imported (a renamed or
  // renumbered row still owns its block), else matched the way an import matches.
  const linked = profileRecords(db, profile.id, input.projectId);
  const links = linked?.rows ?? null;
  const exists = links ? storedIds(db, target, input.projectId) : null;
  for (const g of linked?.groups ?? []) groups.add(g);
  for (const p of plan.planned) {
    const rec = table.records[p.record]!;
    if (rec.group) {
      if (p.id !== undefined && !linked) groups.add(p.id);
      continue;
    }
    const level = rec.level ?? 0;
    const continued = continuedRows.get(rec.row - 1);
    // (A text wrapped by hand is the record's words; a second row merged with the first is the layout's block.)
    const wrappedInto = continued?.filter((r) => !secondRows.has(r)) ?? [];
    const ownRowsBelow = continued?.filter((r) => secondRows.has(r)) ?? [];
    const tail = {
      ...(wrappedInto.length > 0 ? { through: Math.max(...wrappedInto) + 1 } : {}),
      ...(ownRowsBelow.length > 0 ? { rowsThrough: Math.max(...ownRowsBelow) + 1 } : {}),
      ...(phaseRowSet.has(rec.row - 1) ? { phase: true } : {}),
    };
    if (links) {
      const id = links.get(rec.row);
      if (id === undefined) templateRecords.push({ row: rec.row, kind: 'client', level, ...tail });
      else if (!exists!.has(id)) templateRecords.push({ row: rec.row, kind: 'removed', level, ...tail });
      else {
        templateRecords.push({ row: rec.row, kind: 'kept', id, level, ...tail });
        rowOf.set(id, rec.row - 1);
      }
      continue;
    }
    // No links for this project: the profile was imported into another project (profiles are
    // workspace-wide), or is a template registered without an import. A record an import left out is
    // the client's row only in the project it was left out of; here it is matched like any other
    // record (its key's stored row written in its place, or the row removed), so this project's row
    // of that key is written and the other project's row never is.
    const kind = p.id === undefined ? 'removed' : 'kept';
    templateRecords.push({ row: rec.row, kind, ...(p.id !== undefined ? { id: p.id } : {}), level, ...tail });
    if (p.id !== undefined) rowOf.set(p.id, rec.row - 1);
  }
  const allTasks = target === 'wbs' ? listTasks(db, input.projectId, input.today) : [];
  const stored: Out[] = (
    target === 'wbs'
      ? allTasks.map((t) => ({ row: { ...t, wbsCode: t.code } as unknown as Row, level: t.level, summary: t.summary, at: rowOf.get(t.id) ?? null }))
      : (REGISTER_SERVICES[target].list(db, input.projectId, { today: input.today }) as unknown as Row[]).map((row) => ({ row, level: 0, summary: false, at: rowOf.get(row.id) ?? null }))
  ).filter((o) => !clientRows.has(o.row.id));
  const tasks = new Map(allTasks.map((t) => [t.id, t]));
  // 大/中分類 groups have no row of their own while a task of theirs has one; a group left without
  // tasks keeps a label row (its name in its category column, no task name).
  const categoryColumns = layout.columns.filter((m) => m.field !== null && /^level\d$/.test(m.field) && !m.extraKey).sort((a, b) => a.field!.localeCompare(b.field!));
  const byCategory = target === 'wbs' && table.hierarchy === 'columns' && categoryColumns.length > 0;
  // A group deeper than the 大/中 columns (its 中分類 row indented under a task) has no column to be
  // labelled in: it is written as a task of its own in the name column, with its fields (its rolled-up
  // dates), like any task deeper than the layout's levels (tooDeep, below), instead of vanishing.
  if (byCategory) for (const o of stored) if (groups.has(o.row.id) && o.level >= categoryColumns.length) groups.delete(o.row.id);
  const underGroup = new Set<number>();
  for (const o of stored)
    if (!groups.has(o.row.id)) for (let t = tasks.get(o.row.parentId as number); t; t = tasks.get(t.parentId as number)) underGroup.add(t.id);
  const labelRow = (o: Out) => byCategory && groups.has(o.row.id) && !underGroup.has(o.row.id);
  for (let i = stored.length - 1; i >= 0; i--) if (groups.has(stored[i]!.row.id) && !labelRow(stored[i]!)) stored.splice(i, 1);
  // Each task written gets the client's ID: its row's, or, new (or on a row with no ID), the next after
  // the highest the template holds (a removed task's ID is never given again), so a link to it can be
  // written as an ID and the next import still reads every item of the column as one.
  const clientIdOf = new Map<number, string>();
  const givenIds = new Set<number>();
  const idByCode = new Map<string, string>();
  if (idColumn) {
    const nextId = clientIdCounter([...idColumn.ids.values()]);
    const parents = new Set(stored.map((o) => o.row.parentId as number | null));
    for (const o of stored) {
      let id = o.at !== null ? idColumn.ids.get(o.at) : undefined;
      if (id === undefined && trackerKeys && !parents.has(o.row.id)) continue;
      if (id === undefined) {
        id = nextId();
        givenIds.add(o.row.id);
      }
      clientIdOf.set(o.row.id, id);
      const code = tasks.get(o.row.id)?.code;
      if (code) idByCode.set(code, id);
    }
  }
  /**
   * The parent column's value from the tree: the parent's client ID (a moved or indented task names its
   * new parent, a new task its parent's), or its name where the column names parents by name; '' at the top.
   */
  const parentIdOf = (o: Out): string => {
    const parent = tasks.get(o.row.parentId as number);
    if (!parent) return '';
    return parentKeyIsField ? parent.name : (clientIdOf.get(parent.id) ?? '');
  };
  /** The name of a task's ancestor at a depth (0 = top), '' when the task is not that deep. */
  const ancestorName = (o: Out, d: number): string => {
    const chain: string[] = [];
    for (let t = tasks.get(o.row.parentId as number); t; t = tasks.get(t.parentId as number)) chain.unshift(t.name);
    return chain[d] ?? '';
  };

  const ctx: ValueContext = {
    date1904: model.date1904,
    vocab,
    reference: input.today,
    progressScale: table.progressScale ?? profile.layout.progressScale ?? 'fraction',
    effortUnit: 'day',
    refPrefix: target === 'wbs' ? '' : REGISTERS[target].refPrefix,
  };
  // A logical column that is a merged cell group on the data rows (方眼紙: 件名 over F:T) is one cell: its anchor.
  const dataTop = layout.headerBottom + 1;
  const merged = (m: ColumnMapping) => m.span > 1 && sheet.merges.some((g) => g.r1 >= dataTop && g.c1 === m.c && g.c2 >= m.c + m.span - 1);
  // 担当者 over one column per person, 影響範囲 over コスト | 納期: the words over the columns, written as the client's marks.
  const persons = new Map<ColumnMapping, string[]>();
  for (const m of layout.columns) {
    const names = markedItemColumns(ix, layout, m, model.date1904);
    if (names) persons.set(m, names);
  }
  // 発生可能性 over 大/中/小, a mark in the step that applies (blind G4): the word over each column.
  const ratingSteps = new Map<ColumnMapping, string[]>();
  for (const m of layout.columns) {
    const words = ratingMarkColumns(ix, layout, m, model.date1904);
    if (words) ratingSteps.set(m, words);
  }
  // A plan held only as paint: a summary's stored dates are its subtasks' span (the import rolls them up).
  const paintedSpans = table.paintedDates ? subtaskSpans(table.records) : new Map<number, { start: string | null; finish: string | null }>();
  // A gantt the client paints beside a WBS (a column per day or week under a row of dates): its
  // columns are the band's, never a field's extra value.
  const bandRecords: BandRecord[] =
    target === 'wbs'
      ? table.records.flatMap((r, i) => {
          if (r.group) return [];
          const rec: BandRecord = { row: r.row - 1, start: serialOf(r.values.plannedStart, model.date1904), finish: serialOf(r.values.plannedFinish, model.date1904) };
          const span = table.paintedDates ? paintedSpans.get(i) : undefined;
          if (span) rec.stored = { start: serialOf(span.start, model.date1904), finish: serialOf(span.finish, model.date1904) };
          return [rec];
        })
      : [];
  // A two-row record (予定 / 実績) whose gantt paints the plan's bar on its plan row and the actual one on
  // its actual row: the actual row's records, one row down (the actual dates' row offset), by its actual dates.
  const rowOfField = (f: string) => layout.columns.find((m) => m.field === f);
  const [planAt, actualAt] = [rowOfField('plannedStart') ?? rowOfField('plannedFinish'), rowOfField('actualStart') ?? rowOfField('actualFinish')];
  const actualOffset = target === 'wbs' && planAt && actualAt ? offsetOf(actualAt) - offsetOf(planAt) : 0;
  const actualRecords: BandRecord[] =
    actualOffset > 0
      ? table.records.flatMap((r) => (r.group ? [] : [{ row: r.row - 1 + actualOffset, start: serialOf(r.values.actualStart, model.date1904), finish: serialOf(r.values.actualFinish, model.date1904) }]))
      : [];
  const fieldColumns = new Set(layout.columns.filter((m) => m.field !== null).flatMap((m) => Array.from({ length: m.span }, (_, k) => m.c + k)));
  const bandOptions = bandRecords.length > 0 ? ganttBandCandidates(ix, layout.headerBottom, fieldColumns, bandRecords, model.date1904) : [];
  const inBand = new Set(bandOptions.flat().map((b) => b.c));
  // A logical column whose header is merged across columns over rows that are not (a blank template drawn
  // with borders only, or records typed into the group's first cell): that first cell holds the value, as
  // a person types it there (the text runs on over the empty cells beside it). Not where the rows hold
  // values in the group's other columns too: those are the client's own, and stay as they are.
  const below = ix.rowsBelow(layout.headerBottom, 2_000);
  const firstOfGroup = (m: ColumnMapping) =>
    m.span > 1 && m.field !== null && m.field !== 'name' && !merged(m) && !below.some((row) => row.cells.some((c) => c.c > m.c && c.c < m.c + m.span && !(c.t === 's' && (c.v as string).trim() === '')));
  // A code over level-number columns (大 | 中 | 小 holding 1 | 1 | 2: level-numbers.ts): each template
  // row's code from its numbers, written back one number per column as the client writes them.
  const levelNumbers = (() => {
    const m = layout.columns.find((x) => x.field === 'wbsCode');
    if (!m || m.span < 2 || merged(m)) return null;
    const rows = table.records.filter((r) => !r.group).map((r) => r.row - 1);
    const read = levelNumberCodes(rows.map((at) => Array.from({ length: m.span }, (_, k) => ix.cell(at, m.c + k))));
    return read && { codes: new Map(rows.flatMap((at, i) => (read.codes[i] ? [[at, read.codes[i]!.join('.')] as const] : []))), repeat: read.repeat, depth: m.span, column: m };
  })();
  // (Fields of a two-row record's second row after those of its first: a column is found by its first.)
  const mapped = layout.columns
    .filter((m) => !inBand.has(m.c) && (merged(m) || writable(m) || firstOfGroup(m) || persons.has(m) || ratingSteps.has(m) || levelNumbers?.column === m))
    .sort((a, b) => offsetOf(a) - offsetOf(b));
  // Client words read as the import reads them (the profile's value maps), written back the same way.
  const clientValues = new ClientValues(vocab, profile.layout.valueMaps);
  const withContinued = (at: number, c: number, cell: Cell | undefined): Cell | undefined => {
    const more = continuedRows.get(at);
    if (!more || ownRows.has(c)) return cell;
    let out = cell;
    for (const r of more) {
      const next = ix.cell(r, c);
      if (!next || (next.t === 's' && (next.v as string).trim() === '')) continue;
      // The record's empty cell takes the value of its second row.
      if (!out || (out.t === 's' && (out.v as string).trim() === '')) {
        out = next;
        continue;
      }
      if (out.t !== 's' || next.t !== 's') continue;
      const [before, after] = [out.v as string, next.v as string];
      out = { ...out, v: secondRows.has(r) ? `${before.trimEnd()}\n${after.trim()}` : joinWrapped(before, after) };
    }
    return out;
  };
  // A column of two-digit years nothing in the file settles (12/3/10): the reading the user gave its
  // dates (a cell's stored date is one of the readings of its text) is how a changed date is written.
  const userShortYear = (m: ColumnMapping): ShortYearForm | undefined => {
    if (m.field === null || fieldSpec(target, m.field)?.kind !== 'date') return undefined;
    const order = m.dateReading?.slashOrder ?? 'mdy';
    for (const o of stored) {
      const cell = o.at === null ? undefined : ix.cell(o.at + offsetOf(m), m.c);
      const v = o.row[m.field];
      if (cell?.t !== 's' || typeof v !== 'string') continue;
      const readings = shortYearChoices(cell.v as string, order);
      if (readings.length > 1 && readings.includes(v)) return readings.indexOf(v) === 0 ? 'yearLast' : 'ymd';
    }
    return undefined;
  };
  // The day a column's dates written without a year (6/14, 23 May) are read from: the middle of the dates
  // the import made of its cells, as the import took their year from the table around them, not today
  // (blind set 12, E1: a shifted 6/14 was written 2025/6/17 a year and more after the file's dates).
  const columnDay = (m: ColumnMapping): string | undefined => {
    if (m.field === null || fieldSpec(target, m.field)?.kind !== 'date') return undefined;
    const days = stored.flatMap((o) => (o.at !== null && typeof o.row[m.field!] === 'string' && /^\d{4}-\d{2}-\d{2}/.test(o.row[m.field!] as string) ? [(o.row[m.field!] as string).slice(0, 10)] : [])).sort();
    return days[Math.floor(days.length / 2)];
  };
  const writers = mapped.map((m) => columnWriter(target, m, ix, table.records.map((r) => r.row - 1 + offsetOf(m)), ctx, input.language, vocab, clientValues, profile.layout.valueMaps?.[m.field ?? ''], userShortYear(m), columnDay(m)));
  // A risk's score the client works out its own way (typed by hand, left stale, another formula or
  // scale): where the template row's own ratings do not give its score cell (or the sheet has no
  // ratings to give it), the cell is the client's figure, kept; a no-edit export rewrote 9 as 15.
  const ratingColumn = (field: string) => mapped.findIndex((m) => m.field === field);
  const [probabilityAt, impactAt] = [ratingColumn('probability'), ratingColumn('impact')];
  /** A template row's rating in mapped column j: the word over its marked step where the client marks one. */
  const ratingAt = (j: number, at: number): unknown => {
    const m = mapped[j]!;
    const steps = ratingSteps.get(m);
    if (!steps) return writers[j]!.meaning(ix.cell(at, m.c));
    const k = steps.findIndex((_, k) => isMark(ix.cell(at, m.c + k)));
    return k < 0 ? null : writers[j]!.meaning({ c: m.c + k, t: 's', v: steps[k]! });
  };
  const clientsOwnScore = (at: number, meaning: unknown): boolean => {
    if (typeof meaning !== 'number') return false;
    if (probabilityAt < 0 || impactAt < 0) return true;
    const rating = (j: number) => ratingAt(j, at);
    const [p, i] = [rating(probabilityAt), rating(impactAt)];
    return typeof p !== 'number' || typeof i !== 'number' || riskScore(p, i) !== meaning;
  };
  /** Cells whose value has no word in the client's list: not written, and named in the answer. */
  const noClientWord: NoClientWord[] = [];
  /** Dates left unwritten: their column's own text form is not known (a dotted 19.9.27 the import left open). */
  const noDateForm: NoClientWord[] = [];
  const levelAt = new Map(table.records.filter((r) => !r.group).map((r) => [r.row - 1, r.level ?? 0]));
  const indent = indentStyle(table.records, ix, layout.columns.find((m) => m.field === 'name'), table.hierarchy);
  // The sheet columns written: each mapped column, and every column of a name written one column
  // further right per level (作業内容 over A:C).
  const spread = (m: ColumnMapping) => ((m.field === 'name' && m.span > 1 && !merged(m)) || persons.has(m) || ratingSteps.has(m) || (levelNumbers && m.field === 'wbsCode') ? Array.from({ length: m.span }, (_, k) => m.c + k) : [m.c]);
  // How each group of mark columns reads and is written (a ○/× matrix writes × where an item does not apply).
  const readings = new Map([...persons.keys()].map((m) => [m, markReading(table.records.flatMap((r) => Array.from({ length: m.span }, (_, k) => ix.cell(r.row - 1, m.c + k))))] as const));
  /** The mark the client writes in its person columns (○ unless it uses another). */
  const markOf = new Map([...persons.keys(), ...ratingSteps.keys()].map((m) => {
    const yes = readings.get(m)?.yes;
    if (yes) return [m, yes] as const;
    for (const r of table.records) for (let k = 0; k < m.span; k++) {
      const cell = ix.cell(r.row - 1, m.c + k);
      if (isMark(cell)) return [m, String(cell!.v).trim()] as const;
    }
    return [m, '○'] as const;
  }));
  const sheetColumns = mapped.flatMap(spread);
  /** The row of the record's block each sheet column's value goes on (a two-row record's second: 1). */
  const sheetOffsets = mapped.flatMap((m) => spread(m).map(() => offsetOf(m)));
  const defaults = defaultValues(target, vocab);
  // A task of its own row with tasks under it, at a level a 大/中 column stands for (キックオフ準備 in 小分類
  // under a 大分類 with no 中分類, 定例会運営 indented under it): its tasks read as under it only where it is
  // their 中分類, so its name goes in that column (its row keeps its values, its name column blank, as
  // a row naming itself there reads) and its tasks carry it as their label (blind set 6, L12: the
  // indent came back as a sibling).
  const namedAsGroup = new Set<number>();
  if (byCategory) {
    const parents = new Set(stored.map((o) => o.row.parentId as number | null));
    for (const o of stored) if (!groups.has(o.row.id) && parents.has(o.row.id) && o.level < categoryColumns.length) namedAsGroup.add(o.row.id);
  }
  const labels = byCategory ? categoryLabels(stored, tasks, categoryColumns.length, new Set([...groups, ...namedAsGroup]), table.records, ix, categoryColumns[0]!.c) : new Map<number, string[]>();
  const rolledAtImport = linked?.rolled ?? null;
  /**
   * Only a task that was a summary when imported has the client's own figure; without a snapshot (a
   * profile saved before it was kept), a blank client cell counts as unmoved.
   */
  const unmovedRollUp = (o: Out, field: string): boolean => {
    const was = rolledAtImport?.get(o.row.id);
    if (was && blankOnSummaries(field)) return true;
    if (was) return field in was && sameValue(was[field], o.row[field]);
    if (rolledAtImport !== null) return false;
    const m = mapped.find((x) => x.field === field)!;
    return o.at !== null && writers[mapped.indexOf(m)]!.meaning(ix.cell(o.at + offsetOf(m), m.c)) === null;
  };
  /**
   * A client whose summary rows show no roll-up of a field (a phase row with its dates and effort blank, or
   * '-'): every task that was a summary when imported had nothing readable there. Its summaries stay so,
   * however the roll-up moves: a phase row that gained dates and a progress would read as a task, and the
   * task under it holding only a name as that row's wrapped text.
   */
  const blankSummaryFields = new Map<string, boolean>();
  const blankOnSummaries = (field: string): boolean => {
    const known = blankSummaryFields.get(field);
    if (known !== undefined) return known;
    const m = mapped.find((x) => x.field === field);
    const rows = [...(rolledAtImport?.keys() ?? [])].flatMap((id) => (rowOf.has(id) ? [rowOf.get(id)!] : []));
    const blank = !!m && rows.length > 0 && rows.every((r) => (writers[mapped.indexOf(m)]!.meaning(ix.cell(r + offsetOf(m), m.c)) ?? null) === null);
    blankSummaryFields.set(field, blank);
    return blank;
  };
  const codeAt = mapped.findIndex((m) => m.field === 'wbsCode');
  // A client numbering its tasks with hyphens (1-1, 1-2) and naming them so in its 先行 column (blind G1):
  // numbered as a dotted client is (its own numbers kept where they still fit, a moved or new task
  // numbered after its siblings), and written back hyphenated, in the code column and in 先行 alike.
  const codeText = (at: number) => {
    const cell = ix.cell(at, mapped[codeAt]!.c);
    return cell ? textOf(cell, model.date1904).normalize('NFKC').trim() : '';
  };
  // A client writing one letter before every code (S1, S1.2, S3.1.1; A-1-2) is numbered on the numbers
  // after it, and every code it gets is written with the letter again (S1.4 after S1.3, a new phase S6).
  const letterForms = new Set(
    codeAt < 0
      ? []
      : table.records.flatMap((r) => {
          const cell = ix.cell(r.row - 1, mapped[codeAt]!.c);
          const code = cell ? parseWbsCode(cell) : null;
          return code === null ? [] : [codeLetters(code)[0]];
        }),
  );
  const codePrefix = letterForms.size === 1 ? [...letterForms][0]! : '';
  // A client naming its top tasks by letters (A; A.1, B.2.1 under them) is numbered on the letter's place
  // (B.2 is 2.2), and every code it gets is written with the letter again (F after E, B.3 after B.2).
  const lettersOnTop =
    codeAt >= 0 &&
    table.records.some((r) => {
      const cell = ix.cell(r.row - 1, mapped[codeAt]!.c);
      const code = cell ? parseWbsCode(cell) : null;
      return code !== null && isLetterTop(code);
    });
  const hyphenCodes = codeAt >= 0 && table.records.some((r) => HYPHEN_CODE.test(codeText(r.row - 1).slice(codePrefix.length)));
  // A client whose digits are the levels (BL-100, BL-110, BL-111) is numbered on the spread codes (1.1.0, a
  // fixed width) and every code it gets is written in digits again (BL-113 after BL-112, BL-600 after BL-500).
  // Its width is the levels it has room for: a task nested deeper is written at the deepest (tooDeep).
  const digitWidth =
    codeAt < 0
      ? null
      : digitOutlineWidth(
      table.records.flatMap((r) => {
        const cell = ix.cell(r.row - 1, mapped[codeAt]!.c);
        const code = cell ? parseWbsCode(cell) : null;
        return code === null ? [] : [code];
      }),
    );
  const digitCodes = digitWidth !== null;
  // Codes the client ends with a dot (1., 1.1.): a code or link PMO Desk writes ends so too, and a
  // rewritten 先行 takes its cell's lag unit and separator, else the column's (3.1.FS+2日、2.2.: blind set 3, H14).
  const codeForms = codeAt < 0 ? [] : table.records.map((r) => codeText(r.row - 1));
  const dottedCodes = codeForms.filter((t) => /^\d+(\.\d+)*\.$/.test(t)).length > codeForms.filter((t) => /^\d+(\.\d+)*$/.test(t)).length;
  const predMapping = mapped.find((m) => m.field === 'predecessors');
  const linkNotation = learnLinkNotation(
    predMapping ? table.records.flatMap((r) => { const c = ix.cell(r.row - 1, predMapping.c); return c ? [textOf(c, model.date1904)] : []; }) : [],
    dottedCodes,
  );
  const clientCodes =
    codeAt < 0
      ? new Map<number, string>()
      : clientNumbering(levelNumbers ? withinDepth(stored, tasks, levelNumbers.depth) : digitWidth !== null ? withinDepth(stored, tasks, digitWidth) : stored, (o) => {
          if (levelNumbers) return o.at === null ? '' : (levelNumbers.codes.get(o.at) ?? '');
          const written = o.at === null ? '' : String(writers[codeAt]!.meaning(ix.cell(o.at, mapped[codeAt]!.c)) ?? '');
          const own = codePrefix !== '' && written.startsWith(codePrefix) ? written.slice(codePrefix.length) : written;
          if (lettersOnTop) return isLetterTop(own) ? letterTopNumbers(own) : '';
          if (digitCodes) return /^\d+$/.test(own) ? spreadDigits(own) : '';
          return hyphenCodes && HYPHEN_CODE.test(own) ? own.replaceAll('-', '.') : own;
        });
  // Each task's code in the client's numbering, by our code: the code column and 先行 name tasks alike
  // (a client's 1.2 kept after its 1.1 was deleted is named 1.2 in 先行 too, never our renumbered 1.1:
  // blind G18), hyphenated where the client numbers with hyphens.
  const clientCodeByCode = new Map<string, string>();
  if (codeAt >= 0)
    for (const o of stored) {
      const code = tasks.get(o.row.id)?.code;
      const client = clientCodes.get(o.row.id) ?? code;
      if (code && client)
        clientCodeByCode.set(code, lettersOnTop ? letterTopCode(client) : `${codePrefix}${hyphenCodes ? client.replaceAll('.', '-') : digitCodes ? (digitCode(client) ?? client) : client}`);
    }

  /** The 大/中 column a template row's name is in when its name column is blank (as the import reads it), else null. */
  const nameMapping = layout.columns.find((m) => m.field === 'name');
  const nameHome = (at: number): number | null => {
    if (!nameMapping || table.hierarchy !== 'columns' || categoryColumns.length === 0) return null;
    for (let k = 0; k < nameMapping.span; k++) if (ix.cell(at, nameMapping.c + k) && textOf(ix.cell(at, nameMapping.c + k)!, model.date1904).trim() !== '') return null;
    for (const m of [...categoryColumns].reverse()) {
      const cell = ix.cell(at, m.c);
      if (cell && textOf(cell, model.date1904).trim() !== '') return m.c;
    }
    return null;
  };
  /** How many columns right of its level a spread name's template rows write it (作業内容 over A:C from B). */
  const spreadShift = new Map<ColumnMapping, number>();
  for (const m of mapped) {
    if (m.field !== 'name' || spread(m).length < 2) continue;
    for (const r of table.records) {
      if (r.group) continue;
      const i = spread(m).findIndex((c) => ix.cell(r.row - 1, c) !== undefined);
      if (i >= 0) {
        spreadShift.set(m, i - (r.level ?? 0));
        break;
      }
    }
  }
  // A WBS whose tree is Excel's row grouping: the template's shallowest outline level is the top.
  const outlineBase = target === 'wbs' && table.hierarchy === 'outline' ? Math.min(...table.records.filter((r) => !r.group).map((r) => ix.row(r.row - 1)?.outline ?? 0)) : null;
  // The deepest level (0-based) the client's layout has a place for: its 大/中/小 columns, its name
  // spread over one column per level, Excel's 7 outline levels. A task deeper is written at the deepest
  // level and named (tooDeep): it reads back under its deepest ancestor there.
  const nameAt = layout.columns.find((m) => m.field === 'name');
  const deepest =
    target !== 'wbs' || !nameAt ? Infinity
    : byCategory ? categoryColumns.length
    : levelNumbers ? levelNumbers.depth - 1
    : digitWidth !== null ? digitWidth - 1
    : table.hierarchy === 'columns' && spread(nameAt).length > 1 ? spread(nameAt).length - 1 - (spreadShift.get(nameAt) ?? 0)
    : outlineBase !== null ? 7 - outlineBase
    // Phase rows over their tasks (phase-rows.ts): a phase and its tasks, two levels.
    : table.hierarchy === 'phases' ? 1
    // A flat list (no code, level, indent, outline or parent column): one level, every task at the top
    // (an indented task reads back beside its parent: named, review U2).
    : table.hierarchy === 'none' ? 0
    : Infinity;
  /**
   * The 大/中 column a task is named in when it has no template row at its level (new, or moved
   * level) and sits above the name column's level; null: its name goes in the name column.
   */
  const categoryHome = (o: Out): number | null => {
    if (!byCategory || groups.has(o.row.id) || o.level >= categoryColumns.length) return null;
    if (o.at !== null && levelAt.get(o.at) === o.level && !namedAsGroup.has(o.row.id)) return null;
    return categoryColumns[o.level]!.c;
  };
  // A label merged down over several records (a 分類 over its group): each record under it reads the
  // anchor's value. The merge stays while the records under it share one value (written by the first
  // of them); once they differ it is undone, and each record's cell is written as its own: a change
  // to one record must not reach the others through the merge.
  const recordRowSet = new Set(templateRecords.map((r) => r.row - 1));
  const storedAt = new Map(stored.filter((o) => o.at !== null).map((o) => [o.at!, o]));
  const unmerge: string[] = [];
  /** Group label merges made to cover fewer records (template refs), and group labels written anew (0-based template cell). */
  const remerge: { from: string; to: string }[] = [];
  const relabel: { row: number; col: number; j: number; value: unknown }[] = [];
  /** Group label rows (1-based) and the record rows they label (record-blocks.ts). */
  const groupLabels = new Map<number, number[]>();
  /** Group merges (kept or undone): written by the rule above, not named as hidden cells below. */
  const groupMerges = new Set<string>();
  /** Cells (hiddenKey) of a group merge that stays other than the one its first record writes. */
  const underMerge = new Set<number>();
  const hiddenKey = (r: number, c: number) => r * 16_384 + c;
  const regrouped = byCategory ? regroupedColumns(table.records, categoryColumns, sheet.merges, dataTop, nameHome) : new Set<number>();
  // A value merged down over several records in a column of its own (工種 over its tasks, a 分類 over its
  // risks), each such merge starting on a record: laid anew too, over the records that came from one
  // merge and still stand together with its value (labelRunsOut, below); moved with the rows instead, a
  // merge stretched over the tasks placed between its rows and hid their cells (blind set 9, R1).
  // (Counting the records the import read as such: rows it left out — a two-row record's second row read
  // as a record of its own by an older profile and skipped as a duplicate — are no records sharing a
  // label: issues-giga-tanmatsu, whose No. merged over each record's two rows was laid anew without them.)
  const ownRecordRows = new Set(templateRecords.filter((r) => r.kind !== 'client').map((r) => r.row - 1));
  const labelColumns = labelMergeColumns(sheet.merges, mapped.filter((m) => m.span === 1 && !m.rowOffset && !regrouped.has(m.c)), recordRowSet, ownRecordRows, dataTop);
  for (const g of sheet.merges) {
    if (g.r2 <= g.r1 || g.r1 < dataTop) continue;
    // A 大/中 label merged down over its group's rows is laid anew where the group's rows now are (below).
    if (g.c1 === g.c2 && (regrouped.has(g.c1) || labelColumns.has(g.c1))) {
      groupMerges.add(`${cellRef(g.r1, g.c1)}:${cellRef(g.r2, g.c2)}`);
      continue;
    }
    const m = mapped.find((x) => g.c1 === x.c && g.c2 <= x.c + x.span - 1);
    if (!m) continue;
    const rows = Array.from({ length: g.r2 - g.r1 + 1 }, (_, k) => g.r1 + k).filter((r) => recordRowSet.has(r));
    // A label on a row of its own merged down over its records (a 分類 heading its group; the import
    // leaves the row out): the records under it read its value. It goes on labelling the leading
    // records that share the first one's value (the label takes that value when it changed), and
    // the merge shrinks to them; records after them, now of another value, get their own cells.
    if (target !== 'wbs' && !recordRowSet.has(g.r1) && rows.length > 0) {
      groupMerges.add(`${cellRef(g.r1, g.c1)}:${cellRef(g.r2, g.c2)}`);
      groupLabels.set(g.r1 + 1, rows.map((r) => r + 1));
      const kept = rows.flatMap((r) => (storedAt.has(r) ? [storedAt.get(r)!] : []));
      if (kept.length === 0) continue;
      const value = storedValue(kept[0]!, m);
      let n = 0;
      while (n < kept.length && sameValue(storedValue(kept[n]!, m), value)) n++;
      for (const o of kept.slice(0, n)) underMerge.add(hiddenKey(o.at!, g.c1));
      if (!sameValue(writers[mapped.indexOf(m)]!.meaning(ix.cell(g.r1, g.c1)), value)) relabel.push({ row: g.r1, col: g.c1, j: mapped.indexOf(m), value });
      if (kept[n - 1]!.at! < g.r2) remerge.push({ from: `${cellRef(g.r1, g.c1)}:${cellRef(g.r2, g.c2)}`, to: `${cellRef(g.r1, g.c1)}:${cellRef(kept[n - 1]!.at!, g.c2)}` });
      continue;
    }
    // (A merge over one record and rows the import left out is that record's block: it moves with its rows.)
    if (rows.filter((r) => ownRecordRows.has(r)).length < 2) continue;
    groupMerges.add(`${cellRef(g.r1, g.c1)}:${cellRef(g.r2, g.c2)}`);
    const kept = rows.flatMap((r) => (storedAt.has(r) ? [storedAt.get(r)!] : []));
    const values = kept.map((o) => storedValue(o, m));
    if (values.every((v) => sameValue(v, values[0]))) {
      // The first record still under it writes the value: the anchor's, or, its record gone, the
      // merge's new top once the rows above it are removed.
      const top = kept[0]?.at;
      for (let r = g.r1; r <= g.r2; r++) if (r !== top) underMerge.add(hiddenKey(r, g.c1));
      // Rows after its last record leave it (a removed record's row cleared back to a prepared one, a
      // spacer): a record added after the group must not read the group's value through it.
      const end = kept.length > 0 ? kept[kept.length - 1]!.at! : null;
      if (end !== null && end === g.r1 && g.c1 === g.c2) unmerge.push(`${cellRef(g.r1, g.c1)}:${cellRef(g.r2, g.c2)}`);
      else if (end !== null && end < g.r2) remerge.push({ from: `${cellRef(g.r1, g.c1)}:${cellRef(g.r2, g.c2)}`, to: `${cellRef(g.r1, g.c1)}:${cellRef(end, g.c2)}` });
      continue;
    }
    unmerge.push(`${cellRef(g.r1, g.c1)}:${cellRef(g.r2, g.c2)}`);
  }
  // In place, a cell left `undefined` keeps what the row has; written out in tree order, a row lands on
  // another row, so every cell is written (the row's own raw cell where the client's content stays).
  const phaseText = new Map((table.phaseCells ?? []).map((p) => [p.r, p.c]));
  /** Values with no cell to show in (hidden under a merge, or a phase row's), named in the answer. */
  const underMergeCells: NoClientWord[] = [];
  const cellsOf = (o: Out, inPlace: boolean, outRow?: number): (CellOut | undefined)[] =>
    mapped.flatMap((m, j): (CellOut | undefined)[] => {
      const field = m.field;
      const cols = spread(m);
      const at = o.at;
      // Where the value sits: for a spread name, the column the template row uses, or its level's
      // (one column further right per level, as the template's rows are) when the task moved level.
      const was = at === null ? undefined : levelAt.get(at);
      const relevel = cols.length > 1 && field === 'name' && at !== null && was !== undefined && was !== o.level;
      const clamp = (i: number) => Math.max(0, Math.min(cols.length - 1, i));
      const k =
        cols.length === 1 ? 0
        : at !== null && !relevel ? Math.max(0, cols.findIndex((c) => ix.cell(at, c) !== undefined))
        : at !== null ? clamp(Math.max(0, cols.findIndex((c) => ix.cell(at, c) !== undefined)) + o.level - was!)
        : clamp(o.level + (spreadShift.get(m) ?? 0));
      const put = (cell: CellOut | undefined) => cols.map((_, i) => (i === k ? cell : at === null || !inPlace || relevel ? { value: null } : undefined));
      // A phase row spanning the table (phase-rows.ts) stays the client's one row over its tasks: its text
      // in its own cell (written anew where the phase was renamed), nothing else written on it.
      const phaseAt = at === null ? undefined : phaseText.get(at);
      if (phaseAt !== undefined) {
        const name = String(o.row.name ?? '');
        // A phase left with no task is a top-level task: its own values have no cell on its row (named).
        const v = field === 'name' || (field === null && !m.extraKey && !m.period) || (o.summary && ROLLED_UP.has(field!)) ? null : storedValue(o, m);
        if (!emptyValue(v)) underMergeCells.push({ row: o.row.id, column: m.c, field: field ?? `extra:${m.extraKey}`, value: String(v) });
        return cols.map((c): CellOut | undefined => {
          const cell = ix.cell(at!, c);
          if (c !== phaseAt) return inPlace ? undefined : { value: rawValue(cell) };
          return inPlace && cell && textOf(cell, model.date1904).trim() === name ? undefined : { value: textValue(name) };
        });
      }
      if (at !== null && inPlace && underMerge.has(hiddenKey(at + offsetOf(m), cols[k]!))) return put(undefined);
      // (A record under a merge laid anew other than its first: its cell is hidden, and cleared.)
      if (labelColumns.has(cols[k]!) && hiddenLabels.has(`${o.row.id}:${cols[k]!}`)) return put({ value: null });
      const tcell = at === null ? undefined : ix.cell(at + offsetOf(m), cols[k]!);
      const names = persons.get(m);
      if (names) {
        // A mark under each person the task is assigned to; cells other than marks (hours) are the client's.
        const want = new Set(String(storedValue(o, m) ?? '').split(/[、,，;；\n]+/).map((x) => x.trim()).filter((x) => x !== ''));
        for (const name of want) if (!names.includes(name)) noClientWord.push({ row: o.row.id, column: m.c, field: field!, value: name });
        return names.map((name, i): CellOut | undefined => {
          const on = name !== '' && want.has(name);
          const cell = at === null ? undefined : ix.cell(at, m.c + i);
          const reading = readings.get(m)!;
          const off = reading.no === null ? null : textValue(reading.no);
          if (at !== null && inPlace) return on === reading.on(cell) ? undefined : { value: on ? textValue(markOf.get(m)!) : off };
          return { value: on ? textValue(markOf.get(m)!) : off };
        });
      }
      if (levelNumbers && field === 'wbsCode') {
        // The task's code in the client's numbering, one number per column (the parents' too where the
        // client repeats them); a cell that already shows its number stays the client's.
        const code = clientCodeByCode.get(tasks.get(o.row.id)?.code ?? '') ?? clientCodes.get(o.row.id) ?? '';
        const parts = code === '' ? [] : code.split('.').map(Number);
        return cols.map((c, k): CellOut | undefined => {
          const want = k < parts.length && (levelNumbers.repeat || k === parts.length - 1) ? parts[k]! : null;
          const cell = at === null ? undefined : ix.cell(at, c);
          if (at !== null && inPlace && levelNumber(cell) === want && (want !== null || cell === undefined || String(cell.v ?? '').trim() === '')) return undefined;
          return { value: want === null ? null : numberLike(cell, want) };
        });
      }
      const steps = ratingSteps.get(m);
      if (steps) {
        // The mark moves to the step of the stored rating; a rating no step stands for (4 among 大/中/小)
        // is named, its row's marks left as they are.
        const value = storedValue(o, m);
        const on = value === null || value === undefined ? -1 : steps.findIndex((w) => sameValue(writers[j]!.meaning({ c: m.c, t: 's', v: w }), value));
        const kept = at !== null && inPlace;
        if (on < 0 && value !== null && value !== undefined) {
          noClientWord.push({ row: o.row.id, column: m.c, field: field!, value: String(value) });
          return steps.map((_, i) => (kept ? undefined : { value: rawValue(at === null ? undefined : ix.cell(at, m.c + i)) }));
        }
        return steps.map((_, i): CellOut | undefined => {
          const cell = at === null ? undefined : ix.cell(at, m.c + i);
          if (i === on) return kept && isMark(cell) ? undefined : { value: textValue(markOf.get(m)!) };
          if (!isMark(cell)) return kept ? undefined : { value: rawValue(cell) };
          return { value: null };
        });
      }
      // 大/中/小分類: each group's name where the client writes it (on its first row, or on every row);
      // a client row whose label still reads the same keeps its cell.
      const depth = field ? /^level(\d)$/.exec(field)?.[1] : undefined;
      // A row that names itself in a 大/中 column (its name column blank) keeps its name there.
      const home = at !== null && inPlace ? nameHome(at) : null;
      if (home !== null && field === 'name' && levelAt.get(at!) === o.level) return put(undefined);
      // (Moved to another level, the column shows what a row of its new level shows there, below: its
      // own name, its group's label, or nothing.)
      if (home !== null && depth !== undefined && home === m.c && levelAt.get(at!) === o.level) {
        const name = String(o.row.name ?? '');
        return put(tcell && textOf(tcell, model.date1904).trim() === name ? undefined : { value: textValue(name) });
      }
      // A new task, or one that moved level, above the name column's level: named in its level's
      // 大/中 column (its name column blank), as the import reads such a row.
      const catHome = categoryHome(o);
      if (catHome !== null) {
        if (field === 'name') return put({ value: null });
        if (depth !== undefined && m.c === catHome) return put({ value: textValue(String(o.row.name ?? '')) });
        if (depth !== undefined && Number(depth) - 1 > o.level) return put({ value: null });
      }
      if (depth !== undefined) {
        if (!byCategory) {
          if (at === null) return put({ value: textValue(ancestorName(o, Number(depth) - 1)) });
          return put(inPlace ? undefined : { value: rawValue(tcell) });
        }
        const label = labels.get(o.row.id)?.[Number(depth) - 1] ?? '';
        const now = tcell ? textOf(tcell, model.date1904).trim() : '';
        if (at !== null && inPlace && now === label) return put(undefined);
        return put({ value: textValue(label) });
      }
      // A parent column the tree was not read from (the file's own outline won: review T6) is the client's:
      // a row keeps its cell, a new row leaves it empty.
      if (field === 'parent' && parentKeys === null) return put(at === null ? { value: null } : inPlace ? undefined : { value: rawValue(tcell) });
      // A row whose parent cell is empty while a second parent column names its parent (a Jira story's
      // Epic Link beside Parent) keeps it empty: the import reads the same parent from there.
      if (field === 'parent' && at !== null && rowKey(tcell) === null && otherParents.some((c) => rowKey(ix.cell(at, c.c)) === parentIdOf(o)))
        return put(inPlace ? undefined : { value: rawValue(tcell) });
      // A task now at the top has no parent in the second parent column either (a story outdented off its
      // epic: its Epic Link would put it back under the epic on the next import).
      if (field === null && at !== null && otherParents.some((c) => c.c === m.c) && !tasks.get(o.row.parentId as number) && rowKey(tcell) !== null) return put({ value: null });
      // A WBS code in the client's numbering (their prefix, their numbers where they still fit).
      const value =
        field === 'parent' ? parentIdOf(o)
        : field === 'wbsCode' ? clientCodeByCode.get(tasks.get(o.row.id)?.code ?? '') ?? clientCodes.get(o.row.id) ?? storedValue(o, m)
        : field === 'name' && labelRow(o) ? ''
        : field === 'predecessors' && idByCode.size > 0 ? linksInClientIds(String(storedValue(o, m) ?? ''), idByCode, { ...linkNotation, dot: false })
        : field === 'predecessors' && codeAt >= 0 ? linksInClientIds(String(storedValue(o, m) ?? ''), clientCodeByCode, tcell ? learnLinkNotation([textOf(tcell, model.date1904)], dottedCodes, linkNotation) : linkNotation)
        : storedValue(o, m);
      // A name whose task moved to another level is written again with its new indent.
      const reindent = field === 'name' && indent.kind !== 'none' && at !== null && levelAt.get(at) !== o.level;
      if (at !== null && !reindent) {
        const meaning = writers[j]!.meaning(withContinued(at, cols[k]!, tcell));
        // A computed figure (an age in days, a score) is not written over a client cell that holds
        // something else: notes of progress under 経過 are the client's, whatever the column's word.
        if (meaning === undefined && tcell && field !== null && fieldSpec(target, field)?.kind === 'derived') return put({ value: rawValue(tcell) });
        if (target === 'risk' && field === 'score' && tcell && clientsOwnScore(at, meaning)) return put({ value: rawValue(tcell) });
        // A summary's rolled-up figure (status, dates, effort, progress) is PMO Desk's to derive: the
        // client's own figure there (a total it typed, a status it left blank) stays until the roll-up
        // moves away from what the import made of it.
        // (Not where the file shows it as a task: at the deepest level, its subtasks read back beside it.)
        const partner = SPAN_PARTNER[field ?? ''];
        const partnerUnmoved = partner === undefined || !mapped.some((x) => x.field === partner) || unmovedRollUp(o, partner);
        if (o.summary && o.level < deepest && inPlace && ROLLED_UP.has(field ?? '') && unmovedRollUp(o, field!) && partnerUnmoved) return put(undefined);
        // (So is a summary's start～finish cell while neither rolled-up date moved.)
        if (m.period && o.summary && o.level < deepest && inPlace && unmovedRollUp(o, 'plannedStart') && unmovedRollUp(o, 'plannedFinish')) return put(undefined);
        // The same links in the client's IDs as its cell names ("3FS+2d" for our 3FS+2): the client's own words.
        if (field === 'predecessors' && (idColumn || codeAt >= 0 || linkReading?.by === 'row') && sameLinks(tcell ? textOf(tcell, model.date1904) : '', String(value))) return put({ value: rawValue(tcell) });
        // Same meaning, or an empty cell that the import read as the field's default: the client's cell.
        // A date the client wrote without a year (7/18, 7月末, w/c 14 Jul) took its year from the row at
        // import; here it reads in today's: the same month and day is the same date.
        if (sameValue(meaning, value) || (meaning === null && field !== null && sameValue(defaults[field], value)) || yearlessSameDay(tcell, meaning, value, /Start$/.test(field ?? '')) || !!writers[j]!.same?.(tcell, value) || keptUnreadCell(o, m, tcell, meaning, value, defaults)) {
          // A record's name shown by the client's formula of its row (="task"&ROW()) would show another
          // name once the record moved: the name is typed over it there, unless the formula still
          // shows it at its new row (the writer compares the result it keeps or computes there).
          if (field === KEY_FIELD[target] && tcell?.f && outRow !== undefined && outRow !== at + 1) return put({ value: rawValue(tcell), overFormula: true });
          return put({ value: rawValue(tcell) });
        }
      }
      // A name is indented the template's way: the cell's indent, or leading spaces.
      const spaced =
        field === 'name' && indent.kind === 'spaces' ? indent.unit.repeat(o.level) + String(value ?? '')
        : field === 'wbsCode' && dottedCodes && typeof value === 'string' && /^\d+(\.\d+)*$/.test(value) ? `${value}.`
        : value;
      const written = writers[j]!.write(spaced, tcell);
      if (written === NO_WORD) {
        (fieldSpec(target, field!)?.kind === 'date' ? noDateForm : noClientWord).push({ row: o.row.id, column: cols[k]!, field: field!, value: String(value) });
        return put(at !== null && inPlace ? undefined : { value: null });
      }
      // A record's name is the user's: typed over the client's formula there (="task"&ROW(), a lookup),
      // as a person names a new or renamed row in Excel. Other formulas stay the client's.
      const out: CellOut = { value: written, ...(field === KEY_FIELD[target] ? { overFormula: true } : {}) };
      // A new row is a copy of a neighbour's block, perhaps of another level (none of its own is
      // left): its indent is its level's, 0 included.
      if (field === 'name' && indent.kind === 'cell' && (o.level > 0 || reindent || at === null)) out.indent = o.level * indent.step;
      // Text the client wrapped into the next rows is now written whole here: its continuation goes.
      if (at !== null && continuedRows.has(at) && !ownRows.has(cols[k]!)) rewrapped.push({ at, col: cols[k]! });
      return put(out);
    });
  /** Wrapped text cells written anew (template row, column): their continuation cells are cleared. */
  const rewrapped: { at: number; col: number }[] = [];

  if (stored.length > 0 && sheetColumns.length === 0)
    throw textError('VALIDATION', 'export.noColumns', { file: profile.fileName, sheet: layout.sheet }, `excel.export: ${profile.fileName} (${layout.sheet}): the profile maps no column the export can write`, { field: 'profileId' });

  // The table as record blocks: kept, moved, removed, copied; values written where they now are.
  // A blank template's rows to fill start under the instructions and example rows the import left out
  // (a ※ note merged across the table under the header, a 記入例 row filled in to show how): never on
  // them (a record written there is hidden by the merge, or takes the example's place), never above them.
  const instructionsEnd = Math.max(0, ...table.leftOut.filter((l) => l.reason === 'instructions' || l.reason === 'example' || l.reason === 'filter row').map((l) => l.row));
  const first = table.data.first ?? Math.max(layout.headerBottom + 2, instructionsEnd + 1);
  const tableEnd = Math.max(table.data.last ?? first - 1, ...templateRecords.map((r) => r.row));
  const lastRecord = templateRecords.length > 0 ? Math.max(...templateRecords.map((r) => r.row)) : null;
  const { rows: shapes } = await inspectTemplateInWorker(template, { rows: { sheet: layout.sheet, from: lastRecord ?? tableEnd + 1, to: tableEnd + 2_000, columns: sheetColumns } }, { fileName: profile.fileName }).catch(
    (err: unknown) => {
      throw templateConflict(err);
    },
  );
  // Prepared blocks repeat the last record's block as the layout draws it (two rows where each record
  // spends two: the number merged down over both), from the row after it.
  const lastShape = lastBlockShape(templateRecords, sheet.merges);
  const recordShapes = lastShape.map((r) => shapes.find((s) => s.row === r) ?? null);
  const preparedFrom = Math.max(tableEnd, lastShape.at(-1) ?? tableEnd);
  // A row merged as the header's column groups (A:C, D:R … under No., Risk …) is drawn as a record's row
  // even with no border or fill: a blank template's row to fill.
  const headerGroups = layout.columns.filter((m) => m.span > 1);
  const rowMerges = new Set(sheet.merges.filter((g) => g.r1 === g.r2).map((g) => `${g.r1}:${g.c1}:${g.c2}`));
  const groupedLikeHeader = (row: number) => headerGroups.length >= 2 && headerGroups.every((m) => rowMerges.has(`${row - 1}:${m.c}:${m.c + m.span - 1}`));
  // A row holding nothing but the table's next number in its ID or numbering column (CR003 under CR002,
  // 3 under 2) is a prepared row however plainly it is formatted: a record added fills it and takes its
  // number, and the prepared rows below keep theirs (blind set 3, H15: they shifted down, CR003 twice).
  // (Or a column no field takes that the client keeps, numbering the records 1, 2, 3 beside their own IDs —
  // Line over 1..7 beside D-1043: blind set 20, E2, where its prepared rows 8..15 were pushed down.)
  const countsRecords = (m: (typeof table.columns)[number]) => m.field === null && m.span === 1 && numbersRows(ix, templateRecords.map((r) => r.row - 1), m.c, 2, true);
  const keptCounts = new Set(table.columns.filter(countsRecords).map((m) => m.c));
  const numberColumns = new Set([...table.columns.filter((m) => m.field === 'ref' || (m.field === null && m.numbering)).map((m) => m.c), ...keptCounts]);
  // (The number before it stands on the previous block's first row: `period` rows up.) The client's
  // formulas carried on the row (=E15*F15, a RAG lookup, their cached 0 or "") are the form's, not a
  // value: a prepared row numbered R-009 with them is as prepared as one without (blind set 14, E1).
  const constants = (row: number) => (ix.row(row - 1)?.cells ?? []).filter((c) => !c.f && c.v !== null && c.v !== undefined && String(c.v).trim() !== '');
  const numberOnly = (row: number, period: number) => {
    const cells = constants(row);
    return cells.length === 1 && numberColumns.has(cells[0]!.c) && followsOn(ix.cell(row - 1 - period, cells[0]!.c), cells[0]!);
  };
  // So is a row holding no value at all but the client's formulas, in columns where the block above
  // holds them (=E15*F15 and a RAG lookup under each record's): the form drawn ahead for the records to
  // come. (A total row has its label, 合計, beside its sums.)
  // (The file's own formulas too, where the model keeps no cell: a formula whose cached result is "", as
  // =IF(L15="","",L15-F15) has on every row still to fill — blind set 19, E1: those rows were not seen as
  // prepared, and a new record was inserted above them, moving them and the notes down one.)
  const shapeAt = new Map(shapes.map((s) => [s.row, s]));
  const formulaColumns = (row: number) => [...new Set([...(ix.row(row - 1)?.cells ?? []).filter((c) => c.f).map((c) => c.c), ...(shapeAt.get(row)?.formulaColumns ?? [])])];
  const formulasOnly = (row: number, period: number) =>
    formulaColumns(row).length > 0 && formulaColumns(row).every((c) => formulaColumns(row - period).includes(c)) && constants(row).length === 0;
  const prepared = preparedRows(shapes.filter((s) => s.row > preparedFrom), preparedFrom, sheetColumns.length, recordShapes, groupedLikeHeader, (row, period) => numberOnly(row, period) || formulasOnly(row, period));
  const blocks = planBlocks({
    first,
    last: table.data.last,
    records: templateRecords,
    merges: sheet.merges,
    prepared,
    ...(table.positionalRefs ? { numbered: new Set(templateRecords.filter((r) => mapped.some((m) => m.field === 'ref' && ix.cell(r.row - 1, m.c)?.f)).map((r) => r.row)) } : {}),
    ...(groupLabels.size > 0 ? { groupLabels } : {}),
    blank: blankRows(ix, first, tableEnd, layout.columns),
    printed: prepared.length > 0 && [...templateRecords.map((r) => r.row), ...prepared].every((r) => [...keptCounts].some((c) => shownNumber(ix.cell(r - 1, c)) !== null)),
    tree: target === 'wbs' && !parentTreeInSheetOrder(stored, table.hierarchy),
    // (A record's own values on its block's second row, its 実績 dates: a block of one row cannot show
    // them. A summary's rolled-up dates are its tasks', read back from them.)
    stored: stored.map((o) => ({ id: o.row.id, level: o.level, rows: 1 + Math.max(0, ...mapped.filter((m) => offsetOf(m) > 0 && !(o.summary && ROLLED_UP.has(m.field ?? '')) && !emptyValue(storedValue(o, m))).map(offsetOf)) })),
  });
  // The sheet row a stored record's block begins on (1-based), for naming it.
  const rowOfStored = (k: number): number | null => {
    const i = blocks.fill.findIndex((f) => typeof f === 'object' && f.stored === k);
    return i >= 0 ? (blocks.order[i]?.row ?? blocks.firstRow + i) : null;
  };
  // A record with no key and nothing in any column the layout writes (a row added and never filled in)
  // would be a blank row: the import reads it as no record (two of them end the table), so the export
  // would say it succeeded while the record vanished (blind-set family: a task with no name outdented to
  // the top). Refused, naming its row. (Numbers the export makes up, a code, a level, an ID, are no content.)
  const keyOf = KEY_FIELD[target];
  const content = mapped.filter((m) => m.field !== keyOf && !['wbsCode', 'level', 'ref'].includes(m.field ?? '') && (m.field !== null || !!m.extraKey || !!m.period));
  stored.forEach((o, k) => {
    if (String(o.row[keyOf] ?? '').trim() !== '') return;
    if (content.some((m) => !emptyValue(storedValue(o, m)))) return;
    const row = rowOfStored(k);
    throw textError(
      'VALIDATION',
      'export.emptyRecord',
      { file: profile.fileName, sheet: layout.sheet, row: String(row ?? '') },
      `excel.export: ${profile.fileName} (${layout.sheet}): the record of row ${row ?? '?'} has no ${keyOf} and no value in any column the layout writes: it would be a blank row, read back as no record`,
      { field: 'profileId' },
    );
  });
  // 大/中分類 columns read as the import reads them (a label opens its group and closes the deeper ones;
  // a blank label goes on with the group above): a task whose tree these columns cannot show (a task
  // directly under a 大分類 after one of its 中分類 groups) would come back under another parent. The
  // export is refused, naming the task and its row, rather than written so (blind set 6, L12).
  if (byCategory) {
    const open: number[] = [];
    const chainOf = (o: Out) => {
      const chain: number[] = [];
      for (let t = tasks.get(o.row.parentId as number), id = o.row.parentId as number; t; id = t.parentId as number, t = tasks.get(id)) chain.unshift(id);
      return chain;
    };
    stored.forEach((o, k) => {
      if (o.level > deepest) return;
      const chain = chainOf(o);
      const label = labels.get(o.row.id) ?? [];
      label.forEach((l, d) => {
        if (l !== '') open.splice(d, open.length - d, chain[d] ?? o.row.id);
      });
      // (A label row shows its task by its name alone: a task with no name there has no label, and its
      // row reads as a task of the group above, or as nothing at all.)
      const labelled = groups.has(o.row.id) || categoryHome(o) !== null || (o.at !== null && nameHome(o.at) !== null && levelAt.get(o.at) === o.level);
      const nameless = String(o.row.name ?? '').trim() === '';
      if (labelled && !nameless) {
        open.splice(o.level, open.length - o.level, o.row.id);
        return;
      }
      const read = open.at(-1) ?? null;
      const want = (o.row.parentId as number | null) ?? null;
      if (read === want && !(labelled && nameless)) return;
      const row = rowOfStored(k);
      const parentName = (id: number | null) => (id === null ? '' : String(tasks.get(id)?.name ?? ''));
      if (labelled && nameless) {
        const column = categoryColumns[Math.min(o.level, categoryColumns.length - 1)]!;
        throw textError(
          'VALIDATION',
          'export.unnamedLabel',
          { file: profile.fileName, sheet: layout.sheet, row: String(row ?? ''), column: column.label, read: parentName(read) },
          `excel.export: ${profile.fileName} (${layout.sheet}): the task of row ${row ?? '?'} has no name, and this layout shows a task at its level by its name in the ${column.label} column alone: it would read back ${read === null ? 'as no task' : `under ${parentName(read)}`}`,
          { field: 'profileId' },
        );
      }
      throw textError(
        'VALIDATION',
        'export.treeNotShown',
        { file: profile.fileName, sheet: layout.sheet, name: String(o.row.name ?? ''), row: String(row ?? ''), parent: parentName(want), read: parentName(read) },
        `excel.export: ${profile.fileName} (${layout.sheet}): task ${String(o.row.name ?? '')} (row ${row ?? '?'}) would read back under ${parentName(read) || 'the top'}, not ${parentName(want) || 'the top'}: the 大/中分類 columns cannot show this tree`,
        { field: 'profileId' },
      );
    });
  }
  const categoryKey = (d: number) => (o: Out) => {
    const chain: number[] = [];
    for (let t = tasks.get(o.row.parentId as number), id = o.row.parentId as number; t; id = t.parentId as number, t = tasks.get(id)) chain.unshift(id);
    if (groups.has(o.row.id)) chain.push(o.row.id);
    if (chain[d] !== undefined) return `${chain[d]}`;
    const col = categoryColumns[d]!.c;
    return categoryHome(o) === col || (o.at !== null && nameHome(o.at) === col && levelAt.get(o.at) === o.level) ? `${o.row.id}` : '';
  };
  // A record of a merged value's run goes on in it while it was under the same template merge and keeps
  // its value; a new record (or one laid out anew) has a cell of its own.
  const labelKey = (m: ColumnMapping, merges: Merge[]) => (o: Out, fresh: boolean) => {
    const g = fresh || o.at === null ? -1 : merges.findIndex((x) => o.at! >= x.r1 && o.at! <= x.r2);
    return g < 0 ? '' : `${g}:${JSON.stringify(storedValue(o, m) ?? null)}`;
  };
  const managed = [
    ...categoryColumns.flatMap((m, d) => (regrouped.has(m.c) ? [{ c: m.c, key: categoryKey(d) }] : [])),
    ...[...labelColumns].map(([c, { m, merges }]) => ({ c, key: labelKey(m, merges) })),
  ];
  const regroup = managed.length > 0 ? groupMergesOut(blocks, stored, managed) : null;
  /** Records under a label merge laid anew other than its first ('id:column'): their cells are cleared. */
  const hiddenLabels = new Set(regroup?.hidden.filter((h) => labelColumns.has(h.c)).map((h) => `${h.id}:${h.c}`) ?? []);
  // A week or day is on a bar where the task works on it by the project's own calendar (its holidays, days off, working weekdays).
  const calendar = target === 'wbs' ? workCalendarOf(calendarSettings(db, input.projectId)) : undefined;
  const bars = bandOptions.length > 0 ? await ganttBars(template, profile.fileName, layout.sheet, ix, bandOptions, bandRecords, actualRecords, model.date1904, calendar) : null;
  /**
   * The client leaves its phase rows without a bar (no row of a task that was a summary when imported is
   * painted): a summary's span is PMO Desk's roll-up, which the client's gantt does not show, so its row
   * stays unpainted however the span moves (blind set 11 C7: a no-edit export painted 102 cells of phase rows).
   */
  let bareSummaries: boolean | undefined;
  const summariesBare = (): boolean =>
    (bareSummaries ??= (() => {
      const rows = stored.flatMap((o) => (o.summary && o.at !== null && (rolledAtImport === null || rolledAtImport.has(o.row.id)) ? [o.at] : []));
      return rows.length > 0 && rows.every((r) => painted(bars!.band, r, ix, bars!.styleAt, bars!.fillOf).length === 0);
    })());
  const barsOf = (o: Out | null, fresh: boolean): (CellOut | undefined)[] => {
    if (!bars) return [];
    const { band } = bars;
    if (o === null) return barCells(band, null, null);
    const kept = new Array<undefined>(band.columns.length).fill(undefined);
    // A summary of such a client: a row with no bar is kept, one that has a bar (a task that became a summary) is cleared.
    if (o.summary && summariesBare()) return !fresh && o.at !== null && painted(band, o.at, ix, bars.styleAt, bars.fillOf).length === 0 ? kept : barCells(band, null, null);
    const start = serialOf(o.row.plannedStart, model.date1904);
    const finish = serialOf(o.row.plannedFinish, model.date1904);
    const was = o.at === null ? undefined : bars.records.get(o.at);
    // A bar is painted again only where its dates moved (or on a new row), and never on a row the
    // client painted by another rule of its own: elsewhere the client's own cells stay.
    const shown = was?.stored ?? was;
    // A row painted its own way keeps the client's drawing moved with its task where the task moved by
    // whole columns, its length kept; given another length it is drawn again in the row's own style
    // (gantt-own-rows.ts), unless the drawing never showed its dates and still lies inside them. Where
    // its dates left the band there is no day to draw it on, so it goes.
    const gone = start !== null && finish !== null && (finish < bars.first || start > bars.last);
    if (!fresh && was && shown!.start === start && shown!.finish === finish) return kept;
    if (!fresh && was && !band.followers.has(was.row) && !gone) {
      const moved = shiftedCells(band, was, start, finish, ix, bars.styleAt);
      if (moved) return moved;
      if (keepsDrawing(band, was, shown!, start, finish, ix, bars.styleAt, bars.fillOf)) return kept;
    }
    // Dates the band's days do not reach (or reach in part): the bar is cleared (or cut at the band's edge), and the export says so.
    if (start !== null && finish !== null && start <= finish && (start < bars.first || finish > bars.last)) offBand.set(o.row.id, finish < bars.first || start > bars.last ? 'none' : 'part');
    return ownBarCells(band, bars.own, was, start, finish, ix, bars.styleAt);
  };
  const offBand = new Map<number, 'none' | 'part'>();
  /** The actual row's bar of a record (new, or its actual dates moved), as the template paints actual bars; undefined cells stay. */
  const actualBarsOf = (o: Out, fresh: boolean): (CellOut | undefined)[] => {
    const actual = bars?.actual;
    if (!actual) return [];
    const start = serialOf(o.row.actualStart, model.date1904);
    const finish = serialOf(o.row.actualFinish, model.date1904);
    const was = o.at === null ? undefined : actual.records.get(o.at + actualOffset);
    // A row with no actual dates had no bar to follow the band's rule: its first bar is drawn as the band draws them.
    const undated = was !== undefined && was.start === null && was.finish === null;
    if (!fresh && was && ((was.start === start && was.finish === finish) || (!actual.band.followers.has(was.row) && !undated))) return [];
    return barCells(actual.band, start, finish, was ? rowBarStyle(actual.band, was, bars.styleAt) : undefined, was ? rowBarMark(actual.band, was, ix) : undefined);
  };
  // Columns of the table the export does not map that hold a value on a removed record's row of a
  // prepared form (a check mark, a note): written only to clear that row. The column the
  // prepared rows number themselves in keeps its numbers.
  const idColumns = new Set(mapped.filter((m) => m.field === 'ref').map((m) => m.c));
  const preparedColumns = new Set<number>();
  for (const r of blocks.prepared) for (const c of ix.row(r - 1)?.cells ?? []) if (!c.f) preparedColumns.add(c.c);
  const tableLo = Math.min(...layout.columns.map((m) => m.c));
  const tableHi = Math.max(...layout.columns.map((m) => m.c + m.span - 1));
  const clearColumns = [
    ...new Set(
      blocks.order.flatMap((o, i) =>
        blocks.fill[i] === 'clear' ? (ix.row(o.row - 1)?.cells ?? []).filter((c) => !c.f && c.c >= tableLo && c.c <= tableHi).map((c) => c.c) : [],
      ),
    ),
  ].filter((c) => !sheetColumns.includes(c) && !preparedColumns.has(c) && !idColumns.has(c) && !(bars?.band.columns.some((b) => b.c === c) ?? false));
  // A record's name shown by the client's formula (="task"&ROW()) would still show one on a cleared
  // row, which then reads as a record: where the prepared rows hold no formula there, the cleared
  // row goes back to their state and the formula goes with the record.
  // (The ID column's formula too, ="CR"&TEXT(ROW()-5,"000"), where the prepared rows print no number.)
  const keyColumns = new Set([...mapped.filter((m) => m.field === KEY_FIELD[target]).flatMap(spread), ...idColumns]);
  const keyFormulaGoes = (c: number) => keyColumns.has(c) && blocks.prepared.length > 0 && !blocks.prepared.some((r) => ix.cell(r - 1, c)?.f);
  // The form's own numbering (ColumnMapping.numbering, numbering.ts): a column the import found numbering
  // the records (項目番号 小, 順位), or one whose prepared rows print a running number (a column no field
  // writes, or the ID column of a form numbered by the row). PMO Desk's IDs go only into an ID column of
  // the template's own. (A No. column left of the header's fields is the table's too: the band's columns.)
  const [bandLo, bandHi] = tableBand({ sheet, columns: [...layout.columns, ...sheetColumns.map((c) => ({ c, span: 1 }))], top: layout.headerTop, first: first - 1, last: (blocks.lastRow ?? tableEnd) - 1 }) ?? [tableLo, tableHi];
  const numbering = blocks.lastRow === null ? [] : [
    ...new Set([
      ...table.columns.filter((m) => m.numbering && m.field === null).map((m) => m.c),
      ...Array.from({ length: bandHi - bandLo + 1 }, (_, k) => bandLo + k).filter(
        (c) => (!sheetColumns.includes(c) || (table.positionalRefs && idColumns.has(c))) && numbersRows(ix, blocks.prepared.map((r) => r - 1), c, 2),
      ),
    ]),
  ];
  /**
   * The numbers a numbering column gets, by output block (the numbering pass below): each record's first
   * row takes the next one, and so does a blank block where the prepared rows print one; they start where
   * the template's do. Null where the column shows no typed number to start from.
   */
  const numbersDown = (c: number): { like: Cell | undefined; numbers: Map<number, number> } | null => {
    const onBlank = blocks.prepared.some((r) => shownNumber(ix.cell(r - 1, c)) !== null);
    const counted = [...new Set([...templateRecords.map((r) => r.row), ...(onBlank ? blocks.prepared : [])])].sort((a, b) => a - b);
    const at = counted.findIndex((r) => shownNumber(ix.cell(r - 1, c)) !== null && !ix.cell(r - 1, c)!.f);
    if (at < 0) return null;
    // Written as the form prints them: numbers, or text (１, ２ in full width).
    const like = ix.cell(counted[at]! - 1, c);
    let n = shownNumber(like)! - at;
    const numbers = new Map<number, number>();
    blocks.starts.forEach((st, i) => {
      if (st === 'record' || (st === 'blank' && onBlank)) numbers.set(i, n++);
    });
    return { like, numbers };
  };
  // Links added to a plan whose predecessors column was empty, on a sheet that numbers its tasks in a
  // task-number column (#, ID; No where no WBS-code column) the export numbers down the rows: written in
  // those numbers, as the client would (review R13: written as outline codes, "2" beside # 2 named
  // another task, and the next import read them by # and linked them wrongly without a word).
  if (target === 'wbs' && !idColumn && !table.records.some((r) => typeof r.values.predecessors === 'string' && r.values.predecessors.trim() !== '')) {
    const c = numbering.find((col) => {
      const m = table.columns.find((x) => x.c === col && x.field === null);
      return m !== undefined && taskNumberLabel(m.label.split(' / ').pop()!.normalize('NFKC').trim(), !table.columns.some((x) => x.field === 'wbsCode'));
    });
    const run = c === undefined ? null : numbersDown(c);
    if (run)
      for (const [i, n] of run.numbers) {
        const f = blocks.fill[i];
        const code = typeof f === 'object' ? tasks.get(stored[f.stored]!.row.id)?.code : undefined;
        if (code) idByCode.set(code, String(n));
      }
  }
  // Links by row number (Smartsheet's "2", "3FS +2d"): each task's row as written now, under the header.
  if (linkReading?.by === 'row')
    blocks.fill.forEach((f, i) => {
      const code = typeof f === 'object' ? tasks.get(stored[f.stored]!.row.id)?.code : undefined;
      if (code) idByCode.set(code, String(blocks.firstRow + i - layout.headerBottom - 1));
    });
  const columns = [...sheetColumns, ...(bars?.band.columns.map((b) => b.c) ?? []), ...clearColumns];
  for (const c of numbering) if (!columns.includes(c)) columns.push(c);
  const width = columns.length;
  const rows = blocks.fill.map((f, i): (CellOut | undefined)[] => {
    // The other rows of a copied block (a two-row gantt's actual row) carry no copied bar.
    if (f === undefined && bars && blocks.order?.[i]?.clone) return [...new Array<undefined>(sheetColumns.length).fill(undefined), ...barsOf(null, true)];
    if (f === undefined) return new Array<undefined>(width).fill(undefined);
    // A removed record's block of a prepared form goes back to the prepared state: its printed number
    // (its ID, never given again) stays where the prepared rows print one in that column, and the
    // client's formulas stay; every other value of its rows goes. Where the prepared rows are blank
    // (a 方眼紙 form's bordered rows), so is the cleared row: an ID left there read back as a record
    // (blind set 13, E3: ECR-25-040 under the table).
    // (A block cleared in place is one row: more would read as the table's end, see planBlocks.)
    if (f === 'clear') {
      const at = blocks.order[i]!.row - 1;
      const clear = (c: number): CellOut | undefined =>
        preparedColumns.has(c) ? undefined
        : ix.cell(at, c)?.f ? (keyFormulaGoes(c) ? { value: null, overFormula: true } : undefined)
        : { value: null };
      return [...sheetColumns.map(clear), ...barsOf(null, true), ...clearColumns.map(clear)];
    }
    const o = stored[f.stored]!;
    if (!f.fresh) return [...cellsOf(o, true, blocks.firstRow + i), ...barsOf(o, false)];
    // A top-level task of a layout of phase rows is a phase row (a copy of one): its name in the phase's
    // cell, nothing else (the row is merged across); its other values have no cell there and are named.
    const phaseCell = blocks.order[i]?.clone && o.level === 0 ? phaseText.get(blocks.order[i]!.row - 1) : undefined;
    if (phaseCell !== undefined) {
      for (const m of mapped) {
        // (A phase's own dates and progress are its tasks', shown by them.)
        const v = m.field === 'name' || (m.field === null && !m.extraKey && !m.period) || (o.summary && ROLLED_UP.has(m.field!)) ? null : storedValue(o, m);
        if (!emptyValue(v)) underMergeCells.push({ row: o.row.id, column: m.c, field: m.field ?? `extra:${m.extraKey}`, value: String(v) });
      }
      return sheetColumns.map((c): CellOut | undefined => (c === phaseCell ? { value: textValue(String(o.row.name ?? '')) } : undefined));
    }
    const cells = cellsOf({ ...o, at: null }, false);
    // A prepared row of a form numbered by the row (=ROW()-2, or the number typed over it) keeps its
    // number: a new record filling it takes the form's number, as a person filling the form would.
    const at = blocks.order[i] ?? { row: blocks.firstRow + i };
    if (table.positionalRefs && !at.clone)
      sheetColumns.forEach((c, j) => {
        if (idColumns.has(c) && ix.cell(at.row - 1, c) !== undefined) cells[j] = undefined;
      });
    // So does a prepared row's number in a kept column counting the records beside their IDs (Line 8
    // beside D-1043's 1): the record filling it takes that number, the next one, whatever it holds there.
    if (!at.clone && blocks.prepared.includes(at.row))
      sheetColumns.forEach((c, j) => {
        if (keptCounts.has(c) && shownNumber(ix.cell(at.row - 1, c)) !== null) cells[j] = undefined;
      });
    return [...cells, ...barsOf(o, true)];
  }).map((r) => (r.length < width ? [...r, ...new Array<undefined>(width - r.length).fill(undefined)] : r));
  // The actual rows of two-row records: their bar painted from the actual dates, on the block's row of them.
  if (bars?.actual)
    blocks.fill.forEach((f, i) => {
      const j = i + actualOffset;
      if (typeof f !== 'object' || j >= rows.length || blocks.owner[j] !== blocks.owner[i] || blocks.fill[j] !== undefined) return;
      actualBarsOf(stored[f.stored]!, f.fresh || !!blocks.order[j]?.clone).forEach((cell, n) => {
        if (cell !== undefined) rows[j]![sheetColumns.length + n] = cell;
      });
    });
  // A changed value whose cell holds the client's formula (a start date =D2+1 after the task above) is not
  // written over it: the formula and the cells that read it are the client's, and a value typed there would
  // leave them showing what they showed. It is named in the answer, never dropped without a word (review U1).
  // (Not a summary's rolled-up figure nor a computed column: the client's formula computes those itself.)
  const mappedAt = mapped.flatMap((m, k) => spread(m).map(() => k));
  const formulaCells: NoClientWord[] = [];
  blocks.fill.forEach((f, i) => {
    if (typeof f !== 'object' || blocks.lastRow === null) return;
    const o = stored[f.stored]!;
    sheetColumns.forEach((c, j) => {
      const cell = rows[i]![j];
      const m = mapped[mappedAt[j]!]!;
      if (cell === undefined || cell.overFormula || spread(m).length > 1) return;
      const src = ix.cell(blocks.order[i]!.row - 1 + sheetOffsets[j]!, c);
      if (!src?.f || (m.field !== null && (fieldSpec(target, m.field)?.kind === 'derived' || (o.summary && ROLLED_UP.has(m.field))))) return;
      const value = storedValue(o, m);
      const shown = writers[mappedAt[j]!]!.meaning(src);
      if (sameValue(shown ?? null, value) || (emptyValue(value) && emptyValue(shown))) return;
      rows[i]![j] = undefined;
      formulaCells.push({ row: o.row.id, column: c, field: m.field ?? `extra:${m.extraKey}`, value: String(value ?? '') });
    });
  });
  // The numbering runs down the rows whatever moved, as a person keeps a form's numbers: each record's
  // first row takes the next number, and so does a blank block (prepared, or a removed record's cleared
  // in place) where the prepared rows print one; a row copied past the prepared rows continues it. The
  // numbers start where the template's do.
  for (const c of numbering) {
    const k = columns.indexOf(c);
    const run = numbersDown(c);
    if (!run) continue;
    for (const [i, n] of run.numbers) {
      // A kept row whose cell already shows its number keeps the client's cell as typed (001 stays 001).
      const from = blocks.order[i];
      const kept = from && !from.clone ? ix.cell(from.row - 1, c) : undefined;
      rows[i]![k] = kept && !kept.f && shownNumber(kept) === n ? undefined : { value: numberLike(run.like, n) };
    }
  }
  // The client's task IDs: a task given one (new, or on a row that had none) has it written in the ID
  // column, as a number where the client's IDs are numbers; the others keep the client's cell.
  if (idColumn) {
    let k = columns.indexOf(idColumn.c);
    if (k < 0) {
      columns.push(idColumn.c);
      k = columns.length - 1;
      for (const r of rows) r.push(undefined);
    }
    const numericIds = [...idColumn.ids.keys()].some((r) => ix.cell(r, idColumn.c)?.t === 'n');
    blocks.fill.forEach((f, i) => {
      if (typeof f !== 'object') return;
      const o = stored[f.stored]!;
      if (!f.fresh && !givenIds.has(o.row.id)) return;
      const id = clientIdOf.get(o.row.id);
      if (id === undefined) return;
      rows[i]![k] = { value: numericIds ? { t: 'n', v: Number(id) } : { t: 's', v: id } };
    });
  }
  // A group label whose records all took another value says that value (on its own row, where it went).
  for (const l of relabel) {
    const i = blocks.order.findIndex((o, k) => o.row === l.row + 1 && !o.clone && blocks.fill[k] === undefined);
    const k = sheetColumns.indexOf(l.col);
    const written = writers[l.j]!.write(l.value);
    if (i >= 0 && k >= 0 && written !== NO_WORD) rows[i]![k] = { value: written };
  }
  // A changed value whose cell lies hidden under a range merged over other cells (a memo box drawn over
  // the Owner and Due columns) cannot show: it is not written, and named in the answer. A group label
  // merged down over its records is handled above (kept or undone).
  const hiddenUnder = (r: number, c: number) =>
    sheet.merges.find((g) => r >= g.r1 && r <= g.r2 && c >= g.c1 && c <= g.c2 && (r !== g.r1 || c !== g.c1) && !groupMerges.has(`${cellRef(g.r1, g.c1)}:${cellRef(g.r2, g.c2)}`));
  blocks.fill.forEach((f, i) => {
    if (typeof f !== 'object') return;
    // (A table with no record and no prepared row is written from its first row on, in no block order.)
    const t = (blocks.order[i]?.row ?? blocks.firstRow + i) - 1;
    sheetColumns.forEach((c, j) => {
      const cell = rows[i]![j];
      const g = cell && cell.value !== null ? hiddenUnder(t + sheetOffsets[j]!, c) : undefined;
      if (!g) return;
      rows[i]![j] = undefined;
      // The value the merged range shows already (the import read it there): nothing changed.
      const shown = rawValue(ix.cell(g.r1, g.c1));
      if (shown !== null && shown.t === cell!.value!.t && shown.v === cell!.value!.v) return;
      const m = mapped.find((x) => spread(x).includes(c));
      if (m?.field) underMergeCells.push({ row: stored[f.stored]!.row.id, column: c, field: m.field, value: String(storedValue(stored[f.stored]!, m) ?? '') });
    });
  });
  // The continuation rows of a wrapped text written anew: a row the client wrapped the text into by hand
  // holds nothing else, so it goes with the old words (cleared, it would stand blank inside the table,
  // and two such rows read as the table's end); the second row of a record merged over both is the
  // layout's and stays, cleared in that column. Wherever the record's block now is.
  if (rewrapped.length > 0 && blocks.lastRow !== null) {
    const outIndex = new Map<number, number>();
    blocks.order.forEach((o, i) => {
      if (!o.clone) outIndex.set(o.row, i);
    });
    const drop = new Set<number>();
    for (const { at, col } of rewrapped)
      for (const r of continuedRows.get(at) ?? []) {
        const i = outIndex.get(r + 1);
        const j = sheetColumns.indexOf(col);
        if (i === undefined || j < 0 || !ix.cell(r, col)) continue;
        const alone = !secondRows.has(r) && (ix.row(r)?.cells ?? []).every((c) => c.c === col || c.v === null || String(c.v).trim() === '' || c.c < tableLo || c.c > tableHi);
        if (alone && blocks.fill[i] === undefined) drop.add(i);
        else rows[i]![j] = { value: null };
      }
    for (const i of [...drop].sort((a, b) => b - a)) {
      blocks.order.splice(i, 1);
      blocks.fill.splice(i, 1);
      blocks.owner.splice(i, 1);
      blocks.starts.splice(i, 1);
      rows.splice(i, 1);
    }
  }
  // Each value onto its row of the record's block, and a new record's rows labelled as the client's
  // (予定 / 実績): the writer takes one value per sheet column and row.
  const out = blockRowsOut(columns, sheetOffsets, rows, blocks, layout.columns.find((m) => m.blockLabels));

  // A WBS whose tree is Excel's row grouping: each record's rows at its level (outlineBase, above).
  const outline = outlineBase === null ? undefined : blocks.owner.map((s) => (s === null || s === undefined ? undefined : Math.min(7, outlineBase + stored[s]!.level)));
  // Rows move within the table's own columns: a list or table beside it stays on its rows.
  // Every written column is the table's (a gantt's painted day columns too).
  const band = tableBand({ sheet, columns: [...layout.columns, ...columns.map((c) => ({ c, span: 1 }))], top: layout.headerTop, first: first - 1, last: (blocks.lastRow ?? tableEnd) - 1 });
  let bytes: Uint8Array;
  try {
    bytes = await fillTemplateInWorker(
      template,
      [{ sheet: layout.sheet, firstRow: blocks.firstRow, lastRow: blocks.lastRow, columns: out.columns, rows: out.rows, ...(blocks.lastRow !== null ? { order: blocks.order, ...(band ? { band } : {}) } : {}), ...(unmerge.length > 0 ? { unmerge } : {}), ...(remerge.length > 0 ? { remerge } : {}), ...(regroup ? { regroup: { columns: regroup.columns, from: regroup.from, to: regroup.to, merges: regroup.merges } } : {}), ...(outline ? { outline } : {}) }],
      { fileName: profile.fileName },
    );
  } catch (err) {
    throw templateConflict(err);
  }
  // Where each flagged cell went: the output row of its stored row.
  const outRow = new Map<number, number>();
  blocks.fill.forEach((f, i) => {
    if (typeof f === 'object') outRow.set(stored[f.stored]!.row.id, blocks.firstRow + i);
  });
  const named = (list: NoClientWord[]) =>
    list.flatMap((n) => {
      const r = outRow.get(n.row);
      if (r === undefined) return [];
      const m = layout.columns.find((x) => x.c <= n.column && n.column < x.c + x.span);
      return [{ sheet: layout.sheet, cell: cellRef(r - 1, n.column), field: n.field, value: n.value, header: m?.label ?? n.field, label: shownValue(target, n.field, n.value, vocab, input.language) }];
    });
  // A record whose key (its title, a task's name) has no cell the export can write — the key not mapped,
  // or mapped to a head merged over columns whose cells hold other values (指摘 over 件数 | 密度 | 基準値) —
  // is written without it and reads back without it: named wherever the key it shows would not be the
  // stored one (a new record, a renamed one), never a silent success (blind set 10, R2).
  const keyField = KEY_FIELD[target];
  const keyColumn = layout.columns.find((m) => m.field === keyField);
  const readKeys = new Map(table.records.map((r) => [r.row - 1, r.values[keyField]]));
  const keyless: NoClientWord[] = mapped.some((m) => m.field === keyField)
    ? []
    : stored.flatMap((o) => {
        const key = o.row[keyField];
        if (emptyValue(key) || (o.at !== null && sameValue(readKeys.get(o.at), key))) return [];
        return [{ row: o.row.id, column: keyColumn?.c ?? Math.min(...layout.columns.map((m) => m.c)), field: keyField, value: String(key) }];
      });
  const noKeyCell = named(keyless);
  const unmatched = named(noClientWord);
  const formless = named(noDateForm);
  const hidden = named(underMergeCells);
  const byFormula = named(formulaCells);
  // Tasks nested deeper than the client's layout has places for (deepest, above), named.
  const tooDeep = stored.flatMap((o) => {
    const r = outRow.get(o.row.id);
    return o.level > deepest && r !== undefined ? [{ sheet: layout.sheet, cell: cellRef(r - 1, nameAt!.c), name: String(o.row.name ?? ''), level: o.level + 1, deepest: deepest + 1 }] : [];
  });
  // Bars the band could not draw whole: their tasks, by name cell, with their dates and the band's days.
  const iso = (serial: number) => serialToIso(serial, model.date1904) ?? '';
  const barsOff = bars
    ? stored.flatMap((o) => {
        const r = outRow.get(o.row.id);
        const shown = offBand.get(o.row.id);
        if (r === undefined || shown === undefined) return [];
        const cell = cellRef(r - 1, nameAt?.c ?? bars.band.columns[0]!.c);
        return [{ sheet: layout.sheet, cell, name: String(o.row.name ?? ''), start: String(o.row.plannedStart), finish: String(o.row.plannedFinish), bandFrom: iso(bars.first), bandTo: iso(bars.last), shown }];
      })
    : [];
  return {
    fileName: profile.fileName,
    dataBase64: Buffer.from(bytes).toString('base64'),
    ...(barsOff.length > 0 ? { offBand: barsOff } : {}),
    ...(unmatched.length > 0 ? { noClientWord: unmatched } : {}),
    ...(formless.length > 0 ? { noDateForm: formless } : {}),
    ...(hidden.length > 0 ? { underMerge: hidden } : {}),
    ...(byFormula.length > 0 ? { formulaCells: byFormula } : {}),
    ...(tooDeep.length > 0 ? { tooDeep } : {}),
    ...(noKeyCell.length > 0 ? { noKeyCell } : {}),
  };
}

/**
 * The rows to write with each value on its row of the record's block: a field of a two-row record's
 * second row (sheetOffsets, aligned with the first columns) goes one row down, within the same block
 * (never into the next record's rows), and the columns come once each. A new record's rows get the
 * label column's words (予定 / 実績), as a copied block has no values.
 */
function blockRowsOut(
  columns: number[],
  sheetOffsets: number[],
  rows: (CellOut | undefined)[][],
  blocks: BlockPlan,
  labels: ColumnMapping | undefined,
): { columns: number[]; rows: (CellOut | undefined)[][] } {
  if (!labels && sheetOffsets.every((k) => k === 0)) return { columns, rows };
  const unique = [...new Set(columns)];
  if (labels && !unique.includes(labels.c)) unique.push(labels.c);
  const at = new Map(unique.map((c, k) => [c, k]));
  const out = rows.map(() => new Array<CellOut | undefined>(unique.length).fill(undefined));
  const sameBlock = (i: number, k: number) => k === 0 || (blocks.lastRow !== null && i + k < rows.length && blocks.owner[i + k] === blocks.owner[i] && blocks.fill[i + k] === undefined);
  rows.forEach((row, i) =>
    row.forEach((cell, j) => {
      const k = sheetOffsets[j] ?? 0;
      if (cell === undefined || !sameBlock(i, k)) return;
      const slot = at.get(columns[j]!)!;
      if (out[i + k]![slot] === undefined) out[i + k]![slot] = cell;
    }),
  );
  // (A block of one row, a 大/中 label's, is no plan and actual: it gets no label; nor does a label
  // filling a prepared two-row block, drawn on its first row.)
  if (labels)
    blocks.fill.forEach((f, i) => {
      if (typeof f !== 'object' || !f.fresh || blocks.lastRow === null || !sameBlock(i, labels.blockLabels!.length - 1) || (f.rows ?? Infinity) < labels.blockLabels!.length) return;
      labels.blockLabels!.forEach((word, k) => {
        if (sameBlock(i, k)) out[i + k]![at.get(labels.c)!] = { value: { t: 's', v: word } };
      });
    });
  return { columns: unique, rows: out };
}

/** Each summary record's subtasks' span (the earliest start and latest finish under it, as the import rolls them up), by record index. */
function subtaskSpans(records: ImportTable['records']): Map<number, { start: string | null; finish: string | null }> {
  const children = new Map<number, number[]>();
  records.forEach((r, i) => r.parent != null && (children.get(r.parent) ?? children.set(r.parent, []).get(r.parent)!).push(i));
  const out = new Map<number, { start: string | null; finish: string | null }>();
  const span = (i: number): { start: string | null; finish: string | null } => {
    const kids = children.get(i);
    if (!kids) {
      const v = records[i]!.values;
      return { start: typeof v.plannedStart === 'string' ? v.plannedStart : null, finish: typeof v.plannedFinish === 'string' ? v.plannedFinish : null };
    }
    let start: string | null = null;
    let finish: string | null = null;
    for (const k of kids) {
      const s = span(k);
      if (s.start !== null && (start === null || s.start < start)) start = s.start;
      if (s.finish !== null && (finish === null || s.finish > finish)) finish = s.finish;
    }
    out.set(i, { start, finish });
    return { start, finish };
  };
  records.forEach((_, i) => records[i]!.parent == null && span(i));
  return out;
}

const serialOf = (iso: unknown, date1904: boolean): number | null => (typeof iso === 'string' ? isoToSerial(iso, date1904) : null);

/** The template's painted gantt band (the first candidate its rows follow), with its records' formats. */
async function ganttBars(template: Uint8Array, fileName: string, sheetName: string, ix: SheetIndex, candidates: BandColumn[][], records: BandRecord[], actualRecords: BandRecord[], date1904: boolean, calendar?: WorkCalendar) {
  const from = Math.min(...records.map((r) => r.row), ...actualRecords.map((r) => r.row)) + 1;
  const to = Math.max(...records.map((r) => r.row), ...actualRecords.map((r) => r.row)) + 1;
  const cols = [...new Set(candidates.flat().map((b) => b.c))];
  const { rows } = await inspectTemplateInWorker(template, { rows: { sheet: sheetName, from, to, columns: cols } }, { fileName }).catch((err: unknown) => {
    throw templateConflict(err);
  });
  const shapes = new Map(rows.map((s) => [s.row - 1, s]));
  const at = new Map(cols.map((c, k) => [c, k]));
  const styleAt = (row: number, c: number) => shapes.get(row)?.styles[at.get(c)!] ?? 0;
  // Each format's fill, as the rows asked show it (a format no such row has paints as itself).
  const fills = new Map(rows.flatMap((s) => s.styles.map((st, k) => [st, s.fills[k]!] as const)));
  const fillOf = (style: number) => fills.get(style) ?? `format ${style}`;
  for (const columns of candidates) {
    const band = learnBand(ix, columns, records, styleAt, date1904, calendar);
    if (!band) continue;
    // The actual rows' bars (予定 / 実績), learned on their own: a client colours or marks them its own way.
    // One dated actual row is enough to tell how: a plan in progress has few (two tasks started, the rest
    // blank), and with none learned its actual bars would stay on the old days when the dates move.
    const actualBand = actualRecords.length > 0 ? learnBand(ix, columns, actualRecords, styleAt, date1904, calendar, 1) : null;
    const actual = actualBand ? { band: actualBand, records: new Map(actualRecords.map((r) => [r.row, r])) } : null;
    return { band, own: learnOwnRules(band, records, ix, styleAt, fillOf), styleAt, fillOf, records: new Map(records.map((r) => [r.row, r])), first: Math.min(...columns.map((b) => b.from)), last: Math.max(...columns.map((b) => b.to)), actual };
  }
  return null;
}

/**
 * Prepared blank rows right after the table, block by block (a block has the rows of the last record's
 * block, `model`: one, or two where each record spends two rows): each row formatted as the model's
 * row of the block (as each other where the table has no record: formatted in most written columns, or
 * merged as the header's column groups), holding at most one value (a printed number on its first row),
 * consecutive; or, however formatted, holding nothing but the number that follows the previous block's
 * or the client's formulas where the previous block holds them (carried) on its first row and nothing
 * on the others. A blank template's rows to fill.
 */
function preparedRows(shapes: RowShape[], after: number, width: number, model: (RowShape | null)[], groupedLikeHeader: (row: number) => boolean, carried: (row: number, period: number) => boolean): number[] {
  const period = Math.max(1, model.length);
  const like = model.length > 0 ? [...model] : [null];
  const byRow = new Map(shapes.map((s) => [s.row, s]));
  const out: number[] = [];
  for (let top = after + 1; ; top += period) {
    const rows = Array.from({ length: period }, (_, k) => byRow.get(top + k));
    if (rows.some((s) => !s) || rows.some((s, k) => s!.values > (k === 0 ? 1 : 0))) break;
    const numbered = carried(top, period);
    const drawn = (s: RowShape, k: number) => {
      if (s.styled * 2 < Math.max(2, width) && !groupedLikeHeader(s.row)) return false;
      const want = like[k];
      return !want || s.styles.filter((x, i) => x === want.styles[i]).length >= width * 0.8;
    };
    if (!numbered && !rows.every((s, k) => drawn(s!, k))) break;
    rows.forEach((s, k) => (like[k] ??= s!));
    out.push(...rows.map((s) => s!.row));
  }
  return out;
}

/** Whether a cell shows the number after the one `prev` shows: 3 after 2, CR003 after CR002 (same prefix). */
function followsOn(prev: Cell | undefined, cell: Cell): boolean {
  const a = shownNumber(prev);
  const b = shownNumber(cell);
  if (a !== null || b !== null) return a !== null && b === a + 1;
  const code = (x: Cell | undefined) => (x?.t === 's' ? /^(.*?)(\d+)$/.exec(String(x.v).trim()) : null);
  const pa = code(prev);
  const pb = code(cell);
  return !!pa && !!pb && pa[1] === pb[1] && Number(pb[2]) === Number(pa[2]) + 1;
}

/**
 * WBS codes in the client's numbering, in tree order: a task keeps its own code, as the client wrote it
 * (01.02 stays 01.02: review R1), while it still fits where the task now is (its parent's code, then a
 * number above the previous sibling's); otherwise it gets the next number under its parent, as wide as
 * its siblings' (02.03 after 02.02). Top-level codes keep the client's prefix when every one has it
 * (1.1, 1.2 under an unlisted 1). A client writing its phases x.0 (1.0 要件定義, 1.1 …, 2.0 設計) has
 * 1.0's children under 1. and a new phase after 2.0 is 3.0 (review R7).
 */
function clientNumbering(stored: Out[], own: (o: Out) => string): Map<number, string> {
  const out = new Map<number, string>();
  // (Judged on the shortest top codes: a task outdented to the top still carries its longer code, 1.1.2.)
  const topCodes = stored.filter((o) => o.level === 0 && o.at !== null).map(own);
  const shortest = Math.min(...topCodes.map((c) => c.split('.').length));
  const tops = topCodes.filter((c) => c.split('.').length === shortest).map((c) => /^(.*\.)?\d+$/.exec(c)?.[1] ?? '');
  // A top code ending .0 is a phase's own code (3.0 is phase 3, never child 0 of an unlisted 3): a plan
  // left with one phase has no prefix, or a task outdented after it would be written 3.1, under it (blind set 4, J1).
  const phases = topCodes.some((c) => /\.0+$/.test(c));
  // Fixed-width codes (1.0.0 a phase, 1.2.0 its task, 1.2.1 a step; 1-0-0): every code the client wrote has
  // the same number of parts and some end in zeros. A code given anew is written as wide (1.3.0, never 1.3;
  // blind set 18, I3), its level still the last part that is not zero.
  const written = stored.flatMap((o) => (o.at === null ? [] : [own(o)])).filter((c) => /^\d+(?:\.\d+)+$/.test(c));
  const width = written.length > 0 && written.some((c) => /\.0+$/.test(c)) ? written[0]!.split('.').length : 0;
  const fixedWidth = width > 1 && written.every((c) => c.split('.').length === width) ? width : 0;
  const padded = (code: string) => {
    let parts = code.split('.').length;
    while (parts++ < fixedWidth) code += '.0';
    return code;
  };
  const prefix = !phases && tops.length > 0 && tops.every((p) => p === tops[0]) ? tops[0]! : '';
  // Per parent: the previous sibling's numbers and its code's text after the base (for a new one's shape).
  const last = new Map<number | null, { n: number[]; text: string }>();
  // The width of the last number written at each level, for a first child of a new parent.
  const widthAt = new Map<number, number>();
  const given = new Set<string>();
  const parentOf = (o: Out) => (o.row.parentId as number | null | undefined) ?? null;
  // Each task's next sibling, by index (one pass from the end).
  const nextSibling: (number | undefined)[] = [];
  const lastSeen = new Map<number | null, number>();
  for (let i = stored.length - 1; i >= 0; i--) {
    nextSibling[i] = lastSeen.get(parentOf(stored[i]!));
    lastSeen.set(parentOf(stored[i]!), i);
  }
  /** The tail after `base` of the next sibling's own code when it has several numbers (1.1.1), else null. */
  const nextOwn = (i: number, base: string): string | null => {
    const next = nextSibling[i];
    const mine = next === undefined ? '' : own(stored[next]!);
    const tail = mine.startsWith(base) ? mine.slice(base.length) : '';
    return /^\d+(\.\d+)+$/.test(tail) ? tail : null;
  };
  const byId = new Map(stored.map((o) => [o.row.id, o]));
  // Each own code and the task holding it: a longer code whose front is another task's own code was that
  // task's step (2.2.2 under 2.2, outdented beside it), not a level the client skipped.
  const holder = new Map<string, number>();
  for (const o of stored) {
    const code = own(o);
    if (code !== '') holder.set(code, o.row.id as number);
  }
  /**
   * A task's own numbers after its parent's own code (2 of 6.2, 1.1 of 6.1.1 right under 6: a skipped
   * level), else '': kept under the parent's new code while they fit (8.2, 8.1.1 once 6 is numbered 8).
   */
  const ownUnderParent = (o: Out): string => {
    const p = byId.get(parentOf(o) as number);
    // (A parent written with zeros, 5.0.0 or 5.0, has its children under 5.)
    const pOwn = p ? own(p).replace(/(?:\.0+)+$/, '') : '';
    const mine = own(o);
    return pOwn !== '' && mine.startsWith(`${pOwn}.`) ? mine.slice(pOwn.length + 1) : '';
  };
  let after: string | null = null;
  for (const [i, o] of stored.entries()) {
    const parent = parentOf(o);
    // A phase's children are numbered under its code without the .0 (1.0 → 1.1).
    const base = parent === null || !out.has(parent) ? prefix : `${out.get(parent)!.replace(/(?:\.0+)+$/, '')}.`;
    // The first child keeps any number it has (a client may number from 0); a later one needs a number
    // above its previous sibling's. A client's skipped level stays as written (6.1.1 right under 6).
    const prev = last.get(parent);
    const mine = own(o);
    const underSameBase = mine.startsWith(base);
    let tail = underSameBase ? mine.slice(base.length) : ownUnderParent(o);
    // (Its own code before the tail: the parent's own code as the task's code has it.)
    const ownBase = mine.slice(0, mine.length - tail.length);
    // Fixed-width codes say their level by the parts before the zeros, and have no room past the width: a
    // task whose phase went down a level keeps its numbers without the zeros the width has no room for
    // (5.1.0 under 4.4 is 4.4.1, never 4.4.1.0), and numbers kept under a renumbered parent that would say
    // another level than the task's are none of its own (2.2 of 5.2.2 on a task now right under 6 would
    // read as a step of 6.2: it is numbered anew, 6.2.0). A code the client wrote, under the same base,
    // stays (2.1 with no 2.0 row, stored at the top).
    if (fixedWidth > 0) {
      while (`${base}${tail}`.split('.').length > fixedWidth && /\.0+$/.test(tail)) tail = tail.replace(/\.0+$/, '');
      const full = `${base}${tail}`;
      if (full.split('.').length > fixedWidth || (!underSameBase && full.replace(/(?:\.0+)+$/, '').split('.').length !== o.level + 1)) tail = '';
    }
    const parts = /^\d+(\.\d+)*$/.test(tail) ? tail.split('.').map(Number) : null;
    // A code longer than one number (a skipped level) must not read as under another task: a task
    // outdented to the top keeps 1.1.6 only while no 1.1 precedes it.
    // Nor, under a parent, under a task whose own code is its front (2.2 of 2.2.2 outdented and moved above
    // 2.2: blind set 20, E3, where 2.2 then became 2.2.3, a step's code on a task). (A task outdented to the
    // top keeps its longer code, 3.2, while no 3 precedes it, as before: renumbered 3, it read back as the
    // task the client knew as 3.)
    const front = (k: number) => `${ownBase}${tail.split('.').slice(0, k + 1).join('.')}`;
    const underAnother =
      parts !== null &&
      parts.slice(1).some((_, k) => given.has(`${base}${parts.slice(0, k + 1).join('.')}`) || (parent !== null && holder.has(front(k)) && holder.get(front(k)) !== o.row.id));
    const fits = parts !== null && !underAnother && (prev === undefined || compareParts(parts, prev.n) > 0);
    let text: string;
    let n: number[];
    if (fits) {
      n = parts;
      text = tail;
    } else if (!phases && (prev ? prev.n.length > 1 && (parent !== null || prev.n.length <= shortest) && !/^\d+(?:\.0+)+$/.test(prev.text) : (after = nextOwn(i, base)) !== null)) {
      // Siblings whose codes alone carry the hierarchy (a flat list 1.1.1 … 1.2.7 with no 1 or 1.2 rows):
      // a new one takes the next last number in its predecessor's group (1.2.4 after 1.2.3), or the first
      // sibling's own code when it comes first, and the siblings after it move on by one, as the client
      // renumbers; never a bare 2 that reads as another level. (Not where the client writes its phases x.0,
      // nor after a top task whose code is longer than the shortest top code: there 3.4 or 5.2 is a task
      // outdented to the top, and the top task after it is 4 or 6.)
      const from = prev ? prev.text.split('.') : after!.split('.');
      n = from.map(Number);
      if (prev) n[n.length - 1]! += 1;
      text = n.map((x, k) => String(x).padStart(from[k]!.length, '0')).join('.');
    } else {
      // The next number, as wide as the previous sibling's (or the level's), with a phase's .0 after it.
      const first = prev?.text.split('.')[0] ?? '';
      const width = prev ? first.length : (widthAt.get(o.level) ?? 1);
      // (A top task of a plan whose phases are x.0 is a phase: 3.0 after an outdented 2.2, never 3.)
      const zeros = prev && /^\d+(?:\.0+)+$/.test(prev.text) ? prev.text.slice(first.length) : phases && parent === null && base === '' ? '.0' : '';
      n = [(prev?.n[0] ?? 0) + 1, ...(zeros ? zeros.slice(1).split('.').map(Number) : [])];
      text = `${String(n[0]).padStart(width, '0')}${zeros}`;
    }
    last.set(parent, { n, text });
    widthAt.set(o.level, text.split('.')[0]!.length);
    out.set(o.row.id, padded(`${base}${text}`));
    // Kept without a phase's .0 (1.0 is 1): a task outdented from under 1.0 keeping 1.2 would read as under it (blind set 4, J1).
    given.add(`${base}${n.join('.')}`.replace(/(?:\.0+)+$/, ''));
  }
  return out;
}

/**
 * The tasks as a layout of `depth` levels numbers them (level-number columns: 大 | 中 | 小; digit codes 100 /
 * 110 / 111): a task nested
 * deeper is numbered as a child of its ancestor one level above the deepest, as it reads back (tooDeep).
 */
function withinDepth(stored: Out[], tasks: Map<number, { parentId: number | null }>, depth: number): Out[] {
  return stored.map((o) => {
    if (o.level < depth) return o;
    const chain: number[] = [];
    for (let id = o.row.parentId as number | null; id !== null && id !== undefined; id = tasks.get(id)?.parentId ?? null) chain.unshift(id);
    return { ...o, level: depth - 1, row: { ...o.row, parentId: chain[depth - 2] ?? null } };
  });
}

/** Dotted numbers in order: 1.2 < 1.10 < 2. */
function compareParts(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * Each row's 大/中分類 labels in output order: the names of its groups (a label row's own name at its
 * depth), written on the first row of each group when the client writes them once (merged down or
 * left blank below), on every row when the client repeats them.
 */
function categoryLabels(
  stored: Out[],
  tasks: Map<number, { name: string; parentId: number | null }>,
  depths: number,
  groups: Set<number>,
  records: { row: number; group?: true }[],
  ix: SheetIndex,
  firstColumn: number,
): Map<number, string[]> {
  const rows = records.filter((r) => !r.group);
  const filled = rows.filter((r) => { const c = ix.cell(r.row - 1, firstColumn); return !!c && String(c.v).trim() !== ''; }).length;
  const repeat = rows.length > 1 && filled > rows.length * 0.8;
  const out = new Map<number, string[]>();
  let prev: number[] = [];
  for (const o of stored) {
    const chain: number[] = [];
    for (let t = tasks.get(o.row.parentId as number), id = o.row.parentId as number; t; id = t.parentId as number, t = tasks.get(id)) chain.unshift(id);
    if (groups.has(o.row.id)) chain.push(o.row.id);
    const names = chain.slice(0, depths).map((id) => (groups.has(id) ? tasks.get(id)!.name : ''));
    out.set(o.row.id, Array.from({ length: depths }, (_, d) => (repeat || chain[d] !== prev[d] || chain.slice(0, d).some((x, k) => x !== prev[k]) ? (names[d] ?? '') : '')));
    prev = chain;
  }
  return out;
}

/**
 * The 大/中 columns whose labels the client merges down over each group's rows, every group of two or
 * more records (as the import read them) so and nothing else: such a column's merges are laid anew over
 * the groups' rows wherever they now are (groupMergesOut). A column merged otherwise (over blank rows
 * after the table, or only some groups) keeps the merges it has.
 */
function regroupedColumns(records: ImportTable['records'], columns: ColumnMapping[], merges: Merge[], dataTop: number, nameHome: (at: number) => number | null): Set<number> {
  const out = new Set<number>();
  const rows = records.filter((r) => !r.group);
  if (rows.length === 0) return out;
  const lo = rows[0]!.row - 1;
  const hi = rows[rows.length - 1]!.row - 1;
  const chainOf = (i: number): number[] => {
    const chain: number[] = [];
    for (let p = records[i]!.parent; p !== null && p !== undefined; p = records[p]!.parent) chain.unshift(p);
    return chain;
  };
  columns.forEach((m, d) => {
    const own = merges.filter((g) => g.c1 === m.c && g.c2 === m.c && g.r2 > g.r1 && g.r2 >= dataTop);
    if (own.length === 0 || own.some((g) => g.r1 < lo || g.r2 > hi + 1)) return;
    // The template's groups in this column: runs of records with the same ancestor at this depth.
    const runs: [string, number, number][] = [];
    records.forEach((r, i) => {
      if (r.group) return;
      const chain = chainOf(i);
      const key = chain[d] !== undefined ? `${chain[d]}` : nameHome(r.row - 1) === m.c ? `${i}` : '';
      const last = runs[runs.length - 1];
      if (last && key !== '' && last[0] === key) last[2] = r.row - 1;
      else runs.push([key, r.row - 1, r.row - 1]);
    });
    const many = runs.filter((x) => x[0] !== '' && x[2] > x[1]);
    if (many.length === own.length && many.every(([, a, b]) => own.some((g) => g.r1 === a && g.r2 >= b))) out.add(m.c);
  });
  return out;
}

/**
 * The columns whose merges an export lays anew: a 大/中 column merged over each group (regroupedColumns),
 * or a column whose every merge down over records starts on a record and covers two or more records
 * the import read (`ownRecords`: not rows it left out; a value merged over the records that share it:
 * 工種 over its tasks), none within one record's rows.
 */
function labelMergeColumns(merges: Merge[], columns: ColumnMapping[], recordRows: Set<number>, ownRecords: Set<number>, dataTop: number): Map<number, { m: ColumnMapping; merges: Merge[] }> {
  const out = new Map<number, { m: ColumnMapping; merges: Merge[] }>();
  for (const m of columns) {
    const own = merges.filter((g) => g.c1 === m.c && g.c2 === m.c && g.r2 > g.r1 && g.r1 >= dataTop);
    const records = (g: Merge) => Array.from({ length: g.r2 - g.r1 + 1 }, (_, k) => g.r1 + k).filter((r) => ownRecords.has(r)).length;
    if (own.length > 0 && own.every((g) => recordRows.has(g.r1) && records(g) >= 2)) out.set(m.c, { m, merges: own });
  }
  return out;
}

/**
 * The merged ranges of managed columns (labelMergeColumns, regroupedColumns) in the export's rows: one
 * over each run of two or more records (with their blocks' rows) of one key in that column ('' : a cell
 * of its own), and the records of each run after its first (their cells hidden under it).
 */
function groupMergesOut(
  blocks: BlockPlan,
  stored: Out[],
  columns: { c: number; key: (o: Out, fresh: boolean) => string }[],
): NonNullable<TableWrite['regroup']> & { hidden: { id: number; c: number }[] } {
  const merges: string[] = [];
  const hidden: { id: number; c: number }[] = [];
  let to = blocks.firstRow;
  const records: { i: number; end: number; o: Out; fresh: boolean }[] = [];
  blocks.fill.forEach((f, i) => {
    if (typeof f !== 'object') return;
    let end = i;
    while (end + 1 < blocks.owner.length && blocks.owner[end + 1] === f.stored && typeof blocks.fill[end + 1] !== 'object') end++;
    records.push({ i, end, o: stored[f.stored]!, fresh: f.fresh });
    to = Math.max(to, blocks.firstRow + end);
  });
  for (const { c, key: keyOf } of columns) {
    let run: { key: string; from: number; to: number; ids: number[] } | null = null;
    const close = () => {
      if (!run || run.key === '' || run.to <= run.from) return;
      merges.push(`${cellRef(blocks.firstRow - 1 + run.from, c)}:${cellRef(blocks.firstRow - 1 + run.to, c)}`);
      for (const id of run.ids.slice(1)) hidden.push({ id, c });
    };
    for (const r of records) {
      const key = keyOf(r.o, r.fresh);
      if (run && key !== '' && key === run.key) {
        run.to = r.end;
        run.ids.push(r.o.row.id);
      } else {
        close();
        run = { key, from: r.i, to: r.end, ids: [r.o.row.id] };
      }
    }
    close();
  }
  // The template's group merges lie over its records' rows, which the writer may have moved anywhere
  // in the region: onto a removed record's row cleared in place, past the last record written (a group
  // merged over rows 5:7 whose rows went 6, 7, 5). Every row of the region is managed.
  if (blocks.lastRow !== null) to = Math.max(to, blocks.firstRow + blocks.order.length - 1);
  return { columns: columns.map((x) => x.c), from: blocks.firstRow, to, merges, hidden };
}

/** Rows (1-based) of the table with nothing in its columns: no value, no formula (spacer rows). */
function blankRows(ix: SheetIndex, first: number, last: number, columns: ColumnMapping[]): Set<number> {
  const lo = Math.min(...columns.map((m) => m.c));
  const hi = Math.max(...columns.map((m) => m.c + m.span - 1));
  const out = new Set<number>();
  for (let r = first; r <= last; r++) if (!(ix.row(r - 1)?.cells ?? []).some((c) => c.c >= lo && c.c <= hi && (!!c.f || (c.t === 's' ? String(c.v).trim() !== '' : c.v !== null && c.v !== undefined)))) out.add(r);
  return out;
}

/** The ids of a project's stored rows of a register. */
function storedIds(db: Db, target: ImportTarget, projectId: number): Set<number> {
  if (target === 'wbs') return new Set(taskIdsOf(db, projectId));
  return new Set((REGISTER_SERVICES[target].rows(db, projectId) as { id: number }[]).map((r) => r.id));
}

/** What an empty cell of a column reads as once imported: the field's default. */
function defaultValues(target: ImportTarget, vocab: Vocabularies): Record<string, unknown> {
  if (target === 'wbs') return { ...WBS_DEFAULTS };
  const out: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(REGISTERS[target].vocab)) if (v.required) out[field] = vocab[v.list].items[0]?.code;
  return out;
}

/**
 * Columns the export writes: fields, extra columns, a start～finish column, the WBS code, level and 大/中/小 columns. Not a
 * column group other than a spread name (担当者 over one column per person, marked ○): what it holds is
 * the client's way of drawing a value, kept as it is.
 */
function writable(m: ColumnMapping): boolean {
  if (m.span > 1 && m.field !== 'name') return false;
  if (m.field === null) return !!m.extraKey || !!m.period;
  return true;
}

interface IndentStyle {
  kind: 'none' | 'cell' | 'spaces';
  step: number;
  unit: string;
}

/** How the template indents names by level: cell indent, or leading spaces (full- or half-width). */
function indentStyle(records: { row: number; level?: number; group?: true }[], ix: SheetIndex, name: ColumnMapping | undefined, method: string | undefined): IndentStyle {
  if (!name) return { kind: 'none', step: 0, unit: '' };
  const lead = (cell: Cell | undefined) => (cell?.t === 's' ? (/^[ \u3000\t]+/.exec(cell.v as string)?.[0] ?? '') : '');
  let style: IndentStyle = { kind: 'none', step: 0, unit: '' };
  for (const rec of records) {
    if (!rec.level || rec.group) continue;
    const cell = ix.cell(rec.row - 1, name.c);
    if (cell?.indent) style = { kind: 'cell', step: cell.indent / rec.level, unit: '' };
    else if (lead(cell) !== '') style = { kind: 'spaces', step: 1, unit: lead(cell).slice(0, Math.max(1, Math.round(lead(cell).length / rec.level))) };
    if (style.kind !== 'none') break;
  }
  if (method === 'indent' || style.kind === 'none') return style;
  // The tree read another way (a code column) while the client indents the names by level too: the
  // indent shows the tree as well, and follows a task that moves level (where the codes left can no
  // longer give the tree, 2 and 3 alone, the next import reads it from the indent: blind set 9, R4).
  const agrees = records.every((rec) => {
    const cell = rec.group ? undefined : ix.cell(rec.row - 1, name.c);
    if (!cell) return true;
    return style.kind === 'cell' ? (cell.indent ?? 0) === (rec.level ?? 0) * style.step : lead(cell).length === (rec.level ?? 0) * style.unit.length;
  });
  return agrees ? style : { kind: 'none', step: 0, unit: '' };
}

/** What the row holds for a column, in the import's terms (so it compares with the template's cell). */
/**
 * The client's next IDs after the highest it holds: 1241 after 1240; APP-59 after APP-58 where every ID
 * is one prefix and a number (its zero padding kept: T-009 → T-010).
 */
export function clientIdCounter(ids: string[]): () => string {
  const parts = ids.map((id) => /^(.*?)(\d+)$/.exec(id));
  const prefix = parts[0]?.[1] ?? '';
  const sameForm = parts.length > 0 && parts.every((p) => p !== null && p[1] === prefix);
  let next = sameForm ? Math.max(0, ...parts.map((p) => Number(p![2]))) : Math.max(0, ...ids.map(Number).filter(Number.isFinite));
  const width = sameForm && parts.every((p) => p![2]!.length === parts[0]![2]!.length) && parts[0]![2]!.startsWith('0') ? parts[0]![2]!.length : 0;
  return () => {
    next++;
    return sameForm ? `${prefix}${String(next).padStart(width, '0')}` : String(next);
  };
}

/**
 * A plan whose tree a parent column gives lists its rows in its own order (Redmine newest first, a list
 * sorted by title: children above their parents), and the import reads siblings in that order. Where the
 * stored siblings still stand in the sheet's order (new ones last among theirs), the blocks keep the
 * sheet's order and only the cells change (review T4: a no-edit export moved every parent above its
 * subtree). Where the user reordered siblings, the rows are laid out in the tree's order.
 */
function parentTreeInSheetOrder(stored: readonly Out[], hierarchy: string | undefined): boolean {
  if (hierarchy !== 'parent') return false;
  const last = new Map<unknown, number>();
  for (const o of stored) {
    const key = o.row.parentId ?? null;
    const at = o.at ?? Infinity;
    if (at < (last.get(key) ?? -1)) return false;
    last.set(key, at);
  }
  return true;
}

/** A stored value that writes nothing: none, an empty text, an empty list. */
function emptyValue(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function storedValue(o: Out, m: ColumnMapping): unknown {
  // A start～finish column holds the task's planned dates (date-range.ts), compared by their days.
  if (m.period) {
    const [start, finish] = [(o.row.plannedStart as string | null) ?? null, (o.row.plannedFinish as string | null) ?? null];
    return start === null && finish === null ? null : rangeKey({ start, finish });
  }
  if (m.field === null) return o.row.extra?.[m.extraKey!] ?? null;
  if (m.field === 'level') return o.level + 1;
  return o.row[m.field] ?? null;
}

/**
 * A cell the import could not read (a status 済?, a progress 'half'): the import left the field to its
 * default and kept the cell's text with the row under the column's name (read-table.ts KEPT_UNREAD). While
 * that text is still the cell's and the field still holds what the import gave it (empty or the default),
 * the cell is the client's; once the user sets the field, it is written.
 */
function keptUnreadCell(o: Out, m: ColumnMapping, cell: Cell | undefined, meaning: unknown, value: unknown, defaults: Record<string, unknown>): boolean {
  if (!cell || meaning !== undefined || m.field === null) return false;
  const kept = o.row.extra?.[m.label || m.column];
  if (kept === undefined || kept === null || String(kept).trim() !== String(cell.v ?? '').trim()) return false;
  if (value === null || value === undefined || sameValue(defaults[m.field], value)) return true;
  // A WBS status the task's data gives it (its progress 50 % → in progress: rollup.ts derivedStatus) is
  // what the import left too, not the user's choice: the client's word stays (blind set 7, On Track).
  return m.field === 'status' && typeof o.row.progress === 'number' && sameValue(derivedStatus({ progress: o.row.progress, actualStart: (o.row.actualStart as string | null) ?? null, actualFinish: (o.row.actualFinish as string | null) ?? null, status: 'not_started' }), value);
}

/** A text date written without a year whose month and day are the stored date's. */
function yearlessSameDay(cell: Cell | undefined, meaning: unknown, value: unknown, start = false): boolean {
  if (cell?.t !== 's' || typeof meaning !== 'string' || typeof value !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(value)) return false;
  // A week (KW 17) falls on another day in another year: read in the stored date's year, its Friday (or a
  // start's Monday) is the same date.
  if (weekOfText(cell.v as string)) {
    const week = parseDateText(cell.v as string, value);
    return week.ok && (start ? weekStartDay(cell.v as string, week.iso) : week.iso) === value;
  }
  if (meaning.slice(4) !== value.slice(4)) return false;
  const read = parseDateText(cell.v as string, value);
  return read.ok && !!read.yearInferred && read.iso === value;
}

interface ColumnWriter {
  /** What a template cell of this column means (null for empty). */
  meaning(cell: Cell | undefined): unknown;
  /** A stored value → the cell to write (over `old`, the cell there); NO_WORD where the client's words have none for it. */
  write(v: unknown, old?: Cell): OutValue | typeof NO_WORD;
  /** Whether a cell the plain meaning does not match still shows the stored value (a yearless range read in its years). */
  same?(cell: Cell | undefined, value: unknown): boolean;
}

/** A list value the client's own words have no word for (see listWordFor, value-map.ts). */
const NO_WORD = Symbol('no client word');

/** A rating 1–5 as a number on the client's scale that reads back as the same rating (4 on 1–10 → 7.75). */
function unscaledRating(n: number, scale: { min: number; max: number }): number {
  return Math.round((scale.min + ((n - 1) * (scale.max - scale.min)) / 4) * 100) / 100;
}

/** A cell whose value has no word in the client's own list: left as it was (a new row's blank). */
/** A stored value as PMO Desk shows it in a language: a list code as its label, a status or mode as its word. */
function shownValue(target: ImportTarget, field: string, value: string, vocab: Vocabularies, language: 'ja' | 'en'): string {
  const spec = fieldSpec(target, field);
  if (spec?.kind === 'vocab') return vocabLabel(vocab[spec.list as VocabListName].items, value, language);
  if (spec?.kind === 'wbsStatus') return WBS_STATUS_LABELS[value]?.[language] ?? value;
  if (spec?.kind === 'scheduling') return WBS_SCHEDULING_LABELS[value]?.[language] ?? value;
  return value;
}

export interface NoClientWord {
  /** The stored row's id. */
  row: number;
  /** 0-based sheet column. */
  column: number;
  field: string;
  /** Our code. */
  value: string;
}

/**
 * A start～finish column (ColumnMapping.period): a cell means the range it reads as (rangeKey; a single
 * date, a one-day task; a cell that reads as none means nothing, so it stays the client's while the task
 * has no dates), read in the column's month/day order as the import read it (rangeOrder, review U14); a
 * yearless cell read in the stored range's own years is the same range; a changed range is written in the
 * column's own form (4/1～4/15 → 5/7～5/20), keeping the cell's note (（予定）).
 */
function periodWriter(cells: Cell[], reference: string, date1904: boolean, known: SlashOrder | undefined): ColumnWriter {
  const texts = cells.flatMap((c) => (c.t === 's' ? [c.v as string] : []));
  const order = rangeOrder(texts, known);
  const format = rangeWriter(texts, reference, order);
  const read = (cell: Cell | undefined, ref: string) => (cell && cell.t !== 'e' ? periodOfCell(cell, ref, order, date1904) : null);
  return {
    meaning(cell) {
      const r = read(cell, reference);
      return r ? rangeKey(r) : null;
    },
    same(cell, value) {
      if (typeof value !== 'string') return false;
      const [start, finish] = value.split('～');
      const r = read(cell, start || finish || '');
      return r !== null && rangeKey(r) === value;
    },
    write(v, old) {
      if (v === null || v === undefined || v === '') return null;
      const [start, finish] = String(v).split('～');
      return { t: 's', v: format({ start: start || null, finish: finish || null }, old?.t === 's' ? (old.v as string) : undefined) };
    },
  };
}

function columnWriter(
  target: ImportTarget,
  m: ColumnMapping,
  ix: SheetIndex,
  recordRows: number[],
  base: ValueContext,
  language: 'ja' | 'en',
  vocab: Vocabularies,
  values: ClientValues,
  map: ValueMap | undefined,
  /** How the user read the column's unsettled two-digit years (userShortYear), if it did. */
  userShortYear?: ShortYearForm,
  /** The day a yearless date text of the column reads from (columnDay), else the export's today. */
  dateDay?: string,
): ColumnWriter {
  const spec: FieldSpec | undefined = m.field === null ? undefined : fieldSpec(target, m.field);
  const cells = recordRows.map((r) => ix.cell(r, m.c)).filter((c): c is Cell => !!c && c.t !== 'e');
  if (m.period) return periodWriter(cells, base.reference, !!base.date1904, m.dateReading?.slashOrder);
  // The column's dates written year last are read in its own order (14/05/2025 is day first), as the import read them.
  const ctx: ValueContext = { ...base, effortUnit: m.unit ?? effortUnitOf(m.label), ...(spec?.kind === 'date' && columnDateReading(cells, m.dateReading)) };
  if (spec?.kind === 'rating') values.rateColumn(m.field!, cells);
  const openAs = spec?.kind === 'wbsStatus' ? openWordReading(cells.flatMap((c) => (c.t === 's' ? [(c.v as string).trim()] : []))) : null;
  // A WBS status of codes read as a set (● ◐ ○, 0 / 1 / 2), as the import read it: written in the same set.
  const codes = spec?.kind === 'wbsStatus' ? (statusCodes(cells.flatMap((c) => (c.t === 's' || c.t === 'n' ? [String(c.v).trim()] : []))) ?? statusCodes(Object.keys(map?.words ?? {}).filter(isStatusCode))) : null;
  const meaning = (cell: Cell | undefined): unknown => {
    if (!cell || cell.t === 'e') return null;
    if (!spec) return cell.t === 's' ? (cell.v as string).trim() : cell.t === 'd' ? textOf(cell, base.date1904) : cell.v;
    const text = textOf(cell, base.date1904);
    if (spec.kind === 'vocab') return text.trim() === '' ? null : values.readList(m.field!, spec, text, 0);
    if (spec.kind === 'rating') {
      const r = values.readRating(m.field!, cell, 0, base.date1904);
      return r.ok ? r.value : undefined;
    }
    // A status column's Open beside its In Progress is not started, as the import read it (openWordReading).
    if (spec.kind === 'wbsStatus' && openAs !== null && cell.t === 's' && isOpenWord(cell.v as string)) return openAs;
    const coded = codes && (cell.t === 's' || cell.t === 'n') ? codes.read(String(cell.v)) : undefined;
    if (coded !== undefined) return coded;
    const r = readValue(spec, cell, ctx);
    // (A plan's status word no list has is read at its stage, as the import read it: 施工中, Delivered.)
    // (A word the import read by its place in the client's list, kept in the profile's map: 予定, 進行.)
    if (!r.ok && spec.kind === 'wbsStatus' && cell.t === 's') return wbsStatusOfStage(cell.v as string) ?? mappedCode(map, cell.v as string) ?? undefined;
    return r.ok ? r.value : undefined;
  };
  // How this column writes a value it already holds somewhere: the client's own word for a list code,
  // its mark for yes and no, its type (text or number) for codes.
  const words = new Map<string, OutValue>();
  for (const cell of cells) {
    const v = meaning(cell);
    if (v === null || v === undefined) continue;
    const k = JSON.stringify(v);
    if (!words.has(k)) words.set(k, rawValue(cell));
  }
  const text = (s: string): OutValue => (s === '' ? null : { t: 's', v: s });
  const datesAsText = cells.length > 0 && cells.every((c) => c.t === 's');
  // A date changed in a column of text dates is written in the column's own form, else as yyyy/mm/dd.
  // In a column of unsettled two-digit years (review R9) a changed date is written with all four digits
  // where the user's reading puts the year (12/3/2010 for a column read year last; else yyyy/mm/dd, year
  // first): the written date settles the column for the next import the way the user read it, where
  // yyyy/mm/dd alone settled it year first whatever the user had chosen (12/3/19 then read as 2012-03-19).
  const unsettled = spec?.kind === 'date' && ctx.shortYear === undefined && userShortYear === 'yearLast';
  const dateText =
    spec?.kind === 'date' && datesAsText ? dateTextStyle(cells.map((c) => c.v as string), ctx.slashOrder ?? 'mdy', ctx.shortYear ?? (unsettled ? 'yearLast' : undefined), dateDay ?? base.reference, unsettled) : null;
  // A column of dotted triples whose reading the import left open (19.9.27: yy.m.d, 令和 or d.m.yy?, blind
  // set 20, E1): a date is written in the reading that places all the column's own cells within a few years
  // of it (19.9.27, 10.10.27 beside a date of 2027 are d.m.yy: as yy.m.d they span 2010–2031), in the cells'
  // form; where no one reading does, the cell is left unwritten and named (noDateForm). Never yyyy/mm/dd:
  // one year-first cell would settle the column year first on the next import and move every untouched date.
  const texts = datesAsText ? cells.map((c) => c.v as string) : [];
  const dottedOpen = spec?.kind === 'date' && datesAsText && ctx.shortYear === undefined && !unsettled ? dottedForms(texts).filter((f) => f !== 'monthDay') : [];
  const dottedText = (iso: string): string | null => {
    const form = dottedFormByContext(texts, dottedOpen, iso);
    const style = form && dateTextStyle(texts, form === 'yearLast' ? 'dmy' : (ctx.slashOrder ?? 'mdy'), form, dateDay ?? base.reference);
    return style ? style(iso) : null;
  };
  const numeric = cells.length > 0 && cells.filter((c) => c.t === 'n').length * 2 > cells.length;
  // A date column of bare serials (General numbers 46605, as a system extract writes them: blind set 15,
  // F2) gets a changed date as a bare serial too, not as a date cell the client's column never shows.
  const serialsAsNumbers = spec?.kind === 'date' && cells.length > 0 && cells.every((c) => c.t === 'n');
  // A column of ticks (check-columns.ts): its own ticked cell for its state (TRUE stays a boolean), its
  // own unticked form for any other (FALSE, ×, else blank); a word typed there is read as words are.
  if (m.check !== undefined) {
    const check = m.check;
    const { ticked, unticked } = checkWriter(cells);
    return {
      meaning: (cell) => {
        const tick = checkMark(cell);
        return tick === undefined ? meaning(cell) : tick ? check : null;
      },
      write: (v) => (v === check ? rawValue(ticked) : unticked ? rawValue(unticked) : null),
    };
  }
  return {
    meaning,
    write(v) {
      if (v === null || v === undefined || v === '') return null;
      const known = words.get(JSON.stringify(v));
      if (known && spec && spec.kind !== 'text') return known;
      if (!spec) return typeof v === 'number' ? { t: 'n', v } : typeof v === 'boolean' ? { t: 'b', v } : text(String(v));
      switch (spec.kind) {
        case 'date':
          if (datesAsText && dottedOpen.length > 0) return text(dottedText(String(v)) ?? '') ?? NO_WORD;
          if (datesAsText) return text(dateText ? dateText(String(v)) : String(v).replaceAll('-', '/'));
          return serialsAsNumbers ? { t: 'n', v: dateSerial(String(v), base.date1904) } : { t: 'd', v: dateSerial(String(v), base.date1904) };
        case 'effort': {
          const n = Number(v);
          const val = daysIn(n, ctx.effortUnit);
          return { t: 'n', v: Math.round(val * 1e6) / 1e6 };
        }
        case 'progress':
          return { t: 'n', v: ctx.progressScale === 'fraction' ? Number(v) / 100 : Number(v) };
        case 'rating': {
          // The client's word or number for the rating, else a number its scale reads back the same.
          // (Only a word that reads back as this rating: a profile saved before the scale was kept whole
          // may map our 2 to the list's 2, which the scale reads as 3.)
          const word = clientWord(map, String(v));
          if (word !== null && (mappedCode(map, word) ?? String(v)) === String(v)) {
            // A number into a column of numbers (a typed 30% as the 0.3 a cell formatted 0 % holds).
            const p = parseNumberText(word);
            return p && numeric ? { t: 'n', v: p.percent ? p.value / 100 : p.value } : text(word);
          }
          if (map && Object.keys(map.words).some((w) => parseNumberText(w) === null)) return NO_WORD;
          const n = map?.scale ? unscaledRating(Number(v), map.scale) : Number(v);
          // A list of numbers (1, 2, 3) has none between its steps: 2 of 1–5 (1.5 of 1–3) is named, not written.
          if (map?.clientList && !map.clientList.some((w) => parseNumberText(w)?.value === n)) return NO_WORD;
          return { t: 'n', v: n };
        }
        case 'level':
          return { t: 'n', v: Number(v) };
        case 'parent':
          // The parent's ID as the column writes IDs: a number in a column of numbers (Redmine's 1203).
          return numeric && /^\d+$/.test(String(v)) ? { t: 'n', v: Number(v) } : text(String(v));
        case 'yesNo':
          return v === true ? { t: 's', v: '○' } : null;
        case 'vocab': {
          const word = listWordFor(map, vocab[spec.list as VocabListName].items, String(v), language);
          // A code of numbers (1/2/3 explained on a 凡例 sheet) is written as the numbers the column holds.
          return word === null ? NO_WORD : numeric && /^\d+$/.test(word) ? { t: 'n', v: Number(word) } : text(word);
        }
        case 'wbsStatus': {
          const own = codes?.write(String(v));
          if (typeof own === 'number') return numeric ? { t: 'n', v: own } : text(String(own));
          // (The client's word the import read at its stage, kept in the profile's map: 施工済 for done.)
          return text(own ?? clientWord(map, String(v)) ?? WBS_STATUS_LABELS[String(v)]?.[language] ?? String(v));
        }
        case 'scheduling': {
          // The column's word for the other mode gives its wording: MS Project's "Auto Scheduled"
          // column gets "Manually Scheduled" for a task imported as manual, not our 手動.
          const auto = v === 'auto' ? 0 : 1;
          const other = words.get(JSON.stringify(auto === 0 ? 'manual' : 'auto'));
          const pair = other?.t === 's' ? MODE_WORDS.find((p) => p[1 - auto]!.toLowerCase() === String(other.v).trim().toLowerCase()) : undefined;
          return text(pair ? pair[auto]! : (WBS_SCHEDULING_LABELS[String(v)]?.[language] ?? String(v)));
        }
        case 'days': {
          // A column of durations written with their unit (MS Project: "5 days", "1 day"; 5日) gets
          // the new number in the same words.
          const unit = dayUnit(cells);
          const n = Number(v);
          if (!unit) return { t: 'n', v: n };
          return text(`${n}${unit.space ? ' ' : ''}${/^days?$/.test(unit.word) ? (n === 1 ? 'day' : 'days') : unit.word}`);
        }
        case 'wbsCode': {
          // A column of numeric codes (1, 2, 1.1 typed as numbers) gets a number where the code reads
          // back the same from one (not 1.10).
          const s = String(v);
          return numeric && /^\d+(\.\d+)?$/.test(s) && String(Number(s)) === s ? { t: 'n', v: Number(s) } : text(s);
        }
        case 'ref': {
          // A No column of plain numbers gets the number of a new row's ID (I-004 → 4).
          const digits = new RegExp(`^${base.refPrefix.replace(/[-]/g, '\\-')}0*(\\d+)$`).exec(String(v));
          return numeric && digits ? { t: 'n', v: Number(digits[1]) } : text(String(v));
        }
        default:
          return text(String(v));
      }
    },
  };
}

/** The unit a column writes its durations with ("5 days" → days, "3日" → 日), when most of its cells have one. */
/** Scheduling modes as MS Project and clients word them, [auto, manual]. */
const MODE_WORDS: readonly (readonly [string, string])[] = [
  ['Auto Scheduled', 'Manually Scheduled'],
  ['自動スケジュール', '手動スケジュール'],
  ['自動', '手動'],
  ['Auto', 'Manual'],
];

function dayUnit(cells: readonly Cell[]): { word: string; space: boolean } | null {
  const units = cells.flatMap((c) => {
    const m = c.t === 's' ? DAYS_WITH_UNIT.exec(String(c.v).trim()) : null;
    return m ? [{ word: m[2]!, space: m[1]!.length > 0 }] : [];
  });
  return units.length * 2 > cells.length ? units.find((u) => u.word !== 'day') ?? units[0]! : null;
}
