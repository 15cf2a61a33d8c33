// Real SQLite workspaces in temp folders for tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import { ApiError } from '../../electron/common/errors.js';
import type { Input, Method, Output } from '../../electron/common/api.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const MIGRATIONS = path.join(ROOT, 'drizzle/migrations');

export function tempDir(prefix = 'pmo-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempWorkspace(dir = tempDir(), opts: { osLocale?: string; now?: () => Date } = {}): Workspace {
  return openWorkspace(dir, {
    migrationsFolder: MIGRATIONS,
    context: { version: 'test', osLocale: opts.osLocale ?? 'ja-JP', shell: 'web', user: 'tester' },
    now: opts.now,
  });
}

/** A typed caller: the shape every contract test uses, whatever adapter is underneath. */
export type Call = <M extends Method>(method: M, args: Input<M>) => Promise<Output<M>>;

export function inProcessCaller(ws: Workspace): Call {
  return async (method, args) => {
    const env = await ws.handlers.invoke(method, args);
    if (!env.ok) throw ApiError.from(env.error);
    return env.result as never;
  };
}
