// Where a table's data ends, and which rows under the header are records. Read top to bottom: a run
// of blank rows ends it, and so does a totals row (合計/小計/Total…) or a note (※…, 注:, Note:) written
// under it. Rows whose only contents are formulas (a template's prepared =ROW()-3 numbering, blank
// =IF(…,"",…) results) or numbering count as blank; a row that continues the record above it (its
// key cell merged down from that record) is part of that record, not a new one, and so is a row whose
// one cell goes on with the text of the record above (a long text spilled onto the next row).
import { timeSection } from './time-sections.js';
import { NOT_PHASE } from './phase-rows.js';
import { isBlankText } from './cell-values.js';
import { fieldSpec, KEY_FIELD } from '../../../common/excel/fields.js';
import { registersNamed, sectionTitleAbove } from './register-names.js';
import { isColumnWord } from './synonyms.js';
import { NUMBER_LABEL, tableObjectAt, type TableLayout } from './detect.js';
import type { Cell, Row } from '../../../common/excel/model.js';
import type { SheetIndex } from './sheet-index.js';
import { headlessValueColumns } from './unheaded-columns.js';
import { countsDown } from './numbering.js';
import { BLANK_ROWS_END, PLAIN_HEADING, FOOTER } from './table-ends.js';
import { blockLabelRow, namelessBelow } from './block-rows.js';
import { LEGEND_CELLS, noteLine, summaryLine, type LineContext } from './trailing-lines.js';
import type { EndReason, LeftOutReason } from '../../../common/excel/preview.js';

/** The marks a Japanese sheet heads its sections with: ■完了, □保留, ◆2025年度, 【完了分】, ▼クローズ. */
const SECTION_MARK = /^[■□◆◇●○▼▽▶►★☆【［\[]/;

export interface DataRows {
  /** 0-based rows of the records, in order. */
  rows: number[];
  end: EndReason;
  /** The 0-based row that ended the table (the totals or note row, the first blank row). */
  endRow?: number;
  /** Rows between the first and last record that hold something but are no record, with why. */
  leftOut: { r: number; reason: LeftOutReason }[];
  /**
   * Rows that go on with the record above (a text wrapped into the next row, or the second row of a record
   * whose name is merged over both): 0-based row → the record's 0-based row (also in leftOut). Their
   * text is read with that record.
   */
  continued: Map<number, number>;
  /**
   * The client's rows under the table (the next table's header, a note, a legend, a footer): the first
   * few that hold text, as rowText gives them. Saved with a profile, they end the table on every later
   * read through it (findDataRows `below`).
   */
  below: string[];
}

/** How many of the client's rows under a table a profile keeps to know its end by. */
const ROWS_BELOW = 3;
/** How far under the table those rows are looked for (row entries, styled empty ones included). */
const ROWS_BELOW_SCAN = 200;

/**
 * A row as the client typed it in the table's columns: each literal text with its column (formulas left
 * out, their results move with the records above), or null where it holds no text.
 */
function rowText(row: Row, minC: number, maxC: number): string | null {
  const parts: string[] = [];
  for (const c of row.cells) if (c.c >= minC && c.c <= maxC && !c.f && c.t === 's' && !blankText(c.v as string)) parts.push(`${c.c}:${(c.v as string).trim()}`);
  return parts.length > 0 ? parts.join('\t') : null;
}

const TOTAL = /^(?:合計|小計|総計|総合計|累計|計|total|totals|sub ?total|grand total|sum)\s*[:：]?$/i;
/** Starts like a totals label (Total Risk Score, 合計工数): a totals row when it also sums or spans. */
const TOTAL_START = /^(?:合計|小計|総計|総合計|累計|(?:total|sub ?total|grand total)(?:\s|:|$))/i;
/** Ends like a totals label after a group's name (要件定義 小計, Phase 1 Total): a totals row when it also
 * sums. The space is required: a task may be named 売上合計の確認 or 月次合計 and sit beside formulas. */
const TOTAL_END = /[\s\u3000・](?:小計|合計|計|sub ?total|total)$/i;
/** A group's subtotal (小計, Subtotal, 要件定義 小計): more groups may follow it, so it ends nothing by itself. */
const SUBTOTAL = /小計|sub ?total/i;
/**
 * A group's total: a subtotal word, or a total after the group's name (Phase 1 Total, Design Total, 要件定義
 * 計) — not a bare or grand total (合計, Total, Grand Total, 総合計), which is the table's own.
 */
const groupTotal = (cellText: string): boolean => {
  const text = cellText.replace(BRACKETED, '$1');
  return SUBTOTAL.test(text) || (TOTAL_END.test(text) && !TOTAL.test(text) && !GRAND_TOTAL.test(text));
};
const BRACKETED = /^[【\[(〔<]\s*(.*?)\s*[】\])〕>]$/;
const GRAND_TOTAL = /^(?:grand|overall|project)\s+total$|^(?:総合計|総計|全体合計|全体計)$/i;
const NOTE = /^(?:※|＊|\*|\(\*\)|注[:：記)）\s]|\(注\)|（注）|【注】|【備考】|notes?\s*[:：]|備考\s*[:：]|補足\s*[:：])/i;
/** A copyright or confidentiality line under a template: © 2018 …, Copyright, All rights reserved. */
/** The end of a template's rows: END, 以下余白, 以上, decorated or not (ー以下余白ー, ―以上―). */
const END_MARK = /^[-ー－―─=＝~〜\s]*(?:end|以下余白|以上)[-ー－―─=＝~〜\s]*$/i;
/** A separator or section label inside the data: ↓今日やるやつ, ▼ Phase 2, ---, ====. */
const SEPARATOR = /^(?:[↓→▼▽■□◆◇●◎★☆＜<【]|[-=─━_~〜・.]{3,}$)/;
/**
 * A filled row a template marks as an example (例, 例）…, (例), 記入例:, e.g. …, Example:): it shows how to
 * fill in the register and is no record. The mark stands at the start of the row's first text or its
 * key; a title that only starts with the word (Example risk, 例外処理) is a record.
 */
const EXAMPLE = /^[※＊*]?\s*(?:[(（【[<＜]\s*(?:記入|入力)?例\s*[)）】\]>＞]|(?:記入|入力)?例(?:$|\s*[)）:：]|\s)|(?:example|sample|ex)\s*[:：)]|e\.\s?g\.)/i;
/** Structure columns: numbering only, so a row with nothing else is blank. */
const NUMBERING = new Set(['ref', 'wbsCode']);
/**
 * How a template tells its user what to write: a request (ください, してください, please, enter, fill in,
 * select, do not …) or a sentence (it ends with 。 or a full stop after a word).
 */
