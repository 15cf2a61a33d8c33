// Where a table's data ends, and which rows under the header are records. Read top to bottom: a run
// of blank rows ends it, and so does a totals row (合計/小計/Total…) or a note (※…, 注:, Note:) written
// under it. Rows whose only contents are formulas (a template's prepared =ROW()-3 numbering, blank
// =IF(…,"",…) results) or numbering count as blank; a row that continues the record above it (its
// key cell merged down from that record) is part of that record, not a new one.
import { KEY_FIELD } from './fields.js';
import type { TableLayout } from './detect.js';
import type { Cell, Row } from './model.js';
import type { SheetIndex } from './sheet-index.js';

/** Blank rows in a row that end a table (a single blank row inside the data is skipped). */
export const BLANK_ROWS_END = 2;

export type EndReason = 'blank rows' | 'total row' | 'notes' | 'end of sheet';

export interface DataRows {
  /** 0-based rows of the records, in order. */
  rows: number[];
  end: EndReason;
  /** The 0-based row that ended the table (the totals or note row, the first blank row). */
  endRow?: number;
}

const TOTAL = /^(?:合計|小計|総計|総合計|累計|計|total|totals|sub ?total|grand total|sum)\s*[:：]?$/i;
/** Starts like a totals label (Total Risk Score, 合計工数): a totals row when it also sums or spans. */
const TOTAL_START = /^(?:合計|小計|総計|総合計|累計|(?:total|sub ?total|grand total)(?:\s|:|$))/i;
const NOTE = /^(?:※|＊|\*|注[:：記)）\s]|\(注\)|（注）|【注】|【備考】|notes?\s*[:：]|備考\s*[:：]|補足\s*[:：])/i;
/** Structure columns: numbering only, so a row with nothing else is blank. */
const NUMBERING = new Set(['ref', 'wbsCode']);

const blankText = (s: string) => /^[\s\u3000]*$/.test(s);
const hasContent = (cell: Cell) => !cell.f && !(cell.t === 's' && blankText(cell.v as string));

export function findDataRows(ix: SheetIndex, layout: TableLayout): DataRows {
  const mapped = layout.columns.filter((m) => m.field !== null);
  const content = mapped.filter((m) => !NUMBERING.has(m.field!));
  const inContent = (c: number) => content.some((m) => c >= m.c && c < m.c + m.span);
  const key = mapped.find((m) => m.field === KEY_FIELD[layout.target]);
  const minC = Math.min(...layout.columns.map((m) => m.c));
  const maxC = Math.max(...layout.columns.map((m) => m.c + m.span - 1));
  const headerTexts = new Set(mapped.map((m) => m.label.split(' / ').pop()!));

  const rows: number[] = [];
  const isRecord = new Set<number>();
  let blankRun = 0;
  let lastR = layout.headerBottom;
  // The row after the last record: blank (or blank in the table's columns), since it is none of the above.
  const firstBlank = () => rows[rows.length - 1]! + 1;
  for (const row of ix.sheet.rows) {
    if (row.r <= layout.headerBottom) continue;
    blankRun += row.r - lastR - 1;
    if (rows.length > 0 && blankRun >= BLANK_ROWS_END) return { rows, end: 'blank rows', endRow: firstBlank() };
    lastR = row.r;
    const inTable = row.cells.filter((c) => c.c >= minC && c.c <= maxC && hasContent(c));
    if (inTable.length === 0 && row.cells.length > 1) {
      blankRun++;
      if (rows.length > 0 && blankRun >= BLANK_ROWS_END) return { rows, end: 'blank rows', endRow: firstBlank() };
      continue;
    }
    const firstText = inTable.find((c) => c.t === 's');
    if (firstText && isTotal(ix, row, firstText)) return { rows, end: 'total row', endRow: row.r };
    if (isNote(row)) return { rows, end: 'notes', endRow: row.r };
    if (!inTable.some((c) => inContent(c.c))) {
      blankRun++;
      if (rows.length > 0 && blankRun >= BLANK_ROWS_END) return { rows, end: 'blank rows', endRow: firstBlank() };
      continue;
    }
    // The header again (print titles repeated, a table pasted twice): not a record.
    if (inTable.filter((c) => c.t === 's' && headerTexts.has((c.v as string).trim())).length >= Math.max(2, mapped.length / 2)) continue;
    blankRun = 0;
    if (key && !row.cells.some((c) => c.c === key.c)) {
      const m = ix.mergeAt(row.r, key.c);
      if (m && m.r1 < row.r && isRecord.has(m.r1)) continue;
    }
    rows.push(row.r);
    isRecord.add(row.r);
  }
  return { rows, end: 'end of sheet' };
}

function isTotal(ix: SheetIndex, row: Row, cell: Cell): boolean {
  const text = (cell.v as string).normalize('NFKC').trim();
  if (TOTAL.test(text)) return true;
  if (!TOTAL_START.test(text) || text.length > 40) return false;
  const merged = ix.mergeAt(row.r, cell.c);
  return row.cells.some((c) => c.f) || (merged !== undefined && merged.c2 > merged.c1);
}

/** One text cell starting like a note: ※…, 注:, (注), Note:, 備考: */
function isNote(row: Row): boolean {
  let only: Cell | undefined;
  for (const c of row.cells) {
    if (c.t === 's' && blankText(c.v as string)) continue;
    if (only) return false;
    only = c;
  }
  return !!only && only.t === 's' && NOTE.test((only.v as string).normalize('NFKC').trim());
}
