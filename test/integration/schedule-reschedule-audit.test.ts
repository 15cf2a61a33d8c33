// A reschedule is audited as one row of its project (services/schedule.ts SCHEDULE_ENTITY), not one row
// per moved task: undo and redo put every date back, a task's history shows the reschedule, the undo's
// answer names the moved tasks, the portfolio's kept columns follow it, and the export writes the new
// dates and reads back unchanged.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { batchMarkByProject } from '../../electron/core/db/queries/progress.js';
import { readColumns } from '../../electron/core/progress/columns.js';
import { keptColumns, NO_BATCH } from '../../electron/core/progress/kept-columns.js';
import { SCHEDULE_ENTITY } from '../../electron/core/services/schedule.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { ApiError } from '../../electron/common/errors.js';
import { openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import { PG_SKIP } from '../helpers/pg-cluster.js';
import { tempPgDatabase } from '../helpers/pg-workspace.js';
import { MIGRATIONS, tempDir, tempWorkspace } from '../helpers/workspace.js';
import { expectRollUpsRight, seed, tableState, wbsWorkspace, type Spec } from './wbs-support.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

let close: (() => void) | undefined;
afterEach(() => close?.());
beforeAll(async () => {
  await buildReaderWorker();
});

/** Three phases of eight automatic tasks each, chained FS across the phases (24 tasks, 23 links). */
async function chain() {
  const ws = wbsWorkspace();
  close = () => ws.close();
  const p = await ws.call('project.create', { name: 'chain' });
  const specs: Spec[] = ['設計', '製造', '試験'].map((phase, k) => ({
    name: phase,
    children: Array.from({ length: 8 }, (_, i) => ({ name: `${phase}${i + 1}`, values: { scheduling: 'auto' as const, duration: 1 + (i % 3), ...(k === 0 && i === 0 && { plannedStart: '2025-04-01' }) } })),
  }));
  const ids = await seed(ws.call, p.id, specs);
  const leaves = specs.flatMap((s) => s.children!.map((c) => ids.get(c.name)!));
  for (let i = 1; i < leaves.length; i++) await ws.call('dependency.create', { projectId: p.id, predecessorId: leaves[i - 1]!, successorId: leaves[i]! });
  return { ws, call: ws.call, projectId: p.id, ids, leaves };
}

const auditOf = (ws: ReturnType<typeof wbsWorkspace>, batchId: string) =>
  ws.db.sqlite.prepare('SELECT entity, entity_id AS entityId FROM audit_log WHERE batch_id = ? ORDER BY id').all(batchId) as { entity: string; entityId: number }[];
const lastBatch = (ws: ReturnType<typeof wbsWorkspace>) => (ws.db.sqlite.prepare('SELECT id FROM batches ORDER BY rowid DESC LIMIT 1').pluck().get() as string);

describe('a reschedule audited as one row', () => {
  it('an edit that moves the whole chain writes its own row and one reschedule row; undo and redo put every date back', async () => {
    const { ws, call, projectId, ids, leaves } = await chain();
    const before = tableState(ws.db.sqlite, projectId);
    const listBefore = await call('wbs.rows', { projectId }).then(tasksOfTable);
    await call('wbs.update', { id: leaves[0]!, patch: { duration: 4 } });
    const after = tableState(ws.db.sqlite, projectId);
    const listAfter = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const moved = listAfter.filter((t) => t.plannedFinish !== listBefore.find((b) => b.id === t.id)!.plannedFinish);
    // Every task after the first, and all three phases.
    expect(moved.length).toBe(leaves.length - 1 + 3 + 1);
    expect(auditOf(ws, lastBatch(ws))).toEqual([
      { entity: 'wbs_task', entityId: leaves[0]! },
      { entity: SCHEDULE_ENTITY, entityId: projectId },
    ]);
    // The summaries roll up the moved dates, as a recompute from the leaves says.
    expectRollUpsRight(ws.db, projectId);
    expect(listAfter.find((t) => t.id === ids.get('試験'))!.plannedFinish).toBe(listAfter.find((t) => t.id === leaves.at(-1))!.plannedFinish);

    const undone = await call('history.undo', { projectId });
    expect(tableState(ws.db.sqlite, projectId)).toEqual(before);
    // The undo's answer patches the WBS screen with every task it moved back.
    expect(undone.entities).toContain('wbs_task');
    expect(undone.entities).not.toContain(SCHEDULE_ENTITY);
    expect(new Set(undone.wbs!.tasks.map((t) => t.id))).toEqual(new Set(moved.map((t) => t.id)));
    expect(undone.wbs!.tasks.map((t) => [t.id, t.plannedStart, t.plannedFinish])).toEqual(
      listBefore.filter((t) => moved.some((m) => m.id === t.id)).map((t) => [t.id, t.plannedStart, t.plannedFinish]),
    );
    await call('history.redo', { projectId });
    expect(tableState(ws.db.sqlite, projectId)).toEqual(after);
    await call('history.undo', { projectId });
    expect(tableState(ws.db.sqlite, projectId)).toEqual(before);
  });

  it('the row holds the moved ids once (in after), writes only the tasks whose dates changed, and an older row with the ids twice still undoes', async () => {
    const { ws, call, projectId, leaves } = await chain();
    const stamps = () => new Map((ws.db.sqlite.prepare('SELECT id, updated_at FROM wbs_tasks WHERE project_id = ?').raw().all(projectId) as [number, string][]));
    const listBefore = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const was = stamps();
    // The 12th task's duration: the eleven before it and the first phase keep their dates.
    await call('wbs.update', { id: leaves[11]!, patch: { duration: 3 } });
    const row = ws.db.sqlite.prepare('SELECT id, before, after FROM audit_log WHERE entity = ? ORDER BY id DESC LIMIT 1').get(SCHEDULE_ENTITY) as { id: number; before: string; after: string };
    const before = JSON.parse(row.before);
    const after = JSON.parse(row.after);
    expect(Object.keys(before)).toEqual(['plannedStart', 'plannedFinish']);
    expect(after.ids.length).toBeGreaterThan(0);
    expect(before.plannedStart).toHaveLength(after.ids.length);
    const listAfter = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const moved = listAfter.filter((t) => t.plannedFinish !== listBefore.find((b) => b.id === t.id)!.plannedFinish || t.plannedStart !== listBefore.find((b) => b.id === t.id)!.plannedStart);
    expect(new Set(after.ids)).toEqual(new Set(moved.map((t) => t.id)));
    // Nothing else was written: every other task keeps its updated_at.
    const now = stamps();
    const touched = [...now].filter(([id, at]) => at !== was.get(id)).map(([id]) => id);
    expect(new Set(touched)).toEqual(new Set([...after.ids, leaves[11]!]));
    // The undo's own row holds the ids once too, and redo reads it.
    await call('history.undo', { projectId });
    const inverse = ws.db.sqlite.prepare('SELECT before, after FROM audit_log WHERE entity = ? ORDER BY id DESC LIMIT 1').get(SCHEDULE_ENTITY) as { before: string; after: string };
    expect(Object.keys(JSON.parse(inverse.before))).toEqual(['plannedStart', 'plannedFinish']);
    expect(JSON.parse(inverse.after).ids).toEqual(after.ids);
    await call('history.redo', { projectId });
    expect((await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => [t.id, t.plannedStart, t.plannedFinish])).toEqual(listAfter.map((t) => [t.id, t.plannedStart, t.plannedFinish]));
    // A row written before the ids were kept once (ids in both) undoes as it did.
    await call('wbs.update', { id: leaves[11]!, patch: { duration: 1 } });
    const old = ws.db.sqlite.prepare('SELECT id, before, after FROM audit_log WHERE entity = ? ORDER BY id DESC LIMIT 1').get(SCHEDULE_ENTITY) as { id: number; before: string; after: string };
    ws.db.sqlite.prepare('UPDATE audit_log SET before = ? WHERE id = ?').run(JSON.stringify({ ids: JSON.parse(old.after).ids, ...JSON.parse(old.before) }), old.id);
    await call('history.undo', { projectId });
    expect((await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => [t.id, t.plannedStart, t.plannedFinish])).toEqual(listAfter.map((t) => [t.id, t.plannedStart, t.plannedFinish]));
  });

  it("a moved task's history shows the reschedule as a change of its dates, after the edit that caused it", async () => {
    const { call, projectId, ids, leaves } = await chain();
    const last = leaves.at(-1)!;
    const was = (await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.id === last)!;
    await call('wbs.update', { id: leaves[0]!, patch: { duration: 4 } });
    const now = (await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.id === last)!;
    const trail = await call('history.row', { entity: 'wbs_task', id: last });
    expect(trail[0]).toMatchObject({
      batchLabel: 'wbs.update',
      action: 'update',
      changes: [
        { field: 'plannedStart', before: was.plannedStart, after: now.plannedStart },
        { field: 'plannedFinish', before: was.plannedFinish, after: now.plannedFinish },
      ],
    });
    // A summary moved by the same reschedule shows it too; the edited task shows its own edit.
    expect((await call('history.row', { entity: 'wbs_task', id: ids.get('試験')! }))[0]).toMatchObject({ batchLabel: 'wbs.update', changes: [{ field: 'plannedStart' }, { field: 'plannedFinish' }] });
    // The edited task: its edit, and the reschedule that moved its own finish, in that batch.
    expect((await call('history.row', { entity: 'wbs_task', id: leaves[0]! })).slice(0, 2).map((e) => e.changes.map((c) => c.field))).toEqual([['plannedStart', 'plannedFinish'], ['duration']]);
    // The undo is in the trail too.
    await call('history.undo', { projectId });
    expect((await call('history.row', { entity: 'wbs_task', id: last }))[0]).toMatchObject({ kind: 'undo', changes: [{ field: 'plannedStart', after: was.plannedStart }, { field: 'plannedFinish', after: was.plannedFinish }] });
  });

  it("the portfolio's kept plan columns follow a reschedule, patched from its one row (not read anew)", async () => {
    const { ws, projectId, leaves, call } = await chain();
    const mark = () => batchMarkByProject(ws.db).get(projectId) ?? NO_BATCH;
    const kept = keptColumns(ws.db, projectId, mark());
    await call('wbs.update', { id: leaves[0]!, patch: { duration: 6 } });
    const patched = keptColumns(ws.db, projectId, mark());
    expect(patched).toBe(kept);
    const fresh = readColumns(ws.db, projectId);
    expect([...patched.plannedStart]).toEqual([...fresh.plannedStart]);
    expect([...patched.plannedFinish]).toEqual([...fresh.plannedFinish]);
    expect([...patched.id]).toEqual([...fresh.id]);
  });

  it('the export writes the moved dates, and the file reads back unchanged', async () => {
    const { call, projectId, leaves } = await chain();
    await call('wbs.update', { id: leaves[0]!, patch: { duration: 5 } });
    const list = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const out = await call('excel.export', { projectId, register: 'wbs', format: 'csv' });
    const text = Buffer.from(out.dataBase64, 'base64').toString('utf8');
    const last = list.find((t) => t.id === leaves.at(-1))!;
    expect(text).toContain(last.plannedFinish!.replaceAll('-', '/'));
    const xlsx = await call('excel.export', { projectId, register: 'wbs' });
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: xlsx.fileName, dataBase64: xlsx.dataBase64 });
    expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.status} ${JSON.stringify(r.changes ?? [])}`)).toEqual([]);
  });
});

describe.each(['sqlite', ...(PG_SKIP ? [] : ['postgres'])] as const)('a reschedule audited as one row, two users (%s)', (engine) => {
  it("undo puts back every date the reschedule moved; a colleague's later reschedule in the project does not block it; history shows it", async () => {
    const open = (ws: Workspace, user: string) => async (method: string, args: unknown): Promise<any> => {
      const env = await ws.handlers.invoke(method, args, { user, client: user });
      if (!env.ok) throw ApiError.from(env.error);
      return env.result;
    };
    let a: Workspace;
    let b: Workspace;
    if (engine === 'sqlite') {
      a = b = tempWorkspace();
    } else {
      const database = await tempPgDatabase();
      [a, b] = ['yamada', 'suzuki'].map((user) => openWorkspace(tempDir(), { migrationsFolder: MIGRATIONS, postgres: { database }, context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user } })) as [Workspace, Workspace];
    }
    close = () => [...new Set([a, b])].forEach((w) => w.close());
    const yamada = open(a, 'yamada');
    const suzuki = open(b, 'suzuki');
    const p = await yamada('project.create', { name: '共有案件' });
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((await yamada('wbs.create', { projectId: p.id, values: { name: `T${i}`, scheduling: 'auto', duration: 2, ...(i === 0 && { plannedStart: '2025-04-01' }) } })).id);
    // A manual task and an automatic one beside the chain, for suzuki to link later.
    const side = (await yamada('wbs.create', { projectId: p.id, values: { name: '外部', plannedStart: '2025-04-01', plannedFinish: '2025-04-02' } })).id;
    const after = (await yamada('wbs.create', { projectId: p.id, values: { name: '受入', scheduling: 'auto', duration: 1 } })).id;
    for (let i = 1; i < ids.length; i++) await yamada('dependency.create', { projectId: p.id, predecessorId: ids[i - 1], successorId: ids[i] });
    const dates = async () => (await yamada('wbs.rows', { projectId: p.id }).then(tasksOfTable)).map((t) => [t.id, t.plannedStart, t.plannedFinish]);
    const before = await dates();
    await yamada('wbs.update', { id: ids[0], patch: { duration: 5 } });
    const moved = await dates();
    expect(moved).not.toEqual(before);
    // suzuki links 受入 after 外部: a reschedule of the same project by another user, after yamada's.
    await suzuki('dependency.create', { projectId: p.id, predecessorId: side, successorId: after, lagDays: 1 });
    const linked = (await dates()).find((d: unknown[]) => d[0] === after);
    expect(linked).toEqual([after, '2025-04-04', '2025-04-04']);
    const trail = await yamada('history.row', { entity: 'wbs_task', id: ids.at(-1) });
    expect(trail[0]).toMatchObject({ who: 'yamada', batchLabel: 'wbs.update', changes: [{ field: 'plannedStart' }, { field: 'plannedFinish' }] });
    // yamada's undo is not refused (the reschedule only moved derived dates) and puts every date back.
    await yamada('history.undo', { projectId: p.id });
    expect(await dates()).toEqual(before.map((d: unknown[]) => (d[0] === after ? linked : d)));
    await yamada('history.redo', { projectId: p.id });
    expect(await dates()).toEqual(moved.map((d: unknown[]) => (d[0] === after ? linked : d)));

    // suzuki now fixes T3 by hand, one of the tasks yamada's reschedule moved: yamada's undo is refused,
    // naming suzuki, and T3 keeps the dates suzuki typed (review R6: they were overwritten silently).
    await suzuki('wbs.update', { id: ids[3], patch: { scheduling: 'manual', plannedStart: '2025-05-12', plannedFinish: '2025-05-16' } });
    const refused = await yamada('history.undo', { projectId: p.id }).then(
      () => null,
      (e: ApiError) => e,
    );
    expect(refused?.code).toBe('CONFLICT');
    expect(refused?.message).toContain('suzuki');
    const t3 = (await yamada('wbs.rows', { projectId: p.id }).then(tasksOfTable)).find((t) => t.id === ids[3])!;
    expect([t3.scheduling, t3.plannedStart, t3.plannedFinish]).toEqual(['manual', '2025-05-12', '2025-05-16']);
  });
});
