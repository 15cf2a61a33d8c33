// A table read with more left-out rows than a call can take as arguments: `Math.max(a, ...rows)` over
// the left-out rows threw RangeError (Maximum call stack size exceeded) at ~120,000 of them, so the
// preview of such a sheet failed with a message naming nothing. The reader caps a sheet at 101,000 rows,
// but the stack a call has left depends on where it runs (a worker, Electron's main), so the reading
// must not spread any per-row array into a call; this reads the model directly at 150,000.
import { describe, expect, it } from 'vitest';
import { layoutAt } from '../../electron/core/excel/import/detect.js';
import { readTable } from '../../electron/core/excel/import/read-table.js';
import type { Row, WorkbookModel } from '../../electron/common/excel/model.js';

const HEADER = ['WBS番号', 'タスク名', '担当者', '予定開始日', '予定終了日'];
const LEFT_OUT = 150_000;

function sheetWith(rows: Row[]): WorkbookModel {
  return { fileName: 'wbs.xlsx', format: 'xlsx', date1904: false, notes: [], sheets: [{ name: 'WBS', state: 'visible', rows, merges: [] }] };
}

describe('reading a table with 150,000 left-out rows', () => {
  it('lists them all and reads the records under them (no argument spread over the rows)', () => {
    const rows: Row[] = [{ r: 0, cells: HEADER.map((v, c) => ({ c, t: 's' as const, v })) }];
    // Example rows above the records (記入例 in the first column): each is left out as an example.
    for (let i = 0; i < LEFT_OUT; i++) rows.push({ r: 1 + i, cells: [{ c: 0, t: 's', v: '記入例' }, { c: 1, t: 's', v: `例のタスク ${i}` }] });
    const first = 1 + LEFT_OUT;
    for (let k = 0; k < 3; k++)
      rows.push({ r: first + k, cells: [{ c: 0, t: 's', v: `${k + 1}` }, { c: 1, t: 's', v: `設計 ${k + 1}` }, { c: 2, t: 's', v: '山田' }] });
    const model = sheetWith(rows);
    const layout = layoutAt(model, 'wbs', 'WBS', 0, 0, { reference: '2025-06-15' });
    expect(layout).not.toBeNull();
    const table = readTable(model, layout!, { today: '2025-06-15' });
    expect(table.records.map((r) => r.values.name)).toEqual(['設計 1', '設計 2', '設計 3']);
    expect(table.leftOut).toHaveLength(LEFT_OUT);
    expect(table.leftOut[0]).toEqual({ row: 2, reason: 'example' });
    expect(table.data.first).toBe(first + 1);
  }, 30_000); // (Linear: ~2 s. Asking every left-out row whether a template row was among them, per row, took a minute.)
});
