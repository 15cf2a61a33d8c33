// The workspace in its own thread (core/workspace-thread.ts), as the web host and Electron main use it:
// real SQLite files in temp folders, the real worker bundle. What holds in-process holds through the
// thread (envelopes, error codes, the lock, recovery, a clean close); every call carries its caller, and
// undo / redo take the caller's own newest change; long calls report progress, the cancellable ones stop,
// and a small call answers while a long one runs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type Envelope } from '../../electron/common/errors.js';
import type { Caller } from '../../electron/core/call-scope.js';
import type { JobInfo } from '../../electron/common/api/jobs.js';
import type { Input, Method, Output } from '../../electron/common/api.js';
import { lockFile, WorkspaceLockedError } from '../../electron/core/db/lock.js';
import { startWorkspaceThread, type WorkspaceThread } from '../../electron/core/workspace-thread.js';
import type { Handlers } from '../../electron/core/envelope.js';
import { MIGRATIONS, ROOT, tempDir, tempWorkspace } from '../helpers/workspace.js';
import { bigWorkspace, tempWorkspaceThread } from '../fixtures/workspace-worker.js';
import { japaneseWbs } from '../fixtures/excel/xlsx.js';
import { rawRequest } from '../helpers/http.js';
import { startHost } from '../../electron/host/server.js';
import { RAW_JSON_MIN_BYTES } from '../../electron/core/raw-json.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const open: WorkspaceThread[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

async function thread(dir?: string): Promise<WorkspaceThread> {
  const t = await tempWorkspaceThread(dir);
  open.push(t);
  return t;
}

function caller(handlers: Handlers, who?: Caller) {
  return async <M extends Method>(method: M, args: Input<M>): Promise<Output<M>> => {
    const env = await handlers.invoke(method, args, who);
    if (!env.ok) throw ApiError.from(env.error);
    return env.result as Output<M>;
  };
}

/** job.list and job.cancel as one client calls them. */
function jobs(handlers: Handlers, who: Caller) {
  const run = async (method: string, args: unknown) => {
    const env = await handlers.invoke(method, args, who);
    if (!env.ok) throw ApiError.from(env.error);
    return env.result;
  };
  return { list: () => run('job.list', {}) as Promise<JobInfo[]>, cancel: (jobId: number) => run('job.cancel', { jobId }) };
}

const envelope = (handlers: Handlers, method: string, args: unknown, who?: Caller): Promise<Envelope<unknown>> => handlers.invoke(method, args, who);


