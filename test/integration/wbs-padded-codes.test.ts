// A WBS whose code column is zero-padded text (01, 01.01 or 01-01), as many Japanese WBS sheets number
// it. A no-edit export rewrote the codes without their zeros (01 → 1, 01.01 → 1.1) and 先行 with them
// (review R1); 先行 naming a padded dotted code must link to that row (review R2).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { exportedColumn } from '../helpers/exported-column.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const column = exportedColumn;

/** The padded plan with `sep` between the code's numbers, imported with a profile saved. */
async function imported(sep: string) {
  const c = (s: string) => s.replaceAll('.', sep);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('WBS');
  ws.addRow(['WBS', '作業名', '開始日', '終了日', '先行']);
  const rows: [string, string, string, string, string | null][] = [
    ['01', '要件定義', '2025-04-01', '2025-04-10', null],
    [c('01.01'), '業務要件', '2025-04-01', '2025-04-03', null],
    [c('01.02'), '機能要件', '2025-04-04', '2025-04-10', c('01.01')],
    ['02', '設計', '2025-04-11', '2025-04-15', null],
    [c('02.01'), '基本設計', '2025-04-11', '2025-04-15', c('01.02')],
  ];
  for (const [code, name, start, finish, pred] of rows) ws.addRow([code, name, d(start), d(finish), pred]);
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const { id: projectId } = await call('project.create', { name: `padded ${sep}` });
  const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64 });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: `padded ${sep}` } });
  return { projectId, profileId: profileId!, preview, c };
}

for (const sep of ['.', '-']) {
  describe(`zero-padded codes with "${sep}"`, () => {
    it('a no-edit export gives the client its codes and 先行 back as written', async () => {
      const { projectId, profileId, c } = await imported(sep);
      const same = await call('excel.export', { projectId, register: 'wbs', profileId });
      expect(column(same.dataBase64, 0)).toEqual(['01', c('01.01'), c('01.02'), '02', c('02.01')]);
      expect(column(same.dataBase64, 4)).toEqual([null, null, c('01.01'), null, c('01.02')]);
    });

    it('a new task gets the width of its siblings\' numbers', async () => {
      const { projectId, profileId, c } = await imported(sep);
      const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
      await call('wbs.create', { projectId, afterId: tasks.find((t) => t.name === '基本設計')!.id, values: { name: '詳細設計' } });
      const out = await call('excel.export', { projectId, register: 'wbs', profileId });
      expect(column(out.dataBase64, 0)).toEqual(['01', c('01.01'), c('01.02'), '02', c('02.01'), c('02.02')]);
    });
  });
}

describe('zero-padded dotted codes', () => {
  it('先行 01.01 links to the row coded 01.01', async () => {
    const { projectId, preview } = await imported('.');
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const links = await call('dependency.list', { projectId });
    const name = (id: number) => tasks.find((t) => t.id === id)!.name;
    expect(preview.problems.filter((p) => p.field === 'predecessors')).toEqual([]);
    expect(links.map((l) => `${name(l.predecessorId)} → ${name(l.successorId)}`).sort()).toEqual(['業務要件 → 機能要件', '機能要件 → 基本設計']);
  });
});
