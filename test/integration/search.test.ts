// Global search on real SQLite files: Japanese words found inside text without spaces (課題 in
// 未解決課題, also as a 2-character word the trigram index cannot answer), ranking, and an index kept in
// step by the triggers whoever writes the rows: edits, undo/redo, deletes, an Excel import, a project
// restore, and a file from before the search migration.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open.js';
import { RANKED_MAX, searchRows } from '../../electron/core/services/search.js';
import { DEFER_INDEX_ROWS, PENDING_KEY, reindex, reindexOnce, SEARCH_INDEX_KEY, SearchTouches, searchKey } from '../../electron/core/services/search-index.js';
import { getSetting } from '../../electron/core/services/settings.js';
import { KEY_KINDS } from '../../electron/core/db/queries/search.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { japaneseWbs, workbook } from '../fixtures/excel/xlsx.js';
import { seedProject } from '../helpers/seed.js';
import { MIGRATIONS, inProcessCaller, tempDir, tempWorkspace } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

beforeAll(async () => {
  await buildReaderWorker();
});

async function setup() {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const p = (await call('project.create', { name: '基幹刷新' })).id;
  return { ws, call, p };
}

const found = (hits: { kind: string; id: number }[]) => hits.map((h) => `${h.kind}:${h.id}`);

/** FTS5's own check that the index holds exactly what search_text holds. */
function indexConsistent(db: Db): void {
  db.sqlite.prepare("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')").run();
}

