// The registers and vocabularies part of the API contract, run against every adapter (in-process
// handlers, web host over HTTP): same results, same errors, and a refused call changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CellProblem } from '../../electron/common/registers.js';
import type { Call } from '../helpers/workspace.js';
import type { Adapter } from './contract.js';
import { failure } from '../helpers/failure.js';
import { snapshot } from '../helpers/snapshot.js';

export function defineRegistersContract(name: string, open: () => Promise<Adapter>) {
  describe(`registers API contract (${name})`, () => {
    let a: Adapter;
    let p: number;
    beforeEach(async () => {
      a = await open();
      p = (await a.call('project.create', { name: 'P' })).id;
    });
    afterEach(async () => {
      await a.close();
    });

    it('keeps a risk register with IDs, score and level', async () => {
      const r = await a.call('risk.create', { projectId: p, values: { title: 'ベンダー遅延', probability: 3, impact: 5, strategy: 'mitigate', due: '2025-05-01' } });
      expect(r).toMatchObject({ ref: 'R-001', title: 'ベンダー遅延', score: 15, level: 'high', status: 'open', strategy: 'mitigate', due: '2025-05-01' });
      const u = await a.call('risk.update', { id: r.id, patch: { impact: 2, owner: '鈴木' } });
      expect(u).toMatchObject({ score: 6, level: 'low', owner: '鈴木' });
      await a.call('risk.create', { projectId: p, values: { title: 'second' } });
      expect((await a.call('risk.list', { projectId: p })).map((x) => x.ref)).toEqual(['R-001', 'R-002']);
      expect((await a.call('risk.scoreHistory', { id: r.id })).map((h) => h.score)).toEqual([15, 6]);
      await a.call('risk.thresholds.set', { projectId: p, thresholds: { high: 6, medium: 3 } });
      expect(await a.call('risk.thresholds.get', { projectId: p })).toEqual({ high: 6, medium: 3 });
      expect((await a.call('risk.list', { projectId: p }))[0]!.level).toBe('high');
      expect(await a.call('risk.delete', { id: r.id })).toEqual({ deleted: 1 });
      expect((await a.call('risk.list', { projectId: p })).map((x) => x.ref)).toEqual(['R-002']);
    });

    it('keeps an issue log with kinds, statuses, overdue and age', async () => {
      const i = await a.call('issue.create', { projectId: p, values: { kind: 'action', title: '議事録送付', due: '2000-01-01', raisedOn: '2000-01-01' } });
      expect(i).toMatchObject({ ref: 'I-001', kind: 'action', status: 'not_started', overdue: true });
      expect(i.ageDays).toBeGreaterThan(9000);
      const done = await a.call('issue.update', { id: i.id, patch: { status: 'done', closedOn: '2000-01-11' } });
      expect(done).toMatchObject({ overdue: false, ageDays: 10 });
      expect(await a.call('issue.delete', { ids: [i.id] })).toEqual({ deleted: 1 });
    });

    it('keeps a change log with decisions', async () => {
      const c = await a.call('change.create', { projectId: p, values: { title: '画面追加', decision: 'on_hold', impactSchedule: '+2週' } });
      expect(c).toMatchObject({ ref: 'C-001', decision: 'on_hold', implStatus: '', impactSchedule: '+2週' });
      const d = await a.call('change.update', { id: c.id, patch: { decision: 'approved', decidedBy: '運営委員会', decidedOn: '2025-04-15', implStatus: 'not_started' } });
      expect(d).toMatchObject({ decision: 'approved', decidedOn: '2025-04-15', implStatus: 'not_started' });
      expect((await a.call('change.list', { projectId: p })).length).toBe(1);
    });

    it('applies a block of cells in one call, or refuses it whole with every bad cell', async () => {
      const x = await a.call('issue.create', { projectId: p, values: { title: 'x' } });
      const before = snapshot(a.sql);
      const err = await failure(
        a.call('issue.applyCells', {
          projectId: p,
          updates: [{ id: x.id, patch: { title: 'ok', status: 'nope', due: '2025/04/01' } }],
          creates: [{ values: { kind: 'defect', priority: 'highest' } }],
        }),
      );
      expect(err.code).toBe('VALIDATION');
      expect((err.details as CellProblem[]).map((d) => [d.part, d.row, d.id, d.field])).toEqual([
        ['updates', 0, x.id, 'status'],
        ['updates', 0, x.id, 'due'],
        ['creates', 0, null, 'priority'],
      ]);
      expect(snapshot(a.sql)).toBe(before);

      const res = await a.call('issue.applyCells', {
        projectId: p,
        updates: [{ id: x.id, patch: { title: 'ok', status: 'in_progress' } }],
        creates: [{ values: { kind: 'defect', priority: 'high' } }, { values: {} }],
      });
      expect(res.updated.map((r) => [r.title, r.status])).toEqual([['ok', 'in_progress']]);
      expect(res.created.map((r) => [r.ref, r.kind])).toEqual([
        ['I-002', 'defect'],
        ['I-003', 'issue'],
      ]);
    });

    it('lists and replaces vocabularies, refusing to drop a code in use', async () => {
      const v = await a.call('vocab.list', { projectId: p });
      expect(v['issue.status'].items.map((i) => i.labelJa)).toEqual(['未着手', '対応中', '完了', '保留', '中止']);
      await a.call('risk.create', { projectId: p, values: { category: 'cost' } });
      const before = snapshot(a.sql);
      const err = await failure(a.call('vocab.set', { projectId: p, list: 'risk.category', items: [{ code: 'technical', labelJa: '技術', labelEn: 'Technical' }] }));
      expect(err).toMatchObject({ code: 'CONFLICT', details: [{ code: 'cost', count: 1 }] });
      expect(snapshot(a.sql)).toBe(before);
      const set = await a.call('vocab.set', {
        projectId: p,
        list: 'risk.category',
        items: [
          { code: 'cost', labelJa: '費用', labelEn: 'Cost' },
          { code: 'legal', labelJa: '法務', labelEn: 'Legal' },
        ],
      });
      expect(set.items.map((i) => i.code)).toEqual(['cost', 'legal']);
      expect((await a.call('risk.create', { projectId: p, values: { category: 'legal' } })).category).toBe('legal');
    });

    describe('bad input gets a clear error with code and field, and changes nothing', () => {
      const cases: [string, (call: Call, ids: { p: number; r: number; i: number }) => Promise<unknown>, string, string][] = [
        ['probability over 5', (c, { r }) => c('risk.update', { id: r, patch: { probability: 6 } }), 'VALIDATION', 'patch.probability'],
        ['probability as 高', (c, { r }) => c('risk.update', { id: r, patch: { probability: '高' as never } }), 'VALIDATION', 'patch.probability'],
        ['unknown field', (c, { r }) => c('risk.update', { id: r, patch: { colour: 'red' } as never }), 'VALIDATION', 'patch.colour'],
        ['impossible date', (c, { i }) => c('issue.update', { id: i, patch: { due: '2025-02-30' } }), 'VALIDATION', 'patch.due'],
        ['a label instead of a code', (c, { i }) => c('issue.update', { id: i, patch: { status: '完了' } }), 'VALIDATION', 'patch.status'],
        ['unknown kind at create', (c, { p }) => c('issue.create', { projectId: p, values: { kind: 'memo' } }), 'VALIDATION', 'values.kind'],
        ['duplicate ID at create', (c, { p }) => c('issue.create', { projectId: p, values: { ref: 'i-001' } }), 'CONFLICT', 'values.ref'],
        ['duplicate ID at update', (c, { r }) => c('risk.update', { id: r, patch: { ref: 'r-002' } }), 'CONFLICT', 'patch.ref'],
        ['missing row', (c) => c('change.update', { id: 9999, patch: { title: 'x' } }), 'NOT_FOUND', 'id'],
        ['delete id as text', (c) => c('risk.delete', { id: '1' as never }), 'VALIDATION', 'id'],
        ['thresholds not ordered', (c, { p }) => c('risk.thresholds.set', { projectId: p, thresholds: { high: 5, medium: 9 } }), 'VALIDATION', 'thresholds.medium'],
        ['unknown vocabulary list', (c, { p }) => c('vocab.set', { projectId: p, list: 'risk.colour' as never, items: [{ code: 'a', labelJa: 'あ', labelEn: '' }] }), 'VALIDATION', 'list'],
        ['duplicate vocabulary code', (c, { p }) => c('vocab.set', { projectId: p, list: 'issue.kind', items: [{ code: 'a', labelJa: 'あ', labelEn: '' }, { code: 'a', labelJa: 'い', labelEn: '' }] }), 'VALIDATION', 'items.1.code'],
      ];
      for (const [label, run, code, field] of cases) {
        it(label, async () => {
          const r = await a.call('risk.create', { projectId: p });
          await a.call('risk.create', { projectId: p });
          const i = await a.call('issue.create', { projectId: p });
          const before = snapshot(a.sql);
          const err = await failure(run(a.call, { p, r: r.id, i: i.id }));
          expect(err.code).toBe(code);
          const details = err.details as { field: string }[] | { field: string };
          expect((Array.isArray(details) ? details : [details]).map((d) => d.field)).toContain(field);
          expect(snapshot(a.sql)).toBe(before);
        });
      }
    });
  });
}
