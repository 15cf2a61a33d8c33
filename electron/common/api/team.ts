// 設定 → チームで使う: the calls that move the workspace onto a team's PostgreSQL database (or back to
// the folder's SQLite file). They are answered by the shell (core/team-switch.ts), not by the workspace:
// connecting closes the workspace and opens another one, and the password is the shell's to keep
// (Electron: the OS's protected storage through safeStorage; the web host: in memory while it runs).
// Like job.*, they are not part of the domain contract (api.ts).
import { z } from 'zod';
import type { TeamDatabase } from '../dto.js';
import type { ApiErrorBody } from '../errors.js';

export const teamDatabaseInput = z.strictObject({
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  database: z.string().trim().min(1).max(63),
  user: z.string().trim().min(1).max(63),
  /** A PEM file on this machine: TLS, the server's certificate checked against it. */
  caFile: z.string().trim().max(4096).optional(),
});

/** Where the shell keeps the team password: the OS's protected storage, or this process's memory only. */
export type PasswordKeeping = 'protected' | 'memory';

export interface TeamState {
  /** The team database the workspace is on, or null (the folder's SQLite file). */
  database: TeamDatabase | null;
  /** Where a password typed in the form is kept. */
  keeping: PasswordKeeping;
  /**
   * Why `database` is not open: it did not open at start (or after a failed 再接続), and the workspace
   * answers nothing until it is reconnected (team.connect) or the folder's file is chosen (team.disconnect).
   */
  problem?: ApiErrorBody;
  /** What the open team database does otherwise than the file (it sorts text by another collation). */
  warning?: ApiErrorBody;
  /** Where バックアップ (pg_dump) writes unless another folder is typed: the data folder's backups. */
  backupFolder: string;
}

/** A dump of the team database written by pg_dump (core/pg-dump.ts). */
export interface TeamBackup {
  file: string;
  bytes: number;
  /** How many tables' rows it holds, as pg_restore --list reads it back. */
  tables: number;
  /** The pg_dump that wrote it (its --version). */
  tool: string;
}

export const teamApi = {
  'team.get': { input: z.strictObject({}), output: {} as TeamState },
  /**
   * Checks the login (and TLS) against the server, then names the database in the folder's
   * pmo-desk.team.json (never the password) and reopens the workspace on it. Refused with nothing
   * changed when the server cannot be reached, refuses the login, or its certificate does not check.
   */
  'team.connect': {
    input: z.strictObject({ database: teamDatabaseInput, password: z.string().max(1024).optional() }),
    output: {} as TeamState,
  },
  /**
   * A consistent dump of the team database the workspace is on, by pg_dump (custom format, for
   * pg_restore) into `folder`. Refused when the workspace is on its SQLite file or pg_dump is not installed.
   */
  'team.backup': { input: z.strictObject({ folder: z.string().trim().min(1).max(4096) }), output: {} as TeamBackup },
  /** Back to the folder's SQLite file (the team file and the kept password removed). */
  'team.disconnect': { input: z.strictObject({}), output: {} as TeamState },
} as const;

export type TeamMethod = keyof typeof teamApi;

export function isTeamMethod(name: string): name is TeamMethod {
  return Object.prototype.hasOwnProperty.call(teamApi, name);
}