describe('search.query', () => {
  it('finds 課題 inside 未解決課題 as a 2-character word and as part of a longer one', async () => {
    const { ws, call, p } = await setup();
    const issue = await call('issue.create', { projectId: p, values: { title: '未解決課題の棚卸し', owner: '田中' } });
    await call('risk.create', { projectId: p, values: { title: '要員不足', description: '体制の見直し' } });
    for (const text of ['課題', '解決課題', '未解決課題の棚卸し'])
      expect(found(await call('search.query', { text })), text).toEqual([`issue:${issue.id}`]);
    const [hit] = await call('search.query', { text: '課題' });
    expect(hit).toMatchObject({ kind: 'issue', id: issue.id, projectId: p, projectName: '基幹刷新', ref: 'I-001', title: '未解決課題の棚卸し' });
    expect(hit!.snippet.slice(hit!.marks[0]![0], hit!.marks[0]![1])).toBe('課題');
    // Every word must be there; a word the row lacks leaves it out.
    expect(found(await call('search.query', { text: '課題 田中' }))).toEqual([`issue:${issue.id}`]);
    expect(await call('search.query', { text: '課題 鈴木' })).toEqual([]);
    expect(found(await call('search.query', { text: '棚卸し 田中' }))).toEqual([`issue:${issue.id}`]);
    ws.close();
  });

  it('searches every kind of row of every project, the ID and title before the text', async () => {
    const { ws, call, p } = await setup();
    const q = (await call('project.create', { name: '物流' })).id;
    const task = await call('wbs.create', { projectId: p, values: { name: '移行リハーサル', notes: '週末に実施' } });
    const change = await call('change.create', { projectId: q, values: { title: '帳票追加', reason: '移行リハーサルで判明' } });
    const risk = await call('risk.create', { projectId: q, values: { title: 'データ移行の遅延', extra: { 顧客メモ: 'リハーサル2回目' } } });
    const meeting = await call('meeting.create', {
      projectId: p,
      values: { title: '第3回 定例', agenda: [{ title: '移行計画', notes: 'リハーサル日程の確認' }] },
    });
    const hits = await call('search.query', { text: 'リハーサル' });
    expect(new Set(found(hits))).toEqual(new Set([`wbs_task:${task.id}`, `change:${change.id}`, `risk:${risk.id}`, `meeting:${meeting.id}`]));
    // The title match ranks first.
    expect(found(hits)[0]).toBe(`wbs_task:${task.id}`);
    expect(hits.find((h) => h.kind === 'risk')!.snippet).toContain('リハーサル2回目');
    expect(found(await call('search.query', { text: 'リハーサル', projectId: q })).sort()).toEqual([`change:${change.id}`, `risk:${risk.id}`].sort());
    // An ID is found as typed, and ranks above a row that only mentions it.
    await call('issue.create', { projectId: q, values: { title: 'C-001 の承認待ち' } });
    expect(found(await call('search.query', { text: 'C-001', projectId: q }))[0]).toBe(`change:${change.id}`);
    expect((await call('search.query', { text: 'リハーサル', limit: 2 })).length).toBe(2);
    ws.close();
  });

  it('ranks a 2-character word found in the title before one found in the text, newest first', async () => {
    const { ws, call, p } = await setup();
    const inText = await call('issue.create', { projectId: p, values: { title: '請求書の確認', detail: '帳票の様式' } });
    const older = await call('issue.create', { projectId: p, values: { title: '帳票レイアウト' } });
    const newer = await call('issue.create', { projectId: p, values: { title: '月次帳票' } });
    expect(found(await call('search.query', { text: '帳票' }))).toEqual([`issue:${newer.id}`, `issue:${older.id}`, `issue:${inText.id}`]);
    expect(found(await call('search.query', { text: '帳票', limit: 1 }))).toEqual([`issue:${newer.id}`]);
    // An ID holding the word comes first of all.
    const change = await call('change.create', { projectId: p, values: { ref: 'CR帳票', title: '追加' } });
    expect(found(await call('search.query', { text: '帳票' }))[0]).toBe(`change:${change.id}`);
    ws.close();
  });

  it('reads query text as words, never as FTS syntax', async () => {
    const { ws, call, p } = await setup();
    const r = await call('risk.create', { projectId: p, values: { title: '"AND" OR NEAR * 100% 完了_済' } });
    for (const text of ['"AND"', 'OR NEAR', '*', '100%', '%', '_済', 'and', '"'])
      expect(found(await call('search.query', { text })), text).toEqual([`risk:${r.id}`]);
    expect(await call('search.query', { text: '50%' })).toEqual([]);
    await expect(call('search.query', { text: '   ' })).rejects.toMatchObject({ code: 'VALIDATION' });
    ws.close();
  });

  it('follows edits, undo and redo, deletes and a deleted project', async () => {
    const { ws, call, p } = await setup();
    const issue = await call('issue.create', { projectId: p, values: { title: '帳票の文字化け' } });
    await call('issue.update', { id: issue.id, patch: { title: '帳票の改ページ', resolution: '未解決課題として継続' } });
    expect(await call('search.query', { text: '文字化け' })).toEqual([]);
    expect(found(await call('search.query', { text: '改ページ' }))).toEqual([`issue:${issue.id}`]);
    expect(found(await call('search.query', { text: '課題' }))).toEqual([`issue:${issue.id}`]);

    await call('history.undo', { projectId: p });
    expect(found(await call('search.query', { text: '文字化け' }))).toEqual([`issue:${issue.id}`]);
    expect(await call('search.query', { text: '課題' })).toEqual([]);
    await call('history.redo', { projectId: p });
    expect(found(await call('search.query', { text: '改ページ' }))).toEqual([`issue:${issue.id}`]);

    const parent = await call('wbs.create', { projectId: p, values: { name: '結合テスト' } });
    const child = await call('wbs.create', { projectId: p, parentId: parent.id, values: { name: '結合テスト準備' } });
    await call('wbs.delete', { id: parent.id }); // the child goes with it (a cascade)
    expect(await call('search.query', { text: '結合テスト' })).toEqual([]);
    await call('history.undo', { projectId: p });
    expect(new Set(found(await call('search.query', { text: '結合テスト' })))).toEqual(new Set([`wbs_task:${parent.id}`, `wbs_task:${child.id}`]));

    await call('issue.delete', { id: issue.id });
    expect(await call('search.query', { text: '改ページ' })).toEqual([]);
    await call('project.delete', { id: p });
    expect(await call('search.query', { text: '結合' })).toEqual([]);
    expect(ws.db.sqlite.prepare('SELECT count(*) FROM search_text').pluck().get()).toBe(0);
    indexConsistent(ws.db);
    ws.close();
  });

  it('finds the rows an Excel import wrote, and loses them when the import is undone', async () => {
    const { ws, call, p } = await setup();
    const file = await workbook([{ name: '課題管理表', rows: [['No', '課題名', '担当者', '備考'], [1, '未解決課題の一覧化', '山田', '顧客確認中'], [2, 'ログ保管期間', '佐藤', null]] }]);
    const preview = await call('excel.previewImport', { projectId: p, register: 'issue', fileName: '課題.xlsx', dataBase64: file.toString('base64') });
    await call('excel.applyImport', { previewId: preview.previewId });
    const hits = await call('search.query', { text: '課題' });
    expect(hits.map((h) => h.title)).toEqual(['未解決課題の一覧化']);
    // A client column without a field (備考) is searched too.
    expect((await call('search.query', { text: '顧客確認' })).map((h) => h.title)).toEqual(['未解決課題の一覧化']);
    await call('history.undo', { projectId: p });
    expect(await call('search.query', { text: '課題' })).toEqual([]);
    indexConsistent(ws.db);
    ws.close();
  });

  it('finds a restored project’s rows again', async () => {
    const { ws, call } = await setup();
    const a = await seedProject(call, 'A');
    const backup = await call('backup.create', {});
    await call('risk.create', { projectId: a, values: { title: 'A 追加リスク' } });
    await call('project.delete', { id: a });
    expect(await call('search.query', { text: '要員不足' })).toEqual([]);
    await call('backup.restore', { id: backup.id, projectId: a });
    expect((await call('search.query', { text: '要員不足' })).map((h) => h.projectId)).toEqual([a]);
    expect(await call('search.query', { text: '追加リスク' })).toEqual([]);
    indexConsistent(ws.db);
    ws.close();
  });
});

