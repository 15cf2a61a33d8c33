import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceStatus } from '../../../../electron/common/dto.js';
import { formatDateTime } from '../../../../electron/common/dates.js';
import { mutate } from '../../api/useApi.js';
import { ErrorBanner, useErrorText } from '../../ui/ErrorBanner.js';
import { formatBytes } from './backupFormat.js';
import { BackupSection } from './BackupSection.js';

/**
 * The workspace file is damaged or missing: one sentence on what happened, the newest backup that
 * passed its check (restore it), or a read-only copy of the damaged file to export what reads.
 */
export function RecoveryPage({ status }: { status: WorkspaceStatus }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const newest = status.newestGoodBackup ?? null;
  // What a restore does with the file under the workspace's name, said for what happened to it.
  const aside = t(`recovery.aside.${status.problem ?? 'corrupt'}` as const);

  // The app starts again on the workspace restored or opened: nothing on this screen is read again.
  const act = (work: () => Promise<unknown>) => {
    setBusy(true);
    work()
      .then(() => location.reload())
      .catch((err: unknown) => {
        setError(errorText(err));
        setBusy(false);
      });
  };

  return (
    <section className="recovery" data-testid="recovery-page">
      <h2>{t('recovery.heading')}</h2>
      <p className="recovery-problem" data-testid="recovery-problem">
        {t(`recovery.problems.${status.problem ?? 'corrupt'}`)}
      </p>
      {newest ? (
        <p data-testid="recovery-offer">{t('recovery.offer', { when: formatDateTime(newest.takenAt), size: formatBytes(newest.bytes), aside })}</p>
      ) : (
        <p data-testid="recovery-offer">{t('recovery.noBackup', { folder: status.folder })}</p>
      )}
      <div className="toolbar">
        {newest && (
          <button className="primary" disabled={busy} onClick={() => act(() => mutate('backup.restore', { id: newest.id }, { touches: [] }))}>
            {t('recovery.restoreNewest')}
          </button>
        )}
        {status.condition === 'damaged' && (
          <button disabled={busy} onClick={() => act(() => mutate('workspace.openReadOnly', {}, { touches: [] }))}>
            {t('recovery.readOnly')}
          </button>
        )}
      </div>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <details>
        <summary>{t('recovery.details')}</summary>
        <p className="muted small">{t('recovery.folder', { folder: status.folder })}</p>
        {status.detail && <pre className="muted small">{status.detail}</pre>}
      </details>
      <BackupSection problem={status.problem ?? 'corrupt'} />
    </section>
  );
}
