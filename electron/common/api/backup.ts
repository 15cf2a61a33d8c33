import { z } from 'zod';
import type { BackupInfo, BackupSettings, IntegrityReport, WorkspaceStatus } from '../dto.js';
import { id, text } from './schemas.js';

export interface RestoreResult {
  restored: 'workspace' | 'project';
  /** The backup of the state before the restore (none when that state was damaged or missing). */
  safetyBackup: BackupInfo | null;
  /** The damaged file, kept under this name in the data folder, when one was set aside. */
  setAside?: string;
}

const backupId = text(200).regex(/^[A-Za-z0-9-]+$/, 'must be a backup id');

// Backups and the condition of the workspace file. These answer even when the workspace cannot be
// opened (damaged, missing): they are how the user gets back to work.
export const backupApi = {
  'backup.list': { input: z.strictObject({}), output: [] as BackupInfo[] },
  'backup.create': { input: z.strictObject({}), output: {} as BackupInfo },
  'backup.restore': {
    input: z.strictObject({ id: backupId, projectId: id.optional() }),
    output: {} as RestoreResult,
  },
  /** The projects a backup holds, to pick one to restore (a deleted project is only there). */
  'backup.projects': {
    input: z.strictObject({ id: backupId }),
    output: [] as { id: number; name: string; code: string }[],
  },
  'backup.settings': { input: z.strictObject({}), output: {} as BackupSettings },
  'backup.setFolder': {
    input: z.strictObject({ folder: text(1000).trim().min(1, 'must not be empty').nullable() }),
    output: {} as BackupSettings,
  },
  'workspace.status': { input: z.strictObject({}), output: {} as WorkspaceStatus },
  'workspace.check': { input: z.strictObject({}), output: {} as IntegrityReport },
  'workspace.openReadOnly': { input: z.strictObject({}), output: {} as WorkspaceStatus },
} as const;