/** The index as a batch left it equals the index written anew from the rows (reindex). */
function indexMatchesRows(db: Db): void {
  const all = () => db.sqlite.prepare('SELECT id, kind, project_id, row_id, ref, title, body FROM search_text ORDER BY id').all();
  const gramsOf = (word: string) => searchRows(db, word, { limit: 100 }).map((h) => `${h.kind}:${h.id}`);
  const kept = all();
  const words = ['課題', '計画', 'テス', '1.', '.2'];
  const found = words.map(gramsOf);
  reindex(db);
  expect(kept).toEqual(all());
  expect(found).toEqual(words.map(gramsOf));
  indexConsistent(db);
  db.sqlite.prepare("INSERT INTO search_grams(search_grams) VALUES ('integrity-check')").run();
}

describe('search index kept by the batch', () => {
  it('finds a WBS task by its code as the grid shows it, renumbered when rows move, insert or go, and back on undo', async () => {
    const { ws, call, p } = await setup();
    const phase = await call('wbs.create', { projectId: p, values: { name: '要件定義' } });
    const a = await call('wbs.create', { projectId: p, parentId: phase.id, values: { name: '現行業務の調査' } });
    const b = await call('wbs.create', { projectId: p, parentId: phase.id, values: { name: '課題一覧の作成' } });
    const c = await call('wbs.create', { projectId: p, parentId: b.id, values: { name: 'ヒアリング' } });
    const codeOf = async (id: number) => (await call('wbs.rows', { projectId: p }).then(tasksOfTable)).find((t) => t.id === id)!.code;
    expect(await codeOf(c.id)).toBe('1.2.1');
    const first = async (text: string) => (await call('search.query', { text }))[0];
    expect(await first('1.2.1')).toMatchObject({ kind: 'wbs_task', id: c.id, ref: '1.2.1', title: 'ヒアリング' });
    // The code equal to the word comes before codes that hold it (1.2 in 1.2.1).
    expect(await first('1.2')).toMatchObject({ id: b.id, ref: '1.2' });
    // A task inserted above renumbers every later one, its subtasks too.
    await call('wbs.create', { projectId: p, beforeId: phase.id, values: { name: '企画' } });
    expect(await codeOf(c.id)).toBe('2.2.1');
    expect(await first('2.2.1')).toMatchObject({ id: c.id, ref: '2.2.1' });
    expect((await call('search.query', { text: '1.2.1' })).map((h) => h.id)).not.toContain(c.id);
    // Indent and a move.
    await call('wbs.indent', { ids: [b.id] });
    expect(await codeOf(c.id)).toBe('2.1.1.1');
    expect(await first('2.1.1.1')).toMatchObject({ id: c.id });
    await call('wbs.move', { ids: [phase.id], direction: 'up' });
    expect(await first('1.1.1.1')).toMatchObject({ id: c.id });
    indexMatchesRows(ws.db);
    // Undo steps back through every renumbering.
    for (const code of ['2.1.1.1', '2.2.1', '1.2.1']) {
      await call('history.undo', { projectId: p });
      expect(await codeOf(c.id)).toBe(code);
      expect(await first(code), code).toMatchObject({ id: c.id, ref: code });
    }
    await call('wbs.delete', { id: a.id });
    expect(await first('1.1.1')).toMatchObject({ id: c.id });
    indexMatchesRows(ws.db);
    ws.close();
  });

  it('finds a 2- or 1-character word through its index wherever it stands, with other words and a project', async () => {
    const { ws, call, p } = await setup();
    const q = (await call('project.create', { name: '物流' })).id;
    const end = await call('issue.create', { projectId: p, values: { title: '棚卸しの課題', detail: '計画' } });
    const ascii = await call('risk.create', { projectId: q, values: { title: 'DB 移行', description: 'v1.2 で ok' } });
    const both = await call('change.create', { projectId: q, values: { title: '計画変更', reason: '山田さん確認' } });
    expect(found(await call('search.query', { text: '課題' }))).toEqual([`issue:${end.id}`]);
    // In the title first, then in the text.
    expect(found(await call('search.query', { text: '計画' }))).toEqual([`change:${both.id}`, `issue:${end.id}`]);
    expect(found(await call('search.query', { text: '計画', projectId: p }))).toEqual([`issue:${end.id}`]);
    expect(found(await call('search.query', { text: 'db' }))).toEqual([`risk:${ascii.id}`]);
    expect(found(await call('search.query', { text: '.2' }))).toEqual([`risk:${ascii.id}`]);
    expect(found(await call('search.query', { text: 'OK' }))).toEqual([`risk:${ascii.id}`]);
    expect(found(await call('search.query', { text: '山田 計画' }))).toEqual([`change:${both.id}`]);
    expect(found(await call('search.query', { text: '計画 確' }))).toEqual([`change:${both.id}`]);
    expect(await call('search.query', { text: '山田 課題' })).toEqual([]);
    // Two characters split by a line or a space in the text are not a word of the text.
    expect(await call('search.query', { text: 'Bv' })).toEqual([]);
    // A 1-character word through the same index, wherever it stands (at the end of a text too).
    expect(found(await call('search.query', { text: '題' }))).toEqual([`issue:${end.id}`]);
    expect(found(await call('search.query', { text: '確' }))).toEqual([`change:${both.id}`]);
    expect(found(await call('search.query', { text: 'K' }))).toEqual([`risk:${ascii.id}`]);
    expect(found(await call('search.query', { text: '画 更' }))).toEqual([`change:${both.id}`]);
    indexMatchesRows(ws.db);
    ws.close();
  });

  it('lists a word found in more rows than bm25 is worth newest first, those holding it in the ID or title ahead', async () => {
    const { ws, call, p } = await setup();
    const inTitle = await call('issue.create', { projectId: p, values: { title: '定例会議の議題整理' } });
    const many = RANKED_MAX + 20;
    const made = await call('issue.applyCells', {
      projectId: p,
      updates: [],
      creates: Array.from({ length: many }, (_, i) => ({ values: { title: `確認 ${i}`, detail: `定例会議で報告 ${i}${i % 100 === 0 ? ' 延期' : ''}` } })),
    });
    const newest = made.created.map((r) => r.id).sort((a, b) => b - a);
    const hits = found(await call('search.query', { text: '定例会議', limit: 5 }));
    expect(hits).toEqual([`issue:${inTitle.id}`, ...newest.slice(0, 4).map((id) => `issue:${id}`)]);
    // With another word, and a 2-character one filtering.
    expect(found(await call('search.query', { text: '定例会議 報告 延期', limit: 3 }))).toEqual(
      made.created.filter((r) => r.detail.endsWith('延期')).map((r) => r.id).sort((a, b) => b - a).slice(0, 3).map((id) => `issue:${id}`),
    );
    ws.close();
  });

  it('stays equal to the rows after paste, a bulk create, undo and redo, a meeting edit and a deleted project', async () => {
    const { ws, call, p } = await setup();
    const other = (await call('project.create', { name: '別案件' })).id;
    await seedProject(call, 'S');
    const made = await call('issue.applyCells', {
      projectId: p,
      updates: [],
      creates: Array.from({ length: 50 }, (_, i) => ({ values: { title: `定例確認 ${i}`, owner: i % 2 ? '佐藤' : '山田' } })),
    });
    await call('issue.applyCells', { projectId: p, updates: made.created.slice(0, 10).map((r) => ({ id: r.id, patch: { title: `帳票 ${r.id}` } })) });
    const m = await call('meeting.create', { projectId: other, values: { title: '第1回 定例', agenda: [{ title: '移行計画', notes: '判定基準' }] } });
    await call('meeting.update', { id: m.id, patch: { title: '第1回 移行定例' } });
    indexMatchesRows(ws.db);
    await call('history.undo', { projectId: p });
    await call('history.undo', { projectId: p });
    indexMatchesRows(ws.db);
    await call('history.redo', { projectId: p });
    indexMatchesRows(ws.db);
    await call('project.delete', { id: other });
    expect(await call('search.query', { text: '判定' })).toEqual([]);
    indexMatchesRows(ws.db);
    ws.close();
  });
});

