// Moving a workspace between engines (team mode): 設定 → チームで使う copies this workspace's SQLite file
// into an empty team database before connecting to it, and any workspace (a team database, or a file)
// hands one project — or a team database all of itself — out as a SQLite file. Both are one transaction
// on the target and can be stopped (中止) until they commit, leaving nothing behind.
import { z } from 'zod';
import { id } from './schemas.js';
import { teamDatabaseInput } from './team.js';

export interface CopiedRows {
  /** Rows copied per table, counted again on the target before it was committed. */
  rows: Record<string, number>;
  total: number;
}

export const transferApi = {
  /**
   * Copies every row of this workspace (a SQLite file) into the team database, which must be empty
   * (migrated here when it has no tables yet). The workspace stays where it is: team.connect moves to it.
   */
  'workspace.copyToTeam': {
    input: z.strictObject({ database: teamDatabaseInput, password: z.string().max(1024).optional() }),
    output: {} as CopiedRows & { database: string },
  },
  /** A new SQLite workspace file holding one project (or, without one, the whole workspace), as bytes. */
  'workspace.exportFile': {
    input: z.strictObject({ projectId: id.optional() }),
    output: {} as CopiedRows & { fileName: string; dataBase64: string },
  },
} as const;
