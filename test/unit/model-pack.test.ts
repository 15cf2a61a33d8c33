// The reader's hand-off (model-pack.ts): a model packed in the worker, copied as a thread or a child
// process copies it, and unpacked is the very model read.
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { WorkbookModel } from '../../electron/common/excel/model.js';
import { packWorkbook, unpackWorkbook } from '../../electron/core/excel/model-pack.js';

const model: WorkbookModel = {
  fileName: 'wbs.xlsx',
  format: 'xlsx',
  date1904: false,
  notes: ['sheet WBS: some number cells hold no number and were left out'],
  names: JSON.parse('{"__proto__":"Lists!$A$1","Statuses":"Lists!$A$2:$A$6"}') as Record<string, string>,
  sheets: [
    {
      name: 'WBS',
      state: 'visible',
      merges: [{ r1: 0, c1: 0, r2: 0, c2: 3 }],
      lists: [{ sqref: 'K4:K100', formula: 'Statuses' }],
      tables: [{ name: 'T1', ref: { r1: 2, c1: 0, r2: 9, c2: 4 }, headerRows: 1, totalsRows: 0 }],
      rows: [
        { r: 0, cells: [{ c: 0, t: 's', v: '○○ WBS' }] },
        {
          r: 3,
          outline: 2,
          hidden: true,
          cells: [
            { c: 0, t: 's', v: '1.2' },
            { c: 1, t: 's', v: '要件定義\n（画面）', indent: 2 },
            { c: 3, t: 'd', v: 45748, fmt: 'yyyy/m/d' },
            { c: 4, t: 'n', v: 0.25, fmt: '0%', f: true },
            { c: 5, t: 'n', v: -3.5 },
            { c: 6, t: 'b', v: true },
            { c: 7, t: 'b', v: false },
            { c: 8, t: 'e', v: '#N/A', f: true },
            { c: 9, t: 's', v: '', f: true },
            { c: 16383, t: 's', v: '要件定義\n（画面）' },
          ],
        },
      ],
    },
    { name: 'Chart', state: 'hidden', rows: [], merges: [], skipped: 'a chart sheet holds no cells' },
    { name: 'Lists', state: 'veryHidden', rows: [{ r: 1_048_575, cells: [{ c: 0, t: 's', v: '未着手' }] }], merges: [] },
  ],
};

describe('the reader hand-off (packed model)', () => {
  it('gives back the model read, across a thread (structured clone) and a process (v8.serialize)', () => {
    const { packed } = packWorkbook(model);
    expect(unpackWorkbook(structuredClone(packed))).toEqual(model);
    const back = unpackWorkbook(v8.deserialize(v8.serialize(packed)) as typeof packed);
    expect(back).toEqual(model);
    // A defined name called __proto__ is a name, not the object's prototype.
    expect(Object.getPrototypeOf(back.names)).toBe(Object.prototype);
    expect(Object.keys(back.names!)).toEqual(['__proto__', 'Statuses']);
  });

  it('writes each text once', () => {
    const { packed } = packWorkbook(model);
    expect(packed.lengths.length).toBe(new Set(['○○ WBS', '1.2', '要件定義\n（画面）', 'yyyy/m/d', '0%', '#N/A', '', '未着手']).size);
  });

  it('refuses parts that do not fit together instead of answering half a model', () => {
    const { packed } = packWorkbook(model);
    expect(() => unpackWorkbook({ ...packed, values: packed.values.subarray(1) })).toThrow(/inconsistent/);
    expect(() => unpackWorkbook({ ...packed, text: packed.text + 'x' })).toThrow(/inconsistent/);
    expect(() => unpackWorkbook({ ...packed, sheetRows: Int32Array.of(2, 1, 1) })).toThrow(/inconsistent/);
    const cells = packed.cells.slice();
    cells[1] = 7;
    expect(() => unpackWorkbook({ ...packed, cells })).toThrow(/inconsistent/);
    expect(() => unpackWorkbook({ ...packed, rows: Array.from(packed.rows) as unknown as Int32Array })).toThrow(/inconsistent/);
  });
});
