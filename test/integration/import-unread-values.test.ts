// A value the reader does not know in an effort or duration column (a range 4～5, 約3日; Jira's 4d 4h is
// read now, as 4.5 person-days: import-effort-note) costs the
// record that value, not the record: the row is imported with the value empty, its text kept with the
// row and the cell named (blind set 6, L4: such cells skipped their whole rows by default, 5 of 12 rows
// of a Jira export). A status 中 (済/中/未) is in progress. A mistyped date, a progress or a status the
// reader cannot read still refuse their row (their stored value would not be empty, and the export would
// overwrite the client's cell). The export leaves a kept cell as the client wrote it, and the round-trip
// property holds.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { failuresOf, roundTrip } from '../roundtrip/harness.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function plan(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.addRow(['作業名', '担当', '開始', '終了', '日数', '工数', '進捗率', '状況']);
  const rows: unknown[][] = [
    ['要件確認', '山田', d('2025-06-02'), d('2025-06-04'), 3, 3, 1, '済'],
    ['画面設計', '佐藤', d('2025-06-05'), d('2025-06-11'), 5, '4～5', 0.5, '中'],
    ['API設計', '鈴木', d('2025-06-05'), d('2025-06-09'), '約3日', 2, 0, '未'],
    ['設計レビュー', '山田', d('2025-06-12'), d('2025-06-12'), 1, 0, 'half', '未'],
    ['DB設計', '高橋', '2025/13/40', d('2025-06-13'), 2, 2, 0, '未'],
    ['結合準備', '高橋', d('2025-06-16'), d('2025-06-18'), 3, 3, 0, '未'],
  ];
  for (const r of rows) {
    const row = ws.addRow(r);
    for (const c of [3, 4]) row.getCell(c).numFmt = 'yyyy/mm/dd';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a value the reader does not know', () => {
  it('keeps its row, the effort, duration or progress empty and the cell named; a mistyped date still refuses its row', async () => {
    const bytes = await plan();
    const { id: projectId } = await call('project.create', { name: 'unread' });
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: bytes.toString('base64') });
    // (Since the kept-unread rule covers every kind but a date: an unread progress keeps its row too.)
    expect(preview.rows.filter((r) => r.skipped).map((r) => r.name)).toEqual(['DB設計']);
    const kept = preview.problems.filter((p) => p.params.kept === 1);
    expect(kept.map((p) => [p.cell, p.field, p.code, p.warning])).toEqual([
      ['F3', 'plannedEffort', 'notEffort', true],
      ['E4', 'duration', 'notDays', true],
      ['G5', 'progress', 'notProgress', true],
    ]);
    expect(kept[0]!.reason).toBe('4～5 is not an effort (a number of person-days): kept with the row, the value left empty');
    expect(preview.problems.find((p) => p.cell === 'C6')).toMatchObject({ code: 'notDate' });
    expect(preview.problems.find((p) => p.cell === 'C6')?.warning).toBeUndefined();
    await call('excel.applyImport', { previewId: preview.previewId, options: {} });
    const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as Record<string, unknown>[];
    expect(tasks.map((t) => t.name)).toEqual(['要件確認', '画面設計', 'API設計', '設計レビュー', '結合準備']);
    const byName = (n: string) => tasks.find((t) => t.name === n)!;
    expect([byName('画面設計').plannedEffort, byName('画面設計').status, byName('API設計').plannedEffort]).toEqual([null, 'in_progress', 2]);
  });

  it('is written back as the client wrote it, and every random edit script comes back as stored', async () => {
    const bytes = await plan();
    const outcome = await roundTrip(call, 'wbs-unread.xlsx', bytes, 'wbs', { scripts: 8, seed: 5 });
    expect(outcome.scripts).toHaveLength(8);
    expect(failuresOf(outcome)).toEqual([]);
    // An edit elsewhere leaves the kept cells as the client wrote them.
    const { id: projectId } = await call('project.create', { name: 'unread export' });
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: bytes.toString('base64') });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'unread' } });
    const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as { id: number; name: string }[];
    const t = tasks.find((x) => x.name === '結合準備')!;
    await call('wbs.update', { id: t.id, patch: { name: '結合テスト準備' } });
    const out = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64, 'base64');
    const rows = readWorkbookBytes(out, 'x.xlsx').sheets[0]!.rows;
    const at = (r: number, c: number) => rows.find((x) => x.r === r)?.cells.find((x) => x.c === c)?.v;
    expect([at(2, 5), at(2, 7), at(3, 4), at(6, 0)]).toEqual(['4～5', '中', '約3日', '結合テスト準備']);
  });
});

