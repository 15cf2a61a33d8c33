// Record blocks of a client table (electron/core/services/export/record-blocks.ts): where each record's
// rows go when records are removed and added in a layout of prepared (numbered, blank) rows.
import { describe, expect, it } from 'vitest';
import { planBlocks, type TemplateRecord } from '../../electron/core/services/export/record-blocks.js';
import { prng } from '../fixtures/excel/hostile.js';

const kept = (row: number, id: number): TemplateRecord => ({ row, kind: 'kept', id, level: 0 });

describe('record blocks in a layout of prepared rows', () => {
  it("a removed record's rows are cleared where they are and a new record fills the prepared rows below", () => {
    // wbs-jp-seungoon: one record at row 6, prepared rows 7–9; the record is deleted and one added.
    const plan = planBlocks({ first: 6, last: 6, records: [{ row: 6, kind: 'removed', level: 0 }], merges: [], prepared: [7, 8, 9], tree: true, stored: [{ id: 5, level: 0 }] });
    expect(plan.order.map((o) => o.row)).toEqual([6, 7, 8, 9]);
    expect(plan.fill).toEqual(['clear', { stored: 0, fresh: true }, undefined, undefined]);
  });

  it('a removed record in the middle stays in its place, cleared, so the printed numbers stay in order', () => {
    const plan = planBlocks({ first: 6, last: 8, records: [kept(6, 1), { row: 7, kind: 'removed', level: 0 }, kept(8, 3)], merges: [], prepared: [9, 10], tree: false, stored: [{ id: 1, level: 0 }, { id: 3, level: 0 }, { id: 4, level: 0 }] });
    expect(plan.order.map((o) => o.row)).toEqual([6, 7, 8, 9, 10]);
    expect(plan.fill).toEqual([{ stored: 0, fresh: false }, 'clear', { stored: 1, fresh: false }, { stored: 2, fresh: true }, undefined]);
    // Where the form's numbering runs: each record's first row, and each blank block (cleared or prepared).
    expect(plan.starts).toEqual(['record', 'blank', 'record', 'record', 'blank']);
  });

  it('two removed records side by side go, rows below move up, and the form gets two prepared rows more at its end: a blank run would end the table', () => {
    const plan = planBlocks({ first: 6, last: 9, records: [kept(6, 1), { row: 7, kind: 'removed', level: 0 }, { row: 8, kind: 'removed', level: 0 }, kept(9, 4)], merges: [], prepared: [10, 11], tree: false, stored: [{ id: 1, level: 0 }, { id: 4, level: 0 }] });
    expect(plan.order).toEqual([{ row: 6 }, { row: 9 }, { row: 10 }, { row: 11 }, { row: 11, clone: true }, { row: 11, clone: true }]);
    expect(plan.fill).toEqual([{ stored: 0, fresh: false }, { stored: 1, fresh: false }, undefined, undefined, undefined, undefined]);
  });

  it('a removed record of two sheet rows goes the same way, and a new record fills the prepared rows before the copies', () => {
    const plan = planBlocks({ first: 3, last: 7, records: [kept(3, 1), { row: 5, kind: 'removed', level: 0 }, kept(7, 3)], merges: [], prepared: [9, 10], tree: false, stored: [{ id: 1, level: 0 }, { id: 3, level: 0 }, { id: 9, level: 0 }] });
    expect(plan.order).toEqual([{ row: 3 }, { row: 4 }, { row: 7 }, { row: 8 }, { row: 9 }, { row: 10 }, { row: 9, clone: true }, { row: 10, clone: true }]);
    expect(plan.starts).toEqual(['record', undefined, 'record', undefined, 'record', undefined, 'blank', undefined]);
    expect(plan.fill).toEqual([{ stored: 0, fresh: false }, undefined, { stored: 1, fresh: false }, undefined, { stored: 2, fresh: true }, undefined, undefined, undefined]);
  });

  it('the records between two spacer rows all gone, one spacer goes too: two blank rows would end the table', () => {
    // Rows 7 and 10 are spacers around the group of rows 8–9, whose records were deleted (no prepared rows).
    const records = [kept(6, 1), { row: 8, kind: 'removed', level: 0 } as TemplateRecord, { row: 9, kind: 'removed', level: 0 } as TemplateRecord, kept(11, 4)];
    const plan = planBlocks({ first: 6, last: 11, records, merges: [], prepared: [], blank: new Set([7, 10]), tree: false, stored: [{ id: 1, level: 0 }, { id: 4, level: 0 }] });
    expect(plan.order).toEqual([{ row: 6 }, { row: 7 }, { row: 11 }]);
    // A spacer that is not blank (a note, a ↓ separator) stays: it is the client's.
    const noted = planBlocks({ first: 6, last: 11, records, merges: [], prepared: [], blank: new Set([7]), tree: false, stored: [{ id: 1, level: 0 }, { id: 4, level: 0 }] });
    expect(noted.order).toEqual([{ row: 6 }, { row: 7 }, { row: 10 }, { row: 11 }]);
  });

  it('a removed record next to a spacer row, or whose row holds a label merged over the records below, goes rather than being cleared', () => {
    // Row 8 is a spacer no record owns: clearing row 9 would leave rows 8–9 blank.
    const spacer = planBlocks({ first: 6, last: 10, records: [kept(6, 1), kept(7, 2), { row: 9, kind: 'removed', level: 0 }, kept(10, 4)], merges: [], prepared: [11], tree: false, stored: [{ id: 1, level: 0 }, { id: 2, level: 0 }, { id: 4, level: 0 }] });
    expect(spacer.order).toEqual([{ row: 6 }, { row: 7 }, { row: 8 }, { row: 10 }, { row: 11 }, { row: 11, clone: true }]);
    // Row 6's 分類 is merged down over rows 6–7 (0-based 5–6).
    const label = planBlocks({ first: 6, last: 7, records: [{ row: 6, kind: 'removed', level: 0 }, kept(7, 2)], merges: [{ r1: 5, c1: 1, r2: 6, c2: 1 }], prepared: [8], tree: false, stored: [{ id: 2, level: 0 }] });
    expect(label.order).toEqual([{ row: 7 }, { row: 8 }, { row: 8, clone: true }]);
  });
});

