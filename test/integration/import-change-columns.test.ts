// Change registers as clients head them (blind set 4, J10/J11): a decision date named after the decision
// column (CAB Decision | CAB Date), a cost impact headed only by its money unit (影響額(千円), 見込額(万円),
// Estimate (k£)), and a group header over mark columns (影響範囲 over コスト | 納期 | 品質, ○ where the change
// has that impact) read as the words over the marks, not as one text column holding "○".
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { groupHeader, henkoRegister, previewInNewProject } from '../fixtures/excel/change-register.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const preview = (wb: ExcelJS.Workbook, register?: 'change' | 'risk' | 'issue' | 'wbs') => previewInNewProject(call, wb, register);

async function cab(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Change Log');
  ws.getCell('A1').value = 'Change Register';
  groupHeader(ws, ['CR No.', 'Date Raised', 'Raised By', 'Change Title', 'Reason for Change', 'Impact', null, null, 'CAB Decision', 'CAB Date', 'Approved By', 'Implementation'], [null, null, null, null, null, 'Cost', 'Schedule', 'Scope'], [5, 7]);
  const rows = [
    ['CR-001', d('2025-03-03'), 'J. Smith', 'Add SSO login', 'Security audit', '£12,500', '+5 days', 'Login module', 'Approved', d('2025-03-10'), 'Steering Board', 'Done'],
    ['CR-002', d('2025-03-12'), 'A. Patel', 'Extra report', 'Finance request', '£3,000', '+2 days', 'Reports', 'Rejected', d('2025-03-19'), 'Steering Board', 'Cancelled'],
    ['CR-003', d('2025-04-02'), 'J. Smith', 'Move go-live', 'Vendor delay', '£0', '+10 days', 'Plan', 'Approved', d('2025-04-09'), 'Sponsor', 'In progress'],
    ['CR-004', d('2025-04-15'), 'L. Chen', 'New API field', 'Partner need', '£1,200', '+1 day', 'API', 'Approved', d('2025-04-22'), 'Steering Board', 'Not started'],
    ['CR-005', d('2025-05-06'), 'A. Patel', 'Drop fax export', 'Unused', '£0', '0 days', 'Exports', 'Approved', d('2025-05-13'), 'Sponsor', 'Done'],
  ];
  rows.forEach((r, i) => {
    ws.getRow(5 + i).values = r;
    for (const c of [2, 10]) ws.getRow(5 + i).getCell(c).numFmt = 'dd/mm/yyyy';
  });
  return wb;
}

function henko(): ExcelJS.Workbook {
  return henkoRegister([
    [1, d('2025-04-01'), '営業部 佐藤', '帳票レイアウト変更', '法改正対応', '○', '○', null, 350, '承認済', d('2025-04-08'), '完了'],
    [2, d('2025-04-03'), '経理部 田中', '締め処理の追加', '業務変更', '○', null, null, 1200, '承認済', d('2025-04-10'), '対応中'],
    [3, d('2025-04-10'), '営業部 佐藤', '画面項目追加', '要望', null, '○', '○', 80, '検討中', null, '未着手'],
    [4, d('2025-04-15'), '情シス 鈴木', 'バッチ時刻変更', '運用改善', null, null, '○', 0, '差戻し', d('2025-04-20'), '未着手'],
    [5, d('2025-04-22'), '経理部 田中', '権限追加', '監査指摘', '○', '○', null, 540, '承認済', d('2025-04-28'), '対応中'],
    [6, d('2025-05-01'), '営業部 佐藤', 'CSV出力追加', '要望', '○', null, null, 150, '承認済', d('2025-05-09'), '未着手'],
  ]);
}

/** A workbook of one sheet whose header row 1 is `head` and whose rows follow. */
async function plain(head: string[], rows: ExcelJS.CellValue[][]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Changes');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  return wb;
}
const fieldOf = (p: { columns: { label: string; field: string | null }[] }, label: string) => p.columns.find((c) => c.label === label)?.field;

