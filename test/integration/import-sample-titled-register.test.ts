// a register whose title names a sample project or a guide (Sample Project – Risk Register,
// ガイド) is the register; a second table of the same header on another sheet must not win silently.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
const HEADER = ['ID', 'Risk', 'Owner', 'Probability', 'Impact', 'Status'];

async function workbook(title: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('Risk Register');
  s.getCell('A1').value = title;
  s.getRow(3).values = HEADER;
  s.getRow(4).values = ['R-01', 'Key staff leave', 'Ann', 3, 4, 'Open'];
  s.getRow(5).values = ['R-02', 'Vendor delay', 'Bob', 2, 5, 'Open'];
  s.getRow(6).values = ['R-03', 'Scope creep', 'Cy', 4, 3, 'Open'];
  const closed = wb.addWorksheet('Closed');
  closed.getRow(1).values = HEADER;
  closed.getRow(2).values = ['R-00', 'Budget cut', 'Dee', 2, 2, 'Closed'];
  closed.getRow(3).values = ['R-04', 'Licence lapse', 'Eve', 1, 3, 'Closed'];
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('a register titled with sample / guide words', () => {
  it.each(['Sample Project – Risk Register', 'Risk Register (Example Corp.)', 'Risk Register – Project Guide'])('is taken, or the user is asked: %s', async (title) => {
    const { id: projectId } = await call('project.create', { name: title });
    const p = await call('excel.previewImport', { projectId, register: 'risk', fileName: 'risks.xlsx', dataBase64: await workbook(title) });
    if (!p.detection?.ask) expect(p.sheet).toBe('Risk Register');
  });
});
