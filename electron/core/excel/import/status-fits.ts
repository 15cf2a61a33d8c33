// A column kept as the client's own whose words are a record's states (Open / CAP submitted / Implemented /
// Closed under a header the register does not know), in a register whose status no column fills: the
// status is offered beside it and asked about (issue 11; blind set 15, F1: a findings register's status was
// stored as the default for every record, nothing asked). The words decide, never the file's: each is read
// by the status list — its labels, its known and likely words, a word's stage of a record's life
// (status-stages.ts) — and most of them must be. Nothing is mapped by it; the user chooses.
import type { WorkbookModel } from '../../../common/excel/model.js';
import { fieldSpec, type ImportTarget } from '../../../common/excel/fields.js';
import { REGISTERS, type Vocabularies, type VocabListName } from '../../../common/registers.js';
import { SheetIndex } from './sheet-index.js';
import type { ImportTable } from './read-table.js';
import type { ColumnFit } from './doubts.js';
import { likelyCode, notYetWord, parseVocab } from './value-words.js';
import { stageCode } from './status-stages.js';

/** Least filled cells, and least different words read as states, before a column's words say status. */
const LEAST_CELLS = 3;
const LEAST_STATES = 2;
/** Share of the column's different words the status list must read. */
const STATE_SHARE = 0.6;
/** A status list is short, its words few and short: more different words than this is some other text. */
const MOST_WORDS = 12;
const MOST_CHARS = 30;

/**
 * `fits` (doubts.ts columnFits) with the register's status offered, and asked, beside each column kept as
 * the client's own whose words read as its states, where no column fills the status and the column has no
 * other fit than a label's (whose fields it keeps after the status).
 */
export function withStatusFits(target: ImportTarget, model: WorkbookModel, table: ImportTable, vocab: Vocabularies, fits: readonly ColumnFit[]): ColumnFit[] {
  const out = [...fits];
  const field = target === 'wbs' ? null : REGISTERS[target].tracking.status;
  const spec = field ? fieldSpec(target, field) : undefined;
  if (!field || spec?.kind !== 'vocab' || table.columns.some((m) => m.field === field)) return out;
  const list = spec.list as VocabListName;
  const items = vocab[list].items;
  const sheet = model.sheets.find((s) => s.name === table.sheet);
  if (!sheet) return out;
  const ix = new SheetIndex(sheet);
  const rows = [...new Set(table.records.filter((r) => !r.group).map((r) => r.row - 1))];
  const reads = (w: string) => parseVocab(items, list, w).ok || likelyCode(items, list, w) !== null || notYetWord(list, w) || stageCode(items, w) !== null;
  for (const m of table.columns) {
    if (m.field !== null || m.label === '' || m.numbering || m.period || m.blockLabels || m.check || m.extraKey === undefined) continue;
    // (A column of short repeated words may be offered a label's fields already: its states come first.)
    const other = out.findIndex((f) => f.column === m.column);
    if (other >= 0 && out[other]!.kind !== 'label') continue;
    const texts = rows.flatMap((r) => {
      const c = ix.cell(r, m.c);
      return c && c.t === 's' && (c.v as string).trim() !== '' ? [(c.v as string).normalize('NFKC').trim().replace(/\s+/g, ' ')] : [];
    });
    if (texts.length < LEAST_CELLS) continue;
    const words = [...new Set(texts)];
    if (words.length > MOST_WORDS || words.some((w) => w.length > MOST_CHARS)) continue;
    const read = words.filter(reads).length;
    if (read < LEAST_STATES || read < STATE_SHARE * words.length) continue;
    const fit: ColumnFit = { column: m.column, label: m.label, kind: 'status', fields: [field, ...(other >= 0 ? out[other]!.fields : [])], ask: true };
    if (other >= 0) out[other] = fit;
    else out.push(fit);
  }
  return out;
}
