// A risk's ratings written once per stage of its treatment under one header (blind set 19, I6): the header's
// rows, a complete merged tree (an umbrella over the stages over the ratings, other columns merged down
// through), are read whole, not by the bottom row alone; each rating column is read with its full path; the
// stage before the response fills probability and impact, and the stage after it (Residual, Net, 処置後,
// 残存) stays the client's own. Generated in Japanese and English, 2 and 3 header rows, either stage
// first, with a column between the groups or none (test/helpers/rating-group-tables.ts; none of set 19's words).
import { describe, expect, it } from 'vitest';
import { readModel } from '../helpers/read-sheet.js';
import { ratingGroupCases } from '../helpers/rating-group-tables.js';
import { columnName } from '../../electron/common/excel/model.js';
import { stageOf } from '../../electron/core/excel/import/stage-twins.js';

describe('two rating groups of one header, before and after the response', () => {
  it.each(ratingGroupCases().map((k) => [k.name, k] as const))('%s', (_, k) => {
    const t = readModel(k.rows, 'risk', k.merges, 'Risks');
    expect([t.header.top - 1, t.header.bottom - 1]).toEqual([k.headerTop, k.headerBottom]);
    const col = (f: string) => t.columns.find((c) => c.field === f)?.column;
    expect([col('probability'), col('impact')]).toEqual([k.before[0], k.before[1]]);
    // The stage after the response is kept as the client's: no field for any of its columns.
    // (Its third column, a score of formulas, may be left out of the table altogether, as a derived column.)
    const after = t.columns.filter((c) => k.after.includes(c.column));
    expect(after.length).toBeGreaterThanOrEqual(2);
    expect(after.map((c) => c.field)).toEqual(after.map(() => null));
    expect([t.records[0]!.values.probability, t.records[0]!.values.impact]).toEqual(k.firstBefore);
    // Each column keeps its full path: the after stage's words are in its label.
    expect(t.columns.find((c) => c.column === k.after[0])!.label.split(' / ').length).toBe(k.headerBottom - k.headerTop + 1);
  });
});

describe('which stage a group word names', () => {
  it.each(['Inherent', 'Gross Risk', 'Pre-mitigation', 'Before Controls', 'Untreated', '処置前', '対策前評価', '固有リスク', '現状', 'Current Risk'])('%s: before', (w) => {
    expect(stageOf(w)).toBe('before');
  });
  it.each(['Residual', 'Net Risk', 'Post-mitigation', 'After Controls', 'Treated', '処置後', '対応後', '残存リスク', 'Target Risk', '目標'])('%s: after', (w) => {
    expect(stageOf(w)).toBe('after');
  });
  it.each(['Assessment', 'リスク評価', 'Plan', '予定', '実績', 'Network'])('%s: neither', (w) => {
    expect(stageOf(w)).toBeNull();
  });
});

describe('guards', () => {
  // A title merged over the whole table right above the header (no blank row between) is no group of it.
  it.each(ratingGroupCases().filter((k) => k.name.includes('other words on the last row') && !k.name.includes('between')).map((k) => [k.name, k] as const))('a title merged over the table on the row above: %s', (_, k) => {
    const width = k.rows[k.headerTop]!.length;
    const rows = [k.rows[0]!, ...k.rows.slice(k.headerTop)];
    const up = (ref: string) => ref.replace(/\d+/g, (n) => String(Number(n) - (k.headerTop - 1)));
    const merges = [`A1:${columnName(width - 1)}1`, ...k.merges.map((m) => m.split(':').map(up).join(':'))];
    const t = readModel(rows, 'risk', merges, 'Risks');
    expect([t.header.top - 1, t.header.bottom - 1]).toEqual([1, 1 + k.headerBottom - k.headerTop]);
    expect(t.columns.find((c) => c.field === 'probability')?.column).toBe(k.before[0]);
  });

  const rows = (groups: string[], words: string[]) => [
    ['Ref', 'Risk', ...groups.flatMap((g) => [g, null]), 'Owner'],
    [null, null, ...groups.flatMap(() => words), null],
    ['R1', 'Supplier capacity', 4, 3, 2, 2, 'Ann'],
    ['R2', 'Data quality', 3, 5, 2, 4, 'Bob'],
    ['R3', 'PSN certificate', 2, 4, 1, 3, 'Cy'],
  ];
  it('one stage alone (Residual over Likelihood | Impact) is the only rating: read', () => {
    const t = readModel(rows(['Residual Risk'], ['Likelihood', 'Impact']).map((r) => r.slice(0, 4).concat(r.slice(-1))) as never, 'risk', ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2'], 'Risks');
    expect(['probability', 'impact'].map((f) => t.columns.find((c) => c.field === f)?.column)).toEqual(['C', 'D']);
  });
  it('two stages of other words (Plan | Actual over Likelihood | Impact) are no before/after pair: the first is read, as before', () => {
    const t = readModel(rows(['Plan', 'Actual'], ['Likelihood', 'Impact']) as never, 'risk', ['A1:A2', 'B1:B2', 'C1:D1', 'E1:F1', 'G1:G2'], 'Risks');
    expect(['probability', 'impact'].map((f) => t.columns.find((c) => c.field === f)?.column)).toEqual(['C', 'D']);
  });
});
