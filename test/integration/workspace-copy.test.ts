// Moving a workspace between engines (services/workspace-copy.ts): a rich SQLite workspace (10 projects
// with their WBS trees, links, calendars, baselines, weekly closes, status lights and notes, registers,
// minutes, an imported register with a client column and its profile's template, undo and redo history,
// settings) is copied into an empty PostgreSQL database, opened there as a team workspace, and copied back
// into a SQLite file, which must equal the original row by row in every table. One project alone goes out
// to a file with its own rows only. A target that is not empty, a row the target refuses and a cancel in
// the middle each leave the target as it was.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../electron/core/workspace.js';
import { COPIED_TABLES } from '../../electron/core/db/queries/workspace-copy.js';
import { cancelFlag } from '../../electron/core/call-scope.js';
import type { TeamDatabase } from '../../electron/common/dto.js';
import { ApiError } from '../../electron/common/errors.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { PG_SKIP } from '../helpers/pg-cluster.js';
import { sharedPgCluster, tempPgDatabase } from '../helpers/pg-workspace.js';
import { seedProject } from '../helpers/seed.js';
import { inProcessCaller, MIGRATIONS, tempDir, tempWorkspace, type Call } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const CONTEXT = { version: 'test', osLocale: 'ja-JP', shell: 'web' as const, user: 'tester' };