describe('search index of a large batch, written after it commits', () => {
  // More rows than a batch indexes inline: the apply writes them down, an idle job or the next search indexes them.
  const ROWS = DEFER_INDEX_ROWS + 500;
  let file: Buffer;
  beforeAll(async () => {
    file = await japaneseWbs(ROWS);
  });
  const importWbs = async (call: ReturnType<typeof inProcessCaller>, projectId: number) => {
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: file.toString('base64') });
    await call('excel.applyImport', { previewId: preview.previewId });
  };
  // Row 5,495 of the file: 単体テスト 5495（画面・帳票）, one task of its name.
  const named = (hits: { title: string }[]) => hits.map((h) => h.title);

  it('finds the imported rows right after the apply, and loses them right after the undo', async () => {
    const { ws, call, p } = await setup();
    await importWbs(call, p);
    expect(getSetting(ws.db, PENDING_KEY)).not.toBeNull();
    expect(named(await call('search.query', { text: '5495（画面' }))).toEqual(['単体テスト 5495（画面・帳票）']);
    expect(getSetting(ws.db, PENDING_KEY)).toBeNull();
    indexMatchesRows(ws.db);

    await call('history.undo', { projectId: p });
    expect(getSetting(ws.db, PENDING_KEY)).not.toBeNull();
    expect(await call('search.query', { text: '5495（画面' })).toEqual([]);
    expect(ws.db.sqlite.prepare('SELECT count(*) FROM search_text').pluck().get()).toBe(0);
    await call('history.redo', { projectId: p });
    expect(named(await call('search.query', { text: '単体テスト 5495' }))).toEqual(['単体テスト 5495（画面・帳票）']);
    indexMatchesRows(ws.db);
    ws.close();
  });

  it('is written by the idle job without a search, and after a quit by the next open', async () => {
    const { ws, call, p } = await setup();
    await importWbs(call, p);
    await expect.poll(() => getSetting(ws.db, PENDING_KEY), { timeout: 30_000, interval: 50 }).toBeNull();
    expect(ws.db.sqlite.prepare("SELECT count(*) FROM search_text WHERE kind = 'wbs_task'").pluck().get()).toBe(ROWS);
    indexConsistent(ws.db);

    // Quit before the job ran: what is written down is indexed after the next open.
    const q = (await call('project.create', { name: '二つ目' })).id;
    await importWbs(call, q);
    ws.close();
    const again = tempWorkspace(ws.dir);
    await expect.poll(() => getSetting(again.db, PENDING_KEY), { timeout: 30_000, interval: 50 }).toBeNull();
    expect(again.db.sqlite.prepare("SELECT count(*) FROM search_text WHERE kind = 'wbs_task'").pluck().get()).toBe(2 * ROWS);
    indexMatchesRows(again.db);
    again.close();
  });

  it('keeps a deleted project out, and its rows found again once the delete is undone', async () => {
    const { ws, call, p } = await setup();
    await importWbs(call, p);
    // The delete and its undo both written down before any search: indexed together, the rows stay found.
    await call('project.delete', { id: p });
    await call('history.undo', { projectId: p });
    expect(named(await call('search.query', { text: '5495（画面' }))).toEqual(['単体テスト 5495（画面・帳票）']);
    indexMatchesRows(ws.db);
    await call('history.redo', { projectId: p });
    expect(await call('search.query', { text: '5495（画面' })).toEqual([]);
    expect(ws.db.sqlite.prepare('SELECT count(*) FROM search_text').pluck().get()).toBe(0);
    ws.close();
  });
});

