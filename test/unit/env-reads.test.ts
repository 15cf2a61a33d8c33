// No code chosen by the environment (issue 19): a $PMO_EXCEL_READER_WORKER once named the script the
// reader ran. Every read of the environment in the app's own code is listed here with what it chooses,
// reviewed; a new one fails this test until it is reviewed too. Code is never among what it chooses in
// a packaged app: the one variable that names native code is ignored there (electron-main.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** file → the environment reads it holds (the matched text), and what they choose. */
const REVIEWED: Record<string, { reads: string[]; chooses: string }> = {
  'electron/main/main.ts': { reads: ['process.env.PMO_SQLITE_BINDING'], chooses: 'the better-sqlite3 binding for `npm start` only: sqliteBinding() returns undefined when app.isPackaged' },
  'electron/host/cli.ts': { reads: ['process.env'], chooses: 'the OS locale (LC_ALL, LC_MESSAGES, LANG): the UI language' },
  'electron/core/userdata.ts': { reads: ['process.env'], chooses: 'the default data folder (APPDATA, XDG_CONFIG_HOME), as Electron finds userData' },
  'electron/core/os-user.ts': { reads: ['process.env.USER', 'process.env.USERNAME'], chooses: "the user's name written in the audit log (os-user.ts, shared by the SQLite and PostgreSQL workspaces)" },
  'electron/core/pg-dump.ts': { reads: ['process.env.ProgramFiles', 'process.env'], chooses: "the Windows Program Files folder under which the PostgreSQL installer's pg_dump.exe is looked for (a fixed name, never PATH), and the environment pg_dump runs in, every PG* variable removed" },
  'electron/core/charts/render.ts': { reads: ['process.env.WINDIR'], chooses: "the Windows folder whose Fonts hold the Japanese font a report's chart pictures are drawn with (a font file among fixed names, never code)" },
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('the environment chooses no code', () => {
  it('every read of process.env in electron/ is a reviewed one', () => {
    const found: Record<string, string[]> = {};
    for (const file of sources(path.join(ROOT, 'electron'))) {
      const reads = fs.readFileSync(file, 'utf8').match(/process\.env(?:\.[A-Za-z_]\w*|\[[^\]]*\])?/g);
      if (reads) found[path.relative(ROOT, file).replaceAll(path.sep, '/')] = reads;
    }
    expect(found).toEqual(Object.fromEntries(Object.entries(REVIEWED).map(([file, r]) => [file, r.reads])));
  });
});
