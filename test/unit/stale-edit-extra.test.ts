// The grid's side of a refused client column (renderer/src/grid/staleEdit.ts): the core names it as the
// cell `extra:<key>` (common/stale-edit.ts); the page shows the colleague's value inside the row's
// `extra`, 自分の値で上書き sends the edit again begun from that value, and 相手の値を残す sends it with that
// column back to what the edit began from (so the stored value stays), other columns as they were.
import { describe, expect, it } from 'vitest';
import type { StaleDetails } from '../../electron/common/stale-edit.js';
import { keepingTheirs, overwriting, theirValues, withTheirs } from '../../renderer/src/grid/staleEdit.js';

const began = { 顧客メモ: '初回', 顧客区分: 'A' };
const update = { id: 7, patch: { title: '新題', extra: { 顧客メモ: '山田の値', 顧客区分: 'A' } }, expected: { title: '旧題', extra: began } };
const stale: StaleDetails = {
  kind: 'stale',
  entity: 'issue',
  rows: [{ id: 7, who: 'suzuki', at: '2026-12-05T23:00:00.000Z', cells: [{ field: 'extra:顧客メモ', was: '初回', theirs: '鈴木の値', yours: '山田の値' }] }],
};

describe('a refused client column in the grid', () => {
  it("shows the colleague's value inside the row's extra", () => {
    const row = { id: 7, title: '旧題', extra: { 顧客メモ: '初回', 顧客区分: 'B' } };
    expect(withTheirs(row, theirValues(stale).get(7))).toEqual({ id: 7, title: '旧題', extra: { 顧客メモ: '鈴木の値', 顧客区分: 'B' } });
  });

  it("自分の値で上書き: begun from the colleague's value of that column", () => {
    expect(overwriting([update], stale)).toEqual([{ ...update, expected: { title: '旧題', extra: { 顧客メモ: '鈴木の値', 顧客区分: 'A' } } }]);
  });

  it('相手の値を残す: that column back to what the edit began from, the rest of the edit kept', () => {
    expect(keepingTheirs([update], stale)).toEqual([{ ...update, patch: { title: '新題', extra: began } }]);
  });
});
