// Two administrators editing the same cell (issue 17, many writers), on a SQLite workspace (two callers
// of one workspace) and on PostgreSQL (two workspaces on one database, as two PMO Desks): an edit that
// began from a value the other has since changed is refused with CONFLICT carrying both values and who
// changed it; nothing is overwritten, and the refused one's value goes in once its author chooses it.
// Edits of different cells of one row both stay.
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import { ApiError } from '../../electron/common/errors.js';
import { isStale } from '../../electron/common/stale-edit.js';
import { PG_SKIP } from '../helpers/pg-cluster.js';
import { tempPgDatabase } from '../helpers/pg-workspace.js';
import { MIGRATIONS, tempDir, tempWorkspace } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

type Caller = (method: string, args: unknown) => Promise<any>;
const opened: Workspace[] = [];
afterAll(() => opened.forEach((w) => w.close()));

const caller = (ws: Workspace, user: string): Caller => async (method, args) => {
  const env = await ws.handlers.invoke(method, args, { user, client: user });
  if (!env.ok) throw ApiError.from(env.error);
  return env.result;
};

/** Two callers of one workspace, and the database login they write as (a SQLite file has none). */
async function twoAdministrators(engine: 'sqlite' | 'postgres'): Promise<[Caller, Caller, string | null]> {
  if (engine === 'sqlite') {
    const ws = tempWorkspace();
    opened.push(ws);
    return [caller(ws, 'yamada'), caller(ws, 'suzuki'), null];
  }
  const database = await tempPgDatabase();
  const [a, b] = ['yamada', 'suzuki'].map((user) => openWorkspace(tempDir(), { migrationsFolder: MIGRATIONS, postgres: { database }, context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user } }));
  opened.push(a!, b!);
  return [caller(a!, 'yamada'), caller(b!, 'suzuki'), database.user];
}

const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).code).toBe('CONFLICT');
  expect(isStale((err as ApiError).details)).toBe(true);
  return err as ApiError;
};

const ENGINES: ('sqlite' | 'postgres')[] = ['sqlite', ...(PG_SKIP ? [] : ['postgres' as const])];

