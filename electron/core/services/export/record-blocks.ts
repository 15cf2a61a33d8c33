// A client table as a sequence of record blocks: the sheet rows of one record (one row, or two or more
// where the client's layout spends several rows per record, or where a record's cells are merged down
// over several rows), with everything in them. The export keeps, moves, removes or copies whole blocks
// (the template writer's row order) and then writes the changed values into the rows where they are:
// - a surviving record keeps its block; a WBS is laid out in the stored tree order, a register keeps
//   the client's order with new rows after its last record;
// - a removed record's block goes, except in a layout with prepared blank rows, where it is cleared
//   where it is, keeping its printed number (the client's numbered rows stay as they were), unless
//   the cleared rows would make a run of blank rows that ends the table: then it goes, and the form
//   gets a prepared block more at its end;
// - a new record fills the next prepared blank block, else gets a copy of the block of its nearest
//   neighbour of the same kind (for a WBS, the same level), placed where the record goes;
// - rows between blocks that no record owns (notes, separators, rows the import left out) are the
//   client's: they travel with the record block above them and are never written.
import { BLANK_ROWS_END } from '../../excel/import/table-ends.js';
import type { Merge } from '../../../common/excel/model.js';

export interface TemplateRecord {
  /** 1-based sheet row of the record. */
  row: number;
  /** kept: matched to a stored row (id); removed: the stored row is gone; client: left out by the import. */
  kind: 'kept' | 'removed' | 'client';
  id?: number;
  level: number;
  /** The record's text wrapped on into the rows below, through this 1-based row: they are its block's. */
  through?: number;
  /**
   * The record's own further rows, through this 1-based row: a two-row record's second row (its 実績 row,
   * its note row), told by the import, not by counting rows. They are the layout's block, which a new
   * record of its kind copies whole.
   */
  rowsThrough?: number;
  /**
   * A phase row over its tasks (phase-rows.ts): in such a layout a top-level record is a phase row and
   * every other one a task row, so a record whose level moved across is laid out anew in the other kind's
   * block (a copy of the nearest one), and a new one gets a copy of its kind's.
   */
  phase?: boolean;
}

export interface StoredRecord {
  id: number;
  level: number;
  /** The rows of a block its values need (2 where a value goes on a two-row record's second row), 1 if unsaid. */
  rows?: number;
}

export interface BlockInput {
  /** 1-based first data row (right under the header). */
  first: number;
  /** The last data row the import read (1-based), null for an empty table. */
  last: number | null;
  /** The records the import read, by row (not blank rows, not 大/中分類 made from a category column). */
  records: TemplateRecord[];
  /** The sheet's merged ranges (0-based). */
  merges: Merge[];
  /** Prepared blank rows right after the table (1-based, consecutive). */
  prepared: number[];
  /**
   * Rows (1-based) whose ID is the client's numbering formula (=ROW()-2) in a table numbered so: a new
   * record copies such a block, so its number is the formula filled down, not a number typed over it.
   */
  numbered?: Set<number>;
  /**
   * Group label rows (1-based; a 分類 on a row of its own merged down over its records) with the
   * record rows they label: a label whose records are all removed goes with them.
   */
  groupLabels?: Map<number, number[]>;
  /** Rows (1-based) with nothing in the table's columns (spacer rows between groups of records). */
  blank?: Set<number>;
  /**
   * Every row of the form prints its number in a column the client keeps (Line 1, 2 … beside the IDs,
   * on the records and on every prepared row): a cleared row keeps it, so cleared rows side by side are
   * no blank run and stay where they are (removed, the numbers below jumped, 5 then 8).
   */
  printed?: boolean;
  /** A WBS: the blocks follow the stored order; else the client's order, new records after. */
  tree: boolean;
  /** Every stored row to write, in the order a WBS lists them. */
  stored: StoredRecord[];
}

/**
 * What goes into an output row: a stored row (fresh: all its cells, a new block), cleared, or nothing.
 * `rows`: a new record in a prepared block longer than its kind's (a 中分類 label of one row in a plan's
 * two-row blocks): the rows it is drawn on, the rest of the block left blank (no 予定/実績 words).
 */
export type BlockFill = { stored: number; fresh: boolean; rows?: number } | 'clear' | undefined;

