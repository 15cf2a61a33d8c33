// A register of a project in PMO Desk's own layout (../../excel/register-layout.ts): the stored rows
// turned into labelled values of the chosen language.
import type { ExportedWorkbook } from '../../../common/api/excel.js';
import { fieldSpec, type FieldSpec, type ImportTarget } from '../../../common/excel/fields.js';
import { EXPORT_HEADERS, WBS_SCHEDULING_LABELS, WBS_STATUS_LABELS } from '../../../common/excel/column-labels.js';
import { RISK_LEVEL_LABELS, vocabLabel, type Vocabularies, type VocabListName } from '../../../common/registers.js';
import type { SqlDb as Db } from '../../db/sql.js';
import { headerOf, registerFileName, registerXlsx, type ColumnKind, type ExtraBand, type LayoutColumn, type LayoutRow, type LayoutRows, type LayoutValue } from '../../excel/register-layout.js';
import { ganttBand, type BandRows } from '../../excel/gantt-band.js';
import type { Language } from '../../excel/minutes-layout.js';
import { csvText, csvValue, type CsvValue } from '../../excel/csv-writer.js';
import { EXCEL_MAX_COLUMNS } from '../../excel/limits.js';
import { textError } from '../../../common/errors.js';
import { getProjectRow } from '../projects.js';
import { loadVocabularies } from '../registers/vocabularies.js';
import { EXPORT_CHUNK, RowsChanged, wbsExportRows, type WbsExportRows } from './wbs-export-rows.js';
import { NO_DATE } from '../../schedule/cpm.js';
import { REGISTER_SERVICES } from '../registers/index.js';
import { REGISTER_LIST } from '../../../common/registers/index.js';
import { breathe } from '../../call-scope.js';

/** Columns written wide and wrapped: the WBS's notes and the registers' long columns (their descriptors say which). */
const LONG_TEXT = new Set(['notes', ...REGISTER_LIST.flatMap((d) => Object.entries(d.columns).flatMap(([field, c]) => (c.long ? [field] : [])))]);

function kindOf(field: string, spec: FieldSpec | undefined): ColumnKind {
  switch (spec?.kind) {
    case 'date':
      return 'date';
    case 'effort':
    case 'days':
      return 'number';
    case 'progress':
      return 'percent';
    case 'rating':
      return 'rating';
    case 'vocab':
    case 'wbsStatus':
    case 'scheduling':
      return 'list';
    case 'yesNo':
      return 'mark';
    case 'ref':
    case 'wbsCode':
      return 'code';
    case 'derived':
      return field === 'level' ? 'text' : 'number';
    default:
      return LONG_TEXT.has(field) ? 'longText' : 'text';
  }
}

type Row = Record<string, unknown> & { extra?: Record<string, unknown> };

/**
 * How a field's cells show its values: list codes as labels, booleans and numbers as they are, the rest
 * as text. Decided once per column: a 10,000-row export asks 170,000 times.
 */
function shownOf(field: string, spec: FieldSpec | undefined, vocab: Vocabularies, language: Language): (v: unknown) => LayoutValue {
  const label = (labels: Record<string, Record<Language, string>>) => (v: unknown) => (v === null || v === undefined ? null : (labels[String(v)]?.[language] ?? String(v)));
  if (spec?.kind === 'vocab') {
    const items = vocab[spec.list as VocabListName].items;
    return (v) => (v === null || v === undefined ? null : vocabLabel(items, String(v), language));
  }
  if (spec?.kind === 'wbsStatus') return label(WBS_STATUS_LABELS);
  if (spec?.kind === 'scheduling') return label(WBS_SCHEDULING_LABELS);
  if (spec?.kind === 'derived' && field === 'level') return label(RISK_LEVEL_LABELS);
  return (v) => (v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'boolean' ? v : field === 'extra' ? JSON.stringify(v) : String(v));
}

/** The WBS's gantt band right of the table (one empty column between), from the network's dates and the critical path; null when no task has dates. */
function ganttBandOf(wbs: WbsExportRows, critical: Uint8Array, firstCol: number, language: Language, today: string): ExtraBand | null {
  return ganttBand({ firstCol, language, today, cal: wbs.net.cal, rows: new NetworkBandRows(wbs, critical) });
}

// The rows below are read through methods of classes, not closures made per export: a new closure at a
// call site the optimizing compiler had inlined deoptimized the export's compiled loops, so the second
// export of a process compiled them again (npm run bench -- --only scale, the 10,000-task export).

/** The band's rows from the network's arrays. */
class NetworkBandRows implements BandRows {
  readonly length: number;
  constructor(
    private readonly wbs: WbsExportRows,
    private readonly criticalOf: Uint8Array,
  ) {
    this.length = wbs.count;
  }
  start(i: number): number | null {
    const d = this.wbs.net.tasks.startDay[i]!;
    return d === NO_DATE ? null : d;
  }
  finish(i: number): number | null {
    const d = this.wbs.net.tasks.finishDay[i]!;
    return d === NO_DATE ? null : d;
  }
  milestone(i: number): boolean {
    return this.wbs.net.tasks.rows[i]![6] === 1;
  }
  summary(i: number): boolean {
    return this.wbs.summary[i] === 1;
  }
  critical(i: number): boolean {
    return this.criticalOf[i] === 1;
  }
}

/**
 * The layout's rows from the WBS's or a register's stored rows. One row object and one array of values,
 * filled again for each row: the writer and the CSV read a row before asking for the next
 * (register-layout.ts LayoutRows), and 10,000 of each were garbage.
 */
