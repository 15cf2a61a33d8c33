// A date written without its year takes the year of its own row's real date (登録日 beside 期限 4/3), but only
// of a date inside the table: a side table beside the records (a holiday list of another year on the same
// rows) is not the record's, and before, its 2019 dates put every 4/3 in 2019 (review of session 26, #5).
import { describe, expect, it } from 'vitest';
import { readRows } from '../helpers/read-sheet.js';

const HEAD = ['No', '課題', '担当', '登録日', '期限'];

function rows(registered: boolean): unknown[][] {
  // (The side table is headed a row above the register's header, two columns to its right.)
  const out: unknown[][] = [['課題管理表'], [null, null, null, null, null, null, null, '休日一覧'], HEAD];
  const names = ['帳票レイアウトの確定', '移行データの抽出条件', '夜間バッチの再実行手順', '権限ロールの棚卸し'];
  names.forEach((name, i) => {
    out.push([i + 1, name, ['山田', '佐藤', '鈴木', '田中'][i], registered ? new Date(Date.UTC(2025, 2, 10 + i)) : null, `4/${3 + i}`, null, null, new Date(Date.UTC(2019, 4, 1 + i))]);
  });
  return out;
}

describe('the year of a date written without one', () => {
  it('comes from the row’s own date inside the table', async () => {
    const t = await readRows(rows(true), 'issue', '課題');
    expect(t.records.map((r) => r.values.due)).toEqual(['2025-04-03', '2025-04-04', '2025-04-05', '2025-04-06']);
  });
  it('never from a side table’s date on the same row', async () => {
    const t = await readRows(rows(false), 'issue', '課題');
    expect(t.records.map((r) => String(r.values.due).slice(0, 4))).not.toContain('2019');
    expect(t.records).toHaveLength(4);
  });
});
