// workspace.copyToTeam and workspace.exportFile (common/api/transfer.ts): the copy itself is
// services/workspace-copy.ts; here the target is opened — the team database through the same bridge a
// team workspace uses (migrated first when it has no tables), or a new SQLite file in a temporary folder,
// answered as bytes and removed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HandlerMap } from '../../common/api.js';
import type { transferApi } from '../../common/api/transfer.js';
import { localToday } from '../../common/dates.js';
import { textError } from '../../common/errors.js';
import { openDatabase } from '../db/open.js';
import { describeTeamDatabase, pgClientConfig, pgMigrationsBeside } from '../db/pg-connection.js';
import { loginProblem } from '../db/pg-login.js';
import { openPgSql, type PgSql } from '../db/pg-sync.js';
import { checkDatabaseLocale } from '../db/pg-locale.js';
import type { SqlDb as Db } from '../db/sql.js';
import { fileNamePart } from '../excel/register-layout.js';
import type { HostContext } from '../handlers.js';
import { copyWorkspace } from '../services/workspace-copy.js';

export function transferHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof transferApi> {
  const migrations = () => {
    if (!ctx.migrations) throw textError('CONFLICT', 'transfer.unavailable', {}, 'Copying a workspace is not available here: the workspace was opened without its migrations');
    return ctx.migrations;
  };
  return {
    'workspace.copyToTeam': ({ database: input, password }) => {
      const { folder } = migrations();
      const { caFile, ...rest } = input;
      const database = { ...rest, ...(caFile && { caFile }) };
      const where = describeTeamDatabase(database);
      if (db.sql.dialect.name === 'postgres')
        throw textError('CONFLICT', 'team.copyFromTeam', {}, 'The workspace is already on a team database: only a workspace in this PC\'s file is copied to one');
      let config;
      try {
        config = pgClientConfig(database, password);
      } catch (err) {
        throw textError('VALIDATION', 'team.caFile', { file: caFile ?? '' }, (err as Error).message);
      }
      let target: PgSql;
      try {
        target = openPgSql(config);
      } catch (err) {
        throw loginProblem(err as Error & { code?: string }, database);
      }
      try {
        // A database that is not UTF8 takes no copy (its sorting, if other than the file's, 接続 then says).
        checkDatabaseLocale(target, database);
        try {
          target.migrate(pgMigrationsBeside(folder));
        } catch (err) {
          throw textError('UNAVAILABLE', 'team.notOpened', { database: where, detail: (err as Error).message }, `The workspace could not be opened on ${where}: ${(err as Error).message}`);
        }
        return { database: where, ...copyWorkspace(db.sql, target, { targetName: where }) };
      } finally {
        target.close();
      }
    },
    'workspace.exportFile': ({ projectId }) => {
      const { folder, nativeBinding } = migrations();
      const project = projectId === undefined ? undefined : db.sql.get<{ name: string }>('SELECT name FROM projects WHERE id = ?', [projectId]);
      if (projectId !== undefined && !project) throw textError('NOT_FOUND', 'projectGone', { id: projectId }, `Project ${projectId} does not exist`, { field: 'projectId' });
      const today = (ctx.today?.() ?? localToday()).replaceAll('-', '');
      const fileName = `${['PMO Desk', project ? fileNamePart(project.name) : '', today].filter(Boolean).join('_')}.sqlite`;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-export-'));
      try {
        const file = path.join(dir, 'pmo-desk.sqlite');
        const out = openDatabase(file, { migrationsFolder: folder, ...(nativeBinding && { nativeBinding }), check: 'none' });
        let copied;
        try {
          copied = copyWorkspace(db.sql, out.sql, { targetName: fileName, ...(projectId !== undefined && { projectId }) });
        } finally {
          // Closing the last connection folds the WAL into the file: its bytes alone are the workspace.
          out.close();
        }
        return { fileName, dataBase64: fs.readFileSync(file).toString('base64'), ...copied };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
