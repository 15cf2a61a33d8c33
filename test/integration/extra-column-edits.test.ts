// Two administrators editing different client columns (keys of a row's `extra`) of one register row: the
// grid sends the row's whole `extra` with its key changed and, with it, the `extra` its edit began from.
// Each key is compared and written on its own (services/stale-edit.ts rebaseExtra): a colleague's change
// to another client column stays; a change to the same column is a CONFLICT naming that column
// (`extra:<key>`), nothing written. On both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../electron/core/workspace.js';
import { ApiError } from '../../electron/common/errors.js';
import { isStale } from '../../electron/common/stale-edit.js';
import { PG_SKIP } from '../helpers/pg-cluster.js';
import { tempPgWorkspace } from '../helpers/pg-workspace.js';
import { inProcessCaller, tempWorkspace, type Call } from '../helpers/workspace.js';

const engines: [string, () => Promise<Workspace>][] = [['SQLite', async () => tempWorkspace()]];
if (!PG_SKIP) engines.push(['PostgreSQL', () => tempPgWorkspace()]);

describe.each(engines)('edits of client columns on %s', (_, open) => {
  let ws: Workspace;
  let call: Call;
  let projectId: number;
  beforeAll(async () => {
    ws = await open();
    call = inProcessCaller(ws);
    projectId = (await call('project.create', { name: '顧客列' })).id;
  }, 60_000);
  afterAll(() => ws?.close());

  const began = { 顧客メモ: '初回', 顧客区分: 'A' };
  const newIssue = async () => (await call('issue.create', { projectId, values: { title: '課題', extra: began } })).id;

  it("keeps a colleague's change to another client column of the row", async () => {
    const id = await newIssue();
    // Suzuki changes 顧客区分, then Yamada (who began before it) changes 顧客メモ.
    await call('issue.update', { id, patch: { extra: { ...began, 顧客区分: 'B' } }, expected: { extra: began } });
    const after = await call('issue.update', { id, patch: { extra: { ...began, 顧客メモ: '二回目' } }, expected: { extra: began } });
    expect(after.extra).toEqual({ 顧客メモ: '二回目', 顧客区分: 'B' });
    // A paste (applyCells) the same way.
    await call('issue.applyCells', { projectId, updates: [{ id, patch: { extra: { 顧客メモ: '二回目', 顧客区分: 'C' } }, expected: { extra: { 顧客メモ: '二回目', 顧客区分: 'B' } } }], creates: [] });
    await call('issue.update', { id, patch: { extra: { 顧客メモ: '三回目', 顧客区分: 'B' } }, expected: { extra: { 顧客メモ: '二回目', 顧客区分: 'B' } } });
    const rows = await call('issue.list', { projectId });
    expect(rows.find((r) => r.id === id)!.extra).toEqual({ 顧客メモ: '三回目', 顧客区分: 'C' });
  });

  it('refuses a change to a client column a colleague changed since, naming that column', async () => {
    const id = await newIssue();
    await call('issue.update', { id, patch: { extra: { ...began, 顧客メモ: '鈴木の値' } }, expected: { extra: began } });
    const err = await call('issue.update', { id, patch: { extra: { ...began, 顧客メモ: '山田の値' } }, expected: { extra: began } }).catch((e: ApiError) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('CONFLICT');
    const details = (err as ApiError).details;
    expect(isStale(details) && details.rows[0]!.cells).toEqual([{ field: 'extra:顧客メモ', was: '初回', theirs: '鈴木の値', yours: '山田の値' }]);
    expect((await call('issue.list', { projectId })).find((r) => r.id === id)!.extra).toEqual({ 顧客メモ: '鈴木の値', 顧客区分: 'A' });
  });
});
