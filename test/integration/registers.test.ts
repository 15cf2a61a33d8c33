// The risk, issue and change registers on real SQLite files: IDs, scoring, history, overdue and age,
// bulk writes validated whole, and audit rows generic undo can replay.
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../electron/common/errors.js';
import type { CellProblem } from '../../electron/common/registers.js';
import { inBatch } from '../../electron/core/batch.js';
import { ENTITY_STORES } from '../../electron/core/entities.js';
import { changes, issues, risks } from '../../electron/core/services/registers/index.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { snapshot } from '../helpers/snapshot.js';

const actor = { user: 'tester' };

async function setup() {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const p = await call('project.create', { name: 'P' });
  return { ws, call, p: p.id, db: ws.db };
}

async function failure(p: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    return err as ApiError;
  }
  throw new Error('expected the call to fail');
}

interface AuditRow {
  batch_id: string;
  entity: string;
  entity_id: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

function audit(ws: ReturnType<typeof tempWorkspace>, entity?: string): AuditRow[] {
  const rows = ws.db.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as (Omit<AuditRow, 'before' | 'after'> & { before: string | null; after: string | null })[];
  return rows
    .filter((r) => !entity || r.entity === entity)
    .map((r) => ({ ...r, before: r.before && JSON.parse(r.before), after: r.after && JSON.parse(r.after) }));
}

describe('register IDs', () => {
  it('numbers each register per project: R-001, I-001, C-001', async () => {
    const { call, p } = await setup();
    const q = (await call('project.create', { name: 'Q' })).id;
    expect((await call('risk.create', { projectId: p })).ref).toBe('R-001');
    expect((await call('risk.create', { projectId: p })).ref).toBe('R-002');
    expect((await call('issue.create', { projectId: p })).ref).toBe('I-001');
    expect((await call('change.create', { projectId: p })).ref).toBe('C-001');
    expect((await call('risk.create', { projectId: q })).ref).toBe('R-001');
    const batch = await call('risk.applyCells', { projectId: p, updates: [], creates: [{ values: {} }, { values: { ref: 'R-050' } }, { values: {} }] });
    expect(batch.created.map((r) => r.ref)).toEqual(['R-051', 'R-050', 'R-052']);
  });

  it('never gives a number again, even after its row is deleted or renamed', async () => {
    const { call, p } = await setup();
    await call('risk.create', { projectId: p });
    const r2 = await call('risk.create', { projectId: p });
    await call('risk.delete', { id: r2.id });
    expect((await call('risk.create', { projectId: p })).ref).toBe('R-003');
    const r4 = await call('risk.create', { projectId: p });
    await call('risk.update', { id: r4.id, patch: { ref: 'R-010' } });
    await call('risk.update', { id: r4.id, patch: { ref: 'R-004' } });
    expect((await call('risk.create', { projectId: p })).ref).toBe('R-011');
  });

  it("never gives a client-scheme number again after its highest holder is deleted (R3 gone: R4, not R3)", async () => {
    const { call, p } = await setup();
    const batch = await call('risk.applyCells', { projectId: p, updates: [], creates: [{ values: { ref: 'R1' } }, { values: { ref: 'R2' } }, { values: { ref: 'R3' } }] });
    await call('risk.delete', { id: batch.created[2]!.id });
    expect((await call('risk.create', { projectId: p })).ref).toBe('R4');
    const r4 = (await call('risk.list', { projectId: p })).find((r) => r.ref === 'R4')!;
    await call('risk.delete', { id: r4.id });
    expect((await call('risk.create', { projectId: p })).ref).toBe('R5');
  });

  it('lets users pick an ID but refuses one already used in the project, compared as typed', async () => {
    const { ws, call, p } = await setup();
    const a = await call('issue.create', { projectId: p });
    const b = await call('issue.create', { projectId: p, values: { ref: 'KADAI-7' } });
    expect(b.ref).toBe('KADAI-7');
    const before = snapshot(ws.db.sqlite);
    for (const ref of ['KADAI-7', ' kadai-7 ', 'ｋａｄａｉ－７']) {
      const err = await failure(call('issue.update', { id: a.id, patch: { ref } }));
      expect(err.code).toBe('CONFLICT');
      expect(err.details).toEqual([{ field: 'patch.ref', message: expect.stringContaining('already used') }]);
    }
    const dup = await failure(call('issue.create', { projectId: p, values: { ref: 'i-001' } }));
    expect(dup).toMatchObject({ code: 'CONFLICT', details: [{ field: 'values.ref' }] });
    const empty = await failure(call('issue.update', { id: a.id, patch: { ref: '  ' } }));
    expect(empty).toMatchObject({ code: 'VALIDATION', details: [{ field: 'patch.ref' }] });
    expect(snapshot(ws.db.sqlite)).toBe(before);
  });

  it('allows swapping two IDs in one batch, since the result is unique', async () => {
    const { call, p } = await setup();
    const a = await call('change.create', { projectId: p });
    const b = await call('change.create', { projectId: p });
    await call('change.applyCells', {
      projectId: p,
      updates: [
        { id: a.id, patch: { ref: 'C-002' } },
        { id: b.id, patch: { ref: 'C-001' } },
      ],
    });
    expect((await call('change.list', { projectId: p })).map((c) => [c.id, c.ref])).toEqual([
      [a.id, 'C-002'],
      [b.id, 'C-001'],
    ]);
  });
});

describe('risk scoring', () => {
  it('derives score P×I and level from the project thresholds', async () => {
    const { call, p } = await setup();
    const r = await call('risk.create', { projectId: p, values: { title: '要員不足', probability: 4, impact: 4 } });
    expect(r).toMatchObject({ score: 16, level: 'high' });
    const unrated = await call('risk.create', { projectId: p, values: { probability: 4 } });
    expect(unrated).toMatchObject({ score: null, level: null });
    expect(await call('risk.thresholds.get', { projectId: p })).toEqual({ high: 15, medium: 8 });

    expect(await call('risk.thresholds.set', { projectId: p, thresholds: { high: 20, medium: 16 } })).toEqual({ high: 20, medium: 16 });
    expect((await call('risk.list', { projectId: p }))[0]).toMatchObject({ score: 16, level: 'medium' });
    await call('risk.thresholds.set', { projectId: p, thresholds: { high: 24, medium: 17 } });
    expect((await call('risk.list', { projectId: p }))[0]!.level).toBe('low');

    const other = (await call('project.create', { name: 'Q' })).id;
    expect(await call('risk.thresholds.get', { projectId: other })).toEqual({ high: 15, medium: 8 });
    expect((await failure(call('risk.thresholds.get', { projectId: 999 }))).code).toBe('NOT_FOUND');
    expect((await failure(call('risk.thresholds.set', { projectId: 999, thresholds: { high: 9, medium: 4 } }))).code).toBe('NOT_FOUND');
  });

  it('refuses thresholds that are not ordered, and ratings outside 1–5', async () => {
    const { ws, call, p } = await setup();
    const r = await call('risk.create', { projectId: p });
    const before = snapshot(ws.db.sqlite);
    const t = await failure(call('risk.thresholds.set', { projectId: p, thresholds: { high: 8, medium: 10 } }));
    expect(t).toMatchObject({ code: 'VALIDATION', details: [{ field: 'thresholds.medium' }] });
    for (const probability of [0, 6, 2.5]) {
      const err = await failure(call('risk.update', { id: r.id, patch: { probability } }));
      expect(err).toMatchObject({ code: 'VALIDATION', details: [{ field: 'patch.probability' }] });
    }
    expect(snapshot(ws.db.sqlite)).toBe(before);
  });

  it('answers the score history from the audit trail, oldest first, from creation', async () => {
    const { call, p } = await setup();
    const r = await call('risk.create', { projectId: p, values: { probability: 2, impact: 3 } });
    await call('risk.update', { id: r.id, patch: { probability: 4 } });
    await call('risk.update', { id: r.id, patch: { title: 'no score change' } });
    await call('risk.applyCells', { projectId: p, updates: [{ id: r.id, patch: { impact: 5, owner: '佐藤' } }] });
    await call('risk.update', { id: r.id, patch: { impact: null } });
    const h = await call('risk.scoreHistory', { id: r.id });
    expect(h.map((x) => [x.probability, x.impact, x.score])).toEqual([
      [2, 3, 6],
      [4, 3, 12],
      [4, 5, 20],
      [4, null, null],
    ]);
    expect(h.every((x) => x.who === 'tester' && !Number.isNaN(Date.parse(x.at)))).toBe(true);
    expect(h.map((x) => x.at)).toEqual([...h.map((x) => x.at)].sort());
    expect((await failure(call('risk.scoreHistory', { id: 999 }))).code).toBe('NOT_FOUND');
  });

  it('does not count a row put back by undo as a change of score', async () => {
    const { ws, call, p } = await setup();
    const r = await call('risk.create', { projectId: p, values: { probability: 2, impact: 3 } });
    await call('risk.delete', { id: r.id });
    // What undo of the delete writes: the snapshot re-inserted, audited as a create in a batch of its own.
    const [gone] = audit(ws, 'risk').filter((x) => x.action === 'delete');
    inBatch(ws.db, actor, 'risk.delete', p, (b) => {
      ENTITY_STORES.risk!.insert(ws.db, { ...gone!.before!, id: r.id } as never);
      b.record('risk', r.id, 'create', null, gone!.before);
    });
    await call('risk.update', { id: r.id, patch: { impact: 4 } });
    expect((await call('risk.scoreHistory', { id: r.id })).map((x) => x.score)).toEqual([6, 8]);
  });
});

describe('issues: overdue, age and closing', () => {
  it('marks overdue and counts age against an injected today', async () => {
    const { db, p } = await setup();
    const today = '2025-04-10';
    const mk = (values: Record<string, unknown>) => issues.create(db, actor, p, values, { today });
    mk({ title: 'late', due: '2025-04-09', raisedOn: '2025-04-01', status: 'in_progress' });
    mk({ title: 'due today', due: '2025-04-10', raisedOn: '2025-04-10' });
    mk({ title: 'late but done', due: '2025-04-01', raisedOn: '2025-03-01', status: 'done', closedOn: '2025-03-21' });
    mk({ title: 'late but cancelled', due: '2025-04-01', raisedOn: '2025-03-31', status: 'cancelled', closedOn: '2025-04-02' });
    const list = issues.list(db, p, { today });
    expect(list.map((i) => [i.title, i.overdue, i.ageDays])).toEqual([
      ['late', true, 9],
      ['due today', false, 0],
      ['late but done', false, 20],
      ['late but cancelled', false, 2],
    ]);
    // The next day, the row due today is late too.
    expect(issues.list(db, p, { today: '2025-04-11' })[1]).toMatchObject({ overdue: true, ageDays: 1 });
  });

  it('counts age from the creation day when raisedOn is empty', async () => {
    const { db, p } = await setup();
    issues.create(db, actor, p, { title: 'x' });
    const created = new Date(issues.list(db, p)[0]!.createdAt);
    const threeDaysOn = new Date(created.getFullYear(), created.getMonth(), created.getDate() + 3);
    const iso = `${threeDaysOn.getFullYear()}-${String(threeDaysOn.getMonth() + 1).padStart(2, '0')}-${String(threeDaysOn.getDate()).padStart(2, '0')}`;
    expect(issues.list(db, p, { today: iso })[0]!.ageDays).toBe(3);
  });

  it('sets closedOn to today when the status becomes closed and closedOn is empty', async () => {
    const { ws, db, p } = await setup();
    const today = '2025-04-10';
    const a = issues.create(db, actor, p, { title: 'a' }, { today });
    const b = issues.create(db, actor, p, { title: 'b', closedOn: '2025-04-01' }, { today });
    expect(issues.update(db, actor, a.id, { status: 'done' }, { today }).closedOn).toBe(today);
    expect(issues.update(db, actor, b.id, { status: 'cancelled' }, { today }).closedOn).toBe('2025-04-01');
    const last = audit(ws, 'issue').filter((r) => r.entity_id === a.id).at(-1)!;
    expect(last).toMatchObject({ action: 'update', before: { status: 'not_started', closedOn: null }, after: { status: 'done', closedOn: today } });
    // Reopening keeps the date the user sees; closing again does not move it.
    expect(issues.update(db, actor, a.id, { status: 'in_progress' }, { today }).closedOn).toBe(today);
    expect(issues.update(db, actor, a.id, { status: 'done' }, { today: '2025-05-01' }).closedOn).toBe(today);
    // Created closed: closes on the day of creation. Risks follow the same rule.
    expect(issues.create(db, actor, p, { status: 'done' }, { today }).closedOn).toBe(today);
    const r = risks.create(db, actor, p, {}, { today });
    expect(risks.update(db, actor, r.id, { status: 'closed' }, { today }).closedOn).toBe(today);
    // An explicit date in the same write wins.
    const c = issues.create(db, actor, p, {}, { today });
    expect(issues.update(db, actor, c.id, { status: 'done', closedOn: '2025-04-08' }, { today }).closedOn).toBe('2025-04-08');
  });

  it('checks kind, priority and status against the project vocabularies and stores codes', async () => {
    const { ws, call, p } = await setup();
    const i = await call('issue.create', { projectId: p, values: { kind: 'action', priority: 'high', status: 'in_progress' } });
    expect(i).toMatchObject({ kind: 'action', priority: 'high', status: 'in_progress' });
    expect((await call('issue.update', { id: i.id, patch: { priority: '' } })).priority).toBe('');
    const before = snapshot(ws.db.sqlite);
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'task' }, 'patch.kind'],
      [{ status: '完了' }, 'patch.status'],
      [{ status: '' }, 'patch.status'],
      [{ kind: '' }, 'patch.kind'],
      [{ priority: 'urgent' }, 'patch.priority'],
    ];
    for (const [patch, field] of cases) {
      const err = await failure(call('issue.update', { id: i.id, patch }));
      expect(err.code).toBe('VALIDATION');
      expect(err.details).toEqual([{ field, message: expect.any(String) }]);
    }
    expect(snapshot(ws.db.sqlite)).toBe(before);
  });

  it('links an action item to a meeting of the same project only', async () => {
    const { ws, call, p } = await setup();
    const q = (await call('project.create', { name: 'Q' })).id;
    const meetings = ENTITY_STORES.meeting!;
    const mine = meetings.insert(ws.db, { projectId: p, title: '定例' });
    const theirs = meetings.insert(ws.db, { projectId: q, title: '定例' });
    const i = await call('issue.create', { projectId: p, values: { kind: 'action', meetingId: mine.id } });
    expect(i.meetingId).toBe(mine.id);
    const err = await failure(call('issue.update', { id: i.id, patch: { meetingId: theirs.id } }));
    expect(err).toMatchObject({ code: 'VALIDATION', details: [{ field: 'patch.meetingId' }] });
  });
});

