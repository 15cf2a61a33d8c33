// Opens a data folder as a workspace: the database plus the API handlers over it. Both shells
// (Electron main and the web host) and the tests start here, so they cannot drift apart.
import fs from 'node:fs';
import os from 'node:os';
import { openDatabase, type Db, type OpenOptions } from './db/open.js';
import { createHandlers, type Handlers, type HostContext } from './handlers.js';
import { databaseFile } from './paths.js';

export interface Workspace {
  db: Db;
  handlers: Handlers;
  close(): void;
}

export function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

export function openWorkspace(
  dataDir: string,
  options: OpenOptions & { context: Omit<HostContext, 'user'> & { user?: string } },
): Workspace {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(databaseFile(dataDir), options);
  const handlers = createHandlers(db, { ...options.context, user: options.context.user ?? osUserName() });
  return { db, handlers, close: () => db.close() };
}
