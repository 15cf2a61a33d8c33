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

export type EndReason = 'blank rows' | 'total row' | 'notes' | 'footer' | 'end mark' | 'end of sheet';

/** Why a row inside a table's data is not a record. */
export type LeftOutReason = 'separator' | 'header again' | 'section title' | 'template row';

export interface DataRows {
  /** 0-based rows of the records, in order. */
  rows: number[];
  end: EndReason;
  /** The 0-based row that ended the table (the totals or note row, the first blank row). */
  endRow?: number;
  /** Rows between the first and last record that hold something but are no record, with why. */
  leftOut: { r: number; reason: LeftOutReason }[];
}

const TOTAL = /^(?:合計|小計|総計|総合計|累計|計|total|totals|sub ?total|grand total|sum)\s*[:：]?$/i;
/** Starts like a totals label (Total Risk Score, 合計工数): a totals row when it also sums or spans. */
const TOTAL_START = /^(?:合計|小計|総計|総合計|累計|(?:total|sub ?total|grand total)(?:\s|:|$))/i;
const NOTE = /^(?:※|＊|\*|注[:：記)）\s]|\(注\)|（注）|【注】|【備考】|notes?\s*[:：]|備考\s*[:：]|補足\s*[:：])/i;
/** A copyright or confidentiality line under a template: © 2018 …, Copyright, All rights reserved. */
const FOOTER = /^(?:©|\(c\)\s*\d|copyright\b|all rights reserved|confidential\b|社外秘|無断転載)/i;
/** The end of a template's rows: END, 以下余白, 以上. */
const END_MARK = /^(?:end|以下余白|以上)$/i;
/** A separator or section label inside the data: ↓今日やるやつ, ▼ Phase 2, ---, ====. */
const SEPARATOR = /^(?:[↓→▼▽■□◆◇●◎★☆＜<【]|[-=─━_~〜・.]{3,}$)/;
/** Structure columns: numbering only, so a row with nothing else is blank. */
const NUMBERING = new Set(['ref', 'wbsCode']);
/** Labels of unmapped numbering columns (No, #, 項番, Sl no.): their whole numbers are numbering too. */
const NUMBER_LABEL = /^(?:no\.?|id|#|番号|項番|通番|連番|sl\.? ?no\.?|s\.? ?no\.?|item ?no\.?)$/i;

const blankText = (s: string) => /^[\s\u3000]*$/.test(s);
const hasContent = (cell: Cell) => !cell.f && !(cell.t === 's' && blankText(cell.v as string));
const textOfCell = (cell: Cell) => (cell.t === 's' ? (cell.v as string).normalize('NFKC').trim() : '');

export function findDataRows(ix: SheetIndex, layout: TableLayout): DataRows {
  const mapped = layout.columns.filter((m) => m.field !== null);
  const numbering = layout.columns.filter((m) => (m.field !== null && NUMBERING.has(m.field)) || (m.field === null && NUMBER_LABEL.test(m.label.split(' / ').pop()!.normalize('NFKC').trim())));
  const key = mapped.find((m) => m.field === KEY_FIELD[layout.target]);
  const minC = Math.min(...layout.columns.map((m) => m.c));
  const maxC = Math.max(...layout.columns.map((m) => m.c + m.span - 1));
  const headerTexts = new Set(layout.columns.map((m) => m.label.split(' / ').pop()!));
  const inNumbering = (c: number) => numbering.some((m) => c >= m.c && c < m.c + m.span);
  const isNumber = (cell: Cell) => cell.t === 'n' || (cell.t === 's' && /^\d+$/.test(textOfCell(cell)));
  // A value a template writes into every row (ProgramID under ProgramID, a default 未着手 all the way
  // down) is no record by itself: a column where one value fills nearly every row below the header.
  const filler = fillerValues(ix, layout, minC, maxC);
  const counts = (cell: Cell) =>
    cell.c >= minC && cell.c <= maxC && hasContent(cell) && !(inNumbering(cell.c) && (isNumber(cell) || numbering.some((m) => m.field !== null && cell.c >= m.c && cell.c < m.c + m.span))) && filler.get(cell.c) !== cellKey(cell);

  const rows: number[] = [];
  const leftOut: { r: number; reason: LeftOutReason }[] = [];
  const isRecord = new Set<number>();
  let blankRun = 0;
  let lastR = layout.headerBottom;
  // The row after the last record: blank (or blank in the table's columns), since it is none of the above.
  const firstBlank = () => rows[rows.length - 1]! + 1;
  const done = (end: EndReason, endRow?: number): DataRows => {
    const last = rows[rows.length - 1] ?? -1;
    return { rows, end, ...(endRow !== undefined ? { endRow } : {}), leftOut: leftOut.filter((x) => x.r < last).sort((a, b) => a.r - b.r) };
  };
  for (const row of ix.sheet.rows) {
    if (row.r <= layout.headerBottom) continue;
    blankRun += row.r - lastR - 1;
    if (rows.length > 0 && blankRun >= BLANK_ROWS_END) return done('blank rows', firstBlank());
    lastR = row.r;
    const inTable = row.cells.filter((c) => c.c >= minC && c.c <= maxC && hasContent(c));
    const firstText = inTable.find((c) => c.t === 's');
    const only = inTable.length === 1 ? textOfCell(inTable[0]!) : null;
    if (firstText && FOOTER.test(textOfCell(firstText))) return done('footer', row.r);
    if (firstText && END_MARK.test(textOfCell(firstText)) && firstText.c === inTable[0]!.c) return done('end mark', row.r);
    if (firstText && isTotal(ix, row, firstText)) return done('total row', row.r);
    if (isNote(row)) return done('notes', row.r);
    const record = row.cells.filter(counts);
    if (record.length === 0) {
      // Template rows (numbering, formulas, a default filled down) are blank unless a record follows.
      if (inTable.length > 0) leftOut.push({ r: row.r, reason: 'template row' });
      blankRun++;
      if (rows.length > 0 && blankRun >= BLANK_ROWS_END) return done('blank rows', firstBlank());
      continue;
    }
    // The header again (print titles repeated, the next block of a checklist): not a record, the table goes on.
    if (inTable.filter((c) => c.t === 's' && headerTexts.has((c.v as string).trim())).length >= Math.max(2, Math.ceil(layout.columns.length / 2))) {
      leftOut.push({ r: row.r, reason: 'header again' });
      // The block's title just above it (ログイン画面テスト計画 over its own header) is no record either.
      const prev = rows[rows.length - 1];
      if (prev !== undefined && prev >= row.r - 2 && (ix.row(prev)?.cells.filter(counts).length ?? 0) === 1) {
        rows.pop();
        leftOut.push({ r: prev, reason: 'section title' });
      }
      blankRun = 0;
      continue;
    }
    if (only !== null && SEPARATOR.test(only)) {
      leftOut.push({ r: row.r, reason: 'separator' });
      blankRun = 0;
      continue;
    }
    blankRun = 0;
    if (key && !row.cells.some((c) => c.c >= key.c && c.c < key.c + key.span && hasContent(c))) {
      const m = ix.mergeAt(row.r, key.c);
      if (m && m.r1 < row.r && isRecord.has(m.r1)) continue;
    }
    rows.push(row.r);
    isRecord.add(row.r);
  }
  return done('end of sheet');
}

const cellKey = (cell: Cell) => `${cell.t}:${String(cell.v).trim()}`;

/** Per column, a value that fills at least 90 % of the first 200 rows under the header (and 5 or more). */
function fillerValues(ix: SheetIndex, layout: TableLayout, minC: number, maxC: number): Map<number, string> {
  const rows = ix.sheet.rows.filter((r) => r.r > layout.headerBottom).slice(0, 200);
  const seen = new Map<number, Map<string, number>>();
  for (const row of rows)
    for (const cell of row.cells) {
      if (cell.c < minC || cell.c > maxC || !hasContent(cell)) continue;
      let m = seen.get(cell.c);
      if (!m) seen.set(cell.c, (m = new Map()));
      m.set(cellKey(cell), (m.get(cellKey(cell)) ?? 0) + 1);
    }
  const out = new Map<number, string>();
  for (const [c, m] of seen)
    for (const [k, n] of m) if (n >= 5 && n >= 0.9 * rows.length) out.set(c, k);
  return out;
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
