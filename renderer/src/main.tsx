import { createRoot } from 'react-dom/client';
import { call } from './api/client.js';
import { initI18n, pickLanguage } from './i18n/index.js';
import { App } from './App.js';
import './styles.css';

async function start() {
  // Together, not one after the other: the first screen needs both.
  const [info, projects] = await Promise.all([call('app.info', {}), call('project.list', {})]);
  await initI18n(pickLanguage(info.language, info.osLocale));
  createRoot(document.getElementById('root')!).render(<App info={info} projects={projects} />);
}

start().catch((err) => {
  document.body.textContent = `PMO Desk could not start: ${(err as Error).message}`;
});
