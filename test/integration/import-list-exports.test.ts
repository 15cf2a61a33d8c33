// List platform exports (blind set 5, K8): a SharePoint change list's `CR Number` was left out (no ref: rows
// matched by their titles) and its `Created` (4/14/2025 9:14 AM) was not the request date. A register with no
// ID column takes a column named as a record's number (<X> Number / ID / No. / 番号) whose cells read as IDs;
// a list's Created is the day the record was raised or requested, Modified never is; and the platform's own
// columns (Item Type, Path, Modified By …) take no field in a header that carries its signature.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();
type Register = 'issue' | 'risk' | 'change';

async function preview(register: Register, head: string[], rows: ExcelJS.CellValue[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('query');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const { id: projectId } = await call('project.create', { name: `P${Math.random()}` });
  return call('excel.previewImport', { projectId, register, fileName: 'query.xlsx', dataBase64 });
}
type Preview = Awaited<ReturnType<typeof preview>>;
const fields = (p: Preview) => Object.fromEntries(p.columns.map((c) => [c.label, c.field]));
const column = (p: Preview, field: string) => p.rows.map((r) => r.values?.[field]);
const SP = 'sites/pmo/Lists/Change Requests';

describe('a SharePoint list export', () => {
  it('K8: CR Number is the ref, Created the request date; Modified, Item Type and Path stay the client’s', async () => {
    const p = await preview(
      'change',
      ['Title', 'CR Number', 'Requested By', 'Business Justification', 'Cost Impact', 'Schedule Impact (days)', 'Approval Status', 'Implementation Status', 'Created', 'Modified', 'Item Type', 'Path'],
      [
        ['Add SSO login', 'CR-2025-014', 'Jane Smith', 'Security audit finding', '$18,500', 5, 'Approved', 'In Progress', '4/14/2025 9:14 AM', '5/2/2025 3:40 PM', 'Item', SP],
        ['Extra report', 'CR-2025-015', 'Amit Patel', 'Finance request', '$3,000', 2, 'Pending', 'Not Started', '4/18/2025 11:02 AM', '4/18/2025 11:02 AM', 'Item', SP],
        ['Move go-live', 'CR-2025-016', 'Li Chen', 'Vendor delay', '$0', 10, 'Rejected', 'Not Started', '12/3/2025 2:30 PM', '12/9/2025 10:00 AM', 'Item', SP],
      ],
    );
    expect(fields(p)).toMatchObject({ 'CR Number': 'ref', Created: 'requestedOn', Modified: null, 'Item Type': null, Path: null });
    expect(column(p, 'ref')).toEqual(['CR-2025-014', 'CR-2025-015', 'CR-2025-016']);
    expect(column(p, 'requestedOn')).toEqual(['2025-04-14', '2025-04-18', '2025-12-03']);
    expect(p.problems).toEqual([]);
  });

  it('an issue list: Incident Number, Created By as the raiser, Item Type not read as the kind', async () => {
    const p = await preview(
      'issue',
      ['Title', 'Incident Number', 'Priority', 'Status', 'Assigned To', 'Created', 'Created By', 'Modified', 'Modified By', 'Item Type', 'Path'],
      [
        ['VPN drops', 'INC0012', 'High', 'Active', 'Kim', new Date('2025-04-14T09:14:00Z'), 'Ann Lee', new Date('2025-04-20T10:00:00Z'), 'Kim', 'Item', 'sites/it/Lists/Incidents'],
        ['Printer jam', 'INC0013', 'Low', 'Closed', 'Bo', new Date('2025-04-15T13:02:00Z'), 'Raj Shah', new Date('2025-04-16T08:00:00Z'), 'Bo', 'Item', 'sites/it/Lists/Incidents'],
      ],
    );
    expect(fields(p)).toMatchObject({ 'Incident Number': 'ref', Created: 'raisedOn', 'Created By': 'raisedBy', Modified: null, 'Modified By': null, 'Item Type': null, Path: null });
    expect(column(p, 'raisedOn')).toEqual(['2025-04-14', '2025-04-15']);
    expect(p.values.filter((v) => v.word === 'Item')).toEqual([]);
  });

  it('in Japanese: 申請番号, 登録日時 / 登録者 as the request, 更新日時 / 更新者 / アイテムの種類 / パス the platform’s', async () => {
    const p = await preview(
      'change',
      ['タイトル', '申請番号', '判定', '登録日時', '登録者', '更新日時', '更新者', 'アイテムの種類', 'パス'],
      [
        ['帳票変更', 'REQ-101', '承認', '2025/04/14 9:14', '佐藤', '2025/05/02 15:40', '鈴木', 'アイテム', SP],
        ['画面追加', 'REQ-102', '却下', '2025/04/18 11:02', '田中', '2025/04/18 11:02', '田中', 'アイテム', SP],
      ],
    );
    expect(fields(p)).toMatchObject({ 申請番号: 'ref', 登録日時: 'requestedOn', 登録者: 'requestedBy', 更新日時: null, 更新者: null, アイテムの種類: null, パス: null });
    expect(column(p, 'requestedOn')).toEqual(['2025-04-14', '2025-04-18']);
  });
});

describe('a column named as a number is the ref only where its cells are the records’ own IDs', () => {
  const head = ['Title', 'Status', 'Owner'];
  const rows = [
    ['Vendor late', 'Open', 'Kim'],
    ['Key person leaves', 'Closed', 'Bo'],
    ['Budget cut', 'Open', 'Ann'],
  ];
  it.each([
    ['Request Number', ['RQ-1', 'RQ-2', 'RQ-3'], 'ref'],
    ['Ticket Nbr', [101, 102, 103], 'ref'],
    // Another register's record (an issue number in a risk log), a parent, a number written twice, words.
    ['課題番号', ['I-001', 'I-002', 'I-003'], null],
    ['Parent ID', ['RQ-1', 'RQ-2', 'RQ-3'], null],
    ['Request Number', ['RQ-1', 'RQ-1', 'RQ-3'], null],
    ['Phone Number', ['03 1234 5678', '03 1234 5679', '03 1234 5670'], null],
  ] as const)('%s holding %j → %s', async (label, ids, field) => {
    const p = await preview('risk', [...head, label], rows.map((r, i) => [...r, ids[i]!]));
    expect(fields(p)[label]).toBe(field);
  });

  it('where the table has an ID column, a number column beside it stays the client’s', async () => {
    const p = await preview('issue', ['ID', 'Title', 'Status', 'Order Number'], [
      [1, 'A', 'Open', 'PO-77'],
      [2, 'B', 'Closed', 'PO-78'],
    ]);
    expect(fields(p)).toMatchObject({ ID: 'ref', 'Order Number': null });
  });

  it('outside a list platform’s export, Item Type is the client’s kind (a RAID log)', async () => {
    const p = await preview('issue', ['ID', 'Item Type', 'Description', 'Owner', 'Status', 'Path'], [
      [1, 'Issue', 'Login fails', 'Kim', 'Open', 'n/a'],
      [2, 'Action', 'Call vendor', 'Bo', 'Closed', 'n/a'],
    ]);
    expect(fields(p)['Item Type']).toBe('kind');
  });
});
