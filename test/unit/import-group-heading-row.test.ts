// A row of group headings over a one-row header (blind set 13, I5: Reported by Customer | Vendor Handling over
// a UAT defect list, Identification | Lesson | Follow-up over a lessons log): each heading merged across its
// columns on that row alone, side by side over every column of the table. A person reads it as the header's
// top row; it was left out as a title line (header 5–5, truth 4–5). The columns keep their own words.
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

const letter = (c: number) => String.fromCharCode(65 + c);

interface Case {
  target: ImportTarget;
  head: string[];
  row: (i: number) => ModelCell[];
  /** Group headings and how many columns each covers, left to right. */
  groups: [string, number][];
}
const CASES: Record<string, Case> = {
  'defect, en': {
    target: 'defect',
    head: ['No', 'Reported Date', 'Reporter', 'Defect Description', 'Severity', 'Assignee', 'Root Cause', 'Status'],
    row: (i) => [i + 1, `0${i + 2}/06/2025`, 'Sato', `Defect number ${i}`, 'Major', 'Nguyen Van An', `Cause ${i}`, 'Closed'],
    groups: [['Reported by Customer', 5], ['Vendor Handling', 3]],
  },
  'lesson, en, three groups': {
    target: 'lesson',
    head: ['LL No.', 'Date Logged', 'Phase', 'Lesson Title', 'What Happened', 'Recommendation', 'Submitted By', 'Status'],
    row: (i) => [`LL-${i + 1}`, new Date(Date.UTC(2025, 1, 3 + i)), 'FEL 3', `Lesson ${i}`, `It happened ${i}`, `Do it ${i}`, 'A. Moreau', 'Draft'],
    groups: [['Identification', 3], ['Lesson', 3], ['Follow-up', 2]],
  },
  'issue, ja': {
    target: 'issue',
    head: ['No.', '起票日', '課題', '起票者', '担当者', '期限', '状態'],
    row: (i) => [i + 1, new Date(Date.UTC(2025, 3, 1 + i)), `課題その${i}`, '山田', '佐藤', new Date(Date.UTC(2025, 4, 1 + i)), '対応中'],
    groups: [['起票', 4], ['対応', 3]],
  },
  'risk, ja, two-column groups': {
    target: 'risk',
    head: ['No.', 'リスク内容', '発生確率', '影響度', '対応策', '担当者'],
    row: (i) => [`R-${i + 1}`, `リスク${i}`, 3, 4, `対策${i}`, '大橋'],
    groups: [['識別', 2], ['評価', 2], ['対応', 2]],
  },
};

/** The table with `above` rows over it (a title, a label line, a blank), the headings row if `groups`, the header, 6 records; from column `at`. */
function read(c: Case, opts: { groups?: boolean; above?: ModelCell[][]; at?: number; groupsRow?: [string, number][] } = {}) {
  const at = opts.at ?? 0;
  const pad = (cells: ModelCell[]) => [...Array<ModelCell>(at).fill(null), ...cells];
  const above = opts.above ?? [['Title of the log'], []];
  const rows: ModelCell[][] = [...above];
  const merges: string[] = [];
  const groups = opts.groupsRow ?? c.groups;
  if (opts.groups !== false) {
    const r = rows.length + 1;
    const line: ModelCell[] = [];
    let col = at;
    for (const [text, n] of groups) {
      line[col - at] = text;
      merges.push(`${letter(col)}${r}:${letter(col + n - 1)}${r}`);
      col += n;
    }
    rows.push(pad(line));
  }
  const headerRow = rows.length + 1;
  rows.push(pad(c.head), ...Array.from({ length: 6 }, (_, i) => pad(c.row(i))));
  const a = analyzeWorkbook(model(sheet('Sheet1', rows, merges)), c.target, { today: '2025-06-15' });
  if (!a.ok) throw new Error(a.reason);
  return { header: a.table.header, headerRow, first: a.table.data.first, fields: a.table.columns.map((m) => m.field), records: a.table.records.length };
}

describe('a row of group headings over every column is the header’s top row', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: header from the headings, the columns read as without them`, () => {
      const plain = read(c, { groups: false });
      const r = read(c);
      expect(r.header).toEqual({ top: r.headerRow - 1, bottom: r.headerRow });
      expect(r.first).toBe(r.headerRow + 1);
      expect(r.fields).toEqual(plain.fields);
      expect(r.records).toBe(6);
    });
  }

  it.each([
    ['under a label line and a blank row, from column C', { above: [['Project: Hikari'], ['Updated: 16/06/2025'], []], at: 2 }],
    ['right under the title', { above: [['Title of the log']] }],
  ])('%s', (_, opts) => {
    const c = CASES['defect, en']!;
    const r = read(c, opts);
    expect(r.header).toEqual({ top: r.headerRow - 1, bottom: r.headerRow });
  });

  it('a title merged over the whole width is no group heading (one merge): the header stays one row', () => {
    const c = CASES['issue, ja']!;
    const r = read(c, { groupsRow: [['課題管理表（第3週）', c.head.length]] });
    expect(r.header).toEqual({ top: r.headerRow, bottom: r.headerRow });
  });

  it('a form’s label row over the columns (Project Name: | Date:) is no group heading', () => {
    const c = CASES['issue, ja']!;
    const r = read(c, { groupsRow: [['Project Name:', 4], ['Date:', 3]] });
    expect(r.header).toEqual({ top: r.headerRow, bottom: r.headerRow });
  });

  it('headings that leave columns uncovered are not this rule’s (the header stays as it was read without it)', () => {
    const c = CASES['lesson, en, three groups']!;
    const partial = read(c, { groupsRow: [['Identification', 3], ['Lesson', 3]] });
    expect(partial.fields).toEqual(read(c, { groups: false }).fields);
    expect(partial.records).toBe(6);
  });
});
