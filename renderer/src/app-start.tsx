// The rest of the app, loaded by main.tsx once it has asked for the first screen's data: the language,
// then the app itself.
import { createRoot } from 'react-dom/client';
import type { AppInfo, Project, WorkspaceStatus } from '../../electron/common/dto.js';
import { initI18n, pickLanguage } from './i18n/index.js';
import { App } from './App.js';
import { isDensity } from './grid/density.js';

export async function render(info: AppInfo, status: WorkspaceStatus, projects: Project[], density: unknown): Promise<void> {
  // In a browser (the web host) the browser's language is the user's, not the serving machine's.
  await initI18n(pickLanguage(info.language, info.shell === 'web' ? navigator.language : info.osLocale));
  createRoot(document.getElementById('root')!).render(<App info={info} status={status} projects={projects} density={isDensity(density) ? density : 'normal'} />);
}
