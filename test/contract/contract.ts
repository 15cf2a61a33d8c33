// The API contract, written once and run against every adapter (in-process handlers, web host over
// HTTP). Each adapter must give the same results and the same errors for the same calls.
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Call } from '../helpers/workspace.js';
import type { Sql } from '../../electron/core/db/sql.js';
import { applyWbsChanges } from '../../electron/common/wbs-tree.js';
import { tasksOfTable, WBS_ROW_COLUMNS } from '../../electron/common/wbs-rows.js';
import type { WbsChanges } from '../../electron/common/dto.js';
import { failure } from '../helpers/failure.js';
import { snapshot } from '../helpers/snapshot.js';

export interface Adapter {
  /** The engine the workspace is on: a file's backups are SQLite's only (PostgreSQL: pg_dump). */
  engine: 'sqlite' | 'postgres';
  call: Call;
  /** The workspace's database through the seam, for what the API does not show (a call changed nothing). */
  sql: Sql;
  close(): Promise<void>;
}

export function defineContract(name: string, open: () => Promise<Adapter>) {
  describe(`API contract (${name})`, () => {
    let a: Adapter;
    beforeEach(async () => {
      a = await open();
    });
    afterEach(async () => {
      await a.close();
    });

    it('creates, lists, renames and deletes projects', async () => {
      const p = await a.call('project.create', { name: '基幹システム刷新', code: 'KIKAN' });
      expect(p).toMatchObject({ name: '基幹システム刷新', code: 'KIKAN', description: '' });
      await a.call('project.create', { name: 'Alpha' });
      expect((await a.call('project.list', {})).map((x) => x.name)).toEqual(['Alpha', '基幹システム刷新']);
      const renamed = await a.call('project.update', { id: p.id, patch: { name: '基幹刷新' } });
      expect(renamed.name).toBe('基幹刷新');
      expect(await a.call('project.delete', { id: p.id })).toEqual({ deleted: 1 });
      expect((await a.call('project.list', {})).map((x) => x.name)).toEqual(['Alpha']);
    });

    it('backs up, lists and restores the workspace, and answers a bad backup id the same way', async () => {
      const p = await a.call('project.create', { name: '基幹システム刷新' });
      if (a.engine === 'postgres') {
        // The server's pg_dump is the backup of a team database: every file-level call says so, and changes nothing.
        const before = snapshot(a.sql);
        for (const refused of [a.call('backup.create', {}), a.call('backup.restore', { id: 'x' }), a.call('backup.settings', {}), a.call('workspace.check', {})])
          expect(await failure(refused)).toMatchObject({ code: 'CONFLICT', text: { key: 'backup.postgres' }, message: expect.stringContaining('pg_dump') });
        expect(await a.call('backup.list', {})).toEqual([]);
        expect(await a.call('workspace.status', {})).toMatchObject({ condition: 'ok', database: { host: '127.0.0.1', user: expect.any(String) } });
        expect(await a.call('project.delete', { id: p.id })).toEqual({ deleted: 1 });
        expect(snapshot(a.sql)).not.toBe(before);
        return;
      }
      const b = await a.call('backup.create', {});
      expect(b).toMatchObject({ reason: 'manual' });
      expect(b.bytes).toBeGreaterThan(0);
      await a.call('project.delete', { id: p.id });
      expect((await a.call('backup.list', {})).map((x) => x.reason)).toEqual(['project-delete', 'manual']);
      expect(await a.call('backup.projects', { id: b.id })).toEqual([{ id: p.id, name: '基幹システム刷新', code: '' }]);
      expect(await a.call('backup.restore', { id: b.id })).toMatchObject({ restored: 'workspace', safetyBackup: { reason: 'restore' } });
      expect((await a.call('project.list', {})).map((x) => x.name)).toEqual(['基幹システム刷新']);
      expect(await a.call('workspace.status', {})).toMatchObject({ condition: 'ok' });
      expect(await failure(a.call('backup.restore', { id: 'no-such-backup' }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await failure(a.call('backup.restore', { id: '../pmo-desk' }))).toMatchObject({ code: 'VALIDATION' });
    });

    it('keeps a WBS tree with derived codes', async () => {
      const p = await a.call('project.create', { name: 'P' });
      const design = await a.call('wbs.create', { projectId: p.id, values: { name: '設計' } });
      const build = await a.call('wbs.create', { projectId: p.id, values: { name: '製造' } });
      const basic = await a.call('wbs.create', { projectId: p.id, parentId: design.id, values: { name: '基本設計' } });
      expect(basic.code).toBe('1.1');
      const between = await a.call('wbs.create', { projectId: p.id, afterId: design.id, values: { name: '要件' } });
      expect(between.code).toBe('2');
      const list = await a.call('wbs.rows', { projectId: p.id }).then(tasksOfTable);
      expect(list.map((t) => [t.code, t.name, t.level])).toEqual([
        ['1', '設計', 0],
        ['1.1', '基本設計', 1],
        ['2', '要件', 0],
        ['3', '製造', 0],
      ]);
      expect(list.find((t) => t.id === build.id)?.code).toBe('3');
    });

    it('updates task cells and answers the stored row', async () => {
      const p = await a.call('project.create', { name: 'P' });
      const t = await a.call('wbs.create', { projectId: p.id, values: { name: 'A' } });
      const u = await a.call('wbs.update', {
        id: t.id,
        patch: { assignee: '山田', plannedStart: '2025-04-01', plannedFinish: '2025-04-30', progress: 40, status: 'in_progress' },
      });
      expect(u.task).toMatchObject({ assignee: '山田', plannedStart: '2025-04-01', plannedFinish: '2025-04-30', progress: 40, status: 'in_progress', code: '1' });
      expect(u.related).toEqual([]);
      expect((await a.call('wbs.rows', { projectId: p.id }).then(tasksOfTable))[0]).toMatchObject({ assignee: '山田', progress: 40 });
    });

    it('deletes a task with its subtasks', async () => {
      const p = await a.call('project.create', { name: 'P' });
      const parent = await a.call('wbs.create', { projectId: p.id, values: { name: 'A' } });
      const child = await a.call('wbs.create', { projectId: p.id, parentId: parent.id, values: { name: 'A1' } });
      await a.call('wbs.create', { projectId: p.id, values: { name: 'B' } });
      const answer = await a.call('wbs.delete', { id: parent.id });
      // The answer names every row gone (the subtree too) and no row rewritten: B was not touched.
      expect({ ...answer, deletedIds: [...answer.deletedIds].sort((x, y) => x - y) }).toEqual({ deleted: 2, tasks: [], deletedIds: [parent.id, child.id] });
      expect((await a.call('wbs.rows', { projectId: p.id }).then(tasksOfTable)).map((t) => [t.code, t.name])).toEqual([['1', 'B']]);
    });

    it('answers the WBS as a table whose rows decode to the tasks', async () => {
      const p = await a.call('project.create', { name: 'P' });
      const design = await a.call('wbs.create', { projectId: p.id, values: { name: '設計' } });
      const basic = await a.call('wbs.create', { projectId: p.id, parentId: design.id, values: { name: '基本設計', plannedStart: '2025-04-01', plannedFinish: '2025-04-10', milestone: true, progress: 30 } });
      const build = await a.call('wbs.create', { projectId: p.id, values: { name: '製造', notes: '改行\n"引用"', plannedEffort: 2.5 } });
      await a.call('wbs.update', { id: build.id, patch: { predecessors: '1.1' } });
      a.sql.run(`UPDATE wbs_tasks SET extra = '{"列X":"値"}' WHERE id = ?`, [basic.id]);
      const table = await a.call('wbs.rows', { projectId: p.id });
      expect(table.columns).toEqual([...WBS_ROW_COLUMNS]);
      const list = tasksOfTable(table);
      expect(list[1]).toMatchObject({ id: basic.id, projectId: p.id, parentId: design.id, position: 1, plannedStart: '2025-04-01', plannedFinish: '2025-04-10', progress: 30, level: 1, summary: false });
      expect(list[0]).toMatchObject({ summary: true, level: 0 });
      expect(list[2]).toMatchObject({ notes: '改行\n"引用"', plannedEffort: 2.5 });
      expect(list.map((t) => [t.code, t.name, t.milestone, t.predecessors, t.extra])).toEqual([
        ['1', '設計', false, '', {}],
        ['1.1', '基本設計', true, '', { 列X: '値' }],
        ['2', '製造', false, '1.1', {}],
      ]);
      // A table whose columns are not the ones this side decodes is refused, not read askew.
      expect(() => tasksOfTable({ ...table, columns: [...table.columns].reverse() })).toThrow(/columns/);
    });

    describe('WBS tree operations, bulk cells, roll-ups and undo', () => {
      async function tree() {
        const p = await a.call('project.create', { name: 'P' });
        const phase = await a.call('wbs.create', { projectId: p.id, values: { name: '設計' } });
        const mk = (name: string, values = {}) => a.call('wbs.create', { projectId: p.id, parentId: phase.id, values: { name, ...values } });
        const t1 = await mk('基本設計', { plannedStart: '2025-04-01', plannedFinish: '2025-04-15', plannedEffort: 3, progress: 100, status: 'done' });
        const t2 = await mk('詳細設計', { plannedStart: '2025-04-16', plannedFinish: '2025-04-30', plannedEffort: 1 });
        const build = await a.call('wbs.create', { projectId: p.id, values: { name: '製造' } });
        return { p: p.id, phase: phase.id, t1: t1.id, t2: t2.id, build: build.id };
      }
      const codes = (list: { code: string; name: string }[]) => list.map((t) => `${t.code} ${t.name}`);

      it('inserts above and below, moves, indents and outdents, answering the renumbered WBS', async () => {
        const ids = await tree();
        const above = await a.call('wbs.create', { projectId: ids.p, beforeId: ids.t2, values: { name: '方式設計' } });
        expect(above).toMatchObject({ code: '1.2', parentId: ids.phase });
        const below = await a.call('wbs.create', { projectId: ids.p, afterId: ids.build, values: { name: 'テスト' } });
        expect(below.code).toBe('3');
        // Each call answers only the rows it wrote; patched into the list held before, they give the WBS
        // the next wbs.rows answers, renumbered rows included.
        let list = await a.call('wbs.rows', { projectId: ids.p }).then(tasksOfTable);
        const patched = async (changes: Promise<WbsChanges>) => {
          const answer = await changes;
          expect(answer.tasks.length).toBeLessThan(list.length);
          list = applyWbsChanges(list, answer);
          expect(list).toEqual(await a.call('wbs.rows', { projectId: ids.p }).then(tasksOfTable));
          return list;
        };
        expect(codes(await patched(a.call('wbs.move', { ids: [ids.t2], direction: 'up' })))).toEqual(['1 設計', '1.1 基本設計', '1.2 詳細設計', '1.3 方式設計', '2 製造', '3 テスト']);
        expect(codes(await patched(a.call('wbs.indent', { ids: [below.id] })))).toEqual(['1 設計', '1.1 基本設計', '1.2 詳細設計', '1.3 方式設計', '2 製造', '2.1 テスト']);
        expect(codes(await patched(a.call('wbs.outdent', { ids: [above.id] })))).toEqual(['1 設計', '1.1 基本設計', '1.2 詳細設計', '2 方式設計', '3 製造', '3.1 テスト']);
        const before = snapshot(a.sql);
        const err = await failure(a.call('wbs.indent', { ids: [ids.t1] }));
        expect(err).toMatchObject({ code: 'CONFLICT', details: { field: 'ids', id: ids.t1 } });
        expect(err.message).toContain('1.1');
        expect(snapshot(a.sql)).toBe(before);
      });

      it('rolls summaries up and answers an edit with the task and its ancestors', async () => {
        const ids = await tree();
        const phase = (await a.call('wbs.rows', { projectId: ids.p }).then(tasksOfTable))[0];
        expect(phase).toMatchObject({ summary: true, plannedStart: '2025-04-01', plannedFinish: '2025-04-30', plannedEffort: 4, progress: 75 });
        const r = await a.call('wbs.update', { id: ids.t2, patch: { plannedFinish: '2025-05-20', progress: 100 } });
        expect(r.task).toMatchObject({ id: ids.t2, code: '1.2', summary: false });
        expect(r.related).toHaveLength(1);
        expect(r.related[0]).toMatchObject({ id: ids.phase, code: '1', plannedFinish: '2025-05-20', progress: 100 });
        const before = snapshot(a.sql);
        const err = await failure(a.call('wbs.update', { id: ids.phase, patch: { progress: 10 } }));
        expect(err).toMatchObject({ code: 'CONFLICT', details: { field: 'progress' } });
        expect(snapshot(a.sql)).toBe(before);
      });

      it('marks late tasks and late starts', async () => {
        const p = await a.call('project.create', { name: 'P' });
        await a.call('wbs.create', { projectId: p.id, values: { name: 'old', plannedStart: '2000-01-01', plannedFinish: '2000-01-31' } });
        await a.call('wbs.create', { projectId: p.id, values: { name: 'future', plannedStart: '2999-01-01', plannedFinish: '2999-01-31' } });
        const list = await a.call('wbs.rows', { projectId: p.id }).then(tasksOfTable);
        expect(list.map((t) => [t.name, t.late, t.lateStart])).toEqual([
          ['old', true, true],
          ['future', false, false],
        ]);
      });

      it('pastes a block with new rows in one call, and refuses a block with bad cells whole', async () => {
        const ids = await tree();
        const r = await a.call('wbs.applyCells', {
          projectId: ids.p,
          updates: [{ id: ids.t2, patch: { assignee: '山田' } }],
          creates: [{ values: { name: '設計レビュー', plannedEffort: 1 } }],
          createAfterId: ids.t2,
        });
        expect(r.createdIds).toHaveLength(1);
        expect(codes(r.tasks)).toEqual(['1 設計', '1.2 詳細設計', '1.3 設計レビュー']);
        const before = snapshot(a.sql);
        const err = await failure(
          a.call('wbs.applyCells', {
            projectId: ids.p,
            updates: [
              { id: ids.t1, patch: { plannedStart: '2025-13-01' } },
              { id: ids.t2, patch: { name: 'fine' } },
            ],
            creates: [{ values: { progress: 101 } }],
          }),
        );
        expect(err.code).toBe('VALIDATION');
        expect(err.details).toEqual([
          { row: 0, id: ids.t1, field: 'plannedStart', message: 'is not a calendar date' },
          { row: 2, id: null, field: 'progress', message: 'must be 0–100' },
        ]);
        expect(snapshot(a.sql)).toBe(before);
      });

      it('undoes and redoes a change, and lists a row\'s history', async () => {
        const ids = await tree();
        await a.call('wbs.delete', { id: ids.phase });
        expect(codes(await a.call('wbs.rows', { projectId: ids.p }).then(tasksOfTable))).toEqual(['1 製造']);
        expect(await a.call('history.state', { projectId: ids.p })).toEqual({ canUndo: true, canRedo: false, undoLabel: 'wbs.delete' });
        const list = await a.call('wbs.rows', { projectId: ids.p }).then(tasksOfTable);
        const u = await a.call('history.undo', { projectId: ids.p });
        expect(u).toEqual({
          applied: true,
          label: 'wbs.delete',
          entities: ['wbs_task'],
          wbs: { tasks: expect.any(Array), deletedIds: [] },
          state: { canUndo: true, canRedo: true, undoLabel: 'wbs.create', redoLabel: 'wbs.delete' },
        });
        // The step answers the rows it put back: patched in, they give what wbs.rows answers.
        expect(applyWbsChanges(list, u.wbs!)).toEqual(await a.call('wbs.rows', { projectId: ids.p }).then(tasksOfTable));
        expect(codes(await a.call('wbs.rows', { projectId: ids.p }).then(tasksOfTable))).toEqual(['1 設計', '1.1 基本設計', '1.2 詳細設計', '2 製造']);
        await a.call('history.redo', { projectId: ids.p });
        expect(codes(await a.call('wbs.rows', { projectId: ids.p }).then(tasksOfTable))).toEqual(['1 製造']);
        const h = await a.call('history.row', { entity: 'wbs_task', id: ids.t1 });
        expect(h.map((e) => [e.kind, e.action])).toEqual([
          ['redo', 'delete'],
          ['undo', 'create'],
          ['edit', 'delete'],
          ['edit', 'create'],
        ]);
        expect(h[0]).toMatchObject({ who: 'tester', batchLabel: 'wbs.delete' });
      });
    });

    it('searches every project for a Japanese word inside text without spaces', async () => {
      const p = await a.call('project.create', { name: '基幹システム刷新' });
      const issue = await a.call('issue.create', { projectId: p.id, values: { title: '未解決課題の棚卸し' } });
      const hits = await a.call('search.query', { text: '課題', limit: 5 });
      expect(hits).toEqual([
        { kind: 'issue', id: issue.id, projectId: p.id, projectName: '基幹システム刷新', ref: 'I-001', title: '未解決課題の棚卸し', snippet: '未解決課題の棚卸し', marks: [[3, 5]] },
      ]);
      expect((await a.call('search.query', { text: '課題の棚卸し' })).map((h) => [h.kind, h.id, h.marks])).toEqual([['issue', issue.id, [[3, 9]]]]);
    });

    it('stores settings', async () => {
      await a.call('settings.set', { key: 'ui.language', value: 'en' });
      expect(await a.call('settings.get', { key: 'ui.language' })).toBe('en');
      expect((await a.call('app.info', {})).language).toBe('en');
    });

    describe('bad input gets a clear error with code and field, and changes nothing', () => {
      const cases: [string, (call: Call, ids: { p: number; t: number }) => Promise<unknown>, string][] = [
        ['empty project name', (c) => c('project.create', { name: '  ' }), 'name'],
        ['unknown field', (c, { t }) => c('wbs.update', { id: t, patch: { colour: 'red' } as never }), 'patch.colour'],
        ['impossible date', (c, { t }) => c('wbs.update', { id: t, patch: { plannedStart: '2025-02-30' } }), 'patch.plannedStart'],
        ['date in the wrong format', (c, { t }) => c('wbs.update', { id: t, patch: { plannedFinish: '2025/04/01' } }), 'patch.plannedFinish'],
        ['progress over 100', (c, { t }) => c('wbs.update', { id: t, patch: { progress: 120 } }), 'patch.progress'],
        ['fractional progress', (c, { t }) => c('wbs.update', { id: t, patch: { progress: 12.5 } }), 'patch.progress'],
        ['unknown status', (c, { t }) => c('wbs.update', { id: t, patch: { status: 'finished' as never } }), 'patch.status'],
        ['id as text', (c) => c('wbs.delete', { id: '1' as never }), 'id'],
        ['missing projectId', (c) => c('wbs.create', {} as never), 'projectId'],
        ['unknown move direction', (c, { t }) => c('wbs.move', { ids: [t], direction: 'left' as never }), 'direction'],
        ['indent of no task', (c) => c('wbs.indent', { ids: [] }), 'ids'],
        ['delete naming no task', (c) => c('wbs.delete', {}), 'id'],
        ['both neighbours of a new task', (c, { p, t }) => c('wbs.create', { projectId: p, afterId: t, beforeId: t }), 'beforeId'],
        ['cells that are not an object', (c, { p, t }) => c('wbs.applyCells', { projectId: p, updates: [{ id: t, patch: 'x' as never }] }), 'updates.0.patch'],
        ['undo without a project', (c) => c('history.undo', {} as never), 'projectId'],
        ['row history without entity', (c, { t }) => c('history.row', { entity: '', id: t }), 'entity'],
        ['search for nothing', (c) => c('search.query', { text: ' \u3000 ' }), 'text'],
        ['search for too many hits', (c) => c('search.query', { text: '設計', limit: 1000 }), 'limit'],
      ];
      for (const [label, run, field] of cases) {
        it(label, async () => {
          const p = await a.call('project.create', { name: 'P' });
          const t = await a.call('wbs.create', { projectId: p.id, values: { name: 'A' } });
          const before = snapshot(a.sql);
          const err = await failure(run(a.call, { p: p.id, t: t.id }));
          expect(err.code).toBe('VALIDATION');
          expect((err.details as { field: string }[]).map((d) => d.field)).toContain(field);
          expect(err.message).toContain(field);
          expect(snapshot(a.sql)).toBe(before);
        });
      }

      it('names a missing row NOT_FOUND', async () => {
        const before = snapshot(a.sql);
        const err = await failure(a.call('wbs.update', { id: 9999, patch: { name: 'x' } }));
        expect(err.code).toBe('NOT_FOUND');
        expect(snapshot(a.sql)).toBe(before);
      });

      it('refuses a parent from another project as CONFLICT', async () => {
        const p1 = await a.call('project.create', { name: 'P1' });
        const p2 = await a.call('project.create', { name: 'P2' });
        const foreign = await a.call('wbs.create', { projectId: p2.id, values: { name: 'X' } });
        const before = snapshot(a.sql);
        const err = await failure(a.call('wbs.create', { projectId: p1.id, parentId: foreign.id }));
        expect(err).toMatchObject({ code: 'CONFLICT', details: { field: 'parentId' } });
        expect(snapshot(a.sql)).toBe(before);
      });

      it('answers an unknown method with UNKNOWN_METHOD', async () => {
        const err = await failure(a.call('wbs.explode' as never, {} as never));
        expect(err.code).toBe('UNKNOWN_METHOD');
      });
    });
  });
}
