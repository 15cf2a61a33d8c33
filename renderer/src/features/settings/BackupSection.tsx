import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceProblem } from '../../../../electron/common/dto.js';
import { formatDateTime } from '../../../../electron/common/dates.js';
import { mutate, read, useQuery } from '../../api/useApi.js';
import { PageFrame, usePageFrame } from '../../ui/PageFrame.js';
import { BackupList } from './BackupList.js';

/**
 * 設定 → バックアップ: where backups go, バックアップを作成, the integrity check (the web host's way to
 * it; Electron also has it in the menu), and the list with 復元. `problem`: why the workspace is not
 * open (recovery, read-only), where only the whole workspace can be restored; undefined when it is.
 */
export function BackupSection({ problem }: { problem: WorkspaceProblem | undefined }) {
  const workspaceOpen = problem === undefined;
  const { t } = useTranslation();
  const frame = usePageFrame();
  // The backups and where they go, read again after any write of them (create, restore, folder); a
  // failure to list them leaves the list as it was.
  const query = useQuery(['backup'], () => Promise.all([read('backup.list', {}), read('backup.settings', {})]), []);
  const backups = query.data?.[0] ?? null;
  const settings = query.data?.[1] ?? null;
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (settings) setFolder(settings.folder);
  }, [settings]);

  /** Runs an action: its answer (a sentence, or null to clear it) becomes the notice; a failure the error line, with the stored settings shown again. */
  const run = async (work: () => Promise<string | null | void>) => {
    setBusy(true);
    try {
      const message = await work();
      frame.setError(null);
      if (message !== undefined) frame.setNotice(message);
    } catch (err) {
      frame.fail(err);
      await query.reload();
    } finally {
      setBusy(false);
    }
  };

  const saveFolder = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await mutate('backup.setFolder', { folder });
      return null;
    });
  };

  const check = () =>
    void run(async () => {
      frame.setNotice(t('backup.checking'));
      const r = await mutate('workspace.check', {}, { touches: ['backup'] });
      if (!r.ok) location.reload(); // the workspace stopped writing: the recovery screen takes over
      return r.ok ? t('backup.checkOk', { when: formatDateTime(r.checkedAt) }) : t('backup.checkBad');
    });

  return (
    <section className="settings-section" data-testid="backup-section" aria-busy={busy || backups === null}>
      <h3>{t('settings.backups')}</h3>
      <p className="muted">{t('backup.intro')}</p>
      <form className="toolbar" onSubmit={saveFolder}>
        <label className="grow">
          {t('backup.folder')}{' '}
          <input type="text" className="folder-input" aria-label={t('backup.folder')} value={folder} onChange={(e) => setFolder(e.target.value)} />
        </label>
        <button type="submit" disabled={busy || !folder.trim() || folder === settings?.folder}>
          {t('backup.saveFolder')}
        </button>
        {settings && settings.folder !== settings.defaultFolder && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await mutate('backup.setFolder', { folder: null });
                return null;
              })
            }
          >
            {t('backup.defaultFolder')}
          </button>
        )}
      </form>
      <p className="muted small">{t('backup.folderHint')}</p>
      {workspaceOpen && (
        <div className="toolbar">
          <button
            className="primary"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const b = await mutate('backup.create', {});
                return t('backup.created', { when: formatDateTime(b.takenAt) });
              })
            }
          >
            {t('backup.create')}
          </button>
          <button disabled={busy} onClick={check}>
            {t('backup.check')}
          </button>
          <span className="notice" role="status" data-testid="backup-notice">
            {frame.notice}
          </span>
        </div>
      )}
      <PageFrame frame={frame}>
        {backups && (
          <BackupList backups={backups} problem={problem} onError={frame.setError} onProjectRestored={(message) => void run(async () => message)} />
        )}
      </PageFrame>
    </section>
  );
}
