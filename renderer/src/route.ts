// Where the address points: the open project and screen live in the URL hash (#project=3&view=risks),
// so a reload comes back. Its own small module: the app's first lines read it before the rest of the
// app has loaded (main.tsx).
import { hashParams } from './api/client.js';

export function routeProject(): number | null {
  const id = Number(hashParams().get('project'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** 設定 is a page of its own (#page=settings), outside any project. */
export function routePage(): 'settings' | null {
  return hashParams().get('page') === 'settings' ? 'settings' : null;
}

/** The project whose WBS (the default view) the address opens, if it opens one. */
export function routeWbs(): number | null {
  return routePage() === null && (hashParams().get('view') ?? 'wbs') === 'wbs' ? routeProject() : null;
}