describe('changes', () => {
  it('takes decision and implementation status codes, and refuses others', async () => {
    const { call, p } = await setup();
    const c = await call('change.create', {
      projectId: p,
      values: { title: '帳票追加', requestedBy: '顧客', requestedOn: '2025-04-01', impactCost: '+20人日', decision: 'approved', implStatus: 'in_progress' },
    });
    expect(c).toMatchObject({ ref: 'C-001', decision: 'approved', implStatus: 'in_progress', decidedOn: null });
    const err = await failure(call('change.update', { id: c.id, patch: { decision: '承認' } }));
    expect(err).toMatchObject({ code: 'VALIDATION', details: [{ field: 'patch.decision' }] });
  });
});

describe('bulk cells (paste, fill, clear)', () => {
  it('refuses a block with any bad cell whole, listing every bad cell, storing nothing', async () => {
    const { ws, call, p } = await setup();
    const a = await call('issue.create', { projectId: p, values: { title: 'A' } });
    const b = await call('issue.create', { projectId: p, values: { title: 'B' } });
    const before = snapshot(ws.db.sqlite);
    const err = await failure(
      call('issue.applyCells', {
        projectId: p,
        updates: [
          { id: a.id, patch: { title: 'A2', status: 'bogus' } },
          { id: b.id, patch: { due: '2025-02-30', priority: 'high', owner: 7 } },
        ],
        creates: [{ values: { title: 'new', kind: 'x', colour: 'red' } }, { values: { ref: 'I-002' } }],
      }),
    );
    expect(err.code).toBe('VALIDATION');
    const details = err.details as CellProblem[];
    expect(details.map((d) => [d.part, d.row, d.id, d.field])).toEqual([
      ['updates', 0, a.id, 'status'],
      ['updates', 1, b.id, 'due'],
      ['updates', 1, b.id, 'owner'],
      ['creates', 0, null, 'kind'],
      ['creates', 0, null, 'colour'],
      ['creates', 1, null, 'ref'],
    ]);
    expect(details.every((d) => d.message.length > 0)).toBe(true);
    expect(err.message).toContain('6 bad cell(s)');
    expect(snapshot(ws.db.sqlite)).toBe(before);
  });

  it('answers CONFLICT when the only problems are duplicate IDs', async () => {
    const { ws, call, p } = await setup();
    const a = await call('risk.create', { projectId: p });
    const b = await call('risk.create', { projectId: p });
    const before = snapshot(ws.db.sqlite);
    const err = await failure(call('risk.applyCells', { projectId: p, updates: [{ id: b.id, patch: { ref: 'r-001', title: 'ok' } }] }));
    expect(err).toMatchObject({ code: 'CONFLICT', details: [{ part: 'updates', row: 0, id: b.id, field: 'ref' }] });
    expect(a.ref).toBe('R-001');
    expect(snapshot(ws.db.sqlite)).toBe(before);
  });

  it('refuses rows of another project as NOT_FOUND', async () => {
    const { ws, call, p } = await setup();
    const q = (await call('project.create', { name: 'Q' })).id;
    const foreign = await call('risk.create', { projectId: q });
    const before = snapshot(ws.db.sqlite);
    const err = await failure(call('risk.applyCells', { projectId: p, updates: [{ id: foreign.id, patch: { title: 'x' } }] }));
    expect(err).toMatchObject({ code: 'NOT_FOUND', details: [{ part: 'updates', row: 0, id: foreign.id, field: 'id' }] });
    expect(snapshot(ws.db.sqlite)).toBe(before);
  });

  it('writes a valid block as one batch: changed fields only, every created field', async () => {
    const { ws, call, p } = await setup();
    const a = await call('risk.create', { projectId: p, values: { title: 'A', probability: 2 } });
    const b = await call('risk.create', { projectId: p, values: { title: 'B' } });
    const auditBefore = audit(ws).length;
    const res = await call('risk.applyCells', {
      projectId: p,
      updates: [
        { id: a.id, patch: { probability: 5, title: 'A' } },
        { id: b.id, patch: { owner: '田中' } },
        { id: a.id, patch: { impact: 4 } },
        { id: b.id, patch: { owner: '田中' } },
      ],
      creates: [{ values: { title: 'C', category: 'cost', extra: { 備考: 'client column' } } }],
    });
    expect(res.updated.map((r) => [r.id, r.probability, r.impact, r.owner, r.score])).toEqual([
      [a.id, 5, 4, '', 20],
      [b.id, null, null, '田中', null],
    ]);
    expect(res.created).toMatchObject([{ ref: 'R-003', title: 'C', category: 'cost', status: 'open', extra: { 備考: 'client column' } }]);

    const rows = audit(ws).slice(auditBefore);
    expect(new Set(rows.map((r) => r.batch_id)).size).toBe(1);
    expect(rows.map((r) => [r.entity, r.entity_id, r.action, r.before, r.after])).toEqual([
      ['risk', a.id, 'update', { probability: 2 }, { probability: 5 }],
      ['risk', b.id, 'update', { owner: '' }, { owner: '田中' }],
      ['risk', a.id, 'update', { impact: null }, { impact: 4 }],
      ['risk', res.created[0]!.id, 'create', null, expect.any(Object)],
    ]);
    const snapshot = rows[3]!.after!;
    const fields = ENTITY_STORES.risk!.fields.filter((f) => f !== 'createdAt' && f !== 'updatedAt');
    expect(Object.keys(snapshot).sort()).toEqual([...fields].sort());
    expect(snapshot).toMatchObject({ id: res.created[0]!.id, projectId: p, ref: 'R-003', extra: { 備考: 'client column' } });
    const batch = ws.db.sqlite.prepare('SELECT label, project_id, who FROM batches WHERE id = ?').get(rows[0]!.batch_id);
    expect(batch).toEqual({ label: 'risk.applyCells', project_id: p, who: 'tester' });
  });

  it('writes nothing, not even a batch, when no value changes', async () => {
    const { ws, call, p } = await setup();
    const a = await call('issue.create', { projectId: p, values: { title: 'A', extra: { x: 1 } } });
    const before = snapshot(ws.db.sqlite);
    const res = await call('issue.applyCells', { projectId: p, updates: [{ id: a.id, patch: { title: 'A', extra: { x: 1 } } }] });
    expect(res.updated).toHaveLength(1);
    expect(snapshot(ws.db.sqlite)).toBe(before);
  });
});

