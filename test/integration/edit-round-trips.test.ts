// One wbs.update does all it did before its statements were merged and its writes sent ahead (Sql.send,
// the merged reads of queries/wbs.ts), on SQLite and on PostgreSQL: the row and its ancestors' roll-ups
// written and answered, the audit rows (the history, one batch), undo of the whole of it, the search index,
// a summary's rolled-up field refused, and a colleague told of the batch (history.since; on PostgreSQL the
// server's NOTIFY). On PostgreSQL it also counts the round trips of one edit (pg-sync.ts roundTrips): a
// leaf's roll-up edit took 18 and a text edit 13 before. The reschedule after an edit takes whether the
// project has automatic tasks and links from the edit's first read, unless the edit changes them.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import type { PgSql } from '../../electron/core/db/pg-sync.js';
import { ApiError } from '../../electron/common/errors.js';
import { PG_SKIP } from '../helpers/pg-cluster.js';
import { sharedPgCluster, tempPgDatabase } from '../helpers/pg-workspace.js';
import { MIGRATIONS, tempDir, tempWorkspace } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

type Caller = (method: string, args: unknown) => Promise<any>;
const opened: Workspace[] = [];
afterAll(() => opened.forEach((w) => w.close()));

const caller = (ws: Workspace, user: string, client: string): Caller => async (method, args) => {
  const env = await ws.handlers.invoke(method, args, { user, client });
  if (!env.ok) throw ApiError.from(env.error);
  return env.result;
};

/** The editor's workspace and a colleague's (another PMO Desk on the database; a second page of the file). */
async function open(engine: 'sqlite' | 'postgres'): Promise<{ ws: Workspace; me: Caller; colleague: Caller; database?: string }> {
  if (engine === 'sqlite') {
    const ws = tempWorkspace();
    opened.push(ws);
    return { ws, me: caller(ws, 'yamada', 'page-1'), colleague: caller(ws, 'suzuki', 'page-2') };
  }
  const database = await tempPgDatabase();
  const [a, b] = ['yamada', 'suzuki'].map((user) => openWorkspace(tempDir(), { migrationsFolder: MIGRATIONS, postgres: { database }, context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user } }));
  opened.push(a!, b!);
  return { ws: a!, me: caller(a!, 'yamada', 'page-1'), colleague: caller(b!, 'suzuki', 'page-2'), database: database.database };
}

const ENGINES: ('sqlite' | 'postgres')[] = ['sqlite', ...(PG_SKIP ? [] : ['postgres' as const])];

