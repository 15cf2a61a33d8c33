// A WBS workbook imported into a workspace on either engine (the import inserts new tasks in bulk with
// ids it reserves up front: services/import/apply.ts, Dialect.reserveIds). On PostgreSQL this failed
// outright (the reservation read SQLite's sqlite_sequence); and the ids an import takes must never be
// given again: a task made afterwards, by the same or another administrator, gets a new one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../electron/core/workspace.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { japaneseWbs } from '../fixtures/excel/xlsx.js';
import { PG_SKIP } from '../helpers/pg-cluster.js';
import { tempPgWorkspace } from '../helpers/pg-workspace.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const engines: [string, () => Promise<Workspace>][] = [['SQLite', async () => tempWorkspace()]];
if (!PG_SKIP) engines.push(['PostgreSQL', () => tempPgWorkspace()]);

describe.each(engines)('a WBS import on %s', (_, open) => {
  let ws: Workspace;
  let bytes: Buffer;
  beforeAll(async () => {
    await buildReaderWorker();
    bytes = await japaneseWbs(120);
    ws = await open();
  }, 60_000);
  afterAll(() => ws?.close());

  it('creates every task with new ids, and later tasks get ids after them', async () => {
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: '取込' });
    const before = await call('wbs.create', { projectId, values: { name: '取込の前' } });
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: bytes.toString('base64') });
    const applied = await call('excel.applyImport', { previewId: preview.previewId });
    expect(applied.created).toBeGreaterThan(100);
    const ids = (await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => t.id);
    expect(new Set(ids).size).toBe(applied.created + 1);
    // A second import and a task typed in afterwards: ids after every one given, none reused.
    const { id: other } = await call('project.create', { name: '別案件' });
    const again = await call('excel.previewImport', { projectId: other, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: bytes.toString('base64') });
    await call('excel.applyImport', { previewId: again.previewId });
    const otherIds = (await call('wbs.rows', { projectId: other }).then(tasksOfTable)).map((t) => t.id);
    expect(Math.min(...otherIds)).toBeGreaterThan(Math.max(...ids));
    const after = await call('wbs.create', { projectId, values: { name: '取込の後' } });
    expect(after.id).toBeGreaterThan(Math.max(...otherIds));
    expect(before.id).toBeLessThan(Math.min(...ids.filter((i) => i !== before.id)));
  }, 60_000);
});
