// Every mutation writes its audit rows in the same transaction, under one batch id.
import { describe, expect, it } from 'vitest';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { createTasks } from '../../electron/core/services/wbs.js';

interface AuditRow {
  batch_id: string;
  who: string;
  entity: string;
  entity_id: number;
  action: string;
  before: string | null;
  after: string | null;
  at: string;
}

function audit(ws: ReturnType<typeof tempWorkspace>): AuditRow[] {
  return ws.db.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
}

describe('audit trail', () => {
  it('records who, when, what, before and after for each mutation', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const p = await call('project.create', { name: 'P' });
    const t = await call('wbs.create', { projectId: p.id, values: { name: 'A' } });
    await call('wbs.update', { id: t.id, patch: { name: 'B', progress: 30, assignee: '' } });
    const rows = audit(ws);
    expect(rows.map((r) => [r.entity, r.action])).toEqual([
      ['project', 'create'],
      ['wbs_task', 'create'],
      ['wbs_task', 'update'],
    ]);
    const upd = rows[2]!;
    expect(upd.who).toBe('tester');
    expect(upd.entity_id).toBe(t.id);
    // Only the fields that changed: assignee was '' already; the status follows the progress (issue 12).
    expect(JSON.parse(upd.before!)).toEqual({ name: 'A', progress: 0, status: 'not_started' });
    expect(JSON.parse(upd.after!)).toEqual({ name: 'B', progress: 30, status: 'in_progress' });
    expect(new Date(upd.at).toString()).not.toBe('Invalid Date');
    expect(new Set(rows.map((r) => r.batch_id)).size).toBe(3);
    const batch = ws.db.sqlite.prepare('SELECT * FROM batches WHERE id = ?').get(upd.batch_id) as { label: string; project_id: number; who: string };
    expect(batch).toMatchObject({ label: 'wbs.update', project_id: p.id, who: 'tester' });
  });

  it('writes nothing for an edit that changes nothing', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const p = await call('project.create', { name: 'P' });
    const t = await call('wbs.create', { projectId: p.id, values: { name: 'A' } });
    const before = audit(ws).length;
    await call('wbs.update', { id: t.id, patch: { name: 'A' } });
    expect(audit(ws)).toHaveLength(before);
    expect(ws.db.sqlite.prepare('SELECT count(*) FROM batches').pluck().get()).toBe(before);
  });

  it('keeps every row of a deleted subtree, children first, in one batch', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const p = await call('project.create', { name: 'P' });
    const a = await call('wbs.create', { projectId: p.id, values: { name: 'A' } });
    const a1 = await call('wbs.create', { projectId: p.id, parentId: a.id, values: { name: 'A1', assignee: '佐藤' } });
    await call('wbs.delete', { id: a.id });
    const deletes = audit(ws).filter((r) => r.action === 'delete');
    expect(deletes.map((r) => r.entity_id)).toEqual([a1.id, a.id]);
    expect(new Set(deletes.map((r) => r.batch_id)).size).toBe(1);
    expect(JSON.parse(deletes[0]!.before!)).toMatchObject({ name: 'A1', assignee: '佐藤', parentId: a.id });
  });

  it('writes a batch of rows and its audit atomically: a failure leaves nothing', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const p = await call('project.create', { name: 'P' });
    const before = audit(ws).length;
    // The third task names a parent that does not exist: the whole batch must roll back.
    expect(() =>
      createTasks(ws.db, { user: 'tester' }, p.id, [{ values: { name: 'x' } }, { values: { name: 'y' } }, { parentId: 999, values: { name: 'z' } }]),
    ).toThrow(/999/);
    expect(ws.db.sqlite.prepare('SELECT count(*) FROM wbs_tasks').pluck().get()).toBe(0);
    expect(audit(ws)).toHaveLength(before);
  });
});
