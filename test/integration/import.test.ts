// excel.previewImport / excel.applyImport end to end over the real API, on real SQLite files: the
// preview writes nothing, apply writes one undoable batch, a re-import finds its profile and shows
// new / changed (old → new) / unchanged / missing rows, bad cells are listed and their rows left out.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { workbook, type CellSpec } from '../fixtures/excel/xlsx.js';
import { inProcessCaller, tempWorkspace, type Call } from '../helpers/workspace.js';
import { snapshot } from '../helpers/snapshot.js';
import { failure } from '../helpers/failure.js';
import { ApiError } from '../../electron/common/errors.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const b64 = (b: Buffer) => b.toString('base64');

const ISSUE_HEADER: CellSpec[] = ['No', '課題名', '優先度', '状況', '担当者', '期限', '備考2'];

async function issueBook(rows: CellSpec[][]): Promise<Buffer> {
  return workbook([
    {
      name: '課題管理表',
      rows: [['課題管理表 ○○プロジェクト'], [], ISSUE_HEADER, ...rows],
    },
  ]);
}

const d = (s: string) => new Date(`${s}T00:00:00Z`);

async function setup(): Promise<{ call: Call; projectId: number; dir: string; ws: ReturnType<typeof tempWorkspace> }> {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const p = await call('project.create', { name: 'Import' });
  return { call, projectId: p.id, dir: ws.dir, ws };
}

