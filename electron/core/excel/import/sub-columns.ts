// A group label merged across N columns with N words of their own in the header row below (予定 over
// 開始 | 終了, Plan over Kickoff | Wrap-up, 審査 over 結論 | 年月日 each merged over its 方眼紙 cells) is N
// columns, whatever those words are: a person reads each word as its column's, under the group. A header
// scored on the group's row alone (the words below named no field, so the taller header scored no
// better) read the group as ONE column spanning them, and every column after its first was lost (blind
// set 18, I2: the planned and actual finish of every task).
import type { Cell } from '../../../common/excel/model.js';
import type { HeaderColumn } from './header-rows.js';
import type { SheetIndex } from './sheet-index.js';
import { isMark } from './marks.js';

/** Rows under the header looked at for how the records fill the group's columns. */
const LOOK_ROWS = 20;

const filled = (cell: Cell) => !(cell.t === 's' && (cell.v as string).trim() === '') && cell.v !== null;

/**
 * The columns of the taller header (rows down to `bottom`) that tile `group`'s span exactly, each with a
 * word of its own under the group's (two or more of them), where the records fill them as columns of
 * their own: some record fills two or more of them, and no record's cell is merged across two of them
 * (a two-row record's upper line writes one text across the group: there the label below names the
 * record's second line, not a column of the group). Null when they are not such columns.
 */
export function subColumns(ix: SheetIndex, group: HeaderColumn, taller: HeaderColumn[], bottom: number): HeaderColumn[] | null {
  if (group.span < 2) return null;
  const end = group.c + group.span - 1;
  const tiles = taller.filter((t) => t.c >= group.c && t.c + t.span - 1 <= end).sort((a, b) => a.c - b.c);
  if (tiles.length < 2) return null;
  let next = group.c;
  for (const t of tiles) {
    if (t.c !== next || t.parts.length <= group.parts.length || t.parts[0] !== group.parts[0]) return null;
    next = t.c + t.span;
  }
  if (next !== end + 1) return null;
  const tileOf = (c: number) => tiles.findIndex((t) => c >= t.c && c < t.c + t.span);
  // (Marks under the words — ○ under コスト | 納期 | 品質, ✓ under one column per person — pick those words:
  // one column of the group's field, read-table.ts reads it so.)
  let marks = 0;
  let values = 0;
  let both = false;
  for (const row of ix.rowsBelow(bottom, LOOK_ROWS)) {
    const cells = row.cells.filter((cell) => cell.c >= group.c && cell.c <= end && filled(cell));
    for (const cell of cells) {
      const m = ix.mergeAt(row.r, cell.c);
      if (m && tileOf(m.c1) !== tileOf(Math.min(m.c2, end))) return null;
    }
    if (new Set(cells.map((cell) => tileOf(cell.c))).size >= 2) both = true;
    values += cells.length;
    marks += cells.filter(isMark).length;
  }
  return both && marks * 2 < values ? tiles : null;
}