export interface BlockPlan {
  firstRow: number;
  /** The template's last row of the region (null: no template block to keep or copy). */
  lastRow: number | null;
  order: { row: number; clone?: boolean }[];
  fill: BlockFill[];
  /** Whose block each output row is: the stored row's index, null for rows no record owns (client rows, cleared or prepared rows). */
  owner: (number | null)[];
  /** The prepared rows the plan fills or keeps: those after the last record's whole block. */
  prepared: number[];
  /**
   * The first row of each block, by what it is now: a record's ('record': a stored row's, or a client
   * record the import left out) or a blank one ('blank': a prepared block, or a removed record's cleared
   * in place); undefined on other rows. The form's numbering runs down these (profile-export.ts).
   */
  starts: ('record' | 'blank' | undefined)[];
}

interface Block {
  rec: TemplateRecord;
  rows: number[];
  /**
   * The rows of the layout's block, without the rows the record's text was wrapped into by hand: what a
   * new record copies (a wrapped text is the record's words, not the form's shape).
   */
  shape: number[];
  /** Client rows above it that travel with it (a ↓ separator heading the records below it). */
  head: number[];
}

/** Rows per record when the layout spends a fixed number of rows on each (2 for a two-row gantt), else 1. */
export function recordPeriod(rows: number[]): number {
  if (rows.length < 3) return 1;
  const gaps = new Map<number, number>();
  for (let i = 1; i < rows.length; i++) {
    const g = rows[i]! - rows[i - 1]!;
    gaps.set(g, (gaps.get(g) ?? 0) + 1);
  }
  const [g, n] = [...gaps].sort((a, b) => b[1] - a[1])[0]!;
  return g >= 2 && n >= (rows.length - 1) * 0.7 ? g : 1;
}

/** Per 1-based row, the last row a range merged down from it reaches. */
function mergedDownTo(merges: Merge[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const m of merges) if (m.r2 > m.r1) out.set(m.r1 + 1, Math.max(out.get(m.r1 + 1) ?? 0, m.r2 + 1));
  return out;
}

/**
 * The last row of a record's block as the layout draws it (its shape, without rows its text was wrapped
 * into by hand): the layout's rows per record, its own further rows, and the rows its cells are merged
 * down over, never into the next record.
 */
function shapeEnd(rec: TemplateRecord, next: number, period: number, mergedDown: Map<number, number>): number {
  const end = Math.min(Math.max(rec.row + period - 1, rec.rowsThrough ?? 0), next - 1);
  const merged = mergedDown.get(rec.row);
  return merged === undefined ? end : Math.max(end, Math.min(merged, next - 1));
}

/**
 * The rows of the last record's block as the layout draws it (planBlocks' shape of it): where prepared
 * blank blocks under the table start, and the shape each of them repeats. Empty without records.
 */
export function lastBlockShape(records: TemplateRecord[], merges: Merge[]): number[] {
  if (records.length === 0) return [];
  const sorted = [...records].sort((a, b) => a.row - b.row);
  const last = sorted[sorted.length - 1]!;
  return range(last.row, shapeEnd(last, Infinity, recordPeriod(sorted.map((r) => r.row)), mergedDownTo(merges)));
}

