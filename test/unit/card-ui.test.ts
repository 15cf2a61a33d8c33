// What the card editor and the export dialog decide without React for cards and CSV: a card's cells
// picked in the register's field order, the sheet a card starts on, the choice the dialog opens on
// (CSV, a card only while a row is selected) and the row a card takes from the grid's selection.
import { describe, expect, it } from 'vitest';
import { cardFields } from '../../electron/common/excel/form.js';
import { cardRowOf, initialChoice, rememberedChoice } from '../../renderer/src/features/excel/exportModel.js';
import { assignCell, CARD_SHEET, defaultSheet, emptyLayout, layoutProblem, normalized, removeAt, type PickLayout } from '../../renderer/src/features/forms/formModel.js';

const sheet = (name: string) => ({ name, rows: [], merges: [] });

describe('picking a card', () => {
  it('keeps a card’s cells in the register’s field order, one cell a field and one field a cell', () => {
    const fields = cardFields('issue');
    const empty: PickLayout = emptyLayout('不具合管理票');
    let l = assignCell(empty, 'due', 'B7', [], fields);
    l = assignCell(l, 'ref', 'b3', [], fields);
    l = assignCell(l, 'projectName', 'プロジェクト名', [{ name: 'プロジェクト名', sheet: '不具合管理票', ref: 'D3' }], fields);
    expect(l.cells.map((c) => c.field)).toEqual(['projectName', 'ref', 'due']);
    // Another field on B3 takes the cell.
    l = assignCell(l, 'title', 'B3', [], fields);
    expect(l.cells).toEqual([
      { field: 'projectName', ref: 'プロジェクト名' },
      { field: 'title', ref: 'B3' },
      { field: 'due', ref: 'B7' },
    ]);
    expect(normalized(l).cells[1]).toEqual({ field: 'title', ref: 'B3' });
    expect(l.blocks).toEqual([]);
    // Delete at the cursor lets the cell go; with none left there is nothing to save.
    let bare = removeAt(l, { r: 3, c: 1 }, [])!;
    bare = removeAt(bare, { r: 7, c: 1 }, [])!;
    bare = { ...bare, cells: [] };
    expect(layoutProblem(bare)).toEqual({ kind: 'empty' });
  });

  it('starts a card on a sheet named like one (不具合管理票, レビュー指摘票, card), else the first', () => {
    expect(defaultSheet({ fileName: 'f.xlsx', sheets: [sheet('記入方法'), sheet('不具合管理票')], names: [] }, CARD_SHEET)).toBe('不具合管理票');
    expect(defaultSheet({ fileName: 'f.xlsx', sheets: [sheet('Cover'), sheet('Review card')], names: [] }, CARD_SHEET)).toBe('Review card');
    expect(defaultSheet({ fileName: 'f.xlsx', sheets: [sheet('Sheet1'), sheet('Sheet2')], names: [] }, CARD_SHEET)).toBe('Sheet1');
  });
});

describe('export dialog: CSV and cards', () => {
  const profiles = [
    { id: 5, kind: 'table' as const },
    { id: 7, kind: 'card' as const },
  ];

  it('remembers CSV as the standard layout’s columns, and opens on it where CSV is offered', () => {
    expect(rememberedChoice('csv')).toEqual({ profileId: null, format: 'csv' });
    expect(rememberedChoice(null)).toEqual({ profileId: null });
    expect(rememberedChoice(5)).toEqual({ profileId: 5 });
    expect(initialChoice(rememberedChoice('csv'), profiles, { csv: true })).toBe('csv');
    // Minutes have no CSV: the standard layout.
    expect(initialChoice(rememberedChoice('csv'), profiles, {})).toBeNull();
    expect(initialChoice({ profileId: 5, format: 'csv' }, profiles, { csv: true })).toBe(5);
  });

  it('opens on a remembered card only while a row is there to write', () => {
    expect(initialChoice({ profileId: 7 }, profiles, { csv: true, card: true })).toBe(7);
    expect(initialChoice({ profileId: 7 }, profiles, { csv: true, card: false })).toBeNull();
    expect(initialChoice({ profileId: 5 }, profiles, { card: false })).toBe(5);
    expect(initialChoice({ profileId: 9 }, profiles, { card: true })).toBeNull();
  });

  it('takes the one row the selection covers, else the focused row; several rows, or none, are said', () => {
    const rows = [
      { id: 1, ref: 'I-001', title: 'ログイン時にエラー' },
      { id: 2, ref: 'I-002', title: '' },
    ];
    expect(cardRowOf([{ id: 1 }], undefined, rows)).toEqual({ id: 1, label: 'I-001 ログイン時にエラー' });
    // A range over several cells of one row is still that row.
    expect(cardRowOf([{ id: 2 }, { id: 2 }], { id: 1 }, rows)).toEqual({ id: 2, label: 'I-002' });
    expect(cardRowOf([], { id: 1 }, rows)).toEqual({ id: 1, label: 'I-001 ログイン時にエラー' });
    expect(cardRowOf([{ id: 1 }, { id: 2 }], { id: 1 }, rows)).toBe('many');
    expect(cardRowOf([], undefined, rows)).toBe('none');
    // A row deleted since it was selected is no row.
    expect(cardRowOf([{ id: 3 }], undefined, rows)).toBe('none');
  });
});
