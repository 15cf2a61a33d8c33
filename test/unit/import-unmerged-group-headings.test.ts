// A row of group headings over a one-row header, each heading typed over the first column of its group
// and not merged (評価 over 発生確率 | 影響度, 対応 over 対策 | 担当 | 状況; Reported by Customer | Vendor
// Handling): the header's top row, each heading reaching to the next (issue 11, unseen sets 12–14: it was
// left out as a title line and the header taken one row short). Generated: registers, languages, where the
// headings start, a title block over them; and rows that only look alike (必須 over single columns) stay out.
import { describe, expect, it } from 'vitest';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import type { ModelCell } from '../fixtures/excel/model.js';
import { readModel } from '../helpers/read-sheet.js';

const d = (k: number) => new Date(Date.UTC(2025, 3, 1 + k));

interface Case {
  target: ImportTarget;
  head: string[];
  /** Group headings, each with the 0-based column it is typed over. */
  groups: [string, number][];
  row: (i: number) => ModelCell[];
  fields: (string | null)[];
}

const CASES: Record<string, Case> = {
  'risk, ja': {
    target: 'risk',
    head: ['No', 'リスク', '発生確率', '影響度', '対策', '担当', '状況'],
    groups: [['評価', 2], ['対応', 4]],
    row: (i) => [i + 1, `リスク${i}`, '高', '中', `対策${i}`, '山田', '対応中'],
    fields: ['ref', 'title', 'probability', 'impact', 'responsePlan', 'owner', 'status'],
  },
  'defect, en': {
    target: 'defect',
    head: ['No', 'Reported Date', 'Reporter', 'Defect Description', 'Severity', 'Assignee', 'Root Cause', 'Status'],
    groups: [['Reported by Customer', 0], ['Vendor Handling', 5]],
    row: (i) => [i + 1, d(i), 'Sato', `Defect number ${i}`, 'Major', 'Kim', `Cause ${i}`, 'Closed'],
    fields: ['ref', 'foundOn', 'foundBy', 'title', 'severity', 'owner', 'cause', 'status'],
  },
  'issue, en': {
    target: 'issue',
    head: ['No', 'Issue', 'Date', 'By', 'Owner', 'Due', 'Status'],
    groups: [['Raised', 2], ['Resolution', 4]],
    row: (i) => [i + 1, `Issue ${i}`, d(i), 'Sato', 'Kim', d(i + 20), 'Open'],
    fields: ['ref', 'title', 'raisedOn', 'raisedBy', 'owner', 'due', 'status'],
  },
  'risk, en': {
    target: 'risk',
    head: ['Ref', 'Risk', 'Probability', 'Impact', 'Response', 'Owner', 'Status'],
    groups: [['Assessment', 2], ['Treatment', 4]],
    row: (i) => [`R-${i + 1}`, `Supplier risk ${i}`, 'High', 'Medium', `Mitigate ${i}`, 'Kim', 'Open'],
    fields: ['ref', 'title', 'probability', 'impact', 'responsePlan', 'owner', 'status'],
  },
};

const letter = (c: number) => String.fromCharCode(65 + c);

function sheet(c: Case, title: boolean, headings: ModelCell[] | null = null): ModelCell[][] {
  const over: ModelCell[] = headings ?? c.head.map(() => null);
  if (!headings) for (const [w, col] of c.groups) over[col] = w;
  return [...(title ? [['一覧表'] as ModelCell[], [] as ModelCell[]] : []), over, c.head, ...[0, 1, 2, 3, 4].map(c.row)];
}

describe('group headings typed over the first column of each group, not merged', () => {
  for (const [name, c] of Object.entries(CASES))
    it.each([false, true])(`${name}, a title above: %s`, (title) => {
      const t = readModel(sheet(c, title), c.target);
      const top = title ? 3 : 1;
      expect(t.header).toEqual({ top, bottom: top + 1 });
      expect(t.records).toHaveLength(5);
      // The columns keep their own words: the headings only group them.
      const own = c.fields.length ? c.fields : null;
      if (own) expect(c.head.map((_, k) => t.columns.find((x) => x.column === letter(k))?.field ?? null)).toEqual(own);
    });

  it('a word over single columns (必須 over the columns to fill) is no heading row', () => {
    const c = CASES['risk, ja']!;
    const t = readModel(sheet(c, false, [null, '必須', null, '必須', null, '任意', null]), c.target);
    expect(t.header).toEqual({ top: 2, bottom: 2 });
    const u = readModel(sheet(c, false, [null, '※必須', null, null, '※任意', null, null]), c.target);
    expect(u.header).toEqual({ top: 2, bottom: 2 });
  });
});
