// Shared by the WBS and history tests: a workspace whose "today" is fixed, a small tree builder, and
// the checks every test leans on (exact table state for undo, roll-ups equal to a full recompute).
import { expect } from 'vitest';
import type Database from 'better-sqlite3';
import { openWorkspace } from '../../electron/core/workspace.js';
import { wbsStore } from '../../electron/core/services/wbs.js';
import { rollUpAll } from '../../electron/core/services/rollup.js';
import { WBS_ROLLED_UP_FIELDS, type WbsFields } from '../../electron/common/dto.js';
import { inProcessCaller, MIGRATIONS, tempDir, type Call } from '../helpers/workspace.js';
import type { Db } from '../../electron/core/db/open.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

export const TODAY = '2025-06-10';

export function wbsWorkspace(dir = tempDir(), user = 'tester') {
  const ws = openWorkspace(dir, {
    migrationsFolder: MIGRATIONS,
    context: { version: 'test', osLocale: 'ja-JP', shell: 'web', user, today: () => TODAY },
  });
  return { ...ws, dir, call: inProcessCaller(ws) };
}

export interface Spec {
  name: string;
  values?: Partial<WbsFields>;
  children?: Spec[];
}

/** Creates the tree through the API; answers name → id. */
export async function seed(call: Call, projectId: number, specs: Spec[], parentId: number | null = null, ids = new Map<string, number>()) {
  for (const s of specs) {
    const t = await call('wbs.create', { projectId, parentId, values: { name: s.name, ...s.values } });
    ids.set(s.name, t.id);
    if (s.children) await seed(call, projectId, s.children, t.id, ids);
  }
  return ids;
}

/** "code name" of every task in tree order. */
export async function outline(call: Call, projectId: number): Promise<string[]> {
  return (await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => `${t.code} ${t.name}`);
}

/** Every stored column of every task of the project but updated_at: what undo must restore exactly. */
export function tableState(sqlite: Database.Database, projectId: number): unknown[] {
  return (sqlite.prepare('SELECT * FROM wbs_tasks WHERE project_id = ? ORDER BY id').all(projectId) as Record<string, unknown>[]).map(
    ({ updated_at: _u, ...rest }) => rest,
  );
}

/** The stored roll-ups of every summary equal a recompute from the leaves up. */
export function expectRollUpsRight(db: Db, projectId: number): void {
  const rows = wbsStore.where(db, 'project_id = ?', projectId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [id, want] of rollUpAll(rows)) {
    const got = Object.fromEntries(WBS_ROLLED_UP_FIELDS.map((f) => [f, byId.get(id)![f]]));
    expect({ id, ...got }).toEqual({ id, ...want });
  }
}