export function planBlocks(input: BlockInput): BlockPlan {
  // A layout of phase rows: a kept record whose level now wants the other kind of row is laid out anew.
  // (While some phase has tasks under it: a phase row reads as one only beside a phase over tasks, and
  // a plan left with top-level tasks alone reads them from task rows, as a list.)
  const anyPhase = input.records.some((r) => r.phase);
  const phased = anyPhase && input.stored.some((s) => s.level > 0);
  const levelOf = new Map(input.stored.map((s) => [s.id, s.level]));
  const rowsNeeded = new Map(input.stored.map((s) => [s.id, s.rows ?? 1]));
  const phaseLevel = (level: number) => phased && level === 0;
  const sorted = [...input.records].sort((a, b) => a.row - b.row);
  const period = recordPeriod(sorted.map((r) => r.row));
  const mergedDown = mergedDownTo(input.merges);
  const blockOf = (rec: TemplateRecord, k: number, recs: TemplateRecord[]): Block => {
    const next = recs[k + 1]?.row ?? Infinity;
    let end = shapeEnd(rec, next, period, mergedDown);
    const shape = range(rec.row, end);
    if (rec.through !== undefined) end = Math.max(end, Math.min(rec.through, next - 1));
    return { rec, rows: range(rec.row, end), shape, head: [] };
  };
  // A kept record whose level now wants another shape of block is laid out anew in a copy of that shape:
  // a phase row that became a task or the reverse, and a record of one row (a 大/中 label row) that became
  // a task of a layout spending two rows on each, or whose values now need its second row (a label whose
  // tasks all went keeps their 実績 dates): they have nowhere else to go. (A record of two rows that became
  // a label keeps them: its second row still reads as its own.)
  const shapeCounts = new Map<number, Map<number, number>>();
  sorted.forEach((r, k) => {
    const n = blockOf(r, k, sorted).shape.length;
    const counts = shapeCounts.get(r.level) ?? shapeCounts.set(r.level, new Map()).get(r.level)!;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  });
  const levels = [...shapeCounts.keys()];
  /** Rows most blocks of a level have in the template (of the nearest level there, the deeper on a tie; the longer on a tie). */
  const rowsOfLevel = (level: number) => {
    if (levels.length === 0) return 1;
    const near = levels.reduce((a, b) => (Math.abs(b - level) < Math.abs(a - level) || (Math.abs(b - level) === Math.abs(a - level) && b > a) ? b : a));
    return [...shapeCounts.get(near)!].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  };
  const relaid = (r: TemplateRecord, k: number) => {
    if (r.kind !== 'kept' || !levelOf.has(r.id!)) return false;
    const level = levelOf.get(r.id!)!;
    if (anyPhase && !!r.phase !== phaseLevel(level)) return true;
    return blockOf(r, k, sorted).shape.length < Math.max(rowsNeeded.get(r.id!)!, level !== r.level ? rowsOfLevel(level) : 1);
  };
  const recs = sorted.map((r, k) => (relaid(r, k) ? { ...r, kind: 'removed' as const } : r));
  const blocks: Block[] = recs.map((rec, k) => blockOf(rec, k, recs));
  const blockEnd = blocks.length > 0 ? blocks[blocks.length - 1]!.rows.at(-1)! : input.first - 1;
  const tableEnd = Math.max(blockEnd, input.last ?? input.first - 1);
  const prepared = input.prepared.filter((r) => r > tableEnd);
  const regionEnd = prepared.length > 0 ? prepared[prepared.length - 1]! : tableEnd;
  if (blocks.length === 0 && prepared.length === 0) return { firstRow: input.first, lastRow: null, order: [], fill: input.stored.map((_, i) => ({ stored: i, fresh: true })), owner: input.stored.map((_, i) => i), prepared, starts: input.stored.map(() => 'record' as const) };

  // Rows no record owns (separators, notes, rows the import left out) travel with the next kept block
  // below them, as the heading of what follows; those after the last one stay at the end.
  const owned = new Set(blocks.flatMap((b) => b.rows));
  // A group label whose records are all gone (and not kept as cleared rows of a prepared form) goes.
  const byRecordRow = new Map(blocks.map((b) => [b.rec.row, b]));
  const storedIds = new Set(input.stored.map((s) => s.id));
  const survives = (b: Block | undefined) => !!b && b.rec.kind === 'kept' && storedIds.has(b.rec.id!);
  /** Rows of removed records cleared in place (a prepared form): a label over them stays. */
  const clearedRows = new Set<number>();
  const labelGoes = (r: number) => {
    const rows = input.groupLabels?.get(r);
    return !!rows && !rows.some((x) => survives(byRecordRow.get(x)) || clearedRows.has(x));
  };
  const pending: number[] = [];
  const byRow = new Map(blocks.map((b) => [b.rec.row, b]));
  for (let r = input.first; r <= tableEnd; r++) {
    const b = byRow.get(r);
    if (b) {
      if (b.rec.kind === 'kept') b.head.push(...pending.splice(0));
      else if (b.rec.kind === 'client') pending.push(...b.rows);
      continue;
    }
    if (!owned.has(r)) pending.push(r);
  }
  const trailing = pending;
  const preparedBlocks: { rows: number[]; clone?: boolean }[] = [];
  // (Prepared blocks have the rows of the deepest records' blocks: a task's two among one-row labels.)
  const preparedPeriod = Math.max(period, rowsOfLevel(Math.max(0, ...levels)));
  for (let i = 0; i < prepared.length; i += preparedPeriod) preparedBlocks.push({ rows: prepared.slice(i, i + preparedPeriod) });
  const layoutHasPrepared = preparedBlocks.length > 0;

  const order: BlockPlan['order'] = [];
  const fill: BlockFill[] = [];
  const owner: (number | null)[] = [];
  const starts: BlockPlan['starts'] = [];
  /** First rows of the client's records the import left out: records of the sheet all the same. */
  const clientStarts = new Set(blocks.filter((b) => b.rec.kind === 'client').map((b) => b.rows[0]!));
  const put = (rows: number[], first: BlockFill, clone = false, blank = false) => {
    rows.forEach((row, i) => {
      order.push(clone ? { row, clone: true } : { row });
      fill.push(i === 0 ? first : undefined);
      owner.push(typeof first === 'object' ? first.stored : null);
      starts.push(i > 0 ? undefined : typeof first === 'object' || (!clone && first === undefined && clientStarts.has(row)) ? 'record' : first === 'clear' || blank ? 'blank' : undefined);
    });
  };

  const kept = new Map<number, Block>();
  for (const b of blocks) if (b.rec.kind === 'kept' && b.rec.id !== undefined) kept.set(b.rec.id, b);
  const storedIndex = new Map(input.stored.map((s, i) => [s.id, i]));
  const sequence: number[] = input.tree
    ? input.stored.map((_, i) => i)
    : [
        ...blocks.filter((b) => b.rec.kind === 'kept' && storedIndex.has(b.rec.id!)).map((b) => storedIndex.get(b.rec.id!)!),
        ...input.stored.flatMap((s, i) => (kept.has(s.id) ? [] : [i])),
      ];
  // The block a new record copies: the nearest kept block of its level before it, else after it, else any.
  const models = sequence.map((i) => kept.get(input.stored[i]!.id) ?? null);
  // (Where phase rows stand over the tasks, the block of a record's own kind: a phase row for the top level.)
  const modelFor = (k: number): Block | null => {
    const level = input.stored[sequence[k]!]!.level;
    const kind = (b: Block) => !anyPhase || !!b.rec.phase === phaseLevel(level);
    if (anyPhase) {
      for (let j = k - 1; j >= 0; j--) if (models[j] && kind(models[j]!)) return models[j]!;
      for (let j = k + 1; j < models.length; j++) if (models[j] && kind(models[j]!)) return models[j]!;
      // (Any of the template's blocks of that kind, a removed one too: its rows are still the template's.)
      const any = blocks.find(kind);
      if (any) return any;
    }
    // (First a block with the rows the record needs: a task's two rows, not a label row's one.)
    const want = Math.max(input.stored[sequence[k]!]!.rows ?? 1, rowsOfLevel(level));
    for (const fits of [(b: Block) => b.shape.length >= want, () => true]) {
      for (const ok of input.numbered && input.numbered.size > 0 ? [(b: Block) => input.numbered!.has(b.rec.row), () => true] : [() => true]) {
        for (let j = k - 1; j >= 0; j--) if (models[j] && models[j]!.rec.level === level && ok(models[j]!) && fits(models[j]!)) return models[j]!;
        for (let j = k + 1; j < models.length; j++) if (models[j] && models[j]!.rec.level === level && ok(models[j]!) && fits(models[j]!)) return models[j]!;
      }
      for (let j = k - 1; j >= 0; j--) if (models[j] && fits(models[j]!)) return models[j]!;
      // (A removed record's block too: its rows are still the template's, the only two-row ones left.)
      const any = blocks.find((b) => b.rec.level === level && fits(b)) ?? blocks.find(fits);
      if (any) return any;
    }
    return models.find((m) => m !== null) ?? blocks[blocks.length - 1] ?? null;
  };
  // In a layout of prepared rows, a removed record's block is cleared where it is (its printed number
  // stays, so the form reads 1, 2, 3… down and no number is given twice): it stays after the record
  // block above it. New records fill the prepared rows below the table.
  const gone = (b: Block) => b.rec.kind === 'removed' || (b.rec.kind === 'kept' && !storedIndex.has(b.rec.id!));
  const clearedAfter = new Map<Block | null, Block[]>();
  if (layoutHasPrepared) {
    let above: Block | null = null;
    for (const b of blocks) {
      if (gone(b)) clearedAfter.set(above, [...(clearedAfter.get(above) ?? []), b]);
      else if (b.rec.kind === 'kept') above = b;
    }
    // Cleared rows that would stand as a run of blank rows (two adjacent removed records, one of two
    // rows, one beside a spacer row) read as the table's end, to the import and to the client's filters alike; a removed
    // record whose row holds a label merged down over the records below (their 分類) cannot be
    // cleared without clearing theirs. Such blocks go, the rows below move up (the label with its
    // merge), and the form keeps its size with as many prepared blocks (copies of its last one)
    // added after its prepared rows. (IDs numbered by the client's =ROW() formulas renumber as the rows
    // move up, as in Excel; the import matches such rows by title, see ImportTable.positionalRefs.)
    const model = preparedBlocks[preparedBlocks.length - 1]!.rows;
    const labels = (b: Block) => input.merges.some((m) => b.rows.includes(m.r1 + 1) && m.r2 + 1 > b.rows[b.rows.length - 1]!);
    // A row beside the cleared ones that no record owns (a spacer) may be blank too.
    const loose = (r: number) => r >= input.first && r <= tableEnd && !owned.has(r);
    for (const [above, gone] of clearedAfter) {
      const blankRun =
        (!input.printed && (gone.some((b) => b.rows.length >= BLANK_ROWS_END) || gone.reduce((n, b) => n + b.rows.length, 0) >= BLANK_ROWS_END)) ||
        loose(gone[0]!.rows[0]! - 1) ||
        loose(gone[gone.length - 1]!.rows.at(-1)! + 1);
      if (!blankRun && !gone.some(labels)) continue;
      clearedAfter.delete(above);
      for (const _ of gone) preparedBlocks.push({ rows: model, clone: true });
    }
  }
  for (const gone of clearedAfter.values()) for (const b of gone) for (const r of b.rows) clearedRows.add(r);
  // A spacer row whose records all went comes up against the next one: two blank rows would end the
  // table there (for the import and the client's filters alike), so one of them goes.
  const blankAt = (i: number) => i >= 0 && fill[i] === undefined && !order[i]!.clone && owner[i] === null && !!input.blank?.has(order[i]!.row);
  // (Blank rows that stood together in the template stay so.)
  const putHead = (rows: number[]) => {
    for (const r of rows) if (!labelGoes(r) && !(input.blank?.has(r) && blankAt(order.length - 1) && order[order.length - 1]!.row !== r - 1)) put([r], undefined);
  };
  const putCleared = (after: Block | null) => {
    for (const b of clearedAfter.get(after) ?? []) {
      putHead(b.head);
      put(b.rows, 'clear');
    }
  };
  putCleared(null);
  let nextPrepared = 0;
  let lastCopy: number[] | null = null;
  sequence.forEach((i, k) => {
    const own = models[k];
    if (own) {
      putHead(own.head);
      put(own.rows, { stored: i, fresh: false });
      putCleared(own);
      return;
    }
    if (nextPrepared < preparedBlocks.length) {
      const p = preparedBlocks[nextPrepared++]!;
      const want = Math.max(input.stored[i]!.rows ?? 1, rowsOfLevel(input.stored[i]!.level));
      put(p.rows, { stored: i, fresh: true, ...(want < p.rows.length ? { rows: want } : {}) }, p.clone);
      return;
    }
    const model = modelFor(k)?.shape ?? lastCopy ?? preparedBlocks[preparedBlocks.length - 1]?.rows ?? null;
    if (!model) return;
    lastCopy = model;
    put(model, { stored: i, fresh: true }, true);
  });
  putHead(trailing);
  for (let j = nextPrepared; j < preparedBlocks.length; j++) put(preparedBlocks[j]!.rows, undefined, preparedBlocks[j]!.clone, true);
  // Rows of the region the plan does not place (a removed block's rows) are removed by the writer.
  return { firstRow: input.first, lastRow: regionEnd, order, fill, owner, prepared, starts };
}

function range(a: number, b: number): number[] {
  return Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
}
