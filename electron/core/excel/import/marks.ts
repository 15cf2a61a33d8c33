// A mark a cell ticks a column with (○, ✓, ×): a group of mark columns picks the words of its sub-heads
// (影響範囲 over コスト | 納期 | 品質, 担当者 over one column per person), read in read-table.ts.
import type { Cell } from '../../../common/excel/model.js';

const MARKS = new Set(['○', '◯', '〇', '●', '◎', '✓', '✔', 'v', 'x', '×']);

export function isMark(cell: Cell | undefined): boolean {
  return !!cell && cell.t === 's' && MARKS.has((cell.v as string).trim().toLowerCase());
}
