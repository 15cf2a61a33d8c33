// A header word that names a field of another kind than its cells (DEV-UNSEEN): a person's field over
// dates (Action By of dates was read as the owner, the due date it also names left empty), a long text's
// over people's names (対応する人 of surnames read as the resolution). The word gives way to the cells: a
// column of dates is the date field the word names too, or the client's own, offered the free dates and
// asked; a column of names is the register's person the record is with. Generated variants: registers,
// header words, English and Japanese names.
import { describe, expect, it } from 'vitest';
import { columnChoices, columnDoubts, columnFits } from '../../electron/core/excel/import/doubts.js';
import { defaultVocabularies, detectLayout } from '../../electron/core/excel/import/detect.js';
import { readTable } from '../../electron/core/excel/import/read-table.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

const TODAY = '2025-06-15';
const d = (m: number, day: number) => new Date(Date.UTC(2025, m, day));

const BASE: Partial<Record<ImportTarget, [string, (i: number) => ModelCell][]>> = {
  risk: [['No.', (i) => i + 1], ['Risk', (i) => `Vendor may be late (${i + 1})`], ['Probability', (i) => 1 + (i % 5)], ['Status', (i) => ['Open', 'Closed'][i % 2]!]],
  issue: [['管理番号', (i) => `I-${i + 1}`], ['課題', (i) => `帳票${i + 1}の出力が遅い`], ['起票日', (i) => d(3, 1 + i)], ['状況', (i) => ['対応中', '完了'][i % 2]!]],
};

function read(target: ImportTarget, head: string, cells: (i: number) => ModelCell, at = 2) {
  const cols = [...BASE[target]!];
  cols.splice(at, 0, [head, cells]);
  const m = model(sheet('Sheet1', [cols.map(([h]) => h), ...Array.from({ length: 7 }, (_, i) => cols.map(([, f]) => f(i)))]));
  const layout = detectLayout(m, target, { reference: TODAY });
  if (!layout.ok) throw new Error(layout.reason);
  const t = readTable(m, layout.layout, { today: TODAY });
  const col = t.columns.find((c) => c.label === head)!;
  const fits = columnFits(target, m, t, { vocab: defaultVocabularies(), today: TODAY });
  return { field: col.field, offered: columnChoices(fits).get(col.column) ?? [], asked: columnDoubts(fits).some((w) => w.code === 'columnFits' && w.column === col.column) };
}

describe('a person’s word over dates', () => {
  it.each<[ImportTarget, string, number]>([
    ['risk', 'Action By', 2],
    ['risk', 'Action By', 4],
    ['issue', 'Action By', 3],
  ])('%s %j of dates (column %i): the due date it names too, never the owner', (target, head, at) => {
    const r = read(target, head, (i) => d(6, 1 + i), at);
    expect(r.field).toBe('due');
  });

  it.each<[ImportTarget, string]>([
    ['risk', '対応者'],
    ['issue', 'Owner'],
    ['issue', '担当者'],
  ])('%s %j of dates: not the owner; offered the free dates and asked', (target, head) => {
    const r = read(target, head, (i) => d(6, 1 + i));
    expect(r.field).not.toBe('owner');
    if (r.field !== null) return;
    expect(r.offered).toContain('due');
    expect(r.asked).toBe(true);
  });
});

describe('a long text’s word over people’s names', () => {
  it.each<[ImportTarget, string, (i: number) => ModelCell]>([
    ['issue', 'Response', (i) => ['Priya Shah', 'Tom Hughes', 'Ana Lima'][i % 3]!],
    ['issue', '処置', (i) => ['佐々木', '菊地'][i % 2]!],
    ['issue', '対応方針', (i) => ['山田 太郎', '鈴木 花子'][i % 2]!],
    ['risk', 'Mitigation', (i) => ['K.T.', 'J.S.', 'A.M.'][i % 3]!],
    ['risk', '対策', (i) => ['高橋', '中村', '五十嵐'][i % 3]!],
  ])('%s %j of people: the owner, not the long text', (target, head, cells) => {
    expect(read(target, head, cells).field).toBe('owner');
  });

  it('a long text’s word over long texts stays the long text', () => {
    expect(read('issue', '処置', (i) => `バッチの再実行で復旧した（${i + 1}回目）`).field).toBe('resolution');
  });
});
