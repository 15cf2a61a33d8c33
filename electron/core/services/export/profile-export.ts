// A register written into the client's own workbook (the profile's template) through the lossless
// template writer: only the table's data cells change, and of those only the ones whose meaning
// changed. A row that matches a row of the template keeps the template's own cell wherever the stored
// value still reads the same (the client's 済 stays 済, 0.333 stays 0.333, a date typed as text stays
// text); a changed value is written the way that column writes it (the client's word for a list code,
// a date serial in a date cell, a fraction in a % column, hours in an hours column).
import type { ExportedWorkbook } from '../../../common/api/excel.js';
import { WBS_ROLLED_UP_FIELDS } from '../../../common/dto.js';
import { readValue, textOf, type ValueContext } from '../../../common/excel/cell-values.js';
import type { TableLayout } from '../../../common/excel/detect.js';
import { fieldSpec, type FieldSpec, type ImportTarget } from '../../../common/excel/fields.js';
import { WBS_STATUS_LABELS } from '../../../common/excel/headers.js';
import type { ColumnMapping } from '../../../common/excel/mapping.js';
import type { Cell } from '../../../common/excel/model.js';
import { DAYS_PER_MONTH, effortUnitOf, HOURS_PER_DAY } from '../../../common/excel/numbers.js';
import { SheetIndex } from '../../../common/excel/sheet-index.js';
import { readTable } from '../../../common/excel/table.js';
import { ApiError } from '../../../common/errors.js';
import { REGISTERS, vocabLabel, type Vocabularies, type VocabListName } from '../../../common/registers.js';
import type { Db } from '../../db/open.js';
import { readWorkbook } from '../../excel/reader.js';
import { dateSerial, TemplateError, writeIntoTemplate, type CellOut, type OutValue } from '../../excel/template/index.js';
import { ExcelReadError } from '../../excel/errors.js';
import { sameValue, planImport, REGISTER_SERVICES } from '../import/plan.js';
import { getTableProfile, profileTemplate } from '../import/profiles.js';
import { getProjectRow } from '../projects.js';
import { loadVocabularies } from '../registers/vocabularies.js';
import { listTasks } from '../wbs.js';

const ROLLED_UP = new Set<string>(WBS_ROLLED_UP_FIELDS);
type Row = Record<string, unknown> & { id: number; extra?: Record<string, unknown> };