describe('issue register import', () => {
  it('previews without writing, applies as one undoable batch, and finds the profile on the next file', async () => {
    const { call, projectId, ws } = await setup();
    const first = await issueBook([
      [1, 'ログイン画面の仕様確認', '高', '未着手', '山田', d('2025-04-10'), '顧客A'],
      [2, '帳票レイアウト確定', '中', '対応中', '佐藤', '2025/13/40', null],
      [3, 'テスト環境の手配', '低', '完了', '鈴木', d('2025-04-20'), 'メモ'],
    ]);
    const before = snapshot(ws.db.sqlite);
    const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: '課題管理表.xlsx', dataBase64: b64(first) });
    expect(snapshot(ws.db.sqlite)).toEqual(before);
    expect(preview.sheet).toBe('課題管理表');
    expect(preview.header).toEqual({ top: 3, bottom: 3 });
    expect(preview.profile).toBeNull();
    expect(preview.columns.find((c) => c.label === '備考2')).toMatchObject({ field: null, extraKey: '備考2' });
    expect(preview.problems.map((p) => `${p.sheet}!${p.cell}: ${p.reason}`)).toEqual(['課題管理表!F5: 2025/13/40 is not a date']);
    expect(preview.counts).toMatchObject({ new: 2, skipped: 1, changed: 0, unchanged: 0, missing: 0 });
    expect(preview.matchBy).toBe('ref');

    const applied = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'A社 課題管理表' } });
    expect(applied).toMatchObject({ created: 2, updated: 0, skipped: 1 });
    expect(applied.batchId).toEqual(expect.any(String));
    const rows = await call('issue.list', { projectId });
    expect(rows.map((r) => [r.ref, r.title, r.priority, r.status, r.owner, r.due, r.extra])).toEqual([
      ['I-001', 'ログイン画面の仕様確認', 'high', 'not_started', '山田', '2025-04-10', { 備考2: '顧客A' }],
      ['I-003', 'テスト環境の手配', 'low', 'done', '鈴木', '2025-04-20', { 備考2: 'メモ' }],
    ]);
    // A row closed in the client's file was not closed today: no closing date is invented.
    expect(rows.find((r) => r.ref === 'I-003')!.closedOn).toBeNull();
    // The same preview cannot be applied twice.
    await expect(call('excel.applyImport', { previewId: preview.previewId })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Undo takes the whole import back in one step.
    await call('history.undo', { projectId });
    expect(await call('issue.list', { projectId })).toEqual([]);
    await call('history.redo', { projectId });
    expect((await call('issue.list', { projectId })).length).toBe(2);

    // The client sends the file back: one cell changed, the bad date fixed, one row gone, one new.
    const second = await issueBook([
      [1, 'ログイン画面の仕様確認', '高', '対応中', '山田', d('2025-04-10'), '顧客A'],
      [2, '帳票レイアウト確定', '中', '対応中', '佐藤', d('2025-04-30'), null],
      [4, '移行手順の確認', '中', '未着手', '田中', d('2025-05-01'), null],
    ]);
    const again = await call('excel.previewImport', { projectId, register: 'issue', fileName: '課題管理表_0415.xlsx', dataBase64: b64(second) });
    expect(again.profile).toMatchObject({ name: 'A社 課題管理表', how: 'signature', id: applied.profileId });
    expect(again.counts).toMatchObject({ new: 2, changed: 1, unchanged: 0, missing: 1, skipped: 0, problems: 0 });
    const changed = again.rows.find((r) => r.status === 'changed')!;
    expect(changed).toMatchObject({ key: 'I-001', row: 4, changes: [{ field: 'status', before: 'not_started', after: 'in_progress' }] });
    expect(again.missing).toEqual([{ id: expect.any(Number), key: 'I-003', name: 'テスト環境の手配' }]);

    const result = await call('excel.applyImport', { previewId: again.previewId, options: { missing: 'close' } });
    expect(result).toMatchObject({ created: 2, updated: 1, closed: 0, deleted: 0 }); // I-003 is already 完了
    const after = await call('issue.list', { projectId });
    expect(after.map((r) => [r.ref, r.status])).toEqual([
      ['I-001', 'in_progress'],
      ['I-003', 'done'],
      ['I-002', 'in_progress'],
      ['I-004', 'not_started'],
    ]);
    ws.close();
  });

  it('re-importing the same file changes nothing and writes no batch', async () => {
    const { call, projectId, ws } = await setup();
    const file = await issueBook([[1, '件名A', '高', '未着手', '山田', d('2025-04-10'), 'x']]);
    const p1 = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'a.xlsx', dataBase64: b64(file) });
    await call('excel.applyImport', { previewId: p1.previewId });
    const p2 = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'a.xlsx', dataBase64: b64(file) });
    expect(p2.counts).toMatchObject({ new: 0, changed: 0, unchanged: 1, missing: 0 });
    const batches = snapshot(ws.db.sqlite);
    const r = await call('excel.applyImport', { previewId: p2.previewId });
    expect(r).toMatchObject({ created: 0, updated: 0, unchanged: 1, batchId: null });
    expect(snapshot(ws.db.sqlite)).toEqual(batches);
    ws.close();
  });

  it('a preview discarded when the dialog closes is freed: applying it is refused, nothing is written', async () => {
    const { call, projectId, ws } = await setup();
    const file = await issueBook([[1, '件名A', '高', '未着手', '山田', d('2025-04-10'), 'x']]);
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'a.xlsx', dataBase64: b64(file) });
    const before = snapshot(ws.db.sqlite);
    expect(await call('excel.discardPreview', { previewId: p.previewId })).toEqual({ discarded: true });
    expect(await call('excel.discardPreview', { previewId: p.previewId })).toEqual({ discarded: false });
    expect((await failure(call('excel.applyImport', { previewId: p.previewId }))).code).toBe('NOT_FOUND');
    expect(snapshot(ws.db.sqlite)).toEqual(before);
    ws.close();
  });

  it('apply plans again against what is stored when something was written after the preview', async () => {
    const { call, projectId, ws } = await setup();
    const p1 = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'a.xlsx', dataBase64: b64(await issueBook([[1, 'A', '高', '未着手', '', null, null]])) });
    await call('excel.applyImport', { previewId: p1.previewId });
    const p2 = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'a.xlsx', dataBase64: b64(await issueBook([[1, 'A', '低', '未着手', '', null, null]])) });
    expect(p2.counts).toMatchObject({ changed: 1 });
    // Meanwhile the user edits the same row: the title, which the file also holds.
    const [row] = await call('issue.list', { projectId });
    await call('issue.update', { id: row!.id, patch: { title: 'A（修正）' } });
    const r = await call('excel.applyImport', { previewId: p2.previewId });
    expect(r).toMatchObject({ updated: 1, created: 0 });
    // The file's values win for the cells it holds, from what is stored now (the title goes back to A).
    expect((await call('issue.list', { projectId })).map((i) => [i.title, i.priority])).toEqual([['A', 'low']]);
    ws.close();
  });

  it('missing rows are deleted only when asked, in the same undo step', async () => {
    const { call, projectId, ws } = await setup();
    const p1 = await call('excel.previewImport', {
      projectId,
      register: 'issue',
      fileName: 'a.xlsx',
      dataBase64: b64(await issueBook([[1, 'A', '高', '未着手', '', null, null], [2, 'B', '高', '未着手', '', null, null]])),
    });
    await call('excel.applyImport', { previewId: p1.previewId });
    const p2 = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'a.xlsx', dataBase64: b64(await issueBook([[1, 'A', '低', '未着手', '', null, null]])) });
    const r = await call('excel.applyImport', { previewId: p2.previewId, options: { missing: 'delete' } });
    expect(r).toMatchObject({ updated: 1, deleted: 1 });
    expect((await call('issue.list', { projectId })).map((i) => [i.title, i.priority])).toEqual([['A', 'low']]);
    await call('history.undo', { projectId });
    expect((await call('issue.list', { projectId })).map((i) => [i.title, i.priority])).toEqual([
      ['A', 'high'],
      ['B', 'high'],
    ]);
    ws.close();
  });

  it('a row left out for a bad cell is still in the file: it is never deleted or closed as missing', async () => {
    const { call, projectId, ws } = await setup();
    const p1 = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'a.xlsx', dataBase64: b64(await issueBook([[1, 'A', '高', '未着手', '', null, null], [2, 'B', '高', '未着手', '', null, null]])) });
    await call('excel.applyImport', { previewId: p1.previewId });
    const p2 = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'a.xlsx', dataBase64: b64(await issueBook([[1, 'A', '高', '未着手', '', null, null], [2, 'B', '高', '未着手', '', '2025/02/30', null]])) });
    expect(p2.counts).toMatchObject({ skipped: 1, missing: 0 });
    expect(p2.rows.find((r) => r.key === 'I-002')).toMatchObject({ status: 'unchanged', skipped: true });
    const r = await call('excel.applyImport', { previewId: p2.previewId, options: { missing: 'delete' } });
    expect(r).toMatchObject({ deleted: 0, skipped: 1 });
    expect((await call('issue.list', { projectId })).map((i) => i.title)).toEqual(['A', 'B']);
    ws.close();
  });

  it('an ID written twice is a problem, and its second row is left out', async () => {
    const { call, projectId, ws } = await setup();
    const p = await call('excel.previewImport', {
      projectId,
      register: 'issue',
      fileName: 'a.xlsx',
      dataBase64: b64(await issueBook([[1, 'A', '高', '未着手', '', null, null], [1, 'B', '高', '未着手', '', null, null]])),
    });
    expect(p.problems.map((x) => `${x.sheet}!${x.cell}: ${x.reason}`)).toEqual(['課題管理表!A5: I-001 appears twice (rows 4 and 5)']);
    expect(p.rows.map((r) => [r.name, r.skipped ?? false])).toEqual([
      ['A', false],
      ['B', true],
    ]);
    ws.close();
  });

  it('the user fixes the mapping: a column becomes an extra column, another takes its field', async () => {
    const { call, projectId, ws } = await setup();
    const file = await issueBook([[1, 'A', '高', '未着手', '山田', null, 'note']]);
    const p = await call('excel.previewImport', {
      projectId,
      register: 'issue',
      fileName: 'a.xlsx',
      dataBase64: b64(file),
      mapping: { columns: [{ column: 'E', field: null }, { column: 'G', field: 'owner' }] },
    });
    expect(p.columns.find((c) => c.column === 'E')).toMatchObject({ field: null, extraKey: '担当者' });
    expect(p.columns.find((c) => c.column === 'G')).toMatchObject({ field: 'owner', confidence: 1 });
    expect(p.rows[0]!.values).toMatchObject({ owner: 'note', 'extra:担当者': '山田' });
    await expect(
      call('excel.previewImport', { projectId, register: 'issue', fileName: 'a.xlsx', dataBase64: b64(file), mapping: { columns: [{ column: 'Z', field: 'owner' }] } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('column Z is not a column of the header') });
    ws.close();
  });

  it('a table that is not found is a problem with nothing planned, until the user points at the header row', async () => {
    const { call, projectId, ws } = await setup();
    // Header words no synonym knows: 項目 / 中身 / 人.
    const file = await workbook([{ name: 'Sheet1', rows: [['メモ'], ['項目', '中身', '人'], ['1', '画面の確認', '山田']] }]);
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'odd.xlsx', dataBase64: b64(file) });
    expect(p.problems[0]).toMatchObject({ kind: 'header', reason: expect.stringContaining('odd.xlsx: No table with an issue title column') });
    expect(p.rows).toEqual([]);
    await expect(call('excel.applyImport', { previewId: p.previewId })).rejects.toMatchObject({ code: 'VALIDATION' });
    const fixed = await call('excel.previewImport', {
      projectId,
      register: 'issue',
      fileName: 'odd.xlsx',
      dataBase64: b64(file),
      mapping: { sheet: 'Sheet1', headerTop: 2, headerBottom: 2, columns: [{ column: 'B', field: 'title' }, { column: 'C', field: 'owner' }] },
    });
    expect(fixed.header).toEqual({ top: 2, bottom: 2 });
    expect(fixed.rows.map((r) => [r.status, r.name, r.values?.owner])).toEqual([['new', '画面の確認', '山田']]);
    ws.close();
  });

  it('a file that cannot be read is one message naming the file; nothing is stored', async () => {
    const { call, projectId, ws } = await setup();
    const before = snapshot(ws.db.sqlite);
    const err = (await call('excel.previewImport', {
      projectId,
      register: 'issue',
      fileName: 'broken.xlsx',
      dataBase64: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]).toString('base64'),
    }).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('broken.xlsx');
    expect(snapshot(ws.db.sqlite)).toEqual(before);
    ws.close();
  });

  it('a failed apply changes nothing', async () => {
    const { call, projectId, ws } = await setup();
    const p = await call('excel.previewImport', { projectId, register: 'change', fileName: 'c.xlsx', dataBase64: b64(await workbook([{ name: '変更管理', rows: [['No', '件名', '依頼者'], [1, '画面追加', '顧客']] }])) });
    await call('excel.applyImport', { previewId: p.previewId });
    const p2 = await call('excel.previewImport', { projectId, register: 'change', fileName: 'c.xlsx', dataBase64: b64(await workbook([{ name: '変更管理', rows: [['No', '件名', '依頼者'], [2, '帳票追加', '顧客']] }])) });
    const before = snapshot(ws.db.sqlite);
    const batches = snapshot(ws.db.sqlite);
    // The change register has no status that closes a row: refused, and the new row is not written either.
    await expect(call('excel.applyImport', { previewId: p2.previewId, options: { missing: 'close' } })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(snapshot(ws.db.sqlite)).toEqual(before);
    expect(snapshot(ws.db.sqlite)).toEqual(batches);
    ws.close();
  });
});

