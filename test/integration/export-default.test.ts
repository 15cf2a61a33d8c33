// A register exported in PMO Desk's own layout: read back with exceljs (values, formats, lists, frozen
// header, print setup, text never a formula) and imported back into the same project, where every row
// must be found unchanged — the layout's headers and values are ones the import reads.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace, type Call } from '../helpers/workspace.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

beforeAll(async () => {
  await buildReaderWorker();
});

async function read(b64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

async function reimport(call: Call, projectId: number, register: ImportTarget, out: { fileName: string; dataBase64: string }) {
  return call('excel.previewImport', { projectId, register, fileName: out.fileName, dataBase64: out.dataBase64 });
}

describe('default export layout', () => {
  it('issues: labels, dates, lists, frozen header, formula-looking text stays text, and it imports back unchanged', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: '基幹刷新' });
    await call('issue.applyCells', {
      projectId,
      updates: [],
      creates: [
        { values: { title: '=HYPERLINK("http://x")', priority: 'high', status: 'in_progress', owner: '山田', due: '2025-04-10', detail: '+81 3 1234', extra: { 備考2: '顧客A', 件数: 3 } } },
        { values: { title: '帳票の確認', kind: 'action', priority: 'low', status: 'done', raisedOn: '2025-04-01', closedOn: '2025-04-05' } },
      ],
    });
    const out = await call('excel.export', { projectId, register: 'issue', language: 'ja' });
    expect(out.fileName).toMatch(/^課題管理表_基幹刷新_\d{8}\.xlsx$/);
    const wb = await read(out.dataBase64);
    const sheet = wb.getWorksheet('課題管理表')!;
    expect(sheet.getCell('A1').value).toBe('基幹刷新 課題管理表');
    const header = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual(['ID', '種別', '件名', '優先度', 'ステータス', '担当者', '期限', '経過日数', '詳細', '対応結果', '起票日', '起票者', '完了日', '備考2', '件数']);
    const row5 = (sheet.getRow(5).values as unknown[]).slice(1);
    expect(row5[0]).toBe('I-001');
    expect(row5[2]).toBe('=HYPERLINK("http://x")'); // a string, not a formula object
    expect(sheet.getCell('C5').type).toBe(ExcelJS.ValueType.String);
    expect(row5[8]).toBe('+81 3 1234');
    expect(row5[3]).toBe('高');
    expect(row5[4]).toBe('対応中');
    expect(sheet.getCell('G5').value).toEqual(new Date('2025-04-10T00:00:00Z'));
    expect(sheet.getCell('G5').numFmt).toBe('yyyy/mm/dd');
    expect(row5.slice(13)).toEqual(['顧客A', 3]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '4:4' });
    expect(sheet.getCell('D5').dataValidation).toMatchObject({ type: 'list' });
    const lists = wb.getWorksheet('選択肢')!;
    expect(lists.state).toBe('hidden');

    const again = await reimport(call, projectId, 'issue', out);
    expect(again.problems).toEqual([]);
    expect(again.counts).toMatchObject({ new: 0, changed: 0, missing: 0, unchanged: 2 });
    ws.close();
  });

  it('WBS: codes, indented names, bold summaries, progress as %, and it imports back unchanged', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const phase = await call('wbs.create', { projectId, values: { name: '要件定義' } });
    await call('wbs.create', { projectId, parentId: phase.id, values: { name: '現行調査', assignee: '山田', plannedStart: '2025-04-01', plannedFinish: '2025-04-10', progress: 40, plannedEffort: 2.5, status: 'in_progress', milestone: true } });
    await call('wbs.create', { projectId, parentId: phase.id, values: { name: '要件整理', plannedStart: '2025-04-11', scheduling: 'auto', duration: 5, status: 'on_hold' } });
    const out = await call('excel.export', { projectId, register: 'wbs', language: 'en' });
    const sheet = (await read(out.dataBase64)).getWorksheet('WBS')!;
    expect((sheet.getRow(4).values as unknown[]).slice(1, 4)).toEqual(['WBS', 'Task', 'Assignee']);
    expect(sheet.getCell('A5').value).toBe('1');
    expect(sheet.getCell('B5').font.bold).toBe(true);
    expect(sheet.getCell('A6').value).toBe('1.1');
    expect(sheet.getCell('B6').alignment.indent).toBe(2);
    // Duration (days) and Scheduling: blank and Manual for a task whose dates are typed, 5 and Auto for one scheduled from them.
    expect(sheet.getCell('J6').value).toBe(0.4);
    expect(sheet.getCell('J6').numFmt).toBe('0%');
    expect(sheet.getCell('K6').value).toBe('In progress');
    expect(sheet.getCell('L6').value).toBe('◆');
    expect([sheet.getCell('N6').value, sheet.getCell('O6').value]).toEqual([null, 'Manual']);
    expect([sheet.getCell('E7').value, sheet.getCell('N7').value, sheet.getCell('O7').value]).toEqual([new Date(Date.UTC(2025, 3, 17)), 5, 'Auto']);
    const again = await reimport(call, projectId, 'wbs', out);
    expect(again.problems).toEqual([]);
    expect(again.counts).toMatchObject({ new: 0, changed: 0, missing: 0, unchanged: 3 });
    ws.close();
  });

  it('a register as CSV: formula-looking text escaped (OWASP), and it imports back', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    await call('issue.applyCells', {
      projectId,
      updates: [],
      creates: [
        { values: { title: '=HYPERLINK("http://evil","見て")', priority: 'high', due: '2025-04-10' } },
        { values: { title: '帳票の確認', owner: '山田', status: 'done' } },
      ],
    });
    const out = await call('excel.export', { projectId, register: 'issue', language: 'ja', format: 'csv' });
    expect(out.fileName).toMatch(/^課題管理表_P_\d{8}\.csv$/);
    const text = Buffer.from(out.dataBase64, 'base64').toString('utf8');
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('"ID","種別","件名","優先度","ステータス","担当者","期限","経過日数","詳細","対応結果","起票日","起票者","完了日"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"",""見て"")"`);
    expect(lines[1]).toContain('"高"');
    expect(lines[1]).toContain('"2025/04/10"');
    // The CSV reads back through the import: the row without formula-looking text is unchanged.
    const again = await call('excel.previewImport', { projectId, register: 'issue', fileName: out.fileName, dataBase64: out.dataBase64 });
    expect(again.rows.find((r) => r.key === 'I-002')).toMatchObject({ status: 'unchanged' });
    await expect(call('excel.export', { projectId, register: 'minutes', format: 'csv' })).rejects.toMatchObject({ code: 'VALIDATION' });
    ws.close();
  });

  it('WBS: the export (its cells written without r after a row\'s first) is a template a profile writes into', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const design = await call('wbs.create', { projectId, values: { name: '設計', plannedStart: '2025-04-01', plannedFinish: '2025-04-04' } });
    await call('wbs.create', { projectId, values: { name: '製造', plannedStart: '2025-04-07', plannedFinish: '2025-04-11' } });
    const out = await call('excel.export', { projectId, register: 'wbs', language: 'ja' });
    const preview = await reimport(call, projectId, 'wbs', out);
    expect(preview.counts).toMatchObject({ new: 0, changed: 0, unchanged: 2 });
    const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: 'PMO Desk' } });
    await call('wbs.update', { id: design.id, patch: { name: '基本設計' } });
    const again = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    const [before, after] = [(await read(out.dataBase64)).getWorksheet('WBS')!, (await read(again.dataBase64)).getWorksheet('WBS')!];
    expect([after.getCell('B5').value, after.getCell('B6').value]).toEqual(['基本設計', '製造']);
    // Every other cell is where it was, with its value and fill: the band's bars, the weekend's shading.
    const look = (c: ExcelJS.Cell) => `${String(c.value ?? '')}|${c.fill?.type === 'pattern' ? (c.fill.fgColor?.argb ?? '') : ''}`;
    let bars = 0;
    for (const r of [5, 6])
      for (let col = 1; col <= before.columnCount; col++) {
        if (r === 5 && col === 2) continue;
        expect(look(after.getCell(r, col)), before.getCell(r, col).address).toBe(look(before.getCell(r, col)));
        if (look(before.getCell(r, col)).endsWith('4A86C8') || look(before.getCell(r, col)).endsWith('D0453B')) bars++;
      }
    expect(bars).toBeGreaterThanOrEqual(8);
    ws.close();
  });

  it('risks and changes in English import back unchanged', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    await call('risk.create', { projectId, values: { title: 'Vendor delay', probability: 4, impact: 5, strategy: 'mitigate', category: 'schedule', owner: 'Sato', due: '2025-05-01' } });
    await call('change.create', { projectId, values: { title: 'Add report', requestedBy: 'Client', requestedOn: '2025-04-02', decision: 'approved', decidedOn: '2025-04-05' } });
    for (const register of ['risk', 'change'] as const) {
      const out = await call('excel.export', { projectId, register, language: 'en' });
      const again = await reimport(call, projectId, register, out);
      expect(again.problems, register).toEqual([]);
      expect(again.counts, register).toMatchObject({ new: 0, changed: 0, missing: 0, unchanged: 1 });
    }
    ws.close();
  });
});
