// The API contract, written once and run against every adapter (in-process handlers, web host over
// HTTP). Each adapter must give the same results and the same errors for the same calls.
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../electron/common/errors.js';
import type { Call } from '../helpers/workspace.js';
import type Database from 'better-sqlite3';

export interface Adapter {
  call: Call;
  sqlite: Database.Database;
  close(): Promise<void>;
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    return err as ApiError;
  }
  throw new Error('expected the call to fail');
}

/** A snapshot of every table, to prove that a refused call changed nothing. */
function snapshot(sqlite: Database.Database): string {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => sqlite.prepare(`SELECT * FROM "${t}"`).all()));
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

    it('keeps a WBS tree with derived codes', async () => {
      const p = await a.call('project.create', { name: 'P' });
      const design = await a.call('wbs.create', { projectId: p.id, values: { name: '設計' } });
      const build = await a.call('wbs.create', { projectId: p.id, values: { name: '製造' } });
      const basic = await a.call('wbs.create', { projectId: p.id, parentId: design.id, values: { name: '基本設計' } });
      expect(basic.code).toBe('1.1');
      const between = await a.call('wbs.create', { projectId: p.id, afterId: design.id, values: { name: '要件' } });
      expect(between.code).toBe('2');
      const list = await a.call('wbs.list', { projectId: p.id });
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
      expect(u).toMatchObject({ assignee: '山田', plannedStart: '2025-04-01', plannedFinish: '2025-04-30', progress: 40, status: 'in_progress', code: '1' });
      expect((await a.call('wbs.list', { projectId: p.id }))[0]).toMatchObject({ assignee: '山田', progress: 40 });
    });

    it('deletes a task with its subtasks', async () => {
      const p = await a.call('project.create', { name: 'P' });
      const parent = await a.call('wbs.create', { projectId: p.id, values: { name: 'A' } });
      await a.call('wbs.create', { projectId: p.id, parentId: parent.id, values: { name: 'A1' } });
      await a.call('wbs.create', { projectId: p.id, values: { name: 'B' } });
      expect(await a.call('wbs.delete', { id: parent.id })).toEqual({ deleted: 2 });
      expect((await a.call('wbs.list', { projectId: p.id })).map((t) => [t.code, t.name])).toEqual([['1', 'B']]);
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
      ];
      for (const [label, run, field] of cases) {
        it(label, async () => {
          const p = await a.call('project.create', { name: 'P' });
          const t = await a.call('wbs.create', { projectId: p.id, values: { name: 'A' } });
          const before = snapshot(a.sqlite);
          const err = await failure(run(a.call, { p: p.id, t: t.id }));
          expect(err.code).toBe('VALIDATION');
          expect((err.details as { field: string }[]).map((d) => d.field)).toContain(field);
          expect(err.message).toContain(field);
          expect(snapshot(a.sqlite)).toBe(before);
        });
      }

      it('names a missing row NOT_FOUND', async () => {
        const before = snapshot(a.sqlite);
        const err = await failure(a.call('wbs.update', { id: 9999, patch: { name: 'x' } }));
        expect(err.code).toBe('NOT_FOUND');
        expect(snapshot(a.sqlite)).toBe(before);
      });

      it('refuses a parent from another project as CONFLICT', async () => {
        const p1 = await a.call('project.create', { name: 'P1' });
        const p2 = await a.call('project.create', { name: 'P2' });
        const foreign = await a.call('wbs.create', { projectId: p2.id, values: { name: 'X' } });
        const before = snapshot(a.sqlite);
        const err = await failure(a.call('wbs.create', { projectId: p1.id, parentId: foreign.id }));
        expect(err).toMatchObject({ code: 'CONFLICT', details: { field: 'parentId' } });
        expect(snapshot(a.sqlite)).toBe(before);
      });

      it('answers an unknown method with UNKNOWN_METHOD', async () => {
        const err = await failure(a.call('wbs.explode' as never, {} as never));
        expect(err.code).toBe('UNKNOWN_METHOD');
      });
    });
  });
}