describe('WBS import', () => {
  const header: CellSpec[] = ['WBS', 'タスク名', '担当', '開始予定', '終了予定', '進捗率'];
  const pct = (v: number): CellSpec => ({ value: v, numFmt: '0%' });

  async function wbsBook(rows: CellSpec[][]): Promise<Buffer> {
    return workbook([{ name: 'WBS', rows: [header, ...rows] }]);
  }

  it('creates the tree in one batch, then matches by code on re-import (rename, move, new, missing)', async () => {
    const { call, projectId, ws } = await setup();
    const file = await wbsBook([
      ['1', '要件定義', null, null, null, null],
      ['1.1', '現行調査', '山田', d('2025-04-01'), d('2025-04-10'), pct(1)],
      ['1.2', '要件整理', '佐藤', d('2025-04-11'), d('2025-04-25'), pct(0.5)],
      ['2', '設計', null, null, null, null],
      ['2.1', '基本設計', '鈴木', d('2025-05-01'), d('2025-05-31'), pct(0)],
      ['2.2', '外部設計', '鈴木', d('2025-05-01'), d('2025-05-31'), pct(0)],
    ]);
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: b64(file) });
    expect(p.hierarchy).toBe('code');
    expect(p.matchBy).toBe('code');
    expect(p.rows.map((r) => [r.key, r.name, r.level, r.status])).toEqual([
      ['1', '要件定義', 0, 'new'],
      ['1.1', '現行調査', 1, 'new'],
      ['1.2', '要件整理', 1, 'new'],
      ['2', '設計', 0, 'new'],
      ['2.1', '基本設計', 1, 'new'],
      ['2.2', '外部設計', 1, 'new'],
    ]);
    const r = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'WBS標準' } });
    expect(r.created).toBe(6);
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    // No status column: the status follows the progress (100 % done, started in progress); the summary
    // rolls its subtasks' up.
    expect(tasks.map((t) => t.status)).toEqual(['in_progress', 'done', 'in_progress', 'not_started', 'not_started', 'not_started']);
    expect(tasks.map((t) => [t.code, t.name, t.assignee, t.plannedStart, t.plannedFinish, t.progress, t.summary])).toEqual([
      ['1', '要件定義', '', '2025-04-01', '2025-04-25', 75, true],
      ['1.1', '現行調査', '山田', '2025-04-01', '2025-04-10', 100, false],
      ['1.2', '要件整理', '佐藤', '2025-04-11', '2025-04-25', 50, false],
      ['2', '設計', '', '2025-05-01', '2025-05-31', 0, true],
      ['2.1', '基本設計', '鈴木', '2025-05-01', '2025-05-31', 0, false],
      ['2.2', '外部設計', '鈴木', '2025-05-01', '2025-05-31', 0, false],
    ]);
    // One batch: one undo removes all of it.
    const batches = ws.db.prepare("SELECT count(*) FROM batches WHERE label = 'excel.import'").pluck().get();
    expect(batches).toBe(1);

    // Re-import: 1.2 renamed (same code), 2.1 moved under 1 (as 1.3), a new 2.1, 2.2 gone.
    const next = await wbsBook([
      ['1', '要件定義', null, null, null, null],
      ['1.1', '現行調査', '山田', d('2025-04-01'), d('2025-04-10'), pct(1)],
      ['1.2', '要件整理（確定）', '佐藤', d('2025-04-11'), d('2025-04-25'), pct(0.5)],
      ['1.3', '基本設計', '鈴木', d('2025-05-01'), d('2025-05-31'), pct(0)],
      ['2', '設計', null, null, null, null],
      ['2.1', '詳細設計', '田中', d('2025-06-01'), d('2025-06-30'), pct(0)],
    ]);
    const p2 = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs2.xlsx', dataBase64: b64(next) });
    expect(p2.profile).toMatchObject({ name: 'WBS標準', how: 'signature' });
    expect(p2.rows.map((row) => [row.key, row.status, row.changes ?? []])).toEqual([
      ['1', 'unchanged', []],
      ['1.1', 'unchanged', []],
      ['1.2', 'changed', [{ field: 'name', before: '要件整理', after: '要件整理（確定）' }]],
      ['1.3', 'changed', [{ field: 'parent', before: '2', after: '1' }]],
      ['2', 'unchanged', []],
      ['2.1', 'new', []],
    ]);
    expect(p2.missing.map((m) => [m.key, m.name])).toEqual([['2.2', '外部設計']]);
    await call('excel.applyImport', { previewId: p2.previewId, options: { missing: 'delete' } });
    const after = await call('wbs.rows', { projectId }).then(tasksOfTable);
    expect(after.map((t) => [t.code, t.name])).toEqual([
      ['1', '要件定義'],
      ['1.1', '現行調査'],
      ['1.2', '要件整理（確定）'],
      ['1.3', '基本設計'],
      ['2', '設計'],
      ['2.1', '詳細設計'],
    ]);
    expect(after.find((t) => t.code === '1')!.plannedFinish).toBe('2025-05-31');
    expect(after.find((t) => t.code === '2')!.plannedStart).toBe('2025-06-01');
    await call('history.undo', { projectId });
    expect((await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => [t.code, t.name])).toEqual(tasks.map((t) => [t.code, t.name]));
    ws.close();
  });

  it('a stored top-level task placed under a new task in the file moves under it', async () => {
    const { call, projectId, ws } = await setup();
    const first = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'w.xlsx', dataBase64: b64(await wbsBook([['1', 'A', null, null, null, null], ['2', 'B', null, null, null, null]])) });
    await call('excel.applyImport', { previewId: first.previewId });
    const again = await call('excel.previewImport', {
      projectId,
      register: 'wbs',
      fileName: 'w.xlsx',
      dataBase64: b64(await wbsBook([['1', '新フェーズ', null, null, null, null], ['1.1', 'B', null, null, null, null], ['2', 'A', null, null, null, null]])),
    });
    expect(again.rows.find((r) => r.name === 'B')).toMatchObject({ status: 'changed', changes: [{ field: 'parent', before: '', after: '1' }] });
    await call('excel.applyImport', { previewId: again.previewId });
    // As the file has it: the new phase first (it has no sibling before it), B under it, then A.
    expect((await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => [t.code, t.name])).toEqual([
      ['1', '新フェーズ'],
      ['1.1', 'B'],
      ['2', 'A'],
    ]);
    ws.close();
  });

  it('a row with a bad cell is left out and its children hang under the nearest kept ancestor', async () => {
    const { call, projectId, ws } = await setup();
    const file = await workbook([
      {
        name: 'WBS',
        rows: [
          // (Not a bad status: a summary's status is computed from its subtasks, so it leaves no row out.)
          // (A name too long for an assignee: an unread milestone or status keeps its row since the kept-unread rule.)
          ['WBS', 'タスク名', '担当'],
          ['1', '要件定義', null],
          ['1.1', '調査', '山'.repeat(300)],
          ['1.1.1', '現行資料の収集', '山田'],
        ],
      },
    ]);
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'w.xlsx', dataBase64: b64(file) });
    expect(p.problems.map((x) => `${x.sheet}!${x.cell}: ${x.reason}`)).toEqual([expect.stringMatching(/^WBS!C3: /)]);
    expect(p.rows.map((r) => [r.name, r.status, r.skipped ?? false])).toEqual([
      ['要件定義', 'new', false],
      ['調査', 'new', true],
      ['現行資料の収集', 'new', false],
    ]);
    await call('excel.applyImport', { previewId: p.previewId });
    expect((await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => [t.code, t.name])).toEqual([
      ['1', '要件定義'],
      ['1.1', '現行資料の収集'],
    ]);
    ws.close();
  });

  it('is not left out for a bad date of a summary (computed from its subtasks) or for where it sits in the tree', async () => {
    const { call, projectId, ws } = await setup();
    const file = await wbsBook([
      ['1', '要件定義', null, '2025/02/30', null, null],
      ['1.1', '調査', '山田', d('2025-04-01'), d('2025-04-03'), null],
      ['2.1', '設計書作成', '佐藤', d('2025-05-01'), d('2025-05-09'), null],
    ]);
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'w.xlsx', dataBase64: b64(file) });
    expect(p.problems.map((x) => x.kind).sort()).toEqual(['date', 'hierarchy']);
    expect(p.rows.every((r) => !r.skipped)).toBe(true);
    await call('excel.applyImport', { previewId: p.previewId });
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    expect(tasks.map((t) => t.name)).toEqual(['要件定義', '調査', '設計書作成']);
    expect(tasks[0]!.plannedStart).toBe('2025-04-01');
    ws.close();
  });
});

