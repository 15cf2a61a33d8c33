import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { read, useQuery } from '../../api/useApi.js';
import { saveFile } from '../../api/download.js';
import { ErrorBanner, useMessageText } from '../../ui/ErrorBanner.js';

/**
 * 設定 → SQLite ファイルに書き出す: one project, or the whole workspace (a team database's, or this PC's),
 * saved as a SQLite file PMO Desk opens — for a client handover or an offline laptop (workspace.exportFile;
 * the bar under the top bar shows how far, with 中止).
 */
export function ExportFileSection() {
  const { t } = useTranslation();
  const errorText = useMessageText();
  const projects = useQuery(['project'], () => read('project.list', {}), []);
  const [projectId, setProjectId] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const out = await read('workspace.exportFile', projectId ? { projectId: Number(projectId) } : {});
      saveFile(out.fileName, out.dataBase64);
      setNote(t('team.exported', { fileName: out.fileName, total: out.total }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-section" data-testid="export-file-section" aria-busy={busy}>
      <h3>{t('team.exportTitle')}</h3>
      <p className="muted">{t('team.exportHint')}</p>
      <div className="toolbar">
        <select value={projectId} onChange={(e) => setProjectId(e.target.value)} aria-label={t('team.exportTitle')} data-testid="export-file-project">
          <option value="">{t('team.exportAll')}</option>
          {(projects.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button type="button" disabled={busy} onClick={() => void save()} data-testid="export-file-save">
          {t('team.exportButton')}
        </button>
      </div>
      {note && (
        <p role="status" data-testid="export-file-note">
          {note}
        </p>
      )}
      <ErrorBanner text={error} onClose={() => setError(null)} />
    </section>
  );
}