const REQUEST = /ください|下さい|して下さい|すること|記入|入力|選択|^(?:please|enter|fill|select|choose|describe|list|use|do not|don't|add|type)\b|\bplease\b/i;
/** A request no record's name makes: it asks the reader (ください, please, do not …), not names a task (入力画面の設計). */
const IMPERATIVE = /ください|下さい|すること|^(?:please|enter|fill in|select|choose|describe|do not|don't)\b|\bplease\b/i;
/**
 * In the name's own cell, only words no task or record name uses: a name may start with a verb (Select
 * hosting provider…, Describe current processes), but never asks the reader or is marked an example.
 */
const ASKS_READER = /ください|下さい|\bplease\b|^記入例/i;
/** The columns a record's name is written in: the key, and a WBS's level columns (大項目 / 中項目 …). */
const NAME_FIELD = /^level\d$/;
const SENTENCE = /(?:。|[a-z)]\.)$/i;

const blankText = isBlankText;
/** A record's ID as typed: one token with a digit (CR-017, A-03, RSV0031), no words. */
const ID_SHAPE = /^(?=.*\d)[\p{L}\p{N}._/#-]{1,24}$/u;
/** Rows under the header a column is judged on, and the share of its cells that must be IDs. */
const ID_SCAN = 30;
const ID_SHARE = 0.8;
/** The longest text a section's title alone on its row is (longer is a note or a record's title). */
const SECTION_CHARS = 60;
const hasContent = (cell: Cell) => !cell.f && !(cell.t === 's' && blankText(cell.v as string));
const textOfCell = (cell: Cell) => (cell.t === 's' ? (cell.v as string).normalize('NFKC').trim() : '');

/**
 * A text wrapped by hand into the next row, read on: a word cut after Latin text gets its space back,
 * Japanese runs on as written.
 */
export function joinWrapped(before: string, after: string): string {
  const head = before.trimEnd();
  const tail = after.trim();
  return /[\x21-\x7e]$/.test(head) ? `${head} ${tail}` : head + tail;
}

/**
 * `titles`: the project's stored titles (names) of the register, where the workbook is read as the
 * client's own through its profile: a text alone in lower case that is a title of its own, under a record
 * whose text so far is one too, is a record, not that text going on (read on, the two make a title
 * nothing stored has: a new task 'sign off' under 'Review the flow with the branch managers').
 */
/**
 * `below`: the rows the client had under the table when its profile was saved (DataRows.below). An export
 * keeps them as they are under however few records are left (one, or none), where the rules by shape
 * below need records to compare with: met again, such a row ends the table, so it never reads back as
 * a record (corpus status-en-doordash: Risk | Mitigation Plan under a table cut to one record).
 */
export function findDataRows(ix: SheetIndex, layout: TableLayout, titles?: ReadonlySet<string>, below?: readonly string[]): DataRows {
  const mapped = layout.columns.filter((m) => m.field !== null);
  const numbering = layout.columns.filter(
    (m) => (m.field !== null && NUMBERING.has(m.field)) || (m.field === null && (m.numbering || NUMBER_LABEL.test(m.label.split(' / ').pop()!.normalize('NFKC').trim()) || countsDown(ix, layout.headerBottom, m.c))),
  );
  const key = mapped.find((m) => m.field === KEY_FIELD[layout.target]);
  const minC = Math.min(...layout.columns.map((m) => m.c));
  const maxC = Math.max(...layout.columns.map((m) => m.c + m.span - 1));
  const headerTexts = new Set(layout.columns.map((m) => m.label.split(' / ').pop()!));
  /** The table's header words again on row r (print titles repeated, the next block of a checklist). */
  const headerAgainAt = Math.max(2, Math.ceil(layout.columns.length / 2));
  // (Counted in a loop: asked of every record row, where a filtered copy of each row was a tenth of the read.)
  // (The key's own word among them: a table under this one sharing its No, Owner and Status but headed
  // Issue where this one says Risk is another table, not this header again.)
  const keyWord = key?.label.split(' / ').pop()!.trim();
  const isHeaderAgain = (r: number | Row) => {
    let n = 0;
    let keyed = key === undefined;
    for (const c of (typeof r === 'number' ? ix.row(r) : r)?.cells ?? [])
      if (c.c >= minC && c.c <= maxC && c.t === 's' && headerTexts.has((c.v as string).trim())) {
        n++;
        keyed ||= (c.v as string).trim() === keyWord;
      }
    return n >= headerAgainAt && keyed;
  };
  // Blank rows (or a block's title outside the table's columns) right above the header again do not end the table.
  const headerSoon = (r: number) => Array.from({ length: BLANK_ROWS_END }, (_, i) => r + 1 + i).some(isHeaderAgain);
  // A section's title alone on its row, led by a section mark (■完了, 【完了分】), right above the header
  // again: the same table goes on in another section, however many blank rows came before (blind G7).
  // (Any other title there starts a table of its own, as the synthetic set's two-table sheets have it.)
  // A title naming a register the table's own section does not (■リスク under ■課題 in a 課題・リスク管理表;
  // with no title over the header, a register other than the one imported) starts that register's table
  // under the same column words: this one ended at the blank rows (review R4).
  const ownRegisters = registersNamed(sectionTitleAbove(ix, layout.headerTop, { c1: minC, c2: maxC }));
  const namesAnotherRegister = (text: string) => registersNamed(text.normalize('NFKC').toLowerCase()).some((t) => !(ownRegisters.length > 0 ? ownRegisters : [layout.target]).includes(t));
  const sectionTitle = (row: { r: number; cells: Cell[] }) => {
    const filled = row.cells.filter((c) => hasContent(c));
    if (filled.length !== 1 || filled[0]!.t !== 's') return false;
    const text = (filled[0]!.v as string).trim();
    return SECTION_MARK.test(text) && isHeaderAgain(row.r + 1) && !namesAnotherRegister(text);
  };
  // Per column of the table, whether a numbering column covers it (1) and is mapped to a field (2): asked of every cell.
  const numberingAt = new Uint8Array(Math.max(0, maxC + 1));
  for (const m of numbering) for (let c = m.c; c < m.c + m.span && c <= maxC; c++) numberingAt[c]! |= m.field !== null ? 3 : 1;
  const inNumbering = (c: number) => c >= 0 && c <= maxC && numberingAt[c]! > 0;
  const isNumber = (cell: Cell) => cell.t === 'n' || (cell.t === 's' && /^\d+$/.test(textOfCell(cell)));
  // A value a template writes into every row (ProgramID under ProgramID, a default 未着手 all the way
  // down) is no record by itself: a column where one value fills nearly every row below the header.
  const keyColumns = new Set<number>();
  for (const m of mapped) if (m.field === KEY_FIELD[layout.target] || fieldSpec(layout.target, m.field!)?.kind !== 'vocab') for (let c = m.c; c < m.c + m.span; c++) keyColumns.add(c);
  const filler = fillerValues(ix, layout, minC, maxC, keyColumns);
  // A name or title a formula brings from another sheet (=TBL_Export[Summary]) names a record; other
  // formula results are a template's numbering, dates or blanks.
  const inKey = (c: number) => key !== undefined && c >= key.c && c < key.c + key.span;
  const unheaded = new Set(headlessValueColumns(layout.columns).map((m) => m.c));
  const counts = (cell: Cell) =>
    cell.c >= minC && cell.c <= maxC && (hasContent(cell) || (!!cell.f && inKey(cell.c) && cell.t === 's' && !blankText(cell.v as string))) && !(inNumbering(cell.c) && (numberingAt[cell.c]! > 1 || isNumber(cell))) && !filler.get(cell.c)?.has(cellKey(cell));

  // Columns that number the rows (1, 2, 3 … down a No column the layout leaves out as row numbers).
  const numberColumns = new Map<number, boolean>();
  const numberColumn = (c: number) => numberColumns.get(c) ?? numberColumns.set(c, countsDown(ix, layout.headerBottom, c)).get(c)!;
  const rows: number[] = [];
  const leftOut: { r: number; reason: LeftOutReason }[] = [];
  const isRecord = new Set<number>();
  const continued = new Map<number, number>();
  /** A record's key text with the rows wrapped into it so far, by its row (storedApart). */
  const wrappedKey = new Map<number, string>();
  // Whether a template row is listed yet: asked on every row above the first record, where scanning
  // leftOut each time was quadratic (150,000 example rows: a minute).
  let templateRowSeen = false;
  let blankRun = 0;
  // A line right under a record (blankRun 0), only in headless columns the line above fills too, is that
  // record's text wrapped on (below), though it reads like a note (登録：…): as the table's last row it was
  // taken for a note, and a task lost its second line once the tasks under it were deleted (corpus round
  // trip, seed 23, status-jp-takuito). (Made once, not per row: see the rules above.)
  const wrapsOn = (row: Row): boolean => {
    const values = row.cells.filter(counts);
    return values.length > 0 && values.every((c) => unheaded.has(c.c) && hasContent(ix.cell(row.r - 1, c.c) ?? { c: c.c, t: 's', v: '' }));
  };
  let lastR = layout.headerBottom;
  // The row after the last record: blank (or blank in the table's columns), since it is none of the above.
  const firstBlank = () => rows[rows.length - 1]! + 1;
  const done = (end: EndReason, endRow?: number): DataRows => {
    const last = rows[rows.length - 1] ?? -1;
    return { rows, end, ...(endRow !== undefined ? { endRow } : {}), leftOut: leftOut.filter((x) => x.r < last || continued.has(x.r) || x.reason === 'record continued' || x.reason === 'note' || x.reason === 'summary' || x.reason === 'example' || x.reason === 'instructions' || x.reason === 'filter row').sort((a, b) => a.r - b.r), continued, below: clientRowsBelow(last) };
  };
  // The first rows under the data (from the last record and the rows going on with it) that hold text
  // counting for a record: a template's prepared rows (numbering, formulas, a default filled down) are
  // none, so a record's row cleared back to its prepared state never ends the table.
  // (None for a table with no records: the rows under its header are its examples and prepared rows.)
  const clientRowsBelow = (lastRecord: number): string[] => {
    const out: string[] = [];
    if (lastRecord < 0) return out;
    let last = lastRecord;
    for (const r of continued.keys()) if (r > last) last = r;
    for (const row of ix.rowsBelow(last, ROWS_BELOW_SCAN)) {
      if (out.length >= ROWS_BELOW) break;
      const text = row.cells.some(counts) ? rowText(row, minC, maxC) : null;
      if (text !== null) out.push(text);
    }
    if (out.length === 0) return out;
    // A row the table itself holds too (小計 under every group, the header again, a repeated label) ends
    // nothing: met inside the table, it would cut the records after it. (Each row's first text is
    // compared before the whole row is put together: this runs over every row of the table.)
    const firstParts = new Set(out.map((t) => t.split('\t')[0]!));
    const inside = new Set<string>();
    for (const row of ix.sheet.rows) {
      if (row.r <= layout.headerBottom) continue;
      if (row.r > last) break;
      const firstText = row.cells.find((c) => c.c >= minC && c.c <= maxC && !c.f && c.t === 's' && !blankText(c.v as string));
      if (firstText && firstParts.has(`${firstText.c}:${(firstText.v as string).trim()}`)) inside.add(rowText(row, minC, maxC)!);
    }
    return out.filter((t) => !inside.has(t));
  };
  const belowSet = new Set(below ?? []);
  // Rows a template prepared with formulas only (=B6+1 numbering down a blank WBS) end the table like
  // blank rows, unless a record follows before a row that is truly empty: then they were template rows
  // between records (phase labels 詳細設計 … 製造/UT placed among numbered blank rows).
  let prepared: number[] = [];
  const endOrPrepared = (): DataRows | null => (prepared.length > 0 ? done('blank rows', prepared[0]) : null);
  // An Excel table object headed on the header's last row says where the data ends: its last row, or
  // the row above its totals row. Rows under it are not the table's, whatever they hold.
  const object = tableObjectAt(ix.sheet, layout.headerBottom);
  // Records of two rows told apart by a label column (予定 / 実績: block-rows.ts): a row labelled as a
  // record's later row, right under that record's first, is that record's, whatever else it holds.
  const labels = layout.columns.find((m) => m.blockLabels);
  // Records of two rows under a header naming a field on each (件名 over 担当): a row right under a record
  // whose cells all stand in the columns of second-row fields, or under the record's merges, is its second.
  const secondColumns = new Set(layout.columns.filter((m) => m.rowOffset).flatMap((m) => Array.from({ length: m.span }, (_, k) => m.c + k)));
  const laterRowOf = (r: number): number | null => {
    if (!labels && secondColumns.size > 0) {
      const top = rows[rows.length - 1];
      if (top !== r - 1) return null;
      const cells = (ix.row(r)?.cells ?? []).filter((c) => c.c >= minC && c.c <= maxC && hasContent(c));
      return cells.every((c) => secondColumns.has(c.c) || ix.mergeAt(r, c.c)?.r1 === top) ? top : null;
    }
    if (!labels) return null;
    const k = blockLabelRow(ix.cell(r, labels.c), labels.blockLabels!);
    const top = rows[rows.length - 1];
    if (k > 0) return top === r - k && blockLabelRow(ix.cell(top, labels.c), labels.blockLabels!) === 0 ? top : null;
    // A block the client left unlabelled (the words on the first block only): a row with no label right
    // under a record with no label, holding nothing but second-row values (actual dates, a progress) or
    // cells merged down from the record, is that record's actual row, as a labelled one is. (A phase row
    // under a phase row holds its label in a cell of its own: a record of its own.)
    // (A label cell merged down over several rows names none of them.)
    const unlabelled = (row: number) => {
      const cell = ix.cell(row, labels.c);
      const merge = ix.mergeAt(row, labels.c);
      return !cell || (cell.t === 's' && blankText(cell.v as string)) || (!!merge && merge.r2 > merge.r1);
    };
    if (top !== r - 1 || !unlabelled(r) || !unlabelled(top) || !namelessBelow(ix, top, r, key)) return null;
    const cells = (ix.row(r)?.cells ?? []).filter((c) => c.c >= minC && c.c <= maxC && hasContent(c));
    return cells.every((c) => secondColumns.has(c.c) || ix.mergeAt(r, c.c)?.r1 === top) ? top : null;
  };
  // A table object with no totals row whose next row goes on filling the name and another column of
  // the table is stale (rows typed or pasted under it that it never grew over): the data ends as if
  // there were no object.
  const staleObject = (end: number) => {
    const next = ix.row(end + 1)?.cells.filter((c) => c.c >= minC && c.c <= maxC && hasContent(c)) ?? [];
    return next.length >= 2 && key !== undefined && next.some((c) => inKey(c.c) && c.t === 's');
  };
  // A record follows r: the first row with record cells, at most two rows under r (or under the subtotals
  // between: a group whose tasks were all deleted leaves its 小計 right above the next one's), holds two or
  // more such cells and is no total (not necessarily the name: a group's only row in a 工程 | 作業 layout
  // fills 工程).
  // The next group's own heading row (■ 設計, 【設計】, Phase 2: Design: one text alone) may stand between a
  // subtotal and that group's records: stepped over once (review U11: the first 小計 ended the table there),
  // or once per emptied group (its heading, then its subtotal).
  const recordBelow = (r: number): boolean => {
    let above = r;
    let heading = false;
    for (const next of ix.rowsBelow(r, 50)) {
      if (next.r > above + 2) return false;
      const cells = next.cells.filter(counts);
      if (cells.length === 0) {
        // (A subtotal labelled left of the columns that count, under a heading there: a group emptied.)
        const label = next.cells.find((c) => c.t === 's' && hasContent(c));
        if (label && isTotal(ix, next, label) && groupTotal(textOfCell(label))) above = next.r;
        continue;
      }
      const text = cells.find((c) => c.t === 's');
      if (!(text && isTotal(ix, next, text))) {
        if (cells.length >= 2) return true;
        if (heading || cells.length !== 1 || !text) return false;
        heading = true;
        above = next.r;
        continue;
      }
      if (!groupTotal(textOfCell(text))) return false;
      // (A group heading right above its own subtotal is a group whose records were all deleted: blind set 17, E2.)
      heading = false;
      above = next.r;
    }
    return false;
  };
  // Whether column c holds the records' IDs (CR-017, 12, A-03: one token with a digit, no words), judged
  // on the first rows under the header that fill two or more cells.
  const idColumns = new Map<number, boolean>();
  const idColumn = (c: number): boolean => {
    let known = idColumns.get(c);
    if (known === undefined) {
      let ids = 0;
      let filled = 0;
      for (const next of ix.rowsBelow(layout.headerBottom, ID_SCAN)) {
        if (next.cells.filter(counts).length < 2) continue;
        const cell = ix.cell(next.r, c);
        if (!cell || !hasContent(cell)) continue;
        filled++;
        if (cell.t === 'n' || ID_SHAPE.test(textOfCell(cell))) ids++;
      }
      known = filled >= 3 && ids >= ID_SHARE * filled;
      idColumns.set(c, known);
    }
    return known;
  };
  const sectionBetween = (r: number, cell: Cell): boolean => {
    if (cell.t !== 's' || cell.f) return false;
    const text = textOfCell(cell);
    if (text.length > SECTION_CHARS || !/\p{L}/u.test(text) || ID_SHAPE.test(text) || NOT_PHASE.test(text) || FOOTER.test(text) || SENTENCE.test(text)) return false;
    const merge = ix.mergeAt(r, cell.c);
    const first = cell.c === minC || (!!merge && merge.c1 <= minC);
    if (!first) return false;
    // (A row under a cell merged down from the record above is that record's own second row.)
    for (let c = minC; c <= maxC; c++) if ((ix.mergeAt(r, c)?.r1 ?? r) < r) return false;
    // (Nor a text going on from the record right above, wrapped by hand.)
    if (rows.length > 0 && rows[rows.length - 1] === r - 1 && continuesText(ix, [cell], r - 1, counts, layout.columns.length)) return false;
    const across = !!merge && merge.r1 === r && (merge.c2 - merge.c1 + 1) * 3 >= (maxC - minC + 1) * 2;
    if (!across && !(key !== undefined && !inKey(cell.c)) && !idColumn(cell.c)) return false;
    return recordBelow(r);
  };
  // What the records so far fill, for telling a note or count line under them by its shape (a histogram of
  // how many cells each fills, the longest text per column): the records are folded in when a rule first
  // asks after them (fold), not as each is read — most tables never ask, and reading every cell of every
  // record for it (its text normalized) was a fifth of finding the rows of a 100,000-row table.
  const fillHistogram: number[] = [];
  const longestText = new Map<number, number>();
  const formulasIn = new Map<number, number>();
  const recordRead = (r: number) => {
    const row = ix.row(r)?.cells ?? [];
    const cells = row.filter(counts);
    fillHistogram[cells.length] = (fillHistogram[cells.length] ?? 0) + 1;
    for (const c of cells) longestText.set(c.c, Math.max(longestText.get(c.c) ?? 0, textOfCell(c).length || String(c.v).length));
    for (const c of row) if (c.f) formulasIn.set(c.c, (formulasIn.get(c.c) ?? 0) + 1);
  };
  /** How many of `rows` are folded in; a record taken back out (popRecord) stays counted, as it was read. */
  let folded = 0;
  const fold = () => {
    for (; folded < rows.length; folded++) recordRead(rows[folded]!);
  };
  const popRecord = () => {
    fold();
    rows.pop();
    folded = rows.length;
  };
  const medianFill = () => {
    let seen = 0;
    for (let n = 0; n < fillHistogram.length; n++) if ((seen += fillHistogram[n] ?? 0) * 2 > rows.length) return n;
    return 0;
  };
  const lineContext: LineContext = {
    inKey,
    longest: (c) => {
      fold();
      return longestText.get(c) ?? 0;
    },
    get medianFill() {
      fold();
      return medianFill();
    },
    formulaColumn: (c) => {
      fold();
      return (formulasIn.get(c) ?? 0) * 2 >= rows.length;
    },
  };
  // The note, legend and count lines under row `from` down to a run of blank rows, or null where a record
  // follows them (a section's title led by a mark over more records is no note).
  const linesUnder = (from: number): { r: number; reason: LeftOutReason }[] | null => {
    const out: { r: number; reason: LeftOutReason }[] = [];
    let prev = from;
    for (const next of ix.rowsBelow(from, 20)) {
      if (next.r - prev - 1 >= BLANK_ROWS_END) break;
      const cells = next.cells.filter((c) => c.c >= minC && c.c <= maxC && hasContent(c));
      const reason = summaryLine(next, minC, maxC, inNumbering, lineContext) ? 'summary' : cells.length > 0 && (noteLine(cells, lineContext) || isNote(next, minC, maxC)) ? 'note' : null;
      if (reason) out.push({ r: next.r, reason });
      else if (next.cells.some(counts)) return null;
      // (A row of formulas only, a template's prepared row, is neither: passed over as blank.)
      else if (cells.length === 0) continue;
      prev = next.r;
    }
    return out;
  };
  // (The rules below that ask after a row are made once, not per row: a closure made on each of 100,000
  // rows, named by the tests' loader, was a third of finding the rows.)
  // A record right under a word alone at row r in column c (see its use below).
  const recordUnder = (r: number, c: number) => {
    const next = ix.row(r + 1)?.cells.filter(counts) ?? [];
    const numbered = rows.every((x) => { const v = ix.cell(x, c); return !!v && hasContent(v); });
    return next.length >= 2 && next.some((x) => inKey(x.c)) && (!numbered || isNumber(ix.cell(r + 1, c) ?? { c, t: 's', v: '' }));
  };
  // The row's key cell merged down over the same rows as merge m: a record's block of several rows (see its use below).
  const ownBlock = (r: number, m: { r2: number }) => key !== undefined && Array.from({ length: key.span }, (_, k) => ix.mergeAt(r, key.c + k)).some((g) => !!g && g.r1 === r && g.r2 === m.r2);
  // A row with its own number (the next No. of the column that numbers the records) is a record of its
  // own, as a row the client wrapped a text into never has one: a new record of a text alone in lower
  // case under a record ending mid-sentence was read back as that record's text going on.
  const numbered = (row: Row) => row.cells.some((c) => c.c >= minC && c.c <= maxC && isNumber(c) && (inNumbering(c.c) || numberColumn(c.c)));
  // With the project's titles: the record's text so far and this row's, each a stored title or read on as one.
  const titleRead = (record: Cell[], above: number) => {
    if (!titles || !key || record.length !== 1) return null;
    const cell = record[0]!;
    const over = ix.cell(above, cell.c);
    if (cell.t !== 's' || cell.c < key.c || cell.c >= key.c + key.span || over?.t !== 's') return null;
    const so = wrappedKey.get(above) ?? String(over.v).trim();
    const text = String(cell.v).trim();
    return { apart: titles.has(text) && titles.has(so), together: titles.has(joinWrapped(so, text)) };
  };
  const objectEnd = object && object.ref.c1 <= maxC && minC <= object.ref.c2 && !(object.totalsRows === 0 && staleObject(object.ref.r2)) ? object.ref.r2 - object.totalsRows : undefined;
  for (const row of ix.sheet.rows) {
    if (row.r <= layout.headerBottom) continue;
    if (objectEnd !== undefined && row.r > objectEnd) return endOrPrepared() ?? done('table end', objectEnd + 1);
    if (row.r - lastR > 1 && prepared.length > 0) return done('blank rows', prepared[0]);
    blankRun += row.r - lastR - 1;
    // A row the client had under the table when the profile was saved: the table ended above it.
    if (belowSet.size > 0 && belowSet.has(rowText(row, minC, maxC) ?? '')) return endOrPrepared() ?? done(blankRun > 0 && rows.length > 0 ? 'blank rows' : 'next table', blankRun > 0 && rows.length > 0 ? firstBlank() : row.r);
    if (rows.length > 0 && blankRun >= BLANK_ROWS_END && !isHeaderAgain(row.r) && !sectionTitle(row)) return done('blank rows', firstBlank());
    lastR = row.r;
    const inTable = row.cells.filter((c) => c.c >= minC && c.c <= maxC && hasContent(c));
    const blockTop = laterRowOf(row.r);
    if (blockTop !== null) {
      continued.set(row.r, blockTop);
      leftOut.push({ r: row.r, reason: 'record continued' });
      blankRun = 0;
      continue;
    }
    const firstText = inTable.find((c) => c.t === 's');
    // (Its text normalized once: the rules below each read it, and NFKC on every row was a fifth of the read.)
    const first = firstText ? textOfCell(firstText) : '';
    const only = inTable.length === 1 ? (inTable[0] === firstText ? first : textOfCell(inTable[0]!)) : null;
    if (firstText && FOOTER.test(first)) return done('footer', row.r);
    if (firstText && END_MARK.test(first) && firstText.c === inTable[0]!.c) return done('end mark', row.r);
    if (firstText && isTotal(ix, row, firstText, first)) {
      // A group's subtotal with records under it (小計 after each 工程's tasks) is left out and the table
      // goes on; a total (合計, Total), or a subtotal nothing follows, ends it (the first 小計 dropped every
      // later group's tasks without a word: blind set 6).
      if (!(groupTotal(first) && recordBelow(row.r))) return done('total row', row.r);
      leftOut.push({ r: row.r, reason: 'subtotal' });
      blankRun = 0;
      continue;
    }
    // Before the first record, a template's instructions under its header (※記入例…, a sentence merged
    // across the columns) are no record and no end of the table: listed, and the records below read.
    // Not under a blank form's prepared rows: a note there is the form's footer (※ 行が不足する場合は…),
    // and taking it for instructions made the export fill the rows under it instead of the form's.
    // Right under the header, one word in every column ((全て), (All): the criteria row an AutoFilter
    // helper or a filter form keeps over the data) is no record, and the data starts under it.
    if (rows.length === 0 && !templateRowSeen && isFilterRow(inTable, layout.columns.length)) {
      leftOut.push({ r: row.r, reason: 'filter row' });
      blankRun = 0;
      continue;
    }
    // (After the filter row: (全て) in every column is a filter's criteria.) Right under the header, a row of fill-in hints — each filled cell a note in brackets ((yyyy/mm/dd),
    // (具体的に記入), (氏名), [選択]), a format (yyyy/mm/dd, YYYY-MM-DD) or an example (例：…, e.g. …) — tells
    // how to fill each column and is no record (the hint row came in as an issue named (具体的に記入): b43b975).
    if (rows.length === 0 && !templateRowSeen && isHintRow(inTable)) {
      leftOut.push({ r: row.r, reason: 'instructions' });
      blankRun = 0;
      continue;
    }
    if (rows.length === 0 && !templateRowSeen && isInstructions(ix, { ...row, cells: inTable }, layout)) {
      leftOut.push({ r: row.r, reason: 'instructions' });
      blankRun = 0;
      continue;
    }
    // A section's title between records (PHASE 2 – Splicing, Area C – Berths: one text alone on its row,
    // in the table's first column) is no record, whichever column took the key, and also right under the
    // header: merged across the table, or where the row leaves the key empty or stands in a column of the
    // records' IDs (blind set 18, I4: such rows were stored as records, their text in every field).
    // (After a blank row, the rules for a heading there decide: a heading over a line that names no record
    // ends the table.)
    if (layout.target !== 'wbs' && blankRun === 0 && inTable.length === 1 && sectionBetween(row.r, inTable[0]!)) {
      leftOut.push({ r: row.r, reason: 'section title' });
      blankRun = 0;
      continue;
    }
    // Under the records, a note, legend or count line (by its shape: trailing-lines.ts) with no record
    // after it ends the data; it and the like lines under it are listed, not read as records (blind set 8, B2).
    // (Read over every cell in the table's columns: a legend may stand in the No column, which counts for no record.)
    // (A legend spreads its items over more cells: 凡例： | ■予定 | ■実績 | ■遅延.)
    if (rows.length > 0 && inTable.length > 0 && inTable.length <= LEGEND_CELLS && !(blankRun === 0 && wrapsOn(row))) {
      const line = inTable.length <= 3 && summaryLine(row, minC, maxC, inNumbering, lineContext) ? 'summary' : noteLine(inTable, lineContext) ? 'note' : null;
      const under = line ? linesUnder(row.r) : null;
      if (line && under) {
        leftOut.push({ r: row.r, reason: line }, ...under);
        return done(line === 'summary' ? 'total row' : 'notes', row.r);
      }
    }
    // After a blank row, a word alone left of the name, in a column whose records hold no text (次回予定
    // in the No column under the minutes' 宿題事項): the heading of the sheet's next section, so the table
    // ended at the blank row. (A record's name stands in the name's column; the header again, or a ■
    // section title over it, goes on with the table.)
    // A record right under the word (a name and more, as the records above fill) makes it a group's label
    // in the No column (【フェーズ2】 over its numbered records, the groups apart by a blank row): the table
    // goes on (review S1: the later groups' records were dropped).
    // (Where the records number themselves in the word's column, the row under must too: 次回予定 over a
    // date line, a time and a room is still the next section.)
    // After a blank row, a section's title (■ 今週の実績) over lines of text that name no record — each a
    // text alone outside the key's column (・料金プラン設定 …) — is the report's prose, not the next group of
    // records: the table ended at the blank row (blind set 16, I6: its bullet lines became nameless tasks).
    if (rows.length > 0 && blankRun > 0 && key && inTable.length === 1 && !headerSoon(row.r - 1) && proseSection(ix, row.r, inTable[0]!, inKey, counts)) return done('blank rows', firstBlank());
    if (rows.length > 0 && blankRun > 0 && key && inTable.length === 1 && !headerSoon(row.r - 1) && sectionHeading(ix, inTable[0]!, key.c, rows) && !recordUnder(row.r, inTable[0]!.c)) return done('blank rows', firstBlank());
    // (A note is read in the table's columns: a list beside the table may share its row.)
    if (isNote(row, minC, maxC)) {
      if (rows.length > 0) leftOut.push({ r: row.r, reason: 'note' }, ...(linesUnder(row.r) ?? []));
      return done('notes', row.r);
    }
    const record = row.cells.filter(counts);
    // A row holding values only under no header word (a detail text wrapped onto the next row in the
    // headless column beside 作業: unheaded-columns.ts) names no record by itself: it goes on with the
    // record above, read with it.
    if (record.length > 0 && rows.length > 0 && record.every((c) => unheaded.has(c.c))) {
      continued.set(row.r, rows[rows.length - 1]!);
      leftOut.push({ r: row.r, reason: 'record continued' });
      blankRun = 0;
      continue;
    }
    // A title merged from left of the table's columns into them (第6回定例 over A:F, its No column left out
    // as section numbers) heads the next section: listed, and the table goes on.
    if (inTable.length === 0 && row.cells.some((c) => c.c < minC && c.t === 's' && hasContent(c) && (ix.mergeAt(row.r, c.c)?.c2 ?? -1) >= minC)) {
      leftOut.push({ r: row.r, reason: 'section title' });
      blankRun = 0;
      continue;
    }
    if (record.length === 0) {
      // Template rows (numbering, formulas, labels or a default filled down) are no records, but the
      // table goes on through them (an empty two-row record between filled ones); only blank rows end it.
      if (inTable.length > 0) {
        leftOut.push({ r: row.r, reason: 'template row' });
        templateRowSeen = true;
        continue;
      }
      // (The numbering may stand left of the table's columns: a NO column no field takes.)
      if (rows.length > 0 && blankRun === 0 && row.cells.some((c) => c.f && c.c <= maxC)) {
        prepared.push(row.r);
        continue;
      }
      if (prepared.length > 0) return done('blank rows', prepared[0]);
      blankRun++;
      if (rows.length > 0 && blankRun >= BLANK_ROWS_END && !headerSoon(row.r)) return done('blank rows', firstBlank());
      continue;
    }
    for (const r of prepared) leftOut.push({ r, reason: 'template row' });
    if (prepared.length > 0) templateRowSeen = true;
    prepared = [];
    // After a blank row, a block of rows each filling at most half the cells the records fill, headed by
    // a row of column words, is a table of its own under the register (a rating scale: 発生確率 over 5：非常に
    // 高い, 4：高い …), not sparse records (tasks named but not planned yet): the data ended at the blank row.
    // The header again (print titles repeated, the next block of a checklist): not a record, the table
    // goes on — after a blank row and a block title too, so it is never taken for another table's header.
    const headerAgain = isHeaderAgain(row);
    if (!headerAgain && blankRun > 0 && rows.length >= 2 && otherBlock(ix, row.r, rows, counts)) return done('blank rows', firstBlank());
    // With no blank row between, the same row of column words heads another table where one of its words
    // stands over a column the records fill with numbers or dates (課題一覧's No | 課題 | 起票日 right under a
    // risk register's last row: review U4, the issues' header and rows were read as risks). The table ends
    // there, and above its title too (one text alone on the row right above the words).
    if (!headerAgain && blankRun === 0 && rows.length >= 2 && nextHeader(ix, row, record, rows, counts)) {
      const title = rows[rows.length - 1]!;
      const alone = title === row.r - 1 && (ix.row(title)?.cells.filter(counts).length ?? 0) === 1 && rows.length >= 3;
      if (alone) popRecord();
      return done('next table', alone ? title : row.r);
    }
    if (headerAgain) {
      leftOut.push({ r: row.r, reason: 'header again' });
      // The block's title just above it (ログイン画面テスト計画 over its own header) is no record either.
      const prev = rows[rows.length - 1];
      if (prev !== undefined && prev >= row.r - 2 && (ix.row(prev)?.cells.filter(counts).length ?? 0) === 1) {
        popRecord();
        leftOut.push({ r: prev, reason: 'section title' });
      }
      blankRun = 0;
      continue;
    }
    // An example row above (or among) the records: the first text of the row, or its key, says so.
    const keyText = key ? record.find((c) => c.c >= key.c && c.c < key.c + key.span && c.t === 's') : undefined;
    if ((firstText && EXAMPLE.test(first) && firstText.c === inTable[0]!.c) || (keyText && EXAMPLE.test(keyText === firstText ? first : textOfCell(keyText)))) {
      leftOut.push({ r: row.r, reason: 'example' });
      blankRun = 0;
      continue;
    }
    if (only !== null && SEPARATOR.test(only)) {
      leftOut.push({ r: row.r, reason: 'separator' });
      blankRun = 0;
      continue;
    }
    // A period alone (Q1 (Apr – Jun), 2025年4月) titles the records of that period: no record (time-sections.ts).
    if (only !== null && timeSection(only)) {
      leftOut.push({ r: row.r, reason: 'section title' });
      blankRun = 0;
      continue;
    }
    blankRun = 0;
    // A label merged across the columns up to the name (タイムライン over A:E) titles a section; no record.
    const across = key ? ix.mergeAt(row.r, key.c) : undefined;
    if (key && across && across.r1 === row.r && across.c1 < key.c && across.c2 >= key.c && record.filter((c) => c.t === 's').length === 1) {
      leftOut.push({ r: row.r, reason: 'section title' });
      continue;
    }
    // A label merged down over the records below it (a 分類 on a row of its own, its records under it)
    // heads their group: no record. Each record under it reads the label through the merge.
    // (Not where the row's own key cell is merged down over the same rows: that is a record's block of
    // several rows (予定/実績) with its name in the 大項目 column alone, a top-level task without subtasks;
    // read as a heading, it vanished, and at the table's end it ended the table: blind set 12, T1.)
    if (key && !record.some((c) => inKey(c.c)) && record.every((c) => { const m = ix.mergeAt(row.r, c.c); return !!m && m.r1 === row.r && m.c1 === c.c && m.r2 > row.r && !ownBlock(row.r, m); })) {
      leftOut.push({ r: row.r, reason: 'group label' });
      continue;
    }
    // A row under a record whose key cell is merged down over it is more of that record (a risk with a
    // second control) — listed, never dropped unseen — unless the row numbers itself (its own No or ID:
    // deliverables under one 作業項目 merged over them), which makes it a record of its own. Before a
    // wrapped text: the merge says whose row it is, whatever its text reads like. (Any column of a key
    // spread over several, 大/中/小: a two-row task's 中分類 cell merged over both of its rows.)
    if (key && !row.cells.some((c) => c.c >= key.c && c.c < key.c + key.span && hasContent(c))) {
      const m = Array.from({ length: key.span }, (_, k) => ix.mergeAt(row.r, key.c + k)).find((g) => g && g.r1 < row.r && isRecord.has(g.r1));
      const ownNumber = row.cells.some((c) => c.c <= maxC && hasContent(c) && !ix.mergeAt(row.r, c.c) && (inNumbering(c.c) || numberColumn(c.c)));
      if (m && !ownNumber) {
        continued.set(row.r, m.r1);
        leftOut.push({ r: row.r, reason: 'record continued' });
        continue;
      }
    }
    const parent = rows[rows.length - 1];
    const stored = parent === undefined ? null : titleRead(record, parent);
    // A title read on over the rows it was wrapped into is the record's (however few cells its row has
    // now: a summary's rolled-up dates blank); two titles of their own are two records.
    // (Its own number asked last: it reads the numbering cells' text, on every row.)
    if (parent !== undefined && (stored?.together || (continuesText(ix, record, parent, counts, layout.columns.length) && !stored?.apart)) && !numbered(row)) {
      continued.set(row.r, parent);
      leftOut.push({ r: row.r, reason: 'continued text' });
      if (stored) wrappedKey.set(parent, joinWrapped(wrappedKey.get(parent) ?? String(ix.cell(parent, record[0]!.c)!.v), String(record[0]!.v)));
      continue;
    }
    rows.push(row.r);
    isRecord.add(row.r);
  }
  return endOrPrepared() ?? done('end of sheet');
}

/**
 * One word (not a number, not a sentence) left of the name's column, where the records above hold
 * numbers or nothing: a heading at the sheet's margin, not a record's value.
 */
function sectionHeading(ix: SheetIndex, cell: Cell, keyC: number, records: number[]): boolean {
  if (cell.t !== 's' || cell.c >= keyC) return false;
  const text = textOfCell(cell);
  if (text === '' || /^[\d.\s]+$/.test(text) || text.length > 30) return false;
  return records.every((r) => {
    const v = ix.cell(r, cell.c);
    return !v || !hasContent(v) || v.t === 'n' || /^\d+$/.test(textOfCell(v));
  });
}

/** A section's title: led by a section mark (■ 今週の実績, 【課題】, ▼ 来週). */
const SECTION_TITLE = /^[■□◆◇▼▽▶►【]/;

/**
 * A section title (`cell`, alone on row `r`) whose first line under it (within a blank row) fills no key
 * cell and holds one text alone: a section of prose lines (・予約データ移行テスト), which names no record.
 * A group heading over records is followed by a record, named in the key's column.
 */
function proseSection(ix: SheetIndex, r: number, cell: Cell, inKey: (c: number) => boolean, counts: (cell: Cell) => boolean): boolean {
  if (cell.t !== 's' || !SECTION_TITLE.test(textOfCell(cell))) return false;
  for (const next of ix.rowsBelow(r, 2)) {
    if (next.r > r + 2) return false;
    const cells = next.cells.filter(counts);
    if (cells.length === 0) continue;
    return cells.length === 1 && cells[0]!.t === 's' && !inKey(cells[0]!.c);
  }
  return false;
}

/** Rows of a block under the data that make it another table (see findDataRows). */
const OTHER_BLOCK_ROWS = 2;

/**
 * Whether a row (`cells`: its cells that count for a record) is the header of another table right under the records: three or more cells, all text,
 * all but one plainly heading a column (isColumnWord), and one of them over a column the records so far
 * fill with numbers or dates in four rows in five (a header word where a record holds a figure) — or over
 * a number or a date in the row right under it (the next table's first record: No 1, 起票日 2025/4/1 under
 * its words, where the register above holds text IDs and ratings as words). A title alone right above the
 * row (課題一覧 in the No column) is that table's, not a record that speaks for the register's columns
 * (review U4).
 */
function nextHeader(ix: SheetIndex, row: Row, cells: Cell[], records: number[], counts: (cell: Cell) => boolean): boolean {
  if (cells.length < 3 || cells.some((c) => c.t !== 's') || cells.filter((c) => !isColumnWord(c.v as string, PLAIN_HEADING)).length > 1) return false;
  const last = records[records.length - 1];
  const above = last === row.r - 1 && (ix.row(last)?.cells.filter(counts).length ?? 0) === 1 ? records.slice(0, -1) : records;
  const figure = (x: Cell | undefined) => x !== undefined && (x.t === 'n' || x.t === 'd');
  const typed = (c: number) => {
    const held = above.map((r) => ix.cell(r, c)).filter((x): x is Cell => x !== undefined && x.v !== null && !(x.t === 's' && String(x.v).trim() === ''));
    return held.length >= 2 && held.filter(figure).length >= 0.8 * held.length;
  };
  const under = ix.row(row.r + 1)?.cells.filter(counts) ?? [];
  const overFigure = (c: number) => under.length >= 2 && figure(under.find((x) => x.c === c));
  return cells.some((c) => isColumnWord(c.v as string, PLAIN_HEADING) && (typed(c.c) || overFigure(c.c)));
}

/**
 * The rows from `r` down to the next blank row (at least OTHER_BLOCK_ROWS of them) each fill at most half
 * the cells the median record fills and the first holds only words that head a column of some register
 * (Probability rating, 影響度, 版 / 改訂日) — or the first holds two or more words that plainly do (alone
 * on its row, three or more, all but one so: a header with no rows under it yet): another table, not records.
 */
function otherBlock(ix: SheetIndex, r: number, records: number[], counts: (cell: Cell) => boolean): boolean {
  const fills = records.map((x) => ix.row(x)?.cells.filter(counts).length ?? 0).sort((a, b) => a - b);
  const median = fills[Math.floor(fills.length / 2)]!;
  const block: Cell[][] = [];
  for (let x = r; ix.row(x); x++) {
    const cells = ix.row(x)!.cells.filter(counts);
    if (cells.length === 0) break;
    block.push(cells);
  }
  const heading = (least: number) => block[0]!.every((c) => c.t === 's' && isColumnWord(c.v as string, least));
  // A lone row of three or more words, all but one plainly heading columns (Risk | Mitigation Plan |
  // Approval Status | Next Steps under a status report's milestones), is the header of a table with no
  // rows yet. (Since a date cell of words keeps its record, such a row no longer fell out for its "Next
  // Steps" under Due Date, and rows added after the records went under that header.)
  if (block.length < OTHER_BLOCK_ROWS) {
    const cells = block[0] ?? [];
    return block.length === 1 && cells.length >= 3 && cells.every((c) => c.t === 's') && cells.filter((c) => !isColumnWord(c.v as string, PLAIN_HEADING)).length <= 1;
  }
  // Sparse rows under column words; or, in a narrow table, two or more words that plainly head columns.
  return block.every((cells) => cells.length * 2 <= median) ? heading(HEADING_WORD) : block[0]!.length >= 2 && heading(PLAIN_HEADING);
}

/** How surely a word must name a column to head another table of sparse rows (of any rows: PLAIN_HEADING). */
const HEADING_WORD = 0.8;

/**
 * A row that only goes on with a text of the record just above it: its one cell is text starting in lower
 * case, under a text of that record that ends mid-sentence, and the record fills three or more columns
 * (a long Query or 内容 that the author wrapped by hand into the next row) — or all but one of a table
 * of two or three columns. A row with one capitalized or Japanese text is a record of its own (a task
 * with only a name).
 */
function continuesText(ix: SheetIndex, record: Cell[], parent: number, counts: (cell: Cell) => boolean, columns: number): boolean {
  if (record.length !== 1 || record[0]!.t !== 's') return false;
  const text = textOfCell(record[0]!);
  if (!/^[a-z]/.test(text)) return false;
  const above = ix.row(parent)?.cells.filter(counts) ?? [];
  const over = above.find((c) => c.c === record[0]!.c);
  // A text that ends a sentence, or with a number (task 1.3, Sprint 4: a numbered name is whole), is not cut off.
  return above.length >= Math.min(3, Math.max(2, columns - 1)) && over !== undefined && over.t === 's' && !/[.!?。！？\d]$/.test(textOfCell(over));
}

const cellKey = (cell: Cell) => `${cell.t}:${String(cell.v).trim()}`;

/**
 * Per column, values a template writes rather than a person: one that fills at least 90 % of the first
 * 200 rows under the header (5 or more), or the one or two labels an unmapped column repeats down 10 or
 * more rows.
 */
function fillerValues(ix: SheetIndex, layout: TableLayout, minC: number, maxC: number, keyColumns: Set<number>): Map<number, Set<string>> {
  const rows = ix.rowsBelow(layout.headerBottom, 200);
  const seen = new Map<number, Map<string, number>>();
  for (const row of rows)
    for (const cell of row.cells) {
      if (cell.c < minC || cell.c > maxC || !hasContent(cell)) continue;
      let m = seen.get(cell.c);
      if (!m) seen.set(cell.c, (m = new Map()));
      m.set(cellKey(cell), (m.get(cellKey(cell)) ?? 0) + 1);
    }
  const out = new Map<number, Set<string>>();
  for (const [c, m] of seen) {
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    // One value down nearly every row, or a few labels repeated row after row (予定 / 実績 of two-row records).
    const labels = m.size <= 2 && total >= 10 && [...m.keys()].every((k) => k.startsWith('s:')) && !keyColumns.has(c);
    for (const [k, n] of m) if ((n >= 5 && n >= 0.9 * rows.length) || labels) out.set(c, (out.get(c) ?? new Set()).add(k));
  }
  return out;
}

function isTotal(ix: SheetIndex, row: Row, cell: Cell, cellText = textOfCell(cell)): boolean {
  // A label in decorative brackets (【合計】, [Total]) is the label.
  const text = cellText.replace(BRACKETED, '$1');
  if (TOTAL.test(text)) return true;
  if (text.length <= 40 && TOTAL_END.test(text) && row.cells.some((c) => c.f)) return true;
  if (!TOTAL_START.test(text) || text.length > 40) return false;
  const merged = ix.mergeAt(row.r, cell.c);
  return row.cells.some((c) => c.f) || (merged !== undefined && merged.c2 > merged.c1);
}

/**
 * A row of instructions for filling in the table, read only between the header and the first record: one
 * text alone on the row (in the table's columns) that is a note (※…, 注:, Note:), or that asks the user
 * to do something or is a sentence (see REQUEST, SENTENCE) merged across two or more of the table's
 * columns, or, in one cell, words that ask the reader (ASKS_READER in a name's cell, IMPERATIVE in another). A name alone (a phase's, 1. 要件定義,
 * or a long title with nothing else filled yet) is a record or a section, never instructions.
 */
function isInstructions(ix: SheetIndex, row: Row, layout: TableLayout): boolean {
  if (row.cells.length !== 1 || row.cells[0]!.t !== 's') return false;
  const cell = row.cells[0]!;
  if (isNote(row)) return true;
  const text = textOfCell(cell);
  const m = ix.mergeAt(row.r, cell.c);
  const across = m ? layout.columns.filter((c) => c.c + c.span - 1 >= m.c1 && c.c <= m.c2).length : 1;
  // Merged across the table, a request or a sentence; in one cell, only words that ask the reader (a
  // first record may be a long title alone: ログイン画面で入力したパスワードが保存されない).
  if (across >= 2) return REQUEST.test(text) || SENTENCE.test(text);
  // Alone in a name's own cell, text is the first record unless it asks the reader (a first task not
  // yet scheduled has only its name, and English tasks are named by their verb: Select hosting provider).
  const inName = layout.columns.some((m) => (m.field === KEY_FIELD[layout.target] || NAME_FIELD.test(m.field ?? '')) && cell.c >= m.c && cell.c < m.c + m.span);
  if (inName) return ASKS_READER.test(text);
  return IMPERATIVE.test(text) && text.length >= 15;
}

/** A fill-in hint in a cell: a note wholly in brackets, a date format, or an example (例：…, e.g. …, Ex: …). */
const HINT = [
  /^[(（［\[〔<＜][^()（）［\]〔〕<>＜＞]{1,40}[)）］\]〕>＞]$/,
  /^(?:yyyy|yy)\s*[/.\-年]\s*m{1,2}\s*[/.\-月]\s*d{1,2}\s*日?$/i,
  /^(?:m{1,2}\/d{1,2}\/(?:yyyy|yy)|d{1,2}\/m{1,2}\/(?:yyyy|yy))$/i,
  /^(?:記入例|入力例|例)\s*[:：)）]/,
  /^(?:e\.\s?g\.|ex\s*[:.]|example\s*[:：])/i,
];