class StoredRows implements LayoutRows {
  private readonly row: { values: LayoutValue[]; level: number; summary: boolean };
  constructor(
    readonly length: number,
    private readonly wbs: WbsExportRows | null,
    private readonly records: Row[] | null,
    private readonly fields: string[],
    /** How each field's cells show its values (shownOf). */
    private readonly shows: ((v: unknown) => LayoutValue)[],
    private readonly extraKeys: string[],
  ) {
    // Every property set here, none added later: an object given new properties changes its map, and the
    // compiled code of the export before, checking for the final one, was thrown away.
    this.row = { values: new Array<LayoutValue>(fields.length + extraKeys.length).fill(null), level: 0, summary: false };
  }
  at(i: number): LayoutRow {
    const { fields, shows, extraKeys, row: out } = this;
    const values = out.values;
    const row: Row = this.wbs ? this.wbs.at(i) : this.records![i]!;
    for (let f = 0; f < fields.length; f++) values[f] = shows[f]!(row[fields[f]!]);
    for (let k = 0; k < extraKeys.length; k++) {
      const v = row.extra?.[extraKeys[k]!];
      values[fields.length + k] = v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean);
    }
    if (this.wbs) {
      out.level = this.wbs.level[i]!;
      out.summary = this.wbs.summary[i] === 1;
    }
    return out;
  }
}

type ExportInput = { projectId: number; register: ImportTarget; language: Language; today: string; format?: 'xlsx' | 'csv' };

export async function exportDefaultLayout(db: Db, input: ExportInput): Promise<ExportedWorkbook> {
  // A write between two chunks of the WBS's rows starts the export again (wbs-export-rows.ts); the
  // third attempt reads every row at once.
  for (let attempt = 0; ; attempt++) {
    try {
      return await exportOnce(db, input, attempt < 2 ? EXPORT_CHUNK : Infinity);
    } catch (err) {
      if (!(err instanceof RowsChanged)) throw err;
    }
  }
}

async function exportOnce(db: Db, input: ExportInput, chunk: number): Promise<ExportedWorkbook> {
  const project = getProjectRow(db, input.projectId);
  const { register: target, language } = input;
  const vocab = loadVocabularies(db, input.projectId);
  // The WBS's tree, critical path and band dates from one read of the schedule's arrays, its rows' values
  // read a chunk at a time as they are written (wbs-export-rows.ts): 100,000 rows of values and their
  // cells, all held until the file was done, were most of a big export's peak memory.
  const wbs = target === 'wbs' ? wbsExportRows(db, input.projectId, input.today, { critical: input.format !== 'csv', chunk }) : null;
  const records = target === 'wbs' ? null : REGISTER_SERVICES[target].list(db, input.projectId, { today: input.today });
  const count = wbs?.count ?? records!.length;

  const fields = Object.keys(EXPORT_HEADERS[target]);
  const keySet = new Set<string>();
  if (records) for (const r of records as unknown as Row[]) for (const k of Object.keys(r.extra ?? {})) keySet.add(k);
  const extraKeys = wbs ? wbs.extraKeys : [...keySet];
  // Each extra key is a column; a sheet has 16,384 (past it ExcelJS threw "16385 is out of bounds").
  if (input.format !== 'csv' && fields.length + extraKeys.length > EXCEL_MAX_COLUMNS)
    throw textError(
      'CONFLICT',
      'export.tooManyColumns',
      { count: extraKeys.length, max: EXCEL_MAX_COLUMNS },
      `the ${target} register's rows hold ${extraKeys.length.toLocaleString('en-US')} different extra columns; an Excel sheet holds ${EXCEL_MAX_COLUMNS.toLocaleString('en-US')} columns (export as CSV instead)`,
      { field: 'register' },
    );
  const columns: LayoutColumn[] = [
    ...fields.map((field): LayoutColumn => {
      const spec = fieldSpec(target, field);
      const kind = kindOf(field, spec);
      const options =
        spec?.kind === 'vocab'
          ? vocab[spec.list as VocabListName].items.map((i) => vocabLabel(vocab[spec.list as VocabListName].items, i.code, language))
          : spec?.kind === 'wbsStatus'
            ? Object.values(WBS_STATUS_LABELS).map((l) => l[language])
            : spec?.kind === 'scheduling'
              ? Object.values(WBS_SCHEDULING_LABELS).map((l) => l[language])
              : undefined;
      return { key: field, header: headerOf(target, field, language), kind, ...(options ? { options } : {}) };
    }),
    ...extraKeys.map((k): LayoutColumn => ({ key: `extra:${k}`, header: k, kind: 'text' })),
  ];
  // Reading took its share of the time: the rest of the call makes room for others as it goes (pace).
  await breathe();
  const shows = fields.map((field) => shownOf(field, fieldSpec(target, field), vocab, language));
  const rows = new StoredRows(count, wbs, records as unknown as Row[] | null, fields, shows, extraKeys);
  const fileName = registerFileName(target, language, project.name, input.today);
  if (input.format === 'csv') {
    // The header, then one line per row; the WBS tree as its codes (the first column).
    const lines: CsvValue[][] = [columns.map((c) => c.header)];
    for (let i = 0; i < count; i++) {
      if (i % 500 === 0) await breathe();
      const r = rows.at(i);
      lines.push(columns.map((c, j) => csvValue(c.kind, r.values[j] ?? null)));
    }
    return { fileName: fileName.replace(/\.xlsx$/, '.csv'), dataBase64: csvText(lines).toString('base64') };
  }
  const band = wbs?.critical ? ganttBandOf(wbs, wbs.critical, columns.length + 1, language, input.today) : null;
  await breathe();
  const bytes = await registerXlsx({ target, language, projectName: project.name, today: input.today, columns, rows, band });
  return { fileName, dataBase64: bytes.toString('base64') };
}
