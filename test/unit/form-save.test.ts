// What the form editor decides when it opens a saved profile and when it saves (features/forms/formSave.ts):
// the layout each kind of profile opens as, what stops a save, the one write a save sends for each kind
// (new or edited; a rename after it), and the picked cell a refusal names.
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../electron/common/excel/preview.js';
import { assignCell, assignColumn, assignImage, assignRows, emptyLayout, type PickLayout } from '../../renderer/src/features/forms/formModel.js';
import { openedProfile, refusedCell, savePlan, saveProblem } from '../../renderer/src/features/forms/formSave.js';
import { MINUTES_FORM_FIELDS, MINUTES_FORM_LISTS } from '../../electron/common/excel/form.js';
import { REPORT_FORM_CHARTS } from '../../electron/common/excel/report-form.js';

const summary = { id: 7, name: '拓伊 議事録', fileName: 'form.xlsx', sheet: '議事録', createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' };

/** A minutes form with a cell and a table with one column (picked in lower case, saved in capitals). */
function minutesLayout(): PickLayout {
  let l: PickLayout = assignCell(emptyLayout('議事録'), 'title', 'B3', [], MINUTES_FORM_FIELDS);
  const rows = assignRows(l, 'decisions', 10, 14);
  if (!rows.ok) throw new Error('rows refused');
  l = assignColumn(rows.layout, 'decisions', 'text', 'b', MINUTES_FORM_LISTS);
  return l;
}

describe('opening a saved profile in the form editor', () => {
  it('opens a form, a report form and a card by their own layout, and no table profile', () => {
    const form = minutesLayout() as never;
    const asForm = openedProfile({ ...summary, kind: 'form', register: 'minutes', form } as Profile);
    expect(asForm).toEqual({ card: null, report: false, layout: form });
    const report = { sheet: '報告', cells: [], blocks: [], images: [{ chart: 'sCurve', ref: 'C20' }] } as never;
    expect(openedProfile({ ...summary, kind: 'report', register: 'report', report } as Profile)).toEqual({ card: null, report: true, layout: report });
    const card = { register: 'risk', sheet: '票', cells: [{ field: 'title', ref: 'C4' }] } as never;
    expect(openedProfile({ ...summary, kind: 'card', register: 'risk', card } as Profile)).toEqual({
      card: 'risk',
      report: false,
      layout: { sheet: '票', cells: [{ field: 'title', ref: 'C4' }], blocks: [] },
    });
    expect(openedProfile({ ...summary, kind: 'table' } as unknown as Profile)).toBeNull();
  });
});

describe('what stops a save', () => {
  it('asks for a name first, then something mapped, then a column for every table', () => {
    expect(saveProblem('  ', minutesLayout())).toEqual({ kind: 'noName' });
    expect(saveProblem('議事録', emptyLayout('議事録'))).toEqual({ kind: 'empty' });
    const rows = assignRows(emptyLayout('議事録'), 'agenda', 5, 8);
    if (!rows.ok) throw new Error('rows refused');
    expect(saveProblem('議事録', rows.layout)).toEqual({ kind: 'noColumns', list: 'agenda' });
    expect(saveProblem('議事録', minutesLayout())).toBeNull();
  });
});

describe('the write a save sends', () => {
  const source = { fileName: 'form.xlsx', base64: 'UEsDBA==' };

  it('creates a new minutes form with the workbook and a trimmed name, and edits one without it', () => {
    const layout = minutesLayout();
    const created = savePlan({ card: null, report: false, layout, name: '  拓伊 議事録 ', source, editing: null });
    expect(created.write.method).toBe('profile.createForm');
    expect(created.write.args).toEqual({
      name: '拓伊 議事録',
      fileName: 'form.xlsx',
      dataBase64: 'UEsDBA==',
      form: { sheet: '議事録', cells: [{ field: 'title', ref: 'B3' }], blocks: [{ list: 'decisions', firstRow: 10, lastRow: 14, columns: [{ field: 'text', column: 'B' }] }] },
    });
    expect(created.rename).toBeUndefined();
    const edited = savePlan({ card: null, report: false, layout, name: '拓伊 議事録', source: { fileName: 'form.xlsx', base64: null }, editing: { id: 7, name: '拓伊 議事録' } });
    expect(edited).toEqual({ write: { method: 'profile.updateForm', args: { id: 7, form: expect.objectContaining({ sheet: '議事録' }) } } });
  });

  it('renames an edited profile after writing its layout when the name changed', () => {
    const plan = savePlan({ card: null, report: false, layout: minutesLayout(), name: ' 新しい名前 ', source, editing: { id: 7, name: '拓伊 議事録' } });
    expect(plan.write.method).toBe('profile.updateForm');
    expect(plan.rename).toEqual({ id: 7, name: '新しい名前' });
  });

  it('saves a card with its register and cells only, and a report form with its charts', () => {
    const cardLayout = assignCell(emptyLayout('票'), 'title', 'C4', [], ['title', 'owner']);
    const card = savePlan({ card: 'risk', report: false, layout: cardLayout, name: 'カード', source, editing: null });
    expect(card.write).toEqual({
      method: 'profile.createCard',
      args: { name: 'カード', fileName: 'form.xlsx', dataBase64: 'UEsDBA==', card: { register: 'risk', sheet: '票', cells: [{ field: 'title', ref: 'C4' }] } },
    });
    const reportLayout = assignImage(emptyLayout('報告'), 'sCurve', 'C20', REPORT_FORM_CHARTS);
    const report = savePlan({ card: null, report: true, layout: reportLayout, name: '週報', source, editing: { id: 3, name: '週報' } });
    expect(report.write.method).toBe('profile.updateReport');
    expect(report.write.args).toMatchObject({ id: 3, report: { sheet: '報告', cells: [], blocks: [], images: [expect.objectContaining({ chart: 'sCurve', ref: 'C20' })] } });
  });
});

describe('the picked cell a refusal names', () => {
  it('finds the cell by its index in the layout the save sent', () => {
    const layout = minutesLayout();
    expect(refusedCell({ field: 'form.cells.0.ref', message: 'bad ref' }, layout)).toEqual({ field: 'title', ref: 'B3', message: 'bad ref' });
    expect(refusedCell({ field: 'card.cells.0.field', message: 'unknown' }, layout)).toEqual({ field: 'title', ref: 'B3', message: 'unknown' });
    expect(refusedCell({ field: 'form.cells.5.ref', message: 'bad ref' }, layout)).toBeNull();
    expect(refusedCell({ field: 'form.blocks.0.firstRow', message: 'x' }, layout)).toBeNull();
    expect(refusedCell({ field: 'form.cells.0.ref' }, layout)).toBeNull();
    expect(refusedCell(undefined, layout)).toBeNull();
  });
});
