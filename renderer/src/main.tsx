import { createRoot } from 'react-dom/client';
import { call, takeTokenFromUrl } from './api/client.js';
import { initI18n, pickLanguage } from './i18n/index.js';
import { App } from './App.js';
import './styles.css';

async function start() {
  takeTokenFromUrl();
  // Together, not one after the other: the first screen needs all three. A workspace that cannot be
  // opened answers no projects (DAMAGED); its status says why, and the recovery screen shows.
  const [info, status, projects] = await Promise.all([
    call('app.info', {}),
    call('workspace.status', {}),
    call('project.list', {}).catch(() => []),
  ]);
  await initI18n(pickLanguage(info.language, info.osLocale));
  createRoot(document.getElementById('root')!).render(<App info={info} status={status} projects={projects} />);
}

start().catch((err) => {
  document.body.textContent = `PMO Desk could not start: ${(err as Error).message}`;
});
