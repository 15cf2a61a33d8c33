// Kill a writer with SIGKILL at random moments; every committed batch must be whole, none partial,
// and the file must stay sound. The same harness writing row by row must leave partial batches,
// which shows the harness can see the damage transactions prevent.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.js';
import { createProject } from '../../electron/core/services/projects.js';
import { MIGRATIONS, ROOT, tempDir } from '../helpers/workspace.js';

const WRITER = path.join(ROOT, 'test/helpers/crash-writer.ts');
const KILLS = 20;

function runAndKill(dataDir: string, projectId: number, mode: 'batch' | 'rows', seed: number, killAfterMs: number) {
  return new Promise<string[]>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, String(projectId), mode, String(seed)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // Start the clock once the writer is writing, so every kill lands mid-work.
      if (out.startsWith('ready\n') && !timer) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    let timer: NodeJS.Timeout | undefined;
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended without being killed: ${err}`));
      resolve(out.split('\n').filter((l) => l.startsWith('committed ')));
    });
  });
}

interface Outcome {
  committedMissing: number;
  partial: number;
  batches: number;
}

function inspect(file: string, committed: Map<string, number>): Outcome {
  const db = openDatabase(file, { migrationsFolder: MIGRATIONS });
  expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
  const rows = db.sqlite.prepare('SELECT name, notes FROM wbs_tasks').all() as { name: string; notes: string }[];
  const seen = new Map<string, { count: number; size: number }>();
  for (const r of rows) {
    const tag = r.name.slice(0, r.name.indexOf(':'));
    const entry = seen.get(tag) ?? { count: 0, size: Number(r.notes.slice(3)) };
    entry.count++;
    seen.set(tag, entry);
  }
  // Audit rows must match the rows: one create per task, none without its task.
  const audits = db.sqlite.prepare("SELECT count(*) FROM audit_log WHERE entity = 'wbs_task'").pluck().get();
  expect(audits).toBe(rows.length);
  db.close();
  let committedMissing = 0;
  for (const [tag, size] of committed) if (seen.get(tag)?.count !== size) committedMissing++;
  const partial = [...seen.values()].filter((e) => e.count !== e.size).length;
  return { committedMissing, partial, batches: seen.size };
}

async function harness(mode: 'batch' | 'rows'): Promise<Outcome> {
  const dataDir = tempDir('pmo-crash-');
  const file = path.join(dataDir, 'pmo-desk.sqlite');
  const setup = openDatabase(file, { migrationsFolder: MIGRATIONS });
  const projectId = createProject(setup, { user: 'crash-test' }, { name: 'crash' }).id;
  setup.close();
  const committed = new Map<string, number>();
  let seed = 20261124;
  for (let i = 0; i < KILLS; i++) {
    seed = (seed * 48271) % 2147483647;
    const lines = await runAndKill(dataDir, projectId, mode, seed, 50 + (seed % 400));
    for (const l of lines) {
      const [, tag, size] = l.split(' ');
      committed.set(tag!, Number(size));
    }
  }
  return inspect(file, committed);
}

describe('crash safety under SIGKILL', () => {
  it(`keeps every committed batch whole and none partial across ${KILLS} kills`, async () => {
    const outcome = await harness('batch');
    expect(outcome.committedMissing).toBe(0);
    expect(outcome.partial).toBe(0);
    expect(outcome.batches).toBeGreaterThan(0);
  }, 240_000);

  it('detects partial batches when the same writes are not one transaction', async () => {
    const outcome = await harness('rows');
    expect(outcome.committedMissing).toBe(0);
    expect(outcome.partial).toBeGreaterThan(0);
  }, 240_000);
});
