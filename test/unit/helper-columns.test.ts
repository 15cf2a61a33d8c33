// The workbook's helper columns of a table (issue 11: risk-en-tjeresources's BL.showValues … under
// Business Logic and Severity Index beside Severity were kept as the client's columns): left out of the
// layout (helper-columns.ts). Generated variants; the same heads over typed values, a lone code name, an
// index of no column of the table and computed columns a person reads stay the client's.
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../electron/core/excel/import/detect.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

function columnsOf(target: ImportTarget, rows: ModelCell[][], merges: string[] = [], hidden?: { c1: number; c2: number }[]) {
  const s = sheet('S', rows, merges);
  if (hidden) s.hiddenColumns = hidden;
  const found = detectLayout(model(s), target);
  if (!found.ok) throw new Error(found.reason);
  return Object.fromEntries(found.layout.columns.map((m) => [m.column, m.field]));
}

describe('helper columns of a table', () => {
  const risk = (extra: ModelCell[], cells: (r: number) => ModelCell[]): ModelCell[][] => [
    ['Key', 'Summary', 'Owner', 'Impact', 'Likelihood', 'Severity', ...extra],
    ...[1, 2, 3].map((r) => ['R-' + r, `Risk ${r}`, 'Ann', 'Minor', 'Possible', 'Low', ...cells(r)]),
  ];

  it.each([
    ['BL.* code names over formulas', ['BL.exists', 'BL.showValues', 'BL.impactIndex', 'BL.coordinates'], () => [{ f: 1 }, { f: 'TRUE' }, { f: 2 }, { f: 'i2l3' }]],
    ['calc.* code names over formulas', ['calc.total', 'calc.flag'], (r: number) => [{ f: r * 3 }, { f: r % 2 }]],
    ['Severity Index beside Severity, numbers of a formula', ['Severity Index'], (r: number) => [{ f: [2, 3, 1][r - 1]! }]],
    ['Severity (Order) beside Severity', ['Severity (Order)'], (r: number) => [{ f: [3, 1, 2][r - 1]! }]],
  ])('%s: left out', (_, heads, cells) => {
    const cols = columnsOf('risk', risk(heads, cells));
    expect(Object.keys(cols)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('a hidden column of formulas: left out; hidden with typed values, or shown with formulas: the client’s', () => {
    const rows = risk(['Work', 'Note'], (r) => [{ f: `R-${r}|Ann` }, `note ${r}`]);
    expect(Object.keys(columnsOf('risk', rows, [], [{ c1: 6, c2: 6 }]))).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'H']);
    expect(Object.keys(columnsOf('risk', rows, [], [{ c1: 7, c2: 7 }]))).toContain('H');
    expect(Object.keys(columnsOf('risk', rows))).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
  });

  it.each([
    ['code names over typed values', ['BL.exists', 'BL.show'], () => [1, 'TRUE']],
    ['one code name alone', ['BL.exists'], () => [{ f: 1 }]],
    ['an index of no column of the table', ['Risk Index'], (r: number) => [{ f: r }]],
    ['Severity Index of words', ['Severity Index'], () => [{ f: 'High' }]],
    ['computed columns a person reads (Annual TCO, Status_RAG, Effort_Var_h)', ['Annual TCO', 'Status_RAG', 'Effort_Var_h'], (r: number) => [{ f: r * 100 }, { f: 'Green' }, { f: r * 1.5 }]],
  ])('%s: the client’s', (_, heads, cells) => {
    const cols = columnsOf('risk', risk(heads, cells));
    expect(Object.keys(cols), JSON.stringify(cols)).toHaveLength(6 + heads.length);
  });
});
