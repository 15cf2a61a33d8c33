// The day's backup and the weekly integrity check of a big file run beside the open workspace
// (core/db/file-work.ts). If the app is killed or quits before one ends, nothing half-written is
// listed as a backup (let alone the newest), the next start removes what was left and does the work
// again, and workspace.status says while it runs (the top bar shows it: FileWorkNotice).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBackup, listBackups } from '../../electron/core/db/backup.js';
import { growHistory } from '../helpers/big-file.js';
import { startChild } from '../helpers/child.js';
import { seedProject } from '../helpers/seed.js';
import { inProcessCaller, tempDir, tempWorkspace } from '../helpers/workspace.js';

const MARKER = 'pmo-desk.workspace.json';

/**
 * A closed workspace grown to ~70 MB (its backup takes long enough to be killed inside); `backedUp`:
 * with today's backup written while it was small, so that only the check runs beside its next start.
 */
async function bigClosed(backedUp = false): Promise<string> {
  const dir = tempDir('pmo-file-work-');
  const ws = tempWorkspace(dir);
  await seedProject(inProcessCaller(ws), 'A');
  ws.close();
  if (backedUp) tempWorkspace(dir).close();
  growHistory(dir, 60_000);
  return dir;
}

const partials = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((n) => n.endsWith('.partial')) : []);
const lastFullCheck = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8')).lastFullCheck as string | undefined;
function markCheckedWeekAgo(dir: string): string {
  const file = path.join(dir, MARKER);
  const at = new Date(Date.now() - 8 * 86_400_000).toISOString();
  fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), needsCheck: false, lastFullCheck: at }));
  return at;
}

describe('work beside a big workspace, cut short', () => {
  it("killed inside the day's backup: nothing half-written is listed; the next start removes it and backs up again, saying so meanwhile", async () => {
    const dir = await bigClosed();
    const folder = path.join(dir, 'backups');
    const child = startChild(dir);
    expect(await child.first).toBe('ready');
    // The copy is under way once its partial file is there: killed then.
    await expect.poll(() => partials(folder).length, { timeout: 60_000, interval: 2 }).toBeGreaterThan(0);
    await child.kill();
    expect(partials(folder).length, 'the kill landed inside the copy').toBeGreaterThan(0);
    expect(listBackups(folder).filter((b) => b.reason === 'daily')).toEqual([]);

    const ws = tempWorkspace(dir);
    const call = inProcessCaller(ws);
    try {
      expect(partials(folder)).toEqual([]);
      const seen = new Set<string | undefined>();
      await expect
        .poll(
          async () => {
            seen.add((await call('workspace.status', {})).fileWork);
            return (await call('backup.list', {})).map((b) => b.reason);
          },
          { timeout: 60_000, interval: 5 },
        )
        .toEqual(['daily']);
      expect(seen, 'workspace.status said a backup was running').toContain('backup');
      await expect.poll(async () => (await call('workspace.status', {})).fileWork, { timeout: 10_000 }).toBeUndefined();
      const [daily] = listBackups(folder);
      expect(checkBackup(daily!.file)).toEqual({ ok: true, problems: [] });
      expect(partials(folder)).toEqual([]);
    } finally {
      ws.close();
    }
  }, 180_000);

  it('closed inside the weekly check: the next start checks again, and records it once it passed', async () => {
    const dir = await bigClosed(true);
    const before = markCheckedWeekAgo(dir);
    const ws = tempWorkspace(dir);
    expect((await inProcessCaller(ws)('workspace.status', {})).fileWork).toBe('integrity');
    ws.close();
    expect(lastFullCheck(dir), 'closed before the check ended').toBe(before);

    const again = tempWorkspace(dir);
    const call = inProcessCaller(again);
    try {
      expect((await call('workspace.status', {})).fileWork).toBe('integrity');
      await expect.poll(() => lastFullCheck(dir), { timeout: 60_000, interval: 20 }).not.toBe(before);
      await expect.poll(async () => (await call('workspace.status', {})).fileWork, { timeout: 10_000 }).toBeUndefined();
      expect(await call('workspace.status', {})).toMatchObject({ condition: 'ok' });
    } finally {
      again.close();
    }
  }, 180_000);

  it('killed inside the weekly check: the next start checks in full before it opens', async () => {
    const dir = await bigClosed(true);
    const before = markCheckedWeekAgo(dir);
    const child = startChild(dir);
    expect(await child.first).toBe('ready');
    expect(await child.call('workspace.status', {})).toMatchObject({ ok: true, result: { fileWork: 'integrity' } });
    await child.kill();
    expect(lastFullCheck(dir)).toBe(before);
    const ws = tempWorkspace(dir);
    try {
      // An unclean end: checked in full at the open, not left for later.
      expect(Date.parse(lastFullCheck(dir)!)).toBeGreaterThan(Date.parse(before));
      expect((await inProcessCaller(ws)('workspace.status', {})).fileWork).toBeUndefined();
    } finally {
      ws.close();
    }
  }, 180_000);
});
