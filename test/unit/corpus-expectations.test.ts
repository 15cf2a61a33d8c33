// The judge of test/integration/corpus-detect.test.ts on made-up previews: how columns, records, rows
// left out, data ranges, readings and known gaps are decided, so a wrong figure is never the judge's.
import { describe, expect, it } from 'vitest';
import type { ImportPreview, PreviewRow } from '../../electron/common/excel/preview.js';
import {
  answerAsk,
  compareColumn,
  compareFile,
  figures,
  gapViolations,
  renderKnownGaps,
  type Ask,
  type FileExpectation,
  type TableExpectation,
} from '../helpers/corpus-expectations.js';

const col = (column: string, field: string | null) => ({ column, field });

function preview(p: Partial<ImportPreview> & { rowsAt?: number[] }): ImportPreview {
  const rows: PreviewRow[] = (p.rowsAt ?? []).map((row) => ({ status: 'new', row, key: String(row), name: `r${row}` }));
  return {
    previewId: 'x',
    fileName: 'f.xlsx',
    register: 'wbs',
    sheet: 'S',
    sheets: ['S'],
    header: { top: 1, bottom: 1 },
    data: { first: 2, last: 4, end: 'blank rows' },
    columns: [],
    fields: [],
    matchBy: 'name',
    profile: null,
    headerSignature: '',
    rows,
    missing: [],
    counts: { new: rows.length, changed: 0, unchanged: 0, missing: 0, skipped: 0, problems: 0 },
    problems: [],
    ...p,
  } as ImportPreview;
}

const table: TableExpectation = {
  sheet: 'S',
  register: 'wbs',
  headerRows: [1, 1],
  firstDataRow: 2,
  lastDataRow: 4,
  rowsPerRecord: 1,
  columns: { A: 'name', B: ['notes', 'extra'], 'C:E': 'ignore' },
  records: 2,
  leftOut: [{ row: 3, reason: 'separator' }],
};

describe('compareColumn', () => {
  it('reads an unlisted column as ignored and accepts any listed reading', () => {
    expect(compareColumn('A', 'name', [col('A', 'name')]).ok).toBe(true);
    expect(compareColumn('B', ['notes', 'extra'], [col('B', null)]).ok).toBe(true);
    expect(compareColumn('B', 'notes', []).got).toBe('ignore');
    expect(compareColumn('B', 'notes', [col('B', 'assignee')]).ok).toBe(false);
  });

  it('judges a range expected as ignored by every product column inside it', () => {
    expect(compareColumn('C:E', 'ignore', [col('B', 'name')]).ok).toBe(true);
    const r = compareColumn('C:E', 'ignore', [col('D', null)]);
    expect(r).toMatchObject({ ok: false, got: 'D→extra' });
  });

  it('compares a merged group with the product group, or with its first column', () => {
    expect(compareColumn('A:C', 'name', [col('A:C', 'name')]).ok).toBe(true);
    expect(compareColumn('A:C', 'name', [col('A', 'name'), col('B', null)]).ok).toBe(true);
    expect(compareColumn('A:C', 'name', [col('B', 'name')]).ok).toBe(false);
  });

  it('reads a column inside a product group that starts before it as the group\'s field, where a person gives it that field first', () => {
    // Names in B for phases and in C for tasks, read as one name column B:C.
    expect(compareColumn('C', 'name', [col('B:C', 'name')])).toMatchObject({ ok: true, got: 'B:C→name' });
    expect(compareColumn('C', ['extra', 'name'], [col('B:C', 'name')]).ok).toBe(false);
    expect(compareColumn('D', 'name', [col('B:C', 'name')]).got).toBe('ignore');
  });

  it('reads the label column of two-row records as ignored: no field, nothing kept', () => {
    expect(compareColumn('F', 'ignore', [{ column: 'F', field: null, blockLabels: ['予定', '実績'] }]).ok).toBe(true);
    expect(compareColumn('F', 'extra', [{ column: 'F', field: null, blockLabels: ['予定', '実績'] }]).ok).toBe(false);
  });
});

