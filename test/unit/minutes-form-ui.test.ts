// What the 議事録 form editor and フォームから取込 decide without React: mapping by picking (a field takes
// one cell, a cell one field, a table's column one field; overlapping tables refused), Delete at the
// cursor, what is drawn where (marks, extent, merges, widths, the rows in view) and where the cursor goes.
import { describe, expect, it } from 'vitest';
import type { FormLayout } from '../../electron/common/excel/form.js';
import { REPORT_FORM_CHARTS, REPORT_FORM_LISTS } from '../../electron/common/excel/report-form.js';
import {
  assignCell,
  assignColumn,
  assignImage,
  assignRows,
  columnWidths,
  defaultSheet,
  emptyLayout,
  gridRows,
  jumpCursor,
  layoutProblem,
  marksOf,
  mergeIndex,
  moveCursor,
  normalized,
  removeAt,
  removeBlock,
  resizeImage,
  rowSpans,
  rowWindow,
  sameLayout,
  sheetExtent,
  targetOf,
  textIndex,
  type PickImage,
  type PickLayout,
  type PreviewSheet,
} from '../../renderer/src/features/forms/formModel.js';
import { DOCUMENT, formImportKey, headerLines, initialForm, isEmptyRead } from '../../renderer/src/features/minutes/formImportModel.js';

const names = [{ name: '場所', sheet: '議事録', ref: 'B5' }];

describe('mapping a form by picking', () => {
  it('gives a field one cell and a cell one field', () => {
    let l = assignCell(emptyLayout('議事録'), 'title', 'B3');
    l = assignCell(l, 'heldOn', 'B4');
    expect(l.cells).toEqual([
      { field: 'title', ref: 'B3' },
      { field: 'heldOn', ref: 'B4' },
    ]);
    // The title moves; the date's cell taken by the place drops the date.
    l = assignCell(l, 'title', 'C3');
    l = assignCell(l, 'place', 'B4');
    expect(l.cells).toEqual([
      { field: 'title', ref: 'C3' },
      { field: 'place', ref: 'B4' },
    ]);
    // Cells are kept in the order of the field list, whatever the order of picking.
    expect(assignCell(l, 'projectName', 'A1').cells.map((c) => c.field)).toEqual(['projectName', 'title', 'place']);
  });

  it('treats a defined name as the cell it points at', () => {
    let l = assignCell(emptyLayout('議事録'), 'place', 'B5');
    l = assignCell(l, 'purpose', '場所', names);
    expect(l.cells).toEqual([{ field: 'purpose', ref: '場所' }]);
    expect(targetOf('場所', '議事録', names)).toEqual({ r: 5, c: 1 });
    expect(targetOf('場所', '表紙', names)).toBeNull();
    expect(targetOf('$D$4', '議事録', names)).toEqual({ r: 4, c: 3 });
    expect(marksOf(l, names).cells.get('5:1')).toEqual([{ kind: 'cell', key: 'purpose', name: '場所' }]);
  });

  it('sets a table’s rows (either order), keeps its columns, and refuses rows of another table', () => {
    const r1 = assignRows(emptyLayout('議事録'), 'decisions', 12, 9);
    expect(r1.ok && r1.layout.blocks).toEqual([{ list: 'decisions', firstRow: 9, lastRow: 12, columns: [] }]);
    const withCol = assignColumn((r1 as { layout: FormLayout }).layout, 'decisions', 'text', 'B');
    const r2 = assignRows(withCol, 'decisions', 9, 14);
    expect(r2.ok && r2.layout.blocks[0]).toEqual({ list: 'decisions', firstRow: 9, lastRow: 14, columns: [{ field: 'text', column: 'B' }] });
    expect(assignRows(withCol, 'actions', 12, 16)).toEqual({ ok: false, other: 'decisions' });
    const r3 = assignRows(withCol, 'actions', 16, 18);
    expect(r3.ok && r3.layout.blocks.map((b) => b.list)).toEqual(['decisions', 'actions']);
  });

  it('gives a table’s field one column and a column one field, in column order', () => {
    let l = (assignRows(emptyLayout('議事録'), 'actions', 16, 18) as { layout: FormLayout }).layout;
    l = assignColumn(l, 'actions', 'owner', 'C');
    l = assignColumn(l, 'actions', 'title', 'B');
    l = assignColumn(l, 'actions', 'due', 'C'); // C was the owner's
    expect(l.blocks[0]!.columns).toEqual([
      { field: 'title', column: 'B' },
      { field: 'due', column: 'C' },
    ]);
    // A column of a list without a block changes nothing.
    expect(assignColumn(l, 'agenda', 'title', 'B')).toBe(l);
  });

  it('removes at the cursor: the cell’s field, else the table column under it', () => {
    let l = assignCell(emptyLayout('議事録'), 'title', 'B3');
    l = (assignRows(l, 'decisions', 9, 12) as { layout: FormLayout }).layout;
    l = assignColumn(l, 'decisions', 'text', 'B');
    expect(removeAt(l, { r: 3, c: 1 }, [])!.cells).toEqual([]);
    expect(removeAt(l, { r: 11, c: 1 }, [])!.blocks[0]!.columns).toEqual([]);
    expect(removeAt(l, { r: 11, c: 2 }, [])).toBeNull();
    expect(removeBlock(l, 'decisions').blocks).toEqual([]);
  });

  it('says what keeps a layout from being saved, and saves addresses plainly', () => {
    expect(layoutProblem(emptyLayout('議事録'))).toEqual({ kind: 'empty' });
    const bare = (assignRows(emptyLayout('議事録'), 'agenda', 3, 5) as { layout: FormLayout }).layout;
    expect(layoutProblem(bare)).toEqual({ kind: 'noColumns', list: 'agenda' });
    expect(layoutProblem(assignColumn(bare, 'agenda', 'title', 'b'))).toBeNull();
    const typed: FormLayout = { sheet: 'S', cells: [{ field: 'title', ref: '$b$3' }, { field: 'place', ref: '場所' }], blocks: [] };
    expect(normalized(typed).cells).toEqual([
      { field: 'title', ref: 'B3' },
      { field: 'place', ref: '場所' },
    ]);
    expect(sameLayout(typed, { ...typed, cells: [{ field: 'title', ref: 'B3' }, typed.cells[1]!] })).toBe(true);
  });
});

