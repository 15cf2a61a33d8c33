// Links written in the client's notation (blind set 3, H6): codes with the trailing dot of a 1. / 1.1.
// numbering, lags with a unit (FS+2日, FS+2d), 、 between links. They are read as the stored links, so
// the same file imported again changes nothing: before, every such row was "changed" on each re-import.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { exportedColumn } from '../helpers/exported-column.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function dottedPlan(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('WBS');
  sheet.addRow(['WBS No.', 'タスク名', '開始予定', '完了予定', '先行']);
  sheet.addRow(['1.', '設計', null, null, null]);
  sheet.addRow(['1.1.', '基本設計', d('2025-04-07'), d('2025-04-11'), null]);
  sheet.addRow(['1.2.', '詳細設計', d('2025-04-14'), d('2025-04-18'), '1.1.']);
  sheet.addRow(['1.3.', '設計レビュー', d('2025-04-14'), d('2025-04-15'), '1.2.SS']);
  sheet.addRow(['1.4.', '設計承認', d('2025-04-23'), d('2025-04-23'), '1.2.FS+2日、1.3.']);
  sheet.addRow(['1.5.', '設計書配布', d('2025-04-28'), d('2025-04-28'), '1.4.FS+2d']);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** The dotted plan imported into a new project with a profile saved. */
async function imported(name: string) {
  const dataBase64 = await dottedPlan();
  const { id: projectId } = await call('project.create', { name });
  const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64 });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: name } });
  return { projectId, profileId: profileId!, dataBase64 };
}

describe('predecessors in the client’s notation', () => {
  it('import as links, and the same file (and its no-edit export) again shows no change', async () => {
    const { projectId, profileId, dataBase64 } = await imported('P');
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const name = (id: number) => tasks.find((t) => t.id === id)!.name;
    const links = (await call('dependency.list', { projectId })).map((l) => `${name(l.predecessorId)}→${name(l.successorId)} ${l.type}${l.lagDays}`);
    expect(links.sort()).toEqual(['基本設計→詳細設計 FS0', '詳細設計→設計レビュー SS0', '詳細設計→設計承認 FS2', '設計レビュー→設計承認 FS0', '設計承認→設計書配布 FS2'].sort());
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64, profileId });
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 6 });
    const out = (await call('excel.export', { projectId, register: 'wbs', profileId })).dataBase64;
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: out, profileId });
    expect(back.counts).toMatchObject({ new: 0, changed: 0, unchanged: 6 });
  });

  // Blind set 3, H14: after a move, renumbered codes and rewritten 先行 keep the client's notation.
  // (The client's numbers are kept where they still fit: 設計レビュー moved above 詳細設計 keeps its 1.3.)
  it('after a move writes renumbered codes and rewritten links as the client does (1.4., 1.4.FS+2日、1.3., 1.5.FS+2d)', async () => {
    const { projectId, profileId } = await imported('Q');
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    await call('wbs.move', { ids: [tasks.find((t) => t.name === '詳細設計')!.id], direction: 'down' });
    const out = (await call('excel.export', { projectId, register: 'wbs', profileId })).dataBase64;
    const [codes, names, links] = [exportedColumn(out, 0), exportedColumn(out, 1), exportedColumn(out, 4)];
    expect(names.map((n, i) => [codes[i], n, links[i] ?? ''])).toEqual([
      ['1.', '設計', ''],
      ['1.1.', '基本設計', ''],
      ['1.3.', '設計レビュー', '1.4.SS'],
      ['1.4.', '詳細設計', '1.1.'],
      ['1.5.', '設計承認', '1.4.FS+2日、1.3.'],
      ['1.6.', '設計書配布', '1.5.FS+2d'],
    ]);
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: out, profileId });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
  });
});