describe('profiles', () => {
  it('list, get, rename and delete; a profile of another register is refused', async () => {
    const { call, projectId, ws } = await setup();
    const file = await issueBook([[1, 'A', '高', '未着手', '', null, null]]);
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'a.xlsx', dataBase64: b64(file) });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'A社' } });
    expect(await call('profile.list', {})).toEqual([expect.objectContaining({ id: profileId, name: 'A社', kind: 'table', register: 'issue', sheet: '課題管理表', fileName: 'a.xlsx' })]);
    expect(await call('profile.list', { register: 'risk' })).toEqual([]);
    const full = await call('profile.get', { id: profileId! });
    if (full.kind !== 'table') throw new Error('a table profile was saved');
    expect(full.layout).toMatchObject({ sheet: '課題管理表', headerTop: 3, headerBottom: 3 });
    expect(full.layout.columns.map((c) => c.field)).toEqual(['ref', 'title', 'priority', 'status', 'owner', 'due', null]);
    await expect(call('excel.previewImport', { projectId, register: 'risk', fileName: 'a.xlsx', dataBase64: b64(file), profileId: profileId! })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await call('profile.update', { id: profileId!, name: 'A社 v2' })).toMatchObject({ name: 'A社 v2' });
    expect(await call('profile.delete', { id: profileId! })).toEqual({ deleted: 1 });
    await expect(call('profile.get', { id: profileId! })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    ws.close();
  });
});