describe('the sheet as drawn', () => {
  const sheet: PreviewSheet = {
    name: '議事録',
    rows: [
      { r: 1, cells: [{ c: 0, text: '議 事 録' }] },
      { r: 3, cells: [{ c: 0, text: '会議名' }] },
      { r: 15, cells: [{ c: 0, text: 'No' }, { c: 1, text: '内容 (具体的に記入してください)' }] },
    ],
    merges: [
      { r1: 1, c1: 0, r2: 1, c2: 4 },
      { r1: 3, c1: 1, r2: 4, c2: 4 },
    ],
  };

  it('draws what the sheet uses and what is mapped, with a margin, within 200 × 60', () => {
    expect(sheetExtent(sheet, emptyLayout('議事録'), [])).toEqual({ rows: 30, columns: 10 });
    const far = assignCell(emptyLayout('議事録'), 'title', 'Z40');
    expect(sheetExtent(sheet, far, [])).toEqual({ rows: 50, columns: 29 });
    expect(sheetExtent(sheet, assignCell(far, 'place', 'ZZ900'), [])).toEqual({ rows: 200, columns: 60 });
  });

  it('spans merged cells from their top-left cell and leaves the covered ones out', () => {
    const merges = mergeIndex(sheet);
    const rows = gridRows({ rows: 5, columns: 6 }, textIndex(sheet), merges);
    expect(rows[0]).toEqual([
      { c: 0, text: '議 事 録', rowSpan: 1, colSpan: 5 },
      { c: 5, text: '', rowSpan: 1, colSpan: 1 },
    ]);
    expect(rows[2]!.map((c) => [c.c, c.rowSpan, c.colSpan])).toEqual([
      [0, 1, 1],
      [1, 2, 4],
      [5, 1, 1],
    ]);
    expect(rows[3]!.map((c) => c.c)).toEqual([0, 5]);
    // Clamped to what is drawn.
    expect(gridRows({ rows: 3, columns: 3 }, textIndex(sheet), merges)[2]![1]).toMatchObject({ rowSpan: 1, colSpan: 2 });
  });

  it('moves the cursor over a merged cell in one step and stays inside the sheet', () => {
    const merges = mergeIndex(sheet);
    const extent = { rows: 30, columns: 10 };
    expect(moveCursor({ r: 3, c: 0 }, 'ArrowRight', merges, extent)).toEqual({ r: 3, c: 1 });
    expect(moveCursor({ r: 3, c: 1 }, 'ArrowRight', merges, extent)).toEqual({ r: 3, c: 5 });
    expect(moveCursor({ r: 3, c: 1 }, 'ArrowDown', merges, extent)).toEqual({ r: 5, c: 1 });
    expect(moveCursor({ r: 5, c: 2 }, 'ArrowUp', merges, extent)).toEqual({ r: 3, c: 1 });
    expect(moveCursor({ r: 1, c: 0 }, 'ArrowUp', merges, extent)).toEqual({ r: 1, c: 0 });
    expect(moveCursor({ r: 30, c: 9 }, 'ArrowDown', merges, extent)).toEqual({ r: 30, c: 9 });
    expect(jumpCursor({ r: 7, c: 3 }, 'End', true, merges, extent)).toEqual({ r: 30, c: 9 });
    expect(jumpCursor({ r: 7, c: 3 }, 'Home', false, merges, extent)).toEqual({ r: 7, c: 0 });
    expect(jumpCursor({ r: 4, c: 3 }, 'PageUp', false, merges, extent, 20)).toEqual({ r: 1, c: 0 }); // D1 is under A1:E1
    expect(jumpCursor({ r: 25, c: 3 }, 'PageDown', false, merges, extent, 20)).toEqual({ r: 30, c: 3 });
  });

  it('widens columns for their text and for the labels of mapped cells', () => {
    const merges = mergeIndex(sheet);
    const widths = columnWidths(sheet, 6, merges.covered, merges.at);
    expect(widths[0]).toBe(64);
    expect(widths[1]).toBeGreaterThan(200); // the long header, not merged
    expect(widths[5]).toBe(64);
    const tagged = columnWidths(sheet, 6, merges.covered, merges.at, new Map([['6:5', ['出席者(顧客)']]]));
    expect(tagged[5]).toBeGreaterThan(90);
  });

  it('draws the rows in view and a margin, widened to whole merged cells', () => {
    const rows = Array.from({ length: 200 }, (_, i) => [{ c: 0, text: '', rowSpan: i + 1 === 40 ? 3 : 1, colSpan: 1 }]);
    const spans = rowSpans(rows);
    expect(spans.top.get(41)).toBe(40);
    expect(spans.end.get(40)).toBe(42);
    expect(rowWindow(rows, { top: 0, height: 480 }, 24, spans)).toEqual({ first: 1, last: 32 });
    // Row 41 would be the first (12 rows above the 53rd), but it is under the merge that starts at 40.
    expect(rowWindow(rows, { top: 24 * 52, height: 480 }, 24, spans)).toEqual({ first: 40, last: 84 });
    expect(rowWindow(rows, { top: 24 * 20, height: 480 }, 24, spans)).toEqual({ first: 9, last: 52 });
    expect(rowWindow(rows, { top: 24 * 195, height: 480 }, 24, spans).last).toBe(200);
    expect(rowWindow([], { top: 0, height: 480 }, 24, { top: new Map(), end: new Map() })).toEqual({ first: 1, last: 0 });
  });

  it('starts a new form on the sheet named like minutes', () => {
    const s = (name: string) => ({ name, rows: [], merges: [] });
    expect(defaultSheet({ fileName: 'f.xlsx', sheets: [s('表紙'), s('議事録'), s('別紙')], names: [] })).toBe('議事録');
    expect(defaultSheet({ fileName: 'f.xlsx', sheets: [s('Cover'), s('Minutes')], names: [] })).toBe('Minutes');
    expect(defaultSheet({ fileName: 'f.xlsx', sheets: [s('Sheet1')], names: [] })).toBe('Sheet1');
  });
});

