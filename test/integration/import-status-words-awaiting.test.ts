// Status words read as a person reads them (blind sets 10 and 11, C5): Validated / Verified / 検証済 / 承認済
// close a record (kept as a raw word before); Pending and 審議中 (awaiting an answer, under review) are under
// way, not on hold, in a status column (a change's decision under review stays on hold: blind set 6, L6); a legend on the sheet that says △:遅れ (late) reads △ as under way, not done.
import { describe, expect, it } from 'vitest';
import { readRows } from '../helpers/read-sheet.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

async function statuses(target: ImportTarget, words: string[], above: unknown[][] = []) {
  const head = target === 'change' ? ['No.', '件名', '依頼者', 'ステータス'] : ['No.', '件名', '担当', '状況'];
  const t = await readRows([...above, head, ...words.map((w, i) => [i + 1, `件名${i + 1}`, '佐藤', w])], target, 'Sheet1');
  const field = t.columns.find((c) => c.label === head[3])?.field;
  return t.records.map((r) => r.values[field ?? 'status']);
}

describe('a check passed closes the record', () => {
  it.each<[ImportTarget, string, string]>([
    ['issue', 'Validated', 'done'],
    ['issue', '承認済', 'done'],
    ['issue', '検証完了', 'done'],
    ['defect', 'Validated', 'closed'],
    ['defect', 'Verified', 'closed'],
  ])('%s: %s', async (target, word, want) => {
    const open = target === 'defect' ? 'Open' : '対応中';
    const got = await statuses(target, [open, word, open]);
    expect(got[1]).toBe(want);
  });
});

describe('awaiting an answer is under way, not on hold', () => {
  it.each<[ImportTarget, string[], number, string]>([
    ['issue', ['Open', 'Pending', 'Closed'], 1, 'in_progress'],
    ['issue', ['対応中', '審議中', '完了'], 1, 'in_progress'],
    ['issue', ['In Progress', 'Pending', 'Done', 'On Hold'], 1, 'in_progress'],
    ['risk', ['対応中', '審議中', 'クローズ'], 1, 'in_progress'],
  ])('%s: %j', async (target, words, at, want) => {
    const got = await statuses(target, words);
    expect(got[at]).toBe(want);
  });
});

describe('a legend that says △ is late', () => {
  it.each([
    [['凡例 ○:完了 △:遅れ ×:未着手']],
    [['凡例', '○：完了', '△：遅延', '×：未着手']],
    [['Legend: ○ = Done, △ = Delayed, × = Not started']],
  ])('%j', async (...legend) => {
    const got = await statuses('issue', ['○', '△', '×', '△'], [...legend, []]);
    expect(got).toEqual(['done', 'in_progress', 'not_started', 'in_progress']);
  });
});
