// A person or a date under a group heading of the record's raising (起票 › 日付 | 担当者, Raised › Date |
// Owner) is who raised it and when; the owner is the person under the response's heading (対応 › 担当者)
// (issue 11, unseen sets 12–14: 起票 › 担当者 took the owner and 対応 › 担当者 became the response text).
// Generated over raising and response words in both languages; without such a heading the person is the owner.
import { describe, expect, it } from 'vitest';
import type { ModelCell } from '../fixtures/excel/model.js';
import { readModel } from '../helpers/read-sheet.js';

const d = (k: number) => new Date(Date.UTC(2025, 3, 1 + k));

function fields(raised: string | null, response: string | null, ja: boolean) {
  const head = ja ? ['No', '課題内容', '日付', '担当者', '担当者', '期限', '状況'] : ['No', 'Issue', 'Date', 'Owner', 'Owner', 'Due', 'Status'];
  const rows: ModelCell[][] = [
    [null, null, raised, null, response, null, null],
    head,
    ...[0, 1, 2, 3].map((i): ModelCell[] => [i + 1, `${head[1]} ${i}`, d(i), ja ? '佐藤' : 'Sato', ja ? '山田' : 'Kim', d(i + 20), ja ? '対応中' : 'Open']),
  ];
  const t = readModel(rows, 'issue');
  return { fields: t.columns.map((c) => c.field ?? null).slice(2, 6), first: t.records[0]!.values };
}

describe('a person and a date under a heading of the raising', () => {
  it.each([
    ['起票', '対応', true],
    ['登録', '対応', true],
    ['報告', '処置', true],
    ['Raised', 'Action', false],
    ['Reported', 'Resolution', false],
    ['Logged', 'Response', false],
  ] as const)('%s › date | person, %s › person | due', (raised, response, ja) => {
    const { fields: f, first } = fields(raised, response, ja);
    expect(f).toEqual(['raisedOn', 'raisedBy', 'owner', 'due']);
    expect([first.raisedBy, first.owner]).toEqual(ja ? ['佐藤', '山田'] : ['Sato', 'Kim']);
  });
});