async function issueLog(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('課題一覧');
  ws.addRow(['No', '課題', '担当', 'ステータス', '顧客メモ']);
  for (let i = 1; i <= 5; i++) ws.addRow([i, `取込課題 ${i}`, '田中', '対応中', `メモ ${i}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Ten projects and everything a workspace holds, made through the API as a user makes it. */
async function richWorkspace(call: Call): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < 10; i++) ids.push(await seedProject(call, `案件${i}`));
  const p = ids[0]!;
  // A task under a task made after it (its parent's id is the larger): the copy orders the tree.
  const a = await call('wbs.create', { projectId: p, values: { name: '先に作った作業' } });
  const b = await call('wbs.create', { projectId: p, values: { name: '後から作った親', plannedStart: '2025-05-01', duration: 3, scheduling: 'auto' } });
  await call('wbs.move', { ids: [a.id], direction: 'down' });
  await call('wbs.indent', { ids: [a.id] });
  const c = await call('wbs.create', { projectId: p, values: { name: '後続', scheduling: 'auto', duration: 2 } });
  await call('dependency.create', { projectId: p, predecessorId: b.id, successorId: c.id, lagDays: 1 });
  await call('calendar.update', { projectId: p, statusDate: '2025-05-09' });
  const base = await call('baseline.create', { projectId: p, name: '初回計画' });
  await call('weekly.close', { projectId: p, statusDate: '2025-05-09', baselineId: base.id });
  await call('portfolio.override', { projectId: p, light: 'yellow', reason: '要員交代' });
  await call('portfolio.setNote', { projectId: p, statusDate: '2025-05-09', text: '設計遅延を回復中' });
  const m = await call('meeting.create', { projectId: p, values: { title: '週次定例', heldOn: '2025-05-09', place: '会議室A' } });
  await call('meeting.finalize', { id: m.id });
  await call('deliverable.create', { projectId: p, values: { title: '基本設計書' } });
  await call('defect.create', { projectId: p, values: { title: '帳票の桁ずれ' } });
  await call('checklist.create', { projectId: p, values: { title: '設計レビュー完了' } });
  await call('finding.create', { projectId: p, values: { title: '議事録の承認漏れ' } });
  await call('lesson.create', { projectId: p, values: { title: '早期の要員確保' } });
  await call('vocab.set', { projectId: p, list: 'meeting.kind', items: [{ code: 'weekly', labelJa: '週次', labelEn: 'Weekly' }, { code: 'steering', labelJa: 'ステコミ', labelEn: 'Steering' }] });
  // An import with a client column (kept in extra) saved as a profile with its template.
  const preview = await call('excel.previewImport', { projectId: ids[1]!, register: 'issue', fileName: '課題管理表.xlsx', dataBase64: (await issueLog()).toString('base64') });
  await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'A社課題' } });
  // History: an undone change and a redone one.
  const r = await call('risk.create', { projectId: p, values: { title: '取り消すリスク' } });
  await call('history.undo', { projectId: p });
  await call('history.redo', { projectId: p });
  await call('risk.update', { id: r.id, patch: { impact: 5 } });
  await call('history.undo', { projectId: p });
  await call('settings.set', { key: 'ui.language', value: 'ja' });
  return ids;
}

/** Every copied table's rows, in a fixed order, as plain values. */
function tableRows(file: string, projectId?: number): Record<string, unknown[][]> {
  const db = new Database(file, { readonly: true });
  try {
    const out: Record<string, unknown[][]> = {};
    for (const t of COPIED_TABLES) {
      const where = projectId !== undefined && t.ofProject ? `WHERE ${t.ofProject}` : '';
      const order = t.name === 'batches' ? 'rowid' : t.columns.includes('id') ? 'id' : t.columns[0];
      let rows = db.prepare(`SELECT ${t.columns.map((c) => `"${c}"`).join(', ')} FROM "${t.name}" ${where} ORDER BY ${order}`).raw(true).all(...(where ? [projectId] : [])) as unknown[][];
      if (t.name === 'settings') rows = rows.filter((r) => r[0] !== 'search.indexVersion');
      out[t.name] = rows;
    }
    return out;
  } finally {
    db.close();
  }
}

function writeExported(dataBase64: string): string {
  const file = path.join(tempDir(), 'copy.sqlite');
  fs.writeFileSync(file, Buffer.from(dataBase64, 'base64'));
  return file;
}

const teamWorkspace = (database: TeamDatabase): Workspace =>
  openWorkspace(tempDir(), { migrationsFolder: MIGRATIONS, postgres: { database }, context: CONTEXT });

async function pgCount(database: TeamDatabase, table: string): Promise<number> {
  const cluster = await sharedPgCluster();
  const client = new pg.Client({ ...cluster.config, database: database.database });
  await client.connect();
  try {
    return Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
  } finally {
    await client.end();
  }
}

describe('the copy of a workspace between engines', () => {
  let ws: Workspace;
  let call: Call;
  let ids: number[];

  beforeAll(async () => {
    await buildReaderWorker();
    ws = tempWorkspace();
    call = inProcessCaller(ws);
    ids = await richWorkspace(call);
  }, 120_000);
  afterAll(() => ws?.close());

  it('hands one project out as a SQLite file holding its rows alone, which opens as a workspace', async () => {
    const out = await call('workspace.exportFile', { projectId: ids[0]! });
    expect(out.fileName).toMatch(/^PMO Desk_案件0_\d{8}\.sqlite$/);
    const file = writeExported(out.dataBase64);
    const mine = tableRows(ws.db.file, ids[0]!);
    // Nothing of another client goes with it (review R2): not the profile 案件1's import made (its
    // template is that client's workbook), not the other projects' settings (project.<id>.…).
    expect(mine.excel_profiles!.length).toBe(1);
    mine.excel_profiles = [];
    const otherSetting = (key: string) => /^project\.\d+\./.test(key) && !key.startsWith(`project.${ids[0]}.`);
    expect(mine.settings!.filter((r) => otherSetting(String(r[0]))).length).toBeGreaterThan(0);
    mine.settings = mine.settings!.filter((r) => !otherSetting(String(r[0])));
    expect(tableRows(file)).toEqual(mine);
    // 案件1's own file carries the profile its import is linked to.
    const second = tableRows(writeExported((await call('workspace.exportFile', { projectId: ids[1]! })).dataBase64));
    expect(second.excel_profiles!.map((r) => r[1])).toEqual(['A社課題']);
    expect(out.rows.projects).toBe(1);
    expect(out.total).toBe(Object.values(mine).reduce((n, r) => n + r.length, 0));
    // The file is a workspace: opened, its project, WBS and search answer.
    const dir = tempDir();
    fs.copyFileSync(file, path.join(dir, 'pmo-desk.sqlite'));
    const other = tempWorkspace(dir);
    try {
      const c = inProcessCaller(other);
      expect((await c('project.list', {})).map((p) => p.name)).toEqual(['案件0']);
      expect((await c('wbs.rows', { projectId: ids[0]! }).then(tasksOfTable)).length).toBe(7);
      expect((await c('search.query', { text: '要員不足' })).length).toBeGreaterThan(0);
    } finally {
      other.close();
    }
  });

  describe.skipIf(PG_SKIP)('to PostgreSQL and back', () => {
    it('copies every row into an empty team database and back into a file, equal row by row', async () => {
      const database = await tempPgDatabase();
      const copied = await call('workspace.copyToTeam', { database });
      const before = tableRows(ws.db.file);
      for (const t of COPIED_TABLES) expect(copied.rows[t.name], t.name).toBe(before[t.name]!.length);
      expect(copied.rows.projects).toBe(10);
      expect(copied.rows.excel_profiles).toBe(1);
      expect(copied.rows.audit_log).toBeGreaterThan(50);
      // Every kind of row a workspace holds was there to copy.
      expect(COPIED_TABLES.filter((t) => copied.rows[t.name] === 0).map((t) => t.name)).toEqual([]);

      const team = teamWorkspace(database);
      try {
        const t = inProcessCaller(team);
        expect((await t('project.list', {})).length).toBe(10);
        // The search index was built there; the undo stack reads the same; new rows get new ids.
        expect((await t('search.query', { text: '取込課題' })).length).toBe(5);
        expect((await t('history.state', { projectId: ids[0]! })).canRedo).toBe(true);
        const fresh = await t('project.create', { name: '新規' });
        expect(fresh.id).toBeGreaterThan(Math.max(...ids));
        await t('project.delete', { id: fresh.id });

        const back = await t('workspace.exportFile', {});
        const file = writeExported(back.dataBase64);
        const after = tableRows(file);
        // The new project's create and delete were written on PostgreSQL after the copy: its server names
        // their role (current_user), which no copied batch has (a SQLite file has no logins).
        const role = COPIED_TABLES.find((x) => x.name === 'batches')!.columns.indexOf('role');
        expect(after.batches!.filter((r) => r[role] !== null).length).toBe(2);
        after.batches = after.batches!.filter((r) => r[role] === null);
        const batchIds = new Set(after.batches.map((r) => r[0]));
        after.audit_log = after.audit_log!.filter((r) => batchIds.has(r[1]));
        for (const name of Object.keys(before)) expect(after[name], name).toEqual(before[name]);
      } finally {
        team.close();
      }
    }, 120_000);

    it('refuses a database that already holds data, and writes nothing', async () => {
      const database = await tempPgDatabase();
      await call('workspace.copyToTeam', { database });
      const err = await call('workspace.copyToTeam', { database }).catch((e: ApiError) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('CONFLICT');
      expect((err as ApiError).message).toMatch(/already holds data \(table projects\)/);
      expect(await pgCount(database, 'projects')).toBe(10);
    }, 60_000);

    it('leaves the team database empty when a row is refused halfway, naming the table and rows', async () => {
      const dir = tempDir();
      // The WAL folded into the file first, so the file alone is the whole workspace.
      ws.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      fs.copyFileSync(ws.db.file, path.join(dir, 'pmo-desk.sqlite'));
      const bad = new Database(path.join(dir, 'pmo-desk.sqlite'));
      bad.prepare(`UPDATE audit_log SET entity_id = 'x' WHERE id = (SELECT max(id) FROM audit_log)`).run();
      bad.close();
      const other = tempWorkspace(dir);
      try {
        const database = await tempPgDatabase();
        const err = await inProcessCaller(other)('workspace.copyToTeam', { database }).catch((e: ApiError) => e);
        expect((err as ApiError).message).toMatch(/copy of table audit_log \(rows with id \d+–\d+\) was refused/);
        for (const table of ['projects', 'wbs_tasks', 'batches', 'excel_profiles', 'audit_log']) expect(await pgCount(database, table), table).toBe(0);
      } finally {
        other.close();
      }
    }, 60_000);

    it('refuses JSON text the team database could not read, naming the table, row and column, and writes nothing', async () => {
      const dir = tempDir();
      ws.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      fs.copyFileSync(ws.db.file, path.join(dir, 'pmo-desk.sqlite'));
      const bad = new Database(path.join(dir, 'pmo-desk.sqlite'));
      const id = (bad.prepare('SELECT max(id) AS id FROM risks').get() as { id: number }).id;
      bad.prepare('UPDATE risks SET extra = ? WHERE id = ?').run('{"顧客メモ": "閉じていない', id);
      bad.close();
      const other = tempWorkspace(dir);
      try {
        const database = await tempPgDatabase();
        const err = await inProcessCaller(other)('workspace.copyToTeam', { database }).catch((e: ApiError) => e);
        expect((err as ApiError).message).toContain(`copy of table risks: row id ${id}, column extra does not hold valid JSON`);
        for (const table of ['projects', 'risks', 'audit_log']) expect(await pgCount(database, table), table).toBe(0);
      } finally {
        other.close();
      }
    }, 60_000);

    it('stops when cancelled midway and leaves the team database empty', async () => {
      const database = await tempPgDatabase();
      const cancel = cancelFlag();
      let seen = 0;
      const envelope = await ws.run('workspace.copyToTeam', { database }, {
        cancel,
        // Asked once the first tables are in: the copy stops at its next check and rolls back.
        progress: (done) => {
          seen = done;
          if (done > 0) Atomics.store(cancel, 0, 1);
        },
      });
      expect(seen).toBeGreaterThan(0);
      expect(envelope.ok).toBe(false);
      expect(!envelope.ok && envelope.error.code).toBe('CANCELLED');
      for (const table of ['projects', 'wbs_tasks', 'batches', 'settings']) expect(await pgCount(database, table), table).toBe(0);
      // And the database takes the whole copy afterwards.
      expect((await call('workspace.copyToTeam', { database })).rows.projects).toBe(10);
    }, 60_000);
  });
});

// Ids are never given twice: history.row names rows by id, and undo writes a deleted row back under its
// own. A copy keeps the source's counters, not just its largest id copied (review R5: the next task made
// in the copy took the id of a task deleted before it, and showed that task's history as its own).
describe('the ids a copy goes on from', () => {
  const idOf = (r: unknown) => (r as { task?: { id: number } }).task?.id ?? (r as { id: number }).id;

  async function withDeletedTask(): Promise<{ src: Workspace; call: Call; projectId: number; deleted: number }> {
    const src = tempWorkspace();
    const c = inProcessCaller(src);
    const { id: projectId } = await c('project.create', { name: 'P' });
    await c('wbs.create', { projectId, values: { name: '要件定義' } });
    const deleted = idOf(await c('wbs.create', { projectId, values: { name: '基本設計' } }));
    await c('wbs.delete', { id: deleted });
    return { src, call: c, projectId, deleted };
  }

  async function nextTaskIn(file: string, projectId: number): Promise<{ id: number; trail: string[] }> {
    const dir = tempDir();
    fs.copyFileSync(file, path.join(dir, 'pmo-desk.sqlite'));
    const copy = tempWorkspace(dir);
    try {
      const c = inProcessCaller(copy);
      const id = idOf(await c('wbs.create', { projectId, values: { name: '詳細設計' } }));
      return { id, trail: (await c('history.row', { entity: 'wbs_task', id })).map((h) => h.action) };
    } finally {
      copy.close();
    }
  }

  it('a project handed out as a file: the next task takes a new id, with no history but its own', async () => {
    const { src, call: c, projectId, deleted } = await withDeletedTask();
    try {
      const out = await c('workspace.exportFile', { projectId });
      const made = await nextTaskIn(writeExported(out.dataBase64), projectId);
      expect(made.id).toBeGreaterThan(deleted);
      expect(made.trail).toEqual(['create']);
    } finally {
      src.close();
    }
  });

  it.skipIf(PG_SKIP)('the team database and a file made from it go on from the source’s counters', async () => {
    const { src, call: c, projectId, deleted } = await withDeletedTask();
    try {
      const database = await tempPgDatabase();
      await c('workspace.copyToTeam', { database });
      const team = teamWorkspace(database);
      try {
        const t = inProcessCaller(team);
        const onTeam = idOf(await t('wbs.create', { projectId, values: { name: '結合テスト' } }));
        expect(onTeam).toBeGreaterThan(deleted);
        await t('wbs.delete', { id: onTeam });
        const back = await t('workspace.exportFile', {});
        const made = await nextTaskIn(writeExported(back.dataBase64), projectId);
        expect(made.id).toBeGreaterThan(onTeam);
        expect(made.trail).toEqual(['create']);
      } finally {
        team.close();
      }
    } finally {
      src.close();
    }
  }, 60_000);
});
