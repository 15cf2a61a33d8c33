// Export through a client profile: the client's own workbook comes back. Imported and exported with no
// edit, every zip entry is byte for byte the template's; after two edits and a new row, only those
// cells differ (checked part by part and cell by cell), and the client's own words, formats, formula
// column, validations and second sheet are still there.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { inProcessCaller, tempWorkspace, type Call } from '../helpers/workspace.js';
import { readZipDirectory, ZipReader } from '../../electron/core/excel/zip.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { cellRef } from '../../electron/common/excel/model.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

beforeAll(async () => {
  await buildReaderWorker();
});

/** A client's 課題管理表 as Excel would hold it: title, styled header, 済 for done, a formula column. */
async function clientIssueLog(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('課題一覧');
  ws.getCell('A1').value = '課題管理表（A社）';
  ws.getCell('A1').font = { name: 'ＭＳ Ｐゴシック', size: 14, bold: true };
  const header = ['No', '課題名', '優先度', '状況', '担当者', '期限', '経過日数', '備考'];
  header.forEach((h, i) => {
    const c = ws.getCell(3, i + 1);
    c.value = h;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    c.font = { bold: true };
  });
  const rows: [number, string, string, string, string, Date, string][] = [
    [1, 'ログイン仕様の確認', '高', '未着手', '山田', new Date(Date.UTC(2025, 3, 10)), '顧客確認'],
    [2, '帳票レイアウト確定', '中', '対応中', '佐藤', new Date(Date.UTC(2025, 3, 20)), ''],
    [3, 'テスト環境の手配', '低', '済', '鈴木', new Date(Date.UTC(2025, 3, 25)), ''],
  ];
  rows.forEach((r, i) => {
    const n = 4 + i;
    ws.getCell(n, 1).value = r[0];
    ws.getCell(n, 2).value = r[1];
    ws.getCell(n, 3).value = r[2];
    ws.getCell(n, 4).value = r[3];
    ws.getCell(n, 5).value = r[4];
    ws.getCell(n, 6).value = r[5];
    ws.getCell(n, 6).numFmt = 'yyyy/m/d';
    ws.getCell(n, 7).value = { formula: `IF(F${n}="","",TODAY()-F${n})`, result: 0 } as ExcelJS.CellFormulaValue;
    if (r[6]) ws.getCell(n, 8).value = r[6];
    for (let c = 1; c <= 8; c++) ws.getCell(n, c).border = { bottom: { style: 'thin' } };
  });
  for (let n = 4; n <= 6; n++) ws.getCell(n, 3).dataValidation = { type: 'list', allowBlank: true, formulae: ['"高,中,低"'] };
  const summary = wb.addWorksheet('集計');
  summary.getCell('A1').value = '件数';
  summary.getCell('B1').value = { formula: "COUNTA('課題一覧'!B4:B6)", result: 3 } as ExcelJS.CellFormulaValue;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function parts(bytes: Buffer): Map<string, Buffer> {
  const zip = new ZipReader(bytes, readZipDirectory(bytes, 'x.xlsx'), 'x.xlsx');
  return new Map([...zip.dir.entries.keys()].map((name) => [name, zip.bytes(name)!]));
}

/** Every cell that differs between two workbooks, as 'Sheet!A1: before → after'. */
function cellDiff(a: Buffer, b: Buffer): string[] {
  const wa = readWorkbookBytes(a, 'a.xlsx');
  const wb = readWorkbookBytes(b, 'b.xlsx');
  const out: string[] = [];
  for (const sa of wa.sheets) {
    const sb = wb.sheets.find((s) => s.name === sa.name)!;
    // A formula whose stale result the writer dropped holds no value to compare.
    const cells = (s: typeof sa) => new Map(s.rows.flatMap((r) => r.cells.filter((c) => !(c.f && c.v === '')).map((c) => [cellRef(r.r, c.c), `${c.t}:${String(c.v)}`] as const)));
    const ca = cells(sa);
    const cb = cells(sb);
    for (const k of new Set([...ca.keys(), ...cb.keys()]))
      if (ca.get(k) !== cb.get(k)) out.push(`${sa.name}!${k}: ${ca.get(k) ?? '(none)'} → ${cb.get(k) ?? '(none)'}`);
  }
  return out.sort();
}

/** A client WBS written with 大分類/中分類 columns, imported into a new project with a profile. */
async function categoryWbs() {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const { id: projectId } = await call('project.create', { name: 'P' });
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('WBS');
  sheet.addRow(['大分類', '中分類', 'タスク名', '担当']);
  sheet.addRow(['要件定義', '現行調査', '資料収集', '山田']);
  sheet.addRow(['要件定義', '現行調査', 'ヒアリング', '佐藤']);
  sheet.addRow(['要件定義', '要件整理', '要件一覧作成', '佐藤']);
  const file = Buffer.from(await book.xlsx.writeBuffer());
  const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: file.toString('base64') });
  const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'W' } });
  return { ws, call, projectId, file, p, profileId };
}

