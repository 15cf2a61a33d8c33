// What keeping the workspace safe costs on the bench's 10,000-task file: a backup (VACUUM INTO into a
// temporary name, flushed, renamed), next to a plain copy of the file (the floor), and the two checks
// an open may run (quick_check on small files; integrity_check after an unclean shutdown or weekly).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Workspace } from '../../electron/core/workspace.js';
import { stats, time, type Stats } from './stats.js';

const RUNS = 7;

export interface BackupLine {
  what: string;
  s: Stats;
  target: string;
}

export async function benchBackup(ws: Workspace): Promise<BackupLine[]> {
  const sqlite = ws.db.sqlite;
  sqlite.pragma('wal_checkpoint(TRUNCATE)'); // the copy below then holds every page
  const mb = (fs.statSync(ws.db.file).size / 1024 / 1024).toFixed(1);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-bench-copy-'));
  const sample = async (fn: () => unknown) => {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await time(fn));
    return stats(samples);
  };
  try {
    let n = 0;
    const copy = await sample(() => fs.copyFileSync(ws.db.file, path.join(tmp, `copy-${n++}.sqlite`)));
    const backup = await sample(async () => {
      const env = await ws.handlers.invoke('backup.create', {});
      if (!env.ok) throw new Error(env.error.message);
    });
    const quick = await sample(() => sqlite.pragma('quick_check'));
    const full = await sample(() => sqlite.pragma('integrity_check'));
    return [
      { what: `backup.create (${mb} MB file)`, s: backup, target: '' },
      { what: '  floor: copy of the file (no consistency)', s: copy, target: '' },
      { what: '  quick_check (open of a file ≤ 64 MiB)', s: quick, target: '' },
      { what: '  integrity_check (unclean shutdown, weekly, menu)', s: full, target: '' },
    ];
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
