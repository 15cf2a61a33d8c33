// WBS statuses stored before they followed the data are recomputed once when the workspace opens (and
// when a project comes back from a backup of that age), in one transaction and without an undo step:
// leaves move forward to what their data says, statuses set by hand ahead of the data stay, summaries
// take their children's rolled-up status.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { STATUS_SYNC_KEY } from '../../electron/core/services/wbs-status-sync.js';
import { inProcessCaller, tempDir, tempWorkspace } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

/** A project as an older version left it: statuses never derived, summaries never rolled up. */
function staleProject(sqlite: Database.Database): Record<string, number> {
  const project = Number(sqlite.prepare("INSERT INTO projects (name) VALUES ('旧データ')").run().lastInsertRowid);
  const task = sqlite.prepare(
    'INSERT INTO wbs_tasks (project_id, parent_id, position, name, progress, actual_start, actual_finish, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const add = (parent: number | null, pos: number, name: string, progress: number, start: string | null, finish: string | null, status: string) =>
    Number(task.run(project, parent, pos, name, progress, start, finish, status).lastInsertRowid);
  const phase = add(null, 1, '設計', 0, null, null, 'not_started');
  const ids: Record<string, number> = {
    project,
    phase,
    full: add(phase, 1, '100 % 済み', 100, null, null, 'not_started'),
    finished: add(phase, 2, '実績終了あり', 60, '2025-04-01', '2025-04-10', 'in_progress'),
    started: add(phase, 3, '実績開始のみ', 0, '2025-04-02', null, 'not_started'),
    held: add(phase, 4, '保留中', 50, '2025-04-02', null, 'on_hold'),
    ahead: add(phase, 5, '手で完了', 0, null, null, 'done'),
    idle: add(phase, 6, '未着手のまま', 0, null, null, 'not_started'),
    quiet: add(null, 2, '運用', 0, null, null, 'in_progress'),
  };
  add(ids.quiet!, 1, '運用準備', 0, null, null, 'not_started');
  return ids;
}

const statuses = (sqlite: Database.Database, project: number) =>
  Object.fromEntries((sqlite.prepare('SELECT name, status FROM wbs_tasks WHERE project_id = ? ORDER BY id').all(project) as { name: string; status: string }[]).map((r) => [r.name, r.status]));

describe('stored WBS statuses', () => {
  it('are recomputed once when a workspace from before derivation opens, with no undo step', async () => {
    const dir = tempDir();
    const first = tempWorkspace(dir);
    const ids = staleProject(first.db.sqlite);
    // What an older version's file lacks: the mark that statuses follow the data.
    first.db.sqlite.prepare('DELETE FROM settings WHERE key = ?').run(STATUS_SYNC_KEY);
    const auditBefore = first.db.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
    first.close();

    const ws = tempWorkspace(dir);
    expect(statuses(ws.db.sqlite, ids.project!)).toEqual({
      設計: 'in_progress',
      '100 % 済み': 'done',
      実績終了あり: 'done',
      実績開始のみ: 'in_progress',
      保留中: 'on_hold',
      手で完了: 'done',
      未着手のまま: 'not_started',
      運用: 'not_started', // a summary's stored 対応中 was never rolled up from its one idle child
      運用準備: 'not_started',
    });
    expect(ws.db.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore);
    const call = inProcessCaller(ws);
    expect(await call('history.state', { projectId: ids.project! })).toMatchObject({ canUndo: false });

    // A status set by hand since (back to 未着手, progress kept) is the user's: the next open keeps it.
    await call('wbs.update', { id: ids.started!, patch: { status: 'not_started' } });
    ws.close();
    const again = tempWorkspace(dir);
    expect(statuses(again.db.sqlite, ids.project!)['実績開始のみ']).toBe('not_started');
    again.close();
  });

  it('are recomputed for a project restored from a backup made before derivation', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const backup = await call('backup.create', {});
    const file = path.join((await call('backup.settings', {})).folder, `${backup.id}.sqlite`);
    // Turn the backup into one an older version wrote: a stale project and no mark.
    const old = new Database(file);
    const ids = staleProject(old);
    old.prepare('DELETE FROM settings WHERE key = ?').run(STATUS_SYNC_KEY);
    old.close();
    await call('backup.restore', { id: backup.id, projectId: ids.project! });
    const tasks = await call('wbs.rows', { projectId: ids.project! }).then(tasksOfTable);
    expect(Object.fromEntries(tasks.map((t) => [t.name, t.status]))).toMatchObject({ 設計: 'in_progress', '100 % 済み': 'done', 実績開始のみ: 'in_progress', 手で完了: 'done', 保留中: 'on_hold' });
    ws.close();
  });

  it('leave a workspace that already follows the data as it is', async () => {
    const dir = tempDir();
    const first = tempWorkspace(dir);
    expect(first.db.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(STATUS_SYNC_KEY)).toBe('true');
    const ids = staleProject(first.db.sqlite); // rows a user could have made so, by hand
    first.close();
    const ws = tempWorkspace(dir);
    expect(statuses(ws.db.sqlite, ids.project!)['100 % 済み']).toBe('not_started');
    ws.close();
  });
});
