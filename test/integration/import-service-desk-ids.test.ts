// A service desk's ID column (blind set 7, M10): INC0012345, REQ-2025-001, Q-12 under whatever heads it —
// ServiceNow's bare Number, a noun alone (Ticket, Incident), `<X> Number` / `<X> ID` / `<X>番号` with X the
// record (問合せ番号, インシデント番号, Request ID) — is the record's ID, not its title or an extra column.
// A number of another thing (Phone Number, 資料番号) or of another register's record (Change ID, 親チケット番号)
// stays what it was.
import { describe, expect, it } from 'vitest';
import { readRows } from '../helpers/read-sheet.js';
import { numberedThing } from '../../electron/core/excel/import/synonyms.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ROWS = (ids: unknown[]) => [
  [ids[0], 'ログインできない', d('2025-06-09'), '山田', '対応中', '高'],
  [ids[1], 'パスワードリセット依頼', d('2025-06-10'), '佐藤', '完了', '中'],
  [ids[2], '帳票が出力されない', d('2025-06-11'), '鈴木', '未着手', '低'],
];
const INC = ['INC0012345', 'INC0012346', 'INC0012350'];
const REQ = ['REQ-2025-001', 'REQ-2025-002', 'REQ-2025-003'];
const Q = ['Q-12', 'Q-13', 'Q-14'];

describe("a service desk's ID column is the record's ID", () => {
  it.each([
    [['Number', 'Short description', 'Opened', 'Assigned to', 'State', 'Priority'], INC],
    [['Incident Number', 'Summary', 'Opened', 'Assigned to', 'State', 'Priority'], INC],
    [['Ticket', 'Title', 'Created', 'Owner', 'Status', 'Priority'], REQ],
    [['Request-ID', 'Subject', 'Opened', 'Assigned to', 'Status', 'Priority'], REQ],
    [['Incident', 'Description', 'Opened', 'Assigned to', 'State', 'Priority'], INC],
    [['問合せ番号', '件名', '受付日', '担当者', '状況', '優先度'], Q],
    [['お問い合わせNo.', '問い合わせ内容', '受付日', '担当者', '状況', '優先度'], Q],
    [['インシデント番号', '件名', '受付日', '担当者', 'ステータス', '優先度'], INC],
    [['障害ID', '件名', '発生日', '対応者', '状況', '優先度'], INC],
    [['チケット', '件名', '起票日', '担当者', 'ステータス', '優先度'], REQ],
  ])('%j', async (header, ids) => {
    const t = await readRows([header, ...ROWS(ids)], 'issue', 'Issues');
    expect(t.columns.find((c) => c.label === header[0])?.field).toBe('ref');
    expect(t.records.map((r) => [r.values.ref, r.values.title])).toEqual(ids.map((id, k) => [id, ROWS(ids)[k]![1]]));
  });

  it.each([
    ['Phone Number', ['090-1234-5678', '090-2234-5678', '090-3234-5678']],
    ['Change ID', ['CR-001', 'CR-002', 'CR-003']],
    ['資料番号', ['DOC-01', 'DOC-02', 'DOC-03']],
    ['親チケット番号', ['REQ-2025-001', 'REQ-2025-002', 'REQ-2025-003']],
  ])('%s numbers another thing: no ID', async (label, ids) => {
    const t = await readRows([[label, '件名', '受付日', '担当者', '状況', '優先度'], ...ROWS(ids)], 'issue', 'Issues');
    expect(t.columns.find((c) => c.label === label)?.field).not.toBe('ref');
    expect(t.records.every((r) => r.values.ref === undefined || !ids.includes(r.values.ref as string))).toBe(true);
  });

  it('one reading of `<X> Number` labels: the X folded, or null', () => {
    expect(['Incident Number', 'Request-ID', '問合せ番号', 'Issue Key', 'Number', 'CR #', 'Priority'].map(numberedThing)).toEqual(['incident', 'request', '問合せ', 'issue', '', 'cr', null]);
  });
});
