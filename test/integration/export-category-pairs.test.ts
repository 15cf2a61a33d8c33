// A plan of two rows per task (予定 over 実績) whose top level is a 大項目 column merged over both rows and
// written on every task (blind set 12, T1, wbs-callcenter-kaishin: 10 of 20 round-trip scripts failed). A
// top-level task without subtasks has no 作業 of its own: the export writes its name in 大項目, as the
// layout draws it, and the import must read that block as the task. Before, a block whose only text was
// its 大項目 (a task added with a name alone) was read as a group heading and dropped, or, at the table's
// end, taken for rows below the table: the task vanished and the export said nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace, type Call } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';
import { CATEGORY_PAIRS, categoryPairs } from '../roundtrip/layouts.js';

let ws: ReturnType<typeof tempWorkspace>;
let call: Call;

beforeAll(async () => {
  await buildReaderWorker();
  ws = tempWorkspace();
  call = inProcessCaller(ws);
});

afterAll(() => ws.close());

/** The tree as names by level, in order ('  name' under its group). */
const tree = async (projectId: number) => (await call('wbs.rows', { projectId }).then(tasksOfTable)).map((t) => `${'  '.repeat(t.level ?? 0)}${t.name}`);

describe('a top-level task without subtasks in a plan of 予定/実績 pairs under a 大項目 column', () => {
  for (const [variant, style] of Object.entries(CATEGORY_PAIRS))
    it(`${variant}: added with a name alone at the end and after a group, it reads back as stored`, async () => {
      const { id: projectId } = await call('project.create', { name: `pairs ${variant}` });
      const bytes = await categoryPairs(style);
      const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: bytes.toString('base64') });
      const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `pairs ${variant}` } });
      const top = (await call('wbs.rows', { projectId }).then(tasksOfTable)).filter((t) => (t.level ?? 0) === 0);
      expect(top.map((t) => t.name)).toEqual(['要件定義', '基盤構築', '切替']);
      // (Each with a name alone: a block whose only text is its 大項目.)
      await call('wbs.create', { projectId, afterId: top[0]!.id, values: { name: '現地調査' } });
      await call('wbs.create', { projectId, values: { name: '運用引継ぎ' } });
      const stored = await tree(projectId);
      expect(stored.filter((t) => !t.startsWith(' '))).toEqual(['要件定義', '現地調査', '基盤構築', '切替', '運用引継ぎ']);
      const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
      const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
      expect(again.missing.map((m) => m.name)).toEqual([]);
      // (The No. formula numbers the rows: a task inserted above renumbers those below, the client's way.)
      const changes = again.rows.flatMap((r) => (r.status === 'unchanged' ? [] : [`${r.row} ${r.status} ${r.name} ${JSON.stringify((r.changes ?? []).filter((c) => c.field !== 'extra:No.'))}`]));
      expect(changes.filter((c) => !c.endsWith(' []'))).toEqual([]);
      expect(again.rows.map((r) => `${'  '.repeat(r.level ?? 0)}${r.name}`)).toEqual(stored);
    });
});