describe('フォームから取込', () => {
  it('opens on the form used last while it exists, else the first', () => {
    expect(formImportKey(3)).toBe('minutes.formImport.3');
    const forms = [{ id: 4 }, { id: 7 }];
    expect(initialForm({ profileId: 7 }, forms)).toBe(7);
    expect(initialForm({ profileId: 9 }, forms)).toBe(4);
    expect(initialForm('junk', forms)).toBe(4);
    // No form yet, or the document reading last chosen (review U20): the minutes are read as a document.
    expect(initialForm(null, [])).toBe(DOCUMENT);
    expect(initialForm({ profileId: DOCUMENT }, forms)).toBe(DOCUMENT);
  });

  it('lists the header read: title and date always, the rest when given', () => {
    const fmt = { kind: (c: string) => `<${c}>`, date: (d: string | null) => (d ?? '').replaceAll('-', '/'), time: (a: string, b: string) => `${a}〜${b}` };
    expect(headerLines({}, fmt)).toEqual([
      ['minutes.field.title', ''],
      ['minutes.field.heldOn', ''],
    ]);
    expect(headerLines({ title: '定例', heldOn: '2025-04-15', startsAt: '14:00', endsAt: '15:30', kind: 'regular', place: '本社', purpose: '' }, fmt)).toEqual([
      ['minutes.field.title', '定例'],
      ['minutes.field.heldOn', '2025/04/15'],
      ['minutesForm.field.time', '14:00〜15:30'],
      ['minutes.field.kind', '<regular>'],
      ['minutes.field.place', '本社'],
    ]);
  });

  it('knows a read that found nothing', () => {
    expect(isEmptyRead({ values: {}, actions: [] })).toBe(true);
    expect(isEmptyRead({ values: { title: '', decisions: [] }, actions: [] })).toBe(true);
    expect(isEmptyRead({ values: { decisions: [{ text: 'x', agendaIndex: null }] }, actions: [] })).toBe(false);
    expect(isEmptyRead({ values: {}, actions: [{}] })).toBe(false);
  });
});

