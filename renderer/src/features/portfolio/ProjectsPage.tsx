import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../electron/common/dto.js';
import { formatDateTime } from '../../../../electron/common/dates.js';
import { call } from '../../api/client.js';
import { ConfirmDialog, type ConfirmRequest } from '../../ui/ConfirmDialog.js';
import { ErrorBanner, useErrorText } from '../../ui/ErrorBanner.js';

export function ProjectsPage({ onOpen }: { onOpen(p: Project): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [projects, setProjects] = useState<Project[]>([]);
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      try {
        await work();
        setError(null);
        setProjects(await call('project.list', {}));
      } catch (err) {
        setError(errorText(err));
      }
    },
    [errorText],
  );

  useEffect(() => void run(async () => undefined), [run]);

  const create = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await call('project.create', { name, code });
      setName('');
      setCode('');
    });
  };

  const saveRename = (e: FormEvent) => {
    e.preventDefault();
    if (!renaming) return;
    void run(async () => {
      await call('project.update', { id: renaming.id, patch: { name: renaming.name } });
      setRenaming(null);
    });
  };

  const askDelete = (p: Project) =>
    setConfirm({
      title: t('projects.confirmDeleteTitle'),
      message: t('projects.confirmDelete', { name: p.name }),
      confirmLabel: t('common.delete'),
      onConfirm: () => void run(() => call('project.delete', { id: p.id })),
    });

  return (
    <section className="projects">
      <h2>{t('projects.heading')}</h2>
      <form className="toolbar" onSubmit={create}>
        <input
          type="text"
          aria-label={t('projects.name')}
          placeholder={t('projects.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          size={40}
        />
        <input
          type="text"
          aria-label={t('projects.code')}
          placeholder={t('projects.code')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          size={12}
        />
        <button className="primary" type="submit" disabled={!name.trim()}>
          {t('projects.create')}
        </button>
      </form>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      {projects.length === 0 ? (
        <p className="muted">{t('projects.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('projects.name')}</th>
              <th>{t('projects.code')}</th>
              <th>{t('projects.updated')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => (
              <tr key={p.id} data-testid="project-row">
                <td>
                  {renaming?.id === p.id ? (
                    <form onSubmit={saveRename}>
                      <input
                        type="text"
                        aria-label={t('common.rename')}
                        autoFocus
                        value={renaming.name}
                        onChange={(e) => setRenaming({ id: p.id, name: e.target.value })}
                        onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                      />
                    </form>
                  ) : (
                    <a href="#" onClick={(e) => (e.preventDefault(), onOpen(p))}>
                      {p.name}
                    </a>
                  )}
                </td>
                <td>{p.code}</td>
                <td className="muted">{formatDateTime(p.updatedAt)}</td>
                <td className="actions">
                  <button onClick={() => onOpen(p)}>{t('projects.open')}</button>
                  <button onClick={() => setRenaming({ id: p.id, name: p.name })}>{t('common.rename')}</button>
                  <button className="danger" onClick={() => askDelete(p)}>
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </section>
  );
}