describe('record blocks: every stored record is written', () => {
  // The export once refused "no row could be written" after planning (export.noRows): no plan reaches it.
  // Over random templates (kept, removed, client records of one or two rows, merges down, prepared rows,
  // spacer and group label rows, none at all) and random stored lists, each stored record fills the first
  // row of exactly one block, and nothing else is filled with it.
  it('gives each stored record exactly one block over random templates and stored lists', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const rnd = prng(seed);
      const n = Math.floor(rnd() * 6);
      const period = rnd() < 0.3 ? 2 : 1;
      const first = 3 + Math.floor(rnd() * 3);
      const records: TemplateRecord[] = [];
      let row = first;
      let id = 1;
      for (let k = 0; k < n; k++) {
        if (rnd() < 0.15) row++; // a spacer row
        const u = rnd();
        const level = Math.floor(rnd() * 3);
        records.push(u < 0.55 ? { row, kind: 'kept', id: id++, level } : u < 0.8 ? { row, kind: 'removed', level } : { row, kind: 'client', level });
        row += period;
      }
      const last = n > 0 ? row - 1 : null;
      const prepared = rnd() < 0.4 ? Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, i) => row + i) : [];
      const merges = records.filter(() => rnd() < 0.2).map((r) => ({ r1: r.row - 1, c1: 0, r2: r.row, c2: 0 }));
      const keptIds = records.flatMap((r) => (r.kind === 'kept' && rnd() < 0.8 ? [r.id!] : []));
      const fresh = Array.from({ length: Math.floor(rnd() * 4) }, () => id++);
      const ids = [...keptIds, ...fresh].sort(() => rnd() - 0.5);
      const stored = ids.map((i) => ({ id: i, level: Math.floor(rnd() * 3), rows: rnd() < 0.2 ? 2 : 1 }));
      const input = { first, last, records, merges, prepared, tree: rnd() < 0.5, stored, blank: new Set<number>() };
      const plan = planBlocks(input);
      const filled = plan.fill.flatMap((f) => (typeof f === 'object' ? [f.stored] : []));
      expect(filled.sort((a, b) => a - b), `seed ${seed}: ${JSON.stringify(input)}`).toEqual(stored.map((_, i) => i));
    }
  });
});
