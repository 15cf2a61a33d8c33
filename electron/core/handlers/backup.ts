import type { HandlerMap } from '../../common/api.js';
import type { backupApi, RestoreResult } from '../../common/api/backup.js';
import type { BackupInfo, BackupReason, BackupSettings, IntegrityReport, WorkspaceStatus } from '../../common/dto.js';
import { ApiError, textError } from '../../common/errors.js';

/** What the workspace (workspace.ts) offers the API about its file and its backups. */
export interface Storage {
  status(): WorkspaceStatus;
  list(): BackupInfo[];
  create(reason: BackupReason): BackupInfo;
  restore(id: string, projectId?: number): RestoreResult;
  projectsIn(id: string): { id: number; name: string; code: string }[];
  settings(): BackupSettings;
  setFolder(folder: string | null): BackupSettings;
  check(): IntegrityReport;
  openReadOnly(): WorkspaceStatus;
}

export function backupHandlers(storage: Storage | undefined): HandlerMap<keyof typeof backupApi> {
  const s = (): Storage => {
    if (!storage) throw textError('CONFLICT', 'backup.unavailable', {}, 'Backups are not available here: the workspace was opened without its data folder');
    return storage;
  };
  return {
    'backup.list': () => s().list(),
    'backup.create': () => s().create('manual'),
    'backup.restore': ({ id, projectId }) => s().restore(id, projectId),
    'backup.projects': ({ id }) => s().projectsIn(id),
    'backup.settings': () => s().settings(),
    'backup.setFolder': ({ folder }) => s().setFolder(folder),
    'workspace.status': () => s().status(),
    'workspace.check': () => s().check(),
    'workspace.openReadOnly': () => s().openReadOnly(),
  };
}
