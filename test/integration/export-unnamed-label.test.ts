// A record the export cannot show must not vanish from it silently (issue 10: "an export that should
// write records and writes none is an error that names why"; blind-set family: a task with an empty name
// outdented to the top of a plan whose phases are group label rows was gone from the export, which said
// it succeeded). Two ways a record cannot read back, each refused with its row named:
// - a plan whose 大/中分類 are label rows shows a task at a label's level by its name alone, in its
//   category column: with no name it has no label, and its row reads as a task of the group above;
// - a record with no name and no value in any column the layout writes is a blank row: read as no
//   record at all (two of them end the table), whatever the layout.
// A named task outdented to the top is written as a label row and reads back as stored.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace, type Call } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

let ws: ReturnType<typeof tempWorkspace>;
let call: Call;

beforeAll(async () => {
  await buildReaderWorker();
  ws = tempWorkspace();
  call = inProcessCaller(ws);
});

afterAll(() => ws.close());

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const thin = { style: 'thin' as const };

async function workbook(rows: (string | Date | null)[][], boxed: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('WBS');
  rows.forEach((r, i) =>
    r.forEach((v, c) => {
      const cell = s.getCell(i + 1, c + 1);
      if (v !== null) cell.value = v;
      if (v instanceof Date) cell.numFmt = 'yyyy/mm/dd';
      if (boxed) cell.border = { top: thin, left: thin, bottom: thin, right: thin };
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 大分類 label rows over 中分類 tasks named in their own column, with their dates (read as category columns). */
const labelPlan = () =>
  workbook([
    ['大分類', '中分類', 'タスク名', '担当者', '開始日', '終了日'],
    ['設計', null, null, null, null, null],
    [null, '基本設計', null, '山田', d('2025-04-01'), d('2025-04-10')],
    [null, '詳細設計', null, '佐藤', d('2025-04-07'), d('2025-04-18')],
    ['製造', null, null, null, null, null],
    [null, '機能A', null, '鈴木', d('2025-05-01'), d('2025-05-30')],
    [null, '機能B', null, '高橋', d('2025-06-02'), d('2025-06-13')],
  ], true);

/**
 * Tasks under the 中項目 rows, unboxed (other header words: a saved profile of the same header would be
 * taken for it): read as one name indented a column per level (A:C).
 */
const indentedPlan = () =>
  workbook([
    ['大項目', '中項目', '作業名', '担当', '開始', '終了'],
    ['設計', null, null, null, null, null],
    [null, '基本設計', null, null, null, null],
    [null, null, '画面設計', '山田', d('2025-04-01'), d('2025-04-10')],
    [null, null, '帳票設計', '佐藤', d('2025-04-07'), d('2025-04-18')],
    ['製造', null, null, null, null, null],
    [null, '機能A', null, null, null, null],
    [null, null, 'プログラム作成', '鈴木', d('2025-05-01'), d('2025-05-30')],
    [null, null, '単体テスト', '高橋', d('2025-06-02'), d('2025-06-13')],
  ], false);

async function imported(bytes: Buffer, name: string, columns: string[]): Promise<{ projectId: number; profileId: number }> {
  const { id: projectId } = await call('project.create', { name });
  const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: bytes.toString('base64') });
  expect(p.columns.filter((m) => m.field !== null).map((m) => `${m.column}:${m.field}`)).toEqual(columns);
  const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: name } });
  return { projectId, profileId: profileId! };
}

/** Edits a task, outdents it to the top and exports: the refusal's message, or null and what a re-import of the export shows. */
async function toTopAndExport(projectId: number, profileId: number, name: string, patch: Record<string, unknown>): Promise<{ refused: string | null; changes: string[] }> {
  const task = (await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.name === name)!;
  if (Object.keys(patch).length > 0) await call('wbs.update', { id: task.id, patch: patch as never });
  while (((await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.id === task.id)!.level ?? 0) > 0) await call('wbs.outdent', { ids: [task.id] });
  try {
    const out = await call('excel.export', { projectId, register: 'wbs', profileId });
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: out.dataBase64, profileId });
    return { refused: null, changes: [...again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.status} ${JSON.stringify(r.changes ?? [])}`), ...again.missing.map((m) => `missing ${m.name}`)] };
  } catch (err) {
    return { refused: (err as Error).message, changes: [] };
  }
}

const NO_VALUES = { name: '', assignee: '', plannedStart: null, plannedFinish: null };

describe('a record the export cannot show is refused with its row named, never dropped', () => {
  it('a task with no name outdented to the top of a plan of 大分類 label rows: its row would read under the group above', async () => {
    const { projectId, profileId } = await imported(await labelPlan(), 'label-unnamed', ['A:level1', 'B:level2', 'C:name', 'D:assignee', 'E:plannedStart', 'F:plannedFinish']);
    const r = await toTopAndExport(projectId, profileId, '詳細設計', { name: '' });
    expect(r.refused).toMatch(/^excel\.export: plan\.xlsx \(WBS\): the task of row \d+ has no name, and this layout shows a task at its level by its name in the 大分類 column alone: it would read back under /);
  });

  it('a task with no name and no values outdented to the top: a blank row, in a plan of label rows and in one of indented names', async () => {
    const label = await imported(await labelPlan(), 'label-blank', ['A:level1', 'B:level2', 'C:name', 'D:assignee', 'E:plannedStart', 'F:plannedFinish']);
    const indented = await imported(await indentedPlan(), 'indented-blank', ['A:C:name', 'D:assignee', 'E:plannedStart', 'F:plannedFinish']);
    for (const [p, name] of [[label, '詳細設計'], [indented, '帳票設計']] as const) {
      const r = await toTopAndExport(p.projectId, p.profileId, name, NO_VALUES);
      expect(r.refused, name).toMatch(/^excel\.export: plan\.xlsx \(WBS\): the record of row \d+ has no name and no value in any column the layout writes: it would be a blank row/);
    }
  });

  it('a named task outdented to the top, and a nameless one with its dates in a plan of indented names, are written and read back as stored', async () => {
    const label = await imported(await labelPlan(), 'label-named', ['A:level1', 'B:level2', 'C:name', 'D:assignee', 'E:plannedStart', 'F:plannedFinish']);
    expect(await toTopAndExport(label.projectId, label.profileId, '詳細設計', {})).toEqual({ refused: null, changes: [] });
    const indented = await imported(await indentedPlan(), 'indented-nameless', ['A:C:name', 'D:assignee', 'E:plannedStart', 'F:plannedFinish']);
    expect(await toTopAndExport(indented.projectId, indented.profileId, '帳票設計', { name: '' })).toEqual({ refused: null, changes: [] });
  });
});
