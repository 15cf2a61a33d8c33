// Where the address points: the open project and screen live in the URL hash (#project=3&view=risks),
// so a reload comes back. Its own small module, read by the app's first lines before the rest of the app
// has loaded (main.tsx): so it names no register (their descriptors carry zod, ~190 KB of the first
// chunk's script, parsed and run before the app's other chunks were even asked for). Which page names
// are real is App.tsx's to say (routePage).
import { hashParams } from './api/client.js';

export function routeProject(): number | null {
  const id = Number(hashParams().get('project'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** Whether the address names a page outside any project (#page=settings, #page=lessons), real or not. */
export function routeNamesPage(): boolean {
  return hashParams().get('page') !== null;
}

/** The project whose WBS (the default view) the address opens, if it opens one. */
export function routeWbs(): number | null {
  return !routeNamesPage() && (hashParams().get('view') ?? 'wbs') === 'wbs' ? routeProject() : null;
}