describe('search index: what a batch must index again', () => {
  it('skips an update that changes no searched field (a reschedule\'s dates), never one that does, a create or a delete', () => {
    const t = new SearchTouches();
    t.note('wbs_task', 1, 'update', { plannedStart: '2025-04-01', plannedFinish: '2025-04-03' });
    t.note('issue', 2, 'update', { status: 'done', dueDate: '2025-04-01' });
    expect(t.empty).toBe(true);
    t.note('wbs_task', 3, 'update', { plannedStart: '2025-04-01', name: '設計' });
    t.note('risk', 4, 'update', { responsePlan: '代替要員' });
    t.note('issue', 5, 'update', { extra: { 区分: '帳票' } });
    t.note('wbs_task', 6, 'create', { plannedStart: '2025-04-01' });
    t.note('wbs_task', 7, 'delete', null);
    expect([...t.rows.entries()].map(([k, ids]) => [k, [...ids]])).toEqual([
      ['wbs_task', [3, 6, 7]],
      ['risk', [4]],
      ['issue', [5]],
    ]);
  });

  it('stays equal to the rows when an edit reschedules automatic tasks, a name changes and both are undone', async () => {
    const { ws, call, p } = await setup();
    const a = await call('wbs.create', { projectId: p, values: { name: '要件定義', plannedStart: '2025-04-01', plannedFinish: '2025-04-03' } });
    const b = await call('wbs.create', { projectId: p, values: { name: '基本設計', scheduling: 'auto', duration: 2 } });
    await call('dependency.create', { projectId: p, predecessorId: a.id, successorId: b.id });
    await call('wbs.update', { id: a.id, patch: { plannedFinish: '2025-04-08' } });
    await call('wbs.update', { id: b.id, patch: { name: '詳細設計' } });
    indexMatchesRows(ws.db);
    expect(found(await call('search.query', { text: '詳細' }))).toEqual([`wbs_task:${b.id}`]);
    await call('history.undo', { projectId: p });
    await call('history.undo', { projectId: p });
    indexMatchesRows(ws.db);
    expect(await call('search.query', { text: '詳細' })).toEqual([]);
    ws.close();
  });
});

