// The WBS as the export of PMO Desk's own layout reads it (services/export/wbs-export-rows.ts): the tree
// from the schedule's network, the values a chunk of rows at a time. Read in chunks of every size, it
// must be the plan the WBS screen lists (wbs.ts listTasks: codes, levels, summaries, the links' text,
// the client's extra keys in order down the tree); and a write between two chunks must be noticed, not
// written half before and half after it.
import { describe, expect, it } from 'vitest';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { listTasks } from '../../electron/core/services/wbs.js';
import { RowsChanged, wbsExportRows } from '../../electron/core/services/export/wbs-export-rows.js';

const TODAY = '2025-04-01';

/** A project of a few levels, moved and reordered (positions not in id order), with links and extra columns. */
async function plan() {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const { id: projectId } = await call('project.create', { name: '書き出し' });
  const ids: number[] = [];
  const make = async (name: string, parentId: number | null, values: Record<string, unknown> = {}) => {
    const t = await call('wbs.create', { projectId, ...(parentId === null ? {} : { parentId }), values: { name, ...values } });
    ids.push(t.id);
    return t.id;
  };
  for (let a = 0; a < 3; a++) {
    const phase = await make(`工程${a}`, null);
    for (let b = 0; b < 3; b++) {
      const task = await make(`作業${a}-${b}`, phase, { plannedStart: `2025-04-0${b + 1}`, plannedFinish: `2025-04-0${b + 3}`, assignee: '山田', progress: b * 30 });
      // The client's extra columns come only from an import: written here as it stores them.
      if (b === 1) ws.db.sql.run('UPDATE wbs_tasks SET extra = ? WHERE id = ?', [JSON.stringify({ [`列${2 - a}`]: a, 共通: 'x' }), task]);
      if (b === 2) await make(`細目${a}`, task, { plannedStart: '2025-04-10', plannedFinish: '2025-04-10', milestone: true, notes: '=SUM(A1)' });
    }
  }
  // Reordered: a phase moved down, a subtree indented under another.
  await call('wbs.move', { ids: [ids[0]!], direction: 'down' });
  await call('wbs.indent', { ids: [ids[2]!] });
  await call('wbs.update', { id: ids[3]!, patch: { predecessors: '2.1' } });
  return { ws, call, projectId, ids };
}

describe('the WBS as its own export reads it', () => {
  for (const chunk of [1, 2, 5, Infinity])
    it(`is the plan the WBS screen lists, read ${chunk} rows at a time`, async () => {
      const { ws, projectId } = await plan();
      const listed = listTasks(ws.db, projectId, TODAY);
      const rows = wbsExportRows(ws.db, projectId, TODAY, { critical: true, chunk });
      expect(rows.count).toBe(listed.length);
      const fields = ['name', 'assignee', 'plannedStart', 'plannedFinish', 'actualStart', 'actualFinish', 'plannedEffort', 'actualEffort', 'progress', 'status', 'milestone', 'deliverable', 'predecessors', 'notes', 'extra', 'duration', 'scheduling'] as const;
      listed.forEach((t, i) => {
        const got = rows.at(i);
        expect(got.wbsCode, t.name).toBe(t.code);
        expect(rows.level[i], t.name).toBe(t.level);
        expect(rows.summary[i] === 1, t.name).toBe(t.summary);
        for (const f of fields) expect(got[f], `${t.code} ${f}`).toEqual(t[f]);
      });
      expect(listed.some((t) => /^\d/.test(t.predecessors ?? ''))).toBe(true);
      const keys: string[] = [];
      for (const t of listed) for (const k of Object.keys(t.extra)) if (!keys.includes(k)) keys.push(k);
      expect(rows.extraKeys).toEqual(keys);
      ws.close();
    });

  it('notices a write between two chunks, and reads every row at once without chunks', async () => {
    const { ws, call, projectId, ids } = await plan();
    const rows = wbsExportRows(ws.db, projectId, TODAY, { critical: false, chunk: 4 });
    for (let i = 0; i < 4; i++) rows.at(i);
    await call('wbs.update', { id: ids[8]!, patch: { name: '書き換え' } });
    // Rows already read stay readable; the next chunk is refused.
    expect(rows.at(3).wbsCode).toBe(listTasks(ws.db, projectId, TODAY)[3]!.code);
    expect(() => rows.at(4)).toThrow(RowsChanged);
    const whole = wbsExportRows(ws.db, projectId, TODAY, { critical: false, chunk: Infinity });
    await call('wbs.update', { id: ids[8]!, patch: { name: 'もう一度' } });
    expect(Array.from({ length: whole.count }, (_, i) => whole.at(i).name)).toContain('書き換え');
    ws.close();
  });
});
