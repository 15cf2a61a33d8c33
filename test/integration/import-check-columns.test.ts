// A column of ticks that says a record reached a state (blind set 7, M4 and M9) — 完了 / 済 / Done / ✓ with
// レ, ✓, ✔, ○, TRUE, 済, x; a change log's 承認 ○/×, Approved? TRUE/FALSE and 反映済 / Implemented ✓ — is
// the record's status or the change's decision: a tick is the state the header names (the status list's
// closed item, approved), no tick leaves the default. Export writes the client's own mark back (TRUE stays
// a boolean cell), a no-edit export changes no cell, and random edit scripts come back as stored.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRows } from '../helpers/read-sheet.js';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { failuresOf, roundTrip } from '../roundtrip/harness.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function book(header: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Log');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a column of ticks is the record’s state', () => {
  // [target, check header, ticked, unticked, the field, the code a tick means]
  it.each<[string, string, unknown, unknown, string, string]>([
    ['issue', '完了', 'レ', '', 'status', 'done'],
    ['issue', 'Done', '✓', '', 'status', 'done'],
    ['issue', 'Done?', true, false, 'status', 'done'],
    ['issue', '済', '済', '', 'status', 'done'],
    ['issue', '完了チェック', '○', '×', 'status', 'done'],
    ['risk', 'Closed', 'x', '', 'status', 'closed'],
    ['risk', 'クローズ', '✔', '', 'status', 'closed'],
    ['wbs', '完了', '✔', '', 'status', 'done'],
    ['wbs', '✓', 'x', '', 'status', 'done'],
    ['wbs', 'Complete (Y/N)', 'Y', 'N', 'status', 'done'],
    ['change', 'Approved?', true, false, 'decision', 'approved'],
    ['change', '承認', '○', '×', 'decision', 'approved'],
    ['change', '承認済', 'レ', '', 'decision', 'approved'],
    ['change', 'Implemented', '✓', '', 'implStatus', 'done'],
    ['change', '反映済', '✓', '', 'implStatus', 'done'],
    // Review U11: an act with 済 or 完了 after it, whose word alone (対応, 回答) names the response.
    ['issue', '対応済', '○', '', 'status', 'done'],
    ['issue', '処理済', '✓', '', 'status', 'done'],
    ['issue', '解決済み', 'レ', '', 'status', 'done'],
    ['issue', '回答済', '○', '', 'status', 'done'],
    ['defect', '修正完了', '○', '', 'status', 'closed'],
  ])('%s: %s with %j', async (target, check, yes, no, field, code) => {
    const key = target === 'wbs' ? 'タスク名' : target === 'change' ? '件名' : target === 'risk' ? 'リスク' : target === 'defect' ? '不具合内容' : '課題';
    const t = await readRows(
      [
        ['No', key, '担当者', '期限', check],
        [1, '帳票レイアウトの確定', '山田', d('2025-06-09'), yes],
        [2, '移行データの準備', '佐藤', d('2025-06-10'), no],
        [3, '性能試験の実施', '鈴木', d('2025-06-11'), yes],
      ],
      target as never,
      'Log',
    );
    expect(t.columns.find((c) => c.label === check)).toMatchObject({ field, check: code });
    expect(t.records.map((r) => r.values[field] ?? null)).toEqual([code, null, code]);
  });

  it('a state column of words beside the ticks keeps the field: the ticks stay an extra column', async () => {
    const t = await readRows([['No', '課題', '状況', '完了'], [1, 'A', '対応中', ''], [2, 'B', '完了', 'レ']], 'issue', 'Log');
    expect(t.columns.map((c) => c.field)).toEqual(['ref', 'title', 'status', null]);
  });

  it('a computed 完了フラグ (a formula’s 1 / 0) is no tick', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Log');
    ws.addRow(['No', '課題', '担当者', '完了フラグ']);
    ws.addRow([1, 'A', '山田', { formula: '1', result: 1 }]);
    ws.addRow([2, 'B', '佐藤', { formula: '0', result: 0 }]);
    const a = (await import('../../electron/core/excel/import/read-table.js')).analyzeWorkbook(readWorkbookBytes(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx'), 'issue', { today: '2025-06-15' });
    expect(a.ok && a.table.columns.find((c) => c.label === '完了フラグ')?.field).not.toBe('status');
  });
});

describe('export writes the client’s own ticks', () => {
  const header = ['No', '件名', '依頼者', '依頼日', 'Approved?', '反映済'];
  const rows = [
    ['C-1', '帳票項目の追加', '山田', d('2025-06-02'), true, '✓'],
    ['C-2', '締め処理の変更', '佐藤', d('2025-06-03'), false, ''],
    ['C-3', 'API仕様の変更', '鈴木', d('2025-06-04'), true, ''],
  ];

  it('a decision and an implementation set by the user: TRUE stays a boolean, the tick is the client’s', async () => {
    const bytes = await book(header, rows);
    const { projectId, profileId } = await importWithProfile(call, bytes, 'ticks', 'change');
    const changes = (await call('change.list', { projectId })) as unknown as { id: number; title: string; decision: string | null; implStatus: string | null }[];
    // (No decision, no implementation: the register's empty code.)
    expect(changes.map((c) => [c.decision, c.implStatus])).toEqual([['approved', 'done'], ['', ''], ['approved', '']]);
    const cells = async () => {
      const out = Buffer.from((await call('excel.export', { projectId, register: 'change', profileId })).dataBase64, 'base64');
      const sheet = readWorkbookBytes(out, 'x.xlsx').sheets[0]!;
      return (r: number, c: number) => sheet.rows.find((x) => x.r === r)?.cells.find((x) => x.c === c);
    };
    let at = await cells();
    expect([at(1, 4), at(2, 4), at(1, 5), at(3, 5)?.v ?? '']).toMatchObject([{ t: 'b', v: true }, { t: 'b', v: false }, { t: 's', v: '✓' }, '']);
    const id = (title: string) => changes.find((c) => c.title === title)!.id;
    await call('change.update', { id: id('締め処理の変更'), patch: { decision: 'approved' } });
    await call('change.update', { id: id('API仕様の変更'), patch: { implStatus: 'done' } });
    await call('change.update', { id: id('帳票項目の追加'), patch: { implStatus: 'in_progress', decision: 'rejected' } });
    at = await cells();
    expect([at(2, 4), at(3, 5), at(1, 5)?.v ?? '', at(1, 4)]).toMatchObject([{ t: 'b', v: true }, { t: 's', v: '✓' }, '', { t: 'b', v: false }]);
  });

  it('every random edit script comes back as stored', async () => {
    const outcome = await roundTrip(call, 'change-ticks.xlsx', await book(header, rows), 'change', { scripts: 6, seed: 3 });
    expect(outcome.scripts).toHaveLength(6);
    expect(failuresOf(outcome)).toEqual([]);
  });
});
