// Where the address points: the open project and screen live in the URL hash (#project=3&view=risks),
// so a reload comes back. Its own small module: the app's first lines read it before the rest of the
// app has loaded (main.tsx).
import { hashParams } from './api/client.js';
import { REGISTER_LIST } from '../../electron/common/registers/index.js';

export function routeProject(): number | null {
  const id = Number(hashParams().get('project'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** The workspace's own pages, outside any project: 設定, and a register kept across projects (教訓). */
export const WORKSPACE_PAGES: readonly string[] = ['settings', ...REGISTER_LIST.filter((d) => d.workspacePage).map((d) => d.view)];

/** The workspace page the address opens (#page=settings, #page=lessons), if any. */
export function routePage(): string | null {
  const page = hashParams().get('page');
  return page !== null && WORKSPACE_PAGES.includes(page) ? page : null;
}

/** The project whose WBS (the default view) the address opens, if it opens one. */
export function routeWbs(): number | null {
  return routePage() === null && (hashParams().get('view') ?? 'wbs') === 'wbs' ? routeProject() : null;
}
