// The rest of the app, loaded by main.tsx once it has asked for the first screen's data: the language,
// then the app itself.
import { createRoot } from 'react-dom/client';
import type { AppInfo, Project, WorkspaceStatus } from '../../electron/common/dto.js';
import { hashParams } from './api/client.js';
import { initI18n, pickLanguage } from './i18n/index.js';
import { App } from './App.js';
import { printRoute, renderPrintPage } from './features/portfolio/ReportPrint.js';
import { isDensity } from './grid/density.js';

export async function render(info: AppInfo, status: WorkspaceStatus, projects: Project[], density: unknown): Promise<void> {
  // In a browser (the web host) the browser's language is the user's, not the serving machine's.
  const language = pickLanguage(info.language, info.shell === 'web' ? navigator.language : info.osLocale);
  await initI18n(language);
  // The weekly report's print page (a browser tab the report dialog opened): the report alone.
  const print = printRoute(hashParams());
  if (print) return renderPrintPage(print, language);
  createRoot(document.getElementById('root')!).render(<App info={info} status={status} projects={projects} density={isDensity(density) ? density : 'normal'} />);
}
