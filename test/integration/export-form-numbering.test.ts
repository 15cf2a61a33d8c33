// A gantt form whose 項目番号 小 column numbers its rows 1, 2, 3 … down the tasks and on into its prepared
// blank rows (as gantt-jp-samplevba does): the import finds it as the form's own numbering
// (ColumnMapping.numbering, kept in the profile), reads nothing from it, and the export keeps it running
// down the rows after tasks are deleted, added and moved; re-imported with the profile, the export reads
// as what is stored. Its 優先 / 順位 column runs 1…5 too, but its header names a rank, not a numbering:
// each task keeps its own rank wherever it goes (numberingHeader).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();

const thin = { style: 'thin' as const };
const box = { top: thin, left: thin, bottom: thin, right: thin };
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TASKS: [string, string, string, number][] = [
  ['要件確認', '2025-05-07', '2025-05-09', 1],
  ['画面設計', '2025-05-12', '2025-05-16', 1],
  ['帳票設計', '2025-05-19', '2025-05-21', 2],
  ['結合試験', '2025-05-22', '2025-05-28', 2],
  ['リリース', '2025-05-29', '2025-05-30', 3],
];
const PREPARED = 3;

/** 工程表: header over two rows (計画 開始日/終了日, 項目番号 小, 優先 度/順位, タスク名), then tasks and numbered blank rows. */
async function numberedGantt(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('工程表');
  s.getRow(3).values = ['計画', '計画', '項目番号', '優先', '優先', 'タスク名', '担当'];
  s.getRow(4).values = ['開始日', '終了日', '小', '度', '順位', null, null];
  s.mergeCells('A3:B3');
  s.mergeCells('D3:E3');
  TASKS.forEach(([name, start, finish, priority], i) => {
    s.getRow(5 + i).values = [d(start), d(finish), i + 1, priority, i + 1, name, '田中'];
  });
  for (let i = 0; i < TASKS.length + PREPARED; i++) {
    if (i >= TASKS.length) s.getCell(5 + i, 3).value = i + 1;
    for (let c = 1; c <= 7; c++) s.getCell(5 + i, c).border = box;
    for (const c of [1, 2]) s.getCell(5 + i, c).numFmt = 'yyyy/mm/dd';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a gantt form numbered down its rows (項目番号 小, 順位)', () => {
  it('is imported as the form’s numbering and kept running by the export after edits', async () => {
    const { id: projectId } = await call('project.create', { name: 'numbered-gantt' });
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'gantt.xlsx', dataBase64: (await numberedGantt()).toString('base64') });
    expect(p.columns.filter((m) => m.numbering).map((m) => m.column)).toEqual(['C']);
    expect(p.rows.map((r) => Object.keys(r.values ?? {}).filter((k) => k.startsWith('extra:')))).toEqual(TASKS.map(() => ['extra:優先 / 度', 'extra:優先 / 順位']));
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'numbered-gantt' } });
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    await call('wbs.delete', { id: tasks.find((t) => t.name === '要件確認')!.id });
    await call('wbs.create', { projectId, afterId: tasks.find((t) => t.name === '帳票設計')!.id, values: { name: 'レビュー' } });
    await call('wbs.move', { ids: [tasks.find((t) => t.name === 'リリース')!.id], direction: 'up' });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
    const s = wb.getWorksheet('工程表')!;
    const grid = Array.from({ length: TASKS.length + PREPARED }, (_, i) => [s.getCell(5 + i, 3).value, s.getCell(5 + i, 5).value, s.getCell(5 + i, 6).value]);
    // The deleted first task's row is cleared back to a prepared row (its 小 number stays, its 順位 goes);
    // 小 runs down every row; each task keeps its 順位, the new one has none yet.
    expect(grid).toEqual([
      [1, null, null],
      [2, 2, '画面設計'],
      [3, 3, '帳票設計'],
      [4, null, 'レビュー'],
      [5, 5, 'リリース'],
      [6, 4, '結合試験'],
      [7, null, null],
      [8, null, null],
    ]);
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'gantt.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.status} ${r.name} ${JSON.stringify(r.changes ?? [])}`)).toEqual([]);
    expect(again.missing).toEqual([]);
  });

  it('a number on every row of a record of several rows (a Control ID# 1.1, 1.2 per control of a risk) stays the client’s column: it numbers the controls, not the records', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Risks');
    s.getRow(1).values = ['Risk ID#', 'Risk', 'Owner', 'Control ID#', 'Control'];
    const risks = ['Identity theft', 'Financial theft', 'Data loss', 'Outage'];
    risks.forEach((title, i) => {
      const r = 2 + i * 2;
      // (As risk-en-adelejennifer numbers them: 1.1, 1.2 / 2.1, 2.2 …, the first rows running 1.1, 2.1, 3.1.)
      s.getRow(r).values = [`R${i + 1}`, title, 'CISO', i + 1.1, `control ${i + 1}.1`];
      s.getRow(r + 1).values = [null, null, null, i + 1.2, `control ${i + 1}.2`];
      for (const c of [1, 2, 3]) s.mergeCells(r, c, r + 1, c);
    });
    const { id: projectId } = await call('project.create', { name: 'controls' });
    const p = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'controls.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    expect(p.rows.map((r) => r.name)).toEqual(risks);
    expect(p.columns.filter((m) => m.numbering)).toEqual([]);
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'controls' } });
    const out = await call('excel.export', { projectId, register: 'risk', profileId: profileId! });
    const again = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'controls.xlsx', dataBase64: out.dataBase64, profileId: profileId! });
    expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.status} ${r.name}`)).toEqual([]);
  });
  it('a Rank whose ranks run 1…5 down the rows is the risks’ rank, not the form’s numbering: each risk keeps its own after a delete', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Risk Register');
    s.getRow(1).values = ['No.', 'Rank', 'Description', 'Risk Owner', 'Status'];
    const risks = ['Key developers leave', 'Vendor API late', 'Exchange rate rises', 'Test environment unstable', 'Scope grows'];
    risks.forEach((title, i) => (s.getRow(2 + i).values = [i + 1, i + 1, title, 'PM', 'Open']));
    const { id: projectId } = await call('project.create', { name: 'rank' });
    const p = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'rank.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    expect(p.columns.filter((m) => m.numbering)).toEqual([]);
    expect(p.columns.find((m) => m.column === 'B')).toMatchObject({ field: null, extraKey: 'Rank' });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'rank' } });
    const stored = await call('risk.list', { projectId });
    await call('risk.delete', { id: stored.find((r) => r.title === 'Vendor API late')!.id });
    const out = await call('excel.export', { projectId, register: 'risk', profileId: profileId! });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(out.dataBase64, 'base64') as never);
    const sheet = back.getWorksheet('Risk Register')!;
    expect([2, 3, 4, 5].map((r) => [sheet.getCell(r, 2).value, sheet.getCell(r, 3).value])).toEqual([
      [1, 'Key developers leave'],
      [3, 'Exchange rate rises'],
      [4, 'Test environment unstable'],
      [5, 'Scope grows'],
    ]);
  });
});
