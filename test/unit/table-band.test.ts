// The columns a table's record blocks own (export/table-band.ts): the table's columns, what touches
// them, merges that reach out of them, and a group past an empty column only when it is filled on
// the records' rows (a timeline after a spacer), never a list or a second table beside it.
import { describe, expect, it } from 'vitest';
import type { Cell, SheetModel } from '../../electron/common/excel/model.js';
import { tableBand } from '../../electron/core/services/export/table-band.js';

/** A sheet from rows of [column, value] (0-based rows and columns). */
function sheet(rows: Record<number, [number, string | number][]>, merges: SheetModel['merges'] = []): SheetModel {
  return {
    name: 'S',
    state: 'visible',
    merges,
    rows: Object.entries(rows).map(([r, cells]) => ({ r: Number(r), cells: cells.map(([c, v]): Cell => ({ c, t: typeof v === 'number' ? 'n' : 's', v })) })),
  };
}
// A table with header on row 2 (0-based) over B:D, records on rows 3–8.
const header: [number, string][] = [[1, 'Task'], [2, 'Owner'], [3, 'Due']];
const records = (extra: (r: number) => [number, string | number][] = () => []) =>
  Object.fromEntries([3, 4, 5, 6, 7, 8].map((r) => [r, [[1, `t${r}`], [2, 'x'], [3, 45000 + r], ...extra(r)] as [number, string | number][]]));
const band = (s: SheetModel) => tableBand({ sheet: s, columns: [{ c: 1, span: 1 }, { c: 2, span: 1 }, { c: 3, span: 1 }], top: 2, first: 3, last: 8 });

describe('tableBand', () => {
  it('is the table\'s columns when nothing touches them', () => {
    expect(band(sheet({ 2: header, ...records() }))).toEqual([1, 3]);
  });

  it('takes in a row number left of the header and day columns right of it', () => {
    expect(band(sheet({ 2: [...header, [4, 1], [5, 2]], ...records((r) => [[0, r - 2], [5, '■']]) }))).toEqual([0, 5]);
  });

  it('leaves out a list beside the table past an empty column, and everything further out', () => {
    const s = sheet({ 2: [...header, [5, '状態'], [8, '担当']], ...records((r) => (r <= 5 ? [[5, `s${r}`], [8, `p${r}`]] : [])) });
    expect(band(s)).toEqual([1, 3]);
  });

  it('takes in a timeline past a spacer column when it is filled on the records\' rows', () => {
    expect(band(sheet({ 2: header, ...records((r) => [[5, '■'], [6, '■']]) }))).toEqual([1, 6]);
  });

  it('leaves out a legend beside the header whose second line is on the first record\'s row, however it is worded (blind set 11 C8)', () => {
    for (const [first, second] of [
      ['凡例　◎:完了　○:実施中', '　　　△:遅れ　×:未着手'],
      ['Legend: G = on track, A = at risk', 'R = late, B = done'],
      ['■:予定　■:実績', '◆:マイルストーン　★:レビュー'],
    ] as [string, string][]) {
      const s = sheet({ 2: [...header, [6, first]], ...records((r) => (r === 3 ? [[6, second]] : [])) }, [{ r1: 2, c1: 6, r2: 2, c2: 9 }, { r1: 3, c1: 6, r2: 3, c2: 9 }]);
      expect(band(s), first).toEqual([1, 3]);
    }
  });

  it('takes in a remarks column headed 備考 with one remark on a record, as before', () => {
    expect(band(sheet({ 2: [...header, [5, '備考']], ...records((r) => (r === 3 ? [[5, '要確認']] : [])) }))).toEqual([1, 5]);
  });

  it('takes in the width of a merge on the table\'s rows that reaches out of it', () => {
    const s = sheet({ 2: header, ...records(), 4: [[1, 't4'], [3, 'merged'], [7, 'list']] }, [{ r1: 4, c1: 3, r2: 4, c2: 5 }]);
    expect(band(s)).toEqual([1, 5]);
  });
});
