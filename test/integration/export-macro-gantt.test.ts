// A macro workbook whose gantt is drawn by its VBA from the plan's dates (gantt-jp-samplevba: the saved
// file holds no bars; the macro paints them when run). What a person expects of the export: the same
// .xlsm with the same VBA project, its date columns holding the plan's dates (the macro's input), and
// the chart's cells left as the client saved them — painting bars there would be drawn over by the
// macro's own on its next run, or be left behind where it clears only what it drew.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { unzip, zip } from '../fixtures/excel/zip.js';
import { ROOT } from '../helpers/workspace.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const CORPUS_DIR = path.resolve(ROOT, '../shared/corpus');

const { call } = fileWorkspace();

const MACRO_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
/** Stands for a VBA project: the export must carry the part byte for byte. */
const VBA = Buffer.from(Array.from({ length: 4096 }, (_, k) => (k * 31 + 7) % 256));

/** An xlsm: 工程表 with 開始日 / 終了日 and a day grid (=prev+1) the macro paints, a vbaProject part. */
async function macroGantt(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工程表');
  ['No', 'タスク名', '担当', '開始日', '終了日'].forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  ws.getCell(3, 6).value = new Date('2025-05-05T00:00:00Z');
  for (let k = 1; k < 21; k++) ws.getCell(3, 6 + k).value = { formula: `${ws.getColumn(5 + k).letter}3+1`, result: new Date(Date.UTC(2025, 4, 5 + k)) } as ExcelJS.CellFormulaValue;
  for (let k = 0; k < 21; k++) ws.getCell(3, 6 + k).numFmt = 'd';
  const tasks: [string, string, string][] = [
    ['要件確認', '2025-05-07', '2025-05-09'],
    ['画面設計', '2025-05-12', '2025-05-16'],
    ['結合試験', '2025-05-19', '2025-05-23'],
  ];
  tasks.forEach(([name, s, f], i) => {
    const r = 4 + i;
    ws.getCell(r, 1).value = i + 1;
    ws.getCell(r, 2).value = name;
    ws.getCell(r, 3).value = '山田';
    ws.getCell(r, 4).value = new Date(`${s}T00:00:00Z`);
    ws.getCell(r, 5).value = new Date(`${f}T00:00:00Z`);
    ws.getCell(r, 4).numFmt = 'yyyy/mm/dd';
    ws.getCell(r, 5).numFmt = 'yyyy/mm/dd';
  });
  // Made a macro workbook as Excel saves one: the workbook's content type, the VBA part and its relationship.
  const parts = unzip(Buffer.from(await wb.xlsx.writeBuffer()));
  const edit = (name: string, f: (s: string) => string) => {
    const p = parts.find((x) => x.name === name)!;
    p.data = Buffer.from(f(p.data.toString('utf8')));
  };
  edit('[Content_Types].xml', (s) =>
    s
      .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', MACRO_TYPE)
      .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
  );
  edit('xl/_rels/workbook.xml.rels', (s) => s.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
  parts.push({ name: 'xl/vbaProject.bin', data: VBA });
  return zip(parts);
}

/** The export's parts, and the sheet's cells as the xlsx holds them. */
async function opened(bytes: Buffer) {
  const parts = new Map(unzip(bytes).map((p) => [p.name, p.data]));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { parts, ws: wb.worksheets[0]! };
}

const day = (v: ExcelJS.CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

async function roundTrip(file: Buffer, fileName: string) {
  const { id: projectId } = await call('project.create', { name: fileName });
  const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName, dataBase64: file.toString('base64') });
  const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: fileName } });
  const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
  const exportNow = async () => {
    const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    return { fileName: out.fileName, bytes: Buffer.from(out.dataBase64, 'base64') };
  };
  return { tasks, exportNow };
}

describe('a gantt drawn by its macro (gantt-jp-samplevba)', () => {
  it('the export is the same .xlsm with the same VBA project, the moved dates in its date columns, the chart cells as saved', async () => {
    const file = await macroGantt();
    const { tasks, exportNow } = await roundTrip(file, '工程表.xlsm');
    await call('wbs.update', { id: tasks[1]!.id, patch: { plannedStart: '2025-05-14', plannedFinish: '2025-05-20' } });
    const out = await exportNow();
    expect(out.fileName).toMatch(/\.xlsm$/);
    const { parts, ws } = await opened(out.bytes);
    expect(parts.get('xl/vbaProject.bin')?.equals(VBA)).toBe(true);
    expect(parts.get('[Content_Types].xml')!.toString()).toContain(MACRO_TYPE);
    expect(parts.get('xl/_rels/workbook.xml.rels')!.toString()).toContain('vbaProject.bin');
    expect([day(ws.getCell('D5').value), day(ws.getCell('E5').value)]).toEqual(['2025-05-14', '2025-05-20']);
    // The day grid the macro paints: no fill written on any task's row.
    const painted = (r: number, c: number) => {
      const fill = ws.getCell(r, c).fill;
      return fill?.type === 'pattern' && fill.pattern !== 'none';
    };
    for (let r = 4; r <= 6; r++) for (let c = 6; c <= 26; c++) expect(painted(r, c), `${r},${c}`).toBe(false);
  });

  it.skipIf(!fs.existsSync(path.join(CORPUS_DIR, 'gantt-jp-samplevba.xlsm')))('the corpus file: its VBA project kept byte for byte, the moved task\'s dates where the macro reads them', async () => {
    const file = fs.readFileSync(path.join(CORPUS_DIR, 'gantt-jp-samplevba.xlsm'));
    const vba = new Map(unzip(file).map((p) => [p.name, p.data])).get('xl/vbaProject.bin')!;
    const { tasks, exportNow } = await roundTrip(file, 'ガントチャート.xlsm');
    await call('wbs.update', { id: tasks[1]!.id, patch: { plannedStart: '2021-05-12', plannedFinish: '2021-05-14' } });
    const out = await exportNow();
    expect(out.fileName).toMatch(/\.xlsm$/);
    const { parts, ws } = await opened(out.bytes);
    expect(parts.get('xl/vbaProject.bin')?.equals(vba)).toBe(true);
    // 計画 開始日 / 終了日 (D / E) of the second task's row, which the macro draws its bar from.
    expect([day(ws.getCell('D6').value), day(ws.getCell('E6').value)]).toEqual(['2021-05-12', '2021-05-14']);
  });
});
