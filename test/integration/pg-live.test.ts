// Team mode's live refresh on the server's side (core/pg-live.ts, drizzle/pg/migrations 0007_batch_notify):
// a history.since that finds nothing waits until another PMO Desk on the database commits a batch — it
// answers as soon as the server announces it, long before its wait is over — and says which batches the
// asking window wrote itself (`mine`), not those of another window of the same user.
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import { ApiError } from '../../electron/common/errors.js';
import { PG_SKIP } from '../helpers/pg-cluster.js';
import pg from 'pg';
import { sharedPgCluster, tempPgDatabase } from '../helpers/pg-workspace.js';
import { MIGRATIONS, tempDir } from '../helpers/workspace.js';

const opened: Workspace[] = [];
afterAll(() => opened.forEach((w) => w.close()));

/** Resolves once the server has a session LISTENing on the batches' channel in `database` (pg-live.ts's). */
async function listening(database: string): Promise<void> {
  const client = new pg.Client({ ...(await sharedPgCluster()).config, database });
  await client.connect();
  try {
    // The server's own view of its sessions: the LISTEN has run when its session is idle after it.
    const q = "SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND query = 'LISTEN pmo_batches' AND state = 'idle'";
    for (let i = 0; (await client.query(q, [database])).rowCount === 0; i++) {
      if (i > 2000) throw new Error('the workspace never listened for batches');
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    await client.end();
  }
}

const caller = (ws: Workspace, user: string, client: string) => async (method: string, args: unknown): Promise<any> => {
  const env = await ws.handlers.invoke(method, args, { user, client });
  if (!env.ok) throw ApiError.from(env.error);
  return env.result;
};

describe.skipIf(PG_SKIP)('history.since waits for the next batch on a team database', () => {
  it('answers when another client commits, well before its wait is over; `mine` only for the asking window', async () => {
    const database = await tempPgDatabase();
    const [a, b] = ['yamada', 'suzuki'].map((user) => openWorkspace(tempDir(), { migrationsFolder: MIGRATIONS, postgres: { database }, context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user } }));
    opened.push(a!, b!);
    const yamada = caller(a!, 'yamada', 'window-1');
    const yamadaOther = caller(a!, 'yamada', 'window-2');
    const suzuki = caller(b!, 'suzuki', 'page-1');
    const p = await suzuki('project.create', { name: '共有案件' });
    const { seq } = await yamada('history.since', {});
    // The first wait opens the listening connection (ending at once: nothing is listening yet); the
    // second waits on it once the server has it LISTENing.
    await yamada('history.since', { after: seq, wait: 1 });
    await listening(database.database);
    const started = performance.now();
    const waiting = yamada('history.since', { after: seq, wait: 5000 });
    let answered = false;
    void waiting.then(() => (answered = true));
    // The call reads (finding nothing) and begins its wait without giving the event loop back; one turn
    // of it later it is waiting, and still is.
    await new Promise((r) => setImmediate(r));
    expect(answered).toBe(false);
    await suzuki('wbs.create', { projectId: p.id, values: { name: '要件定義' } });
    const got = await waiting;
    const took = performance.now() - started;
    expect(got.batches.map((x: { who: string; mine: boolean; entities: string[] }) => [x.who, x.mine, x.entities])).toEqual([['suzuki', false, ['wbs_task']]]);
    // Announced at the commit: far sooner than the 5 s wait (wall clock on a loaded machine; the bound is loose).
    expect(took).toBeLessThan(3000);

    // A batch of this window is mine; the same user's other window sees it as not its own.
    await yamada('wbs.create', { projectId: p.id, values: { name: '設計' } });
    const mine = await yamada('history.since', { after: got.seq });
    const other = await yamadaOther('history.since', { after: got.seq });
    expect(mine.batches.map((x: { mine: boolean }) => x.mine)).toEqual([true]);
    expect(other.batches.map((x: { mine: boolean }) => x.mine)).toEqual([false]);
  }, 60_000);
});
