// The preview's reading of a table costs what its rows cost (issue 18: a 100,000-row import ≤ 3 s end to
// end). Nothing here reads a clock (the machine is shared; speed is the bench's): the same plan is read at
// four sizes and the work done is counted — every element an array method visits, every step of an array's
// iterator, every read of a row's fields. Linear reading costs as much per added row at 20,000 rows as at
// 1,000; a quadratic step costs ten times as much there. Such a step (read-table's `between` asked `includes`
// of every record row: 10 s of a 100,000-row preview) made it 8.6× here (linear: 0.94×).
import { afterEach, describe, expect, it } from 'vitest';
import { detectLayout } from '../../electron/core/excel/import/detect.js';
import { readTable } from '../../electron/core/excel/import/read-table.js';
import type { Cell, Row, WorkbookModel } from '../../electron/common/excel/model.js';

const HEADER = ['WBS番号', 'タスク名', '担当者', '予定開始日', '予定終了日', '進捗率', '状態', '備考'];
const STATUS = ['未着手', '進行中', '完了'];

/** Steps counted while `counting` is set (see counted()). */
let steps = 0;
let counting = false;

/** A WBS sheet of `n` records under a title and a header, as the reader's model (no xlsx in between); each row's fields count their reads. */
function plan(n: number): WorkbookModel {
  const rows: Row[] = [counted({ r: 0, cells: [{ c: 0, t: 's', v: '○○システム開発 WBS' }] }), counted({ r: 2, cells: HEADER.map((v, c) => ({ c, t: 's', v })) })];
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
    rows.push(counted({ r: 3 + i, cells }));
  }
  return { fileName: 'wbs.xlsx', format: 'xlsx', date1904: false, notes: [], sheets: [{ name: 'WBS', state: 'visible', rows, merges: [] }] };
}

/** The row with its `r` and `cells` as counting getters (enumerable own properties, so copies and spreads read them as values). */
function counted(row: Row): Row {
  const { r, cells } = row;
  return Object.defineProperties({} as Row, {
    r: { enumerable: true, get: () => (counting && steps++, r) },
    cells: { enumerable: true, get: () => (counting && steps++, cells) },
  });
}

// Array methods that visit elements, each counting what it visited (a search up to its hit, a callback
// method each call of its callback, a copy or a sort its length), and the array iterator (for…of, spreads).
type AnyFn = (...args: unknown[]) => unknown;
const proto = Array.prototype as unknown as Record<string | symbol, AnyFn>;
const kept = new Map<string | symbol, AnyFn>();
function patch(name: string | symbol, make: (orig: AnyFn) => AnyFn): void {
  const orig = proto[name]!;
  kept.set(name, orig);
  Object.defineProperty(Array.prototype, name, { value: make(orig), writable: true, configurable: true, enumerable: false });
}
function countArrays(): void {
  const indexOf = proto.indexOf!;
  const lastIndexOf = proto.lastIndexOf!;
  for (const name of ['includes', 'indexOf'])
    patch(name, (orig) =>
      function (this: unknown[], ...args: unknown[]) {
        if (counting) {
          const i = indexOf.apply(this, args) as number;
          steps += i < 0 ? this.length : i + 1;
        }
        return orig.apply(this, args);
      },
    );
  patch('lastIndexOf', (orig) =>
    function (this: unknown[], ...args: unknown[]) {
      if (counting) {
        const i = lastIndexOf.apply(this, args) as number;
        steps += i < 0 ? this.length : this.length - i;
      }
      return orig.apply(this, args);
    },
  );
  for (const name of ['find', 'findIndex', 'findLast', 'findLastIndex', 'filter', 'some', 'every', 'map', 'forEach', 'flatMap', 'reduce', 'reduceRight'])
    patch(name, (orig) =>
      function (this: unknown[], fn: unknown, ...rest: unknown[]) {
        if (typeof fn !== 'function') return orig.call(this, fn, ...rest);
        const reducing = name === 'reduce' || name === 'reduceRight';
        const thisArg = reducing ? undefined : rest[0];
        const each = function (...a: unknown[]) {
          if (counting) steps++;
          return (fn as AnyFn).apply(thisArg, a);
        };
        return orig.call(this, each, ...rest);
      },
    );
  for (const name of ['slice', 'concat', 'join', 'sort', 'reverse', 'fill', 'flat', 'toSorted', 'toReversed'])
    patch(name, (orig) =>
      function (this: unknown[], ...args: unknown[]) {
        if (counting) steps += this.length;
        return orig.apply(this, args);
      },
    );
  patch(Symbol.iterator, (orig) =>
    function (this: unknown[]) {
      const it = orig.call(this) as Iterator<unknown>;
      if (!counting) return it;
      return {
        next: () => (steps++, it.next()),
        [Symbol.iterator]() {
          return this;
        },
      };
    },
  );
}
function restoreArrays(): void {
  for (const [name, orig] of kept) Object.defineProperty(Array.prototype, name, { value: orig, writable: true, configurable: true, enumerable: false });
  kept.clear();
}
afterEach(() => {
  counting = false;
  restoreArrays();
});

/** The steps of detecting and reading the plan (every record read, checked). */
function readSteps(model: WorkbookModel): number {
  countArrays();
  steps = 0;
  counting = true;
  let records: number;
  try {
    const found = detectLayout(model, 'wbs', { reference: '2025-06-15' });
    if (!found.ok) throw new Error(found.reason);
    records = readTable(model, found.layout, { today: '2025-06-15' }).records.length;
  } finally {
    counting = false;
    restoreArrays();
  }
  expect(records).toBe(model.sheets[0]!.rows.length - 2);
  return steps;
}

describe('reading an import table at scale', () => {
  it('costs the same per added row at 1,000 rows and at 20,000 (never quadratic)', () => {
    // Per added row, not per row: the fixed part of a read (detection's word lists, the rows it samples) is
    // most of a small one. A first read, not counted, builds what the process keeps (lists made once).
    // Linear reading costs the same per added row at either size (~260 steps); quadratic ten times as much.
    readSteps(plan(100));
    const [s1, s2, s10, s20] = [1_000, 2_000, 10_000, 20_000].map((n) => readSteps(plan(n)));
    const small = (s2! - s1!) / 1_000;
    const large = (s20! - s10!) / 10_000;
    expect(small).toBeGreaterThan(100);
    expect(large / small, `steps per added row from 1,000 to 2,000 rows ${small.toFixed(1)}, from 10,000 to 20,000 ${large.toFixed(1)}`).toBeLessThan(1.5);
  }, 180_000);
});
