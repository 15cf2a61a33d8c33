// A person's column choices over a reading that joins columns (blind set 13, I7): category columns A:C read as
// one name column (the groups on their own rows, hierarchy 'columns'), a title merged over E:H. Choosing a
// different field for each of the joined sheet columns (A level 1, B level 2, C the name) was ignored without
// a word: the last choice won and the reading came back the same. Such choices are refused, naming the columns;
// one column chosen within a joined one, or the same field for all of them, is taken as before.
import { describe, expect, it } from 'vitest';
import { overrideFields } from '../../electron/core/excel/import/mapping.js';
import type { ColumnMapping } from '../../electron/common/excel/preview.js';

const col = (column: string, c: number, span: number, field: string | null): ColumnMapping => ({ column, c, span, label: column, field, confidence: field ? 1 : 0 });
const WBS = [col('A:C', 0, 3, 'name'), col('D', 3, 1, 'assignee'), col('E', 4, 1, 'plannedStart')];
const ISSUE = [col('A', 0, 1, 'ref'), col('B:D', 1, 3, 'title'), col('E:H', 4, 4, 'detail'), col('I', 8, 1, null)];

describe('choices for the sheet columns of one joined column', () => {
  it.each<[string, ColumnMapping[], { column: string; field: string | null }[], string]>([
    ['A level 1, B level 2, C the name over A:C', WBS, [{ column: 'A', field: 'level1' }, { column: 'B', field: 'level2' }, { column: 'C', field: 'name' }], 'columns A, B, C are one column A:C'],
    ['E the detail, F kept over E:H', ISSUE, [{ column: 'E', field: 'detail' }, { column: 'F', field: null }], 'columns E, F are one column E:H'],
    ['B the title, D the owner over B:D', ISSUE, [{ column: 'B', field: 'title' }, { column: 'D', field: 'owner' }], 'columns B, D are one column B:D'],
  ])('%s: refused, naming the columns', (target, columns, overrides, said) => {
    const o = overrideFields(columns === WBS ? 'wbs' : 'issue', columns, overrides);
    expect(o.problems.join('; ')).toContain(said);
  });

  it('one sheet column within a joined one, or one field for them all, is taken', () => {
    expect(overrideFields('wbs', WBS, [{ column: 'B', field: 'name' }]).problems).toEqual([]);
    const same = overrideFields('issue', ISSUE, [{ column: 'E', field: 'resolution' }, { column: 'F', field: 'resolution' }]);
    expect(same.problems).toEqual([]);
    expect(same.columns.find((m) => m.column === 'E:H')?.field).toBe('resolution');
    expect(overrideFields('issue', ISSUE, [{ column: 'E:H', field: 'resolution' }, { column: 'I', field: 'owner' }]).problems).toEqual([]);
  });
});