describe('mapping a weekly report form by picking', () => {
  const report = (): PickLayout & { images: PickImage[] } => ({ sheet: '3月3日', cells: [], blocks: [], images: [] });

  it('anchors a chart at one cell, keeps its size when moved, and Delete at that cell removes it', () => {
    let l = assignImage(report(), 'sCurve', 'L4', REPORT_FORM_CHARTS);
    l = resizeImage(l, 'sCurve', { width: 560 });
    // A size the export would refuse (or a half-typed one) changes nothing.
    for (const width of [39, 2001, 600.5, Number.NaN]) expect(resizeImage(l, 'sCurve', { width })).toBe(l);
    l = assignImage(l, 'sCurve', 'm5', REPORT_FORM_CHARTS);
    expect(normalized(l).images).toEqual([{ chart: 'sCurve', ref: 'M5', width: 560 }]);
    expect(marksOf(l, []).cells.get('5:12')).toEqual([{ kind: 'image', key: 'sCurve' }]);
    // The sheet is drawn far enough to show it.
    expect(sheetExtent({ name: 's', rows: [], merges: [] } as unknown as PreviewSheet, { ...l, images: [{ chart: 'sCurve', ref: 'AZ250' }] }, []).rows).toBe(200);
    expect(removeAt(l, { r: 5, c: 12 }, [])?.images).toEqual([]);
    // A layout with only a chart is not empty.
    expect(layoutProblem(l)).toBeNull();
  });

  it('orders a report table’s columns by the sheet, then by the list’s own field order', () => {
    let l = assignRows(report(), 'milestones', 30, 30);
    if (!l.ok) throw new Error('refused');
    let layout = assignColumn(l.layout, 'milestones', 'date', 'E', REPORT_FORM_LISTS);
    layout = assignColumn(layout, 'milestones', 'state', 'C', REPORT_FORM_LISTS);
    layout = assignColumn(layout, 'milestones', 'name', 'B', REPORT_FORM_LISTS);
    expect(layout.blocks[0]!.columns.map((c) => c.field)).toEqual(['name', 'state', 'date']);
    l = assignRows(layout, 'risks', 29, 31);
    expect(l).toEqual({ ok: false, other: 'milestones' });
  });
});
