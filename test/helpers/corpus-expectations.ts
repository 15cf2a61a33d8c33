// Compares what import detection finds in a corpus workbook with what a person sees in it
// (test/fixtures/corpus-expectations/*.json, see its README): sheet, header rows, data range, each
// column's field, records imported, rows left out, and "nothing imported" for workbooks and tables that
// hold no register. Pure functions over previews, so the corpus test and a detection helper's own
// scripts judge the same way. The preview is asked for through a callback (the API in-process).
import fs from 'node:fs';
import path from 'node:path';
import type { ImportPreview, MappingInput } from '../../electron/common/excel/preview.js';

export const REGISTERS = ['wbs', 'risk', 'issue', 'change'] as const;
export type Register = (typeof REGISTERS)[number];

/** A column's reading: a field key, 'extra' or 'ignore'; several = each is acceptable, preferred first. */
export type ColumnWant = string | string[];

export interface LeftOut {
  row?: number;
  rows?: [number, number];
  reason: string;
}

export interface TableExpectation {
  sheet: string;
  register: Register | 'none';
  closest?: Register;
  why?: string;
  headerRows?: [number, number];
  firstDataRow?: number;
  lastDataRow?: number | null;
  /** Where the last record starts, when records span rows (default: lastDataRow - rowsPerRecord + 1). */
  lastRecordStart?: number;
  rowsPerRecord?: number | 'varies';
  titleColumn?: string;
  columns?: Record<string, ColumnWant>;
  secondRowColumns?: Record<string, ColumnWant>;
  records?: number;
  leftOut?: LeftOut[];
  sideTables?: { range: string; what: string }[];
  alternatives?: (Partial<TableExpectation> & { pick: boolean; why: string })[];
  notes?: string;
}

export interface FileExpectation {
  file: string;
  tables: TableExpectation[];
  noTable?: string;
  alternatives?: { pick: boolean; why: string; tables: TableExpectation[] }[];
  notes?: string;
}

export interface Expectations {
  split: 'tune' | 'holdout';
  files: FileExpectation[];
}

export const EXPECTATIONS_DIR = path.resolve(import.meta.dirname, '../fixtures/corpus-expectations');

export function loadExpectations(split: 'tune' | 'holdout'): Expectations {
  return JSON.parse(fs.readFileSync(path.join(EXPECTATIONS_DIR, `${split}.json`), 'utf8')) as Expectations;
}

/** known-gaps.json: file → the aspects that do not match yet (ids as in FileResult.wrong). */
export type KnownGaps = Record<string, string[]>;

export function loadKnownGaps(): KnownGaps {
  const p = path.join(EXPECTATIONS_DIR, 'known-gaps.json');
  if (!fs.existsSync(p)) return {};
  const raw = JSON.parse(fs.readFileSync(p, 'utf8')) as { files?: KnownGaps };
  return raw.files ?? {};
}

// ---------------------------------------------------------------- import outcomes

/** import-outcomes.json: what a user accepts when importing a register workbook as it is. */
export type ImportOutcome =
  /** notYet: why the product does not import it as a person reads it yet (the test holds that it still fails). */
  | { as: Register; accept: 'import'; reading?: string; notYet?: string }
  | { as: Register; accept: 'refuse'; reason: string; why: string };

export function loadImportOutcomes(): Record<string, ImportOutcome> {
  const raw = JSON.parse(fs.readFileSync(path.join(EXPECTATIONS_DIR, 'import-outcomes.json'), 'utf8')) as { files: Record<string, ImportOutcome> };
  return raw.files;
}

/** What a person sees of a file's first table of a register, under a named reading: sheet, records and rows left out. */
export interface PersonTable {
  sheet: string;
  /** 1-based header rows, where the dialog asks for them. */
  headerRows?: [number, number];
  records: number;
  leftOut: Set<number>;
}

