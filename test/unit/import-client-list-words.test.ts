// Client list words a person reads at once (blind set 13, I4): オープン (Open in katakana) is a defect raised and
// not yet taken up; 部品待ち, 入荷待ち, Awaiting parts — waiting for what the fix needs — are under way, not held;
// 決定事項 among an issue log's 区分 (課題 / QA / 決定事項) is a decision. They were new list words, 8 cells.
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { wordStages } from '../../electron/core/excel/import/status-stages.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

function read(target: ImportTarget, head: string[], rows: ModelCell[][], field: string) {
  const a = analyzeWorkbook(model(sheet('Sheet1', [head, ...rows])), target, { today: '2025-06-15' });
  if (!a.ok) throw new Error(a.reason);
  return { values: a.table.records.map((r) => r.values[field]), added: a.table.newItems.map((i) => i.label) };
}

describe('defect statuses', () => {
  const statuses = (words: string[]) =>
    read('defect', ['管理番号', '不具合内容', '発見日', '状態'], words.map((w, i) => [`D-${i + 1}`, `不具合${i}`, new Date(Date.UTC(2025, 3, 2 + i)), w]), 'status');

  it('オープン / 処置中 / 部品待ち / クローズ: open, in progress, in progress, closed, nothing added to the list', () => {
    expect(statuses(['オープン', '処置中', '部品待ち', 'クローズ', 'オープン', '部品待ち'])).toEqual({ values: ['open', 'in_progress', 'in_progress', 'closed', 'open', 'in_progress'], added: [] });
  });

  it.each(['部品待ち', '部材待ち', '入荷待ち', '納品待ち', '資材待ち', 'Awaiting parts', 'Waiting for parts', 'Pending delivery'])('%s (waiting for what the fix needs) is under way', (w) => {
    expect(wordStages(w)?.[0]).toBe('working');
  });

  it('waiting for an answer or a decision stays as it was (回答待ち raised, 承認待ち a check, 顧客待ち held); オープン is raised', () => {
    expect(wordStages('回答待ち')?.[0]).toBe('raised');
    expect(wordStages('承認待ち')?.[0]).toBe('checking');
    expect(wordStages('顧客待ち')?.[0]).toBe('held');
    expect(wordStages('オープン')?.[0]).toBe('raised');
  });
});

describe('an issue log’s 区分', () => {
  it('課題 / QA / 決定事項: issue, question, decision', () => {
    const rows = ['課題', 'QA', '決定事項', '課題', 'Decision'].map((k, i) => [i + 1, `件名${i}`, k, '対応中']);
    expect(read('issue', ['No.', '件名', '区分', '状況'], rows, 'kind')).toEqual({ values: ['issue', 'question', 'decision', 'issue', 'decision'], added: [] });
  });
});
