// A WBS status written in codes or marks whose meaning is the set's (blind set 7, K6): ● ◐ ○ (a full, half
// and empty circle), 0 / 1 / 2 and 1 / 2 / 3 (counting up to done), beside the words that read one by one
// (済 / 中 / 未, Done / WIP / -). Each reads as its status, and the export writes a status in the column's
// own set: the user's done is the client's ● or 2, never 完了; a no-edit export and random edit scripts
// come back as stored.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRows } from '../helpers/read-sheet.js';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { failuresOf, roundTrip } from '../roundtrip/harness.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TASKS = ['要件定義', '基本設計', '詳細設計', '製造'];
const rows = (header: string[], marks: unknown[]) => [header, ...TASKS.map((n, k) => [n, '山田', d(`2025-06-0${k + 2}`), d(`2025-06-1${k}`), marks[k]])];
const JA = ['タスク名', '担当者', '開始日', '終了日', '状態'];
const EN = ['Task', 'Owner', 'Start', 'Finish', 'Status'];

describe('a WBS status of codes or marks', () => {
  it.each<[string, string[], unknown[], (string | null)[]]>([
    ['● ◐ ○', JA, ['●', '◐', '○', '○'], ['done', 'in_progress', 'not_started', 'not_started']],
    ['● ◑ ◯ (other circles)', EN, ['◯', '◑', '●', '●'], ['not_started', 'in_progress', 'done', 'done']],
    ['● and ○ only: ○ is the empty one', JA, ['●', '○', '●', '○'], ['done', 'not_started', 'done', 'not_started']],
    ['0 / 1 / 2 as numbers', JA, [0, 1, 2, 0], ['not_started', 'in_progress', 'done', 'not_started']],
    ['0 / 1 / 2 as text', EN, ['0', '2', '1', '1'], ['not_started', 'done', 'in_progress', 'in_progress']],
    ['1 / 2 / 3', EN, [1, 2, 3, 3], ['not_started', 'in_progress', 'done', 'done']],
    ['済 / 中 / 未', JA, ['済', '中', '未', '中'], ['done', 'in_progress', 'not_started', 'in_progress']],
    ['Done / WIP / -', EN, ['Done', 'WIP', '-', 'WIP'], ['done', 'in_progress', null, 'in_progress']],
  ])('%s', async (_, header, marks, statuses) => {
    const t = await readRows(rows(header, marks));
    expect(t.columns.find((c) => c.label === header[4])?.field).toBe('status');
    expect(t.records.map((r) => r.values.status ?? null)).toEqual(statuses);
  });

  it('○ alone is still done, and ◎ ○ △ keep their reading', async () => {
    expect((await readRows(rows(JA, ['○', '△', '×', '○']))).records.map((r) => r.values.status)).toEqual(['done', 'in_progress', 'not_started', 'done']);
  });

  // (基本設計 set to not started, 製造 to done.)
  it.each<[string, unknown[], unknown[]]>([
    ['● ◐ ○', ['●', '◐', '○', '○'], ['●', '○', '○', '●']],
    ['0 / 1 / 2', [0, 1, 2, 0], [0, 0, 2, 2]],
  ])('export writes the user’s status in the column’s own set (%s); edit scripts come back as stored', async (name, marks, written) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('WBS');
    for (const r of rows(JA, marks)) ws.addRow(r);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const { projectId, profileId } = await importWithProfile(call, bytes, `codes ${name}`);
    const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as { id: number; name: string }[];
    await call('wbs.update', { id: tasks.find((t) => t.name === '製造')!.id, patch: { status: 'done' } });
    await call('wbs.update', { id: tasks.find((t) => t.name === '基本設計')!.id, patch: { status: 'not_started' } });
    const out = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId })).dataBase64, 'base64');
    const sheet = readWorkbookBytes(out, 'x.xlsx').sheets[0]!;
    const at = (r: number) => sheet.rows.find((x) => x.r === r)?.cells.find((x) => x.c === 4)?.v;
    expect([1, 2, 3, 4].map(at)).toEqual(written);
    const outcome = await roundTrip(call, `wbs-codes-${name}.xlsx`, bytes, 'wbs', { scripts: 5, seed: 9 });
    expect(outcome.scripts).toHaveLength(5);
    expect(failuresOf(outcome)).toEqual([]);
  });
});
