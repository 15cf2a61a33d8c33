import os from 'node:os';

/** This process's user: the audit trail's "who" when the host names no caller. */
export function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