interface Out {
  row: Row;
  level: number;
  summary: boolean;
  /** The template record (0-based sheet row) this row was matched to. */
  at: number | null;
}

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
    throw new ApiError('VALIDATION', `excel.export: profileId: profile ${profile.name} is for the ${profile.register} register, not ${input.register}`, [
      { field: 'profileId', message: `is a profile of the ${profile.register} register` },
    ]);
  const template = profileTemplate(db, profile.id);
  const target = input.register;
  const vocab = loadVocabularies(db, input.projectId);
  const model = await readWorkbook(template, profile.fileName).catch((err: Error) => {
    throw new ApiError('CONFLICT', err.message, { field: 'profileId' });
  });
  const layout: TableLayout = {
    target,
    sheet: profile.layout.sheet,
    headerTop: profile.layout.headerTop - 1,
    headerBottom: profile.layout.headerBottom - 1,
    columns: profile.layout.columns,
    score: 0,
  };
  if (!model.sheets.some((s) => s.name === layout.sheet)) throw new ApiError('CONFLICT', `${profile.fileName} has no sheet named ${layout.sheet}`, { field: 'profileId' });
  const table = readTable(model, layout, { vocab, today: input.today });
  const sheet = model.sheets.find((s) => s.name === layout.sheet)!;
  const ix = new SheetIndex(sheet);

  // The template's rows matched to stored rows the way an import matches them.
  const plan = planImport(db, input.projectId, table, input.today, false);
  const rowOf = new Map<number, number>();
  for (const p of plan.planned) if (p.id !== undefined && !table.records[p.record]!.group) rowOf.set(p.id, table.records[p.record]!.row - 1);

  const outs: Out[] =
    target === 'wbs'
      ? listTasks(db, input.projectId, input.today).map((t) => ({ row: { ...t, wbsCode: t.code } as unknown as Row, level: t.level, summary: t.summary, at: rowOf.get(t.id) ?? null }))
      : registerOrder(REGISTER_SERVICES[target].list(db, input.projectId, { today: input.today }) as unknown as Row[], rowOf);

  const ctx: ValueContext = {
    date1904: model.date1904,
    vocab,
    reference: input.today,
    progressScale: table.progressScale ?? profile.layout.progressScale ?? 'fraction',
    effortUnit: 'day',
    refPrefix: target === 'wbs' ? '' : REGISTERS[target].refPrefix,
  };
  const columns = layout.columns.filter((m) => writable(target, m));
  const writers = columns.map((m) => columnWriter(target, m, ix, table.records.map((r) => r.row - 1), ctx, input.language, vocab));
  const indent = indentStyle(table.records, ix, layout.columns.find((m) => m.field === 'name'), table.hierarchy);

  const rows = outs.map((o) =>
    columns.map((m, j): CellOut | undefined => {
      const field = m.field;
      // A summary's dates, effort and progress in the client's file are the client's (often formulas).
      if (target === 'wbs' && o.summary && field && ROLLED_UP.has(field) && o.at !== null) return { value: rawValue(ix.cell(o.at, m.c)) };
      const stored = storedValue(o, m, indent);
      const tcell = o.at === null ? undefined : ix.cell(o.at, m.c);
      if (o.at !== null && sameValue(writers[j]!.meaning(tcell), stored)) return { value: rawValue(tcell) };
      const out: CellOut = { value: writers[j]!.write(stored) };
      if (field === 'name' && indent.kind === 'cell' && o.level > 0) out.indent = o.level * indent.step;
      return out;
    }),
  );

  const first = table.data.first ?? layout.headerBottom + 2;
  let bytes: Uint8Array;
  try {
    bytes = await writeIntoTemplate(
      template,
      [{ sheet: layout.sheet, firstRow: first, lastRow: table.data.last, columns: columns.map((m) => m.c), rows }],
      { fileName: profile.fileName },
    );
  } catch (err) {
    // The template is the client's file: what stops the writer is a fact about it, not a fault of ours.
    if (err instanceof TemplateError || err instanceof ExcelReadError) throw new ApiError('CONFLICT', err.message, { field: 'profileId', code: err.code });
    throw err;
  }
  return { fileName: profile.fileName, dataBase64: Buffer.from(bytes).toString('base64') };
}

/** Rows of the template first, in its order; rows it does not have after them, oldest first. */
function registerOrder(rows: Row[], rowOf: Map<number, number>): Out[] {
  const out = rows.map((row) => ({ row, level: 0, summary: false, at: rowOf.get(row.id) ?? null }));
  return [...out.filter((o) => o.at !== null).sort((a, b) => a.at! - b.at!), ...out.filter((o) => o.at === null)];
}

/** Columns the export writes: fields, extra columns and the WBS code and level; not 大/中/小 columns. */
function writable(target: ImportTarget, m: ColumnMapping): boolean {
  if (m.field === null) return !!m.extraKey;
  if (target === 'wbs' && /^level\d$/.test(m.field)) return false;
  return true;
}

interface IndentStyle {
  kind: 'none' | 'cell' | 'spaces';
  step: number;
  unit: string;
}

