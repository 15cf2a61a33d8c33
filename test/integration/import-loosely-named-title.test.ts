// A change log whose title column is named by a header word that only loosely names the title (Change
// Summary: the register's noun, then a weak synonym) beside a Decision column: the header names its key,
// so it is a table with one more field, as it would be headed Title (blind set 3, H1: 0 rows and "No
// table with a change title column" while Title imported all three). A key named so loosely needs a
// field named plainly beside it (or two); a key found by its cells (no header word names it) needs two.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

async function changeLog(title: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('Changes');
  s.addRow(['CR #', title, 'Decision', 'Implementation']);
  s.addRow(['CR-101', 'Add Apple Pay', 'Approved', 'Complete']);
  s.addRow(['CR-102', 'Welsh language', 'Pending']);
  s.addRow(['CR-103', 'Remove fax field', 'Approved', 'In Progress']);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('a title column named loosely by its header', () => {
  it.each(['Change Summary', 'Title'])('%s: the three change requests are imported', async (title) => {
    const { id: projectId } = await call('project.create', { name: title });
    const p = await call('excel.previewImport', { projectId, register: 'change', fileName: 'changes.xlsx', dataBase64: await changeLog(title) });
    expect(p.problems.map((x) => x.reason)).toEqual([]);
    expect(p.columns.find((c) => c.column === 'B')?.field).toBe('title');
    expect(p.rows.map((r) => r.name)).toEqual(['Add Apple Pay', 'Welsh language', 'Remove fax field']);
    await call('excel.applyImport', { previewId: p.previewId, options: {} });
    const list = await call('change.list', { projectId });
    expect(list.map((c) => [c.ref, c.title, c.decision])).toEqual([
      ['CR-101', 'Add Apple Pay', 'approved'],
      ['CR-102', 'Welsh language', 'on_hold'],
      ['CR-103', 'Remove fax field', 'approved'],
    ]);
  });

  it('a loosely named key beside loose words only is no table: a checklist row (自動設定項目 beside Action) is no issue header', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('チェックリスト');
    s.addRow(['Java', 'Action', '自動設定項目', '・自動で値が設定されるものは、個別の業務ロジックにて設定しないこと。', '●', '●']);
    s.addRow(['Java', 'Form', '入力チェック', '・必須項目の未入力はエラーとすること。', '●', '']);
    const { id: projectId } = await call('project.create', { name: 'checklist' });
    const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'checklist.xlsx', dataBase64 });
    expect(p.rows).toEqual([]);
    expect(p.problems.map((x) => x.code)).toEqual(['noTable']);
  });

  it('a key found only by its cells still needs two more fields: a name and a decision are no change log', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Notes');
    s.addRow(['Code', 'Text', 'Decision']);
    s.addRow(['A1', 'Some longer free text here', 'Approved']);
    s.addRow(['A2', 'Another free text line', 'Approved']);
    const { id: projectId } = await call('project.create', { name: 'guessed' });
    const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const p = await call('excel.previewImport', { projectId, register: 'change', fileName: 'notes.xlsx', dataBase64 });
    expect(p.rows).toEqual([]);
    expect(p.problems.map((x) => x.code)).toEqual(['noTable']);
  });
});
