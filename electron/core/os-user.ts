import os from 'node:os';
import { currentCaller } from './call-scope.js';
import type { HostContext } from './handlers.js';

/** This process's user: the audit trail's "who" when the host names no caller. */
export function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/**
 * A workspace's handler context (SQLite or PostgreSQL alike): the audit trail's "who" and the owner of
 * the undo stack is the caller's user when the host names one, else the context's, else this process's.
 */
export function callerContext(context: Omit<HostContext, 'user' | 'storage'> & { user?: string }, storage: HostContext['storage']): HostContext {
  const osUser = context.user ?? osUserName();
  return {
    ...context,
    get user() {
      return currentCaller()?.user ?? osUser;
    },
    get client() {
      return currentCaller()?.client;
    },
    storage,
  };
}