describe.each(ENGINES)('one wbs.update, its writes merged and sent ahead (%s)', (engine) => {
  it('writes the row and the roll-ups, audits them as one batch, answers them, is undone whole and is announced', async () => {
    const { ws, me, colleague, database } = await open(engine);
    const p = await me('project.create', { name: '往復' });
    // 1 フェーズ > 1.1 WP > 1.1.1 / 1.1.2 (leaves), and 1.2 (a leaf beside the WP).
    const phase = await me('wbs.create', { projectId: p.id, values: { name: 'フェーズ' } });
    const wp = await me('wbs.create', { projectId: p.id, parentId: phase.id, values: { name: 'WP' } });
    const a = await me('wbs.create', { projectId: p.id, parentId: wp.id, values: { name: '設計', plannedEffort: 2, progress: 0 } });
    await me('wbs.create', { projectId: p.id, parentId: wp.id, values: { name: '実装', plannedEffort: 2, progress: 0 } });
    await me('wbs.create', { projectId: p.id, parentId: phase.id, values: { name: '試験', plannedEffort: 4, progress: 0 } });
    const { seq } = await colleague('history.since', {});
    const sql = engine === 'postgres' ? (ws.db.sql as PgSql) : null;
    const listener = database ? new pg.Client({ ...(await sharedPgCluster()).config, database }) : null;
    const notices: string[] = [];
    if (listener) {
      await listener.connect();
      listener.on('notification', (n) => notices.push(n.payload ?? ''));
      await listener.query('LISTEN pmo_batches');
    }
    try {
      const trips = sql?.roundTrips ?? 0;
      const answer = await me('wbs.update', { id: a.id, patch: { progress: 100 } });
      // The row read (with BEGIN and the lock), the roll-up family read, then the writes, the answer's read
      // and the COMMIT together (Sql.later).
      if (sql) expect(sql.roundTrips - trips).toBeLessThanOrEqual(3);

      // The answer: the task with its code and status, and its ancestors rolled up (effort-weighted).
      expect([answer.task.code, answer.task.progress, answer.task.status, answer.task.summary]).toEqual(['1.1.1', 100, 'done', false]);
      expect(answer.related.map((t: any) => [t.code, t.progress, t.summary])).toEqual([
        ['1', 25, true],
        ['1.1', 50, true],
      ]);
      // As stored.
      const listed = new Map<number, any>((await me('wbs.rows', { projectId: p.id }).then(tasksOfTable)).map((t: any) => [t.id, t]));
      expect([listed.get(phase.id).progress, listed.get(wp.id).progress, listed.get(a.id).progress]).toEqual([25, 50, 100]);

      // One batch: the leaf's row and both ancestors' roll-ups in the history.
      const changes = await colleague('history.since', { after: seq });
      expect(changes.batches.map((b: any) => [b.label, b.who, b.entities])).toEqual([['wbs.update', 'yamada', ['wbs_task']]]);
      const leafHistory = await me('history.row', { entity: 'wbs_task', id: a.id });
      expect(leafHistory[0]).toMatchObject({ batchLabel: 'wbs.update', action: 'update', who: 'yamada' });
      expect(leafHistory[0].changes).toEqual(expect.arrayContaining([{ field: 'progress', before: 0, after: 100 }, { field: 'status', before: 'not_started', after: 'done' }]));
      for (const id of [phase.id, wp.id]) {
        const [last] = await me('history.row', { entity: 'wbs_task', id });
        expect([last.batchId, last.batchLabel]).toEqual([leafHistory[0].batchId, 'wbs.update']);
      }
      if (listener) {
        // The server announced the batch to every PMO Desk listening, at its commit.
        for (let i = 0; notices.length === 0 && i < 200; i++) await new Promise((r) => setTimeout(r, 10));
        expect(notices).toEqual([String(changes.seq)]);
      }

      // A text edit: found by search at once (the index written in the batch), announced too.
      const trips2 = sql?.roundTrips ?? 0;
      const renamed = await me('wbs.update', { id: a.id, patch: { name: '基本設計書レビュー' } });
      // The row read (with BEGIN and the lock), then the writes, the answer's read and the COMMIT together:
      // the write lock is held for one round trip and the commit's flush.
      if (sql) expect(sql.roundTrips - trips2).toBeLessThanOrEqual(2);
      // The answer read with the COMMIT is the task as this edit left it.
      expect([renamed.task.name, renamed.task.code, renamed.related.map((t: any) => t.code)]).toEqual(['基本設計書レビュー', '1.1.1', ['1', '1.1']]);
      expect((await colleague('search.query', { text: '基本設計書' })).map((h: any) => h.id)).toEqual([a.id]);

      // A summary's rolled-up field cannot be typed; nothing of the refused edit is left.
      const refused = await me('wbs.update', { id: wp.id, patch: { progress: 10 } }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toMatchObject({ code: 'CONFLICT' });

      // Undo takes the text edit, then the roll-up edit whole: the leaf and both ancestors as they were.
      await me('history.undo', { projectId: p.id });
      expect(await colleague('search.query', { text: '基本設計書' })).toEqual([]);
      await me('history.undo', { projectId: p.id });
      const after = new Map<number, any>((await me('wbs.rows', { projectId: p.id }).then(tasksOfTable)).map((t: any) => [t.id, t]));
      expect([after.get(phase.id).progress, after.get(wp.id).progress, after.get(a.id).progress, after.get(a.id).status]).toEqual([0, 0, 0, 'not_started']);
      expect(after.get(a.id).name).toBe('設計');
      const since = await colleague('history.since', { after: seq });
      // The two edits and their two undos (an undo batch carries the label of what it undid).
      expect(since.batches.map((b: any) => [b.label, b.who])).toEqual(Array(4).fill(['wbs.update', 'yamada']));
    } finally {
      await listener?.end();
    }
  }, 120_000);

  it('reschedules after an edit that makes a task automatic or links it, and after an edit of a linked task', async () => {
    const { me } = await open(engine);
    const p = await me('project.create', { name: '日程' });
    const a = await me('wbs.create', { projectId: p.id, values: { name: 'A', plannedStart: '2025-04-01', plannedFinish: '2025-04-02' } });
    const b = await me('wbs.create', { projectId: p.id, values: { name: 'B', plannedStart: '2025-04-01', plannedFinish: '2025-04-30' } });
    const dates = async (id: number) => {
      const t = (await me('wbs.rows', { projectId: p.id }).then(tasksOfTable)).find((x) => x.id === id)!;
      return [t.plannedStart, t.plannedFinish];
    };
    // No automatic task and no link in the project when the edit began: the edit itself makes B automatic.
    await me('wbs.update', { id: b.id, patch: { scheduling: 'auto', duration: 3 } });
    expect(await dates(b.id)).toEqual(['2025-04-01', '2025-04-03']);
    // The edit links B after A (Tue 4/1–Wed 4/2): B starts the next working day.
    await me('wbs.update', { id: b.id, patch: { predecessors: '1' } });
    expect(await dates(b.id)).toEqual(['2025-04-03', '2025-04-07']);
    // An edit of A alone (scheduling and links as read with its row): B follows A's new finish (Fri 4/4).
    await me('wbs.update', { id: a.id, patch: { plannedFinish: '2025-04-04' } });
    expect(await dates(b.id)).toEqual(['2025-04-07', '2025-04-09']);
  }, 60_000);
});