describe('the workspace thread', () => {
  it('answers the same envelopes and error codes as in-process, and closes cleanly (no lock left, data kept)', async () => {
    const dir = tempDir();
    const t = await thread(dir);
    const call = caller(t.handlers);
    const p = await call('project.create', { name: 'Alpha' });
    await call('wbs.create', { projectId: p.id, values: { name: 'task' } });
    expect(await envelope(t.handlers, 'no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await envelope(t.handlers, 'wbs.update', { id: p.id, patch: { progress: 'x' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await envelope(t.handlers, 'wbs.update', { id: 999_999, patch: { name: 'x' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(fs.existsSync(lockFile(dir))).toBe(true);
    open.splice(open.indexOf(t), 1);
    await t.close();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
    expect(await envelope(t.handlers, 'project.list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    const again = await thread(dir);
    expect(await caller(again.handlers)('wbs.rows', { projectId: p.id }).then(tasksOfTable)).toMatchObject([{ name: 'task' }]);
  });

  it('refuses a folder another workspace holds, naming it', async () => {
    const dir = tempDir();
    await thread(dir);
    const second = startWorkspaceThread(dir, { migrationsFolder: MIGRATIONS, context: { version: 'test', osLocale: 'ja-JP', shell: 'web' } });
    await expect(second).rejects.toBeInstanceOf(WorkspaceLockedError);
    await expect(second).rejects.toThrow(/already open in PMO Desk/);
    // Nor was the first one's lock taken over: it still answers, and closes cleanly.
    expect(await caller(open[0]!.handlers)('project.list', {})).toEqual([]);
  });

  it('opens a file that is not a database in recovery: its condition answers, every other call is DAMAGED', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pmo-desk.sqlite'), 'not a database '.repeat(300));
    const t = await thread(dir);
    expect(await caller(t.handlers)('workspace.status', {})).toMatchObject({ condition: 'damaged', problem: 'notDatabase' });
    expect(await envelope(t.handlers, 'project.list', {})).toMatchObject({ ok: false, error: { code: 'DAMAGED' } });
  });
});

describe('every call carries its caller', () => {
  it('undo and redo take the caller’s own newest change, not a colleague’s made since', async () => {
    const t = await thread();
    const sato = caller(t.handlers, { user: 'sato', client: 'window-1' });
    const tanaka = caller(t.handlers, { user: 'tanaka', client: 'page-2' });
    const p = await sato('project.create', { name: 'Shared' });
    const a = await sato('wbs.create', { projectId: p.id, values: { name: 'A' } });
    const b = await tanaka('wbs.create', { projectId: p.id, values: { name: 'B' } });
    await sato('wbs.update', { id: a.id, patch: { name: 'A2' } }); // sato's change is the project's newest

    const names = async () => (await sato('wbs.rows', { projectId: p.id }).then(tasksOfTable)).map((x) => x.name).sort();
    expect(await tanaka('history.state', { projectId: p.id })).toMatchObject({ canUndo: true, undoLabel: 'wbs.create' });
    expect(await tanaka('history.undo', { projectId: p.id })).toMatchObject({ applied: true, label: 'wbs.create' });
    expect(await names()).toEqual(['A2']); // tanaka's B is gone, sato's rename stays
    expect(await tanaka('history.state', { projectId: p.id })).toMatchObject({ canUndo: false, canRedo: true });

    expect(await sato('history.undo', { projectId: p.id })).toMatchObject({ applied: true, label: 'wbs.update' });
    expect(await names()).toEqual(['A']);
    // tanaka's redo brings B back, and leaves sato's undone rename undone.
    expect(await tanaka('history.redo', { projectId: p.id })).toMatchObject({ applied: true });
    expect(await names()).toEqual(['A', 'B']);
    expect(await sato('history.redo', { projectId: p.id })).toMatchObject({ applied: true, label: 'wbs.update' });
    expect(await names()).toEqual(['A2', 'B']);
    // The audit trail names who did each step.
    const trail = await sato('history.row', { entity: 'wbs_task', id: b.id });
    expect(trail.map((e) => [e.who, e.kind])).toEqual([
      ['tanaka', 'redo'],
      ['tanaka', 'undo'],
      ['tanaka', 'edit'],
    ]);
  });

  it('a caller without a user is the workspace’s own user (the OS user of the host)', async () => {
    const t = await thread(); // opened with user 'tester'
    const call = caller(t.handlers, { client: 'page-1' });
    const p = await call('project.create', { name: 'P' });
    const task = await call('wbs.create', { projectId: p.id, values: { name: 'x' } });
    expect((await call('history.row', { entity: 'wbs_task', id: task.id }))[0]!.who).toBe('tester');
    expect((await call('app.info', {})).user).toBe('tester');
  });
});

describe('long calls', () => {
  it('an export reports its progress to its own client only, and a small call answers while it runs', async () => {
    const { dir, projectId } = await bigWorkspace();
    const t = await thread(dir);
    const a: Caller = { client: 'page-a' };
    const b: Caller = { client: 'page-b' };
    let exported = false;
    const exporting = envelope(t.handlers, 'excel.export', { projectId, register: 'wbs' }, a).then((env) => ((exported = true), env));

    // Poll until the export says how far it has come (each poll is answered on this side of the thread).
    let seen: JobInfo | undefined;
    while (!exported && !seen?.total) {
      const running = (await jobs(t.handlers, a).list()) as JobInfo[];
      seen = running.find((j) => j.method === 'excel.export');
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(seen).toMatchObject({ method: 'excel.export', cancellable: true, cancelRequested: false });
    expect(seen!.total).toBe(10_000); // the rows written
    expect(await jobs(t.handlers, b).list()).toEqual([]); // another page's calls are not its own
    // A small call made now is answered by the workspace thread before the export ends.
    const list = await caller(t.handlers, b)('project.list', {});
    expect(list.map((p) => p.name)).toEqual(['big']);
    expect(exported).toBe(false);
    expect(await exporting).toMatchObject({ ok: true, result: { fileName: expect.stringMatching(/\.xlsx$/) } });
    expect(await jobs(t.handlers, a).list()).toEqual([]);
  });

  it('job.cancel stops an export (nothing was written) and it answers CANCELLED; a write cannot be cancelled', async () => {
    const { dir, projectId } = await bigWorkspace();
    const t = await thread(dir);
    const me: Caller = { client: 'page-a' };
    const call = caller(t.handlers, me);
    const exporting = envelope(t.handlers, 'excel.export', { projectId, register: 'wbs' }, me);
    let job: JobInfo | undefined;
    while (!job) {
      job = (await jobs(t.handlers, me).list()).find((j) => j.method === 'excel.export' && j.total);
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Another page cannot cancel it.
    expect(await jobs(t.handlers, { client: 'page-b' }).cancel(job.jobId)).toEqual({ cancelled: false });
    expect(await jobs(t.handlers, me).cancel(job.jobId)).toEqual({ cancelled: true });
    expect(await exporting).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });

    // An undo (a write) is listed but not cancellable.
    const task = (await call('wbs.rows', { projectId }).then(tasksOfTable))[5]!;
    await call('wbs.update', { id: task.id, patch: { name: 'renamed' } });
    const undoing = envelope(t.handlers, 'history.undo', { projectId }, me);
    const running = await jobs(t.handlers, me).list();
    expect(running.map((j) => j.method)).toEqual(['history.undo']);
    for (const j of running) expect(await jobs(t.handlers, me).cancel(j.jobId)).toEqual({ cancelled: false });
    expect(await undoing).toMatchObject({ ok: true, result: { applied: true } });
  });
});

describe('a large request body', () => {
  it('crosses to the workspace thread as its bytes and is parsed there: a valid one is answered, one that is no JSON is VALIDATION', async () => {
    const t = await thread();
    const host = await startHost(0, { handlers: t.handlers });
    try {
      const send = (body: string) =>
        rawRequest(host.port, { method: 'POST', path: '/api/excel.previewImport', headers: { Host: `127.0.0.1:${host.port}`, 'X-PMO-Token': host.token, 'Content-Type': 'application/json' }, body });
      const project = (await envelope(t.handlers, 'project.create', { name: 'P' })) as Envelope<{ id: number }>;
      const args = { projectId: project.ok && project.result.id, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: (await japaneseWbs(300)).toString('base64') };
      // Whitespace is JSON too: the body passes RAW_JSON_MIN_BYTES with the same arguments.
      const body = JSON.stringify(args) + ' '.repeat(RAW_JSON_MIN_BYTES);
      const ok = await send(body);
      expect(ok.status).toBe(200);
      expect(JSON.parse(ok.body)).toMatchObject({ ok: true, result: { previewId: expect.any(String) } });
      const bad = await send(`{"projectId": 1, ${'x'.repeat(RAW_JSON_MIN_BYTES)}`);
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.body).error).toMatchObject({ code: 'VALIDATION', message: 'request body is not valid JSON' });
      // …and the thread goes on answering.
      expect(await envelope(t.handlers, 'project.list', {})).toMatchObject({ ok: true });
    } finally {
      await host.close();
    }
  });
});

describe('the web host process', () => {
  it('closes the workspace cleanly on SIGTERM: no lock (unclean-shutdown marker) is left, the data is kept', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/host/main.ts'), '--data', dir, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const line = await new Promise<string>((resolve) => readline.createInterface({ input: child.stdout }).once('line', resolve));
    const [, port, token] = /127\.0\.0\.1:(\d+)\/#token=(.+)$/.exec(line)!;
    const res = await fetch(`http://127.0.0.1:${port}/api/project.create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-PMO-Token': token!, 'X-PMO-Client': 'page-1' },
      body: JSON.stringify({ name: 'Kept' }),
    });
    expect(await res.json()).toMatchObject({ ok: true, result: { name: 'Kept' } });
    expect(fs.existsSync(lockFile(dir))).toBe(true);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(stderr).toBe('');
    expect(fs.existsSync(lockFile(dir))).toBe(false);
    const ws = tempWorkspace(dir);
    try {
      expect(ws.status()).toMatchObject({ condition: 'ok' });
      expect(ws.db.sqlite.prepare('SELECT name FROM projects').pluck().all()).toEqual(['Kept']);
    } finally {
      ws.close();
    }
  }, 120_000);
});