describe('compareFile', () => {
  const file = (t: TableExpectation): FileExpectation => ({ file: 'f.xlsx', tables: [t] });
  const ask = (p: ImportPreview) => async (_: Ask) => p;

  it('is right when the table, columns, records and rows left out all match', async () => {
    const r = await compareFile(file(table), ask(preview({ columns: [col('A', 'name'), col('B', null)] as never, rowsAt: [2, 4] })));
    expect(r.wrong).toEqual([]);
    expect(r.tables[0]!.aspects).toMatchObject({ sheet: true, header: true, data: true, columns: true, records: true, leftOut: true });
  });

  it('counts records by source row, so group tasks built from the same row are not extra records', async () => {
    const r = await compareFile(file(table), ask(preview({ columns: [col('A', 'name'), col('B', null)] as never, rowsAt: [2, 2, 4] })));
    expect(r.tables[0]!.aspects.records).toBe(true);
  });

  it('flags a row a person leaves out that was imported, and a wrong header', async () => {
    const r = await compareFile(file(table), ask(preview({ header: { top: 1, bottom: 2 }, columns: [col('A', 'name'), col('B', null)] as never, rowsAt: [2, 3, 4] })));
    expect(r.wrong.sort()).toEqual(['wbs@S:header', 'wbs@S:leftOut', 'wbs@S:records']);
    expect(r.tables[0]!.badRows).toEqual([3]);
    expect(figures([r])).toMatchObject({ tables: 1, fullyRight: 0, expectedRecords: 2, goodRecords: 2 });
  });

  it('accepts the first row of a two-row record as the end of the data', async () => {
    const two: TableExpectation = { ...table, lastDataRow: 5, rowsPerRecord: 2, leftOut: [], columns: {} };
    const r = await compareFile(file(two), ask(preview({ data: { first: 2, last: 4, end: 'blank rows' }, rowsAt: [2, 4] })));
    expect(r.tables[0]!.aspects.data).toBe(true);
  });

  it('takes an alternative reading when it matches better', async () => {
    const alt: TableExpectation = { ...table, alternatives: [{ pick: false, why: 'header on two rows', headerRows: [1, 2] }] };
    const r = await compareFile(file(alt), ask(preview({ header: { top: 1, bottom: 2 }, columns: [col('A', 'name'), col('B', null)] as never, rowsAt: [2, 4] })));
    expect(r.wrong).toEqual([]);
    expect(r.tables[0]!.reading).toBe('header on two rows');
  });

  it('asks every register of a workbook with no table, and any import there is wrong', async () => {
    const asked: Ask[] = [];
    const r = await compareFile({ file: 'n.xlsx', tables: [], noTable: 'a report' }, async (a) => {
      asked.push(a);
      return preview({ rowsAt: a.register === 'issue' ? [5] : [] });
    });
    expect(asked.map((a) => a.register)).toEqual(['wbs', 'risk', 'issue', 'change']);
    expect(r.wrong).toEqual(['nothing:issue']);
  });

  it('asks for a register\'s second table by its sheet, and does not judge the sheet then', async () => {
    const asked: Ask[] = [];
    const second: TableExpectation = { ...table, sheet: 'T' };
    await compareFile({ file: 'f.xlsx', tables: [table, second] }, async (a) => {
      asked.push(a);
      return preview({ sheet: a.sheet ?? 'S', rowsAt: [2, 4] });
    });
    // Each ask carries the person's table too, for the dialog's questions of which table and which column is the key (answerAsk).
    expect(asked).toEqual([
      { register: 'wbs', person: { sheet: 'S', headerRows: [1, 1], columns: table.columns } },
      { register: 'wbs', sheet: 'T', person: { sheet: 'T', headerRows: [1, 1], columns: table.columns } },
    ]);
  });
});

describe('answerAsk', () => {
  const keyClose = (other: string) =>
    preview({ register: 'risk', header: { top: 2, bottom: 2 }, detection: { confidence: { table: 1, header: 0.6, key: 0.3 }, ask: 'header', why: [{ code: 'keyClose', field: 'title', column: 'C', label: 'Event', other, otherLabel: 'Cause', otherField: 'description' }], candidates: [] } });
  it('gives the key to the other column of a keyClose question where the person reads that one as the key, and leaves it where they do not', () => {
    const person = { sheet: 'S', headerRows: [2, 2] as [number, number], columns: { B: 'title', C: 'extra' } };
    expect(answerAsk(keyClose('B'), person)).toEqual({ sheet: 'S', headerTop: 2, headerBottom: 2, columns: [{ column: 'B', field: 'title' }] });
    expect(answerAsk(keyClose('B'), { ...person, columns: { B: 'description', C: 'title' } })).toBeNull();
    expect(answerAsk(keyClose('B'), { sheet: 'S' })).toBeNull();
  });

  it('gives a column under no header word the field the person reads it as, and the column that had that field their reading of it', () => {
    const p = preview({
      columns: [{ c: 6, span: 1, column: 'G', label: '担当者', field: 'assignee', confidence: 1 }, { c: 7, span: 1, column: 'H', label: '', field: null, confidence: 0, extraKey: 'H' }],
      detection: { confidence: { table: 1, header: 0.5, key: 1 }, ask: 'header', why: [{ code: 'unheaded', columns: 'H' }], candidates: [] },
    });
    const person = { sheet: 'S', columns: { G: ['extra', 'assignee'], H: 'assignee' } };
    expect(answerAsk(p, person)).toEqual({ sheet: 'S', headerTop: 1, headerBottom: 1, columns: [{ column: 'H', field: 'assignee' }, { column: 'G', field: null }] });
    // Kept or left out as a person reads it: nothing to answer.
    expect(answerAsk(p, { sheet: 'S', columns: { G: 'assignee', H: 'ignore' } })).toBeNull();
  });
});

describe('known gaps', () => {
  const result = (file: string, wrong: string[]) => ({ file, reading: 'primary', tables: [], wrong });

  it('fails an unlisted mismatch, a listed file that now matches, and a listed file that changed', () => {
    const gaps = { 'b.xlsx': ['wbs@S:header'], 'c.xlsx': ['wbs@S:header'] };
    const v = gapViolations([result('a.xlsx', ['wbs@S:columns']), result('b.xlsx', []), result('c.xlsx', ['wbs@S:columns', 'wbs@S:header'])], gaps);
    expect(v).toHaveLength(3);
    expect(v[0]).toMatch(/a\.xlsx: does not match and is not in known-gaps/);
    expect(v[1]).toMatch(/b\.xlsx: now matches; remove it/);
    expect(v[2]).toMatch(/c\.xlsx: known-gaps\.json lists/);
    expect(gapViolations([result('c.xlsx', ['wbs@S:header'])], gaps)).toEqual([]);
  });

  it('writes the gaps as they stand in a stable order', () => {
    const text = renderKnownGaps([result('z.xlsx', ['b', 'a']), result('a.xlsx', ['x']), result('m.xlsx', [])]);
    expect(JSON.parse(text).files).toEqual({ 'a.xlsx': ['x'], 'z.xlsx': ['a', 'b'] });
    expect(text.indexOf('a.xlsx')).toBeLessThan(text.indexOf('z.xlsx'));
  });
});
