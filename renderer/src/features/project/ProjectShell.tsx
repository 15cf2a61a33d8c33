import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../electron/common/dto.js';
import { PROJECT_VIEWS } from './views.js';
import { JumpContext, type PendingJump } from '../search/jump.js';

/** One project: a tab per screen; the chosen tab lives in the URL so a reload comes back to it. */
export function ProjectShell({ project, view, onView, jump = null }: { project: Project; view: string; onView(id: string): void; jump?: PendingJump | null }) {
  const { t } = useTranslation();
  const current = PROJECT_VIEWS.find((v) => v.id === view) ?? PROJECT_VIEWS[0]!;
  return (
    <>
      <nav className="tabs" role="tablist">
        {PROJECT_VIEWS.map((v) => (
          <button key={v.id} role="tab" aria-selected={v.id === current.id} className={v.id === current.id ? 'active' : ''} onClick={() => onView(v.id)}>
            {t(`views.${v.id}`)}
          </button>
        ))}
      </nav>
      {/* A search hit's row, for the page that shows its kind to select. */}
      <JumpContext.Provider value={jump}>
        <current.Page key={`${project.id}-${current.id}`} project={project} />
      </JumpContext.Provider>
    </>
  );
}