/** How the template indents names by level: cell indent, or leading spaces (full- or half-width). */
function indentStyle(records: { row: number; level?: number }[], ix: SheetIndex, name: ColumnMapping | undefined, method: string | undefined): IndentStyle {
  if (method !== 'indent' || !name) return { kind: 'none', step: 0, unit: '' };
  for (const rec of records) {
    if (!rec.level) continue;
    const cell = ix.cell(rec.row - 1, name.c);
    if (cell?.indent) return { kind: 'cell', step: cell.indent / rec.level, unit: '' };
    const lead = cell?.t === 's' ? (/^[ \u3000\t]+/.exec(cell.v as string)?.[0] ?? '') : '';
    if (lead !== '') return { kind: 'spaces', step: 1, unit: lead.slice(0, Math.max(1, Math.round(lead.length / rec.level))) };
  }
  return { kind: 'none', step: 0, unit: '' };
}

/** What the row holds for a column, in the import's terms (so it compares with the template's cell). */
function storedValue(o: Out, m: ColumnMapping, indent: IndentStyle): unknown {
  if (m.field === null) return o.row.extra?.[m.extraKey!] ?? null;
  if (m.field === 'level') return o.level + 1;
  if (m.field === 'name' && indent.kind === 'spaces') return indent.unit.repeat(o.level) + String(o.row.name ?? '');
  return o.row[m.field] ?? null;
}

interface ColumnWriter {
  /** What a template cell of this column means (null for empty). */
  meaning(cell: Cell | undefined): unknown;
  /** A stored value → the cell to write. */
  write(v: unknown): OutValue;
}

function columnWriter(
  target: ImportTarget,
  m: ColumnMapping,
  ix: SheetIndex,
  recordRows: number[],
  base: ValueContext,
  language: 'ja' | 'en',
  vocab: Vocabularies,
): ColumnWriter {
  const spec: FieldSpec | undefined = m.field === null ? undefined : fieldSpec(target, m.field);
  const ctx: ValueContext = { ...base, effortUnit: m.unit ?? effortUnitOf(m.label) };
  const cells = recordRows.map((r) => ix.cell(r, m.c)).filter((c): c is Cell => !!c && c.t !== 'e');
  const meaning = (cell: Cell | undefined): unknown => {
    if (!cell || cell.t === 'e') return null;
    if (!spec) return cell.t === 's' ? (cell.v as string).trim() : cell.t === 'd' ? textOf(cell, base.date1904) : cell.v;
    if (m.field === 'name' && cell.t === 's') return (cell.v as string).replace(/\s+$/, '');
    const r = readValue(spec, cell, ctx);
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
  const numeric = cells.length > 0 && cells.filter((c) => c.t === 'n').length * 2 > cells.length;
  return {
    meaning,
    write(v) {
      if (v === null || v === undefined || v === '') return null;
      const known = words.get(JSON.stringify(v));
      if (known && spec && spec.kind !== 'text') return known;
      if (!spec) return typeof v === 'number' ? { t: 'n', v } : typeof v === 'boolean' ? { t: 'b', v } : text(String(v));
      switch (spec.kind) {
        case 'date':
          return datesAsText ? text(String(v).replaceAll('-', '/')) : { t: 'd', v: dateSerial(String(v), base.date1904) };
        case 'effort': {
          const n = Number(v);
          const val = ctx.effortUnit === 'hour' ? n * HOURS_PER_DAY : ctx.effortUnit === 'month' ? n / DAYS_PER_MONTH : n;
          return { t: 'n', v: Math.round(val * 1e6) / 1e6 };
        }
        case 'progress':
          return { t: 'n', v: ctx.progressScale === 'fraction' ? Number(v) / 100 : Number(v) };
        case 'rating':
        case 'level':
          return { t: 'n', v: Number(v) };
        case 'yesNo':
          return v === true ? { t: 's', v: '○' } : null;
        case 'vocab':
          return text(vocabLabel(vocab[spec.list as VocabListName].items, String(v), language));
        case 'wbsStatus':
          return text(WBS_STATUS_LABELS[String(v)]?.[language] ?? String(v));
        case 'wbsCode': {
          // A column of numeric codes (1, 2, 3 typed as numbers) gets numbers where the code is one.
          const s = String(v);
          return numeric && /^\d+$/.test(s) ? { t: 'n', v: Number(s) } : text(s);
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