/**
 * The person's table for `register` in `file` (tune or holdout), under the table-level alternative whose
 * `why` is `reading` when given; null when the person sees no such table.
 */
export function personTable(file: string, register: Register, reading?: string): PersonTable | null {
  for (const split of ['tune', 'holdout'] as const) {
    const exp = loadExpectations(split).files.find((f) => f.file === file);
    if (!exp) continue;
    const t = exp.tables.find((x) => x.register === register);
    if (!t) return null;
    const alt = reading === undefined ? undefined : t.alternatives?.find((a) => a.why === reading);
    if (reading !== undefined && !alt) throw new Error(`${file}: no reading '${reading}' of its ${register} table`);
    const v = { ...t, ...(alt ?? {}) };
    return { sheet: v.sheet, ...(v.headerRows ? { headerRows: v.headerRows } : {}), records: v.records ?? 0, leftOut: expandLeftOut(v.leftOut) };
  }
  throw new Error(`${file}: no expectation in tune.json or holdout.json`);
}

// ---------------------------------------------------------------- columns

function letterIndex(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 'E' → [4, 4]; 'A:C' → [0, 2]. */
export function columnSpan(key: string): [number, number] {
  const [a, b = a] = key.split(':');
  return [letterIndex(a!), letterIndex(b!)];
}

interface ProductColumn {
  column: string;
  field: string | null;
  ignored?: boolean;
  ignore?: boolean;
  /** The form's own numbering (ColumnMapping.numbering): no field, nothing imported, renumbered on export. */
  numbering?: boolean;
  /** The label column of two-row records (ColumnMapping.blockLabels: 予定/実績): structure, nothing imported. */
  blockLabels?: string[];
}

/** What the product does with a column: its field, 'extra' (kept as a client column) or 'ignore'. */
function productReading(c: ProductColumn): string {
  if (c.ignored === true || c.ignore === true || c.numbering === true || c.blockLabels !== undefined) return 'ignore';
  return c.field ?? 'extra';
}

export interface ColumnResult {
  column: string;
  want: ColumnWant;
  got: string;
  ok: boolean;
}

/**
 * One expected column against the product's columns. A single column or merged group is compared with
 * the product column starting there (a group read column by column is judged by its first column); a
 * range expected as 'ignore' (a gantt day grid) is right when no product column inside it is used.
 */
export function compareColumn(key: string, want: ColumnWant, product: readonly ProductColumn[]): ColumnResult {
  const accept = Array.isArray(want) ? want : [want];
  const [c1, c2] = columnSpan(key);
  const inside = product.filter((p) => {
    const [p1] = columnSpan(p.column);
    return p1 >= c1 && p1 <= c2;
  });
  if (c2 > c1 && accept.length === 1 && accept[0] === 'ignore') {
    const used = inside.filter((p) => productReading(p) !== 'ignore');
    return { column: key, want, got: used.length === 0 ? 'ignore' : used.map((p) => `${p.column}→${productReading(p)}`).join(', '), ok: used.length === 0 };
  }
  // A product group over this column and the one before it (B:C, a name written in B for phases and in C
  // for tasks) reads this column as its field: right when that is the field a person gives it first.
  const covering = product.find((p) => {
    const [p1, p2] = columnSpan(p.column);
    return p1 < c1 && c2 <= p2 && productReading(p) === accept[0] && accept[0] !== 'ignore';
  });
  const exact = product.find((p) => p.column === key) ?? inside.find((p) => columnSpan(p.column)[0] === c1) ?? covering;
  // A column the product does not list is one it leaves out of the import.
  const got = exact ? productReading(exact) : 'ignore';
  const shown = exact && exact.column !== key ? `${exact.column}→${got}` : got;
  return { column: key, want, got: shown, ok: accept.includes(got) };
}

/** Primary columns with an alternative's columns laid over them (keys overlapping an override go). */
function overlayColumns(base: Record<string, ColumnWant> | undefined, over: Record<string, ColumnWant> | undefined): Record<string, ColumnWant> | undefined {
  if (!over) return base;
  const spans = Object.keys(over).map(columnSpan);
  const kept = Object.entries(base ?? {}).filter(([k]) => {
    const [a, b] = columnSpan(k);
    return !spans.some(([x, y]) => a <= y && x <= b);
  });
  return { ...Object.fromEntries(kept), ...over };
}

// ---------------------------------------------------------------- tables

export type Aspect = 'sheet' | 'header' | 'data' | 'columns' | 'records' | 'leftOut' | 'nothing';
export const TABLE_ASPECTS: Aspect[] = ['sheet', 'header', 'data', 'columns', 'records', 'leftOut'];

/**
 * How to ask the product for a table: the register, the sheet when detection is not to choose it, and
 * the table a person wants (to answer the dialog where it asks which table).
 */
export interface Ask {
  register: Register;
  sheet?: string;
  person?: { sheet: string; headerRows?: [number, number]; columns?: Record<string, ColumnWant> };
}

/** A preview, and how the dialog's question was answered where it asked (which table, or which column is the key). */
export type AnsweredPreview = ImportPreview & { answered?: string };
export type PreviewFn = (ask: Ask) => Promise<AnsweredPreview | Error>;

/**
 * Where the dialog asks which table to import, a person chooses among the tables it offers the one on
 * the sheet they mean, the one whose header rows overlap theirs first (the candidates come best first).
 * Null when the dialog does not ask, when the table shown is that one already, or when it offers no
 * table on that sheet (the person would then point at it on the sheet, which is not judged here). Where
 * it asks about columns (and the table shown is theirs), the person answers in the mapping table.
 */
export function answerAsk(p: ImportPreview, person: Ask['person']): MappingInput | null {
  if (person && p.detection?.ask === 'header') return answerColumns(p, person);
  if (!person || p.detection?.ask !== 'table') return null;
  const onSheet = p.detection.candidates.filter((c) => c.sheet === person.sheet);
  const rows = person.headerRows;
  const pick = (rows ? onSheet.find((c) => c.headerTop <= rows[1] && rows[0] <= c.headerBottom) : undefined) ?? onSheet[0];
  if (!pick) return null;
  if (pick.sheet === p.sheet && pick.headerTop === p.header.top && pick.headerBottom === p.header.bottom) return answerColumns(p, person);
  return { sheet: pick.sheet, headerTop: pick.headerTop, headerBottom: pick.headerBottom, column: pick.columns.split(':')[0]! };
}

/**
 * Where the dialog asks about columns in the table below, a person answers in the mapping table, in the
 * table of the same header: which of two columns is the key (keyClose: "… are about as likely to be the
 * title: choose it"), the other column when that is the one they read as the key; columns holding values
 * under no header word ('unheaded': "if it is one of the fields, choose it"), each the field they read it
 * as, and a column that held that field then their own reading of it (a field, or kept: null). Each
 * column by its first reading; null when they change nothing.
 */
function answerColumns(p: ImportPreview, person: NonNullable<Ask['person']>): MappingInput | null {
  const wants = person.columns;
  if (!wants) return null;
  const first = (column: string): string | undefined => {
    const want = wants[column];
    return Array.isArray(want) ? want[0] : want;
  };
  const asField = (reading: string | undefined) => (reading === undefined || reading === 'extra' || reading === 'ignore' ? null : reading);
  const set = new Map<string, string | null>();
  for (const w of p.detection?.why ?? []) {
    if (w.code === 'keyClose' && first(w.other) === w.field) set.set(w.other, w.field);
    if (w.code !== 'unheaded') continue;
    for (const column of w.columns.split(', ')) {
      const field = asField(first(column));
      if (field === null) continue;
      set.set(column, field);
      // The column that had the field: as the person reads it (in the mapping table, the field moves).
      const had = p.columns.find((m) => m.field === field && m.column !== column);
      if (had && !set.has(had.column) && first(had.column) !== undefined) set.set(had.column, asField(first(had.column)));
    }
  }
  if (set.size === 0) return null;
  return { sheet: p.sheet, headerTop: p.header.top, headerBottom: p.header.bottom, columns: [...set].map(([column, field]) => ({ column, field })) };
}

export interface TableResult {
  /** `wbs@ガント`, `none(wbs)@Sheet1`. */
  id: string;
  table: TableExpectation;
  /** Which reading matched best: 'primary' or the alternative's why. */
  reading: string;
  /** Per aspect: right, wrong, or not judged (null: the sheet was given, or the aspect does not apply). */
  aspects: Partial<Record<Aspect, boolean | null>>;
  columns: ColumnResult[];
  expectedRecords: number;
  /** Records imported from rows a person counts (capped at expectedRecords for the figures). */
  goodRecords: number;
  importedRecords: number;
  /** Rows imported that a person leaves out, or that lie outside the data range. */
  badRows: number[];
  got: string;
  /** The dialog asked (which table, or which column is the key), and the person answered it. */
  asked?: true;
}

function expandLeftOut(list: readonly LeftOut[] | undefined): Set<number> {
  const out = new Set<number>();
  for (const l of list ?? []) {
    if (l.row !== undefined) out.add(l.row);
    if (l.rows) for (let r = l.rows[0]; r <= l.rows[1]; r++) out.add(r);
  }
  return out;
}

function tableId(t: TableExpectation): string {
  return t.register === 'none' ? `none(${t.closest ?? '?'})@${t.sheet}` : `${t.register}@${t.sheet}`;
}

function describe(p: ImportPreview | Error): string {
  if (p instanceof Error) return `error: ${p.message}`;
  const imported = p.rows.filter((r) => !r.skipped).length;
  return `${(p as AnsweredPreview).answered ? `asked, chose ${(p as AnsweredPreview).answered}: ` : ''}${p.sheet} header ${p.header.top}–${p.header.bottom}, data ${p.data.first ?? '–'}–${p.data.last ?? '–'}, ${imported} imported${p.counts.skipped ? `, ${p.counts.skipped} skipped` : ''}`;
}

/**
 * The sheet rows whose records the preview imports. A WBS built from 大分類/中分類 columns adds group
 * tasks that come from the same rows, so records are counted by source row, not by preview row.
 */
function importedRows(p: ImportPreview | Error): number[] {
  if (p instanceof Error) return [];
  return [...new Set(p.rows.filter((r) => !r.skipped).map((r) => r.row))];
}

function judgeTable(t: TableExpectation, p: ImportPreview | Error, sheetGiven: boolean): Omit<TableResult, 'id' | 'table' | 'reading'> {
  const imported = importedRows(p);
  if (t.register === 'none') {
    return {
      aspects: { nothing: imported.length === 0 },
      columns: [],
      expectedRecords: 0,
      goodRecords: 0,
      importedRecords: imported.length,
      badRows: imported,
      got: describe(p),
    };
  }
  const expected = t.records ?? 0;
  const first = t.firstDataRow ?? 0;
  const last = t.lastDataRow ?? null;
  const left = expandLeftOut(t.leftOut);
  const onSheet = !(p instanceof Error) && p.sheet === t.sheet;
  const bad = imported.filter((r) => !onSheet || left.has(r) || r < first || last === null || r > last);
  // The product may name a multi-row record's first row as the end of the data, or its last.
  const lastStart = t.lastRecordStart ?? (last !== null && typeof t.rowsPerRecord === 'number' ? last - t.rowsPerRecord + 1 : last);
  const good = imported.length - bad.length;
  const columns = p instanceof Error ? [] : Object.entries(t.columns ?? {}).map(([k, w]) => compareColumn(k, w, p.columns as ProductColumn[]));
  const aspects: TableResult['aspects'] = {};
  if (p instanceof Error) {
    for (const a of TABLE_ASPECTS) aspects[a] = a === 'sheet' && sheetGiven ? null : false;
    aspects.leftOut = true;
  } else {
    aspects.sheet = sheetGiven ? null : onSheet;
    aspects.header = onSheet && !!t.headerRows && p.header.top === t.headerRows[0] && p.header.bottom === t.headerRows[1];
    aspects.data =
      onSheet &&
      (last === null
        ? imported.length === 0 && (p.data.first === null || p.data.first === first)
        : p.data.first === first && (p.data.last === last || p.data.last === lastStart));
    aspects.columns = onSheet && columns.every((c) => c.ok);
    aspects.records = bad.length === 0 && imported.length === expected;
    aspects.leftOut = !imported.some((r) => left.has(r));
  }
  const asked = !(p instanceof Error) && (p as AnsweredPreview).answered !== undefined;
  return { aspects, columns, expectedRecords: expected, goodRecords: Math.min(good, expected), importedRecords: imported.length, badRows: bad, got: describe(p), ...(asked ? { asked: true as const } : {}) };
}

function wrongCount(a: TableResult['aspects']): number {
  return Object.values(a).filter((v) => v === false).length;
}

/** A table under its own reading and each table-level alternative; the best reading is kept. */
async function compareTable(t: TableExpectation, sheetGiven: boolean, preview: PreviewFn): Promise<TableResult> {
  const variants: { reading: string; table: TableExpectation }[] = [{ reading: 'primary', table: t }];
  for (const alt of t.alternatives ?? []) {
    const { pick: _pick, why, alternatives: _a, ...over } = alt;
    variants.push({ reading: why, table: { ...t, ...over, columns: overlayColumns(t.columns, over.columns) } });
  }
  let best: TableResult | null = null;
  for (const v of variants) {
    const register = v.table.register === 'none' ? v.table.closest : v.table.register;
    if (!register) throw new Error(`${tableId(v.table)}: a 'none' table needs closest`);
    const person = v.table.register !== 'none' ? { person: { sheet: v.table.sheet, ...(v.table.headerRows ? { headerRows: v.table.headerRows } : {}), ...(v.table.columns ? { columns: v.table.columns } : {}) } } : {};
    const ask: Ask = sheetGiven && v.table.register !== 'none' ? { register, sheet: v.table.sheet, ...person } : { register, ...person };
    const judged = judgeTable(v.table, await preview(ask), sheetGiven && v.table.register !== 'none');
    const r: TableResult = { id: tableId(t), table: v.table, reading: v.reading, ...judged };
    if (!best || wrongCount(r.aspects) < wrongCount(best.aspects)) best = r;
  }
  return best!;
}

// ---------------------------------------------------------------- files

export interface FileResult {
  file: string;
  /** Which reading of the file matched best: 'primary' or the alternative's why. */
  reading: string;
  tables: TableResult[];
  /** Workbooks with no register table: what each register's import brought (nothing is right). */
  noTable?: { register: Register; imported: number; got: string }[];
  /** Ids of the aspects that do not match, e.g. `wbs@ガント:header`, `nothing:risk`. */
  wrong: string[];
}

async function compareReading(tables: readonly TableExpectation[], noTable: boolean, preview: PreviewFn): Promise<Omit<FileResult, 'file' | 'reading'>> {
  if (noTable || tables.length === 0) {
    const results: NonNullable<FileResult['noTable']> = [];
    for (const register of REGISTERS) {
      const p = await preview({ register });
      const imported = importedRows(p).length;
      results.push({ register, imported, got: describe(p) });
    }
    return { tables: [], noTable: results, wrong: results.filter((r) => r.imported > 0).map((r) => `nothing:${r.register}`) };
  }
  const seen = new Set<string>();
  const out: TableResult[] = [];
  for (const t of tables) {
    // The first table of a register is what the import must find by itself; the others are asked for
    // by sheet, as a user picks the sheet in the dialog.
    const key = t.register === 'none' ? `none:${t.closest}` : t.register;
    const sheetGiven = seen.has(key);
    seen.add(key);
    out.push(await compareTable(t, sheetGiven, preview));
  }
  const wrong = out.flatMap((r) =>
    (Object.entries(r.aspects) as [Aspect, boolean | null][]).filter(([, ok]) => ok === false).map(([a]) => `${r.id}:${a}`),
  );
  return { tables: out, wrong };
}

/** A file under its own reading and each file-level alternative; the reading with fewest wrong aspects wins. */
export async function compareFile(exp: FileExpectation, preview: PreviewFn): Promise<FileResult> {
  let best: FileResult = { file: exp.file, reading: 'primary', ...(await compareReading(exp.tables, exp.noTable !== undefined, preview)) };
  for (const alt of exp.alternatives ?? []) {
    const r: FileResult = { file: exp.file, reading: alt.why, ...(await compareReading(alt.tables, false, preview)) };
    if (r.wrong.length < best.wrong.length) best = r;
  }
  return best;
}

/** A preview callback that asks each (register, sheet) once. */
export function cachedPreview(ask: (a: Ask) => Promise<AnsweredPreview>): PreviewFn {
  const cache = new Map<string, Promise<AnsweredPreview | Error>>();
  return (a) => {
    const key = `${a.register}|${a.sheet ?? ''}|${a.person ? `${a.person.sheet}|${a.person.headerRows?.join('-') ?? ''}|${JSON.stringify(a.person.columns ?? {})}` : ''}`;
    let p = cache.get(key);
    if (!p) {
      p = ask(a).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      cache.set(key, p);
    }
    return p;
  };
}

// ---------------------------------------------------------------- figures and report

export interface Figures {
  tables: number;
  fullyRight: number;
  headerRight: number;
  columnsRight: number;
  /** Columns a person maps to a field of the register, and how many of them the product maps the same. */
  fieldColumns: number;
  fieldColumnsRight: number;
  expectedRecords: number;
  goodRecords: number;
  /** Workbooks and tables with nothing to import, and how many of them imported nothing. */
  nothingCases: number;
  nothingRight: number;
  filesRight: number;
  files: number;
  /** Register tables where the dialog asked which table or which column is the key (answered as a person would). */
  asked: number;
}

export function figures(results: readonly FileResult[]): Figures {
  const f: Figures = { tables: 0, fullyRight: 0, headerRight: 0, columnsRight: 0, fieldColumns: 0, fieldColumnsRight: 0, expectedRecords: 0, goodRecords: 0, nothingCases: 0, nothingRight: 0, filesRight: 0, files: results.length, asked: 0 };
  for (const r of results) {
    if (r.wrong.length === 0) f.filesRight++;
    if (r.noTable) {
      f.nothingCases++;
      if (r.noTable.every((n) => n.imported === 0)) f.nothingRight++;
    }
    for (const t of r.tables) {
      if (t.table.register === 'none') {
        f.nothingCases++;
        if (t.aspects.nothing) f.nothingRight++;
        continue;
      }
      f.tables++;
      if (t.asked) f.asked++;
      if (wrongCount(t.aspects) === 0) f.fullyRight++;
      if (t.aspects.header) f.headerRight++;
      if (t.aspects.columns) f.columnsRight++;
      for (const c of t.columns) {
        const accept = Array.isArray(c.want) ? c.want : [c.want];
        if (!accept.some((w) => w !== 'extra' && w !== 'ignore')) continue;
        f.fieldColumns++;
        if (c.ok) f.fieldColumnsRight++;
      }
      f.expectedRecords += t.expectedRecords;
      f.goodRecords += t.goodRecords;
    }
  }
  return f;
}

const mark = (v: boolean | null | undefined): string => (v === true ? '✓' : v === false ? '✗' : '—');
const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const pct = (a: number, b: number): string => (b === 0 ? '—' : `${Math.round((a / b) * 100)} %`);

export function figuresLine(f: Figures): string {
  return [
    `register tables fully right ${f.fullyRight}/${f.tables}`,
    `header rows right ${f.headerRight}/${f.tables}`,
    `columns right ${f.columnsRight}/${f.tables}`,
    `field columns right ${f.fieldColumnsRight}/${f.fieldColumns} (${pct(f.fieldColumnsRight, f.fieldColumns)})`,
    `records imported ${f.goodRecords}/${f.expectedRecords} (${pct(f.goodRecords, f.expectedRecords)})`,
    `nothing imported where there is no register ${f.nothingRight}/${f.nothingCases}`,
    `files fully right ${f.filesRight}/${f.files}`,
    `the dialog asked (which table, or which column is the key) for ${f.asked}/${f.tables} (answered as a person would)`,
  ].join('; ');
}

export function renderSplit(title: string, results: readonly FileResult[]): string {
  const lines = [`## ${title}`, '', figuresLine(figures(results)), '', '| file | table | sheet | header | data | columns | records | left out | found | wrong columns |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const r of results) {
    const reading = r.reading === 'primary' ? '' : ` (other reading: ${esc(r.reading)})`;
    if (r.noTable) {
      const got = r.noTable.map((n) => `${n.register}: ${n.imported}`).join(', ');
      lines.push(`| ${r.file}${reading} | no table | | | | | | | ${r.noTable.every((n) => n.imported === 0) ? '✓ nothing imported' : `✗ imported ${esc(got)}`} | |`);
      continue;
    }
    for (const t of r.tables) {
      const a = t.aspects;
      const tr = t.reading === 'primary' ? '' : ` (reading: ${esc(t.reading)})`;
      if (t.table.register === 'none') {
        lines.push(`| ${r.file}${reading} | ${esc(t.id)}${tr} | | | | | | | ${a.nothing ? '✓ nothing imported' : `✗ ${esc(t.got)}`} | |`);
        continue;
      }
      const wrongCols = t.columns
        .filter((c) => !c.ok)
        .map((c) => `${c.column}: ${Array.isArray(c.want) ? c.want.join('/') : c.want} ≠ ${c.got}`)
        .join('; ');
      lines.push(
        `| ${r.file}${reading} | ${esc(t.id)}${tr} | ${mark(a.sheet)} | ${mark(a.header)} | ${mark(a.data)} | ${mark(a.columns)} | ${mark(a.records)} ${t.importedRecords}/${t.expectedRecords} | ${mark(a.leftOut)}${t.badRows.length ? ` (${t.badRows.slice(0, 8).join(', ')}${t.badRows.length > 8 ? ' …' : ''})` : ''} | ${esc(t.got)} | ${esc(wrongCols)} |`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
}

/** known-gaps.json as it would be for these results: stable order, one line per file. */
export function renderKnownGaps(results: readonly FileResult[]): string {
  const wrong = results.filter((r) => r.wrong.length > 0).sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
  const lines = wrong.map((r, i) => `    ${JSON.stringify(r.file)}: ${JSON.stringify([...r.wrong].sort())}${i < wrong.length - 1 ? ',' : ''}`);
  return [
    '{',
    '  "about": "Corpus workbooks whose detection does not match what a person sees yet, with the aspects that are wrong (test/integration/corpus-detect.test.ts). Remove an entry or an aspect when it is fixed; never add one.",',
    '  "files": {',
    ...lines,
    '  }',
    '}',
    '',
  ].join('\n');
}

/**
 * What is still right inside a file that does not match yet (gap-counts.json): the columns read as a
 * person reads them, the records imported from rows a person counts, and the rows imported that a
 * person leaves out — so a regression inside an already-wrong file (one column of 218 lost) fails too.
 */
export interface GapCounts {
  columnsRight: number;
  columns: number;
  recordsRight: number;
  badRows: number;
}

export function gapCounts(r: FileResult): GapCounts {
  const tables = r.tables.filter((t) => t.table.register !== 'none');
  return {
    columnsRight: tables.reduce((n, t) => n + t.columns.filter((c) => c.ok).length, 0),
    columns: tables.reduce((n, t) => n + t.columns.length, 0),
    recordsRight: tables.reduce((n, t) => n + t.goodRecords, 0),
    badRows: [...r.tables.map((t) => t.badRows.length), ...(r.noTable ?? []).map((n) => n.imported)].reduce((a, b) => a + b, 0),
  };
}

export function loadGapCounts(): Record<string, GapCounts> {
  const p = path.join(EXPECTATIONS_DIR, 'gap-counts.json');
  if (!fs.existsSync(p)) return {};
  return (JSON.parse(fs.readFileSync(p, 'utf8')) as { files?: Record<string, GapCounts> }).files ?? {};
}

/** gap-counts.json as it would be for these results (the files that do not match yet). */
export function renderGapCounts(results: readonly FileResult[]): string {
  const wrong = results.filter((r) => r.wrong.length > 0).sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
  const lines = wrong.map((r, i) => `    ${JSON.stringify(r.file)}: ${JSON.stringify(gapCounts(r))}${i < wrong.length - 1 ? ',' : ''}`);
  return [
    '{',
    '  "about": "For each file of known-gaps.json, what is still right in it (test/integration/corpus-detect.test.ts): columns read as a person reads them (of all columns judged), records imported from rows a person counts, and rows imported that a person leaves out. A change either way fails: a loss is a regression, a gain is pinned by copying the entry from test-output/excel/detect-corpus-counts.json.",',
    '  "files": {',
    ...lines,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Files not matching yet whose counts moved from gap-counts.json (fewer right, more wrong: a regression). */
export function countViolations(results: readonly FileResult[], pinned: Record<string, GapCounts>): string[] {
  const out: string[] = [];
  for (const r of results) {
    if (r.wrong.length === 0) continue;
    const want = pinned[r.file];
    const got = gapCounts(r);
    if (!want) {
      out.push(`${r.file}: no entry in gap-counts.json (${JSON.stringify(got)})`);
      continue;
    }
    const worse = got.columnsRight < want.columnsRight || got.recordsRight < want.recordsRight || got.badRows > want.badRows;
    if (JSON.stringify(got) !== JSON.stringify({ columnsRight: want.columnsRight, columns: want.columns, recordsRight: want.recordsRight, badRows: want.badRows }))
      out.push(`${r.file}: ${worse ? 'REGRESSION' : 'changed'}: pinned ${JSON.stringify(want)}, now ${JSON.stringify(got)}${worse ? '' : ' (pin the new counts)'}`);
  }
  return out;
}

/** Files whose result disagrees with known-gaps.json: unlisted mismatches, and listed ones that changed. */
export function gapViolations(results: readonly FileResult[], gaps: KnownGaps): string[] {
  const out: string[] = [];
  for (const r of results) {
    const listed = gaps[r.file];
    const wrong = [...r.wrong].sort();
    if (!listed) {
      if (wrong.length) out.push(`${r.file}: does not match and is not in known-gaps.json: ${wrong.join(', ')}`);
      continue;
    }
    const want = [...listed].sort();
    if (wrong.length === 0) out.push(`${r.file}: now matches; remove it from known-gaps.json`);
    else if (want.join('\n') !== wrong.join('\n'))
      out.push(`${r.file}: known-gaps.json lists ${want.join(', ')}; now wrong: ${wrong.join(', ')} (update the entry; it may only shrink)`);
  }
  return out;
}