// The kept-unread rule for every field (not only effort and duration): a status, progress or milestone
// the reader does not know leaves that field to its default, imports the row, names the cell, and the
// export writes the client's cell back untouched until the user sets that field.
describe('an unread status, progress or milestone', () => {
  async function plan(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('WBS');
    ws.addRow(['作業名', '担当', '開始', '終了', '進捗', '状況', 'MS']);
    const rows: unknown[][] = [
      ['要件確認', '山田', d('2025-06-02'), d('2025-06-04'), 1, '完了', ''],
      ['画面設計', '佐藤', d('2025-06-05'), d('2025-06-11'), 0, '要確認', ''],
      ['API設計', '鈴木', d('2025-06-05'), d('2025-06-09'), '半分', '未着手', ''],
      ['設計承認', '山田', d('2025-06-12'), d('2025-06-12'), 0, '未着手', '承認待ち'],
      ['結合準備', '高橋', d('2025-06-16'), d('2025-06-18'), 0, '未着手', ''],
      // Unread beside a progress the status follows (50 % → in progress): still the client's word (blind set 7).
      ['性能検証', '伊藤', d('2025-06-19'), d('2025-06-20'), 0.5, '順調', ''],
    ];
    for (const r of rows) {
      const row = ws.addRow(r);
      for (const c of [3, 4]) row.getCell(c).numFmt = 'yyyy/mm/dd';
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('imports every row, names each unread cell as kept, and the re-import of the same file changes nothing', async () => {
    const bytes = await plan();
    const { id: projectId } = await call('project.create', { name: 'unread status' });
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: bytes.toString('base64') });
    expect(preview.counts).toMatchObject({ new: 6, skipped: 0 });
    expect(preview.problems.filter((p) => p.params.kept === 1).map((p) => [p.cell, p.field, p.warning])).toEqual([
      ['F3', 'status', true],
      ['E4', 'progress', true],
      ['G5', 'milestone', true],
      ['F7', 'status', true],
    ]);
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'unread status' } });
    const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as Record<string, unknown>[];
    expect(tasks.map((t) => t.name)).toEqual(['要件確認', '画面設計', 'API設計', '設計承認', '結合準備', '性能検証']);
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: bytes.toString('base64'), profileId: profileId! });
    expect(again.counts).toMatchObject({ new: 0, changed: 0 });
  });

  it('is written back as the client wrote it until the user sets the field; every random edit script comes back as stored', async () => {
    const bytes = await plan();
    const outcome = await roundTrip(call, 'wbs-unread-status.xlsx', bytes, 'wbs', { scripts: 8, seed: 7 });
    expect(failuresOf(outcome)).toEqual([]);
    const { id: projectId } = await call('project.create', { name: 'unread status export' });
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: bytes.toString('base64') });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'unread status export' } });
    const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as { id: number; name: string }[];
    const byName = (n: string) => tasks.find((x) => x.name === n)!;
    // An edit elsewhere in the row: the unread cells stay the client's.
    await call('wbs.update', { id: byName('画面設計').id, patch: { assignee: '田中' } });
    await call('wbs.update', { id: byName('API設計').id, patch: { assignee: '田中' } });
    const cells = async () => {
      const out = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64, 'base64');
      const rows = readWorkbookBytes(out, 'x.xlsx').sheets[0]!.rows;
      return (r: number, c: number) => rows.find((x) => x.r === r)?.cells.find((x) => x.c === c)?.v;
    };
    let at = await cells();
    expect([at(2, 1), at(2, 5), at(3, 4), at(4, 6), at(6, 5)]).toEqual(['田中', '要確認', '半分', '承認待ち', '順調']);
    // The user sets the status and the progress: now they are written.
    await call('wbs.update', { id: byName('画面設計').id, patch: { status: 'in_progress' } });
    await call('wbs.update', { id: byName('API設計').id, patch: { progress: 50 } });
    at = await cells();
    expect(at(2, 5)).not.toBe('要確認');
    expect(at(3, 4)).toBe(0.5);
  });
});
