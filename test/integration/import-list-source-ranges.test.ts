// A client's dropdown whose choices stand on a (hidden) sheet of lists (blind set 7, M11): the column's
// own words, read through the range however the validation names it — a range, a defined name, or the
// formulas templates grow their lists with: OFFSET(anchor, rows, cols, COUNTA(…)) and INDIRECT("range").
// Kept as the column's client list, so an export writes only words the client's list has.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const STATES = ['起票', '回答待ち', '対応中', 'クローズ'];
const PRIORITIES = ['Critical', 'High', 'Normal', 'Low'];

async function log(sheet: string, state: 'hidden' | 'veryHidden', formulae: { status: string; priority: string }, name?: [string, string]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('課題');
  const lists = wb.addWorksheet(sheet, { state });
  lists.getCell(1, 1).value = '状態';
  lists.getCell(1, 3).value = 'Priority';
  STATES.forEach((w, i) => (lists.getCell(i + 2, 1).value = w));
  PRIORITIES.forEach((w, i) => (lists.getCell(i + 2, 3).value = w));
  if (name) wb.definedNames.add(name[1], name[0]);
  ws.addRow(['No', '件名', '担当者', '期限', '状況', '優先度']);
  [['起票', 'High'], ['回答待ち', 'Low'], ['クローズ', 'Critical']].forEach(([s, p], k) => ws.addRow([k + 1, `件名${k}`, '山田', d('2025-06-09'), s, p]));
  for (let r = 2; r <= 30; r++) {
    ws.getCell(r, 5).dataValidation = { type: 'list', allowBlank: true, formulae: [formulae.status] };
    ws.getCell(r, 6).dataValidation = { type: 'list', allowBlank: true, formulae: [formulae.priority] };
  }
  const a = analyzeWorkbook(readWorkbookBytes(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx'), 'issue', { today: '2025-06-15' });
  if (!a.ok) throw new Error(a.reason);
  return a.table;
}

describe('a dropdown whose choices stand on a hidden sheet', () => {
  it.each<[string, string, 'hidden' | 'veryHidden', { status: string; priority: string }, [string, string]?]>([
    ['a range', '選択肢', 'hidden', { status: '選択肢!$A$2:$A$5', priority: '選択肢!$C$2:$C$5' }],
    ['a quoted sheet name', 'List Values', 'veryHidden', { status: "'List Values'!$A$2:$A$5", priority: "'List Values'!$C$2:$C$5" }],
    ['OFFSET … COUNTA, growing with the list', '選択肢', 'hidden', { status: 'OFFSET(選択肢!$A$2,0,0,COUNTA(選択肢!$A:$A)-1,1)', priority: 'OFFSET(選択肢!$A$1,1,2,COUNTA(選択肢!$C:$C)-1,1)' }],
    ['OFFSET of a fixed height', 'Lists', 'hidden', { status: 'OFFSET(Lists!$A$1,1,0,4,1)', priority: 'OFFSET(Lists!$C$2,0,0,4)' }],
    ['INDIRECT of a range written as text', 'Lists', 'veryHidden', { status: 'INDIRECT("Lists!A2:A5")', priority: 'INDIRECT("Lists!$C$2:$C$5")' }],
    ['a defined name', 'Lists', 'hidden', { status: 'StatusList', priority: 'OFFSET(Lists!$C$2,0,0,COUNTA(Lists!$C$2:$C$200),1)' }, ['StatusList', 'Lists!$A$2:$A$5']],
  ])('%s', async (_, sheet, state, formulae, name) => {
    const t = await log(sheet, state, formulae, name);
    expect(t.columns.map((c) => c.field)).toEqual(['ref', 'title', 'owner', 'due', 'status', 'priority']);
    expect(t.valueMaps?.status?.clientList).toEqual(STATES);
    expect(t.valueMaps?.priority?.clientList).toEqual(PRIORITIES);
  });
});
