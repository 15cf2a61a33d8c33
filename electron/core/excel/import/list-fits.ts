// A column kept as the client's own whose words are a closed set of a list field's values, in a register
// whose field no column fills: the field is offered beside it and asked about (issue 11). Blind set 15, F1:
// a findings register's Open / CAP submitted / Implemented / Closed under a header it did not know, its
// status stored as the default for every record; blind set 16, I1: a change log's 審議結果 of 可決 / 否決 /
// 継続審議, exactly the words of its validation list, while the decision stayed empty on every change. The
// words decide, never the header: each is read by the field's list (mapping.ts listWordReader — its
// labels, its known and likely words, a state's stage), and most of them must be. A validation list on the
// column gives the whole closed set, also where the cells use few of its words or none (a blank template).
// Nothing is mapped by it; the user chooses.
import type { WorkbookModel } from '../../../common/excel/model.js';
import { TARGET_FIELDS, type ImportTarget } from '../../../common/excel/fields.js';
import { REGISTERS, type Vocabularies } from '../../../common/registers.js';
import { SheetIndex } from './sheet-index.js';
import type { ImportTable } from './read-table.js';
import type { ColumnFit } from './doubts.js';
import { listWordReader } from './mapping.js';
import { clientListAt } from './client-lists.js';

/** Least filled cells, and least different words a list reads, before a column's words say its field. */
const LEAST_CELLS = 3;
const LEAST_READ = 2;
/** Share of the column's different words the field's list must read. */
const READ_SHARE = 0.6;
/** A list is short, its words few and short: more different words than this is some other text. */
const MOST_WORDS = 12;
const MOST_CHARS = 30;
/** A word of letters (marks ◎ ○ △ are read by several lists alike, a status and a priority, and say which only of a status). */
const LETTERS = /\p{L}/u;

/**
 * `fits` (doubts.ts columnFits) with each free list field of the register offered, and asked, beside each
 * column kept as the client's own whose closed set of words it reads — best read first — where the column
 * has no other fit than a label's or a value shape's (whose fields it keeps after the lists').
 */
export function withListFits(target: ImportTarget, model: WorkbookModel, table: ImportTable, vocab: Vocabularies, fits: readonly ColumnFit[]): ColumnFit[] {
  const out = [...fits];
  const filled = new Set(table.columns.flatMap((m) => (m.field !== null ? [m.field] : [])));
  const status = target === 'wbs' ? null : REGISTERS[target].tracking.status;
  const readers = Object.entries(TARGET_FIELDS[target]).flatMap(([field, spec]) => {
    const reads = spec.kind === 'vocab' && !filled.has(field) ? listWordReader(target, field, vocab) : null;
    return reads ? [{ field, reads }] : [];
  });
  const sheet = model.sheets.find((s) => s.name === table.sheet);
  if (readers.length === 0 || !sheet) return out;
  const ix = new SheetIndex(sheet);
  const rows = [...new Set(table.records.filter((r) => !r.group).map((r) => r.row - 1))];
  // The row a validation list is read at: the first record's, or under the header of a blank template.
  const firstRow = rows[0] ?? table.header.bottom;
  const norm = (t: string) => t.normalize('NFKC').trim().replace(/\s+/g, ' ');
  for (const m of table.columns) {
    if (m.field !== null || m.label === '' || m.numbering || m.period || m.blockLabels || m.check || m.extraKey === undefined) continue;
    const other = out.findIndex((f) => f.column === m.column);
    if (other >= 0 && out[other]!.kind !== 'label' && out[other]!.kind !== 'value') continue;
    const texts = rows.flatMap((r) => {
      const c = ix.cell(r, m.c);
      return c && c.t === 's' && c.v.toString().trim() !== '' ? [norm(c.v as string)] : [];
    });
    const listed = (clientListAt(model, table.sheet, firstRow, m.c) ?? []).map(norm).filter((w) => w !== '');
    const closed = listed.length >= 2;
    if (texts.length < LEAST_CELLS && !closed) continue;
    const words = [...new Set([...listed, ...texts])];
    if (words.length > MOST_WORDS || words.some((w) => w.length > MOST_CHARS)) continue;
    const fitting = readers
      .map(({ field, reads }) => {
        const own = field === status ? words : words.filter((w) => LETTERS.test(w));
        const read = own.filter(reads).length;
        return { field, read, share: own.length > 0 ? read / own.length : 0 };
      })
      .filter((x) => x.read >= LEAST_READ && x.share >= READ_SHARE)
      .sort((a, b) => b.share - a.share);
    if (fitting.length === 0) continue;
    const fields = fitting.map((x) => x.field);
    const fit: ColumnFit = { column: m.column, label: m.label, kind: 'list', fields: [...fields, ...(other >= 0 ? out[other]!.fields.filter((f) => !fields.includes(f)) : [])], ask: true };
    if (other >= 0) out[other] = fit;
    else out.push(fit);
  }
  return out;
}
