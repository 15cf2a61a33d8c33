// A column of distinct IDs of one scheme (CHG0031542, INC0048812, RQ-2027-0113) under a noun that names the
// record (Change Ticket, Incident, Request) numbers the records and names none: it is their ID, and the
// description beside it names them (blind set 19, I4: the IDs became the titles, the data ran on to the
// sheet's end and the notes under the table became records). Generated tables, none of set 19's words.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

const CASES = [
  { register: 'change', head: ['Change Ticket', 'Short Description', 'Requested By', 'Requested On', 'Approval'], id: (i: number) => `CHG00${31540 + i}`, extra: (i: number) => ['Ops', new Date(Date.UTC(2027, 5, 1 + i)), i % 2 ? 'Approved' : 'Rejected'] },
  { register: 'issue', head: ['Incident', 'Summary', 'Owner', 'Due', 'Status'], id: (i: number) => `INC00${48810 + i}`, extra: (i: number) => ['Kim', new Date(Date.UTC(2027, 6, 3 + i)), i % 2 ? 'Open' : 'Closed'] },
  { register: 'issue', head: ['Request', 'Request Details', 'Raised By', 'Date Raised', 'State'], id: (i: number) => `RQ-2027-0${113 + i}`, extra: (i: number) => ['Lee', new Date(Date.UTC(2027, 2, 9 + i)), i % 2 ? 'Open' : 'Closed'] },
] as const;
const TEXTS = ['Move the nightly batch window to 01:00', 'Replace the expired load balancer certificate', 'Add a read replica for the reporting database', 'Patch the payroll server to the current release', 'Retire the legacy file share'];

async function workbook(c: (typeof CASES)[number]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Log');
  ws.addRow(['Change and request log']);
  ws.addRow([]);
  ws.addRow([...c.head]);
  TEXTS.forEach((t, i) => ws.addRow([c.id(i), t, ...c.extra(i)]));
  ws.addRow([]);
  ws.addRow(['Tickets are raised in the service desk tool and copied here every Friday.']);
  ws.addRow(['Approval comes from the change board; rejected tickets stay on the log.']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('IDs of one scheme are no title', () => {
  for (const c of CASES)
    it(`${c.register}: ${c.head[0]} over ${c.id(0)} beside ${c.head[1]}`, async () => {
      const { id: projectId } = await call('project.create', { name: c.head[0] });
      const p = await call('excel.previewImport', { projectId, register: c.register, fileName: 'log.xlsx', dataBase64: (await workbook(c)).toString('base64') });
      expect(p.columns.find((m) => m.field === 'title')?.column).toBe('B');
      expect(p.columns.find((m) => m.column === 'A')?.field).toBe('ref');
      expect(p.rows.map((r) => r.name)).toEqual(TEXTS);
      expect(p.data).toMatchObject({ first: 4, last: 8 });
    });
});
