// An import into a project without tasks ends with the reschedule's network built from the rows it
// inserted (schedule-network.ts insertedNetworkRows) instead of reading the whole project back (~0.2 s of
// a 100,000-row import): those rows must be exactly what a read gives, links included, whatever order
// they come in.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { insertedNetworkRows, networkReads, readNetworkRows } from '../../electron/core/services/schedule-network.js';
import { wbsStore } from '../../electron/core/services/wbs.js';

beforeAll(async () => {
  await buildReaderWorker();
});

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Phases of work packages of tasks, dated, each task after the one before it (by code), a milestone per phase. */
async function plan(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.addRow(['WBS', '作業名', '開始日', '終了日', '先行', 'マイルストーン']);
  for (let a = 1; a <= 3; a++) {
    ws.addRow([`${a}`, `フェーズ${a}`, null, null, a > 1 ? `${a - 1}` : null, null]);
    for (let b = 1; b <= 3; b++) {
      ws.addRow([`${a}.${b}`, `作業${a}-${b}`, null, null, null, null]);
      for (let c = 1; c <= 4; c++) {
        const day = (a - 1) * 30 + (b - 1) * 8 + c * 2;
        ws.addRow([`${a}.${b}.${c}`, `タスク${a}-${b}-${c}`, d(`2025-04-${String(1 + (day % 28)).padStart(2, '0')}`), c === 4 ? null : d(`2025-05-${String(1 + (day % 28)).padStart(2, '0')}`), c > 1 ? `${a}.${b}.${c - 1}` : null, c === 4 ? '◆' : null]);
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** Plain arrays of the network rows, to compare two of them. */
function plain(rows: ReturnType<typeof readNetworkRows>) {
  const t = rows.tasks;
  return { n: t.n, id: [...t.id], parent: [...t.parent], start: [...t.startDay], finish: [...t.finishDay], auto: [...t.auto], rows: t.rows, index: [...t.index], links: [...rows.links].sort() };
}

describe('an import into a project without tasks', () => {
  it('reschedules from the rows it inserted, which equal a read of the project', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: await plan() });
      const reads = networkReads(ws.db).read;
      const applied = await call('excel.applyImport', { previewId: preview.previewId });
      expect(applied.created).toBe(3 * (1 + 3 * 5));
      // The reschedule read nothing: the network came from the inserted rows (else this proves nothing).
      expect(networkReads(ws.db).read).toBe(reads);
      const read = readNetworkRows(ws.db, projectId);
      expect(read.links.length).toBe(2 + 3 * 3 * 3);
      // The builder itself, from the stored rows in any order: what the read gives.
      const rows = ws.db.sqlite.prepare('SELECT * FROM wbs_tasks WHERE project_id = ?').all(projectId).map((r) => wbsStore.fromRaw(r as Record<string, unknown>));
      expect(rows.length).toBe(applied.created);
      const shuffled = rows.map((r, i) => ({ r, k: (i * 7919) % rows.length })).sort((a, b) => a.k - b.k).map(({ r }) => r);
      expect(plain(insertedNetworkRows(ws.db, projectId, shuffled)!)).toEqual(plain(read));
      // Siblings of one position are ordered by id, as the read's ORDER BY does.
      const parent = rows.find((r) => r.parentId !== null)!.parentId;
      ws.db.sqlite.prepare('UPDATE wbs_tasks SET position = 1 WHERE parent_id = ?').run(parent);
      const tied = rows.map((r) => (r.parentId === parent ? { ...r, position: 1 } : r)).reverse();
      expect(plain(insertedNetworkRows(ws.db, projectId, tied)!)).toEqual(plain(readNetworkRows(ws.db, projectId)));
      // A 31st of a shorter month is a day to SQLite (the 3rd of the next): the same day here.
      const odd = rows.find((r) => r.parentId === parent)!;
      ws.db.sqlite.prepare("UPDATE wbs_tasks SET planned_start = '2025-02-31' WHERE id = ?").run(odd.id);
      const overflow = tied.map((r) => (r.id === odd.id ? { ...r, plannedStart: '2025-02-31' } : r));
      expect(plain(insertedNetworkRows(ws.db, projectId, overflow)!)).toEqual(plain(readNetworkRows(ws.db, projectId)));
      // A date SQLite would not read as a day (null there) is no row to build from.
      expect(insertedNetworkRows(ws.db, projectId, [{ ...rows[0]!, plannedStart: '2025-4-1' }])).toBeNull();
    } finally {
      ws.close();
    }
  }, 60_000);
});
