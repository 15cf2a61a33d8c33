// An ID column headed by the log's own abbreviation before No. (LL No. over LL-001, RSK No. over RSK-012):
// the letters are the prefix every ID below opens with, so the column is the records' own number
// (issue 11; blind set 12, R6: a lessons log's LL No. stayed unread and its IDs were the product's own by
// luck). Letters that the IDs do not open with (PJ No. over P-01) name another thing's number.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

async function fields(register: 'lesson' | 'risk', head: string[], rows: ExcelJS.CellValue[][], notes: string[] = []): Promise<Record<string, string | null>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Log');
  ws.getCell('A1').value = 'Register';
  ws.getRow(3).values = head;
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r));
  notes.forEach((t, i) => (ws.getCell(`A${5 + rows.length + i}`).value = t));
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  const p = await call('excel.previewImport', { projectId, register, fileName: 'x.xlsx', dataBase64 });
  return Object.fromEntries(p.columns.map((c) => [c.column, c.field ?? null]));
}

const LESSONS = [
  ['Cable pull-in delayed by weather window', 'Plan cable pull-in with a two-week weather margin', 'Approved'],
  ['Monopile grout cured slower than specified', 'Test grout at site temperature before the campaign', 'Draft'],
  ['Vessel permit arrived late', 'Apply for vessel permits six months ahead', 'Shared'],
];

describe('an ID column headed by the records’ own prefix', () => {
  it('R6: LL No. over LL-001 … in a lessons log, notes under the table in the same column (built on)', async () => {
    const f = await fields('lesson', ['LL No.', 'Lesson', 'Recommendation', 'Status'], LESSONS.map((r, i) => [`LL-00${i + 1}`, ...r]), ['Notes:', '1. Lessons are reviewed at every stage gate.']);
    expect(f.A).toBe('ref');
  });

  it('RSK No. over RSK012 … in a risk register, not the first column', async () => {
    const f = await fields('risk', ['Area', 'RSK No.', 'Risk', 'Owner'], [['Marine', 'RSK012', 'Weather window missed', 'Jansen'], ['Grid', 'RSK015', 'Grid connection late', 'de Vries'], ['Supply', 'RSK019', 'Cable supplier fails', 'Bakker']]);
    expect(f.B).toBe('ref');
  });

  it('PJ No. over P-01 … (letters the IDs do not open with) stays the client’s', async () => {
    const f = await fields('risk', ['PJ No.', 'Risk', 'Owner'], [['P-01', 'Weather window missed', 'Jansen'], ['P-02', 'Grid connection late', 'de Vries'], ['P-03', 'Cable supplier fails', 'Bakker']]);
    expect(f.A).not.toBe('ref');
  });
});
