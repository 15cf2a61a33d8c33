import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupSettings, WorkspaceProblem } from '../../../../electron/common/dto.js';
import { formatDateTime } from '../../../../electron/common/dates.js';
import { call } from '../../api/client.js';
import { ErrorBanner, useErrorText } from '../../ui/ErrorBanner.js';
import { BackupList } from './BackupList.js';

/**
 * 設定 → バックアップ: where backups go, バックアップを作成, the integrity check (the web host's way to
 * it; Electron also has it in the menu), and the list with 復元. `problem`: why the workspace is not
 * open (recovery, read-only), where only the whole workspace can be restored; undefined when it is.
 */
export function BackupSection({ problem }: { problem: WorkspaceProblem | undefined }) {
  const workspaceOpen = problem === undefined;
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  const [folder, setFolder] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (work: () => Promise<string | null | void>) => {
      setBusy(true);
      try {
        const message = await work();
        setError(null);
        if (message !== undefined) setNotice(message);
      } catch (err) {
        setError(errorText(err));
      } finally {
        setBusy(false);
      }
      const [list, s] = await Promise.all([call('backup.list', {}), call('backup.settings', {})]).catch(() => [null, null] as const);
      if (list) setBackups(list);
      if (s) {
        setSettings(s);
        setFolder(s.folder);
      }
    },
    [errorText],
  );

  useEffect(() => void run(async () => undefined), [run]);

  const saveFolder = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await call('backup.setFolder', { folder });
      return null;
    });
  };

  const check = () =>
    void run(async () => {
      setNotice(t('backup.checking'));
      const r = await call('workspace.check', {});
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
                await call('backup.setFolder', { folder: null });
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
                const b = await call('backup.create', {});
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
            {notice}
          </span>
        </div>
      )}
      <ErrorBanner text={error} onClose={() => setError(null)} />
      {backups && (
        <BackupList
          backups={backups}
          problem={problem}
        onError={setError}
          onProjectRestored={(message) => void run(async () => message)}
        />
      )}
    </section>
  );
}