describe('every register of the descriptors’ list', () => {
  it('is searched: a deliverable by its ID, name and notes, kept in step by its writes and undo', async () => {
    const { ws, call, p } = await setup();
    const d = await (call as (m: string, a: unknown) => Promise<{ id: number; ref: string }>)('deliverable.create', {
      projectId: p,
      values: { title: '基本設計書', phase: '基本設計', owner: '山田', notes: '未解決課題の一覧を添付する' },
    });
    for (const word of ['基本設計書', '課題', d.ref, '添付'])
      expect(found(await call('search.query', { text: word })), word).toContain(`deliverable:${d.id}`);
    expect((await call('search.query', { text: '基本設計書' }))[0]).toMatchObject({ kind: 'deliverable', id: d.id, ref: d.ref, title: '基本設計書' });
    indexMatchesRows(ws.db);
    await call('history.undo', { projectId: p });
    expect(await call('search.query', { text: '基本設計書' })).toEqual([]);
    indexMatchesRows(ws.db);
    ws.close();
  });
});

describe('search migration', () => {
  it('writes the keys again over an index of the older eight-kind keys (room for more registers)', async () => {
    const { ws, call, p } = await setup();
    const issue = await call('issue.create', { projectId: p, values: { title: '未解決課題' } });
    const risk = await call('risk.create', { projectId: p, values: { title: '要員不足' } });
    const db = ws.db;
    // The index as version 5 left it: row id * 8 + the kind's number.
    db.sqlite.prepare(`UPDATE search_text SET id = (id / ${KEY_KINDS}) * 8 + id % ${KEY_KINDS}`).run();
    db.sqlite.prepare('UPDATE settings SET value = ? WHERE key = ?').run('5', SEARCH_INDEX_KEY);
    expect(reindexOnce(db)).toBe(2);
    const ids = (db.sqlite.prepare('SELECT id FROM search_text ORDER BY id').pluck().all() as number[]).sort((a, b) => a - b);
    expect(ids).toEqual([searchKey('issue', issue.id), searchKey('risk', risk.id)].sort((a, b) => a - b));
    expect(found(await call('search.query', { text: '課題' }))).toEqual([`issue:${issue.id}`]);
    indexConsistent(db);
    ws.close();
  });


  it('indexes the rows a file from before the search migration holds', () => {
    const dir = path.join(tempDir('pmo-mig-'), 'migrations');
    fs.cpSync(MIGRATIONS, dir, { recursive: true });
    const journalFile = path.join(dir, 'meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    const at = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith('_search_index'));
    journal.entries = journal.entries.slice(0, at);
    fs.writeFileSync(journalFile, JSON.stringify(journal));

    const file = path.join(tempDir(), 'w.sqlite');
    const old = openDatabase(file, { migrationsFolder: dir });
    old.sqlite.prepare("INSERT INTO projects (name) VALUES ('旧')").run();
    old.sqlite.prepare("INSERT INTO issues (project_id, ref, title, extra) VALUES (1, 'I-001', '未解決課題', '{\"備考\":\"旧ファイル\"}')").run();
    old.sqlite.prepare("INSERT INTO meetings (project_id, title, body) VALUES (1, '定例', '{\"decisions\":[{\"text\":\"本番移行は延期\",\"agendaIndex\":null}]}')").run();
    old.close();

    const db = openDatabase(file, { migrationsFolder: MIGRATIONS });
    // What the workspace does when it opens a file: the index is written once.
    expect(reindexOnce(db)).toBe(2);
    expect(reindexOnce(db)).toBe(0);
    expect(searchRows(db, '課題').map((h) => [h.kind, h.ref, h.title])).toEqual([['issue', 'I-001', '未解決課題']]);
    expect(searchRows(db, '旧ファイル').map((h) => h.kind)).toEqual(['issue']);
    expect(searchRows(db, '移行は延期').map((h) => [h.kind, h.title])).toEqual([['meeting', '定例']]);
    indexConsistent(db);
    db.close();
  });
});
