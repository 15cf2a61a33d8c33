import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, WorkspaceProblem } from '../../../../electron/common/dto.js';
import { formatDateTime } from '../../../../electron/common/dates.js';
import { mutate } from '../../api/useApi.js';
import { ConfirmDialog, type ConfirmRequest } from '../../ui/ConfirmDialog.js';
import { useErrorText } from '../../ui/ErrorBanner.js';
import { formatBytes } from './backupFormat.js';
import { ProjectRestoreDialog } from './ProjectRestoreDialog.js';

/**
 * The backups, newest first, each with 復元 (the whole workspace, after confirming; the app reloads on
 * the restored file) and, when the workspace is open, restore of one project.
 */
export function BackupList({
  backups,
  problem,
  onError,
  onProjectRestored,
}: {
  backups: BackupInfo[];
  /** Why the workspace is not open (recovery, read-only): only the whole of it can be restored; undefined when open. */
  problem: WorkspaceProblem | undefined;
  onError(text: string): void;
  onProjectRestored(message: string): void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [projectFrom, setProjectFrom] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const canRestoreProject = problem === undefined;

  const askRestore = (b: BackupInfo) =>
    setConfirm({
      title: t('backup.confirmTitle'),
      // In recovery there is no sound state to back up first: say what happens to the file under the
      // workspace's name instead (kept aside when damaged or replaced; nothing to keep when deleted).
      message: problem
        ? t('backup.confirmRecovery', { when: formatDateTime(b.takenAt), aside: t(`recovery.aside.${problem}` as const) })
        : t('backup.confirm', { when: formatDateTime(b.takenAt) }),
      confirmLabel: t('backup.confirmLabel'),
      onConfirm: () => {
        setBusy(true);
        mutate('backup.restore', { id: b.id })
          // The workspace reopened on the backup: start the UI again on it.
          .then(() => location.reload())
          .catch((err: unknown) => {
            setBusy(false);
            onError(errorText(err));
          });
      },
    });

  if (backups.length === 0) return <p className="muted">{t('backup.empty')}</p>;
  return (
    <>
      <table className="backups" data-testid="backup-list" aria-busy={busy}>
        <thead>
          <tr>
            <th>{t('backup.takenAt')}</th>
            <th className="num">{t('backup.size')}</th>
            <th>{t('backup.reason')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.id} data-testid="backup-row" data-id={b.id}>
              <td className="nowrap">{formatDateTime(b.takenAt)}</td>
              <td className="num nowrap">{formatBytes(b.bytes)}</td>
              <td>{t(`backup.reasons.${b.reason}`)}</td>
              <td className="actions">
                {canRestoreProject && (
                  <button disabled={busy} onClick={() => setProjectFrom(b)}>
                    {t('backup.restoreProject')}
                  </button>
                )}
                <button className="danger" disabled={busy} onClick={() => askRestore(b)}>
                  {t('backup.restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
      {projectFrom && (
        <ProjectRestoreDialog
          backup={projectFrom}
          onClose={() => setProjectFrom(null)}
          onDone={(name) => {
            setProjectFrom(null);
            onProjectRestored(t('backup.projectDone', { name, when: formatDateTime(projectFrom.takenAt) }));
          }}
        />
      )}
    </>
  );
}
