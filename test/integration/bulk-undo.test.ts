// Undo and redo replay a batch by runs of one entity and action (multi-row reads, deletes, inserts and
// audit rows). These tests hold the bulk path to what the row-by-row one did: snapshots made by SQLite
// equal the store's, a large import (its creates audited without snapshots) undoes and redoes exactly, and several updates of one row inside
// one batch are undone in order.
import { beforeAll, describe, expect, it } from 'vitest';
import { inBatch } from '../../electron/core/batch.js';
import { ENTITY_STORES, riskStore } from '../../electron/core/entities.js';
import { wbsStore } from '../../electron/core/services/wbs.js';
import type { ImportPreview } from '../../electron/common/excel/preview.js';
import { japaneseWbs } from '../fixtures/excel/xlsx.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { expectRollUpsRight, tableState, wbsWorkspace } from './wbs-support.js';

const auditOf = (w: ReturnType<typeof wbsWorkspace>, batchId: string) =>
  (w.db.sqlite.prepare("SELECT entity_id, action, before, after FROM audit_log WHERE batch_id = ? AND entity = 'wbs_task' ORDER BY id").all(batchId) as {
    entity_id: number;
    action: string;
    before: string | null;
    after: string | null;
  }[]).map((r) => ({ ...r, before: r.before && JSON.parse(r.before), after: r.after && JSON.parse(r.after) }));
const lastBatch = (w: ReturnType<typeof wbsWorkspace>) => w.db.sqlite.prepare('SELECT id FROM batches ORDER BY rowid DESC LIMIT 1').pluck().get() as string;

beforeAll(async () => {
  await buildReaderWorker();
});

describe('bulk undo and redo', () => {
  it('snapshots made by SQLite equal the store row without updatedAt, for every entity', async () => {
    const w = wbsWorkspace();
    const p = await w.call('project.create', { name: 'P' });
    const task = await w.call('wbs.create', { projectId: p.id, values: { name: '設計 "A"\n改行', milestone: true, plannedEffort: 2.5, plannedStart: '2025-04-01' } });
    await w.call('wbs.create', { projectId: p.id, parentId: task.id, values: { name: 'leaf', milestone: false } });
    w.db.sqlite.prepare(`UPDATE wbs_tasks SET extra = '{"列X":"値","n":1.5}' WHERE id = ?`).run(task.id);
    await w.call('risk.create', { projectId: p.id, values: { title: 'リスク', probability: 3 } });
    for (const [entity, store] of Object.entries(ENTITY_STORES)) {
      const rows = store.where(w.db, entity === 'project' ? 'id = ?' : 'project_id = ?', p.id);
      const snaps = store.snapshots(w.db, rows.map((r) => r.id));
      for (const row of rows) {
        const { updatedAt: _u, ...want } = row;
        expect(JSON.parse(snaps.get(row.id)!.text), `${entity} ${row.id}`).toEqual(want);
        // The whole snapshot (a project's delete keeps rows so) is the row, updatedAt included.
        const whole = w.db.sqlite.prepare(`SELECT ${store.fullSnapshotSql(w.db.sql.dialect)} FROM ${store.table} t WHERE t.id = ?`).pluck().get(row.id) as string;
        expect(JSON.parse(whole), `${entity} ${row.id} whole`).toEqual(row);
      }
    }
    expect(riskStore.where(w.db, 'project_id = ?', p.id)).toHaveLength(1);
    w.close();
  });

  it('undoes and redoes a 1,500-row import exactly, each step one batch of one audit row per task', async () => {
    const w = wbsWorkspace();
    const p = await w.call('project.create', { name: 'P' });
    await w.call('wbs.create', { projectId: p.id, values: { name: 'kept' } });
    const before = tableState(w.db.sqlite, p.id);
    const bytes = await japaneseWbs(1500);
    const preview = (await w.call('excel.previewImport', { projectId: p.id, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: bytes.toString('base64') })) as ImportPreview;
    const applied = await w.call('excel.applyImport', { previewId: preview.previewId });
    expect(applied.created).toBeGreaterThan(1400);
    const after = tableState(w.db.sqlite, p.id);
    const created = auditOf(w, applied.batchId!).filter((r) => r.action === 'create');
    // The import's rows as it created them (its create rows name them, without a snapshot: wbs.ts
    // insertTasks): as stored after it, each later update of the same batch (links made of 先行 text,
    // roll-ups) taken back, newest first.
    const imported = new Map([...wbsStore.snapshots(w.db, created.map((c) => c.entity_id))].map(([id, s]) => [id, JSON.parse(s.text) as Record<string, unknown>]));
    for (const u of auditOf(w, applied.batchId!).filter((r) => r.action === 'update').reverse()) Object.assign(imported.get(u.entity_id) ?? {}, u.before);
    expect(created.every((c) => c.after === null)).toBe(true);

    expect(await w.call('history.undo', { projectId: p.id })).toMatchObject({ applied: true, label: 'excel.import' });
    expect(tableState(w.db.sqlite, p.id)).toEqual(before);
    const undone = auditOf(w, lastBatch(w));
    expect(undone.filter((r) => r.action === 'delete')).toHaveLength(applied.created);
    // The undo keeps each deleted row whole, as the import left it (its roll-ups settled included).
    const byId = new Map(undone.map((r) => [r.entity_id, r.before]));
    for (const c of created) expect(byId.get(c.entity_id)).toEqual(imported.get(c.entity_id));

    expect(await w.call('history.redo', { projectId: p.id })).toMatchObject({ applied: true, label: 'excel.import' });
    expect(tableState(w.db.sqlite, p.id)).toEqual(after);
    expectRollUpsRight(w.db, p.id);
    expect(await w.call('history.undo', { projectId: p.id })).toMatchObject({ applied: true });
    expect(tableState(w.db.sqlite, p.id)).toEqual(before);
    w.close();
  });

  it('undoes several updates of one row inside one batch in order', async () => {
    const w = wbsWorkspace();
    const p = await w.call('project.create', { name: 'P' });
    const t = await w.call('wbs.create', { projectId: p.id, values: { name: 'a' } });
    inBatch(w.db, { user: 'tester' }, 'wbs.update', p.id, (b) => {
      for (const [from, to] of [['a', 'b'], ['b', 'c']] as const) {
        wbsStore.update(w.db, t.id, { name: to });
        b.record('wbs_task', t.id, 'update', { name: from }, { name: to });
      }
    });
    await w.call('history.undo', { projectId: p.id });
    expect(wbsStore.get(w.db, t.id)!.name).toBe('a');
    await w.call('history.redo', { projectId: p.id });
    expect(wbsStore.get(w.db, t.id)!.name).toBe('c');
    w.close();
  });
});