/**
 * A row of fill-in hints under the header: two or more filled cells, every one a hint (HINT) typed as
 * text — a record has a name, and its numbers and dates are numbers and dates.
 */
function isHintRow(cells: Cell[]): boolean {
  const filled = cells.filter((c) => !(c.t === 's' && blankText(c.v as string)));
  return filled.length >= 2 && filled.every((c) => c.t === 's' && !c.f && HINT.some((h) => h.test(textOfCell(c))));
}

/**
 * The same text in three or more of the table's columns, and in at least half of them: a filter's
 * criteria ((全て) under each header word), never a record, whose name, owner, dates and status differ.
 */
function isFilterRow(cells: Cell[], columns: number): boolean {
  if (cells.length < 3 || cells.length * 2 < columns || cells.some((c) => c.t !== 's')) return false;
  const text = textOfCell(cells[0]!);
  return text !== '' && cells.every((c) => textOfCell(c) === text);
}

/** A note: one text starting like one (※…, 注:, (注), Note:, 備考:), or such a mark with its text in the next cell ((*) | For Risk#15 …). */
function isNote(row: Row, minC = -Infinity, maxC = Infinity): boolean {
  // (Counted in a loop, in the columns given: asked of every row, where filtered copies were a tenth of the read.)
  let first: Cell | undefined;
  let n = 0;
  for (const c of row.cells) {
    if (c.c < minC || c.c > maxC || (c.t === 's' && blankText(c.v as string))) continue;
    if (c.t !== 's' || ++n > 2) return false;
    first ??= c;
  }
  return first !== undefined && NOTE.test((first.v as string).normalize('NFKC').trim());
}
