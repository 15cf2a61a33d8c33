// A No column of typed numbers (1, 2, 3 …), the commonest Japanese layout: the form's row numbers, kept
// in the profile as its numbering (ColumnMapping.numbering), so the export runs them down the rows again
// whatever moved, and a row it adds takes the next one. In a WBS (No | タスク名 | …) and beside a
// register's own ID column (No | 課題ID | 課題 …, where the ID column is the record's ID).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const rowsAB = (b64: string) =>
  readWorkbookBytes(Buffer.from(b64, 'base64'), 'x.xlsx').sheets[0]!.rows.filter((r) => r.r > 0).map((r) => [r.cells.find((c) => c.c === 0)?.v ?? null, r.cells.find((c) => c.c === 1)?.v ?? null]);

describe('a No column of typed numbers', () => {
  it('runs 1, 2, 3 … down a WBS after a move and an added task', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('WBS');
    ws.addRow(['No', 'タスク名', '開始日', '終了日', '担当']);
    ['要件定義', '基本設計', '詳細設計', '製造', 'テスト'].forEach((t, i) => ws.addRow([i + 1, t, d(`2025-04-0${i + 1}`), d(`2025-04-0${i + 2}`), '山田']));
    const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const { id: projectId } = await call('project.create', { name: 'P' });
    const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'w.xlsx', dataBase64 });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'no' } });
    const same = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    expect(rowsAB(same.dataBase64)).toEqual([[1, '要件定義'], [2, '基本設計'], [3, '詳細設計'], [4, '製造'], [5, 'テスト']]);
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    await call('wbs.move', { ids: [tasks.find((t) => t.name === '詳細設計')!.id], direction: 'up' });
    await call('wbs.create', { projectId, values: { name: '移行' } });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    expect(rowsAB(out.dataBase64)).toEqual([[1, '要件定義'], [2, '詳細設計'], [3, '基本設計'], [4, '製造'], [5, 'テスト'], [6, '移行']]);
  });

  it('beside the register’s own ID column, goes on counting in a row the export adds', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('課題');
    ws.addRow(['No', '課題ID', '課題', '担当', '状況']);
    ['ログイン不可', '帳票ずれ', '性能劣化', '権限誤り', '文字化け'].forEach((t, i) => ws.addRow([i + 1, `I-${String(i + 1).padStart(3, '0')}`, t, '山田', '未着手']));
    const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const { id: projectId } = await call('project.create', { name: 'P' });
    const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'i.xlsx', dataBase64 });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'no' } });
    expect((await call('issue.list', { projectId })).map((x) => x.ref)).toEqual(['I-001', 'I-002', 'I-003', 'I-004', 'I-005']);
    const same = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
    expect(rowsAB(same.dataBase64).map((r) => r[0])).toEqual([1, 2, 3, 4, 5]);
    const list = await call('issue.list', { projectId });
    await call('issue.delete', { id: list.find((x) => x.title === '帳票ずれ')!.id });
    await call('issue.create', { projectId, values: { title: '新規' } });
    const out = await call('excel.export', { projectId, register: 'issue', profileId: profileId! });
    expect(rowsAB(out.dataBase64)).toEqual([[1, 'I-001'], [2, 'I-003'], [3, 'I-004'], [4, 'I-005'], [5, 'I-006']]);
  });
});
