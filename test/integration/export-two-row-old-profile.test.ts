// Review T5 (969f66b): a profile of a 予定/実績 plan saved before two-row records were read (its layout has
// no blockLabels: 区分 kept as an extra, the 実績 rows "record continued", no actual dates imported) must
// not, at its next no-edit export, overwrite the client's 実績 dates with the nothing stored.
import { beforeAll, afterAll, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { h8Minimal } from '../roundtrip/layouts.js';

let ws: ReturnType<typeof tempWorkspace>;
beforeAll(async () => { await buildReaderWorker(); ws = tempWorkspace(); });
afterAll(() => ws.close());

const cells = (b: Buffer) => readWorkbookBytes(b, 'x.xlsx').sheets[0]!.rows.map((r) => r.cells.map((c) => `${c.c}=${c.v}`).join(' '));

it('an old profile (no two-row layout) exports the client file unchanged', async () => {
  const call = inProcessCaller(ws);
  const bytes = await h8Minimal();
  const { id: projectId } = await call('project.create', { name: 'P' });
  const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'h8.xlsx', dataBase64: bytes.toString('base64') });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'old' } });
  // Make the stored state what the code before 969f66b left: no actual dates imported, the layout as it read it.
  ws.db.sqlite.prepare(`UPDATE wbs_tasks SET actual_start = NULL, actual_finish = NULL, extra = json_set(coalesce(extra, '{}'), '$.区分', ?)`).run('予定\n実績');
  const row = ws.db.sqlite.prepare('SELECT mapping FROM excel_profiles WHERE id = ?').get(profileId) as { mapping: string };
  const m = JSON.parse(row.mapping);
  m.layout.columns = m.layout.columns.filter((c: any) => !c.rowOffset).map((c: any) => {
    if (!c.blockLabels) return c;
    const { blockLabels: _b, ...rest } = c;
    return { ...rest, extraKey: '区分' };
  });
  ws.db.sqlite.prepare('UPDATE excel_profiles SET mapping = ? WHERE id = ?').run(JSON.stringify(m), profileId);
  const out = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64, 'base64');
  expect(cells(out)).toEqual(cells(bytes));
});