describe.each(ENGINES)('the same cell edited by two administrators (%s)', (engine) => {
  it('WBS: the later edit from the old value is refused with both values; nothing is lost', async () => {
    const [yamada, suzuki] = await twoAdministrators(engine);
    const p = await yamada('project.create', { name: '共有案件' });
    const { id } = await yamada('wbs.create', { projectId: p.id, values: { name: '要件定義', assignee: '' } });
    // Both grids show 要件定義; yamada writes first.
    await yamada('wbs.update', { id, patch: { name: '要件定義（確定）' }, expected: { name: '要件定義' } });
    const err = await refusal(suzuki('wbs.update', { id, patch: { name: '要件定義v2' }, expected: { name: '要件定義' } }));
    expect(err.details).toMatchObject({ entity: 'wbs_task', rows: [{ id, who: 'yamada', cells: [{ field: 'name', was: '要件定義', theirs: '要件定義（確定）', yours: '要件定義v2' }] }] });
    expect((await suzuki('wbs.rows', { projectId: p.id }).then(tasksOfTable))[0]!.name).toBe('要件定義（確定）');
    // Another cell of the same row is no conflict.
    await suzuki('wbs.update', { id, patch: { assignee: '鈴木' }, expected: { assignee: '' } });
    // suzuki chooses their own value: sent again from the value now shown.
    await suzuki('wbs.update', { id, patch: { name: '要件定義v2' }, expected: { name: '要件定義（確定）' } });
    const [task] = await yamada('wbs.rows', { projectId: p.id }).then(tasksOfTable);
    expect([task!.name, task!.assignee]).toEqual(['要件定義v2', '鈴木']);
    // The refused write left no trace: the history is yamada's edit, suzuki's two.
    const history = await yamada('history.row', { entity: 'wbs_task', id });
    expect(history.filter((h: { batchLabel: string }) => h.batchLabel === 'wbs.update').map((h: { who: string }) => h.who)).toEqual(['suzuki', 'suzuki', 'yamada']);
  }, 60_000);

  it('the history names the database role that wrote each batch, besides the name the PMO Desk gave', async () => {
    const [yamada, suzuki, role] = await twoAdministrators(engine);
    const p = await yamada('project.create', { name: '共有案件' });
    const { id } = await yamada('wbs.create', { projectId: p.id, values: { name: '要件定義' } });
    const { seq } = await suzuki('history.since', {});
    await suzuki('wbs.update', { id, patch: { name: '要件定義（確定）' } });
    await suzuki('history.undo', { projectId: p.id });
    const history = await yamada('history.row', { entity: 'wbs_task', id });
    // PostgreSQL's current_user, written by the server (the test cluster's login, not yamada or suzuki); none in a file.
    expect(history.map((h: { who: string; role: string | null; kind: string }) => [h.kind, h.who, h.role])).toEqual([
      ['undo', 'suzuki', role],
      ['edit', 'suzuki', role],
      ['edit', 'yamada', role],
    ]);
    if (engine === 'postgres') expect(role).toBe('pmo_test');
    const since = await yamada('history.since', { after: seq });
    expect(since.batches.map((b: { who: string; role: string | null }) => [b.who, b.role])).toEqual([
      ['suzuki', role],
      ['suzuki', role],
    ]);
  }, 60_000);

  it('registers: update and a paste (applyCells) from old values are refused whole', async () => {
    const [yamada, suzuki] = await twoAdministrators(engine);
    const p = await yamada('project.create', { name: '共有案件' });
    const r = await yamada('risk.create', { projectId: p.id, values: { title: 'ベンダー遅延', owner: '' } });
    const other = await yamada('risk.create', { projectId: p.id, values: { title: '要員不足' } });
    await yamada('risk.update', { id: r.id, patch: { owner: '山田' }, expected: { owner: '' } });
    const err = await refusal(suzuki('risk.update', { id: r.id, patch: { owner: '鈴木' }, expected: { owner: '' } }));
    expect(err.details).toMatchObject({ entity: 'risk', rows: [{ id: r.id, who: 'yamada', cells: [{ field: 'owner', theirs: '山田', yours: '鈴木' }] }] });
    await refusal(
      suzuki('risk.applyCells', { projectId: p.id, updates: [{ id: other.id, patch: { title: '要員不足（PM）' }, expected: { title: '要員不足' } }, { id: r.id, patch: { owner: '鈴木' }, expected: { owner: '' } }] }),
    );
    const rows = await yamada('risk.list', { projectId: p.id });
    expect(rows.map((x: { title: string; owner: string }) => [x.title, x.owner])).toEqual([
      ['ベンダー遅延', '山田'],
      ['要員不足', ''],
    ]);
  }, 60_000);

  it('a WBS paste from old values is refused cell by cell, naming who changed each; nothing of it is written', async () => {
    const [yamada, suzuki] = await twoAdministrators(engine);
    const p = await yamada('project.create', { name: '共有案件' });
    const a = await yamada('wbs.create', { projectId: p.id, values: { name: '基本設計', assignee: '' } });
    const b = await yamada('wbs.create', { projectId: p.id, values: { name: '詳細設計', assignee: '' } });
    const c = await yamada('wbs.create', { projectId: p.id, values: { name: '実装', assignee: '' } });
    // yamada changes the assignee of a, then suzuki the name of c (the newest change of c's row): each is named for its own cell.
    await yamada('wbs.update', { id: a.id, patch: { assignee: '山田' } });
    await suzuki('wbs.update', { id: c.id, patch: { assignee: '佐藤' } });
    await yamada('wbs.update', { id: c.id, patch: { notes: 'メモ' } });
    // suzuki's page still showed the three rows as created, and pastes a column of assignees over them.
    const paste = [a, b, c].map((t, i) => ({ id: t.id, patch: { assignee: `担当${i}` }, expected: { assignee: '' } }));
    const err = await refusal(yamada('wbs.applyCells', { projectId: p.id, updates: paste }));
    expect(err.details).toMatchObject({
      entity: 'wbs_task',
      rows: [
        { id: a.id, who: 'yamada', cells: [{ field: 'assignee', was: '', theirs: '山田', yours: '担当0' }] },
        { id: c.id, who: 'suzuki', cells: [{ field: 'assignee', was: '', theirs: '佐藤', yours: '担当2' }] },
      ],
    });
    expect(err.message).toMatch(/and 1 more cell/);
    const names = async () => (await suzuki('wbs.rows', { projectId: p.id }).then(tasksOfTable)).map((t: { assignee: string }) => t.assignee);
    expect(await names()).toEqual(['山田', '', '佐藤']);
    // 相手の値を残す: the rest of the paste, without the refused cells.
    await yamada('wbs.applyCells', { projectId: p.id, updates: [paste[1]] });
    expect(await names()).toEqual(['山田', '担当1', '佐藤']);
    // 自分の値で上書き: sent again from the colleague's values now shown.
    await yamada('wbs.applyCells', { projectId: p.id, updates: [{ ...paste[0], expected: { assignee: '山田' } }, { ...paste[2], expected: { assignee: '佐藤' } }] });
    expect(await names()).toEqual(['担当0', '担当1', '担当2']);
  }, 60_000);

  it('a register paste from old values is refused cell by cell; cells nobody changed since are no conflict', async () => {
    const [yamada, suzuki] = await twoAdministrators(engine);
    const p = await yamada('project.create', { name: '共有案件' });
    const r = await yamada('issue.create', { projectId: p.id, values: { title: '仕様の齟齬', owner: '' } });
    const s = await yamada('issue.create', { projectId: p.id, values: { title: '環境遅延', owner: '' } });
    await suzuki('issue.update', { id: s.id, patch: { title: '環境構築の遅延' } });
    const err = await refusal(
      yamada('issue.applyCells', {
        projectId: p.id,
        updates: [
          { id: r.id, patch: { owner: '山田', title: '仕様の齟齬（確認中）' }, expected: { owner: '', title: '仕様の齟齬' } },
          { id: s.id, patch: { owner: '山田', title: '環境遅延（対応中）' }, expected: { owner: '', title: '環境遅延' } },
        ],
      }),
    );
    expect(err.details).toMatchObject({ entity: 'issue', rows: [{ id: s.id, who: 'suzuki', cells: [{ field: 'title', theirs: '環境構築の遅延', yours: '環境遅延（対応中）' }] }] });
    expect((err.details as { rows: unknown[] }).rows).toHaveLength(1);
    const rows = await yamada('issue.list', { projectId: p.id });
    expect(rows.map((x: { title: string; owner: string }) => [x.title, x.owner])).toEqual([
      ['仕様の齟齬', ''],
      ['環境構築の遅延', ''],
    ]);
  }, 60_000);

  it('undo refuses, saying who, when a colleague has since changed the same rows; not for other rows', async () => {
    const [yamada, suzuki] = await twoAdministrators(engine);
    const p = await yamada('project.create', { name: '共有案件' });
    const phase = await yamada('wbs.create', { projectId: p.id, values: { name: '設計' } });
    const a = await yamada('wbs.create', { projectId: p.id, parentId: phase.id, values: { name: '基本設計' } });
    const b = await yamada('wbs.create', { projectId: p.id, parentId: phase.id, values: { name: '詳細設計' } });
    await yamada('wbs.update', { id: a.id, patch: { plannedEffort: 5 } });
    // suzuki's edit of a sibling rolls the phase's effort up: not a change of yamada's row.
    await suzuki('wbs.update', { id: b.id, patch: { plannedEffort: 3 } });
    expect(await yamada('history.undo', { projectId: p.id })).toMatchObject({ applied: true, label: 'wbs.update' });
    await yamada('history.redo', { projectId: p.id });
    // suzuki then changes yamada's own task: yamada's undo would take it back too, so it is refused.
    await suzuki('wbs.update', { id: a.id, patch: { assignee: '鈴木' } });
    const err = await yamada('history.undo', { projectId: p.id }).then(() => null, (e: ApiError) => e);
    expect(err).toMatchObject({ code: 'CONFLICT', text: { key: 'history.colleagueChanged', params: { who: 'suzuki' } }, details: { entity: 'wbs_task', id: a.id, who: 'suzuki' } });
    const task = (await yamada('wbs.rows', { projectId: p.id }).then(tasksOfTable)).find((t) => t.id === a.id)!;
    expect([task.plannedEffort, task.assignee]).toEqual([5, '鈴木']);
    // suzuki's own undo is theirs to take.
    expect(await suzuki('history.undo', { projectId: p.id })).toMatchObject({ applied: true });
  }, 60_000);

  it("a colleague's change that is gone again (their undo, or typed back) no longer blocks the undo", async () => {
    const [yamada, suzuki] = await twoAdministrators(engine);
    const p = await yamada('project.create', { name: '共有案件' });
    const a = await yamada('wbs.create', { projectId: p.id, values: { name: '基本設計', assignee: '' } });
    await yamada('wbs.update', { id: a.id, patch: { assignee: '山田' } });
    await suzuki('wbs.update', { id: a.id, patch: { assignee: '鈴木' } });
    const refused = await yamada('history.undo', { projectId: p.id }).then(() => null, (e: ApiError) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { entity: 'wbs_task', id: a.id, who: 'suzuki' } });
    await suzuki('history.undo', { projectId: p.id });
    expect(await yamada('history.undo', { projectId: p.id })).toMatchObject({ applied: true, label: 'wbs.update' });
    await yamada('history.redo', { projectId: p.id });
    // Typed back by hand: the row is as yamada's step left it.
    await suzuki('wbs.update', { id: a.id, patch: { notes: 'メモ' } });
    await suzuki('wbs.update', { id: a.id, patch: { notes: '' } });
    expect(await yamada('history.undo', { projectId: p.id })).toMatchObject({ applied: true, label: 'wbs.update' });
    const task = (await yamada('wbs.rows', { projectId: p.id }).then(tasksOfTable)).find((t) => t.id === a.id)!;
    expect([task.assignee, task.notes]).toEqual(['', '']);
  }, 60_000);

  it("undo refuses over a colleague's edit of a task's effort or dates: fields a summary rolls up, but this task is no summary", async () => {
    const [yamada, suzuki] = await twoAdministrators(engine);
    const p = await yamada('project.create', { name: '共有案件' });
    const a = await yamada('wbs.create', { projectId: p.id, values: { name: '基本設計' } });
    await yamada('wbs.update', { id: a.id, patch: { plannedEffort: 5 } });
    await suzuki('wbs.update', { id: a.id, patch: { plannedEffort: 8 } });
    const err = await yamada('history.undo', { projectId: p.id }).then(() => null, (e: ApiError) => e);
    expect(err).toMatchObject({ code: 'CONFLICT', details: { entity: 'wbs_task', id: a.id, who: 'suzuki' } });
    const task = (await yamada('wbs.rows', { projectId: p.id }).then(tasksOfTable)).find((t) => t.id === a.id)!;
    expect(task.plannedEffort).toBe(8);
  }, 60_000);
});
