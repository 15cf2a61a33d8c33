// A plan numbered by a dotted WBS code column (1, 1.1, 1.2) with no ID column, whose 先行 names tasks by
// those codes (blind G18). The export keeps the client's codes where they still fit (a deleted 1.1 leaves
// 1.2 and 1.3 as they were), so 先行 must be written in those same codes: written in PMO Desk's renumbered
// codes (1.1, 1.2), each named another task of the client's numbering, and the re-import, reading them the
// same way, could not see it. The round trip's check 1b reads 先行 as a person does and must find nothing.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { checkExport } from '../roundtrip/harness.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function plan(rows: [string, string, string | null, string | null, string | null][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.addRow(['WBS', '作業名', '開始日', '終了日', '先行']);
  for (const [code, name, start, finish, pred] of rows) ws.addRow([code, name, start && d(start), finish && d(finish), pred]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const PLAN: [string, string, string | null, string | null, string | null][] = [
  ['1', '要件定義', null, null, null],
  ['1.1', '業務要件整理', '2025-06-02', '2025-06-06', null],
  ['1.2', '機能要件定義', '2025-06-09', '2025-06-13', '1.1'],
  ['1.3', '非機能要件定義', '2025-06-16', '2025-06-20', '1.2'],
  ['2', '設計', null, null, null],
  ['2.1', '基本設計', '2025-06-23', '2025-06-27', '1.3'],
];

/** Each row's [code, name, 先行] as the exported sheet shows it. */
const rowsOf = (b64: string) =>
  readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r > 0).map((r) => [0, 1, 4].map((c) => {
    const v = r.cells.find((x) => x.c === c)?.v;
    return v === undefined || v === null ? '' : String(v);
  }));

async function imported(name: string) {
  const bytes = await plan(PLAN);
  const { id: projectId } = await call('project.create', { name });
  const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: bytes.toString('base64') });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: name } });
  const original = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: bytes.toString('base64'), profileId: profileId! });
  const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
  const idOf = (n: string) => tasks.find((t) => t.name === n)!.id;
  const check = async (b64: string) => checkExport(call, { projectId, target: 'wbs', profileId: profileId!, file: 'plan.xlsx', template: bytes, original }, Buffer.from(b64, 'base64'));
  return { projectId, profileId: profileId!, idOf, check };
}

describe('先行 in the client\'s own dotted codes', () => {
  it('after a delete: the kept codes name the same tasks in 先行', async () => {
    const { projectId, profileId, idOf, check } = await imported('delete');
    await call('wbs.delete', { id: idOf('業務要件整理') });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId });
    expect(await check(out.dataBase64)).toEqual([]);
    expect(rowsOf(out.dataBase64)).toEqual([
      ['1', '要件定義', ''],
      ['1.2', '機能要件定義', ''],
      ['1.3', '非機能要件定義', '1.2'],
      ['2', '設計', ''],
      ['2.1', '基本設計', '1.3'],
    ]);
    // Read back (the file's 1.2 is the first child now): the same links, nothing changed.
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'out.xlsx', dataBase64: out.dataBase64, profileId });
    expect(again.problems.filter((p) => p.field === 'predecessors')).toEqual([]);
    expect(again.counts).toMatchObject({ new: 0, changed: 0 });
  });

  it('after a move: 先行 follows each task to its code in the file', async () => {
    const { projectId, profileId, idOf, check } = await imported('move');
    await call('wbs.move', { ids: [idOf('非機能要件定義')], direction: 'up' });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId });
    const rows = rowsOf(out.dataBase64);
    const code = (n: string) => rows.find((r) => r[1] === n)![0];
    const pred = (n: string) => rows.find((r) => r[1] === n)![2];
    expect(await check(out.dataBase64)).toEqual([]);
    expect(pred('非機能要件定義')).toBe(code('機能要件定義'));
    expect(pred('機能要件定義')).toBe(code('業務要件整理'));
    expect(pred('基本設計')).toBe(code('非機能要件定義'));
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'out.xlsx', dataBase64: out.dataBase64, profileId });
    expect(again.counts).toMatchObject({ new: 0, changed: 0 });
  });

  it('a file whose codes have gaps is read by its codes: 先行 1.3 is the row coded 1.3', async () => {
    const bytes = await plan([
      ['1', '要件定義', null, null, null],
      ['1.2', '機能要件定義', '2025-06-09', '2025-06-13', null],
      ['1.3', '非機能要件定義', '2025-06-16', '2025-06-20', '1.2'],
      ['2', '設計', null, null, null],
      ['2.1', '基本設計', '2025-06-23', '2025-06-27', '1.3'],
    ]);
    const { id: projectId } = await call('project.create', { name: 'gaps' });
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'gaps.xlsx', dataBase64: bytes.toString('base64') });
    await call('excel.applyImport', { previewId: preview.previewId, options: {} });
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const name = (id: number) => tasks.find((t) => t.id === id)!.name;
    const links = await call('dependency.list', { projectId });
    expect(links.map((l) => [name(l.predecessorId), name(l.successorId)]).sort()).toEqual([
      ['機能要件定義', '非機能要件定義'],
      ['非機能要件定義', '基本設計'],
    ]);
  });
});
