import { createRoot } from 'react-dom/client';
import { call } from './api/client.js';
import { initI18n, pickLanguage } from './i18n/index.js';
import { App } from './App.js';
import './styles.css';

async function start() {
  const info = await call('app.info', {});
  await initI18n(pickLanguage(info.language, info.osLocale));
  createRoot(document.getElementById('root')!).render(<App info={info} />);
}

start().catch((err) => {
  document.body.textContent = `PMO Desk could not start: ${(err as Error).message}`;
});