async function importWithProfile(call: Call, projectId: number, file: Buffer): Promise<number> {
  const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: '課題管理表_A社.xlsx', dataBase64: file.toString('base64') });
  expect(p.problems).toEqual([]);
  const r = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'A社' } });
  return r.profileId!;
}

/** A client WBS numbered from 0 (0, 1, 1.1 typed as numbers, a level skipped) whose summary rows leave 状況 blank. */
async function zeroNumberedWbs(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('WBS');
  sheet.addRow(['WBS番号', 'タスク名', '担当', '状況']);
  sheet.addRow([0, '準備', '山田', '完了']);
  sheet.addRow([1, '要件定義', null, null]);
  sheet.addRow([1.1, '現行調査', '佐藤', '完了']);
  sheet.addRow([1.2, '要件整理', '佐藤', '完了']);
  sheet.addRow([2, '設計', null, null]);
  sheet.addRow([2.1, '基本設計', '鈴木', '完了']);
  sheet.addRow([3, '製造', null, null]);
  sheet.addRow(['3.1.1', '画面', '鈴木', '完了']); // the client skipped 3.1
  sheet.addRow(['3.1.2', '帳票', '鈴木', '完了']);
  sheet.addRow([3.2, '結合', '鈴木', '完了']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A client's risk log in its own words: categories "Technical risk"…, probability in halves (1.5, 2.5). */
async function clientRiskLog(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Risks');
  sheet.addRow(['ID', 'Risk', 'Category', 'Probability', 'Impact', 'Status']);
  sheet.addRow([1, 'Vendor API changes', 'Technical risk', 1.5, 3, 'Open']);
  sheet.addRow([2, 'Key engineer leaves', 'Schedule risk', 2.5, 4, 'Open']);
  sheet.addRow([3, 'Test data late', 'Schedule risk', 1, 2, 'Closed']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('export through a client profile', () => {
  it('with no edits gives back the client workbook byte for byte, under its own file name', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const file = await clientIssueLog();
    const profileId = await importWithProfile(call, projectId, file);
    const out = await call('excel.export', { projectId, register: 'issue', profileId });
    expect(out.fileName).toBe('課題管理表_A社.xlsx');
    const result = Buffer.from(out.dataBase64, 'base64');
    const before = parts(file);
    const after = parts(result);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
    ws.close();
  });

  it('with no edits keeps a WBS numbered from 0 and the blank 状況 of its summary rows byte for byte', async () => {
    // pmtool-jp-yabuki: the client's first task is 0, 6.1.1 sits right under 6, and its summaries leave the status blank while
    // PMO Desk rolls theirs up (完了 when every child is): neither is an edit, so nothing is written.
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const file = await zeroNumberedWbs();
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: file.toString('base64') });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'W' } });
    expect((await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.name === '要件定義')).toMatchObject({ summary: true, status: 'done' });
    const out = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64, 'base64');
    expect(cellDiff(file, out)).toEqual([]);
    const before = parts(file);
    const after = parts(out);
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes), name).toBe(true);
    // A task added under 1 is 1.3, in the client's numbering (not 2.3).
    const parent = (await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.name === '要件定義')!;
    await call('wbs.create', { projectId, parentId: parent.id, values: { name: '要件承認' } });
    const added = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64, 'base64');
    const rows = readWorkbookBytes(added, 'x.xlsx').sheets[0]!.rows.slice(1).map((r) => r.cells.slice(0, 2).map((c) => c.v));
    expect(rows).toEqual([[0, '準備'], [1, '要件定義'], [1.1, '現行調査'], [1.2, '要件整理'], [1.3, '要件承認'], [2, '設計'], [2.1, '基本設計'], [3, '製造'], ['3.1.1', '画面'], ['3.1.2', '帳票'], [3.2, '結合']]);
    ws.close();
  });

  it("writes a client's own words back (Schedule risk, 2.5) and names each cell whose value has no client word instead of writing ours", async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const file = await clientRiskLog();
    const p = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risks.xlsx', dataBase64: file.toString('base64') });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'R' } });
    const risks = await call('risk.list', { projectId });
    const byTitle = (t: string) => risks.find((r) => r.title === t)!;
    expect(byTitle('Vendor API changes')).toMatchObject({ category: 'technical', probability: 2 });
    // No edit: every part as it was (1.5 is the client's 2, Technical risk its technical).
    const same = Buffer.from((await call('excel.export', { projectId, register: 'risk', profileId: profileId! })).dataBase64, 'base64');
    for (const [name, bytes] of parts(file)) expect(parts(same).get(name)!.equals(bytes), name).toBe(true);

    await call('risk.update', { id: byTitle('Vendor API changes').id, patch: { category: 'schedule', probability: 3 } });
    await call('risk.update', { id: byTitle('Test data late').id, patch: { category: 'cost' } });
    await call('risk.create', { projectId, values: { title: 'Budget cut', category: 'cost', probability: 2, impact: 5 } });
    const out = await call('excel.export', { projectId, register: 'risk', profileId: profileId! });
    const result = Buffer.from(out.dataBase64, 'base64');
    const diff = cellDiff(file, result);
    expect(diff).toContain('Risks!C2: s:Technical risk → s:Schedule risk');
    expect(diff).toContain('Risks!D2: n:1.5 → n:2.5');
    expect(diff).toContain('Risks!D5: (none) → n:1.5');
    // cost has no word of the client's: the cells are left as they were (a new row's blank), and named.
    expect(diff.filter((d) => d.startsWith('Risks!C4') || d.startsWith('Risks!C5'))).toEqual([]);
    expect(out.noClientWord).toEqual([
      // The client's header and the value as PMO Desk shows it, for the dialog to say.
      { sheet: 'Risks', cell: 'C4', field: 'category', value: 'cost', header: 'Category', label: 'コスト' },
      { sheet: 'Risks', cell: 'C5', field: 'category', value: 'cost', header: 'Category', label: 'コスト' },
    ]);
    ws.close();
  });

  it('with no edits keeps a task named in its 中項目 column (小項目 blank) where it is', async () => {
    // wbs-jp-yujikamiya, wbs-jp-seungoon: the import names such a row from its deepest 大/中 cell; the
    // export wrote the name into 小項目 and cleared the 中項目 cell.
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('WBS');
    sheet.addRow(['大項目', '中項目', '小項目', '担当者']);
    sheet.addRow(['設計', '画面設計', null, '山田']);
    sheet.addRow([null, '帳票設計', null, '佐藤']);
    sheet.addRow(['製造', '画面製造', null, '鈴木']);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: file.toString('base64') });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'W' } });
    const out = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64, 'base64');
    expect(cellDiff(file, out)).toEqual([]);
    // A rename is written where the name is.
    const task = (await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.name === '帳票設計')!;
    await call('wbs.update', { id: task.id, patch: { name: '帳票設計書' } });
    const renamed = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64, 'base64');
    expect(cellDiff(file, renamed)).toEqual(['WBS!B3: s:帳票設計 → s:帳票設計書']);
    ws.close();
  });

  it('writes an assignee as the client marks it: ○ under each person column, and names a person it has no column for', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('WBS');
    sheet.addRow(['タスク名', '担当者', null, null, '工数']);
    sheet.addRow([null, '山田', '佐藤', '鈴木', null]);
    sheet.mergeCells('B1:D1');
    sheet.mergeCells('A1:A2');
    sheet.mergeCells('E1:E2');
    sheet.addRow(['要件定義', '○', null, null, 3]);
    sheet.addRow(['基本設計', null, '○', '○', 5]);
    sheet.addRow(['詳細設計', null, null, '○', 4]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'wbs.xlsx', dataBase64: file.toString('base64') });
    expect(p.rows.map((r) => r.values?.assignee)).toEqual(['山田', '佐藤、鈴木', '鈴木']);
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'W' } });
    const same = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64, 'base64');
    expect(cellDiff(file, same)).toEqual([]);
    const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
    const byName = (n: string) => tasks.find((t) => t.name === n)!;
    await call('wbs.update', { id: byName('要件定義').id, patch: { assignee: '山田、鈴木' } });
    await call('wbs.update', { id: byName('基本設計').id, patch: { assignee: '佐藤' } });
    await call('wbs.update', { id: byName('詳細設計').id, patch: { assignee: '田中' } });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    expect(cellDiff(file, Buffer.from(out.dataBase64, 'base64'))).toEqual(['WBS!D3: (none) → s:○', 'WBS!D4: s:○ → (none)', 'WBS!D5: s:○ → (none)']);
    // 田中 has no column of the client's: said, not written.
    expect(out.noClientWord).toEqual([{ sheet: 'WBS', cell: 'B5', field: 'assignee', value: '田中', header: '担当者', label: '田中' }]);
    ws.close();
  });

  it('a record deleted from a form of prepared numbered rows leaves the printed numbers 1, 2, 3… in order', async () => {
    for (const formulas of [false, true]) {
      const ws = tempWorkspace();
      const call = inProcessCaller(ws);
      const { id: projectId } = await call('project.create', { name: 'P' });
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('課題');
      sheet.addRow(['No', '件名', '状況', '担当者']);
      const titles = ['画面遷移の確認', '帳票の確認', '移行手順の確認'];
      for (let r = 2; r <= 8; r++) {
        // Rows 2–4 hold issues; rows 5–8 are the form's prepared rows, numbered and bordered.
        sheet.getCell(r, 1).value = formulas && r > 2 ? ({ formula: `A${r - 1}+1`, result: r - 1 } as ExcelJS.CellFormulaValue) : r - 1;
        if (r <= 4) sheet.getRow(r).getCell(2).value = titles[r - 2]!;
        if (r <= 4) sheet.getRow(r).getCell(3).value = '未着手';
        if (r <= 4) sheet.getRow(r).getCell(4).value = '山田';
        for (let c = 1; c <= 4; c++) sheet.getCell(r, c).border = { bottom: { style: 'thin' } };
      }
      const file = Buffer.from(await book.xlsx.writeBuffer());
      const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64: file.toString('base64') });
      const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'F' } });
      const issues = await call('issue.list', { projectId });
      await call('issue.delete', { id: issues.find((i) => i.title === '帳票の確認')!.id });
      const out = Buffer.from((await call('excel.export', { projectId, register: 'issue', profileId: profileId! })).dataBase64, 'base64');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(out as unknown as ArrayBuffer);
      const got = wb.getWorksheet('課題')!;
      const numbers = [2, 3, 4, 5, 6, 7, 8].map((r) => {
        const v = got.getCell(r, 1).value;
        return typeof v === 'object' && v !== null && 'formula' in v ? v.formula : v;
      });
      expect(numbers, formulas ? 'formulas' : 'numbers').toEqual(formulas ? [1, 'A2+1', 'A3+1', 'A4+1', 'A5+1', 'A6+1', 'A7+1'] : [1, 2, 3, 4, 5, 6, 7]);
      // The deleted issue's row is blank again where it was; its number is not given again.
      expect([2, 3, 4].map((r) => got.getCell(r, 2).value)).toEqual(['画面遷移の確認', null, '移行手順の確認']);
      ws.close();
    }
  });

  it('with no edits keeps a title the client wrapped by hand into the next row (issues-en-jiraproject)', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Issues');
    sheet.addRow(['Module', 'Issue Type', 'Query', 'Issue Status']);
    sheet.addRow(['User', 'requirement', 'If a returning customer forgets the password, there ', 'open']);
    sheet.addRow([null, null, 'should be a way to change it.', null]);
    sheet.addRow(['User', 'requirement', 'All state names should be in the State list.', 'open']);
    sheet.addRow(['Cart', 'defect', 'The total is wrong when a coupon ', 'open']);
    sheet.addRow([null, null, 'is applied twice.', null]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'issues.xlsx', dataBase64: file.toString('base64') });
    expect(p.rows.map((r) => r.name)).toContain('If a returning customer forgets the password, there should be a way to change it.');
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'J' } });
    const out = Buffer.from((await call('excel.export', { projectId, register: 'issue', profileId: profileId! })).dataBase64, 'base64');
    for (const [name, bytes] of parts(file)) expect(parts(out).get(name)!.equals(bytes), name).toBe(true);
    ws.close();
  });

  it("keeps a record of two rows (its name merged over both) as it was, and writes an edited text whole on its first row, clearing the second row's line", async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Risks');
    sheet.addRow(['Risk ID', 'Risk', 'Control', 'Owner']);
    sheet.addRow([1, 'Identity theft', 'Two-factor authentication', 'CISO']);
    sheet.addRow([null, null, 'SMS OTP replaced', null]);
    sheet.addRow([2, 'Financial theft', 'Encryption', 'CFO']);
    sheet.addRow([null, null, 'Fraud detection', null]);
    for (const r of ['A2:A3', 'B2:B3', 'D2:D3', 'A4:A5', 'B4:B5', 'D4:D5']) sheet.mergeCells(r);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const p = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risks.xlsx', dataBase64: file.toString('base64'), mapping: { columns: [{ column: 'C', field: 'responsePlan' }] } });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'R' } });
    const risks = await call('risk.list', { projectId });
    expect(risks.map((r) => r.responsePlan).sort()).toEqual(['Encryption\nFraud detection', 'Two-factor authentication\nSMS OTP replaced']);
    const same = Buffer.from((await call('excel.export', { projectId, register: 'risk', profileId: profileId! })).dataBase64, 'base64');
    for (const [name, bytes] of parts(file)) expect(parts(same).get(name)!.equals(bytes), name).toBe(true);
    await call('risk.update', { id: risks.find((r) => r.title === 'Financial theft')!.id, patch: { responsePlan: 'Encryption at rest' } });
    const out = Buffer.from((await call('excel.export', { projectId, register: 'risk', profileId: profileId! })).dataBase64, 'base64');
    expect(cellDiff(file, out)).toEqual(['Risks!C4: s:Encryption → s:Encryption at rest', 'Risks!C5: s:Fraud detection → (none)']);
    ws.close();
  });

  it('after two edits and a new row only those cells differ; the client words and the formula column carry on', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const { id: projectId } = await call('project.create', { name: 'P' });
    const file = await clientIssueLog();
    const profileId = await importWithProfile(call, projectId, file);
    const rows = await call('issue.list', { projectId });
    const byTitle = (t: string) => rows.find((r) => r.title === t)!;
    await call('issue.update', { id: byTitle('帳票レイアウト確定').id, patch: { status: 'done' } });
    await call('issue.update', { id: byTitle('ログイン仕様の確認').id, patch: { owner: '田中' } });
    await call('issue.create', { projectId, values: { title: '移行手順の確認', priority: 'medium', due: '2025-05-01', extra: { 備考: '新規' } } });

    const out = await call('excel.export', { projectId, register: 'issue', profileId });
    const result = Buffer.from(out.dataBase64, 'base64');
    expect(cellDiff(file, result)).toEqual([
      '課題一覧!A7: (none) → n:4', // the client's No column holds numbers
      '課題一覧!B7: (none) → s:移行手順の確認',
      '課題一覧!C7: (none) → s:中',
      '課題一覧!D5: s:対応中 → s:済', // the client's own word for done, not PMO Desk's 完了
      '課題一覧!D7: (none) → s:未着手',
      '課題一覧!E4: s:山田 → s:田中',
      '課題一覧!F7: (none) → d:45778',
      '課題一覧!H7: (none) → s:新規',
      // (G7 gets the formula copied down, without a cached result: the reader sees no value there.)
      // The count on the other sheet now covers the new row; its cached result is dropped so that
      // Excel recalculates it on open (the workbook is marked for a full calculation).
      '集計!B1: n:3 → (none)',
    ]);
    // Read back with exceljs: the formula was copied down, the new row has the data row's style and
    // validation, the date format and the second sheet are still there.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(result as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('課題一覧')!;
    expect((sheet.getCell('G7').value as ExcelJS.CellFormulaValue).formula).toBe('IF(F7="","",TODAY()-F7)');
    expect(sheet.getCell('F7').numFmt).toBe('yyyy/m/d');
    expect(sheet.getCell('B7').border?.bottom?.style).toBe('thin');
    expect(sheet.getCell('C7').dataValidation).toMatchObject({ type: 'list' });
    expect((wb.getWorksheet('集計')!.getCell('B1').value as ExcelJS.CellFormulaValue).formula).toBe("COUNTA('課題一覧'!B4:B7)");
    ws.close();
  });

  it("writes a changed duration in the words of an MS Project export's Duration column (6 days, 1 day), the rest unchanged", async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    try {
      const { id: projectId } = await call('project.create', { name: 'P' });
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Task_Table1');
      sheet.addRow(['ID', 'Task Name', 'Duration', 'Resource Names']);
      sheet.addRow([1, 'Interviews', '5 days', 'Ana']);
      sheet.addRow([2, 'Review', '3 days?', 'Ben']);
      sheet.addRow([3, 'Sign-off', '0 days', 'Ana']);
      const file = Buffer.from(await book.xlsx.writeBuffer());
      const p = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'tasks.xlsx', dataBase64: file.toString('base64') });
      expect(p.columns.find((c) => c.column === 'C')?.field).toBe('duration');
      const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: 'MSP' } });
      const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
      expect(tasks.map((t) => t.duration)).toEqual([5, 3, 0]);
      await call('wbs.update', { id: tasks[0]!.id, patch: { duration: 6 } });
      await call('wbs.update', { id: tasks[1]!.id, patch: { duration: 1 } });
      const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
      expect(cellDiff(file, Buffer.from(out.dataBase64, 'base64'))).toEqual(['Task_Table1!C2: s:5 days → s:6 days', 'Task_Table1!C3: s:3 days? → s:1 day']);
    } finally {
      ws.close();
    }
  });

  it('a WBS written as 大分類/中分類 columns: a new task gets its groups written beside it', async () => {
    const { ws, call, projectId, file, p, profileId } = await categoryWbs();
    expect(p.hierarchy).toBe('columns');
    const group = (await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.name === '要件整理')!;
    await call('wbs.create', { projectId, parentId: group.id, values: { name: '優先度付け', assignee: '鈴木' } });
    const out = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId: profileId! })).dataBase64, 'base64');
    expect(cellDiff(file, out)).toEqual(['WBS!A5: (none) → s:要件定義', 'WBS!B5: (none) → s:要件整理', 'WBS!C5: (none) → s:優先度付け', 'WBS!D5: (none) → s:鈴木']);
    ws.close();
  });

  it('a WBS task added mid-tree rewrites the rows in tree order, each with its own 大分類/中分類, and it reads back the same', async () => {
    const { ws, call, projectId, profileId } = await categoryWbs();
    const group = (await call('wbs.rows', { projectId }).then(tasksOfTable)).find((t) => t.name === '現行調査')!;
    await call('wbs.create', { projectId, parentId: group.id, values: { name: '業務フロー作成', assignee: '鈴木' } });
    const out = await call('excel.export', { projectId, register: 'wbs', profileId: profileId! });
    const rows = readWorkbookBytes(Buffer.from(out.dataBase64, 'base64'), 'x.xlsx').sheets[0]!.rows.slice(1).map((r) => r.cells.map((c) => c.v));
    expect(rows).toEqual([
      ['要件定義', '現行調査', '資料収集', '山田'],
      ['要件定義', '現行調査', 'ヒアリング', '佐藤'],
      ['要件定義', '現行調査', '業務フロー作成', '鈴木'],
      ['要件定義', '要件整理', '要件一覧作成', '佐藤'],
    ]);
    const back = await call('excel.previewImport', { projectId, register: 'wbs', fileName: out.fileName, dataBase64: out.dataBase64, profileId: profileId! });
    expect(back.counts).toMatchObject({ new: 0, changed: 0, missing: 0 });
    ws.close();
  });
});
