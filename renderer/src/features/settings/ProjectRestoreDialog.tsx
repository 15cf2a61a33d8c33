import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../electron/common/dto.js';
import { formatDateTime } from '../../../../electron/common/dates.js';
import { mutate, read } from '../../api/useApi.js';
import { useErrorText } from '../../ui/ErrorBanner.js';

/** Picks a project inside a backup (a deleted one is only there) and restores it into the workspace. */
export function ProjectRestoreDialog({ backup, onClose, onDone }: { backup: BackupInfo; onClose(): void; onDone(name: string): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [projects, setProjects] = useState<{ id: number; name: string }[] | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);

  useEffect(() => {
    read('backup.projects', { id: backup.id })
      .then((list) => {
        setProjects(list);
        setPicked(list[0]?.id ?? null);
      })
      .catch((err: unknown) => setError(errorText(err)));
  }, [backup, errorText]);

  const name = projects?.find((p) => p.id === picked)?.name ?? '';
  const restore = () => {
    if (picked === null) return;
    setBusy(true);
    mutate('backup.restore', { id: backup.id, projectId: picked })
      .then(() => onDone(name))
      .catch((err: unknown) => {
        setError(errorText(err));
        setBusy(false);
      });
  };

  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="project-restore-title" data-testid="project-restore-dialog">
      <h2 id="project-restore-title">{t('backup.projectTitle', { when: formatDateTime(backup.takenAt) })}</h2>
      {projects && projects.length === 0 && <p className="muted">{t('backup.projectNone')}</p>}
      {projects && projects.length > 0 && (
        <>
          <label>
            {t('backup.projectPick')}{' '}
            <select aria-label={t('backup.projectPick')} value={picked ?? ''} onChange={(e) => setPicked(Number(e.target.value))}>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <p className="confirm-text">{t('backup.projectConfirm', { name })}</p>
        </>
      )}
      {error && <p className="error-text">{error}</p>}
      <div className="buttons">
        <button autoFocus onClick={() => ref.current?.close()}>
          {t('common.cancel')}
        </button>
        <button className="danger solid" disabled={busy || picked === null} onClick={restore}>
          {t('backup.confirmLabel')}
        </button>
      </div>
    </dialog>
  );
}
