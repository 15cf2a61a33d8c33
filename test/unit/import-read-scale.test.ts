// The preview's reading of a table costs what its rows cost (issue 18: a 100,000-row import ≤ 3 s end to
// end). Timing on a shared 2-core machine is unreliable, so nothing here compares against a clock: the
// same plan is read at two sizes fifty times apart and the CPU time must grow about fifty-fold, not
// several hundred-fold. A quadratic step (read-table's `between` asked `includes` of every record row: 10 s of a
// 100,000-row preview) made the large read 250× the small one.
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../electron/core/excel/import/detect.js';
import { readTable } from '../../electron/core/excel/import/read-table.js';
import type { Cell, Row, WorkbookModel } from '../../electron/common/excel/model.js';

const HEADER = ['WBS番号', 'タスク名', '担当者', '予定開始日', '予定終了日', '進捗率', '状態', '備考'];
const STATUS = ['未着手', '進行中', '完了'];

/** A WBS sheet of `n` records under a title and a header, as the reader's model (no xlsx in between). */
function plan(n: number): WorkbookModel {
  const rows: Row[] = [{ r: 0, cells: [{ c: 0, t: 's', v: '○○システム開発 WBS' }] }, { r: 2, cells: HEADER.map((v, c) => ({ c, t: 's', v })) }];
  for (let i = 0; i < n; i++) {
    const a = Math.floor(i / 100) + 1;
    const k = i % 100;
    const cells: Cell[] = [
      { c: 0, t: 's', v: k === 0 ? `${a}` : `${a}.${k}` },
      { c: 1, t: 's', v: `設計 ${i + 1}（画面）` },
      { c: 2, t: 's', v: ['山田', '佐藤', '鈴木'][i % 3]! },
      { c: 3, t: 'd', v: 45748 + (i % 300), fmt: 'yyyy/m/d' },
      { c: 4, t: 'd', v: 45753 + (i % 300), fmt: 'yyyy/m/d' },
      { c: 5, t: 'n', v: (i % 10) / 10, fmt: '0%' },
      { c: 6, t: 's', v: STATUS[i % 3]! },
    ];
    if (i % 13 === 0) cells.push({ c: 7, t: 's', v: '顧客確認待ち' });
    rows.push({ r: 3 + i, cells });
  }
  return { fileName: 'wbs.xlsx', format: 'xlsx', date1904: false, notes: [], sheets: [{ name: 'WBS', state: 'visible', rows, merges: [] }] };
}

/** CPU milliseconds of detecting and reading the plan; the least of `runs` (the others met a busy machine). */
function readCost(model: WorkbookModel, runs: number): number {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t0 = process.cpuUsage();
    const found = detectLayout(model, 'wbs', { reference: '2025-06-15' });
    if (!found.ok) throw new Error(found.reason);
    const table = readTable(model, found.layout, { today: '2025-06-15' });
    const t = process.cpuUsage(t0);
    expect(table.records).toHaveLength(model.sheets[0]!.rows.length - 2);
    best = Math.min(best, (t.user + t.system) / 1000);
  }
  return best;
}

describe('reading an import table at scale', () => {
  it('costs about fifty times as much for fifty times the rows (never quadratic)', () => {
    const small = readCost(plan(2_000), 7);
    const large = readCost(plan(100_000), 2);
    // Linear is ~50× (measured 48–62×); quadratic was 250×. 120× leaves room for the collector's larger heap.
    expect(large / small, `2,000 rows ${small.toFixed(0)} ms, 100,000 rows ${large.toFixed(0)} ms CPU`).toBeLessThan(120);
  }, 180_000);
});
