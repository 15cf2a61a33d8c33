// What the shell holds in place of a workspace when the folder names a team database that cannot be
// opened at start (the server down, no kept password, TLS refused): the app and the web host still start,
// and the page shows 設定 → チームで使う with the cause, 再接続 and この PC のファイルに戻す (TeamSwitch).
// Falling back to the folder's SQLite file on its own would let an administrator work for a day on a stale
// local copy believing it was the team's; only the user chooses that (team.disconnect).
//
// It answers what the page needs to start (app.info, workspace.status); every other call is refused with
// UNAVAILABLE naming the database and the cause, and nothing is read or written anywhere.
import { isMethod } from '../common/api.js';
import type { AppInfo, TeamDatabase, WorkspaceStatus } from '../common/dto.js';
import { ApiError, textError, type Envelope } from '../common/errors.js';
import type { Caller } from './call-scope.js';
import { checkTeamLogin } from './db/pg-login.js';
import { describeTeamDatabase } from './db/pg-connection.js';
import type { OpenedWorkspace } from './team-switch.js';

/** What app.info says while no workspace is open: the shell's own facts (no language chosen: none can be read). */
export type ShellInfo = Omit<AppInfo, 'language'>;

/**
 * Why `database` did not open: the login's own refusal when the server refuses it (or is not there),
 * said as 接続 says it (db/pg-login.ts); else the open's words (a migration that failed, a worker that
 * did not start), which the login cannot explain.
 */
export async function whyTeamDidNotOpen(database: TeamDatabase, password: string | undefined, openError: unknown): Promise<ApiError> {
  try {
    await checkTeamLogin(database, password);
  } catch (err) {
    if (err instanceof ApiError) return err;
  }
  const where = describeTeamDatabase(database);
  const detail = (openError as Error)?.message ?? String(openError);
  return textError('UNAVAILABLE', 'team.notOpened', { database: where, detail }, `The workspace could not be opened on ${where}: ${detail}`);
}

/** Why the folder's team file names no database it can read (hand-edited, cut short): the file, and what is wrong. */
export function badTeamFile(err: unknown): ApiError {
  const message = (err as Error)?.message ?? String(err);
  return textError('UNAVAILABLE', 'team.badFile', { detail: message }, message);
}

/** The stand-in workspace for `database` (null: the team file names none readable), which did not open because of `cause`. */
export function unavailableWorkspace(dataDir: string, database: TeamDatabase | null, cause: ApiError, info: ShellInfo): OpenedWorkspace {
  const where = database ? describeTeamDatabase(database) : 'named in the folder';
  const status: WorkspaceStatus = { condition: 'teamUnavailable', folder: dataDir, ...(database && { database }), detail: cause.message };
  // The cause's own sentence (which server, what it refused) with the database named in the English words.
  const refusal = new ApiError('UNAVAILABLE', `The team database ${where} is not open: ${cause.message}`, { database, cause: cause.toJSON() }, cause.text);
  const answer = (method: string, caller: Caller | undefined): Envelope<unknown> => {
    if (method === 'app.info') return { ok: true, result: { ...info, ...(caller?.user && { user: caller.user }), language: null } satisfies AppInfo };
    if (method === 'workspace.status') return { ok: true, result: status };
    if (!isMethod(method)) return { ok: false, error: textError('UNKNOWN_METHOD', 'unknownMethod', { method }, `Unknown API method: ${method}`, { method }).toJSON() };
    return { ok: false, error: refusal.toJSON() };
  };
  return {
    handlers: { invoke: async (method, _args, caller) => answer(method, caller) },
    close: () => undefined,
  };
}