describe('deletes and generic undo', () => {
  it('deletes one row or several in one batch, keeping whole snapshots', async () => {
    const { ws, call, p } = await setup();
    const [a, b, c] = [await call('change.create', { projectId: p, values: { title: 'a' } }), await call('change.create', { projectId: p }), await call('change.create', { projectId: p })];
    expect(await call('change.delete', { id: a.id })).toEqual({ deleted: 1 });
    expect(await call('change.delete', { ids: [b.id, c.id, b.id] })).toEqual({ deleted: 2 });
    expect(await call('change.list', { projectId: p })).toEqual([]);
    const deletes = audit(ws, 'change').filter((r) => r.action === 'delete');
    expect(deletes.map((r) => r.entity_id)).toEqual([a.id, b.id, c.id]);
    expect(new Set(deletes.slice(1).map((r) => r.batch_id)).size).toBe(1);
    expect(deletes[0]!.before).toMatchObject({ id: a.id, projectId: p, ref: 'C-001', title: 'a', decision: '' });
    expect(deletes[0]!.after).toBeNull();
  });

  it('refuses missing rows, rows of two projects, and neither or both of id and ids', async () => {
    const { ws, call, p } = await setup();
    const q = (await call('project.create', { name: 'Q' })).id;
    const a = await call('risk.create', { projectId: p });
    const b = await call('risk.create', { projectId: q });
    const before = snapshot(ws.db.sqlite);
    expect((await failure(call('risk.delete', { ids: [a.id, 999] }))).code).toBe('NOT_FOUND');
    expect((await failure(call('risk.delete', { ids: [a.id, b.id] }))).code).toBe('CONFLICT');
    expect(await failure(call('risk.delete', {}))).toMatchObject({ code: 'VALIDATION', details: [{ field: 'id' }] });
    expect(await failure(call('risk.delete', { id: a.id, ids: [a.id] }))).toMatchObject({ code: 'VALIDATION' });
    expect(snapshot(ws.db.sqlite)).toBe(before);
  });

  it('audits every write so that replaying a batch backwards restores the rows', async () => {
    const { ws, call, p } = await setup();
    // Snapshots leave out the timestamps by convention, so a restored row has new ones.
    const table = () => ws.db.sqlite.prepare('SELECT * FROM issues ORDER BY id').all().map((r) => ({ ...(r as object), created_at: 0, updated_at: 0 }));
    const a = await call('issue.create', { projectId: p, values: { title: 'A', due: '2025-04-01' } });
    await call('issue.create', { projectId: p, values: { title: 'B' } });
    const start = table();
    const batches: string[] = [];
    const mark = () => batches.push((ws.db.sqlite.prepare('SELECT batch_id FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string));
    await call('issue.applyCells', { projectId: p, updates: [{ id: a.id, patch: { status: 'done', title: 'A!' } }], creates: [{ values: { title: 'C' } }] });
    mark();
    await call('issue.delete', { ids: [a.id] });
    mark();
    expect(table()).not.toEqual(start);

    // The replay generic undo does: newest audit row first, through the entity stores.
    for (const batchId of batches.reverse()) {
      const rows = audit(ws).filter((r) => r.batch_id === batchId).reverse();
      for (const r of rows) {
        const store = ENTITY_STORES[r.entity]!;
        if (r.action === 'create') store.remove(ws.db, r.entity_id);
        else if (r.action === 'delete') store.insert(ws.db, { ...r.before!, id: r.entity_id } as never);
        else store.update(ws.db, r.entity_id, r.before as never);
      }
    }
    expect(table()).toEqual(start);
  });
});

describe('service-level list', () => {
  it('lists rows in creation order with derived values, per register', async () => {
    const { db, p } = await setup();
    risks.create(db, actor, p, { title: 'r1', probability: 3, impact: 3 });
    changes.create(db, actor, p, { title: 'c1' });
    expect(risks.list(db, p).map((r) => [r.ref, r.score, r.level])).toEqual([['R-001', 9, 'medium']]);
    expect(changes.list(db, p).map((c) => c.title)).toEqual(['c1']);
    expect(() => risks.list(db, 999)).toThrow(/999/);
  });
});