describe('the decision date named after the decision column (J10)', () => {
  it('CAB Decision | CAB Date | Approved By: the CAB Date is the decision date', async () => {
    const p = await preview(await cab());
    expect(fieldOf(p, 'CAB Date')).toBe('decidedOn');
    expect(p.rows.map((r) => r.values?.decidedOn)).toEqual(['2025-03-10', '2025-03-19', '2025-04-09', '2025-04-22', '2025-05-13']);
    expect(p.rows[0]!.values).toMatchObject({ decision: 'approved', decidedBy: 'Steering Board', impactCost: '£12,500', impactSchedule: '+5 days', impactScope: 'Login module' });
  });

  it.each([
    ['Board Approval', 'Board Date'],
    ['Steering Committee Decision', 'Date of Steering Committee'],
    ['変更判定', '変更判定日'],
    ['Decision', 'Decision Day'],
  ])('%s | %s', async (decision, date) => {
    const p = await preview(await plain(['Change Title', 'Requested By', decision, date, 'Status'], [
      ['Add SSO', 'Smith', 'Approved', d('2025-03-10'), 'Done'],
      ['New report', 'Patel', 'Rejected', d('2025-03-19'), 'Cancelled'],
      ['Move go-live', 'Chen', 'Approved', d('2025-04-09'), 'In progress'],
    ]));
    expect(fieldOf(p, decision)).toBe('decision');
    expect(fieldOf(p, date)).toBe('decidedOn');
  });

  it('a date column named after another word stays the client’s (Review Date beside CAB Decision)', async () => {
    const p = await preview(await plain(['Change Title', 'CAB Decision', 'Review Date'], [
      ['Add SSO', 'Approved', d('2025-03-10')],
      ['New report', 'Rejected', d('2025-03-19')],
    ]));
    expect(fieldOf(p, 'Review Date')).toBeNull();
  });
});

describe('the cost impact headed by its money unit (J11)', () => {
  it('変更管理台帳: 影響額(千円) is the cost impact, 影響範囲 over ○ columns the words marked', async () => {
    const p = await preview(await henko());
    expect(p.columns.map((c) => [c.column, c.field])).toEqual([
      ['A', 'ref'], ['B', 'requestedOn'], ['C', 'requestedBy'], ['D', 'title'], ['E', 'reason'], ['F:H', 'impactScope'], ['I', 'impactCost'], ['J', 'decision'], ['K', 'decidedOn'], ['L', 'implStatus'],
    ]);
    expect(p.rows.map((r) => r.values?.impactCost)).toEqual(['350', '1200', '80', '0', '540', '150']);
    expect(p.rows.map((r) => r.values?.impactScope)).toEqual(['コスト、納期', 'コスト', '納期、品質', '品質', 'コスト、納期', 'コスト']);
  });

  it.each(['見込額(万円)', 'Estimate (k£)', 'Delta (USD)', '概算[円]'])('%s beside the change’s other columns', async (label) => {
    const p = await preview(await plain(['Change Title', 'Requested By', label, 'Decision'], [
      ['Add SSO', 'Smith', 120, 'Approved'],
      ['New report', 'Patel', '1,500', 'Rejected'],
      ['Move go-live', 'Chen', 0, 'Approved'],
    ]));
    expect(fieldOf(p, label)).toBe('impactCost');
    expect(p.rows.map((r) => r.values?.impactCost)).toEqual(['120', '1,500', '0']);
  });

  it('a money column headed as such beside one headed by its unit: the one headed as the cost keeps it', async () => {
    const p = await preview(await plain(['Change Title', 'Cost Impact', 'Budget (USD)', 'Decision'], [
      ['Add SSO', '$3,000', 50000, 'Approved'],
      ['New report', '$0', 50000, 'Rejected'],
    ]));
    expect(fieldOf(p, 'Cost Impact')).toBe('impactCost');
    expect(fieldOf(p, 'Budget (USD)')).toBeNull();
  });
});

describe('the marks are written back', () => {
  it('a changed impact scope moves the ○ marks; a no-edit export reads back unchanged', async () => {
    const dataBase64 = Buffer.from(await (await henko()).xlsx.writeBuffer()).toString('base64');
    const { id: projectId } = await call('project.create', { name: `M${Math.random()}` });
    const p = await call('excel.previewImport', { projectId, register: 'change', fileName: 'changes.xlsx', dataBase64 });
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `J11 ${Math.random()}` } });
    const same = (await call('excel.export', { projectId, register: 'change', profileId: profileId! })).dataBase64;
    const back = await call('excel.previewImport', { projectId, register: 'change', fileName: 'changes.xlsx', dataBase64: same, profileId: profileId! });
    expect(back.counts).toMatchObject({ new: 0, changed: 0 });
    const third = (await call('change.list', { projectId })).find((c) => c.title === '画面項目追加')!;
    await call('change.update', { id: third.id, patch: { impactScope: 'コスト' } });
    const out = (await call('excel.export', { projectId, register: 'change', profileId: profileId! })).dataBase64;
    const row = readWorkbookBytes(Buffer.from(out, 'base64'), 'x.xlsx').sheets[0]!.rows.find((r) => r.r === 6)!;
    expect([5, 6, 7, 8].map((c) => row.cells.find((x) => x.c === c)?.v ?? '')).toEqual(['○', '', '', 80]);
  });
});
