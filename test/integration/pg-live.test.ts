// Team mode's live refresh on the server's side (core/pg-live.ts, drizzle/pg/migrations 0007_batch_notify):
// a history.since that finds nothing waits until another PMO Desk on the database commits a batch — it
// answers as soon as the server announces it, long before its wait is over — and says which batches the
// asking window wrote itself (`mine`), not those of another window of the same user.
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import { ApiError } from '../../electron/common/errors.js';
import { PG_SKIP } from '../helpers/pg-cluster.js';
import { tempPgDatabase } from '../helpers/pg-workspace.js';
import { MIGRATIONS, tempDir } from '../helpers/workspace.js';

const opened: Workspace[] = [];
afterAll(() => opened.forEach((w) => w.close()));

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
    // The first wait opens the listening connection (a short wait meanwhile); the second waits on it.
    await yamada('history.since', { after: seq, wait: 100 });
    const started = performance.now();
    const waiting = yamada('history.since', { after: seq, wait: 5000 });
    let answered = false;
    void waiting.then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 300));
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
