// The renderer's pages read and write through one door (renderer/src/api/useApi.ts: useQuery, mutate,
// read), so a write refreshes every screen showing what it touched and a page holds no reload state of
// its own (issue 16). This fails when a file outside renderer/src/api imports call() from the client
// without being listed below, and when a listed file no longer does: the list only shrinks. Each entry
// is a file not yet moved to the door, or one with a reason to stay.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/workspace.js';

const RENDERER = path.join(ROOT, 'renderer/src');
const API = path.join(RENDERER, 'api');

/** Files (relative to renderer/src) that still call the client directly, with how many call sites each has. */
const NOT_YET_THROUGH_THE_DOOR: Readonly<Record<string, number>> = {
  // The app's first script, before React and the rest of the app are loaded (useApi brings React): the
  // first screen's data and the routed WBS's first rows and settings (or the home's figures) are asked for
  // while the app's code loads.
  'main.tsx': 4,
  'features/wbs/wbsLoad.ts': 4,
  'features/portfolio/homeLoad.ts': 1,
};

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The code without comments. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Files outside the api folder importing `call` from the client, with their call sites. */
function directCallers(): Map<string, number> {
  const out = new Map<string, number>();
  for (const file of sourceFiles(RENDERER)) {
    if (file.startsWith(API + path.sep)) continue;
    const text = code(fs.readFileSync(file, 'utf8'));
    const imported = [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g)].some(
      ([, names, spec]) => /(^|\/)client\.js$/.test(spec!) && path.resolve(path.dirname(file), spec!) === path.join(API, 'client.js') && /(^|[\s,])call([\s,]|$)/.test(names!),
    );
    if (imported) out.set(path.relative(RENDERER, file).split(path.sep).join('/'), [...text.matchAll(/(^|[^.\w])call\(/g)].length);
  }
  return out;
}

describe('the renderer’s door to the API', () => {
  const found = directCallers();

  it('pages read and write through useApi (useQuery, mutate, read), not the client’s call()', () => {
    const unlisted = [...found.keys()].filter((f) => !(f in NOT_YET_THROUGH_THE_DOOR));
    expect(unlisted, 'call through renderer/src/api/useApi.ts (useQuery for what a page shows, mutate for writes, read for one-off reads)').toEqual([]);
  });

  it('the list of files not yet through the door only shrinks', () => {
    const gone = Object.keys(NOT_YET_THROUGH_THE_DOOR).filter((f) => !found.has(f));
    expect(gone, 'these no longer call the client: remove them from NOT_YET_THROUGH_THE_DOOR').toEqual([]);
    const grown = Object.entries(NOT_YET_THROUGH_THE_DOOR).flatMap(([f, n]) => ((found.get(f) ?? 0) > n ? [`${f}: ${found.get(f)} call sites, listed ${n}`] : []));
    expect(grown, 'a listed file gained direct calls: make them through useApi').toEqual([]);
  });

  it('sees a direct call where there is one', () => {
    // The app's start keeps its direct calls (before any page): were the patterns above to stop matching
    // this code base's imports, the answer would be empty and the checks above would pass for nothing.
    expect(found.get('main.tsx') ?? 0).toBeGreaterThan(0);
  });
});
