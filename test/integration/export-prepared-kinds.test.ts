// A register whose template has prepared blank rows under its records, of these kinds: rows carrying the
// next typed numbers (9, 10 …), rows carrying the ID formula (="XQ-"&TEXT(ROW()-4,"000"), or one that shows
// nothing until the row has a title, =IF(B15="","",…)), and rows carrying
// only a derived formula (=IF(D="","",D-C), its cached result "" — blind set 19, E1: such rows were not
// seen as prepared, so a new record was inserted as a copy of the last record's row and every prepared row
// and note below moved down one). One behaviour for all: a new record fills the first prepared row,
// no row is added while prepared rows remain, and every cell outside that row stays as it was, the notes
// under the table on their rows.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { sheetCells as cells } from '../helpers/sheet-cells.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const box: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };

type Kind = 'typed numbers' | 'ID formula' | 'ID formula blank until filled' | 'derived formula';
type Register = { register: 'issue' | 'defect' | 'risk'; sheet: string; head: string[]; titles: string[]; status: string; notes: string[]; title: string };
const REGISTERS: Register[] = [
  {
    register: 'defect',
    sheet: '不具合一覧',
    head: ['障害番号', '現象', '検出日', '是正日', '状況', '経過日数'],
    titles: ['帳票の合計欄が空欄になる', '検索結果の並び順が逆', '権限のない利用者に承認ボタンが出る', '月末締めで二重計上される'],
    status: '対応中',
    notes: ['※ 経過日数＝是正日－検出日（自動）', '状況：未着手／対応中／完了'],
    title: '差戻し時に添付ファイルが消える',
  },
  {
    register: 'issue',
    sheet: 'Issue Log',
    head: ['Issue Ref', 'Issue', 'Raised', 'Resolved', 'Status', 'Days Open'],
    titles: ['Vendor cannot meet the cut-over window', 'Test data not masked for the UAT copy', 'Printer drivers missing on the new image', 'Key user on leave during training'],
    status: 'Open',
    notes: ['Days Open is worked out by the sheet; do not type over it.', 'Raise new issues at the weekly call.'],
    title: 'Licence keys not delivered for the second site',
  },
];
const KINDS: Kind[] = ['typed numbers', 'ID formula', 'ID formula blank until filled', 'derived formula'];
const RECORDS = 4;
const PREPARED = 6;
const TOP = 5; // the header's row; records from row 6

async function template(reg: Register, kind: Kind, drawnAlike: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(reg.sheet);
  ws.getCell('A1').value = reg.register === 'defect' ? '不具合管理表' : 'ISSUE LOG';
  ws.getCell('A2').value = reg.register === 'defect' ? '更新：2027/6/30' : 'Updated 30 Jun 2027';
  reg.head.forEach((h, i) => (ws.getCell(TOP, i + 1).value = h));
  for (let i = 0; i < RECORDS + PREPARED; i++) {
    const r = TOP + 1 + i;
    const record = i < RECORDS;
    // The ID: typed on the records (XQ-001 or 1, 2 …), on the prepared rows only where they carry numbers.
    if (kind === 'ID formula') ws.getCell(r, 1).value = { formula: `"XQ-"&TEXT(ROW()-${TOP},"000")`, result: `XQ-${String(i + 1).padStart(3, '0')}` } as never;
    else if (kind === 'ID formula blank until filled')
      ws.getCell(r, 1).value = { formula: `IF(B${r}="","","XQ-"&TEXT(ROW()-${TOP},"000"))`, result: record ? `XQ-${String(i + 1).padStart(3, '0')}` : '' } as never;
    else if (kind === 'typed numbers') ws.getCell(r, 1).value = i + 1;
    else if (record) ws.getCell(r, 1).value = `XQ-${String(i + 1).padStart(3, '0')}`;
    if (record) {
      ws.getCell(r, 2).value = reg.titles[i]!;
      ws.getCell(r, 3).value = d(`2027-05-${String(3 + i * 5).padStart(2, '0')}`);
      if (i % 2 === 0) ws.getCell(r, 4).value = d(`2027-06-${String(2 + i * 3).padStart(2, '0')}`);
      ws.getCell(r, 5).value = reg.status;
    }
    // The derived column: on every row of the derived kind, on the records only otherwise.
    if (record || kind === 'derived formula') {
      const result = record && i % 2 === 0 ? 30 - i * 2 : '';
      ws.getCell(r, 6).value = { formula: `IF(D${r}="","",D${r}-C${r})`, result } as never;
    }
    for (let c = 1; c <= 6; c++) ws.getCell(r, c).border = box;
    // The records' dates formatted; the prepared rows drawn as plainly as a client leaves them, or alike.
    if (record || drawnAlike) [3, 4].forEach((c) => (ws.getCell(r, c).numFmt = 'yyyy/m/d'));
  }
  const end = TOP + RECORDS + PREPARED;
  reg.notes.forEach((n, k) => (ws.getCell(end + 2 + k, 1).value = n));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cases = REGISTERS.flatMap((reg) => KINDS.flatMap((kind) => [false, true].map((drawnAlike) => ({ reg, kind, drawnAlike, label: `${reg.register} ${kind}${drawnAlike ? ', drawn as the records' : ''}` }))));

describe('a new record in a template with prepared rows', () => {
  it.each(cases)('$label: fills the first prepared row, adds none, and leaves every other cell and the notes where they were', async ({ reg, kind, drawnAlike }) => {
    const bytes = await template(reg, kind, drawnAlike);
    const { id: projectId } = await call('project.create', { name: `${reg.register} ${kind} ${drawnAlike}` });
    const p = await call('excel.previewImport', { projectId, register: reg.register, fileName: 'log.xlsx', dataBase64: bytes.toString('base64') });
    expect(p.rows.map((r) => r.row)).toEqual([6, 7, 8, 9]);
    const { profileId } = await call('excel.applyImport', { previewId: p.previewId, options: { saveProfileAs: `${reg.register} ${kind} ${drawnAlike}` } });
    await call(`${reg.register}.create` as 'issue.create', { projectId, values: { title: reg.title } as never });
    const out = Buffer.from((await call('excel.export', { projectId, register: reg.register, profileId: profileId! })).dataBase64, 'base64');
    const before = await cells(bytes, reg.sheet);
    const after = await cells(out, reg.sheet);
    const filled = TOP + RECORDS + 1;
    // The first prepared row holds the new record, its ID and its formulas.
    expect(after.get(filled)).toContain(`B${filled}=${reg.title}`);
    expect(after.get(filled)!.find((c) => c.startsWith(`A${filled}=`))).toBeDefined();
    if (kind !== 'typed numbers') expect(after.get(filled)).toContain(before.get(filled)?.find((c) => c.startsWith(`${kind.startsWith('ID formula') ? 'A' : 'F'}${filled}=`)));
    // Every other row as it was: the records, the prepared rows below, the notes on their rows.
    const others = (m: Map<number, string[]>) => [...m].filter(([r]) => r !== filled);
    expect(others(after)).toEqual(others(before));
  });
});
